package search

import (
	"sort"
	"strings"
)

// Query is a citizen's search text as understood by the analysis.
//
// Every concept the text names must be met (AND); a concept is met by any of its
// alternatives (OR): a practice area by the record's code or by the words the citizen used
// appearing in the record, a kind by its code, a place by its code or its name in the
// address, a term by all of its bigrams.
type Query struct {
	Raw     string   // the text as received
	Terms   []string // content words left after vocabulary words and stop words are taken out
	Areas   []string // practice-area codes named by the text, in order of appearance
	Kinds   []string // kind codes
	Places  []string // area codes; a street named together with its district collapses to the district
	Licence string   // a licence or credit-code-like token (normalised), if the text holds one
	Latin   []string // the Latin words among Terms, for a trigram similarity on name_en (typos)
	Near    bool     // 附近 / near me: order by distance

	// Concepts are what the text names, in order, each whole: a legal term is one concept, never the
	// words inside it.
	Concepts []Concept
	// Solves and Also are the kinds that solve what the text names (first) and that help too (next); a
	// search ranks places of these kinds first (KindTier).
	Solves, Also []string
	// SolverKinds are the specialist kinds that meet a practice-area concept by being that kind (遗嘱公证:
	// any notary office; 欠薪: legal aid, labour arbitration), for an engine that filters by fields.
	SolverKinds []string
	// FreeHelp: the text asks for free help (免费, 没钱, 法援): legal aid ranks first.
	FreeHelp bool
	// General: the query is the general help one (GeneralHelp): nothing matched what the citizen wrote.
	General bool
	// Hints are words the text of a place that does what the query names carries (亲子鉴定: 法医物证), for
	// an engine that ranks by text.
	Hints []string

	concepts []concept
}

// lexeme is one quoted operand of a tsquery; prefix adds :*.
type lexeme struct {
	text   string
	prefix bool
}

// concept is an OR of alternatives, each an AND of lexemes.
type concept struct {
	key  string
	alts [][]lexeme
}

// MaxQueryRunes is how much of a query is analysed; the API refuses longer input anyway,
// this keeps the analysis bounded when it does not.
const MaxQueryRunes = 200

const (
	maxConcepts   = 12 // ANDed concepts in one query
	maxAltLexemes = 12 // lexemes in one alternative (a long unknown run's bigrams)
	minPrefixLen  = 2  // Latin tokens this long or longer match as prefixes
)

// Empty reports that the text held nothing to search for (only stop words, punctuation).
func (q Query) Empty() bool { return len(q.concepts) == 0 }

// Query analyses a search text. It never fails: any input yields a (possibly empty) Query.
func (a *Analyzer) Query(raw string) Query {
	b := queryBuilder{a: a, q: Query{Raw: raw}, byKey: map[string]int{}}
	var latinRun []string
	for _, s := range scan(Normalize(Simplify(truncateRunes(raw, MaxQueryRunes)))) {
		if s.kind == segWord {
			latinRun = append(latinRun, s.text)
			continue
		}
		b.latin(latinRun)
		latinRun = nil
		b.han([]rune(s.text))
	}
	b.latin(latinRun)
	return b.q
}

type queryBuilder struct {
	a     *Analyzer
	q     Query
	byKey map[string]int
}

func (b *queryBuilder) han(run []rune) {
	pieces := b.a.dict.segment(run)
	for _, p := range pieces {
		e := p.e
		switch {
		case e != nil && e.meaningful():
			b.meaning(e, b.a.termAlts(p.text), p.text)
		case e != nil && (e.stop || e.near):
			b.q.Near = b.q.Near || e.near
		case e != nil:
			b.term(p.text)
		default:
			t := trimStops([]rune(p.text))
			// A lone character between known words is grammar (打 in 打离婚官司, 分 in
			// 怎么分), not a name; a character typed on its own (张) is kept.
			if len(t) > 1 || len(t) == 1 && len(pieces) == 1 {
				b.term(string(t))
			}
		}
	}
}

func (b *queryBuilder) term(text string) {
	if b.add("t:"+text, b.a.termAlts(text)) {
		b.q.Terms = appendUnique(b.q.Terms, text)
		typ := ConceptWords
		if looksLikeName(text) {
			typ = ConceptName
		}
		b.q.Concepts = append(b.q.Concepts, Concept{Type: typ, Text: text})
	}
}

