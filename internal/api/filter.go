package api

import (
	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/store"
)

// listFilter is the filter part of the list endpoints: kind, practice_area and language (comma lists of
// known codes), free, and open_now (decided in Go from the hours; see nearest and search).
type listFilter struct {
	store.Filter
	openNow bool
}

func parseFilter(p param.Query, cat *catalog.Catalog) (listFilter, error) {
	var f listFilter
	var err error
	if f.Kinds, err = p.Codes("kind", func(c string) bool { return cat.KindSet[c] }); err != nil {
		return f, err
	}
	if f.PracticeAreas, err = p.Codes("practice_area", func(c string) bool { return cat.PracticeAreaSet[c] }); err != nil {
		return f, err
	}
	if f.Languages, err = p.Codes("language", knownLanguage); err != nil {
		return f, err
	}
	if f.Free, err = p.Boolean("free"); err != nil {
		return f, err
	}
	open, err := p.Boolean("open_now")
	if err != nil {
		return f, err
	}
	// open_now=false asks for nothing in particular: closed places are not what anyone searches for.
	f.openNow = open != nil && *open
	return f, nil
}
