package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"legalmap/importers/reader/xlsxbomb"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// serveChildEnv makes the test binary run `legalmap serve` instead of the tests (see TestMain).
const serveChildEnv = "LEGALMAP_TEST_SERVE_CHILD"

// Hostile workbooks uploaded three at a time to a real server process keep its peak resident memory
// (VmHWM) under 512 MB: the shape of the reported attack (48 entries of 10 MiB from about 10 KB each) and
// the shape that passes the archive checks (400 entries of 1 MiB, below the ratio check's floor), and a
// row of 16,000 cells showing one 32,000-character shared string.
func TestHostileUploadsPeakRSS(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	if _, err := svc.CreateAccount(ctx, "rss-importer", "correct horse battery", auth.Importer); err != nil {
		t.Fatal(err)
	}
	token, _, err := svc.CreateToken(ctx, "rss-importer", "rss")
	if err != nil {
		t.Fatal(err)
	}
	base, err := os.ReadFile("../../importers/reader/testdata/good/places.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	reported, err := xlsxbomb.WithJunk(base, 48, 10<<20)
	if err != nil {
		t.Fatal(err)
	}
	adapted, err := xlsxbomb.WithJunk(base, 400, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	wide, err := xlsxbomb.WideRow(base, 16000, 32000)
	if err != nil {
		t.Fatal(err)
	}

	base0, cmd := startServeChild(t)
	idle := vmHWM(t, cmd.Process.Pid)

	for _, wb := range []struct {
		name string
		data []byte
	}{{"reported", reported}, {"adapted", adapted}, {"wide-row", wide}} {
		var wg sync.WaitGroup
		statuses := make([]string, 3)
		for i := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = upload(t, base0, token, wb.data)
			}()
		}
		wg.Wait()
		t.Logf("%s workbook (%d bytes) x3: %v", wb.name, len(wb.data), statuses)
		for _, s := range statuses {
			if strings.HasPrefix(s, "5") {
				t.Errorf("%s: %s", wb.name, s)
			}
		}
	}
	peak := vmHWM(t, cmd.Process.Pid)
	t.Logf("server VmHWM: %d MB idle, %d MB peak after three uploads at once of each hostile workbook", idle>>20, peak>>20)
	if peak > 512<<20 {
		t.Errorf("peak RSS %d MB, want under 512 MB", peak>>20)
	}
}

// startServeChild runs `legalmap serve` on the package's test database in a process of its own (this test
// binary, see TestMain) and returns its base URL once /healthz answers; it is stopped when the test ends.
func startServeChild(t *testing.T) (string, *exec.Cmd) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveChildEnv+"=1", "DATABASE_URL="+storetest.URL(), "LISTEN_ADDR="+addr,
		"RATE_LIMIT=0", "LOG_LEVEL=warn")
	var serverLog bytes.Buffer
	cmd.Stdout, cmd.Stderr = &serverLog, &serverLog
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM) //nolint:errcheck
		cmd.Wait()                          //nolint:errcheck
	})
	base := "http://" + addr
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			return base, cmd
		}
		if i > 300 {
			t.Fatalf("server did not start: %s", serverLog.String())
		}
		time.Sleep(100 * time.Millisecond) // polling a child process's start: no clock to inject
	}
}

// A run left running by a process that died is marked failed when the server starts.
func TestServeFailsAbandonedImportRuns(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	var id int64
	if err := pool.QueryRow(ctx, `INSERT INTO import_runs (importer, source, actor, mode) VALUES ('law_firm', 'dead', 'cli:x', 'upsert')
		RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	startServeChild(t)
	var status string
	if err := pool.QueryRow(ctx, "SELECT status FROM import_runs WHERE id = $1", id).Scan(&status); err != nil || status != "failed" {
		t.Fatalf("abandoned run after the server started: %q %v, want failed", status, err)
	}
}

func upload(t *testing.T, base, token string, data []byte) string {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"kind": "law_firm", "dry_run": "true"} {
		mw.WriteField(k, v) //nolint:errcheck
	}
	fw, _ := mw.CreateFormFile("file", "名录.xlsx")
	fw.Write(data) //nolint:errcheck
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/admin/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return "error"
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	status := ""
	if i := bytes.Index(b, []byte(`"status":"`)); i >= 0 {
		status, _, _ = strings.Cut(string(b[i+10:]), `"`)
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, status)
}

// vmHWM reads a process's peak resident set size from /proc.
func vmHWM(t *testing.T, pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}
