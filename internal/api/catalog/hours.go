package catalog

import (
	"encoding/json"
	"maps"
	"sync"
	"sync/atomic"

	"legalmap/internal/directory"
)

// Hours reads the stored hours; unreadable hours count as unknown (the importer and the admin form
// validate them, so this is a guard, not a path). Parsed hours are kept by their text: a directory has a
// few hundred distinct schedules, parsed once each instead of once per place per answer. The value
// returned is shared: callers read it, never change it.
//
// The cache is a map replaced whole when a schedule is added (copy on write): reads, one per place in
// every answer, take no lock and copy no key, and additions stop after the first minutes.
func Hours(raw []byte) directory.Hours {
	cache := parsedHours.Load()
	if h, ok := (*cache)[string(raw)]; ok {
		return h
	}
	var h directory.Hours
	if len(raw) > 0 && json.Unmarshal(raw, &h) != nil {
		h = directory.Hours{}
	}
	if len(*cache) < maxParsedHours {
		parsedMu.Lock()
		cache = parsedHours.Load()
		if _, ok := (*cache)[string(raw)]; !ok && len(*cache) < maxParsedHours {
			grown := make(map[string]directory.Hours, len(*cache)+1)
			maps.Copy(grown, *cache)
			grown[string(raw)] = h
			parsedHours.Store(&grown)
		}
		parsedMu.Unlock()
	}
	return h
}

// maxParsedHours bounds the cache of Hours: past that many distinct texts, hours are parsed each time.
const maxParsedHours = 4096

var (
	parsedHours = func() *atomic.Pointer[map[string]directory.Hours] {
		var p atomic.Pointer[map[string]directory.Hours]
		p.Store(&map[string]directory.Hours{})
		return &p
	}() // stored JSON text -> directory.Hours
	parsedMu sync.Mutex // held by the one adding
)
