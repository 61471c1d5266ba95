package search

import (
	"context"
	"fmt"
	"testing"

	"legalmap/internal/store"
)

func TestHitsCache(t *testing.T) {
	ctx := context.Background()
	c := newHitsCache(100_000)
	loads := 0
	load := func(n int) func(context.Context) ([]store.SearchHit, error) {
		return func(context.Context) ([]store.SearchHit, error) {
			loads++
			hits := make([]store.SearchHit, n, n+10) // room to spare: a careless append would write into it
			for i := range hits {
				hits[i] = store.SearchHit{ID: fmt.Sprintf("id-%d-%d", loads, i)}
			}
			return hits, nil
		}
	}
	key := cacheKey{"sample", "'k:notary'", "||", 100}
	first, _ := c.read(ctx, 7, key, load(3))
	again, _ := c.read(ctx, 7, key, load(3))
	if loads != 1 || again[0].ID != first[0].ID {
		t.Fatalf("the same read for the same version loaded %d times", loads)
	}
	if cap(again) != len(again) {
		t.Errorf("a cached slice has room to append (cap %d, len %d): appends would write into it", cap(again), len(again))
	}
	// Version 0 is unknown: always read.
	c.read(ctx, 0, key, load(3))
	c.read(ctx, 0, key, load(3))
	// Another filter or limit is another read.
	c.read(ctx, 7, cacheKey{"sample", "'k:notary'", "notary||", 100}, load(3))
	if loads != 4 {
		t.Fatalf("%d loads, want 4", loads)
	}
	// A new version empties the cache; a read made for an older version is not kept.
	if fresh, _ := c.read(ctx, 8, key, load(3)); fresh[0].ID == first[0].ID {
		t.Error("version 8 got version 7's hits")
	}
	c.read(ctx, 7, cacheKey{"all", "x", "", 1}, load(1))
	c.read(ctx, 7, cacheKey{"all", "x", "", 1}, load(1))
	if loads != 7 {
		t.Errorf("%d loads, want 7: a read for an older version was kept", loads)
	}
	// Past maxBytes the least recently used go first.
	for i := 0; i < 200; i++ {
		c.read(ctx, 8, cacheKey{"all", fmt.Sprint(i), "", 1}, load(50))
		c.read(ctx, 8, key, load(3)) // used all along: stays
	}
	if c.bytes > c.maxBytes {
		t.Errorf("holds %d bytes, more than %d", c.bytes, c.maxBytes)
	}
	before := loads
	c.read(ctx, 8, key, load(3))
	c.read(ctx, 8, cacheKey{"all", "0", "", 1}, load(50))
	if loads != before+1 {
		t.Errorf("%d loads for one recent and one long-evicted read, want 1", loads-before)
	}
}
