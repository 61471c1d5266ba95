package webtest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/importers/pipeline"
	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// The page benchmark (`make bench-web`, scripts/bench-web.sh): the citizen page as a visitor's browser gets
// it, on a fresh database of 5,000 places. It prints
//   - the JavaScript and CSS the pages load, each file gzipped (budget: 150 KB with Leaflet);
//   - the time from navigation to the first results listed, cold (no cache) and warm (budget: 1 s);
//   - the frame rate while dragging the map over all 5,000 places (server clusters) and over a street
//     view (single points).
// It is a benchmark, not a test: the figures depend on the machine, and nothing here fails on a budget.

const benchPlaces = 5000

// benchBox is where the places stand: the city's dense west and centre, about 41 by 22 km.
var benchBox = [4]float64{113.85, 22.50, 114.25, 22.70}

func BenchmarkWebPage(b *testing.B) {
	pool := freshDirectory(b)
	ts := siteOn(b, pool, nil)
	br := newBrowser(b, 1280, 800)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		size := shippedBytes(b, br, ts.URL)
		cold, warm := firstResults(b, br, ts.URL+"/")
		city := panFPS(b, br, ts.URL+"/?lat=22.6&lng=114.05&zoom=12", ".cluster-marker")
		street := panFPS(b, br, ts.URL+"/?lat=22.6&lng=114.05&zoom=15", "path.point-marker")
		b.ReportMetric(size, "KB-js+css-gz")
		b.ReportMetric(float64(cold.Milliseconds()), "ms-first-results-cold")
		b.ReportMetric(float64(warm.Milliseconds()), "ms-first-results-warm")
		b.ReportMetric(city.fps, "fps-pan-city")
		b.ReportMetric(street.fps, "fps-pan-street")
	}
}

// freshDirectory makes a database of its own, migrated, with benchPlaces places loaded through the importer.
func freshDirectory(b *testing.B) *pgxpool.Pool {
	b.Helper()
	ctx := context.Background()
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: storetest.EmptyDatabase(b), MaxConns: 8, AppName: "legalmap-bench-web"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	if _, err := store.Migrate(ctx, pool); err != nil {
		b.Fatal(err)
	}
	kinds := []string{"law_firm", "legal_aid", "notary", "forensic", "community_adviser"}
	dir := b.TempDir()
	start := time.Now()
	for k, kind := range kinds {
		rows := [][]string{{"编号", "名称", "地址", "经度", "纬度", "联系电话", "办公时间", "业务领域"}}
		for i := k; i < benchPlaces; i += len(kinds) {
			// A low-discrepancy spread (golden-ratio steps), so every view holds its share.
			fx, fy := math.Mod(float64(i)*0.6180339887, 1), math.Mod(float64(i)*0.7548776662, 1)
			rows = append(rows, []string{fmt.Sprintf("B%05d", i), fmt.Sprintf("基准%s%05d", kindZh[kind], i), "深圳市测试路",
				fmt.Sprintf("%.6f", benchBox[0]+fx*(benchBox[2]-benchBox[0])), fmt.Sprintf("%.6f", benchBox[1]+fy*(benchBox[3]-benchBox[1])),
				"0755-12348", "周一至周五 9:00-17:00", "劳动争议"})
		}
		file := filepath.Join(dir, kind+".csv")
		writeCSV(b, file, rows)
		if _, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: kind, File: file, CRS: "wgs84", Source: "bench", Actor: "bench"}); err != nil {
			b.Fatalf("import %s: %v", kind, err)
		}
	}
	b.Logf("directory: %d places imported in %v", benchPlaces, time.Since(start).Round(time.Millisecond))
	return pool
}

