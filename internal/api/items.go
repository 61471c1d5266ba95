package api

import (
	"math"
	"time"

	"github.com/paulmach/orb"

	"legalmap/internal/api/catalog"
	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/store/placedb"
)

// placeItem is one result of the list endpoints (DESIGN.md "Public API"): public fields only.
type placeItem struct {
	ID                   string     `json:"id"`
	Kind                 string     `json:"kind"`
	Name                 string     `json:"name"`
	NameEn               string     `json:"name_en"`
	Address              string     `json:"address"`
	Lat                  *float64   `json:"lat"` // null when unplaced
	Lng                  *float64   `json:"lng"`
	Position             string     `json:"position"`             // exact, approximate or unplaced
	DistanceM            *float64   `json:"distance_m,omitempty"` // when the request gave a location
	Phones               []string   `json:"phones"`
	OpenNow              *bool      `json:"open_now"` // null: the hours are not known
	PracticeAreas        []string   `json:"practice_areas"`
	Languages            []string   `json:"languages"`
	Free                 *bool      `json:"free"`
	Status               string     `json:"status"`
	VerifiedAt           *time.Time `json:"verified_at"`
	MatchedPractitioners []string   `json:"matched_practitioners,omitempty"` // search: the people the words named
	Matched              []string   `json:"matched,omitempty"`               // search: why it matched, as a citizen reads it
}

// listAnswer is the envelope of the list endpoints.
type listAnswer[T any] struct {
	Results []T `json:"results"`
	Total   int `json:"total"`
	Limit   int `json:"limit"`
	Offset  int `json:"offset"`
}

// openNow is true or false, or nil when the hours say nothing structured. A place closed for the time
// being is not open, whatever its hours.
func openNow(h directory.Hours, status string, now time.Time, cal directory.Calendar) *bool {
	open, known := h.OpenAt(now, cal)
	if status == directory.StatusTemporarilyClosed {
		open, known = false, true
	}
	if !known {
		return nil
	}
	return &open
}

// isOpen is the open_now filter's test.
func isOpen(raw []byte, status string, now time.Time, cal directory.Calendar) bool {
	o := openNow(catalog.Hours(raw), status, now, cal)
	return o != nil && *o
}

// item renders a place for an answer in the coordinate system asked for; distance is negative when no
// location was given.
func item(pl *placedb.Place, distance float64, crs geo.CRS, now time.Time, cal directory.Calendar) placeItem {
	it := placeItem{
		ID: pl.ID, Kind: pl.Kind, Name: pl.Name, NameEn: pl.NameEn, Address: pl.Address, Position: pl.Position,
		Phones: orEmpty(pl.Phones), OpenNow: openNow(catalog.Hours(pl.Hours), pl.Status, now, cal),
		PracticeAreas: orEmpty(pl.PracticeAreas), Languages: orEmpty(pl.Languages),
		Free: pl.Free, Status: pl.Status, VerifiedAt: pl.VerifiedAt,
	}
	if it.Position == "" {
		it.Position = "exact"
	}
	if it.Position != "unplaced" {
		pt := geo.FromWGS84(orb.Point{pl.Lng, pl.Lat}, crs)
		lat, lng := round7(pt[1]), round7(pt[0])
		it.Lat, it.Lng = &lat, &lng
	}
	if distance >= 0 && it.Lat != nil {
		d := math.Round(distance*10) / 10
		it.DistanceM = &d
	}
	return it
}

// round7 keeps 7 decimals of a degree (about a centimetre): more is noise, and shorter answers.
func round7(v float64) float64 { return math.Round(v*1e7) / 1e7 }

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
