package search

import (
	"context"
	"strings"

	"legalmap/internal/store"
)

// ProviderDocument is what the analysis indexes of a provider: its names, codes and words, and the
// professional facts of the people who work or serve there. Forensic categories and practice-area words
// that matched no code are indexed as text with the description, so 亲子鉴定 finds the institution that
// lists it.
func ProviderDocument(s store.DocSource) Document {
	text := []string{s.Description}
	text = append(text, s.Categories...)
	text = append(text, s.PracticeNotes...)
	d := Document{
		Kind: s.Kind, Name: s.Name, NameEn: s.NameEn, LicenceNo: s.LicenceNo, Address: s.Address,
		Description: strings.Join(text, "；"), PracticeAreas: s.PracticeAreas,
	}
	if s.AreaCode != "" {
		d.AreaCodes = []string{s.AreaCode}
	}
	for _, p := range s.People {
		d.Practitioners = append(d.Practitioners, Person{Name: p.Name, LicenceNo: p.LicenceNo, PracticeAreas: p.PracticeAreas})
	}
	return d
}

// PersonDocument is what the analysis indexes of a practitioner on their own: name (with pinyin) and
// licence number, so a search can say which of a place's people it matched.
func PersonDocument(p store.DocPerson) Document {
	return Document{Name: p.Name, LicenceNo: p.LicenceNo}
}

// RefreshPG recomputes the PostgreSQL search documents of the given providers and of their people. An
// import calls it inside its transaction for the records it wrote, so search never lags the data.
func RefreshPG(ctx context.Context, db store.Querier, a *Analyzer, providerIDs []string) error {
	if len(providerIDs) > analyzeAbove {
		if err := store.AnalyzeForDocs(ctx, db); err != nil {
			return err
		}
	}
	for start := 0; start < len(providerIDs); start += refreshBatch {
		srcs, err := store.DocSourcesByID(ctx, db, providerIDs[start:min(len(providerIDs), start+refreshBatch)])
		if err != nil {
			return err
		}
		if _, _, err := writePG(ctx, db, a, srcs); err != nil {
			return err
		}
	}
	return nil
}

const (
	// refreshBatch bounds the rows one statement carries.
	refreshBatch = 2000
	// analyzeAbove: a refresh of more places than this (a large import) first brings the planner's
	// statistics up to date with what the import wrote.
	analyzeAbove = 20000
)

// RebuildPG recomputes every search document, in id order, reporting progress after each batch; it
// returns how many provider and practitioner documents changed. Unchanged documents are not written, so
// a rebuild of a current index changes nothing, not even the directory's version.
func RebuildPG(ctx context.Context, db store.Querier, a *Analyzer, progress func(done int)) (providers, people int64, err error) {
	after, done := "", 0
	for {
		srcs, err := store.DocSources(ctx, db, after, refreshBatch)
		if err != nil || len(srcs) == 0 {
			return providers, people, err
		}
		np, nq, err := writePG(ctx, db, a, srcs)
		providers, people = providers+np, people+nq
		if err != nil {
			return providers, people, err
		}
		done += len(srcs)
		after = srcs[len(srcs)-1].ID
		if progress != nil {
			progress(done)
		}
	}
}

func writePG(ctx context.Context, db store.Querier, a *Analyzer, srcs []store.DocSource) (int64, int64, error) {
	ids := make([]string, 0, len(srcs))
	docs := make([]store.TSVector, 0, len(srcs))
	var pids []string
	var pdocs []store.TSVector
	seen := map[string]bool{}
	for _, s := range srcs {
		ids = append(ids, s.ID)
		docs = append(docs, a.DocumentTokens(ProviderDocument(s)).TSVector())
		for _, p := range s.People {
			if !seen[p.ID] {
				seen[p.ID] = true
				pids = append(pids, p.ID)
				pdocs = append(pdocs, a.DocumentTokens(PersonDocument(p)).TSVector())
			}
		}
	}
	np, err := store.SetProviderDocs(ctx, db, ids, docs)
	if err != nil {
		return np, 0, err
	}
	nq, err := store.SetPractitionerDocs(ctx, db, pids, pdocs)
	return np, nq, err
}
