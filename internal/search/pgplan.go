package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// How the search index reads a query. GIN reads the whole posting list of every lexeme a tsquery names,
// however few places the other lexemes leave: a kind's lexeme lists a large share of the directory (most
// places are community advisers or law firms), and a city's or a practice area's a good part of it. So
// the concepts of a query are parted: those read through the index, and those tested on each place the
// index yields. A concept costs the entries of its lists to read, or a test per place the read part
// yields; PostgreSQL's estimate of how many documents hold each lexeme (from the statistics ANALYZE keeps,
// asked per query with EXPLAIN) says which is less.

// rowCost is how many posting-list entries the index decodes in the time it takes to test one place: a
// heap fetch and a tsquery test against its document.
const rowCost = 30

// lexemeShares is how many search documents PostgreSQL expects to hold each lexeme (a prefix, to hold
// the prefix as a word of its own).
type lexemeShares map[string]float64

func (s lexemeShares) of(l lexeme) float64 { return s[l.text] }

// read is how many entries the index decodes to read c: every entry of every lexeme's list.
func (s lexemeShares) read(c concept) float64 {
	var n float64
	for _, alt := range c.alts {
		for _, l := range alt {
			n += s.of(l)
		}
	}
	return n
}

// yield is at most how many places c matches: an alternative matches no more places than its rarest
// lexeme is in.
func (s lexemeShares) yield(c concept) float64 {
	var n float64
	for _, alt := range c.alts {
		if len(alt) == 0 {
			continue
		}
		least := math.Inf(1)
		for _, l := range alt {
			least = min(least, s.of(l))
		}
		n += least
	}
	return n
}

// splitConcepts parts ANDed concepts into the tsquery read through the index and the one tested on the
// places it yields ("" when every concept is read). The concept yielding fewest places is read. Each
// other is read too unless its lists cost more to decode than testing every place read so far would: the
// test may have to go through all of them (the places a concept misses can be just those the others
// yield), so this is the bound that makes a split never cost much more than reading.
func splitConcepts(cs []concept, s lexemeShares) (index, rows string) {
	order := slices.Clone(cs)
	slices.SortStableFunc(order, func(a, b concept) int { return cmp.Compare(s.yield(a), s.yield(b)) })
	var in, out []string
	yielded := math.Inf(1)
	for _, c := range order {
		t := c.tsquery()
		if t == "" {
			continue
		}
		if len(in) == 0 || s.read(c) <= rowCost*yielded {
			in = append(in, t)
			yielded = min(yielded, s.yield(c))
		} else {
			out = append(out, t)
		}
	}
	return strings.Join(in, " & "), strings.Join(out, " & ")
}

// coveringLexemes is a set of lexemes every match of the ANDed concepts holds one of: those of the
// concept whose alternatives' rarest lexemes (matched whole, not as prefixes) the fewest documents hold,
// one for each of its alternatives; without estimates, the first concept's. ok is false when no concept
// has such a lexeme in each alternative.
func coveringLexemes(cs []concept, s lexemeShares) (cover []string, ok bool) {
	least := math.Inf(1)
	for _, c := range cs {
		var set []string
		var n float64
		for _, alt := range c.alts {
			var rarest lexeme
			found := false
			for _, l := range alt {
				if !l.prefix && (!found || s.of(l) < s.of(rarest)) {
					rarest, found = l, true
				}
			}
			if !found {
				set = nil
				break
			}
			if !slices.Contains(set, rarest.text) {
				set, n = append(set, rarest.text), n+s.of(rarest)
			}
		}
		if len(set) > 0 && n < least {
			cover, least, ok = set, n, true
		}
	}
	return cover, ok
}

// lexemesOf lists the lexemes of concepts, each once.
func lexemesOf(cs []concept) []string {
	var out []string
	for _, c := range cs {
		for _, alt := range c.alts {
			for _, l := range alt {
				if !slices.Contains(out, l.text) {
					out = append(out, l.text)
				}
			}
		}
	}
	return out
}

// tsqueryOf is the AND of concepts.
func tsqueryOf(cs []concept) string {
	return Query{concepts: cs}.TSQuery()
}
