// Package catalog is what every answer needs besides the rows themselves: the vocabularies, the areas, the
// holiday calendar and the search analyzer built from them, kept in memory and reloaded when the directory's
// data version moves; and that version, read at most once a second.
package catalog

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/paulmach/orb"

	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store/vocabdb"
)

// Catalog is what every public answer needs besides the rows themselves: the vocabularies (to check
// codes and name them), the areas, the holiday calendar (for "open now") and the search analyzer built
// from the vocabularies. It is loaded from the database and kept in memory; it is small.
type Catalog struct {
	Kinds           []vocabdb.VocabTerm
	KindList        []vocabdb.Kind // the kinds with their group, colour, symbol and practice areas
	KindGroups      []vocabdb.KindGroup
	PracticeAreas   []vocabdb.VocabTerm
	Areas           []vocabdb.Area
	KindSet         map[string]bool
	PracticeAreaSet map[string]bool // practice-area codes
	AreaByCode      map[string]*vocabdb.Area
	Calendar        *directory.NationalCalendar // the loaded years, and the law for the others
	region          geo.Region                  // around the loaded districts (the service region when SERVICE_REGION is unset)
	cityZh          string                      // the loaded city area's names
	cityEn          string
	Analyzer        *search.Analyzer
	Version         int64 // the directory version when loaded (holidays move it on)
	loaded          time.Time
}

// catalogMaxAge bounds how long a vocabulary change (made by hand in the tables, which do not move the
// directory version) takes to show; a directory change reloads at once.
const catalogMaxAge = 5 * time.Minute

// Cache keeps the current catalog and reloads it when it is stale. Requests never wait for each
// other's reload: while one request reloads, the others use the previous catalog.
type Cache struct {
	db  *pgxpool.Pool
	cur atomic.Pointer[Catalog]
	mu  sync.Mutex // held by the one reloading
}

// NewCache keeps the catalog of the database db.
func NewCache(db *pgxpool.Pool) *Cache { return &Cache{db: db} }

// Get returns a catalog no older than the directory version v (the caller's current one).
func (cs *Cache) Get(ctx context.Context, v int64) (*Catalog, error) {
	c := cs.cur.Load()
	if c != nil && c.Version == v && time.Since(c.loaded) < catalogMaxAge {
		return c, nil
	}
	if c != nil && !cs.mu.TryLock() {
		return c, nil // someone is reloading; this one is good enough for one more request
	}
	if c == nil {
		cs.mu.Lock()
	}
	defer cs.mu.Unlock()
	if n := cs.cur.Load(); n != nil && n != c {
		return n, nil
	}
	n, err := loadCatalog(ctx, cs.db, v)
	if err != nil {
		if c != nil {
			return c, nil // the database hiccuped: the old catalog still answers correctly enough
		}
		return nil, err
	}
	cs.cur.Store(n)
	return n, nil
}

func loadCatalog(ctx context.Context, db *pgxpool.Pool, v int64) (*Catalog, error) {
	c := &Catalog{Version: v, loaded: time.Now(), KindSet: map[string]bool{}, PracticeAreaSet: map[string]bool{},
		AreaByCode: map[string]*vocabdb.Area{}}
	var err error
	if c.Kinds, err = vocabdb.Kinds(ctx, db); err != nil {
		return nil, err
	}
	if c.KindList, err = vocabdb.KindList(ctx, db); err != nil {
		return nil, err
	}
	if c.KindGroups, err = vocabdb.KindGroups(ctx, db); err != nil {
		return nil, err
	}
	if c.PracticeAreas, err = vocabdb.PracticeAreas(ctx, db); err != nil {
		return nil, err
	}
	if c.Areas, err = vocabdb.Areas(ctx, db); err != nil {
		return nil, err
	}
	days, err := vocabdb.Holidays(ctx, db)
	if err != nil {
		return nil, err
	}
	official := directory.Holidays{}
	for d, k := range days {
		if kind, ok := directory.ParseDayKind(k); ok {
			official[d] = kind
		}
	}
	c.Calendar = directory.NewNationalCalendar(official)
	for _, k := range c.Kinds {
		c.KindSet[k.Code] = true
	}
	for _, a := range c.PracticeAreas {
		c.PracticeAreaSet[a.Code] = true
	}
	var bounds []orb.Bound
	for i := range c.Areas {
		a := &c.Areas[i]
		c.AreaByCode[a.Code] = a
		if a.Level == "district" && a.BBox != nil {
			bounds = append(bounds, orb.Bound{Min: orb.Point{a.BBox[0], a.BBox[1]}, Max: orb.Point{a.BBox[2], a.BBox[3]}})
		}
		if a.Level == "city" && c.cityZh == "" {
			c.cityZh, c.cityEn = a.NameZh, a.NameEn
		}
	}
	c.region = geo.RegionAround(bounds)
	terms, err := vocabdb.LegalTerms(ctx, db)
	if err != nil {
		return nil, err
	}
	vocab := search.VocabularyOf(c.Kinds, c.PracticeAreas, c.Areas)
	vocab.LegalTerms = search.LegalTermsOf(terms)
	c.Analyzer = search.NewAnalyzer(vocab)
	return c, nil
}

// Centre is where an area is: its own centre, or its nearest ancestor's (streets have none of their own).
func (c *Catalog) Centre(code string) *[2]float64 {
	for i := 0; i < 4 && code != ""; i++ {
		a := c.AreaByCode[code]
		if a == nil {
			return nil
		}
		if a.Centre != nil {
			return a.Centre
		}
		code = a.ParentCode
	}
	return nil
}

// Region is the service region: configured (SERVICE_REGION) when set, else around the loaded districts.
func (c *Catalog) Region(configured geo.Region) geo.Region {
	if configured != (geo.Region{}) || c == nil {
		return configured
	}
	return c.region
}

// CityNames are the city's names: zh and en (CITY_NAME_ZH/EN) when set, else the loaded city area's.
func (c *Catalog) CityNames(zh, en string) (string, string) {
	if c != nil {
		if zh == "" {
			zh = c.cityZh
		}
		if en == "" {
			en = c.cityEn
		}
	}
	return zh, en
}

// Extent is the box holding the areas of codes (a street has its district's box), or nil when one has none.
func (c *Catalog) Extent(codes []string) *orb.Bound {
	var out *orb.Bound
	for _, code := range codes {
		var box *[4]float64
		for a, i := c.AreaByCode[code], 0; a != nil && box == nil && i < 4; a, i = c.AreaByCode[a.ParentCode], i+1 {
			box = a.BBox
		}
		if box == nil {
			return nil
		}
		b := orb.Bound{Min: orb.Point{box[0], box[1]}, Max: orb.Point{box[2], box[3]}}
		if out != nil {
			b = b.Union(*out)
		}
		out = &b
	}
	return out
}

// StreetOf names the street (街道) an area code lies in, or its district when the street is not known.
func (c *Catalog) StreetOf(code string) string {
	district := ""
	for a, i := c.AreaByCode[code], 0; a != nil && i < 4; a, i = c.AreaByCode[a.ParentCode], i+1 {
		switch a.Level {
		case "street":
			return a.NameZh
		case "district":
			district = a.NameZh
		}
	}
	return district
}
