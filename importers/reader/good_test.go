package reader

import (
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// The three records every canonical file in testdata/good holds (written
// by testdata/gen from the same table).
var (
	canonHeader = []string{"编号", "名称", "地址", "所属区", "经度", "纬度", "联系电话", "服务时间"}
	canonRows   = [][]string{
		{"FT001", "深圳市福田区法律援助处", "福田区福中三路市民中心C区", "福田区", "114.0579", "22.5431", "0755-82000000", "周一至周五 9:00-12:00,14:00-17:30"},
		{"NS002", `南山区"蛇口"公证处`, "南山区蛇口工业八路", "南山区", "113.9167", "22.4833", "0755-26000000、0755-26000001", "工作日 8:30-17:30"},
		{"LG003", "龙岗区司法鉴定所", "龙岗区龙城街道\n清林路1号", "龙岗区", "114.2467", "22.72", "", "24小时"},
	}
)

// readRows reads every row of a file, failing on any error.
func readRows(t *testing.T, path string, opt Options) (Table, []Row) {
	t.Helper()
	tab, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { tab.Close() })
	var rows []Row
	for {
		r, err := tab.Next()
		if err == io.EOF {
			return tab, rows
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, r)
	}
}

func TestCanonicalTabular(t *testing.T) {
	for file, format := range map[string]string{
		"utf8.csv": "csv", "utf8-bom.csv": "csv", "utf16le-bom.csv": "csv", "utf16be-bom.csv": "csv",
		"gbk.csv": "csv", "gb18030.csv": "csv", "tab.tsv": "csv", "semicolon.csv": "csv", "places.xlsx": "xlsx",
	} {
		t.Run(file, func(t *testing.T) {
			tab, rows := readRows(t, filepath.Join("testdata/good", file), Options{})
			if tab.Format() != format || tab.CRS() != "" {
				t.Errorf("Format %q CRS %q, want %q and no crs", tab.Format(), tab.CRS(), format)
			}
			if !reflect.DeepEqual(tab.Header(), canonHeader) {
				t.Errorf("header %q", tab.Header())
			}
			if len(rows) != len(canonRows) {
				t.Fatalf("%d rows, want %d", len(rows), len(canonRows))
			}
			for i, r := range rows {
				if r.Line != i+2 || r.Geometry != nil {
					t.Errorf("row %d: line %d geometry %v, want line %d and no geometry", i, r.Line, r.Geometry, i+2)
				}
				if !reflect.DeepEqual(r.Cells, canonRows[i]) {
					t.Errorf("line %d:\n got %q\nwant %q", r.Line, r.Cells, canonRows[i])
				}
			}
		})
	}
}

func TestCanonicalGeoJSON(t *testing.T) {
	wantHeader := []string{"编号", "名称", "地址", "所属区", "联系电话", "服务时间"}
	for file, crs := range map[string]string{
		"places.geojson": "", "places-gbk.geojson": "", "places-bom.geojson": "", "places-crs84.geojson": "wgs84",
	} {
		t.Run(file, func(t *testing.T) {
			tab, rows := readRows(t, filepath.Join("testdata/good", file), Options{})
			if tab.Format() != "geojson" || tab.CRS() != crs {
				t.Errorf("Format %q CRS %q, want geojson and %q", tab.Format(), tab.CRS(), crs)
			}
			if !reflect.DeepEqual(tab.Header(), wantHeader) {
				t.Errorf("header %q", tab.Header())
			}
			if len(rows) != len(canonRows) {
				t.Fatalf("%d rows, want %d", len(rows), len(canonRows))
			}
			for i, r := range rows {
				c := canonRows[i]
				want := []string{c[0], c[1], c[2], c[3], c[6], c[7]}
				if r.Line != i+1 || !reflect.DeepEqual(r.Cells, want) {
					t.Errorf("feature %d: line %d cells %q, want line %d %q", i, r.Line, r.Cells, i+1, want)
				}
				lng, _ := strconv.ParseFloat(c[4], 64)
				lat, _ := strconv.ParseFloat(c[5], 64)
				if r.Geometry == nil || !reflect.DeepEqual(*r.Geometry, []float64{lng, lat}) {
					t.Errorf("feature %d: geometry %v, want [%v %v]", i, r.Geometry, lng, lat)
				}
			}
		})
	}
}

func TestGB18030FourByte(t *testing.T) {
	_, rows := readRows(t, "testdata/good/gb18030-4byte.csv", Options{})
	want := [][]string{{"A1", "𠀀𠀁律师事务所", "㐀㐁路1号", "123"}, {"A2", "䶵鉴定所", "𪚥街", "456"}}
	if len(rows) != 2 || !reflect.DeepEqual(rows[0].Cells, want[0]) || !reflect.DeepEqual(rows[1].Cells, want[1]) {
		t.Errorf("got %+v", rows)
	}
}
