package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kinds list|add and areas load from the command line: a kind added there imports at once; an area file
// without a stated system is refused naming gcj02; a dry run says what it would load and loads nothing.
func TestKindsAndAreasCommands(t *testing.T) {
	code, out, errs := runCLI(t, "", "kinds", "list")
	if code != 0 || !strings.Contains(out, "mediation_committee") || !strings.Contains(out, "notary_person") {
		t.Fatalf("kinds list: %d %q %q", code, out, errs)
	}
	code, out, errs = runCLI(t, "", "kinds", "add", "--code", "cli_test_kind", "--name-zh", "命令行测试站", "--name-en", "CLI test point",
		"--group", "legal_services", "--colour", "#123456", "--words", "命令行测试、测试站")
	if code != 0 || !strings.Contains(out, "cli_test_kind") {
		t.Fatalf("kinds add: %d %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "kinds", "add", "--code", "cli_test_kind", "--name-zh", "甲", "--name-en", "A"); code == 0 || !strings.Contains(errs, "kinds set") {
		t.Errorf("a second add: %d %q", code, errs)
	}
	dir := t.TempDir()
	list := filepath.Join(dir, "stations.csv")
	os.WriteFile(list, []byte("编号,名称,地址\nS1,命令行测试站,深圳市南山区某路1号\n"), 0o644)
	code, out, errs = runCLI(t, "", "import", "--kind", "cli_test_kind", "--file", list, "--source", "cli-city")
	if code != 0 || !strings.Contains(out, "近似 approximate 1") {
		t.Fatalf("import of the added kind: %d %q %q", code, out, errs)
	}

	streets := filepath.Join(dir, "streets.csv")
	os.WriteFile(streets, []byte("code,name,parent,level,centre\n440305999,测试街道,440305,street,\"113.93,22.53\"\n"), 0o644)
	if code, _, errs := runCLI(t, "", "areas", "load", "--file", streets); code == 0 || !strings.Contains(errs, "gcj02") {
		t.Errorf("areas load without --crs: %d %q", code, errs)
	}
	code, out, errs = runCLI(t, "", "areas", "load", "--file", streets, "--crs", "wgs84", "--dry-run")
	if code != 0 || !strings.Contains(out, "added 1") || !strings.Contains(out, "dry run") {
		t.Fatalf("areas load --dry-run: %d %q %q", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "areas", "load", "--file", streets, "--crs", "wgs84", "--report", "json")
	if code != 0 || !strings.Contains(out, `"added": 1`) {
		t.Fatalf("areas load: %d %q", code, out)
	}
}
