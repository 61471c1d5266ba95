package search

import (
	"sort"
	"strings"

	"legalmap/internal/store/vocabdb"
)

// LegalTerm is a word of the law as the analysis reads it (a row of legal_terms, sql/080): a cause of
// action (离婚纠纷), a charge (盗窃罪), a law (劳动合同法; Parent names what an old law became), a remedy or
// legal act (遗嘱公证, 提存), an everyday phrase, or a sign that the citizen wants free help. Each is one
// concept of a query, never cut into words that mean something else: 刑事诉讼法 is criminal defence, not
// 司法 appraisal; 公司法 is corporate law, not the word 公司 in a firm's name.
type LegalTerm struct {
	Term      string   `json:"term"`
	Category  string   `json:"category"`
	Areas     []string `json:"areas"`      // practice-area codes
	Kinds     []string `json:"kinds"`      // the kinds that solve it first
	AlsoKinds []string `json:"also_kinds"` // kinds that help too
	Parent    string   `json:"parent,omitempty"`
	Hint      string   `json:"hint,omitempty"` // words the text of a place that does it carries (亲子鉴定: 法医物证)
}

// LegalTermsOf converts the rows of legal_terms.
func LegalTermsOf(rows []vocabdb.LegalTerm) []LegalTerm {
	out := make([]LegalTerm, len(rows))
	for i, r := range rows {
		out[i] = LegalTerm{Term: r.Term, Category: r.Category, Areas: r.PracticeAreas, Kinds: r.Kinds, AlsoKinds: r.AlsoKinds, Parent: r.Parent, Hint: r.Hint}
	}
	return out
}

// legalMeaning is what a legal term adds to a dictionary entry: the kinds that solve it, and whether it
// signals a wish for free help.
type legalMeaning struct {
	category     string
	solves, also []string
	free         bool
	hint         string // simplified, normalised Han text a place that does it carries
}

func (m *legalMeaning) merge(o *legalMeaning) *legalMeaning {
	if m == nil {
		return o
	}
	if o == nil {
		return m
	}
	out := &legalMeaning{category: m.category, free: m.free || o.free, hint: m.hint}
	if out.hint == "" {
		out.hint = o.hint
	}
	for _, k := range append(append([]string{}, m.solves...), o.solves...) {
		out.solves = appendUnique(out.solves, k)
	}
	for _, k := range append(append([]string{}, m.also...), o.also...) {
		if !contains(out.solves, k) {
			out.also = appendUnique(out.also, k)
		}
	}
	return out
}

// Category of a legal term that gives the kinds of a practice area as a whole, and the one that signals
// free help.
const (
	categoryArea     = "area"
	categoryFreeHelp = "free_help"
)

// addLegalTerms puts the legal vocabulary into the dictionary. A cause ending in 纠纷 is known by its stem
// too (物业服务合同纠纷 -> 物业服务合同), a charge by its act (敲诈勒索罪 -> 敲诈勒索), when the stem is no word
// the dictionary knows already (买房纠纷 must not change what 买房 means).
func (a *Analyzer) addLegalTerms(v Vocabulary) {
	a.areaKinds = map[string]*legalMeaning{}
	a.areaNames = map[string]string{}
	a.kindNames = map[string]string{}
	for _, t := range v.PracticeAreas {
		if len(t.Names) > 0 {
			a.areaNames[t.Code] = t.Names[0]
		}
	}
	for _, t := range v.Kinds {
		if len(t.Names) > 0 {
			a.kindNames[t.Code] = t.Names[0]
		}
	}
	var stems []LegalTerm
	a.hintWords = map[string][]string{}
	for _, t := range v.LegalTerms {
		hint, _ := splitScripts(t.Hint)
		if term, _ := splitScripts(t.Term); hint != "" && term != "" {
			a.hintWords[hint] = appendUnique(a.hintWords[hint], term)
		}
		m := &legalMeaning{category: t.Category, solves: t.Kinds, also: t.AlsoKinds, free: t.Category == categoryFreeHelp, hint: hint}
		if t.Category == categoryArea {
			for _, c := range t.Areas {
				a.areaKinds[c] = a.areaKinds[c].merge(m)
			}
			continue
		}
		a.addLegal(t.Term, t.Areas, m, true)
		if s := stemOf(t); s != "" {
			t.Term = s
			stems = append(stems, t)
		}
	}
	for _, t := range stems {
		if han, _ := splitScripts(t.Term); a.dict.words[han] == nil {
			a.addLegal(t.Term, t.Areas, &legalMeaning{category: t.Category, solves: t.Kinds, also: t.AlsoKinds}, false)
		}
	}
}

