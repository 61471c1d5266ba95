package reader

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expectation is one line of testdata/{good,bad}/EXPECT.tsv (format in
// testdata/gen/main.go).
type expectation struct {
	file, outcome, note string
	opt                 Options
}

func loadExpect(t *testing.T, dir string) []expectation {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "EXPECT.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("EXPECT.tsv line %d: want 4 tab-separated fields, got %d", i+1, len(f))
		}
		e := expectation{file: f[0], outcome: f[1], note: f[3]}
		if k, v, ok := strings.Cut(f[2], "="); ok {
			switch k {
			case "encoding":
				e.opt.Encoding = v
			case "sheet":
				e.opt.Sheet = v
			default:
				t.Fatalf("EXPECT.tsv line %d: unknown option %q", i+1, k)
			}
		}
		out = append(out, e)
	}
	return out
}

// readAll reads a file through Open and describes the outcome in the
// EXPECT.tsv vocabulary.
func readAll(path string, opt Options) (string, error) {
	t, err := Open(path, opt)
	if err != nil {
		return describeFileError(err)
	}
	defer t.Close()
	var parts []string
	ok := 0
	for {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		var re *RowError
		switch {
		case errors.As(err, &re):
			if re.Line < 1 {
				return "", fmt.Errorf("row error without a line: %v", re)
			}
			parts = append(parts, fmt.Sprintf("row_error:%d:%s", re.Line, re.Column))
			continue
		case err != nil:
			return describeFileError(err)
		}
		if len(row.Cells) != len(t.Header()) {
			return "", fmt.Errorf("line %d: %d cells for %d columns", row.Line, len(row.Cells), len(t.Header()))
		}
		ok++
	}
	return strings.Join(append(parts, fmt.Sprintf("ok:%d", ok)), " "), nil
}

func describeFileError(err error) (string, error) {
	var fe *FileError
	if !errors.As(err, &fe) {
		return "", fmt.Errorf("want *FileError or *RowError, got %T: %v", err, err)
	}
	return "file_error:" + fe.Reason, nil
}

func checkCorpus(t *testing.T, dir string, minFiles int) {
	exps := loadExpect(t, dir)
	if len(exps) < minFiles {
		t.Errorf("%s: %d cases, want at least %d", dir, len(exps), minFiles)
	}
	listed := map[string]bool{"EXPECT.tsv": true}
	for _, e := range exps {
		listed[e.file] = true
		t.Run(e.file, func(t *testing.T) {
			got, err := readAll(filepath.Join(dir, e.file), e.opt)
			if err != nil {
				t.Fatalf("%s: %v", e.note, err)
			}
			if want, ok := strings.CutPrefix(e.outcome, "file_error:"); ok {
				if !strings.HasPrefix(got, "file_error:") || !strings.Contains(got, want) {
					t.Errorf("%s\n got %s\nwant a file error containing %q", e.note, got, want)
				}
				return
			}
			if got != e.outcome {
				t.Errorf("%s\n got %s\nwant %s", e.note, got, e.outcome)
			}
		})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		if !listed[de.Name()] {
			t.Errorf("%s/%s is not listed in EXPECT.tsv", dir, de.Name())
		}
	}
}

func TestBadCorpus(t *testing.T)  { checkCorpus(t, "testdata/bad", 100) }
func TestGoodCorpus(t *testing.T) { checkCorpus(t, "testdata/good", 10) }
