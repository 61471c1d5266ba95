package search

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

func rankedIDs(rs []Ranked) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// Rank puts the place named exactly before one holding the name, before one sharing words only; a place
// in the area the query names before one elsewhere; of equal matches the nearer first; of equal scores
// the open one first, then by name and id.
func TestRank(t *testing.T) {
	q := Query{Raw: "福田公证处", Places: []string{"440304"}}
	at := orb.Point{114.05, 22.54}
	cands := []Candidate{
		{ID: "words", Name: "深圳市罗湖公证处", Text: 0.5, At: at},
		{ID: "holds", Name: "深圳市福田公证处", Text: 0.5, At: at},
		{ID: "exact", Name: "福田公证处", Text: 0.5, At: at},
	}
	if got := rankedIDs(Rank(cands, q, nil)); !slices.Equal(got, []string{"exact", "holds", "words"}) {
		t.Errorf("name boosts: %v", got)
	}
	cands = []Candidate{
		{ID: "elsewhere", Name: "甲", Text: 0.5, AreaCode: "440305001", At: at},
		{ID: "inside", Name: "乙", Text: 0.5, AreaCode: "440304008", At: at},
	}
	if got := rankedIDs(Rank(cands, q, nil)); !slices.Equal(got, []string{"inside", "elsewhere"}) {
		t.Errorf("place boost: %v", got)
	}
	near := orb.Point{114.05, 22.55}
	cands = []Candidate{
		{ID: "far", Name: "甲", Text: 0.5, At: orb.Point{114.30, 22.70}},
		{ID: "close", Name: "乙", Text: 0.5, At: orb.Point{114.051, 22.551}},
		{ID: "mid", Name: "丙", Text: 0.5, At: orb.Point{114.08, 22.56}},
	}
	rs := Rank(cands, Query{Raw: "律师"}, &near)
	if got := rankedIDs(rs); !slices.Equal(got, []string{"close", "mid", "far"}) {
		t.Errorf("nearness: %v", got)
	}
	if rs[0].Score > 0.5 || rs[0].Score < 0.45 || rs[2].Score > 0.1 {
		t.Errorf("nearness scores %v: want about the text score next door, a fraction of it 30 km away", rs)
	}
	// A much better text match wins over a nearer poor one within the district, not across the city.
	cands = []Candidate{{ID: "poor", Name: "甲", Text: 0.1, At: near}, {ID: "good", Name: "乙", Text: 0.5, At: orb.Point{114.08, 22.55}}}
	if got := rankedIDs(Rank(cands, Query{Raw: "律师"}, &near)); got[0] != "good" {
		t.Errorf("a good match 3 km away: %v", got)
	}
	cands = []Candidate{
		{ID: "b", Name: "同名", Text: 0.5, Status: "active", At: at},
		{ID: "c", Name: "同名", Text: 0.5, Status: "temporarily_closed", At: at},
		{ID: "a", Name: "同名", Text: 0.5, Status: "active", At: at},
		{ID: "d", Name: "别名", Text: 0.5, Status: "active", At: at},
	}
	if got := rankedIDs(Rank(cands, Query{Raw: "x"}, nil)); !slices.Equal(got, []string{"d", "a", "b", "c"}) {
		t.Errorf("ties: %v, want open ones by name and id, the closed one last", got)
	}
}

// page cuts a window, empty past the end.
func TestPage(t *testing.T) {
	all := Rank([]Candidate{{ID: "1", Text: 3}, {ID: "2", Text: 2}, {ID: "3", Text: 1}}, Query{}, nil)
	if got := rankedIDs(page(all, 1, 5)); !slices.Equal(got, []string{"2", "3"}) {
		t.Errorf("page(1, 5): %v", got)
	}
	if got := page(all, 3, 5); got != nil {
		t.Errorf("page past the end: %v", got)
	}
}