// addLegal registers one form of a legal term; a stem (override false) never changes a term's meaning.
func (a *Analyzer) addLegal(form string, areas []string, m *legalMeaning, override bool) {
	han, words := splitScripts(form)
	var e *entry
	switch {
	case han != "":
		e = a.dict.add(han)
	case len(words) > 0:
		e = a.latinEntry(strings.Join(words, " "))
	}
	if e == nil || !override && e.legal != nil {
		return
	}
	e.legal = e.legal.merge(m)
	for _, c := range areas {
		e.areas = appendUnique(e.areas, c)
	}
}

// splitScripts is a form's Han characters (joined) and its other words, as queries will be read.
func splitScripts(form string) (string, []string) {
	var han strings.Builder
	var words []string
	for _, s := range scan(Normalize(Simplify(form))) {
		if s.kind == segHan {
			han.WriteString(s.text)
		} else {
			words = append(words, s.text)
		}
	}
	return han.String(), words
}

// stemOf is the word a citizen types for a cause or a charge: the cause without 纠纷, the charge without 罪.
func stemOf(t LegalTerm) string {
	r := []rune(t.Term)
	switch {
	case t.Category == "cause" && strings.HasSuffix(t.Term, "纠纷") && len(r) >= 4:
		return string(r[:len(r)-2])
	case t.Category == "charge" && strings.HasSuffix(t.Term, "罪") && len(r) >= 3:
		return string(r[:len(r)-1])
	}
	return ""
}

// ConceptType says what a concept of a query is.
type ConceptType string

// The concepts a query is read into.
const (
	ConceptArea  ConceptType = "area"  // a practice area (by its name, an everyday word or a legal term)
	ConceptKind  ConceptType = "kind"  // a kind of place
	ConceptPlace ConceptType = "place" // a district, street or community
	ConceptTerm  ConceptType = "term"  // a legal term with no practice area (提存, 调解): met by the kinds that solve it
	ConceptName  ConceptType = "name"  // a person's name (a surname and one or two characters), a Latin name, a licence number
	ConceptWords ConceptType = "words" // free words: a firm's name, anything else the vocabulary does not know
)

// surnames are the common single-character surnames (百家姓, the most frequent of today's population): an
// unknown word of two or three characters starting with one is read as a person's name.
var surnames = runeSet(`王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝`)

// looksLikeName: a person's name as people write it, a surname and one or two characters.
func looksLikeName(word string) bool {
	r := []rune(word)
	return (len(r) == 2 || len(r) == 3) && surnames[r[0]]
}

// Concept is one thing a query names, as the citizen wrote it, with what it means.
type Concept struct {
	Type   ConceptType
	Text   string   // the words as typed (simplified, normalised)
	Codes  []string // practice-area, kind or place codes
	Solves []string // kinds that solve it first
	Also   []string // kinds that help too
	Free   bool     // a sign the citizen wants free help
	// Own: Text names the matter as a reason may repeat it (ownWord); otherwise a reason says the practice
	// area's name.
	Own bool
}

// solversOf is what solves the matter an entry names: its own legal meaning, else the kinds of its
// practice areas.
func (a *Analyzer) solversOf(e *entry) *legalMeaning {
	var m *legalMeaning
	if e.legal != nil && (len(e.legal.solves) > 0 || e.legal.free) {
		m = e.legal
	}
	if m == nil || len(m.solves) == 0 {
		codes := append([]string{}, e.areas...)
		sort.Strings(codes)
		for _, c := range codes {
			m = m.merge(a.areaKinds[c])
		}
		if e.legal != nil && e.legal.free {
			m = m.merge(&legalMeaning{free: true})
		}
	}
	return m
}

// generalKinds are kinds that take every matter: they meet a concept only by their practice areas,
// while a specialist kind that solves a matter meets it by being that kind (every notary office does
// 遗嘱公证; not every law firm does divorces).
var generalKinds = map[string]bool{"law_firm": true, "community_adviser": true}

// ownWord: the word names the matter as a reason may repeat it (律师 张伟 擅长离婚): a practice area's own
// word, a cause, a remedy, a law of one practice area. A charge (盗窃罪), a law of many areas (司法解释) or a
// fragment of everyday phrasing (打我) is said by the practice area's name instead.
func ownWord(e *entry) bool {
	if e.synonym || e.legal == nil {
		return e.synonym
	}
	switch e.legal.category {
	case "cause", "remedy", categoryFreeHelp:
		return true
	case "law":
		return len(e.areas) == 1
	}
	return false
}
