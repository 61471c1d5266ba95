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

// The filters' conditions over providers p, each reading one parameter ($v), in the order of Filter.Args.
// A practice area is met by the place itself, by a practitioner belonging to it, or by one assigned to
// serve there (community adviser points): a citizen looking for a labour lawyer wants the firm whose
// lawyers do labour cases even when the firm's own list is empty. The practitioners' part ($p) comes in
// two forms, practitionersPerRow and practitionersAsSet.
const (
	kindCond     = `p.kind = ANY ($v::text[])`
	oneKindCond  = `p.kind = $v::text`
	areaCond     = `(p.practice_areas && $v::text[] OR $p)`
	languageCond = `p.languages && $v::text[]`
	freeCond     = `p.free = $v::boolean`
)

// Probed per place (EXISTS through practitioners_provider_idx): right for the index-ordered scans that
// stop after a few dozen rows (nearest, search, map points).
const practitionersPerRow = `EXISTS (SELECT 1 FROM practitioners pr
			WHERE pr.provider_id = p.id AND pr.status <> 'closed' AND pr.practice_areas && $v::text[])
		OR EXISTS (SELECT 1 FROM assignments asg JOIN practitioners pr ON pr.id = asg.practitioner_id
			WHERE asg.provider_id = p.id AND pr.status <> 'closed' AND pr.practice_areas && $v::text[])`

// Collected once into a hashed set (IN): faster than probing per row over a city-wide box (live
// clusters), and far slower for a scan that stops early.
const practitionersAsSet = `p.id IN (SELECT pr.provider_id FROM practitioners pr
			WHERE pr.practice_areas && $v::text[] AND pr.status <> 'closed')
		OR p.id IN (SELECT asg.provider_id FROM assignments asg JOIN practitioners pr ON pr.id = asg.practitioner_id
			WHERE pr.practice_areas && $v::text[] AND pr.status <> 'closed')`

// FilterSQL is the condition of a Filter over providers p (withdrawn records are never shown), reading its
// values from the four parameters $n..$n+3 in the order of Filter.Args. The text depends only on n: a
// statement is prepared once and the filters are values (each test is skipped when its list is empty).
func FilterSQL(n int) string { return filterWith(n, practitionersPerRow) }

// FilterSetSQL is FilterSQL with the practitioners collected as a set, for statements that read every
// place in a large box.
func FilterSetSQL(n int) string { return filterWith(n, practitionersAsSet) }

func filterWith(n int, practitioners string) string {
	return "p.status <> 'closed'\n\tAND " + filterTests(n, practitioners)
}

func filterTests(n int, practitioners string) string {
	p := func(i int) string { return "$" + strconv.Itoa(n+i) }
	return `(cardinality(` + p(0) + `::text[]) = 0 OR ` + cond(kindCond, p(0), "") + `)
	AND (cardinality(` + p(2) + `::text[]) = 0 OR ` + cond(languageCond, p(2), "") + `)
	AND (` + p(3) + `::boolean IS NULL OR ` + cond(freeCond, p(3), "") + `)
	AND (cardinality(` + p(1) + `::text[]) = 0 OR ` + cond(areaCond, p(1), practitioners) + `)`
}

// Where is the condition of only the filters f sets (after p.status <> 'closed'), their parameters
// numbered after args and appended to them. Unlike FilterSQL, its text differs with the filters set: a
// statement without filters has none of the tests a generic plan cannot fold away (cardinality($n) = 0),
// so the server can plan it once per connection rather than once per call.
func (f Filter) Where(args []any) (string, []any) {
	var b strings.Builder
	b.WriteString("p.status <> 'closed'")
	add := func(c string, v any, practitioners string) {
		args = append(args, v)
		b.WriteString("\n\t\tAND " + cond(c, "$"+strconv.Itoa(len(args)), practitioners))
	}
	switch len(f.Kinds) {
	case 0:
	case 1:
		// An equality, which the (kind, geography) index of nearest can use; an ANY over a list it cannot.
		add(oneKindCond, f.Kinds[0], "")
	default:
		add(kindCond, f.Kinds, "")
	}
	if len(f.PracticeAreas) > 0 {
		add(areaCond, f.PracticeAreas, practitionersPerRow)
	}
	if len(f.Languages) > 0 {
		add(languageCond, f.Languages, "")
	}
	if f.Free != nil {
		add(freeCond, *f.Free, "")
	}
	return b.String(), args
}

// cond writes the parameter into a condition (and into its practitioners' part).
func cond(c, param, practitioners string) string {
	return strings.ReplaceAll(strings.Replace(c, "$p", practitioners, 1), "$v", param)
}

// Args are the values FilterSQL reads. Lists go as empty arrays rather than NULL, which cardinality would
// turn into an unknown condition.
func (f Filter) Args() []any {
	return []any{NonNil(f.Kinds), NonNil(f.PracticeAreas), NonNil(f.Languages), f.Free}
}

// NonNil is s, or an empty list for nil: pgx sends a nil slice as NULL, which a text[] column that is NOT
// NULL refuses and cardinality() turns into an unknown condition.
func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
