package webtest

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/store/storetest"
)

// deadTiles is where the map asks for tiles in tests: nothing listens there, as on machines without internet,
// and the pages must work regardless.
const deadTiles = "http://127.0.0.1:9/{z}/{x}/{y}.png"

// site starts the real server on the package's database.
func site(t *testing.T, vars map[string]string) *httptest.Server {
	t.Helper()
	return siteOn(t, storetest.Pool(t), vars)
}

// siteOn starts the real server on the given database (the page benchmark's own, fresh one).
func siteOn(t testing.TB, db *pgxpool.Pool, vars map[string]string) *httptest.Server {
	t.Helper()
	env := map[string]string{"RATE_LIMIT": "0", "TILE_URL": deadTiles}
	for k, v := range vars {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: db})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// Browser is one headless Chromium tab with everything the tests watch: JavaScript dialogs (an XSS payload
// that runs calls alert), uncaught exceptions, console errors, and every request that leaves for a host that
// is not on this machine.
type Browser struct {
	Ctx context.Context
	t   testing.TB

	mu         sync.Mutex
	dialogs    []string
	exceptions []string
	console    []string
	outside    []string
	requests   []string                                   // every http(s) request, in order
	contexts   map[cdp.FrameID]runtime.ExecutionContextID // each frame's page context (for EvalInFrame)
}

func chromiumPath() string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	return ""
}

// NewBrowser starts Chromium with the given window size. A missing Chromium fails the test: `make test`
// installs it, and a browser test that skips proves nothing.
func NewBrowser(t *testing.T, width, height int) *Browser {
	t.Helper()
	return newBrowser(t, width, height)
}

// NewBrowserInProcess is NewBrowser with every frame in the page's own renderer, whatever its origin, so a
// test can look inside a frame from another origin (EvalInFrame). Origins, CSP, frame-ancestors and
// postMessage checks work as in any browser; only the process split of site isolation is off.
func NewBrowserInProcess(t *testing.T, width, height int) *Browser {
	t.Helper()
	return newBrowser(t, width, height, chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"))
}

func newBrowser(t testing.TB, width, height int, extra ...chromedp.ExecAllocatorOption) *Browser {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		t.Fatal("webtest: no Chromium found (make test installs Debian's chromium; or set CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &Browser{Ctx: ctx, t: t, contexts: map[cdp.FrameID]runtime.ExecutionContextID{}}
	chromedp.ListenTarget(ctx, b.watch)
	if err := chromedp.Run(ctx, network.Enable(), runtime.Enable(), page.Enable(), watchCSP(),
		chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("webtest: start chromium: %v", err)
	}
	return b
}

func (b *Browser) watch(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, ev.Message)
		go chromedp.Run(b.Ctx, page.HandleJavaScriptDialog(false)) //nolint:errcheck
	case *runtime.EventExceptionThrown:
		b.exceptions = append(b.exceptions, ev.ExceptionDetails.Error())
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.console = append(b.console, strings.Join(parts, " "))
		}
	case *network.EventRequestWillBeSent:
		if u, err := url.Parse(ev.Request.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			b.requests = append(b.requests, ev.Request.URL)
			if !isLoopback(u.Hostname()) {
				b.outside = append(b.outside, ev.Request.URL)
			}
		}
	case *runtime.EventExecutionContextCreated:
		var aux struct {
			FrameID   cdp.FrameID `json:"frameId"`
			IsDefault bool        `json:"isDefault"`
		}
		if json.Unmarshal(ev.Context.AuxData, &aux) == nil && aux.IsDefault && aux.FrameID != "" {
			b.contexts[aux.FrameID] = ev.Context.ID
		}
	}
}

// watchCSP records, in every frame, what the Content-Security-Policy refused (window.__csp): markup from data
// that a page wrongly parsed shows up there even when the policy kept its script from running.
func watchCSP() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = [];
			document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`).Do(ctx)
		return err
	})
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// In runs f as a subtest of t on the same browser: the browser's own failures (Run, Screenshot) are then
// reported by the subtest. Subtests of one browser run one after another.
func (b *Browser) In(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		prev := b.t
		b.t = t
		defer func() { b.t = prev }()
		f(t)
	})
}

// Run runs chromedp actions, failing the test on error.
func (b *Browser) Run(actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.Ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// Dialogs, Exceptions and Outside return what the watchers saw so far.
func (b *Browser) Dialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.dialogs...)
}
func (b *Browser) Exceptions() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.exceptions...)
}
func (b *Browser) Outside() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.outside...)
}

// Requests returns every http(s) request the page and its frames made so far.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Screenshot keeps a picture of the current state as a test artifact (internal/webtest/artifacts/NAME.png).
func (b *Browser) Screenshot(name string) {
	b.t.Helper()
	var png []byte
	// Quality 100 makes chromedp write PNG (below 100 it writes JPEG, whatever the file is called).
	b.Run(chromedp.FullScreenshot(&png, 100))
	dir := filepath.Join("artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// waitHTTP polls url until it answers 200 (the server is in-process, so this is only a sanity check).
func waitHTTP(t *testing.T, u string) {
	t.Helper()
	for i := 0; i < 50; i++ {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never answered 200", u)
}
