package desk_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/storetest"
)

// BenchmarkRequestCreate: citizens' requests made at once on loopback against the real server and database:
// 8 clients, 2,000 requests per run, each from its own phone and (through a trusted proxy) its own address,
// so the per-phone and per-address limits let them through. Reports the latency percentiles of the 201s.
//
//	go test -run '^$' -bench BenchmarkRequestCreate -benchtime 1x ./internal/api/
func BenchmarkRequestCreate(b *testing.B) {
	d := deskServer(b, map[string]string{"TRUSTED_PROXIES": "127.0.0.1/32"}, time.Now())
	var place string
	if err := storetest.Pool(b).QueryRow(context.Background(), `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('legal_aid', '压测法律援助中心', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'bench', gen_random_uuid()::text)
		RETURNING id::text`).Scan(&place); err != nil {
		b.Fatal(err)
	}
	const clients, total = 8, 2000
	for range b.N {
		lat := make([]time.Duration, 0, total)
		var mu sync.Mutex
		var failed int
		jobs := make(chan int)
		var wg sync.WaitGroup
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				client := &http.Client{Timeout: 10 * time.Second}
				for i := range jobs {
					phoneSeqMu.Lock()
					phone := freshPhone()
					phoneSeqMu.Unlock()
					body := apitest.JSONBody(consultation(place, phone))
					req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, d.URL+"/api/v1/requests", bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
					t0 := time.Now()
					resp, err := client.Do(req)
					el := time.Since(t0)
					mu.Lock()
					if err != nil || resp.StatusCode != http.StatusCreated {
						failed++
					} else {
						lat = append(lat, el)
					}
					mu.Unlock()
					if err == nil {
						resp.Body.Close()
					}
				}
			}()
		}
		for i := range total {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		wall := time.Since(start)
		slices.Sort(lat)
		if failed > 0 || len(lat) == 0 {
			b.Fatalf("%d of %d requests failed", failed, total)
		}
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
		b.ReportMetric(float64(total)/wall.Seconds(), "req/s")
	}
}

var phoneSeqMu sync.Mutex
