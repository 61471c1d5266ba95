package fixedgzip

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"testing"

	kgzip "github.com/klauspost/compress/gzip"
)

// inflate reads a gzip member with the standard library's decoder, as a browser's zlib would.
func inflate(t testing.TB, z []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("header: %v", err)
	}
	r.Multistream(false)
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("body: %v", err)
	}
	if rest, _ := io.ReadAll(r); len(rest) > 0 {
		t.Fatalf("%d bytes after the member", len(rest))
	}
	return got
}

func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	inputs := [][]byte{nil, {0}, []byte("abc"), []byte("aaaa"), bytes.Repeat([]byte("a"), 100000),
		bytes.Repeat([]byte(`{"name":"福田区公证处","lat":22.5},`), 3000)}
	for range 400 {
		b := make([]byte, rng.IntN(80000)) // past the 32 KB window: far matches are refused
		alphabet := 1 + rng.IntN(256)
		for j := range b {
			b[j] = byte(rng.IntN(alphabet))
		}
		inputs = append(inputs, b)
	}
	for _, src := range inputs {
		z := Append([]byte("kept"), src)
		if !bytes.HasPrefix(z, []byte("kept")) {
			t.Fatal("dst's bytes were not kept")
		}
		if got := inflate(t, z[4:]); !bytes.Equal(got, src) {
			t.Fatalf("%d bytes came back as %d different ones", len(src), len(got))
		}
	}
}

// TestEveryLengthAndDistance makes matches of every length at distances across every distance symbol.
func TestEveryLengthAndDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, d := range []int{1, 2, 3, 4, 5, 7, 8, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
		1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32768} {
		for l := 4; l <= 258; l += 1 + l/16 {
			noise := make([]byte, d)
			for i := range noise {
				noise[i] = byte(rng.Uint32())
			}
			src := append(noise, noise[:min(l, d)]...)
			if got := inflate(t, Append(nil, src)); !bytes.Equal(got, src) {
				t.Fatalf("distance %d length %d: wrong bytes back", d, l)
			}
		}
	}
}

func TestDistanceSymbols(t *testing.T) {
	for d := uint32(1); d <= maxDistance; d++ {
		s := distSymbol(d)
		if d < distBase[s] || d-distBase[s] >= 1<<distExtra[s] {
			t.Fatalf("distance %d got symbol %d (base %d, %d extra bits)", d, s, distBase[s], distExtra[s])
		}
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte(`{"results":[{"id":"a","name":"律师事务所"}],"total":1}`))
	f.Add(bytes.Repeat([]byte{7}, 600))
	f.Fuzz(func(t *testing.T, src []byte) {
		if got := inflate(t, Append(nil, src)); !bytes.Equal(got, src) {
			t.Fatalf("%d bytes came back different", len(src))
		}
	})
}

// BenchmarkAnswer compresses a real nearest answer of ten places (testdata/answer.json, 4.4 KB), and
// for comparison klauspost/compress's gzip at its fastest level, which the server uses for big answers.
func BenchmarkAnswer(b *testing.B) {
	src, err := os.ReadFile("testdata/answer.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fixed", func(b *testing.B) {
		var out []byte
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			out = Append(out[:0], src)
		}
		b.ReportMetric(float64(len(out)), "bytes")
	})
	b.Run("klauspost", func(b *testing.B) {
		var out bytes.Buffer
		zw, _ := kgzip.NewWriterLevel(&out, kgzip.BestSpeed)
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			out.Reset()
			zw.Reset(&out)
			zw.Write(src)
			zw.Close()
		}
		b.ReportMetric(float64(out.Len()), "bytes")
	})
}
