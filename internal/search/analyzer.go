package search

import (
	"sort"
	"strings"
)

// Term is one entry of a vocabulary as the database holds it: kinds(code, name_zh, name_en,
// synonyms), practice_areas(code, name_zh, name_en, synonyms), and places (areas: Code is the
// administrative code, Names e.g. {"福田区", "福田"}, Synonyms the pinyin forms).
type Term struct {
	Code     string   `json:"code"`
	Names    []string `json:"names"`
	Synonyms []string `json:"synonyms"`
}

// Vocabulary is everything the analysis learns from the database. It is data: adding a
// synonym to practice_areas teaches search a new everyday word without a release.
type Vocabulary struct {
	Kinds         []Term `json:"kinds"`
	PracticeAreas []Term `json:"practice_areas"`
	Places        []Term `json:"places"`
	// LegalTerms are the words of the law (legal_terms): each read as one concept with the kinds that
	// solve it.
	LegalTerms []LegalTerm `json:"legal_terms,omitempty"`
}

// Analyzer turns documents into index tokens and queries into structured queries. It is
// immutable after NewAnalyzer and safe for concurrent use; build a new one when the
// vocabularies change.
type Analyzer struct {
	dict     *dictionary
	latin    map[string]*entry // Latin phrases ("legal aid", "futian", "fu tian") -> meaning
	latinMax int               // words in the longest Latin phrase
	mode     cjkMode
	// areaKinds are the kinds that solve a practice area's matters (legal_terms rows of category area).
	areaKinds map[string]*legalMeaning
	areaNames map[string]string // practice-area code -> Chinese name, for the reasons a result matched
	kindNames map[string]string // kind code -> Chinese name
	// hintWords are, per hint (a forensic category: 法医临床), the Han terms that name its work (伤残鉴定,
	// 伤情鉴定 …): a place whose text carries any of them does that work.
	hintWords map[string][]string
}

// role says which list of an entry a vocabulary term feeds.
type role uint8

const (
	roleKind role = iota
	roleArea
	rolePlace
)

// NewAnalyzer builds the dictionaries from the vocabularies and the embedded word lists.
// Codes are kept as given; surface forms are normalised like queries.
func NewAnalyzer(v Vocabulary) *Analyzer {
	a := &Analyzer{dict: newDictionary(), latin: map[string]*entry{}, mode: modeBigram}
	for w := range stopWords {
		a.dict.add(w).stop = true
	}
	for w := range nearWords {
		e := a.dict.add(w)
		e.stop, e.near = true, true
	}
	for w := range legalWords {
		a.dict.add(w).known = true
	}
	for w := range latinNear {
		a.latinEntry(w).near = true
	}
	for _, t := range v.Kinds {
		a.addTerm(t, roleKind)
	}
	for _, t := range v.PracticeAreas {
		a.addTerm(t, roleArea)
	}
	for _, t := range v.Places {
		a.addTerm(t, rolePlace)
	}
	a.addLegalTerms(v)
	a.addInitials(v)
	return a
}

func (a *Analyzer) addTerm(t Term, r role) {
	code := strings.TrimSpace(t.Code)
	if code == "" {
		return
	}
	forms := append(append([]string{}, t.Names...), t.Synonyms...)
	if r == rolePlace {
		forms = append(forms, shortPlaceNames(t.Names)...)
	}
	for _, f := range forms {
		for _, e := range a.surfaceEntries(f) {
			e.add(r, code)
			e.synonym = e.synonym || r != rolePlace
		}
	}
}

// surfaceEntries returns the dictionary entries a vocabulary form is recognised under: the
// Han word and its pinyin spellings, or the Latin phrase.
func (a *Analyzer) surfaceEntries(form string) []*entry {
	segs := scan(Normalize(form))
	var han strings.Builder
	var words []string
	for _, s := range segs {
		if s.kind == segHan {
			han.WriteString(s.text)
		} else {
			words = append(words, s.text)
		}
	}
	var out []*entry
	switch {
	case han.Len() > 0:
		// A form mixing scripts ("DNA鉴定", "村(社区)法律顾问") is known by its Han part.
		if e := a.dict.add(han.String()); e != nil {
			out = append(out, e)
		}
		for _, k := range pinyinKeys(han.String()) {
			out = append(out, a.latinEntry(k))
		}
	case len(words) > 0:
		// As written ("marriage and family") and without stop words ("marriage family").
		for _, k := range []string{strings.Join(words, " "), latinKey(words)} {
			if k != "" && !(latinStop[k] && !strings.Contains(k, " ")) {
				out = append(out, a.latinEntry(k))
			}
		}
	}
	return out
}

func (a *Analyzer) latinEntry(key string) *entry {
	e := a.latin[key]
	if e == nil {
		e = &entry{}
		a.latin[key] = e
		if n := strings.Count(key, " ") + 1; n > a.latinMax {
			a.latinMax = n
		}
	}
	return e
}

// latinKey joins the content words of a Latin phrase; "" when only stop words remain.
func latinKey(words []string) string {
	var kept []string
	for _, w := range words {
		if !latinStop[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

func (e *entry) add(r role, code string) {
	switch r {
	case roleKind:
		e.kinds = appendUnique(e.kinds, code)
	case roleArea:
		e.areas = appendUnique(e.areas, code)
	case rolePlace:
		e.places = appendUnique(e.places, code)
	}
}

// shortPlaceNames derives the names people actually say ("福田" for 福田区, "华强北" for
// 华强北街道) in case the areas table only holds the official ones.
func shortPlaceNames(names []string) []string {
	var out []string
	for _, n := range names {
		r := []rune(strings.TrimSpace(n))
		for _, suffix := range []string{"街道", "新区", "社区", "区", "镇"} {
			s := []rune(suffix)
			if len(r)-len(s) >= 2 && string(r[len(r)-len(s):]) == suffix {
				out = append(out, string(r[:len(r)-len(s)]))
				break
			}
		}
	}
	return out
}

// withoutDescendants keeps the codes that have no ancestor in the list: "福田" names both
// the district 440304 and the street 福田街道 440304004, and a record in the street is in
// the district too, so 440304 alone says it; "深圳 福田" is 440300, the city.
func withoutDescendants(codes []string) []string {
	var out []string
	for _, c := range codes {
		covered := false
		for _, o := range codes {
			covered = covered || o != c && isAncestor(o, c)
		}
		if !covered && !contains(out, c) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// widest keeps, of the places one name stands for, those of the widest level: "龙岗" is the district
// 龙岗区 and also the communities called 龙岗社区 in other districts, and a citizen saying 龙岗 means the
// district (whoever means the community says 龙岗社区, a name the district does not have). Codes that are
// not administrative (not all digits) are kept.
func widest(codes []string) []string {
	shortest := 0
	for _, c := range codes {
		if isDigits(c) && (shortest == 0 || len(c) < shortest) {
			shortest = len(c)
		}
	}
	var out []string
	for _, c := range codes {
		if !isDigits(c) || len(c) == shortest {
			out = append(out, c)
		}
	}
	return out
}

// isAncestor: national administrative codes nest by prefix once the zero padding of the
// six-digit level is taken off (440000 province, 440300 city, 440304 district, 440304004
// street, 440304004001 community).
func isAncestor(a, d string) bool {
	if a == d || !isDigits(a) || !isDigits(d) {
		return false
	}
	p := a
	if len(p) == 6 {
		for len(p) > 2 && strings.HasSuffix(p, "00") {
			p = p[:len(p)-2]
		}
	}
	return strings.HasPrefix(d, p)
}

func appendUnique(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
