package api

import (
	"legalmap/internal/store"
)

// listFilter is the filter part of the list endpoints: kind, practice_area and language (comma lists of
// known codes), free, and open_now (decided in Go from the hours; see nearest and search).
type listFilter struct {
	store.Filter
	openNow bool
}

func parseFilter(p params, cat *catalog) (listFilter, error) {
	var f listFilter
	var err error
	if f.Kinds, err = p.codes("kind", func(c string) bool { return cat.kindSet[c] }); err != nil {
		return f, err
	}
	if f.PracticeAreas, err = p.codes("practice_area", func(c string) bool { return cat.areaSet[c] }); err != nil {
		return f, err
	}
	if f.Languages, err = p.codes("language", knownLanguage); err != nil {
		return f, err
	}
	if f.Free, err = p.boolean("free"); err != nil {
		return f, err
	}
	open, err := p.boolean("open_now")
	if err != nil {
		return f, err
	}
	// open_now=false asks for nothing in particular: closed places are not what anyone searches for.
	f.openNow = open != nil && *open
	return f, nil
}
