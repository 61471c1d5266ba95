package sample

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"legalmap/internal/directory"
	"legalmap/internal/geo"
)

func readCSV(t *testing.T, f File) [][]string {
	t.Helper()
	b, err := os.ReadFile(f.Path)
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader = bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))
	if f.Format == CSVGB18030 {
		r = simplifiedchinese.GB18030.NewDecoder().Reader(r)
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	return rows
}

func readXLSX(t *testing.T, f File) [][]string {
	t.Helper()
	x, err := excelize.OpenFile(f.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 1 || !strings.Contains(got[0], "synthetic") {
		t.Errorf("%s: sheets %v, want one that says it is synthetic", f.Path, got)
	}
	rows, err := x.GetRows(x.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func rowsOf(t *testing.T, f File) [][]string {
	if f.Format == XLSX {
		return readXLSX(t, f)
	}
	return readCSV(t, f)
}

// TestWriteIsDeterministic: the same seed writes the same records (tests and judged search sets name them
// by source id); another seed writes others.
func TestWriteIsDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []struct {
		dir  string
		seed uint64
	}{{a, 5}, {b, 5}, {c, 6}} {
		if _, err := Write(Options{Out: d.dir, Scale: 300, Seed: d.seed}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"law_firms.synthetic.csv", "lawyers.synthetic.gb18030.csv", "forensic.synthetic.bd09.gb18030.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		z, _ := os.ReadFile(filepath.Join(c, name))
		if !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s differs between two runs of the same seed", name)
		}
		if bytes.Equal(x, z) {
			t.Errorf("%s is the same for another seed", name)
		}
	}
}

// TestSampleReadsLikeShenzhen checks every file of a default directory: counts per plan, each says it is
// synthetic, formats and encodings as declared, points on land near their district's anchors (after
// undoing the declared coordinate system), names, phones and hours in the forms bureaus write.
func TestSampleReadsLikeShenzhen(t *testing.T) {
	dir := t.TempDir()
	files, err := Write(Options{Out: dir, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	plan := PlanFor(DefaultScale)
	if plan.LawFirms < 200 || plan.Advisers < 300 || plan.Notaries < 10 || plan.Forensic < 20 || plan.LegalAid < legalAidNetwork {
		t.Errorf("default plan %+v is not a city's directory", plan)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.txt"))
	if !strings.Contains(string(readme), "synthetic") || !strings.Contains(string(readme), "虚构") {
		t.Error("README.txt does not say the data is invented")
	}
	ds, _ := loadDistricts()
	byName := map[string]district{}
	for _, d := range ds {
		byName[d.Name] = d
	}
	lawyers := 0
	for _, f := range files {
		if !strings.Contains(filepath.Base(f.Path), "synthetic") {
			t.Errorf("%s: the name does not say synthetic", f.Path)
		}
		rows := rowsOf(t, f)
		if len(rows)-1 != f.Rows {
			t.Errorf("%s: %d rows, manifest says %d", f.Path, len(rows)-1, f.Rows)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, r := range rows[1:] {
			joined := strings.Join(r, ",")
			if !strings.Contains(joined, "synthetic") {
				t.Fatalf("%s: a row does not say it is synthetic: %v", f.Path, r)
			}
			if f.Kind == "lawyer" {
				lawyers++
				if !directory.ValidLawyerLicence(r[col["执业证号"]]) {
					t.Errorf("lawyer licence %q", r[col["执业证号"]])
				}
				continue
			}
			checkPlace(t, f, col, r, byName)
		}
	}
	if lawyers < 1000 {
		t.Errorf("%d lawyers, want thousands", lawyers)
	}
}

func checkPlace(t *testing.T, f File, col map[string]int, r []string, byName map[string]district) {
	t.Helper()
	var p orb.Point
	if i, ok := col["坐标"]; ok {
		lng, lat, _ := strings.Cut(r[i], ",")
		p[0], _ = strconv.ParseFloat(lng, 64)
		p[1], _ = strconv.ParseFloat(lat, 64)
	} else {
		p[0], _ = strconv.ParseFloat(r[col["经度"]], 64)
		p[1], _ = strconv.ParseFloat(r[col["纬度"]], 64)
	}
	p = geo.ToWGS84(p, geo.CRS(f.CRS))
	d, ok := byName[r[col["所属区"]]]
	if !ok {
		t.Fatalf("%s: district %q", f.Path, r[col["所属区"]])
	}
	near := false
	for _, a := range d.Anchors {
		near = near || geo.Distance(a, p) < 400
	}
	if !near {
		t.Errorf("%s: %v is not within 400 m of an anchor of %s", f.Path, p, d.Name)
	}
	for _, h := range []string{"联系电话", "电话", "咨询电话"} {
		if i, ok := col[h]; ok {
			if ph, warns := directory.ParsePhones(r[i]); len(ph) == 0 || len(warns) > 0 {
				t.Errorf("%s: phone %q reads as %v %v", f.Path, r[i], ph, warns)
			}
		}
	}
	for _, h := range []string{"办公时间", "服务时间", "工作时间", "驻点时间"} {
		if i, ok := col[h]; ok {
			if hours, warns := directory.ParseHours(r[i]); !hours.Known() || len(warns) > 0 {
				t.Errorf("%s: hours %q not understood: %v", f.Path, r[i], warns)
			}
		}
	}
	if i, ok := col["机构名称"]; ok && f.Kind == "law_firm" && !strings.HasSuffix(r[i], "律师事务所") {
		t.Errorf("firm name %q", r[i])
	}
	if i, ok := col["统一社会信用代码"]; ok && !directory.ValidCreditCode(r[i]) {
		t.Errorf("%s: credit code %q fails its check", f.Path, r[i])
	}
}

// BenchmarkMillionPlacesStream writes the import benchmark's file of law firms at the scale `make bench`
// uses, and prints its rows/s and the heap it took.
func BenchmarkMillionPlacesStream(b *testing.B) {
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		files, err := Write(Options{Out: b.TempDir(), Scale: MaxScale, Seed: 1, Only: []string{"law_firm"}})
		if err != nil {
			b.Fatal(err)
		}
		if files[0].Rows != MaxScale {
			b.Errorf("%d rows", files[0].Rows)
		}
		b.ReportMetric(float64(MaxScale)/time.Since(start).Seconds(), "rows/s")
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapSys)/(1<<20), "heap-MB")
	}
}
