package search

import (
	"testing"

	"legalmap/internal/store"
)

// Every search first asks bucket 0 through its own index (store.SearchSample, sql/052): that is the bucket
// the documents hold as bucket 0.
func TestSampleBucketIsBucketZero(t *testing.T) {
	if bucketLexeme(0) != store.SampleBucket {
		t.Errorf("documents write bucket 0 as %q, the sample index reads %q", bucketLexeme(0), store.SampleBucket)
	}
}