// meaning adds what a vocabulary word stands for. Practice areas are ANDed with the rest
// (a firm can do labour and family law); kinds and places each form one concept whose codes
// are alternatives, since a record has one kind and one place: "打官司 没钱" asks for a law
// firm or legal aid, "福田 罗湖" for either district. The words the citizen used are
// alternatives too, except for kinds, which are asked for by code alone: "律师" wants law
// firms, not every legal-aid centre whose description mentions its duty lawyers.
//
// A legal term is met by what it means, never by its characters (公司法 is not 公司 and 司法): its surface
// words are no alternative unless it is also a vocabulary synonym. A specialist kind that solves the
// matter meets it by being that kind (遗嘱公证: every notary office), and a term with no practice area
// (提存, 调解) is met only by the kinds that solve it.
func (b *queryBuilder) meaning(e *entry, surface [][]lexeme, text string) {
	if e.legal != nil && !e.synonym {
		surface = nil
	}
	// A hint (亲子鉴定: 法医物证) is one more alternative: the places whose text carries it meet the concept
	// on more lexemes and rank higher among its matches.
	// hintAlts are the ways a place's text shows it does that work: the hint, or a term naming its work.
	var hint, hintAlts [][]lexeme
	if e.legal != nil && e.legal.hint != "" {
		hint = [][]lexeme{bigramAlt([]rune(e.legal.hint))}
		b.q.Hints = appendUnique(b.q.Hints, e.legal.hint)
		hintAlts = append(hintAlts, hint[0])
		for _, w := range b.a.hintWords[e.legal.hint] {
			hintAlts = append(hintAlts, bigramAlt([]rune(w)))
		}
	}
	m := b.a.solversOf(e)
	var solves, also []string
	if m != nil {
		solves, also = m.solves, m.also
		b.q.FreeHelp = b.q.FreeHelp || m.free
	}
	for _, k := range solves {
		b.q.Solves = appendUnique(b.q.Solves, k)
	}
	for _, k := range also {
		b.q.Also = appendUnique(b.q.Also, k)
	}
	// Only a legal term's own solvers meet it by kind: the kinds of a practice area as a whole rank its
	// matches (a notary may help with 立遗嘱) but do not widen them. A term with a hint is work only some
	// places of the kind do (亲子鉴定 is 法医物证 work): a solver meets it only when its text carries the
	// hint or the term itself (its categories' everyday words are in its document), so an institution
	// doing environmental damage or psychiatry alone is no answer.
	var specialists [][]lexeme
	for _, k := range solves {
		if e.legal != nil && len(e.legal.solves) > 0 && !generalKinds[k] {
			kind := lexeme{text: prefixKind + k}
			if hint == nil {
				specialists = append(specialists, []lexeme{kind})
				continue
			}
			for _, words := range hintAlts {
				specialists = append(specialists, append([]lexeme{kind}, words...))
			}
		}
	}
	if len(e.areas) > 0 {
		codes := append([]string{}, e.areas...)
		sort.Strings(codes)
		var alts [][]lexeme
		for _, c := range codes {
			alts = append(alts, []lexeme{{text: prefixArea + c}})
		}
		if b.add(prefixArea+strings.Join(codes, "|"), append(append(append(alts, specialists...), surface...), hint...)) {
			for _, c := range e.areas {
				b.q.Areas = appendUnique(b.q.Areas, c)
			}
			for _, alt := range specialists {
				b.q.SolverKinds = appendUnique(b.q.SolverKinds, strings.TrimPrefix(alt[0].text, prefixKind))
			}
			b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptArea, Text: text, Codes: codes, Solves: solves, Also: also,
				Free: m != nil && m.free, Own: ownWord(e)})
		}
	} else if len(e.kinds) == 0 && len(e.places) == 0 && len(solves) > 0 {
		alts := specialists
		if hint == nil || len(specialists) == 0 {
			alts = nil
			for _, k := range solves {
				alts = append(alts, []lexeme{{text: prefixKind + k}})
			}
			alts = append(alts, hint...)
		}
		if b.add("s:"+strings.Join(solves, "|"), alts) {
			b.q.SolverKinds = append(b.q.SolverKinds, solves...)
			b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptTerm, Text: text, Codes: solves, Solves: solves, Also: also,
				Free: m.free, Own: ownWord(e)})
		}
	}
	if len(e.kinds) > 0 {
		var alts [][]lexeme
		for _, c := range e.kinds {
			kind := lexeme{text: prefixKind + c}
			if hint == nil {
				alts = append(alts, []lexeme{kind})
				continue
			}
			// A kind's word that is work only some of its places do (亲子鉴定): as for a solver above.
			for _, words := range hintAlts {
				alts = append(alts, append([]lexeme{kind}, words...))
			}
		}
		if b.add(prefixKind, alts) {
			for _, c := range e.kinds {
				b.q.Kinds = appendUnique(b.q.Kinds, c)
			}
			b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptKind, Text: text, Codes: e.kinds, Free: m != nil && m.free})
		}
	}
	if len(e.places) > 0 {
		places := withoutDescendants(append(append([]string{}, b.q.Places...), widest(e.places)...))
		var alts [][]lexeme
		for _, c := range places {
			alts = append(alts, []lexeme{{text: prefixPlace + c}})
		}
		if b.add(prefixPlace, append(alts, surface...)) {
			b.q.Places = places
			b.prunePlaces()
			b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptPlace, Text: text, Codes: widest(e.places)})
		}
	}
}

// prunePlaces drops the code alternatives of places that a later, wider place made
// redundant ("华强北 福田": 440304 covers 440304011).
func (b *queryBuilder) prunePlaces() {
	c := &b.q.concepts[b.byKey[prefixPlace]]
	kept := c.alts[:0]
	for _, alt := range c.alts {
		if t := alt[0].text; len(alt) == 1 && strings.HasPrefix(t, prefixPlace) && !contains(b.q.Places, t[len(prefixPlace):]) {
			continue
		}
		kept = append(kept, alt)
	}
	c.alts = kept
}

// add appends a concept, or merges alternatives into the concept of the same key. It
// reports false when the concept was dropped because the query already has maxConcepts.
func (b *queryBuilder) add(key string, alts [][]lexeme) bool {
	for i := range alts {
		if len(alts[i]) > maxAltLexemes {
			alts[i] = alts[i][:maxAltLexemes]
		}
	}
	if i, ok := b.byKey[key]; ok {
		c := &b.q.concepts[i]
		for _, alt := range alts {
			if !containsAlt(c.alts, alt) {
				c.alts = append(c.alts, alt)
			}
		}
		return true
	}
	if len(b.q.concepts) >= maxConcepts {
		return false
	}
	b.byKey[key] = len(b.q.concepts)
	b.q.concepts = append(b.q.concepts, concept{key: key, alts: alts})
	return true
}

func containsAlt(alts [][]lexeme, alt []lexeme) bool {
	for _, a := range alts {
		if len(a) == len(alt) {
			same := true
			for i := range a {
				same = same && a[i] == alt[i]
			}
			if same {
				return true
			}
		}
	}
	return false
}
