package search

import "context"

// When a citizen describes a problem in words nothing in the directory holds (丈夫经常打我), an empty page
// helps no one: the places that take any matter (legal aid, community legal advisers, law firms) are the
// answer, in the place the query names if it names one, and each says it was not an exact match. A query
// in Latin letters (a firm's English or pinyin name) or a licence number is a lookup: nothing found is its
// answer. A Han word that may be a person's name (张伟) is not told from a problem (林权) by its form, and
// the reasons say the answer is no exact match.

// generalKindsOrder are the kinds that take any matter, in the order they take turns.
var generalKindsOrder = []string{"legal_aid", "community_adviser", "law_firm"}

// GeneralHelp is the query for the places that take any matter, kept to q's place; false when q is a
// lookup (Latin words, a licence) or empty.
func (a *Analyzer) GeneralHelp(q Query) (Query, bool) {
	if q.Empty() || q.Licence != "" {
		return Query{}, false
	}
	if len(q.Latin) > 0 {
		return Query{}, false
	}
	g := Query{Raw: q.Raw, Places: q.Places, Near: q.Near, FreeHelp: q.FreeHelp, General: true,
		Solves: generalKindsOrder, SolverKinds: generalKindsOrder}
	var alts [][]lexeme
	for _, k := range generalKindsOrder {
		alts = append(alts, []lexeme{{text: prefixKind + k}})
	}
	g.concepts = append(g.concepts, concept{key: "s:general", alts: alts})
	for _, c := range q.concepts {
		if c.key == prefixPlace {
			g.concepts = append(g.concepts, c)
		}
	}
	for _, c := range q.Concepts {
		if c.Type == ConceptPlace {
			g.Concepts = append(g.Concepts, c)
		}
	}
	return g, true
}

// SearchOrHelp runs r on e, and when nothing at all matches a query that describes a matter, the general
// help query in its stead; it returns what was run. The API and the relevance tests search through it.
func SearchOrHelp(ctx context.Context, e Engine, a *Analyzer, r Request) (Result, Query, error) {
	res, err := e.Search(ctx, r)
	if err != nil || res.Total > 0 || len(res.Hits) > 0 {
		return res, r.Query, err
	}
	g, ok := a.GeneralHelp(r.Query)
	if !ok {
		return res, r.Query, nil
	}
	r.Query = g
	res, err = e.Search(ctx, r)
	return res, g, err
}
