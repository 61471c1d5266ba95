package api_test

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/storetest"
)

func getWith(t *testing.T, url string, header map[string]string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// Answers carry an ETag tied to the directory's version: the same tag gets 304; a change to the directory
// gives a new tag and a full answer.
func TestETagFollowsTheDirectory(t *testing.T) {
	ids := qaFixtures(t)
	clock := apitest.NewClock()
	ts := apitest.NewServerAt(t, nil, nil, clock)
	for _, path := range []string{"/api/v1/kinds", "/api/v1/providers/nearest?lat=22.54&lng=114.05", "/api/v1/providers/" + ids[fxHuashang]} {
		first := getWith(t, ts.URL+path, nil)
		tag := first.Header.Get("ETag")
		if first.StatusCode != http.StatusOK || tag == "" || first.Header.Get("Cache-Control") == "" {
			t.Fatalf("%s: %d, ETag %q, Cache-Control %q", path, first.StatusCode, tag, first.Header.Get("Cache-Control"))
		}
		again := getWith(t, ts.URL+path, map[string]string{"If-None-Match": tag})
		if again.StatusCode != http.StatusNotModified && again.Header.Get("ETag") == tag {
			t.Errorf("%s: revalidation with the current tag gave %d", path, again.StatusCode)
		}
	}
	path := "/api/v1/practice-areas"
	tag := getWith(t, ts.URL+path, nil).Header.Get("ETag")
	if _, err := storetest.Pool(t).Exec(context.Background(),
		`UPDATE providers SET description = description || ' ' WHERE source = 'qa-fixture' AND source_id = 'gen-001'`); err != nil {
		t.Fatal(err)
	}
	clock.Advance(1100 * time.Millisecond) // the version is cached for a second
	after := getWith(t, ts.URL+path, map[string]string{"If-None-Match": tag})
	if after.StatusCode != http.StatusOK || after.Header.Get("ETag") == tag {
		t.Errorf("after a change: %d with ETag %q (was %q), want 200 with a new tag", after.StatusCode, after.Header.Get("ETag"), tag)
	}
}

// With rate R and burst B, one client gets exactly B answers at one instant, the rest 429 with
// Retry-After; a made-up X-Forwarded-For does not give it a new bucket. Once the clock has moved on by
// two tokens' time, it is answered again.
func TestRateLimitPerClient(t *testing.T) {
	qaFixtures(t)
	const rate, burst = 5, 10
	clock := apitest.NewClock()
	ts := apitest.NewServerAt(t, nil, map[string]string{"RATE_LIMIT": strconv.Itoa(rate), "RATE_BURST": strconv.Itoa(burst)}, clock)
	var ok, limited atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp := getWith(t, ts.URL+"/api/v1/kinds", map[string]string{"X-Forwarded-For": "10.0.0." + strconv.Itoa(i), "X-Real-IP": "10.9.9." + strconv.Itoa(i)})
			switch resp.StatusCode {
			case http.StatusOK:
				ok.Add(1)
			case http.StatusTooManyRequests:
				limited.Add(1)
				if ra, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || ra < 1 {
					t.Errorf("429 with Retry-After %q", resp.Header.Get("Retry-After"))
				}
			default:
				t.Errorf("status %d", resp.StatusCode)
			}
		}(i)
	}
	wg.Wait()
	if ok.Load() != burst || limited.Load() != 40-burst {
		t.Errorf("%d answered, %d limited at one instant; want %d and %d", ok.Load(), limited.Load(), burst, 40-burst)
	}
	if resp := getWith(t, ts.URL+"/api/v1/kinds", nil); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("before the clock moved, %d; want 429", resp.StatusCode)
	}
	clock.Advance(time.Second / rate * 2)
	if resp := getWith(t, ts.URL+"/api/v1/kinds", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("after waiting, %d", resp.StatusCode)
	}
}
