package search

import "strings"

// Latin words in a query: English vocabulary ("legal aid", "divorce"), pinyin of places and
// kinds ("futian", "gongzhengchu", typed joined or spaced), pinyin or English names of
// providers and people, and licence numbers.

// latin handles a run of consecutive Latin words: longest vocabulary phrases first
// ("traffic accident lawyer" -> traffic_accident, law_firm; "bao an" -> 宝安, before "an"
// could be dropped as an English stop word), the rest as terms.
func (b *queryBuilder) latin(words []string) {
	var pending []string // consecutive words that are no vocabulary: one name, maybe
	flush := func() {
		b.latinTerms(pending)
		pending = nil
	}
	for i := 0; i < len(words); {
		if n, e := b.a.latinLongest(words[i:]); e != nil {
			flush()
			var alt []lexeme
			for _, w := range words[i : i+n] {
				if !latinStop[w] {
					alt = append(alt, vocabularyLexeme(w))
				}
			}
			b.meaning(e, [][]lexeme{alt}, strings.Join(words[i:i+n], " "))
			i += n
			continue
		}
		w := words[i]
		i++
		if latinNear[w] {
			b.q.Near = true
			flush()
			continue
		}
		if parts := b.a.splitJoined(w); parts != nil {
			flush()
			for _, p := range parts {
				b.meaning(p.e, [][]lexeme{{vocabularyLexeme(p.text)}}, p.text)
			}
			continue
		}
		pending = append(pending, w)
	}
	flush()
}

func (a *Analyzer) latinLongest(words []string) (int, *entry) {
	max := a.latinMax
	if len(words) < max {
		max = len(words)
	}
	for n := max; n >= 1; n-- {
		key := strings.Join(words[:n], " ")
		e := a.latin[key]
		if e == nil && n == 1 && len(key) > 3 && strings.HasSuffix(key, "s") {
			e = a.latin[key[:len(key)-1]] // lawyers, notaries' plain plural only
		}
		if e != nil && e.meaningful() {
			return n, e
		}
	}
	return 0, nil
}

// splitJoined cuts a word typed without spaces into vocabulary spellings that cover it
// whole ("futiangongzhengchu" -> futian + gongzhengchu), fewest pieces first; nil when it
// cannot. Only whole covers count, so a name like "huashang" is not torn into syllables.
func (a *Analyzer) splitJoined(w string) []piece {
	if len(w) < 8 || len(w) > 40 {
		return nil
	}
	// best[i] is the fewest pieces covering w[:i]; from[i] where the last one starts.
	best := make([]int, len(w)+1)
	from := make([]int, len(w)+1)
	for i := 1; i <= len(w); i++ {
		best[i] = -1
		for j := 0; j < i; j++ {
			if best[j] < 0 || (best[i] >= 0 && best[j]+1 >= best[i]) {
				continue
			}
			if e := a.latin[w[j:i]]; e != nil && e.meaningful() {
				best[i], from[i] = best[j]+1, j
			}
		}
	}
	if best[len(w)] < 2 {
		return nil
	}
	var parts []piece
	for i := len(w); i > 0; i = from[i] {
		parts = append([]piece{{text: w[from[i]:i], e: a.latin[w[from[i]:i]]}}, parts...)
	}
	return parts
}

// vocabularyLexeme is a word found whole in the vocabulary, as the citizen's own wording beside the codes it
// stands for: exact, not a prefix. The word is complete, and what a prefix would add is mostly what the
// codes find already ("futian":* is every place whose pinyin holds futian…, nearly all in area 440304) at
// the highest price a GIN lookup has: a prefix reads every key it covers.
func vocabularyLexeme(w string) lexeme { return lexeme{text: clampLexeme(w)} }

func latinLexeme(w string) lexeme {
	w = clampLexeme(w)
	return lexeme{text: w, prefix: len(w) >= minPrefixLen && !isDigits(w)}
}

// latinTerms adds the words that matched no vocabulary. Licence numbers stand alone;
// short numbers are dropped; the other words of a run form one concept that all of them
// meet, or their joined form does: "chen gang" finds chen… and gang… anywhere in a record,
// and ranks first the record whose pinyin (or English name) holds "chengang".
func (b *queryBuilder) latinTerms(words []string) {
	words = withoutStops(words)
	var alt []lexeme
	var joined strings.Builder
	for _, w := range words {
		switch {
		case looksLikeLicence(w):
			w = clampLexeme(w)
			if b.q.Licence == "" {
				b.q.Licence = w
			}
			if b.add("lic:"+w, [][]lexeme{{{text: w, prefix: true}}}) {
				b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptName, Text: w})
			}
		case isDigits(w) && len(w) < 3:
			// "3个月", "2年": quantities, not something a record is found by
		default:
			alt = append(alt, latinLexeme(w))
			joined.WriteString(w)
		}
	}
	if len(alt) == 0 {
		return
	}
	alts := [][]lexeme{alt}
	if len(alt) > 1 {
		alts = append(alts, []lexeme{latinLexeme(joined.String())})
	}
	if !b.add("t:"+joined.String(), alts) {
		return
	}
	b.q.Concepts = append(b.q.Concepts, Concept{Type: ConceptName, Text: strings.Join(words, " ")})
	for _, l := range alt {
		b.q.Terms = appendUnique(b.q.Terms, l.text)
		b.q.Latin = appendUnique(b.q.Latin, l.text)
	}
}

// withoutStops drops English stop words from a run of unknown words, but keeps the ones that
// are also pinyin syllables (an 安, you 尤) when the run has a real word beside them:
// "fa an" is a name, "an attorney" is not.
func withoutStops(words []string) []string {
	content := 0
	for _, w := range words {
		if !latinStop[w] {
			content++
		}
	}
	var out []string
	for _, w := range words {
		if !latinStop[w] || content > 0 && pinyinStop[w] {
			out = append(out, w)
		}
	}
	return out
}
