package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"legalmap/importers/columns"
	"legalmap/importers/reader"
)

// TestReaderCorpusThroughPipeline runs the readers' corpus of malformed files (importers/reader/testdata/bad,
// with the reader's expected outcome of each) through the whole import. The pipeline's expectation follows
// from the reader's: a file the reader refuses is refused with the reader's reason; otherwise each row the
// reader faults is a rejected row on the same line, a file whose header gives no usable columns is refused,
// and the rows the reader reads are the most that can be accepted. Whenever a run is refused, the live
// tables are unchanged.
func TestReaderCorpusThroughPipeline(t *testing.T) {
	dir := filepath.Join("..", "reader", "testdata", "bad")
	f, err := os.Open(filepath.Join(dir, "EXPECT.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pool := testPool(t)
	emptyDirectory(t, pool)
	n, applied := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("EXPECT.tsv: %q", line)
		}
		n++
		t.Run(cols[0], func(t *testing.T) {
			opt := Options{Kind: "legal_aid", File: filepath.Join(dir, cols[0]), Source: "reader-corpus"}
			rop := reader.Options{}
			if cols[2] != "-" {
				for _, o := range strings.Split(cols[2], ";") {
					k, v, _ := strings.Cut(o, "=")
					switch k {
					case "encoding":
						opt.Encoding, rop.Encoding = v, v
					case "sheet":
						opt.Sheet, rop.Sheet = v, v
					}
				}
			}
			before := checksums(t, pool)
			rep, err := run(t, opt)
			refused := isRefused(err)
			if err != nil && !refused {
				t.Fatalf("failed, not refused: %v", err)
			}
			if refused {
				if after := checksums(t, pool); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Fatalf("refused run changed the live tables")
				}
			}
			if want, ok := strings.CutPrefix(cols[1], "file_error:"); ok {
				if !refused || !strings.Contains(rep.Refusal, want) {
					t.Fatalf("want refused for %q, got err %v, refusal %q", want, err, rep.Refusal)
				}
				return
			}
			okRows, rowErrs := readerExpectation(t, cols[1])
			if !mapsFor(t, opt.File, rop) {
				if !refused {
					t.Fatalf("columns do not map, yet the run was not refused")
				}
				return
			}
			if rep.Rows != okRows+len(rowErrs) {
				t.Errorf("rows read %d, want %d ok + %d faulty", rep.Rows, okRows, len(rowErrs))
			}
			for _, l := range rowErrs {
				found := false
				for _, is := range rep.RejectedRows {
					found = found || is.Line == l
				}
				if !found {
					t.Errorf("the reader's fault on line %d is not a rejected row: %v", l, issueKeys(rep.RejectedRows))
				}
			}
			if rep.Accepted > okRows {
				t.Errorf("accepted %d of %d readable rows", rep.Accepted, okRows)
			}
			if rep.Accepted == 0 != refused {
				t.Errorf("accepted %d, refused %v", rep.Accepted, refused)
			}
			if !refused {
				applied++
			}
			if !refused && rep.Created+rep.Updated+rep.Unchanged != rep.Accepted {
				t.Errorf("created %d + updated %d + unchanged %d != accepted %d", rep.Created, rep.Updated, rep.Unchanged, rep.Accepted)
			}
		})
	}
	if n < 100 {
		t.Errorf("the readers' corpus has %d files, want at least 100", n)
	}
	// The GeoJSON files carry their coordinates: those the reader reads must get through.
	if applied < 20 {
		t.Errorf("only %d of %d files applied", applied, n)
	}
	t.Logf("%d files of the readers' corpus: %d applied, %d refused", n, applied, n-applied)
}

// readerExpectation reads "row_error:L:COL … ok:N".
func readerExpectation(t *testing.T, s string) (ok int, rowErrs []int) {
	for _, f := range strings.Fields(s) {
		switch {
		case strings.HasPrefix(f, "ok:"):
			ok, _ = strconv.Atoi(f[3:])
		case strings.HasPrefix(f, "row_error:"):
			parts := strings.SplitN(f, ":", 3)
			l, err := strconv.Atoi(parts[1])
			if err != nil {
				t.Fatalf("bad expectation %q", s)
			}
			rowErrs = append(rowErrs, l)
		}
	}
	return ok, rowErrs
}

// mapsFor says whether the file's header gives the columns a legal-aid import needs (a file without an id
// column is read with ids derived from name and address).
func mapsFor(t *testing.T, path string, opt reader.Options) bool {
	tb, err := reader.Open(path, opt)
	if err != nil {
		t.Fatalf("reader refuses a file the corpus says it reads: %v", err)
	}
	defer tb.Close()
	if tb.Format() == "geojson" {
		_, err = columns.MapGeoJSON(tb.Header(), "legal_aid")
	} else {
		_, err = columns.Map(tb.Header(), "legal_aid")
	}
	return err == nil
}
