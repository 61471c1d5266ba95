package importdb

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"testing"
)

// The index finds every id it holds and no other, at every size, and classes each by its fingerprint, its
// kind and whether the fingerprint still vouches for it.
func TestSourceIndexClassOf(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1023, 1024, 1025, 20000} {
		x := &SourceIndex{seed: maphash.MakeSeed()}
		fp := func(i int) Fingerprint { return Fingerprint{byte(i), byte(i >> 8), byte(i >> 16), 1} }
		for i := range n {
			id := fmt.Sprintf("id-%d", i)
			x.ids = append(x.ids, sourceEntry{hash: maphash.String(x.seed, id), fp: fp(i), vouched: i%3 != 0, sameKind: i%5 != 0})
		}
		x.sort()
		if !slices.IsSortedFunc(x.ids, func(a, b sourceEntry) int { return cmp.Compare(a.hash, b.hash) }) {
			t.Fatalf("n=%d: entries not sorted by hash", n)
		}
		for i := range n {
			id := fmt.Sprintf("id-%d", i)
			want := RowCompare
			if i%3 != 0 && i%5 != 0 {
				want = RowUnchanged
			}
			if got := x.ClassOf(id, fp(i)); got != want {
				t.Fatalf("n=%d: %s: class %d, want %d", n, id, got, want)
			}
			if got := x.ClassOf(id, fp(i+1)); got != RowCompare {
				t.Fatalf("n=%d: %s with another fingerprint: class %d, want compare", n, id, got)
			}
			if got := x.ClassOf(fmt.Sprintf("new-%d", i), fp(i)); got != RowNew {
				t.Fatalf("n=%d: new-%d: class %d, want new", n, i, got)
			}
		}
	}
}
