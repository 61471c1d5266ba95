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

// KindTier ranks a place's kind for the query: lower is better. Free help brings legal aid first unless
// the citizen named another kind of place (社区有没有免费法律顾问 asks for the community adviser, who is free
// too): then legal aid comes right after it.
func (q Query) KindTier(kind string) int {
	switch {
	case q.FreeHelp && kind == "legal_aid" && !q.namesOtherKind():
		return tierFree
	case q.FreeHelp && kind == "legal_aid":
		return tierSolves
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

// namesOtherKind: the query names a kind of place besides legal aid and law firms (a free lawyer is legal aid).
func (q Query) namesOtherKind() bool {
	for _, k := range q.Kinds {
		if k != "legal_aid" && k != "law_firm" {
			return true
		}
	}
	return false
}

// besideByKind reorders a ranked list so that, among the places of the kinds that solve the matter, the
// kinds take turns (the best law firm, the best legal-aid centre, the best labour arbitration court, the
// second law firm …): 欠薪 shows legal aid beside labour lawyers rather than after a thousand of them. The
// kinds take turns in the order the vocabulary lists them (first), each keeping its own order; other tiers
// are left as they are. tier and kind read the i-th place of the list; the answer is the new order, as
// indexes into it.
func besideByKind(n int, first []string, tier func(int) int, kind func(int) string) []int {
	order := make([]int, 0, n)
	for i := 0; i < n; {
		j := i
		for j < n && tier(j) == tier(i) {
			j++
		}
		if tier(i)%(tierOther+1) != tierSolves {
			for k := i; k < j; k++ {
				order = append(order, k)
			}
			i = j
			continue
		}
		kinds := append([]string{}, first...)
		byKind := map[string][]int{}
		for k := i; k < j; k++ {
			if !contains(kinds, kind(k)) {
				kinds = append(kinds, kind(k))
			}
			byKind[kind(k)] = append(byKind[kind(k)], k)
		}
		for left := j - i; left > 0; {
			for _, k := range kinds {
				if q := byKind[k]; len(q) > 0 {
					order = append(order, q[0])
					byKind[k] = q[1:]
					left--
				}
			}
		}
		i = j
	}
	return order
}
