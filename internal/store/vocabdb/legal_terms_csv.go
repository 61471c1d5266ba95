package vocabdb

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// LegalTermColumns are the columns of a legal-vocabulary file (`legalmap vocab load`), in order. Lists
// (practice_areas, kinds, also_kinds) are separated by | 、 ; or spaces.
var LegalTermColumns = []string{"term", "category", "practice_areas", "kinds", "also_kinds", "parent", "hint"}

var kindCode = regexp.MustCompile(`^[a-z][a-z_]*$`)

// ReadLegalTermsCSV reads a legal-vocabulary file (UTF-8, a BOM allowed, the header row optional): every
// row is checked, and any error refuses the whole file, naming each bad line and field. areas are the
// practice-area codes that exist; kind codes are checked for form only, since a vocabulary may name a kind
// a city has not loaded yet.
func ReadLegalTermsCSV(r io.Reader, areas map[string]bool) ([]LegalTerm, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var out []LegalTerm
	var errs []error
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
		}
		if len(rec) > 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "term") {
			continue
		}
		for len(rec) < len(LegalTermColumns) {
			rec = append(rec, "")
		}
		t := LegalTerm{Term: strings.TrimSpace(rec[0]), Category: strings.TrimSpace(rec[1]), PracticeAreas: splitList(rec[2]),
			Kinds: splitList(rec[3]), AlsoKinds: splitList(rec[4]), Parent: strings.TrimSpace(rec[5]), Hint: strings.TrimSpace(rec[6])}
		bad := func(field, format string, a ...any) {
			errs = append(errs, fmt.Errorf("line %d, field %s: %s", line, field, fmt.Sprintf(format, a...)))
		}
		switch n := len([]rune(t.Term)); {
		case n == 0:
			bad("term", "empty")
		case n > 40:
			bad("term", "%q is longer than 40 characters", t.Term)
		case seen[t.Term] > 0:
			bad("term", "%q already on line %d", t.Term, seen[t.Term])
		}
		seen[t.Term] = line
		if !slices.Contains(LegalTermCategories, t.Category) {
			bad("category", "%q is none of %s", t.Category, strings.Join(LegalTermCategories, ", "))
		}
		for _, a := range t.PracticeAreas {
			if !areas[a] {
				bad("practice_areas", "%q is no practice-area code", a)
			}
		}
		for _, k := range append(append([]string{}, t.Kinds...), t.AlsoKinds...) {
			if !kindCode.MatchString(k) {
				bad("kinds", "%q is no kind code (lower-case letters and _)", k)
			}
		}
		if n := len([]rune(t.Hint)); n > 40 {
			bad("hint", "longer than 40 characters")
		}
		if len(t.PracticeAreas)+len(t.Kinds) == 0 {
			bad("kinds", "a term needs a practice area or a kind that solves it")
		}
		out = append(out, t)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// WriteLegalTermsCSV writes terms in the form ReadLegalTermsCSV reads, with the header.
func WriteLegalTermsCSV(w io.Writer, terms []LegalTerm) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(LegalTermColumns); err != nil {
		return err
	}
	for _, t := range terms {
		if err := cw.Write([]string{t.Term, t.Category, strings.Join(t.PracticeAreas, "|"), strings.Join(t.Kinds, "|"),
			strings.Join(t.AlsoKinds, "|"), t.Parent, t.Hint}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '|' || r == '、' || r == ';' || r == '；' || r == ' ' || r == ',' || r == '，'
	})
}
