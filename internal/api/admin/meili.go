package admin

import (
	"context"
	"time"

	"legalmap/internal/api/catalog"
	"legalmap/internal/search"
	"legalmap/internal/store"
)

// meiliPush keeps Meilisearch (when it is the search engine) in step with an admin edit: after the write
// has committed, the record's document is put again (a withdrawn record too, marked closed, so its old
// document no longer shows). PostgreSQL stays the truth: a failure here is logged, and `legalmap reindex
// --meilisearch` repairs the index.
func (a *admin) meiliPush(ctx context.Context, cat *catalog.Catalog, id string) {
	if a.cfg.SearchEngine != "meilisearch" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	srcs, err := store.DocSourcesByID(ctx, a.db, []string{id})
	if err == nil && len(srcs) == 1 {
		m := search.NewMeili(a.cfg.MeiliURL, a.cfg.MeiliKey)
		err = m.Put(ctx, []search.MeiliDocument{search.MeiliDocumentOf(cat.Analyzer, srcs[0])})
	}
	if err != nil {
		a.log.Warn("meilisearch not updated after an edit; run `legalmap reindex --meilisearch`", "record", id, "err", err)
	}
}
