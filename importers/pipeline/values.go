package pipeline

import (
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"legalmap/internal/directory"
)

// textCache remembers what a cell's text parsed to: a list repeats a handful of texts ("周一至周五
// 9:00-12:00,14:00-18:00", "婚姻家庭、劳动争议") over thousands of rows, and an unchanged row is only read,
// validated and fingerprinted, so parsing is much of its cost. It stops growing at maxCached distinct
// texts. The values it hands out are shared: nobody modifies them.
type textCache[V any] struct {
	m sync.Map // text -> V
	n atomic.Int32
}

const maxCached = 20000

func (c *textCache[V]) get(s string, parse func(string) V) V {
	if v, ok := c.m.Load(s); ok {
		return v.(V)
	}
	v := parse(s)
	if c.n.Load() < maxCached {
		c.n.Add(1)
		c.m.Store(strings.Clone(s), v) // the cell may share the reader's buffer: not kept alive by the cache
	}
	return v
}

type hoursValue struct {
	json  []byte
	warns []string
}

// hours parses a schedule cell into the JSON the hours column holds, with the parser's warnings.
func (e *rowEnv) hours(s, field string, w *[]Issue) []byte {
	hv := e.hoursCache.get(s, func(s string) hoursValue {
		h, ws := directory.ParseHours(s)
		b, err := json.Marshal(h)
		if err != nil {
			b = []byte("{}")
		}
		return hoursValue{json: b, warns: ws}
	})
	*w = appendWarnings(*w, field, hv.warns)
	return hv.json
}

type practiceWord struct {
	code string
	ok   bool
}

// practice matches a practice-area cell against the vocabulary (practiceIndex.match). Cells combine a few
// dozen words every which way, so it is the words that are remembered.
func (e *rowEnv) practice(s string) (codes, notes []string) {
	return matchWords(s, func(w string) (string, bool) {
		pw := e.practiceWords.get(w, func(w string) practiceWord {
			code, ok := e.v.practice.word(w)
			return practiceWord{code, ok}
		})
		return pw.code, pw.ok
	})
}

// verifiedAt reads a verification date (parseTime); the dates a list holds are few, so they are remembered.
func (e *rowEnv) verifiedAt(s string, w *[]Issue) *time.Time {
	if s == "" {
		return nil
	}
	if t := e.dates.get(s, func(s string) *time.Time { return parseTime(s, "verified_at", nil) }); t != nil {
		return t
	}
	return parseTime(s, "verified_at", w) // not a date: say so
}

// parsedText is a cell's parsed value with the warnings its parse gave: a cell repeated on many rows (a
// status, a list of languages) is parsed once and warned of on every row that holds it.
type parsedText[V any] struct {
	v     V
	warns []Issue
}

// status reads a status cell (parseStatus), remembered.
func (e *rowEnv) status(s string, w *[]Issue) string {
	p := e.statuses.get(s, func(s string) parsedText[string] {
		var ws []Issue
		st := parseStatus(s, &ws)
		return parsedText[string]{st, ws}
	})
	*w = append(*w, p.warns...)
	return p.v
}

// languages reads a languages cell (directory.ParseLanguages), remembered.
func (e *rowEnv) languages(s string, w *[]Issue) []string {
	p := e.languageLists.get(s, func(s string) parsedText[[]string] {
		codes, ws := directory.ParseLanguages(s)
		return parsedText[[]string]{codes, appendWarnings(nil, "languages", ws)}
	})
	*w = append(*w, p.warns...)
	return p.v
}
