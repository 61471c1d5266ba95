package store

import (
	"strconv"
	"strings"
)

// Filter narrows the public reads. An empty list or a nil Free means "any". Codes are checked by the
// caller against the vocabularies; here they are only values of parameters.
type Filter struct {
	Kinds         []string
	PracticeAreas []string // the place, one of its practitioners, or a practitioner serving there covers one
	Languages     []string
	Free          *bool
}

// filterSQL is the condition of a Filter over providers p (withdrawn records are never shown), reading its
// values from the four parameters $n..$n+3 in the order of Filter.args. The text depends only on n: a
// statement is prepared once and the filters are values.
//
// A practice area is met by the place itself, by a practitioner belonging to it, or by one assigned to
// serve there (community adviser points): a citizen looking for a labour lawyer wants the firm whose
// lawyers do labour cases even when the firm's own list is empty. Here the practitioners are probed per
// place (EXISTS through practitioners_provider_idx), right for the index-ordered scans that stop after a
// few dozen rows (nearest, search, map points).
func filterSQL(n int) string { return filterWith(n, practitionersPerRow) }

// filterSetSQL is filterSQL for statements that read every place in a large box (live clusters): the
// practitioners' places are collected once into a hashed set (IN), three times faster than probing per
// row over a city-wide box, and far slower for a scan that stops early.
func filterSetSQL(n int) string { return filterWith(n, practitionersAsSet) }

const practitionersPerRow = `EXISTS (SELECT 1 FROM practitioners pr
			WHERE pr.provider_id = p.id AND pr.status <> 'closed' AND pr.practice_areas && $a::text[])
		OR EXISTS (SELECT 1 FROM assignments asg JOIN practitioners pr ON pr.id = asg.practitioner_id
			WHERE asg.provider_id = p.id AND pr.status <> 'closed' AND pr.practice_areas && $a::text[])`

const practitionersAsSet = `p.id IN (SELECT pr.provider_id FROM practitioners pr
			WHERE pr.practice_areas && $a::text[] AND pr.status <> 'closed')
		OR p.id IN (SELECT asg.provider_id FROM assignments asg JOIN practitioners pr ON pr.id = asg.practitioner_id
			WHERE pr.practice_areas && $a::text[] AND pr.status <> 'closed')`

func filterWith(n int, practitioners string) string {
	k, a, l, f := "$"+strconv.Itoa(n), "$"+strconv.Itoa(n+1), "$"+strconv.Itoa(n+2), "$"+strconv.Itoa(n+3)
	return strings.NewReplacer("$k", k, "$a", a, "$l", l, "$f", f).Replace(`p.status <> 'closed'
	AND (cardinality($k::text[]) = 0 OR p.kind = ANY ($k::text[]))
	AND (cardinality($l::text[]) = 0 OR p.languages && $l::text[])
	AND ($f::boolean IS NULL OR p.free = $f::boolean)
	AND (cardinality($a::text[]) = 0 OR p.practice_areas && $a::text[]
		OR ` + practitioners + `)`)
}

// args are the values filterSQL reads. Lists go as empty arrays rather than NULL, which cardinality would
// turn into an unknown condition.
func (f Filter) args() []any {
	return []any{orEmpty(f.Kinds), orEmpty(f.PracticeAreas), orEmpty(f.Languages), f.Free}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
