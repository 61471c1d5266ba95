package geo

import (
	"errors"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestParseCoordAccepts(t *testing.T) {
	for in, want := range map[string]float64{
		"22.5431": 22.5431, "-33.8688": -33.8688, "+14": 14, "0": 0, "90": 90, "-90": -90, "1e1": 10,
		"2.25E+1": 22.5, ".5": 0.5, "5.": 5, " 22.5 ": 22.5, "0000022.5": 22.5,
	} {
		got, err := ParseCoord("lat", in, -90, 90)
		if err != nil || got != want {
			t.Errorf("ParseCoord(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseCoordRefuses(t *testing.T) {
	for _, in := range []string{
		"", " ", "NaN", "nan", "Inf", "+Inf", "-inf", "infinity", "1e400", "-1e400", "0x1p4", "0x10", "1_000",
		"22.5abc", "22.5 1", "22,5", "--1", "+-1", "e5", "1e", "1e+", ".", "-", "90.0000001", "-91", "1e3",
		"２２.５", "22.5\x00", "0b101", strings.Repeat("1", 40), "١٢",
	} {
		_, err := ParseCoord("lat", in, -90, 90)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.FieldName() != "lat" {
			t.Errorf("ParseCoord(%q) error = %v, want a FieldError naming lat", in, err)
		}
	}
}

func TestParsePoint(t *testing.T) {
	p, err := ParsePoint("22.5431", "114.0579")
	if err != nil || p != (orb.Point{114.0579, 22.5431}) {
		t.Fatalf("ParsePoint = %v, %v; want [lng, lat]", p, err)
	}
	for _, c := range []struct{ lat, lng, field string }{
		{"", "114", "lat"}, {"22", "", "lng"}, {"91", "114", "lat"}, {"22", "181", "lng"}, {"NaN", "NaN", "lat"},
		{"22", "Inf", "lng"},
	} {
		_, err := ParsePoint(c.lat, c.lng)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.FieldName() != c.field {
			t.Errorf("ParsePoint(%q, %q) error = %v, want a FieldError naming %s", c.lat, c.lng, err, c.field)
		}
	}
}

func TestParseLngLat(t *testing.T) {
	for in, want := range map[string]orb.Point{
		"114.0579,22.5431": {114.0579, 22.5431}, " 114.0579 , 22.5431 ": {114.0579, 22.5431}, "114.0579，22.5431": {114.0579, 22.5431},
	} {
		if got, err := ParseLngLat(in); err != nil || got != want {
			t.Errorf("ParseLngLat(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "114.0579", "114.0579,22.5431,0", "22.5431;114.0579", "114.0579,NaN", "200,22", "114,95"} {
		_, err := ParseLngLat(in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.FieldName() != "coordinates" {
			t.Errorf("ParseLngLat(%q) error = %v, want a FieldError naming coordinates", in, err)
		}
	}
}

func TestParseBBox(t *testing.T) {
	b, err := ParseBBox("113.9,22.4,114.6,22.9")
	if err != nil || b != (orb.Bound{Min: orb.Point{113.9, 22.4}, Max: orb.Point{114.6, 22.9}}) {
		t.Fatalf("ParseBBox = %v, %v", b, err)
	}
	if b, err := ParseBBox("114, 22.5, 114, 22.5"); err != nil || b.Min != b.Max {
		t.Errorf("a degenerate box (min = max) is allowed: %v, %v", b, err)
	}
	for _, in := range []string{
		"", "1,2,3", "1,2,3,4,5", "113.9,22.4,114.6", ",,,", "113.9,22.4,114.6,NaN", "113.9,22.4,Inf,22.9",
		"113.9,22.4,1e400,22.9", "114.6,22.4,113.9,22.9", "113.9,22.9,114.6,22.4", "-181,0,0,0", "0,-91,0,0",
		"0,0,181,0", "0,0,0,91", "0x1,0,1,1", "1;2;3;4", "113.9 22.4 114.6 22.9", strings.Repeat("1,", 1000) + "1",
	} {
		_, err := ParseBBox(in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.FieldName() != "bbox" {
			t.Errorf("ParseBBox(%q) error = %v, want a FieldError naming bbox", in, err)
		}
	}
}

func TestFieldErrorMessage(t *testing.T) {
	_, err := ParseBBox("114.6,22.4,113.9,22.9")
	if msg := err.Error(); !strings.HasPrefix(msg, "bbox: ") || !strings.Contains(msg, "min is greater than max") ||
		!strings.Contains(msg, "最小值") {
		t.Errorf("message %q should name the field and say what is wrong in Chinese and English", msg)
	}
	_, err = ParseBBox("113.9,22.4,114.6,abc")
	if !strings.Contains(err.Error(), "maxLat") {
		t.Errorf("message %q should say which of the four numbers is wrong", err)
	}
}