// shippedBytes loads the three public pages and sums the JavaScript and CSS each fetches, each file gzipped
// as a server or proxy would send it; it also says whether this server compresses. It returns the citizen
// page's figure.
func shippedBytes(b *testing.B, br *Browser, base string) float64 {
	b.Helper()
	var mu sync.Mutex
	var assets map[string]bool
	chromedp.ListenTarget(br.Ctx, func(ev any) {
		if r, ok := ev.(*network.EventResponseReceived); ok && (r.Type == network.ResourceTypeScript || r.Type == network.ResourceTypeStylesheet) {
			mu.Lock()
			if assets != nil {
				assets[r.Response.URL] = true
			}
			mu.Unlock()
		}
	})
	sizes := map[string][2]int{} // url -> raw, gzipped
	encoded := false
	measure := func(u string) [2]int {
		if s, ok := sizes[u]; ok {
			return s
		}
		req, _ := http.NewRequest("GET", u, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("Content-Encoding") == "gzip" {
			encoded = true
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			body, _ = io.ReadAll(zr)
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		zw.Write(body)
		zw.Close()
		sizes[u] = [2]int{len(body), buf.Len()}
		return sizes[u]
	}
	var citizen float64
	var report []string
	for _, p := range []string{"/", "/embed", "/embed/builder"} {
		mu.Lock()
		assets = map[string]bool{}
		mu.Unlock()
		br.Run(network.SetCacheDisabled(true), chromedp.Navigate(base+p), chromedp.WaitReady("body"), chromedp.Sleep(500*time.Millisecond))
		mu.Lock()
		var urls []string
		for u := range assets {
			urls = append(urls, u)
		}
		mu.Unlock()
		sort.Strings(urls)
		var raw, zipped int
		var lines []string
		for _, u := range urls {
			sz := measure(u)
			raw, zipped = raw+sz[0], zipped+sz[1]
			if p == "/" {
				lines = append(lines, fmt.Sprintf("  %6.1f KB gz %7.1f KB  %s", float64(sz[1])/1024, float64(sz[0])/1024, strings.TrimPrefix(u, base)))
			}
		}
		kb := float64(zipped) / 1024
		verdict := "within"
		if kb > 150 {
			verdict = "OVER"
		}
		report = append(report, fmt.Sprintf("%s: %d files, %.1f KB gzipped (%.1f KB as sent): %s the 150 KB budget", p, len(urls), kb, float64(raw)/1024, verdict))
		report = append(report, lines...)
		if p == "/" {
			citizen = kb
		}
	}
	b.Logf("JS + CSS per page (server sends gzip: %v)\n%s", encoded, strings.Join(report, "\n"))
	return citizen
}

// firstResults times navigation start to the first result in the list, with the cache off (a first visit)
// and on (a return visit), over five loads each; it reports the medians.
func firstResults(b *testing.B, br *Browser, u string) (cold, warm time.Duration) {
	b.Helper()
	br.Run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`new MutationObserver((m, obs) => {
			if (document.querySelector('#results .result-item')) { window.__firstResults = performance.now(); obs.disconnect(); }
		}).observe(document, { childList: true, subtree: true });`).Do(ctx)
		return err
	}))
	measure := func(noCache bool) (time.Duration, []time.Duration) {
		var all []time.Duration
		for i := 0; i < 5; i++ {
			br.Run(network.SetCacheDisabled(noCache), chromedp.Navigate(u))
			var ms float64
			if err := chromedp.Run(br.Ctx, chromedp.Poll(`window.__firstResults`, &ms, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
				b.Fatalf("first results: %v", err)
			}
			all = append(all, time.Duration(ms*float64(time.Millisecond)))
		}
		sorted := append([]time.Duration(nil), all...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		return sorted[len(sorted)/2], all
	}
	cold, coldAll := measure(true)
	warm, warmAll := measure(false)
	verdict := func(d time.Duration) string {
		if d <= time.Second {
			return "within"
		}
		return "OVER"
	}
	b.Logf("navigation to first results listed (%d places, loopback): cold median %v %v (%s the 1 s budget), warm median %v %v (%s)",
		benchPlaces, cold.Round(time.Millisecond), round(coldAll), verdict(cold), warm.Round(time.Millisecond), round(warmAll), verdict(warm))
	return cold, warm
}

func round(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

type fpsFigure struct {
	fps           float64
	worst, p95    time.Duration
	frames, drawn int
}

// panFPS drags the map back and forth for about three seconds, as a hand would (a move every 16 ms), and
// counts the frames the page painted, including the redraws after each drag ends (the viewport query).
func panFPS(b *testing.B, br *Browser, u, drawn string) fpsFigure {
	b.Helper()
	br.Run(network.SetCacheDisabled(false), chromedp.Navigate(u))
	poll(br, "the map's places", fmt.Sprintf(`document.querySelectorAll(%q).length > 0 && document.querySelectorAll('#results .result-item').length > 0`, drawn))
	var count int
	br.Run(chromedp.Sleep(500*time.Millisecond), chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, drawn), &count))
	br.Run(chromedp.Evaluate(`window.__frames = []; window.__recording = true;
		(function tick(t) { window.__frames.push(t); if (window.__recording) requestAnimationFrame(tick); })(performance.now());`, nil))
	x, y := 860.0, 400.0
	drag := func(dx float64) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			if err := input.DispatchMouseEvent(input.MousePressed, x, y).WithButton(input.Left).WithButtons(1).WithClickCount(1).Do(ctx); err != nil {
				return err
			}
			for i := 1; i <= 30; i++ {
				if err := input.DispatchMouseEvent(input.MouseMoved, x+dx*float64(i), y+dx*float64(i)/3).WithButton(input.Left).WithButtons(1).Do(ctx); err != nil {
					return err
				}
				time.Sleep(16 * time.Millisecond)
			}
			return input.DispatchMouseEvent(input.MouseReleased, x+dx*30, y+dx*10).WithButton(input.Left).WithButtons(0).WithClickCount(1).Do(ctx)
		})
	}
	for _, dx := range []float64{-10, 10, -10, 10} {
		br.Run(drag(dx), chromedp.Sleep(300*time.Millisecond))
	}
	var frames []float64
	br.Run(chromedp.Sleep(500*time.Millisecond), chromedp.Evaluate(`window.__recording = false; window.__frames`, &frames))
	if len(frames) < 2 {
		b.Fatalf("no frames recorded")
	}
	var gaps []float64
	for i := 1; i < len(frames); i++ {
		gaps = append(gaps, frames[i]-frames[i-1])
	}
	sort.Float64s(gaps)
	span := frames[len(frames)-1] - frames[0]
	f := fpsFigure{fps: float64(len(frames)-1) / span * 1000, frames: len(frames), drawn: count,
		worst: time.Duration(gaps[len(gaps)-1] * float64(time.Millisecond)), p95: time.Duration(gaps[len(gaps)*95/100] * float64(time.Millisecond))}
	b.Logf("panning %s (%d %s drawn, %d places in the directory): %.0f frames/s over %.1f s, 95th percentile frame %v, worst %v",
		view(u), count, drawn, benchPlaces, f.fps, span/1000, f.p95.Round(time.Millisecond), f.worst.Round(time.Millisecond))
	return f
}

// view is a page address without its scheme and host, for reading.
func view(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.RequestURI()
	}
	return u
}
