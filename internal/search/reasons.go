package search

import "strings"

// Why a result matched, in words a citizen reads: 业务领域：婚姻家庭, 律师 张伟 擅长离婚, 名称, 「遗嘱公证」可找公证处.
// A pure function of the analysed query and the place as shown, so both engines explain alike.

// ReasonPlace is a result as its reasons are read from it.
type ReasonPlace struct {
	Kind, Name, Address string
	PracticeAreas       []string
	Categories          []string       // a forensic institution's appraisal categories
	People              []ReasonPerson // practitioners belonging or serving there, with their practice areas
	Named               []string       // the practitioners the query's words named (Hit.MatchedPractitioners)
}

// ReasonPerson is a practitioner of a place.
type ReasonPerson struct {
	Role, Name    string
	PracticeAreas []string
}

// maxReasons bounds the reasons of one result: a list line has room for a few.
const maxReasons = 4

var roleNames = map[string]string{"lawyer": "律师", "notary": "公证员", "appraiser": "鉴定人", "adviser": "法律顾问", "mediator": "调解员"}

// Reasons says why place answers q; never empty for a place the query found.
func (a *Analyzer) Reasons(q Query, p ReasonPlace) []string {
	var out []string
	say := func(s string) {
		if s != "" && len(out) < maxReasons && !contains(out, s) {
			out = append(out, s)
		}
	}
	if q.General {
		say("未找到完全相符的结果，可咨询的" + a.kindName(p.Kind))
	}
	if q.FreeHelp && p.Kind == "legal_aid" {
		say("免费法律援助")
	}
	name, addr := compact(Simplify(p.Name)), compact(Simplify(p.Address))
	for _, c := range q.Concepts {
		switch c.Type {
		case ConceptArea:
			say(a.areaReason(c, p))
		case ConceptKind:
			if contains(c.Codes, p.Kind) {
				say("类别：" + a.kindName(p.Kind))
			}
		case ConceptTerm:
			if contains(c.Codes, p.Kind) && c.Own {
				say("「" + c.Text + "」可找" + a.kindName(p.Kind))
			} else if contains(c.Codes, p.Kind) {
				say("可办理相关事项的" + a.kindName(p.Kind))
			}
		case ConceptPlace:
			if strings.Contains(addr, c.Text) || strings.Contains(name, c.Text) {
				say("地点：" + c.Text)
			}
		case ConceptWords, ConceptName:
			switch {
			case strings.Contains(name, c.Text):
				say("名称")
			case personNamed(p, c.Text) != "":
				say(personNamed(p, c.Text))
			case strings.Contains(addr, c.Text):
				say("地址")
			}
		}
	}
	for _, h := range q.Hints {
		for _, c := range p.Categories {
			if strings.Contains(compact(Simplify(c)), h) {
				say("鉴定类别：" + c)
			}
		}
	}
	for _, n := range p.Named {
		say(roleOf(p, n) + " " + n)
	}
	if len(out) == 0 {
		switch {
		case q.KindTier(p.Kind) == tierSolves:
			say("可办理相关事项的" + a.kindName(p.Kind))
		default:
			say("部分词语相符")
		}
	}
	return out
}

// areaReason: the place's own practice area, else a practitioner who practises it, else the place's kind
// when that kind solves the matter.
func (a *Analyzer) areaReason(c Concept, p ReasonPlace) string {
	for _, code := range c.Codes {
		if contains(p.PracticeAreas, code) {
			return "业务领域：" + a.areaName(code)
		}
	}
	for _, person := range p.People {
		for _, code := range c.Codes {
			if contains(person.PracticeAreas, code) {
				what := c.Text
				if !c.Own {
					what = a.areaName(code)
				}
				return strings.TrimSpace(roleNames[person.Role]+" "+person.Name) + " 擅长" + what
			}
		}
	}
	if contains(c.Solves, p.Kind) {
		what := c.Text
		if !c.Own && len(c.Codes) > 0 {
			what = a.areaName(c.Codes[0])
		}
		return "「" + what + "」可找" + a.kindName(p.Kind)
	}
	return ""
}

func personNamed(p ReasonPlace, text string) string {
	for _, n := range p.Named {
		if strings.Contains(compact(n), text) {
			return roleOf(p, n) + " " + n
		}
	}
	return ""
}

func roleOf(p ReasonPlace, name string) string {
	for _, person := range p.People {
		if person.Name == name {
			if r := roleNames[person.Role]; r != "" {
				return r
			}
		}
	}
	if p.Kind == "law_firm" {
		return "律师"
	}
	return "人员"
}

func (a *Analyzer) areaName(code string) string {
	if n := a.areaNames[code]; n != "" {
		return n
	}
	return code
}

func (a *Analyzer) kindName(code string) string {
	if n := a.kindNames[code]; n != "" {
		return n
	}
	return code
}
