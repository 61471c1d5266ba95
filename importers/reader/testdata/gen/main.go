//go:build ignore

// Command gen writes the reader's test corpus: testdata/good (one file per
// format and encoding, all holding the same three records), testdata/bad
// (malformed and tricky files, with EXPECT.tsv saying what reading each must
// give) and the fuzz seeds in testdata/fuzz. The outputs are committed; run
// it again after changing a case:
//
//	cd importers/reader && go run testdata/gen/*.go
//
// EXPECT.tsv columns: file, outcome, options, note. The outcome is either
// "file_error:SUBSTRING" (Open or Next refuses the file with a *FileError
// whose reason contains SUBSTRING) or a space-separated list of
// "row_error:LINE:COLUMN" (every *RowError, in order) and "ok:N" (rows read
// without error). Options are "-" or "encoding=X" / "sheet=X".
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

type tcase struct {
	dir, name, expect, opts, note string
	data                          []byte
	seed                          string // fuzz target to seed, or ""
}

var cases []tcase

var xlsxSeeds = map[string]bool{
	"places.xlsx": true, "billion-laughs-sheet.xlsx": true, "bomb-ratio.xlsx": true, "sparse-rows.xlsx": true,
	"zip-slip-dotdot.xlsx": true, "empty-zip.xlsx": true, "truncated.xlsx": true, "broken-sheet-xml.xlsx": true,
}

func add(dir, name, expect, opts, note string, data []byte) {
	seed := ""
	if len(data) <= 16<<10 {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv", ".tsv":
			seed = "FuzzCSV"
		case ".geojson", ".json":
			seed = "FuzzGeoJSON"
		case ".xlsx":
			if xlsxSeeds[name] {
				seed = "FuzzXLSX" // a few only: workbooks are large as seeds
			}
		}
	}
	if opts == "" {
		opts = "-"
	}
	cases = append(cases, tcase{dir, name, expect, opts, note, data, seed})
}

func bad(name, expect, note string, data []byte)  { add("bad", name, expect, "", note, data) }
func good(name, expect, note string, data []byte) { add("good", name, expect, "", note, data) }

// The three records every good file holds (see reader_good_test.go).
var canonHeader = []string{"编号", "名称", "地址", "所属区", "经度", "纬度", "联系电话", "服务时间"}
var canonRows = [][]string{
	{"FT001", "深圳市福田区法律援助处", "福田区福中三路市民中心C区", "福田区", "114.0579", "22.5431", "0755-82000000", "周一至周五 9:00-12:00,14:00-17:30"},
	{"NS002", `南山区"蛇口"公证处`, "南山区蛇口工业八路", "南山区", "113.9167", "22.4833", "0755-26000000、0755-26000001", "工作日 8:30-17:30"},
	{"LG003", "龙岗区司法鉴定所", "龙岗区龙城街道\n清林路1号", "龙岗区", "114.2467", "22.72", "", "24小时"},
}

// csvText writes records the way Excel does (quotes only where needed).
func csvText(delim rune, crlf bool, records ...[]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = delim, crlf
	w.WriteAll(records)
	return b.Bytes()
}

func canonCSV(delim rune, crlf bool) []byte {
	return csvText(delim, crlf, append([][]string{canonHeader}, canonRows...)...)
}

// lines joins physical lines with "\n" and a final newline.
func lines(ls ...string) []byte { return []byte(strings.Join(ls, "\n") + "\n") }

func enc(e encoding.Encoding, b []byte) []byte {
	out, err := e.NewEncoder().Bytes(b)
	if err != nil {
		log.Fatalf("encode: %v", err)
	}
	return out
}

func gbk(s string) []byte     { return enc(simplifiedchinese.GBK, []byte(s)) }
func gb18030(s string) []byte { return enc(simplifiedchinese.GB18030, []byte(s)) }
func utf16(e unicode.Endianness, b []byte) []byte {
	return enc(unicode.UTF16(e, unicode.UseBOM), b)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func main() {
	csvCases()
	xlsxCases()
	geoCases()
	if err := os.Chdir("testdata"); err != nil {
		log.Fatal("run from importers/reader: ", err)
	}
	for _, d := range []string{"good", "bad", "fuzz/FuzzCSV", "fuzz/FuzzGeoJSON", "fuzz/FuzzXLSX"} {
		if err := os.RemoveAll(d); err != nil {
			log.Fatal(err)
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			log.Fatal(err)
		}
	}
	expect := map[string]*strings.Builder{"good": {}, "bad": {}}
	seen := map[string]bool{}
	sort.SliceStable(cases, func(i, j int) bool { return cases[i].dir+cases[i].name < cases[j].dir+cases[j].name })
	for _, c := range cases {
		key := c.dir + "/" + c.name
		if seen[key] {
			log.Fatalf("duplicate case %s", key)
		}
		seen[key] = true
		write(key, c.data)
		fmt.Fprintf(expect[c.dir], "%s\t%s\t%s\t%s\n", c.name, c.expect, c.opts, c.note)
		if c.seed != "" {
			write(filepath.Join("fuzz", c.seed, c.dir+"-"+c.name), []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", c.data)))
		}
	}
	for dir, b := range expect {
		write(filepath.Join(dir, "EXPECT.tsv"), []byte("# file\toutcome\toptions\tnote\n"+b.String()))
	}
	log.Printf("%d cases written", len(cases))
}

func write(path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
}
