package search

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"legalmap/internal/store"
)

// MeiliDocument is one place in the Meilisearch index: the text Meilisearch ranks (names first), the
// analyzer's lexemes (character bigrams, pinyin, English name suffixes) so the same words find the same
// places as in PostgreSQL, and the codes the filters test.
type MeiliDocument struct {
	ID            string            `json:"id"`
	Kind          string            `json:"kind"`
	Name          string            `json:"name"`
	NameEn        string            `json:"name_en"`
	Tokens        string            `json:"tokens"`
	PeopleText    string            `json:"people_text"`
	Address       string            `json:"address"`
	Description   string            `json:"description"`
	AreaCode      string            `json:"area_code"`      // the area it lies in, for the ranking
	AreaCodes     []string          `json:"area_codes"`     // with the district and street above
	PracticeAreas []string          `json:"practice_areas"` // the place's and its people's
	Languages     []string          `json:"languages"`
	Free          *bool             `json:"free"`
	Status        string            `json:"status"`
	Geo           meiliGeo          `json:"_geo"`
	People        []store.DocPerson `json:"people"`
}

type meiliGeo struct {
	Lat float64 `json:"lat"`
	Lng float64 `json:"lng"`
}

// MeiliDocumentOf builds the document of one place.
func MeiliDocumentOf(a *Analyzer, s store.DocSource) MeiliDocument {
	d := ProviderDocument(s)
	var lexemes []string
	for _, l := range a.DocumentTokens(d).All() {
		if !strings.HasPrefix(l, prefixKind) && !strings.HasPrefix(l, prefixArea) && !strings.HasPrefix(l, prefixPlace) {
			lexemes = append(lexemes, l)
		}
	}
	areas := append([]string{}, s.PracticeAreas...)
	var people []string
	for _, p := range s.People {
		people = append(people, p.Name, p.LicenceNo)
		for _, pa := range p.PracticeAreas {
			areas = appendUnique(areas, pa)
		}
	}
	return MeiliDocument{
		ID: s.ID, Kind: s.Kind, Name: s.Name, NameEn: s.NameEn, Tokens: strings.Join(lexemes, " "),
		PeopleText: strings.Join(people, " "), Address: s.Address, Description: d.Description,
		AreaCode: s.AreaCode, AreaCodes: withAncestors(s.AreaCode), PracticeAreas: areas, Languages: s.Languages, Free: s.Free,
		Status: s.Status, Geo: meiliGeo{Lat: s.Lat, Lng: s.Lng}, People: s.People,
	}
}

// Configure sets what is searched (in this order of weight), filtered and sorted.
func (m *Meili) Configure(ctx context.Context) error {
	task, err := m.index.UpdateSettings(ctx, &meilisearch.Settings{
		SearchableAttributes: []string{"name", "name_en", "tokens", "people_text", "address", "description"},
		FilterableAttributes: []string{"kind", "practice_areas", "languages", "free", "status", "area_codes", "_geo"},
		SortableAttributes:   []string{"_geo"},
	})
	if err != nil {
		return fmt.Errorf("meilisearch settings: %w", err)
	}
	return m.wait(ctx, task)
}

// Put adds or replaces documents and waits until Meilisearch has indexed them.
func (m *Meili) Put(ctx context.Context, docs []MeiliDocument) error {
	if len(docs) == 0 {
		return nil
	}
	pk := "id"
	task, err := m.index.AddDocuments(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err != nil {
		return fmt.Errorf("meilisearch documents: %w", err)
	}
	return m.wait(ctx, task)
}

func (m *Meili) wait(ctx context.Context, info *meilisearch.TaskInfo) error {
	t, err := m.index.WaitForTask(ctx, info.TaskUID, 100*time.Millisecond)
	if err != nil {
		return fmt.Errorf("meilisearch task %d: %w", info.TaskUID, err)
	}
	if t.Status != meilisearch.TaskStatusSucceeded {
		return fmt.Errorf("meilisearch task %d %s: %s", info.TaskUID, t.Status, t.Error.Message)
	}
	return nil
}

// meiliBatch is how many documents go in one request.
const meiliBatch = 5000

// RebuildMeili pushes every provider (withdrawn ones too, marked closed, so a withdrawal replaces the
// document that showed it) into the index, reporting progress after each batch.
func RebuildMeili(ctx context.Context, db store.Querier, a *Analyzer, m *Meili, progress func(done int)) (int, error) {
	if err := m.Configure(ctx); err != nil {
		return 0, err
	}
	after, done := "", 0
	for {
		srcs, err := store.DocSources(ctx, db, after, meiliBatch)
		if err != nil || len(srcs) == 0 {
			return done, err
		}
		if err := m.putSources(ctx, a, srcs); err != nil {
			return done, err
		}
		done += len(srcs)
		after = srcs[len(srcs)-1].ID
		if progress != nil {
			progress(done)
		}
	}
}

// PutMeili brings the documents of the given providers up to date in Meilisearch (a withdrawn one is
// replaced by its document marked closed, which the search filters out). An import calls it for the places
// it changed once its transaction has committed: documents read before would show rows the transaction
// might still roll back, and Meilisearch takes part in no transaction of ours. Each batch is added as
// whole documents (Meilisearch's "add or replace"), and waited for until indexed.
func PutMeili(ctx context.Context, db store.Querier, a *Analyzer, m *Meili, providerIDs []string) error {
	for start := 0; start < len(providerIDs); start += meiliBatch {
		srcs, err := store.DocSourcesByID(ctx, db, providerIDs[start:min(len(providerIDs), start+meiliBatch)])
		if err != nil {
			return err
		}
		if err := m.putSources(ctx, a, srcs); err != nil {
			return err
		}
	}
	return nil
}

func (m *Meili) putSources(ctx context.Context, a *Analyzer, srcs []store.DocSource) error {
	docs := make([]MeiliDocument, len(srcs))
	for i, s := range srcs {
		docs[i] = MeiliDocumentOf(a, s)
	}
	return m.Put(ctx, docs)
}
