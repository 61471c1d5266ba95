package search

import "strings"

// Initials of the directory's own vocabulary: "hqb" for 华强北, "stj" for 沙头角, "flyz" for 法律援助, as
// people type them on a phone. Only the kinds and the districts and streets get them, and only names of
// three characters or more: practice areas have hundreds of synonyms and the communities tens of
// thousands of names, whose short initials would collide with each other and with the initials of the
// places' own names (which the search documents hold). A key that would stand for two meanings, or that
// is already a spelling the analyzer knows (a word, a full pinyin), is left out.

// minInitials is the shortest initials key: two letters stand for too many things.
const minInitials = 3

// initialsMeaning is one (role, code) an initials key stands for.
type initialsMeaning struct {
	r    role
	code string
}

// addInitials registers the initials keys of the kinds and of the district and street places.
func (a *Analyzer) addInitials(v Vocabulary) {
	keys := map[string]map[initialsMeaning]bool{}
	collect := func(t Term, r role, forms []string) {
		code := strings.TrimSpace(t.Code)
		for _, f := range forms {
			k := initialsOf(f)
			if len(k) < minInitials || code == "" {
				continue
			}
			if keys[k] == nil {
				keys[k] = map[initialsMeaning]bool{}
			}
			keys[k][initialsMeaning{r, code}] = true
		}
	}
	for _, t := range v.Kinds {
		collect(t, roleKind, append(append([]string{}, t.Names...), t.Synonyms...))
	}
	for _, t := range v.Places {
		if code := strings.TrimSpace(t.Code); isDigits(code) && len(code) <= 9 { // districts and streets
			collect(t, rolePlace, append(append([]string{}, t.Names...), shortPlaceNames(t.Names)...))
		}
	}
	for k, meanings := range keys {
		if len(meanings) != 1 || a.latin[k] != nil {
			continue
		}
		for m := range meanings {
			a.latinEntry(k).add(m.r, m.code)
		}
	}
}

// initialsOf is the first letters of the readings of a form's Han characters ("" when it has Latin letters
// or digits too: "12348" or "DNA鉴定" are not typed by their initials).
func initialsOf(form string) string {
	n := Normalize(form)
	var b strings.Builder
	for _, s := range scan(n) {
		if s.kind != segHan {
			return ""
		}
	}
	for _, s := range syllables(n) {
		b.WriteByte(s[0])
	}
	return b.String()
}
