package pipeline

import (
	"encoding/json"
	"sync"
	"sync/atomic"

	"legalmap/internal/directory"
	"legalmap/internal/search"
	"legalmap/internal/store"
)

// tsv hands a document's lexemes to the store, which sends them to PostgreSQL in binary.
func tsv(t search.Tokens) store.TSVector { return store.TSVector{A: t.A, B: t.B, C: t.C} }

// hoursCache remembers parsed opening hours by their text: a list repeats a handful of texts ("周一至周五
// 9:00-12:00,14:00-18:00") over thousands of rows. It stops growing at maxCachedHours distinct texts.
type hoursCache struct {
	m sync.Map // text -> hoursValue
	n atomic.Int32
}

const maxCachedHours = 20000

type hoursValue struct {
	json  []byte
	warns []string
}

// hours parses a schedule cell into the JSON the hours column holds, with the parser's warnings.
func (e *rowEnv) hours(s, field string, w *[]Issue) []byte {
	if v, ok := e.hoursCache.m.Load(s); ok {
		hv := v.(hoursValue)
		*w = appendWarnings(*w, field, hv.warns)
		return hv.json
	}
	h, ws := directory.ParseHours(s)
	b, err := json.Marshal(h)
	if err != nil {
		b = []byte("{}")
	}
	if e.hoursCache.n.Load() < maxCachedHours {
		e.hoursCache.n.Add(1)
		e.hoursCache.m.Store(s, hoursValue{json: b, warns: ws})
	}
	*w = appendWarnings(*w, field, ws)
	return b
}
