package search

import "strings"

// The engine passes these strings as parameters: `search_doc @@ $1::tsquery`, against a
// search document stored from Tokens.TSVector().
// Cast, do not call to_tsquery('simple', $1): to_tsquery runs each quoted lexeme through the
// text-search parser again, which splits "pa:labour" and "law_firm" at ':' and '_' and so
// would miss the code lexemes the index holds verbatim ('k:notary' becomes 'k' <-> 'notary').
// Han, Latin and digit lexemes come out the same either way. Checked once by hand on
// PostgreSQL 15: 1,144 strict and relaxed queries (judged set, known items, hostile input,
// 10,000-character input) all cast, and matched the same records as the in-memory stand-in
// of the tests, for both the TSVector() and the array_to_tsvector form; the engine's own
// test suite should keep such a check.
//
// Every lexeme is single-quoted with quotes and backslashes doubled, so no input can add an
// operator; lexemes are non-empty and at most maxLexemeBytes long.

// TSQuery is the strict form: every concept must match (AND), each by any of its
// alternatives (OR). "" when the query is empty.
func (q Query) TSQuery() string { return q.tsquery(" & ") }

// TSQueryAny is the relaxed form: any concept matches (OR). An engine runs it when the
// strict form finds nothing (citizens describe their trouble with words no record holds:
// "医院治错了找谁" is medical plus 治错, which no record contains) and orders by how much
// matched (ts_rank), so records meeting more concepts come first. "" when the query is empty.
func (q Query) TSQueryAny() string { return q.tsquery(" | ") }

// TSQueryButKinds is the strict form without the concept of the kinds the query names, and those kinds:
// for an engine that tests the kind on the rows. "" when the query names no kind, or nothing else.
func (q Query) TSQueryButKinds() (string, []string) {
	rest := Query{concepts: make([]concept, 0, len(q.concepts))}
	for _, c := range q.concepts {
		if c.key != prefixKind {
			rest.concepts = append(rest.concepts, c)
		}
	}
	if len(rest.concepts) == len(q.concepts) || len(q.Kinds) == 0 {
		return "", nil
	}
	return rest.TSQuery(), q.Kinds
}

// OnlyKind is the kind the query names when that is all it asks ("法律援助", "公证处"): one concept, a
// kind with one code. Its matches are exactly the places of that kind (a kind lexeme is its record's kind).
func (q Query) OnlyKind() (string, bool) {
	if len(q.concepts) != 1 || q.concepts[0].key != prefixKind || len(q.Kinds) != 1 {
		return "", false
	}
	return q.Kinds[0], true
}

func (q Query) tsquery(join string) string {
	parts := make([]string, 0, len(q.concepts))
	for _, c := range q.concepts {
		if s := c.tsquery(); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, join)
}

func (c concept) tsquery() string {
	alts := make([]string, 0, len(c.alts))
	for _, alt := range c.alts {
		ls := make([]string, 0, len(alt))
		for _, l := range alt {
			if l.text == "" {
				continue
			}
			s := quoteLexeme(l.text)
			if l.prefix {
				s += ":*"
			}
			ls = append(ls, s)
		}
		switch len(ls) {
		case 0:
		case 1:
			alts = append(alts, ls[0])
		default:
			alts = append(alts, "( "+strings.Join(ls, " & ")+" )")
		}
	}
	if len(alts) == 0 {
		return ""
	}
	return "( " + strings.Join(alts, " | ") + " )"
}

// quoteLexeme writes a lexeme as a tsquery/tsvector literal: single quotes around it,
// embedded quotes and backslashes doubled, NUL (which PostgreSQL text cannot hold) dropped.
func quoteLexeme(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case 0:
			continue
		case '\'', '\\':
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}
