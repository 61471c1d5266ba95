package search

// Han text has no spaces, so it is cut two ways here:
//
//   - character bigrams ("福田公证处" -> 福田 田公 公证 证处): needs no word list, finds names the
//     dictionary never heard of (华商, 张伟), and an AND of a term's bigrams behaves almost like
//     a phrase match;
//   - forward maximum matching (FMM) over a dictionary built from the vocabulary (kinds,
//     practice areas and their everyday synonyms, places) plus a small list of common legal
//     and function words: used on the query side to recognise everyday words and drop stop
//     words, and, in the modes measured below, on the index side too.
//
// Measured (TestMeasureCJKModes, TestMeasureKnownItems; go test -run Measure -v) with an
// in-memory stand-in for the PostgreSQL engine over testdata/docs.json (116 providers, 508
// practitioners, 80 of the firms generated with common names), strict query first, relaxed
// when strict finds nothing, ordered by summed lexeme weight:
//
//	                 judged queries (91)        known items (474: 华商, 张伟, …)
//	mode       top1  top5  P@5          top1  top5  P@5    records matched per query
//	bigram       88    88  0.926         468   473  0.998  2.0
//	dict         88    88  0.919         225   453  0.933  4.3
//	combined     88    88  0.926         468   473  0.998  2.0
//
// Judged queries are decided by the vocabulary (codes), so the cut barely matters there.
// On names it decides everything: dictionary-only segmentation breaks unknown names into
// single characters (张伟 -> 张 & 伟) that meet in unrelated records; adding dictionary
// words to bigrams changes nothing, since an AND of bigrams already finds the word. So the
// index holds bigrams only; the query uses the dictionary to understand and drop words,
// and bigrams to match.

// cjkMode selects how Han text becomes lexemes. Only modeBigram is used in production;
// the others stay so that the measurement can be repeated when the vocabulary grows.
type cjkMode uint8

const (
	modeBigram   cjkMode = iota // bigrams (+ the unigram of a one-character run)
	modeDict                    // FMM words, unknown characters as unigrams
	modeCombined                // bigrams plus FMM words
)

// bigrams returns the overlapping character pairs of a Han run, or the run itself when
// it is a single character.
func bigrams(run []rune) []string {
	if len(run) == 1 {
		return []string{string(run)}
	}
	out := make([]string, 0, len(run)-1)
	for i := 0; i+1 < len(run); i++ {
		out = append(out, string(run[i:i+2]))
	}
	return out
}

// entry is what the dictionary knows of a word. A word can mean several things at once
// (交通事故鉴定 is both a practice area and a kind's business), so the roles are not exclusive.
type entry struct {
	areas, kinds, places []string
	stop                 bool          // function, question and filler words: carry no retrieval value
	near                 bool          // 附近, 周边: the citizen means "near me"
	known                bool          // a legal word with no vocabulary meaning: a term of its own
	legal                *legalMeaning // a term of the legal vocabulary (legal_terms): what solves it
	synonym              bool          // a kind's or practice area's own name or everyday word
}

func (e *entry) meaningful() bool {
	return len(e.areas)+len(e.kinds)+len(e.places) > 0 || e.legal != nil && len(e.legal.solves) > 0
}

// dictionary maps Han words to entries; maxLen bounds the FMM window.
type dictionary struct {
	words  map[string]*entry
	maxLen int
}

func newDictionary() *dictionary { return &dictionary{words: map[string]*entry{}} }

// add returns the entry for w, creating it. Words of one character are refused (nil):
// a single character is too ambiguous to mean a practice area on its own, and as a stop
// word it would cut names apart (stop characters are handled in trimStops instead).
func (d *dictionary) add(w string) *entry {
	n := len([]rune(w))
	if n < 2 {
		return nil
	}
	e := d.words[w]
	if e == nil {
		e = &entry{}
		d.words[w] = e
		if n > d.maxLen {
			d.maxLen = n
		}
	}
	return e
}

// piece is one FMM step: a dictionary word (e != nil) or a run of unknown characters.
type piece struct {
	text string
	e    *entry
}

// segment runs forward maximum matching over one Han run; consecutive unknown characters
// are merged into one piece so that an unknown name stays whole.
func (d *dictionary) segment(run []rune) []piece { return d.segmentOver(run, nil) }

// segmentOver is segment over the words use accepts (nil: all).
func (d *dictionary) segmentOver(run []rune, use func(*entry) bool) []piece {
	var out []piece
	unknown := -1
	for i := 0; i < len(run); {
		n, e := d.longest(run, i, use)
		if e == nil {
			if unknown < 0 {
				unknown = i
			}
			i++
			continue
		}
		if unknown >= 0 {
			out = append(out, piece{text: string(run[unknown:i])})
			unknown = -1
		}
		out = append(out, piece{text: string(run[i : i+n]), e: e})
		i += n
	}
	if unknown >= 0 {
		out = append(out, piece{text: string(run[unknown:])})
	}
	return out
}

func (d *dictionary) longest(run []rune, i int, use func(*entry) bool) (int, *entry) {
	max := d.maxLen
	if rest := len(run) - i; rest < max {
		max = rest
	}
	for n := max; n >= 2; n-- {
		if e := d.words[string(run[i:i+n])]; e != nil && (use == nil || use(e)) {
			return n, e
		}
	}
	return 0, nil
}

// trimStops drops stop characters (我 的 了 吗 找 …) from both ends of an unknown piece,
// never from its middle, so 张有才 keeps its 有 while 我想 and 找 vanish.
func trimStops(run []rune) []rune {
	for len(run) > 0 && stopChars[run[0]] {
		run = run[1:]
	}
	for len(run) > 0 && stopChars[run[len(run)-1]] {
		run = run[:len(run)-1]
	}
	return run
}

// hanLexemes is the index-side cut of one Han run in the given mode.
func (d *dictionary) hanLexemes(run []rune, mode cjkMode) []string {
	switch mode {
	case modeDict:
		var out []string
		for _, p := range d.segment(run) {
			if p.e != nil {
				out = append(out, p.text)
				continue
			}
			for _, r := range p.text {
				out = append(out, string(r))
			}
		}
		return out
	case modeCombined:
		out := bigrams(run)
		for _, p := range d.segment(run) {
			if p.e != nil && len([]rune(p.text)) > 2 {
				out = append(out, p.text)
			}
		}
		return out
	}
	return bigrams(run)
}

// termAlts is the query-side cut of a Han word: the alternatives that find it in a record.
func (a *Analyzer) termAlts(text string) [][]lexeme {
	run := []rune(text)
	switch a.mode {
	case modeDict:
		var alt []lexeme
		for _, l := range a.dict.hanLexemes(run, modeDict) {
			alt = append(alt, lexeme{text: l})
		}
		return [][]lexeme{alt}
	case modeCombined:
		if len(run) > 2 && a.dict.words[text] != nil {
			return [][]lexeme{{{text: text}}, bigramAlt(run)}
		}
	}
	return [][]lexeme{bigramAlt(run)}
}

// bigramAlt ANDs a word's bigrams; a single character matches as a prefix of the bigrams
// that start with it (张 -> 张伟, 张敏), since the index holds unigrams only for lone characters.
func bigramAlt(run []rune) []lexeme {
	if len(run) == 1 {
		return []lexeme{{text: string(run), prefix: true}}
	}
	var alt []lexeme
	for _, b := range bigrams(run) {
		alt = append(alt, lexeme{text: b})
	}
	return alt
}
