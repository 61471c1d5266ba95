package api

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

// catalog is what every public answer needs besides the rows themselves: the vocabularies (to check
// codes and name them), the areas, the holiday calendar (for "open now") and the search analyzer built
// from the vocabularies. It is loaded from the database and kept in memory; it is small.
type catalog struct {
	kinds         []vocabdb.VocabTerm
	kindList      []vocabdb.Kind // the kinds with their group, colour, symbol and practice areas
	kindGroups    []vocabdb.KindGroup
	practiceAreas []vocabdb.VocabTerm
	areas         []vocabdb.Area
	kindSet       map[string]bool
	areaSet       map[string]bool // practice-area codes
	areaByCode    map[string]*vocabdb.Area
	calendar      *directory.NationalCalendar // the loaded years, and the law for the others
	region        geo.Region                  // around the loaded districts (the service region when SERVICE_REGION is unset)
	cityZh        string                      // the loaded city area's names
	cityEn        string
	analyzer      *search.Analyzer
	version       int64 // the directory version when loaded (holidays move it on)
	loaded        time.Time
}

// catalogMaxAge bounds how long a vocabulary change (made by hand in the tables, which do not move the
// directory version) takes to show; a directory change reloads at once.
const catalogMaxAge = 5 * time.Minute

// catalogs keeps the current catalog and reloads it when it is stale. Requests never wait for each
// other's reload: while one request reloads, the others use the previous catalog.
type catalogs struct {
	db  *pgxpool.Pool
	cur atomic.Pointer[catalog]
	mu  sync.Mutex // held by the one reloading
}

// get returns a catalog no older than the directory version v (the caller's current one).
func (cs *catalogs) get(ctx context.Context, v int64) (*catalog, error) {
	c := cs.cur.Load()
	if c != nil && c.version == v && time.Since(c.loaded) < catalogMaxAge {
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

func loadCatalog(ctx context.Context, db *pgxpool.Pool, v int64) (*catalog, error) {
	c := &catalog{version: v, loaded: time.Now(), kindSet: map[string]bool{}, areaSet: map[string]bool{},
		areaByCode: map[string]*vocabdb.Area{}}
	var err error
	if c.kinds, err = vocabdb.Kinds(ctx, db); err != nil {
		return nil, err
	}
	if c.kindList, err = vocabdb.KindList(ctx, db); err != nil {
		return nil, err
	}
	if c.kindGroups, err = vocabdb.KindGroups(ctx, db); err != nil {
		return nil, err
	}
	if c.practiceAreas, err = vocabdb.PracticeAreas(ctx, db); err != nil {
		return nil, err
	}
	if c.areas, err = vocabdb.Areas(ctx, db); err != nil {
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
	c.calendar = directory.NewNationalCalendar(official)
	for _, k := range c.kinds {
		c.kindSet[k.Code] = true
	}
	for _, a := range c.practiceAreas {
		c.areaSet[a.Code] = true
	}
	var bounds []orb.Bound
	for i := range c.areas {
		a := &c.areas[i]
		c.areaByCode[a.Code] = a
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
	vocab := search.VocabularyOf(c.kinds, c.practiceAreas, c.areas)
	vocab.LegalTerms = search.LegalTermsOf(terms)
	c.analyzer = search.NewAnalyzer(vocab)
	return c, nil
}

// centre is where an area is: its own centre, or its nearest ancestor's (streets have none of their own).
func (c *catalog) centre(code string) *[2]float64 {
	for i := 0; i < 4 && code != ""; i++ {
		a := c.areaByCode[code]
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

// region is the service region: SERVICE_REGION when set, else around the loaded districts.
func (s *Server) region(cat *catalog) geo.Region {
	if s.cfg.ServiceRegion != (geo.Region{}) || cat == nil {
		return s.cfg.ServiceRegion
	}
	return cat.region
}

// cityNames are the city's names: CITY_NAME_ZH/EN when set, else the loaded city area's.
func (s *Server) cityNames(cat *catalog) (zh, en string) {
	zh, en = s.cfg.CityNameZh, s.cfg.CityNameEn
	if cat != nil {
		if zh == "" {
			zh = cat.cityZh
		}
		if en == "" {
			en = cat.cityEn
		}
	}
	return zh, en
}
