package search

// The kind of help first. A citizen who writes 遗嘱公证 needs a notary office, one who writes 欠薪 legal aid
// or labour arbitration as much as a labour lawyer, one who writes 亲子鉴定 a forensic institution: the
// ranking puts the places of the kinds that solve the problem first, then nearness, then text. These are
// pure functions of the analysed query and a place's kind and status, so every engine ranks alike.

// Kind tiers, best first.
const (
	tierFree   = iota // legal aid, when the citizen asks for free help (免费, 没钱, 法援)
	tierAsked         // a kind the query names (公证处, 律师), or any kind when the query says nothing of kinds
	tierSolves        // a kind that solves what the query names
	tierAlso          // a kind that helps too
	tierOther         // any other kind
)

// KindTier ranks a place's kind for the query: lower is better.
func (q Query) KindTier(kind string) int {
	switch {
	case q.FreeHelp && kind == "legal_aid":
		return tierFree
	case contains(q.Kinds, kind):
		return tierAsked
	case len(q.Kinds) == 0 && len(q.Solves) == 0 && len(q.Also) == 0:
		return tierAsked
	case contains(q.Solves, kind):
		return tierSolves
	case contains(q.Also, kind):
		return tierAlso
	}
	return tierOther
}

// StatusTier puts the places that serve now before those that do not (temporarily closed, a forensic
// licence expired): they stay findable, but last. Closed places are never searched.
func StatusTier(status string) int {
	if status == "" || status == "active" {
		return 0
	}
	return 1
}

// rankTier is the order that goes before any score: status, then the kind's fit.
func rankTier(q Query, kind, status string) int {
	return StatusTier(status)*(tierOther+1) + q.KindTier(kind)
}
