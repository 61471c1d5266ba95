package search

import (
	"strings"

	"legalmap/internal/store"
)

// Document is what search needs to know of one provider.
type Document struct {
	Kind          string
	Name, NameEn  string
	LicenceNo     string // the provider's own licence or credit code, if any
	Address       string
	Description   string
	AreaCodes     []string // administrative codes; ancestors are added by code prefix
	PracticeAreas []string
	Practitioners []Person
}

// Person is a practitioner as search sees them: professional facts only.
type Person struct {
	Name, LicenceNo string
	PracticeAreas   []string
}

// Special lexemes carry codes. The ':' can never come out of a user's text (Normalize and
// scan make every query lexeme letters and digits only), so a citizen cannot forge them.
const (
	prefixKind  = "k:"
	prefixArea  = "pa:"
	prefixPlace = "area:"
)

// Tokens are a document's lexemes by weight class, deduplicated across classes (a lexeme
// sits in its highest class only). A: the provider's own names and their pinyin; B: codes
// (kind, practice areas, places), practitioners' names, pinyin and licence numbers; C:
// address and description.
type Tokens struct {
	A, B, C []string
}

// All returns every lexeme once, A first.
func (t Tokens) All() []string {
	out := make([]string, 0, len(t.A)+len(t.B)+len(t.C))
	out = append(out, t.A...)
	out = append(out, t.B...)
	return append(out, t.C...)
}

// TSVector is the document as the store sends it to PostgreSQL (tsvector's binary form, each lexeme at
// position 1 with its class's weight, a lexeme in several classes with the highest).
func (t Tokens) TSVector() store.TSVector { return store.TSVector{A: t.A, B: t.B, C: t.C} }

// maxTextRunes bounds how much of an address or description is indexed.
const maxTextRunes = 4000

// DocumentTokens returns the lexemes of a document for the index.
func (a *Analyzer) DocumentTokens(d Document) Tokens {
	var s tokenSet
	s.add(0, a.textLexemes(d.Name)...)
	s.add(0, a.namePinyin(d.Name)...)
	s.add(0, a.textLexemes(d.NameEn)...)
	s.add(0, latinSuffixes(d.NameEn)...)
	s.add(0, licenceToken(d.LicenceNo))

	if k := strings.TrimSpace(d.Kind); k != "" {
		s.add(1, prefixKind+k)
	}
	for _, c := range d.AreaCodes {
		for _, anc := range withAncestors(strings.TrimSpace(c)) {
			s.add(1, prefixPlace+anc)
		}
	}
	for _, pa := range d.PracticeAreas {
		s.add(1, prefixArea+strings.TrimSpace(pa))
	}
	for _, p := range d.Practitioners {
		s.add(1, a.textLexemes(p.Name)...)
		s.add(1, a.namePinyin(p.Name)...)
		s.add(1, licenceToken(p.LicenceNo))
		for _, pa := range p.PracticeAreas {
			s.add(1, prefixArea+strings.TrimSpace(pa))
		}
	}
	s.add(2, a.textLexemes(truncateRunes(d.Address, maxTextRunes))...)
	s.add(2, a.textLexemes(truncateRunes(d.Description, maxTextRunes))...)
	return Tokens{A: s.class[0], B: s.class[1], C: s.class[2]}
}

// PersonTokens returns the lexemes of a practitioner searched on their own (the
// practitioners table has a search document too): name, its pinyin and the licence in A,
// practice areas in B.
func (a *Analyzer) PersonTokens(p Person) Tokens {
	var s tokenSet
	s.add(0, a.textLexemes(p.Name)...)
	s.add(0, a.namePinyin(p.Name)...)
	s.add(0, licenceToken(p.LicenceNo))
	for _, pa := range p.PracticeAreas {
		s.add(1, prefixArea+strings.TrimSpace(pa))
	}
	return Tokens{A: s.class[0], B: s.class[1], C: s.class[2]}
}

// textLexemes cuts free text: Han runs per the analyzer's mode, every other word whole. Traditional
// characters are indexed as simplified ones, as queries are read.
func (a *Analyzer) textLexemes(text string) []string {
	var out []string
	for _, seg := range scan(Normalize(Simplify(text))) {
		if seg.kind == segHan {
			out = append(out, a.dict.hanLexemes([]rune(seg.text), a.mode)...)
			continue
		}
		out = append(out, clampLexeme(seg.text))
	}
	return out
}

// latinSuffixes joins the words of an English name from each word on ("zhonglunlawfirm",
// "lunlawfirm", …) so that a name typed without its spaces ("Zhonglun") still matches.
func latinSuffixes(name string) []string {
	var words []string
	for _, seg := range scan(Normalize(name)) {
		if seg.kind == segWord {
			words = append(words, seg.text)
		}
	}
	if len(words) > 8 {
		words = words[:8]
	}
	var out []string
	for i := 0; i+1 < len(words); i++ {
		out = append(out, clampLexeme(strings.Join(words[i:], "")))
	}
	return out
}

// withAncestors adds the street of a community, the district of a street, and the city
// and province of a district (see isAncestor), so that a query naming any level matches.
func withAncestors(code string) []string {
	if code == "" {
		return nil
	}
	out := []string{code}
	if !isDigits(code) || len(code) < 6 {
		return out
	}
	for _, n := range []int{9, 6} {
		if len(code) > n {
			out = append(out, code[:n])
		}
	}
	for _, up := range []string{code[:4] + "00", code[:2] + "0000"} {
		if !contains(out, up) {
			out = append(out, up)
		}
	}
	return out
}

// tokenSet collects lexemes into weight classes, each lexeme in the first class it was
// added to; callers add in class order, so that is its highest.
type tokenSet struct {
	seen  map[string]bool
	class [3][]string
}

func (s *tokenSet) add(class int, lexemes ...string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	for _, l := range lexemes {
		if l == "" || l == prefixArea || s.seen[l] {
			continue
		}
		s.seen[l] = true
		s.class[class] = append(s.class[class], l)
	}
}
