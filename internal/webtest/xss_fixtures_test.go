package webtest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/importers/pipeline"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

// xssTemplates are markup, script and URL payloads as they might arrive in a bureau's file or be typed into
// the admin form. CODE becomes code that sets the canary window.__pwned and opens a dialog, so a payload
// that runs is seen both ways; each payload gets its own number.
var xssTemplates = []string{
	`<img src=x onerror=CODE>`,
	`<img src="x" onerror="CODE">`,
	`<svg onload=CODE>`,
	`<svg/onload=CODE>`,
	`<script>CODE</script>`,
	`</script><script>CODE</script>`,
	`javascript:CODE`,
	`JaVaScRiPt:CODE`,
	` javascript:CODE`,
	"java\tscript:CODE",
	`data:text/html,<script>CODE</script>`,
	`vbscript:msgbox(1)`,
	`"><img src=x onerror=CODE>`,
	`'><svg onload=CODE>`,
	`" onmouseover="CODE" x="`,
	`' onfocus='CODE' autofocus x='`,
	`<iframe src="javascript:CODE"></iframe>`,
	`<iframe srcdoc="<script>parent.CODE</script>"></iframe>`,
	`<body onload=CODE>`,
	`<details open ontoggle=CODE>`,
	`<input autofocus onfocus=CODE>`,
	`<a href="javascript:CODE">点我查看</a>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=CODE>`,
	`<object data="javascript:CODE"></object>`,
	`<embed src="javascript:CODE">`,
	`<marquee onstart=CODE>跑马灯</marquee>`,
	`<video><source onerror=CODE></video>`,
	`<audio src=x onerror=CODE>`,
	`<style>@import 'javascript:CODE';</style>`,
	`<link rel=stylesheet href="javascript:CODE">`,
	`<meta http-equiv="refresh" content="0;url=javascript:CODE">`,
	`<base href="javascript:CODE//">`,
	`<form action="javascript:CODE"><button>提交</button></form>`,
	"${CODE}",
	"`${CODE}`",
	`{{constructor.constructor('CODE')()}}`,
	"\u202E<img src=x onerror=CODE>gnp.exe",
	"\u202Bعربي\u202C<svg onload=CODE>",
	`&lt;img src=x onerror=CODE&gt;`,
	`&#60;script&#62;CODE&#60;/script&#62;`,
	`%3Cscript%3ECODE%3C/script%3E`,
	`<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>`,
	`<scr<script>ipt>CODE</scr</script>ipt>`,
	`<!--<img src="--><img src=x onerror=CODE//">`,
	`<noscript><p title="</noscript><img src=x onerror=CODE>">`,
	`<xmp><img src=x onerror=CODE></xmp>`,
	`<svg><script>CODE</script></svg>`,
	`<svg><a xlink:href="javascript:CODE"><text x="0" y="20">x</text></a></svg>`,
	`<div style="background:url(javascript:CODE)">背景</div>`,
	"<img src=\"x\n\" onerror=\"CODE\">",
	`' + CODE + '`,
	`"; CODE; //`,
	`\";CODE;//`,
	`<script src="http://127.0.0.1:9/evil.js"></script>`,
	`<img src="http://127.0.0.1:9/track.gif">`,
	`<a href=" &#14;javascript:CODE">链接</a>`,
	`mailto:x@example.cn?body=<script>CODE</script>`,
	`tel:CODE`,
}

// xssRecord is one hostile record: the same payload in every text field it has.
type xssRecord struct {
	ID, Kind, Payload string
	Group             int
	Lng, Lat          float64
	HasLawyer         bool
}

// xssGroups are where the hostile records stand: three corners of the city, away from everything else, so
// that the nearest list around each shows only its own (about twenty).
var xssGroups = []orb.Point{{114.3500, 22.7200}, {114.4500, 22.6200}, {113.9000, 22.7600}}

func xssPayloads() []string {
	out := make([]string, len(xssTemplates))
	for i, tpl := range xssTemplates {
		out[i] = strings.ReplaceAll(tpl, "CODE", fmt.Sprintf("(window.__pwned=%d,alert(%d))", i+1, i+1))
	}
	return out
}

// createHostileRecords writes one record per payload through the admin write path, the payload in every
// text field (name, English name, address, description, fee note, accessibility, phone, website, email,
// hours note, categories), and, for the law firms, a lawyer named by the payload through the importer.
func createHostileRecords(t *testing.T, dir string) []xssRecord {
	t.Helper()
	ctx := context.Background()
	pool := storetest.Pool(t)
	edit := adminEdit(t)
	kinds := []string{"law_firm", "legal_aid", "notary", "forensic", "community_adviser"}
	perGroup := (len(xssTemplates) + len(xssGroups) - 1) / len(xssGroups)
	lawyerRows := [][]string{{"编号", "姓名", "执业证号", "执业机构许可证号", "擅长领域"}}
	var out []xssRecord
	for i, payload := range xssPayloads() {
		g, j := i/perGroup, i%perGroup
		c := xssGroups[g]
		x := xssRecord{Kind: kinds[i%len(kinds)], Payload: payload, Group: g,
			Lng: c[0] + float64(j%5-2)*0.0015, Lat: c[1] + float64(j/5-2)*0.0015}
		free := i%2 == 0
		rec := recorddb.Record{Provider: directory.Provider{Kind: x.Kind, Source: "webtest-xss", SourceID: fmt.Sprintf("X%02d", i+1),
			Name: payload, NameEn: "EN " + payload, Address: payload, Lng: x.Lng, Lat: x.Lat,
			Phones: []string{payload, "0755-8888 " + fmt.Sprintf("%04d", i+1)}, Email: payload, Website: payload,
			Hours: weekdays9to5(payload), Languages: []string{"zh", "en"}, PracticeAreas: []string{"labour"},
			Free: &free, FeeNote: payload, Accessibility: payload, Description: payload, Status: directory.StatusActive,
			VerifiedAt: &verified}}
		if x.Kind == "law_firm" {
			rec.LicenceNo = fmt.Sprintf("XSSFIRM%02d", i+1)
			lawyerRows = append(lawyerRows, []string{fmt.Sprintf("XL%02d", i+1), payload,
				fmt.Sprintf("144032017%08d", i+1), rec.LicenceNo, "劳动争议"})
			x.HasLawyer = true
		}
		if x.Kind == "forensic" {
			rec.Categories = []string{payload}
		}
		created, err := recorddb.CreateProvider(ctx, pool, rec, edit)
		if err != nil {
			t.Fatalf("hostile record %d: %v", i+1, err)
		}
		x.ID = created.ID
		out = append(out, x)
	}
	file := filepath.Join(dir, "xss-lawyers.csv")
	writeCSV(t, file, lawyerRows)
	importFile(t, pipeline.Options{Kind: pipeline.KindLawyer, File: file, CRS: "wgs84", Source: "webtest-xss"})
	return out
}
