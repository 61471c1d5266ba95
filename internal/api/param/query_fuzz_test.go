package param

import (
	"errors"
	"math"
	"net/url"
	"testing"

	"legalmap/internal/api/reply"
	"legalmap/internal/geo"
)

// FuzzQueryParams drives the query-parameter parsing of the public endpoints with arbitrary query
// strings. Invariants: no panic; every refusal names a field; every accepted value is within its bounds.
// The seeds (here and in testdata/fuzz/FuzzQueryParams) run as ordinary tests.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{
		"lat=22.54&lng=114.05&limit=10", "lat=NaN&lng=Inf", "lat=1e400", "bbox=113,22,114,23&zoom=11.5",
		"bbox=1,2,3", "limit=-1&offset=1e3", "q=%00", "q=%ff", "kind=law_firm,,notary&free=1&open_now=false",
		"radius=0.000001", "crs=gcj02&lat=22.5&lng=114", "lat=22.5&lat=22.6", "zoom=22.999999",
	} {
		f.Add(s)
	}
	known := func(c string) bool { return c == "law_firm" || c == "notary" }
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p, err := Parse(v)
		if err != nil {
			named(t, err)
			return
		}
		crs, err := p.CRS()
		if err != nil {
			named(t, err)
			crs = geo.WGS84
		}
		if pt, err := p.Point(crs); err != nil {
			named(t, err)
		} else if pt != nil && (math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.Abs(pt[1]) > 90 || math.Abs(pt[0]) > 180) {
			t.Fatalf("point %v accepted", pt)
		}
		if n, err := p.Limit(); err != nil {
			named(t, err)
		} else if n < 1 || n > maxLimit {
			t.Fatalf("limit %d accepted", n)
		}
		if n, err := p.Offset(); err != nil {
			named(t, err)
		} else if n < 0 || n > maxOffset {
			t.Fatalf("offset %d accepted", n)
		}
		if r, err := p.Radius(); err != nil {
			named(t, err)
		} else if r < 0 || r > maxRadius || math.IsNaN(r) {
			t.Fatalf("radius %v accepted", r)
		}
		if z, err := p.Zoom(); err != nil {
			named(t, err)
		} else if z < 0 || z > maxZoom {
			t.Fatalf("zoom %d accepted", z)
		}
		if b, err := p.Bbox(crs); err != nil {
			named(t, err)
		} else if b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] || math.IsNaN(b.Min[0]+b.Min[1]+b.Max[0]+b.Max[1]) {
			t.Fatalf("bbox %v accepted", b)
		}
		if _, err := p.Boolean("free"); err != nil {
			named(t, err)
		}
		if codes, err := p.Codes("kind", known); err != nil {
			named(t, err)
		} else {
			for _, c := range codes {
				if !known(c) {
					t.Fatalf("code %q accepted", c)
				}
			}
		}
		if _, err := p.Text("q", true); err != nil {
			named(t, err)
		}
	})
}

// named fails unless err is a 400 naming a field.
func named(t *testing.T, err error) {
	t.Helper()
	var e *reply.Error
	var fe interface {
		error
		FieldName() string
	}
	switch {
	case errors.As(err, &e):
		if e.Status != 400 || e.Field == "" {
			t.Fatalf("refusal without a field: %+v", e)
		}
	case errors.As(err, &fe):
		if fe.FieldName() == "" {
			t.Fatalf("refusal without a field: %v", err)
		}
	default:
		t.Fatalf("refusal of an unknown kind: %v", err)
	}
}
