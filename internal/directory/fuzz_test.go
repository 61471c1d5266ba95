package directory

import (
	"strings"
	"testing"
	"time"
)

// Seeds live in testdata/fuzz/<target>/ and also run as ordinary tests.

func FuzzParseHours(f *testing.F) {
	f.Add("周一至周五 9:00-12:00,14:00-17:30")
	cal := Holidays{"2026-10-01": Holiday, "2026-10-10": Workday}
	f.Fuzz(func(t *testing.T, s string) {
		h, warnings := ParseHours(s)
		for d, spans := range h.Weekly {
			for i, sp := range spans {
				if sp.Open < 0 || sp.Open >= sp.Close || sp.Close > 1440 {
					t.Fatalf("ParseHours(%q): day %d span %v out of range", s, d, sp)
				}
				if i > 0 && sp.Open <= spans[i-1].Close {
					t.Fatalf("ParseHours(%q): day %d spans %v not sorted and apart", s, d, spans)
				}
			}
		}
		if err := h.Validate(); err != nil {
			t.Fatalf("ParseHours(%q): %v", s, err)
		}
		for _, spans := range h.Weekly {
			if h.AlwaysOpen && len(spans) > 0 {
				t.Fatalf("ParseHours(%q): always open with a weekly schedule too", s)
			}
		}
		if strings.TrimSpace(s) != "" && !h.Known() && h.Note == "" {
			t.Fatalf("ParseHours(%q): nothing recognised but the text was not kept", s)
		}
		if h.Note != "" && len(warnings) == 0 {
			t.Fatalf("ParseHours(%q): text kept as a note without a warning saying why", s)
		}
		// The schedule must answer open-now without panicking.
		when := time.Date(2026, 10, 9, 23, 30, 0, 0, Shanghai)
		h.OpenAt(when, cal)
		if at, _, ok := h.NextChange(when, cal); ok && (!at.After(when) || at.After(when.Add(14*24*time.Hour))) {
			t.Fatalf("ParseHours(%q): next change %s outside the next 14 days", s, at)
		}
	})
}

func FuzzParsePhones(f *testing.F) {
	f.Add("0755-83210000 83210001、12348")
	f.Fuzz(func(t *testing.T, s string) {
		phones, _ := ParsePhones(s)
		seen := map[string]bool{}
		for _, p := range phones {
			if strings.TrimSpace(p) == "" || seen[p] {
				t.Fatalf("ParsePhones(%q) = %q: empty or repeated number", s, phones)
			}
			seen[p] = true
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Add("2026年1月2日")
	f.Add("001E7") // a number, but no Excel day
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			return
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			t.Fatalf("ParseDate(%q) = %q: not an ISO date", s, d)
		}
		if again, ok := ParseDate(d); !ok || again != d {
			t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) = %q, %v", s, d, d, again, ok)
		}
	})
}

// The languages column has a CHECK constraint: codes of 2 or 3 lower-case letters.
func FuzzParseLanguages(f *testing.F) {
	f.Add("普通话、粤语、英语")
	f.Fuzz(func(t *testing.T, s string) {
		codes, _ := ParseLanguages(s)
		for _, c := range codes {
			if len(c) < 2 || len(c) > 3 || strings.Trim(c, "abcdefghijklmnopqrstuvwxyz") != "" {
				t.Fatalf("ParseLanguages(%q) = %q: %q is not a 2-3 letter code", s, codes, c)
			}
		}
	})
}
