package search

import (
	"container/list"
	"context"
	"strconv"
	"strings"
	"sync"

	"legalmap/internal/store"
)

// hitsCache keeps, for the directory's current version, the matches PG read for recent queries that do
// not depend on where the citizen is: the sample bucket's, a narrow query's full list, a broad one's
// widened sample. Citizens ask the same few hundred things ("离婚", "公证处", "欠薪 律师") far more often
// than anything else, and these reads are most of a search's database time: a district's notaries, just
// over the ranking line, took 7 ms to read on their own at a million places, under load three times
// that. What depends on the location (the cells around the citizen) is always read afresh.
//
// A new directory version empties the cache, so an answer is as fresh as the version the request read
// (the API's version cache holds it for at most a second, as ETags do). Least recently used entries go
// first once the hits held pass maxBytes (SEARCH_CACHE_MB, 32 by default: at about 100 bytes a hit, the
// full lists of some 300 narrow queries or the samples of 3,000 broad ones). The slices handed out are shared: callers must not change them
// (they are clipped, so an append copies).
type hitsCache struct {
	mu       sync.Mutex
	version  int64
	entries  map[cacheKey]*list.Element // of *cacheEntry
	lru      list.List                  // front: most recently used
	bytes    int
	maxBytes int
}

// cacheKey names one read: which statement, with which tsquery, filters and limit.
type cacheKey struct {
	read   string
	tsq    string
	filter string
	limit  int
}

type cacheEntry struct {
	key   cacheKey
	hits  []store.SearchHit
	bytes int
}

func newHitsCache(maxBytes int) *hitsCache {
	return &hitsCache{entries: map[cacheKey]*list.Element{}, maxBytes: maxBytes}
}

// read returns the hits of key for version, from the cache or from load (whose answer is kept). Version 0
// (unknown) bypasses the cache.
func (c *hitsCache) read(ctx context.Context, version int64, key cacheKey, load func(context.Context) ([]store.SearchHit, error)) ([]store.SearchHit, error) {
	if c == nil || version == 0 {
		return load(ctx)
	}
	c.mu.Lock()
	if version == c.version {
		if el, ok := c.entries[key]; ok {
			c.lru.MoveToFront(el)
			hits := el.Value.(*cacheEntry).hits
			c.mu.Unlock()
			return hits, nil
		}
	}
	c.mu.Unlock()
	hits, err := load(ctx)
	if err != nil {
		return nil, err
	}
	hits = hits[:len(hits):len(hits)]
	c.keep(version, key, hits)
	return hits, nil
}

func (c *hitsCache) keep(version int64, key cacheKey, hits []store.SearchHit) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return // read before a change another request has seen: not kept
	case version > c.version:
		c.version, c.bytes = version, 0
		clear(c.entries)
		c.lru.Init()
	}
	if _, ok := c.entries[key]; ok {
		return
	}
	e := &cacheEntry{key: key, hits: hits, bytes: 200 + len(key.tsq) + len(key.filter)}
	for _, h := range hits {
		e.bytes += 64 + len(h.ID) + len(h.Name) + len(h.AreaCode)
	}
	if e.bytes > c.maxBytes/8 {
		return // one huge read would push out many small ones
	}
	c.entries[key] = c.lru.PushFront(e)
	c.bytes += e.bytes
	for c.bytes > c.maxBytes {
		last := c.lru.Back()
		old := last.Value.(*cacheEntry)
		c.lru.Remove(last)
		delete(c.entries, old.key)
		c.bytes -= old.bytes
	}
}

// filterKey writes a filter as a cache key's part.
func filterKey(f store.Filter) string {
	var b strings.Builder
	for _, list := range [][]string{f.Kinds, f.PracticeAreas, f.Languages} {
		b.WriteString(strings.Join(list, ","))
		b.WriteByte('|')
	}
	if f.Free != nil {
		b.WriteString(strconv.FormatBool(*f.Free))
	}
	return b.String()
}
