package webtest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// codesInReports are the internal values an import report must not show staff, whatever the page's
// language: kind, status, mode and coordinate-system codes, booleans, raw timings.
var codesInReports = []string{"law_firm", "notary", "dry_run", "refused", "upsert", "wgs84", "true", "false", "phase_ms",
	"read_stage", "rows_per_second", "elapsed_ms", "source_id", "ids_derived"}

// rawFloat is a number with more decimals than a person reads (a rows-per-second figure as computed).
var rawFloat = regexp.MustCompile(`\d\.\d{3,}`)

func noCodes(t *testing.T, where, text string) {
	t.Helper()
	for _, code := range codesInReports {
		if strings.Contains(text, code) {
			t.Errorf("%s shows the code %q:\n%s", where, code, text)
		}
	}
	if m := rawFloat.FindString(text); m != "" {
		t.Errorf("%s shows the raw number %q", where, m)
	}
}

// The import page: the kind is chosen from the directory's kinds (one added to the kinds table shows), never
// assumed; a list without an id column is previewed with derived ids and a warning instead of being refused;
// names that all end in 公证处 previewed as law firms are warned; the report reads as words in Chinese and in
// English; and the list of past runs grows after the preview and after the apply, without a reload.
func TestAdminImportChosenKindWordsAndRefresh(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	// A kind the bureau added (an agreed code): the choice must offer it without a code change. Where a
	// migration seeds it already, nothing is inserted (and no column it may have gained is needed).
	if _, err := pool.Exec(ctx, `INSERT INTO kinds (code, name_zh, name_en, sort)
		SELECT 'justice_office', '司法所', 'Justice office', 90 WHERE NOT EXISTS (SELECT 1 FROM kinds WHERE code = 'justice_office')`); err != nil {
		t.Fatal(err)
	}
	ts := site(t, nil)
	adminAccount(t, "web-import-words", auth.Importer)
	file := filepath.Join(t.TempDir(), "公证处名单.csv")
	csv := "名称,地址,经度,纬度,电话\n" +
		"深圳市坪山公证处,深圳市坪山区坪山大道1号,114.3460,22.6900,0755-28300001\n" +
		"深圳市光明公证处,深圳市光明区光明大道2号,113.9350,22.7480,0755-28300002\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := func() int {
		var n int
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM import_runs").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-import-words")
	rowsShown := func() int {
		var n int
		b.Run(chromedp.Evaluate(`document.querySelectorAll('#import-runs tbody tr').length`, &n))
		return n
	}
	var options []string
	var chosen string
	clickTo(t, b, `#nav a[data-route="imports"]`, "#import-form")
	// The list of past runs is drawn, with its pager, once its answer is in.
	b.Run(chromedp.WaitVisible("#import-runs .pager", chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('#import-kind option')].map(o => o.value)`, &options),
		chromedp.Value("#import-kind", &chosen, chromedp.ByID))
	if chosen != "" {
		t.Errorf("the import's kind starts as %q: it must be chosen", chosen)
	}
	for _, want := range []string{"law_firm", "notary", "justice_office", "lawyer"} {
		if !contains(options, want) {
			t.Errorf("kind choice %v lacks %s", options, want)
		}
	}

	before, shownBefore := runs(), rowsShown()
	var kindErr string
	b.Run(
		chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByID),
		chromedp.Click("#import-preview", chromedp.ByID),
		chromedp.WaitNotPresent(`#import-kind-error:empty`, chromedp.ByQuery),
		chromedp.Text("#import-kind-error", &kindErr, chromedp.ByID),
	)
	if !strings.Contains(kindErr, "请选择") || runs() != before {
		t.Fatalf("preview without a kind: field message %q, runs %d -> %d", kindErr, before, runs())
	}

	var preview string
	b.Run(
		chromedp.SetValue("#import-kind", "law_firm", chromedp.ByID),
		chromedp.SetValue("#import-crs", "wgs84", chromedp.ByID),
		chromedp.Click("#import-preview", chromedp.ByID),
		chromedp.WaitVisible("#import-previewed", chromedp.ByID),
		chromedp.Text("#import-result", &preview, chromedp.ByID),
	)
	b.Screenshot("admin-import-words")
	for _, want := range []string{"预览", "律师事务所", "新增和更新", "由名称和地址生成", "公证处", "请确认所选类型", "秒"} {
		if !strings.Contains(preview, want) {
			t.Errorf("preview lacks %q:\n%s", want, preview)
		}
	}
	noCodes(t, "the preview", preview)
	if strings.Contains(preview, "the file has no id column") {
		t.Errorf("the Chinese page shows the English half of a reason:\n%s", preview)
	}
	if strings.Contains(preview, "缺少编号列") {
		t.Errorf("a list without an id column is refused:\n%s", preview)
	}
	// The preview is a run: the list below shows it without a reload.
	if err := chromedp.Run(b.Ctx, chromedp.Poll(`document.querySelectorAll('#import-runs tbody tr').length > `+strconv.Itoa(shownBefore),
		nil, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Errorf("the past imports list did not refresh after the preview (%d rows)", rowsShown())
	}
	shownPreview := rowsShown()
	var result string
	b.Run(
		chromedp.Click("#import-confirm", chromedp.ByID),
		chromedp.WaitVisible("#import-applied", chromedp.ByID),
		chromedp.Text("#import-result", &result, chromedp.ByID),
	)
	if !strings.Contains(result, "已导入") {
		t.Errorf("apply shows %q", result)
	}
	noCodes(t, "the result", result)
	if err := chromedp.Run(b.Ctx, chromedp.Poll(`document.querySelectorAll('#import-runs tbody tr').length > `+strconv.Itoa(shownPreview),
		nil, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Errorf("the past imports list did not refresh after the apply (%d rows)", rowsShown())
	}
	var stored int
	pool.QueryRow(ctx, `SELECT count(*) FROM providers WHERE source_id LIKE 'auto-%' AND name IN ('深圳市坪山公证处', '深圳市光明公证处')`).Scan(&stored) //nolint:errcheck
	if stored != 2 {
		t.Errorf("%d records stored with derived ids, want 2", stored)
	}

	// The same page in English: words, not codes.
	var english, past string
	b.Run(
		chromedp.Click("#lang-switch", chromedp.ByID),
		chromedp.WaitVisible("#import-form", chromedp.ByID),
		chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByID),
		chromedp.SetValue("#import-kind", "notary", chromedp.ByID),
		chromedp.SetValue("#import-crs", "wgs84", chromedp.ByID),
		chromedp.Click("#import-preview", chromedp.ByID),
		chromedp.WaitVisible("#import-previewed", chromedp.ByID),
		chromedp.Text("#import-result", &english, chromedp.ByID),
	)
	b.Screenshot("admin-import-words-en")
	b.Run(
		chromedp.Click("#import-runs tbody tr button", chromedp.ByQuery),
		chromedp.WaitVisible("#run-detail h4", chromedp.ByQuery),
		chromedp.Text("#run-detail", &past, chromedp.ByID),
	)
	for _, want := range []string{"Preview", "Notary office", "Add and update", "derived from name and address"} {
		if !strings.Contains(english, want) {
			t.Errorf("English preview lacks %q:\n%s", want, english)
		}
	}
	if strings.Contains(english, "check the kind chosen") {
		t.Errorf("notaries previewed as notaries are warned:\n%s", english)
	}
	noCodes(t, "the English preview", english)
	if strings.Contains(english, "文件没有编号列") {
		t.Errorf("the English page shows the Chinese half of a reason:\n%s", english)
	}
	noCodes(t, "a past run's report", past)
	b.Run(chromedp.Click("#lang-switch", chromedp.ByID), chromedp.WaitVisible("#import-form", chromedp.ByID))
	noScriptTrouble(t, b)
}

