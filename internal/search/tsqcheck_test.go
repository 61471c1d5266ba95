package search

import (
	"fmt"
	"strings"
)

// A small reader of the tsquery subset this package writes, strict on purpose: every
// operand a quoted, non-empty lexeme (optionally :*), operators & | between operands,
// parentheses balanced, nothing else. It checks TSQuery's output in the tests and fuzzing,
// and evaluates it against a document's tokens for the measurement (an in-memory stand-in
// for `search_doc @@ $1::tsquery` ordered by ts_rank).

type tsNode struct {
	op     byte // 0 for a lexeme, '&' or '|'
	lex    string
	prefix bool
	kids   []*tsNode
}

func parseTSQuery(s string) (*tsNode, error) {
	p := &tsParser{s: s}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("offset %d: unexpected %q", p.i, p.s[p.i:])
	}
	return n, nil
}

type tsParser struct {
	s string
	i int
}

func (p *tsParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *tsParser) expr(depth int) (*tsNode, error) {
	if depth > 50 {
		return nil, fmt.Errorf("nesting deeper than 50")
	}
	first, err := p.operand(depth)
	if err != nil {
		return nil, err
	}
	n := &tsNode{kids: []*tsNode{first}}
	for {
		p.space()
		if p.i >= len(p.s) || (p.s[p.i] != '&' && p.s[p.i] != '|') {
			break
		}
		op := p.s[p.i]
		if n.op != 0 && n.op != op {
			// This package always parenthesises; mixing relies on precedence.
			return nil, fmt.Errorf("offset %d: & and | mixed without parentheses", p.i)
		}
		n.op = op
		p.i++
		next, err := p.operand(depth)
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, next)
	}
	if n.op == 0 {
		return first, nil
	}
	return n, nil
}

func (p *tsParser) operand(depth int) (*tsNode, error) {
	p.space()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("offset %d: operand expected", p.i)
	}
	switch p.s[p.i] {
	case '(':
		p.i++
		n, err := p.expr(depth + 1)
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil, fmt.Errorf("offset %d: ')' expected", p.i)
		}
		p.i++
		return &tsNode{op: '(', kids: []*tsNode{n}}, nil
	case '\'':
		return p.lexeme()
	}
	return nil, fmt.Errorf("offset %d: unquoted operand %q", p.i, p.s[p.i:])
}

func (p *tsParser) lexeme() (*tsNode, error) {
	p.i++ // opening quote
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			return nil, fmt.Errorf("unterminated lexeme")
		}
		c := p.s[p.i]
		switch {
		case c == 0:
			return nil, fmt.Errorf("offset %d: NUL in lexeme", p.i)
		case (c == '\'' || c == '\\') && p.i+1 < len(p.s) && p.s[p.i+1] == c:
			b.WriteByte(c)
			p.i += 2
			continue
		case c == '\\':
			return nil, fmt.Errorf("offset %d: lone backslash", p.i)
		case c == '\'':
			p.i++
			n := &tsNode{lex: b.String()}
			if n.lex == "" {
				return nil, fmt.Errorf("offset %d: empty lexeme", p.i)
			}
			if len(n.lex) > maxLexemeBytes {
				return nil, fmt.Errorf("lexeme of %d bytes", len(n.lex))
			}
			if strings.HasPrefix(p.s[p.i:], ":*") {
				n.prefix = true
				p.i += 2
			}
			return n, nil
		}
		b.WriteByte(c)
		p.i++
	}
}

// eval reports whether the node matches a document whose lexemes carry weights, and the
// summed weight of the lexemes that matched (a crude ts_rank).
func (n *tsNode) eval(doc map[string]float64) (bool, float64) {
	switch n.op {
	case 0:
		if !n.prefix {
			w, ok := doc[n.lex]
			return ok, w
		}
		best, ok := 0.0, false
		for l, w := range doc {
			if strings.HasPrefix(l, n.lex) && w > best {
				best, ok = w, true
			}
		}
		return ok, best
	case '(':
		return n.kids[0].eval(doc)
	}
	all, any, sum := true, false, 0.0
	for _, k := range n.kids {
		ok, w := k.eval(doc)
		all, any = all && ok, any || ok
		sum += w
	}
	if n.op == '&' {
		return all, sum
	}
	return any, sum
}
