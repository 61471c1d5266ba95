package pipeline

import (
	"context"
	"fmt"
	"strings"

	"legalmap/internal/store"
	"legalmap/internal/store/vocabdb"
)

// importKind is what a run's --kind names: a kind of place from the kinds table, or a kind of people from
// practitioner_kinds (person set). Both are data, so a kind the bureau added imports with no code change.
type importKind struct {
	code   string
	person *vocabdb.PractitionerKind
}

// ImportKinds lists every kind a run accepts: the kinds of place, then the kinds of people.
func ImportKinds(ctx context.Context, db store.Querier) ([]string, error) {
	kinds, err := vocabdb.KindList(ctx, db)
	if err != nil {
		return nil, err
	}
	people, err := vocabdb.PractitionerKinds(ctx, db)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(kinds)+len(people))
	for _, k := range kinds {
		out = append(out, k.Code)
	}
	for _, p := range people {
		out = append(out, p.Code)
	}
	return out, nil
}

// resolveKind finds code among the kinds of place and of people; an error names those there are.
func resolveKind(ctx context.Context, db store.Querier, code string) (importKind, error) {
	people, err := vocabdb.PractitionerKinds(ctx, db)
	if err != nil {
		return importKind{}, err
	}
	for i := range people {
		if people[i].Code == code {
			return importKind{code: code, person: &people[i]}, nil
		}
	}
	kinds, err := vocabdb.KindList(ctx, db)
	if err != nil {
		return importKind{}, err
	}
	names := make([]string, 0, len(kinds)+len(people))
	for _, k := range kinds {
		if k.Code == code {
			return importKind{code: code}, nil
		}
		names = append(names, k.Code)
	}
	for _, p := range people {
		names = append(names, p.Code)
	}
	return importKind{}, fmt.Errorf("未知的导入类型 %q（可用：%s）/ unknown kind %q (want one of %s)", code,
		strings.Join(names, "、"), code, strings.Join(names, ", "))
}
