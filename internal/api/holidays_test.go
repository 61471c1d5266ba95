package api_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/directory"
	"legalmap/internal/store/storetest"
)

// serverAt is newServer with the server's clock standing at now.
func serverAt(t *testing.T, now time.Time) *httptest.Server {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return map[string]string{"RATE_LIMIT": "0"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: storetest.Pool(t),
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// With 2026's arrangement loaded (sql/004) and 2027's not: an office open every day is closed on Friday
// 1 January 2027 (元旦, derived from the law) and opens again on the 2nd (the law knows no bridging day),
// and the answer says its holidays are statutory; in June 2026 they are official.
func TestProviderOnAHolidayOfAYearNotLoaded(t *testing.T) {
	ids := qaFixtures(t)
	newYear := serverAt(t, time.Date(2027, 1, 1, 10, 0, 0, 0, directory.Shanghai))
	d, _, body := getDetail(t, newYear.URL, ids[fxHuashang])
	if d.OpenNow == nil || *d.OpenNow || d.NextChange == nil || !d.NextChange.Opens || d.HolidayCalendar != "statutory" {
		t.Errorf("1 January 2027: %s", body)
	} else if at, err := time.Parse(time.RFC3339, d.NextChange.At); err != nil || !at.Equal(time.Date(2027, 1, 2, 9, 0, 0, 0, directory.Shanghai)) {
		t.Errorf("1 January 2027: next opening %s, want 2 January 09:00", d.NextChange.At)
	}
	june := serverAt(t, time.Date(2026, 6, 1, 10, 0, 0, 0, directory.Shanghai))
	if d, _, body := getDetail(t, june.URL, ids[fxHuashang]); d.OpenNow == nil || !*d.OpenNow || d.HolidayCalendar != "official" {
		t.Errorf("Monday 1 June 2026: %s", body)
	}
}
