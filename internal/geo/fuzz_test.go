package geo

import (
	"errors"
	"math"
	"testing"
)

// Seeds live in testdata/fuzz/<target>/ and also run as ordinary tests.

func FuzzParsePoint(f *testing.F) {
	f.Add("22.5431", "114.0579")
	f.Fuzz(func(t *testing.T, lat, lng string) {
		p, err := ParsePoint(lat, lng)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || (fe.Field != "lat" && fe.Field != "lng") || fe.Reason == "" {
				t.Fatalf("ParsePoint(%q, %q): error %v is not a FieldError naming lat or lng", lat, lng, err)
			}
			return
		}
		if !finite(p[0]) || !finite(p[1]) || p[1] < -90 || p[1] > 90 || p[0] < -180 || p[0] > 180 {
			t.Fatalf("ParsePoint(%q, %q) = %v: not a valid point", lat, lng, p)
		}
	})
}

func FuzzParseBBox(f *testing.F) {
	f.Add("113.9,22.4,114.6,22.9")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBBox(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "bbox" || fe.Reason == "" {
				t.Fatalf("ParseBBox(%q): error %v is not a FieldError naming bbox", s, err)
			}
			return
		}
		for _, v := range [4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
			if !finite(v) {
				t.Fatalf("ParseBBox(%q) = %v: not finite", s, b)
			}
		}
		if b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] || b.Min[0] < -180 || b.Max[0] > 180 || b.Min[1] < -90 || b.Max[1] > 90 {
			t.Fatalf("ParseBBox(%q) = %v: out of range or min > max", s, b)
		}
	})
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
