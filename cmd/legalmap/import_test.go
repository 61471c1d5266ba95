package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportCommand: the exit status of DESIGN.md (0 when the run commits, also with no change; non-zero
// when the file is refused; 2 for a wrong command line), the JSON report, and the one-line summary on a
// stderr that is not a terminal.
func TestImportCommand(t *testing.T) {
	corpus := filepath.Join("..", "..", "importers", "testdata", "corpus")
	code, out, errs := runCLI(t, "", "import", "--kind", "law_firm", "--file", filepath.Join(corpus, "firms-ok.csv"),
		"--crs", "wgs84", "--source", "cli-test", "--report", "json")
	var rep struct {
		Status  string `json:"status"`
		Created int    `json:"created"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Status != "applied" || rep.Created != 5 {
		t.Fatalf("import: exit %d, report %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "created 5") {
		t.Errorf("no summary line on stderr: %q", errs)
	}
	code, out, _ = runCLI(t, "", "import", "--kind", "law_firm", "--file", filepath.Join(corpus, "firms-ok.csv"), "--crs", "wgs84", "--source", "cli-test")
	if code != 0 || !strings.Contains(out, "未变 / unchanged") {
		t.Errorf("the same file again: exit %d (want 0: the run commits with no change)\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "import", "--kind", "law_firm", "--file", filepath.Join(corpus, "all-rejected.csv"), "--crs", "wgs84", "--source", "cli-test")
	if code != 3 || !strings.Contains(out, "第 2 行 / line 2 [经度 lng]") {
		t.Errorf("a file with no acceptable row: exit %d, want 3\n%s", code, out)
	}
	for _, args := range [][]string{
		{"import", "--kind", "law_firm"},
		{"import", "--kind", "nosuch", "--file", "x.csv"},
		{"import", "--kind", "law_firm", "--file", "x.csv", "--report", "xml"},
		{"import", "--kind", "law_firm", "--file", "x.csv", "--crs", "epsg3857"},
		{"import", "--nosuchflag"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestSampleLoadTwice: `sample --load` loads the directory, and a second run loads nothing.
func TestSampleLoadTwice(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI(t, "", "sample", "--out", dir, "--scale", "200", "--seed", "9", "--load")
	if code != 0 || strings.Count(out, "applied") != 6 {
		t.Fatalf("sample --load: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "", "sample", "--out", dir, "--scale", "200", "--seed", "9", "--load")
	if code != 0 || strings.Count(out, "already loaded") != 6 {
		t.Fatalf("second sample --load: exit %d\n%s\n%s", code, out, errs)
	}
}
