package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// corpusCase is one line of testdata/corpus/EXPECT.tsv.
type corpusCase struct {
	line       int
	file, kind string
	opt        Options
	setups     [][2]string // file, kind
	outcome    string
}

func readCorpus(t *testing.T, dir string) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "EXPECT.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("EXPECT.tsv line %d: want 4 tab-separated columns", n)
		}
		c := corpusCase{line: n, file: cols[0], kind: cols[1], outcome: cols[3]}
		c.opt = Options{Kind: c.kind, File: filepath.Join(dir, c.file), Source: "corpus"}
		if cols[2] != "-" {
			for _, o := range strings.Split(cols[2], ",") {
				k, v, _ := strings.Cut(o, "=")
				switch k {
				case "crs":
					c.opt.CRS = v
				case "mode":
					c.opt.Mode = v
				case "strict":
					c.opt.Strict = true
				case "source":
					c.opt.Source = v
				case "encoding":
					c.opt.Encoding = v
				case "sheet":
					c.opt.Sheet = v
				case "setup":
					file, kind, _ := strings.Cut(v, ":")
					c.setups = append(c.setups, [2]string{file, kind})
				default:
					t.Fatalf("EXPECT.tsv line %d: unknown option %q", n, o)
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// TestCorpus runs every hand-written file of testdata/corpus through the whole pipeline, each from an empty
// directory, and checks its outcome: counts, each rejected line and field, the warnings named, and for a
// refused file that nothing changed.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus")
	cases := readCorpus(t, dir)
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	pool := testPool(t)
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d-%s", c.line, c.file), func(t *testing.T) {
			emptyDirectory(t, pool)
			for _, s := range c.setups {
				mustApply(t, Options{Kind: s[1], File: filepath.Join(dir, s[0]), Source: c.opt.Source, CRS: c.opt.CRS})
			}
			before := checksums(t, pool)
			rep, err := run(t, c.opt)
			checkOutcome(t, c.outcome, rep, err)
			if isRefused(err) {
				if after := checksums(t, pool); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Errorf("refused run changed the live tables:\nbefore %v\nafter  %v", before, after)
				}
			}
		})
	}
}

func checkOutcome(t *testing.T, outcome string, rep *Report, err error) {
	t.Helper()
	if want, ok := strings.CutPrefix(outcome, "refused:"); ok {
		if !isRefused(err) {
			t.Fatalf("want refused (%s), got err %v, status %s\n%s", want, err, rep.Status, rep.JSON())
		}
		if !strings.Contains(rep.Refusal, want) || rep.Status != "refused" || rep.RunID == 0 {
			t.Errorf("refusal %q (status %s, run %d), want it to mention %q", rep.Refusal, rep.Status, rep.RunID, want)
		}
		return
	}
	if err != nil {
		t.Fatalf("want applied, got %v\n%s", err, rep.JSON())
	}
	if rep.Status != "applied" {
		t.Errorf("status %s", rep.Status)
	}
	var rejects []string
	for _, f := range strings.Fields(outcome)[1:] {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "reject":
			rejects = append(rejects, v)
		case "warn":
			if !hasIssue(rep.WarningList, v) {
				t.Errorf("no warning %s among %v", v, issueKeys(rep.WarningList))
			}
		default:
			want, _ := strconv.Atoi(v)
			got := map[string]int{"created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged,
				"withdrawn": rep.Withdrawn, "rejected": rep.Rejected, "warnings": rep.Warnings}
			if g, ok := got[k]; !ok {
				t.Fatalf("unknown expectation %q", f)
			} else if g != want {
				t.Errorf("%s = %d, want %d\n%s", k, g, want, rep.JSON())
			}
		}
	}
	if got := issueKeys(rep.RejectedRows); strings.Join(got, " ") != strings.Join(rejects, " ") && rejects != nil {
		t.Errorf("rejected %v, want %v", got, rejects)
	}
}

func issueKeys(list []Issue) []string {
	var out []string
	for _, is := range list {
		out = append(out, fmt.Sprintf("%d:%s", is.Line, is.Field))
	}
	return out
}

func hasIssue(list []Issue, key string) bool {
	for _, k := range issueKeys(list) {
		if k == key {
			return true
		}
	}
	return false
}