// A list of addresses without coordinates (what most bureau lists are), previewed from the page: the report
// names how the rows were placed in words (not the codes exact / approximate / unplaced) and says that the
// file stated no coordinate system rather than leaving that fact blank, in Chinese and in English.
func TestAdminImportPreviewOfAddressOnlyRowsInWords(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-import-addr", auth.Importer)
	file := filepath.Join(t.TempDir(), "调解委员会.csv")
	csv := "名称,地址,联系电话\n" +
		"福田街道人民调解委员会,深圳市福田区福田街道福华路1号,0755-83001234\n" +
		"无名地址人民调解委员会,某路2号,0755-83001235\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-import-addr")
	clickTo(t, b, `#nav a[data-route="imports"]`, "#import-form")
	type shown struct {
		Positions []string `json:"positions"`
		CRS       string   `json:"crs"`
	}
	const read = `({
		positions: [...document.querySelectorAll('#import-result [data-report="positions"] h5, #import-result [data-report="positions"] dt')].map((e) => e.textContent),
		crs: (document.querySelector('#import-result [data-fact="crs"]') || {}).textContent || '',
	})`
	for _, c := range []struct {
		lang  string
		words []string
	}{{"zh", []string{"位置", "精确", "近似", "未定位"}}, {"en", []string{"Positions", "Exact", "Approximate", "Unplaced"}}} {
		if c.lang == "en" {
			b.Run(chromedp.Click("#lang-switch", chromedp.ByID), chromedp.WaitVisible("#import-form", chromedp.ByID))
		}
		var s shown
		b.Run(
			chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByID),
			chromedp.SetValue("#import-kind", "legal_aid", chromedp.ByID),
			chromedp.Click("#import-preview", chromedp.ByID),
			chromedp.WaitVisible("#import-previewed", chromedp.ByID),
			chromedp.Evaluate(read, &s),
		)
		b.Screenshot("admin-import-address-only-" + c.lang)
		if len(s.Positions) == 0 {
			t.Fatalf("%s: the preview shows no positions section", c.lang)
		}
		all := strings.Join(s.Positions, " ")
		for _, code := range []string{"positions", "exact", "approximate", "unplaced"} {
			for _, p := range s.Positions {
				if p == code {
					t.Errorf("%s: the positions section shows the code %q: %v", c.lang, code, s.Positions)
				}
			}
		}
		for _, w := range c.words {
			if !strings.Contains(all, w) {
				t.Errorf("%s: the positions section lacks %q: %v", c.lang, w, s.Positions)
			}
		}
		if strings.TrimSpace(s.CRS) == "" {
			t.Errorf("%s: the coordinate system of a file that states none is left blank", c.lang)
		}
	}
	noTrouble(t, b)
}

