package relevance

import (
	"testing"
)

// Floors of the sample set: first measured on the sample directory (seed 1, default scale) at precision@5
// 0.842 and recall 0.865 over 103 queries; 0.904 and 0.905 once the ranking took the named place and the
// name's coverage into account; 0.970 and 0.967 once migration 047 added everyday words this set found
// missing (an optimistic figure for those queries: the words were chosen from their failures). The floors
// stay at the ranking's figures less about three queries' worth, so a change that makes search worse fails
// here while the ties broken by random ids cannot.
const (
	samplePrecisionFloor = 0.87
	sampleRecallFloor    = 0.87
)

// sampleKnownFailures are the sample set's queries whose must_top5 / must_not ids the engine does not meet
// today, with what goes wrong. The queries were written before any was run and are not rewritten to
// pass; the test fails when a query not listed here misses its ids, and when a listed one meets them (so
// the list only shrinks).
var sampleKnownFailures = map[string]string{
	"Shenlian Law Firm": "judgement: Shenlian is the exact pinyin of another firm (深联, SZLF000096), which the strict query " +
		"finds, so the misspelling fallback never runs; the set's expectation (胜联) is arguable",
}

// TestSampleRelevanceFloor runs the sample set over the sample directory: precision@5 and recall overall
// must stay above the floors, and every query's must_top5 / must_not ids must hold.
func TestSampleRelevanceFloor(t *testing.T) {
	d := loadSample(t)
	rows := loadJudged(t, sampleJudged)
	everyday := 0
	var p, r float64
	n := 0
	for _, j := range rows {
		if j.class == "everyday" {
			everyday++
		}
		for _, id := range append(append([]string{}, j.mustTop5...), j.mustNot...) {
			if _, ok := d.docs[id]; !ok {
				t.Errorf("%s:%d %q: no record %s in the sample directory", j.file, j.line, j.query, id)
			}
		}
		o := run(t, d, j)
		failing := len(o.missing)+len(o.forbidden) > 0
		reason, known := sampleKnownFailures[j.query]
		switch {
		case failing && !known:
			t.Errorf("%s:%d %q: missing from top 5 %v, forbidden shown %v (top %v)", j.file, j.line, j.query, o.missing, o.forbidden, o.top)
		case failing:
			t.Logf("%s:%d %q: known failure (%s): missing %v, forbidden %v (top %v)", j.file, j.line, j.query, reason, o.missing, o.forbidden, o.top)
		case known:
			t.Errorf("%s:%d %q now meets its ids: remove it from sampleKnownFailures", j.file, j.line, j.query)
		}
		if o.relevant == 0 {
			t.Errorf("%s:%d %q: no record of the sample answers it: the judgement is wrong", j.file, j.line, j.query)
			continue
		}
		n++
		p += o.precision5
		r += o.recall
		if o.precision5 < 0.5 || o.recall < 0.5 {
			t.Logf("%s:%d %q: precision@5 %.2f recall %.2f of %d relevant (top %v)", j.file, j.line, j.query, o.precision5, o.recall, o.relevant, o.top)
		}
	}
	if len(rows) < 70 || everyday < 40 {
		t.Errorf("%d judged queries, %d everyday: want at least 70, 40 everyday", len(rows), everyday)
	}
	p, r = p/float64(max(1, n)), r/float64(max(1, n))
	t.Logf("%d sample queries scored: precision@5 %.3f, recall %.3f", n, p, r)
	if p < samplePrecisionFloor || r < sampleRecallFloor {
		t.Errorf("below the floor: precision@5 %.3f (>= %.2f), recall %.3f (>= %.2f)", p, samplePrecisionFloor, r, sampleRecallFloor)
	}
}

// BenchmarkSampleRelevance prints precision@5 and recall per query class of the sample set.
func BenchmarkSampleRelevance(b *testing.B) {
	benchmarkJudged(b, loadSample(b), loadJudged(b, sampleJudged))
}
