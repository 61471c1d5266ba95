package search

import (
	"hash/fnv"
	"strconv"
	"strings"
)

// Buckets bound the cost of a broad query. Every place's search document holds one of sampleBuckets
// bucket lexemes (b:0 … b:127), chosen by a hash of its name and address. A query first asks for its
// matches in bucket 0 alone: the GIN index answers that by walking the bucket's short posting list, so
// the cost is a 128th of the query's matches, not all of them ("律师" matches every law firm; building
// the full list of a few hundred thousand row ids only to rank a thousand of them was most of a search's
// time at a million places). Many matches in one bucket prove, beyond any practical doubt, that the query
// matches more than MaxRanked places, and the sample (widened by more buckets when small) is then the
// window that is ranked; few matches mean a narrow query, whose matches are all read and ranked.

// sampleBuckets is how many buckets the places are dealt into.
const sampleBuckets = 128

// broadSample is the number of matches in one bucket from which a query counts as broad: with at most
// MaxRanked matches in all, a bucket holds 7.8 on average and 30 or more with a chance below 1e-9
// (binomial, 1,000 draws at 1/128). A query called broad by mistake would only show "more than 1,000".
const broadSample = 30

// prefixBucket starts a bucket lexeme; like the other codes it holds a ':' no user text can produce.
const prefixBucket = "b:"

// bucketOf deals a place into its bucket by its name and address: stable for a record that keeps them,
// evenly spread, and computed from the document alone (the record's id is not known when an import
// builds its documents).
func bucketOf(name, address string) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write([]byte(address))
	return int(h.Sum32() % sampleBuckets)
}

func bucketLexeme(b int) string { return prefixBucket + strconv.Itoa(b) }

// bucketsQuery is the tsquery matching buckets [from, to).
func bucketsQuery(from, to int) string {
	parts := make([]string, 0, to-from)
	for b := from; b < to; b++ {
		parts = append(parts, quoteLexeme(bucketLexeme(b)))
	}
	return strings.Join(parts, " | ")
}