// A file with coordinates previewed without a coordinate system is refused as the CLI refuses it, but the
// page tells staff what to do on the page: choose the 坐标系 field (its error sits next to it), and the
// refusal in the summary line is in the page's language only (no "--crs", no English half).
func TestAdminImportAsksForTheCoordinateSystem(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-import-crs", auth.Importer)
	file := filepath.Join(t.TempDir(), "公证处.csv")
	if err := os.WriteFile(file, []byte("编号,名称,地址,经度,纬度\nC1,坐标系测试公证处,深圳市福田区某路1号,114.05,22.54\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-import-crs")
	clickTo(t, b, `#nav a[data-route="imports"]`, "#import-form")
	var head, crsErr string
	b.Run(
		chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByID),
		chromedp.SetValue("#import-kind", "notary", chromedp.ByID),
		chromedp.Click("#import-preview", chromedp.ByID),
		chromedp.WaitVisible("#import-previewed", chromedp.ByID),
		chromedp.Text("#import-result .run-head", &head, chromedp.ByQuery),
	)
	poll(b, "the coordinate system's field error", `(document.getElementById('import-crs-error') || {}).textContent > ''`)
	b.Run(chromedp.Text("#import-crs-error", &crsErr, chromedp.ByID))
	b.Screenshot("admin-import-crs-needed")
	if strings.Contains(head, "the file has coordinates") || strings.Contains(head, " / ") {
		t.Errorf("the summary shows both languages: %q", head)
	}
	if !strings.Contains(crsErr, "坐标系") || strings.Contains(crsErr, "--crs") {
		t.Errorf("the coordinate system field says %q", crsErr)
	}
	noScriptTrouble(t, b)
}
