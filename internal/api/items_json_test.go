package api

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// TestListJSONMatchesEncodingJSON holds the hand-written list encoder to encoding/json's bytes, as Echo's
// c.JSON writes them, over random answers with hostile strings and edge numbers.
func TestListJSONMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		a := randomList(rng)
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(a); err != nil {
			t.Fatal(err)
		}
		got := appendList(nil, &a)
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("answer %d differs:\n got %s\nwant %s", n, got, want.Bytes())
		}
	}
}

// TestListJSONEveryField fails when placeItem gains a field the hand-written encoder does not write.
func TestListJSONEveryField(t *testing.T) {
	yes, d, now := true, 12.5, time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)
	it := placeItem{ID: "i", Kind: "k", Name: "n", NameEn: "e", Address: "a", Lat: 1, Lng: 2, DistanceM: &d,
		Phones: []string{"p"}, OpenNow: &yes, PracticeAreas: []string{"x"}, Languages: []string{"zh"}, Free: &yes,
		Status: "active", VerifiedAt: &now, MatchedPractitioners: []string{"m"}}
	var fields map[string]any
	if err := json.Unmarshal(it.appendJSON(nil), &fields); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(it)
	var all map[string]any
	_ = json.Unmarshal(want, &all)
	if len(fields) != len(all) {
		t.Fatalf("the encoder writes %d fields of placeItem's %d", len(fields), len(all))
	}
}

func randomList(rng *rand.Rand) listAnswer[placeItem] {
	a := listAnswer[placeItem]{Total: rng.IntN(1000), Limit: rng.IntN(100), Offset: rng.IntN(50)}
	if rng.IntN(20) > 0 {
		a.Results = []placeItem{}
	}
	for i := rng.IntN(4); a.Results != nil && i > 0; i-- {
		a.Results = append(a.Results, randomItem(rng))
	}
	return a
}

func randomItem(rng *rand.Rand) placeItem {
	it := placeItem{ID: randomText(rng), Kind: randomText(rng), Name: randomText(rng), NameEn: randomText(rng),
		Address: randomText(rng), Lat: randomFloat(rng), Lng: randomFloat(rng), Phones: randomTexts(rng),
		PracticeAreas: randomTexts(rng), Languages: randomTexts(rng), Status: randomText(rng),
		MatchedPractitioners: randomTexts(rng)}
	if rng.IntN(2) == 0 {
		d := randomFloat(rng)
		it.DistanceM = &d
	}
	for _, p := range []**bool{&it.OpenNow, &it.Free} {
		if v := rng.IntN(3); v < 2 {
			b := v == 1
			*p = &b
		}
	}
	if rng.IntN(2) == 0 {
		at := time.Unix(rng.Int64N(4e9), rng.Int64N(3)*int64(rng.IntN(1e9))).In(time.FixedZone("", 3600*(rng.IntN(25)-12)))
		it.VerifiedAt = &at
	}
	return it
}

func randomTexts(rng *rand.Rand) []string {
	if rng.IntN(4) == 0 {
		return nil
	}
	s := []string{}
	for i := rng.IntN(4); i > 0; i-- {
		s = append(s, randomText(rng))
	}
	return s
}

// randomText mixes plain text, Chinese, every ASCII control and HTML character, the JavaScript line
// separators and invalid UTF-8.
func randomText(rng *rand.Rand) string {
	pieces := []string{"a", "律师事务所", "\"", "\\", "<", ">", "&", "\u2028", "\u2029", "\xff", "\xe4\xb8",
		"\x7f", "é", "😀", "/", " ", "\ufffd"}
	var b []byte
	for i := rng.IntN(12); i > 0; i-- {
		if rng.IntN(4) == 0 {
			b = append(b, byte(rng.IntN(0x20)))
		} else {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
	}
	return string(b)
}

func randomFloat(rng *rand.Rand) float64 {
	switch rng.IntN(6) {
	case 0:
		return 0
	case 1:
		return math.Round(rng.Float64()*1e8) / 1e7 * float64(1-2*rng.IntN(2))
	case 2:
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(60)-30))
	case 3:
		return float64(rng.IntN(100000)) / 10
	case 4:
		return math.Copysign(0, -1)
	}
	return rng.Float64() * 200
}
