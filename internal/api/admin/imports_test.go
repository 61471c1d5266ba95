package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// multipartBody builds an import upload.
func multipartBody(t *testing.T, name string, file []byte, fields map[string]string) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v) //nolint:errcheck
	}
	if file != nil {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(file) //nolint:errcheck
	}
	w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

func upload(t *testing.T, base string, u apitest.User, name string, file []byte, fields map[string]string) (*http.Response, []byte) {
	t.Helper()
	body, ctype := multipartBody(t, name, file, fields)
	return apitest.As(t, u, apitest.Request{Method: http.MethodPost, URL: base + "/api/v1/admin/imports", Body: body, CType: ctype})
}

func count(t *testing.T, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

const legalAidCSV = "编号,名称,地址,经度,纬度,电话,服务时间\n" +
	"UP-1,福田区法律援助处,深圳市福田区福中三路,114.0579,22.5431,0755-12348,周一至周五 9:00-17:00\n" +
	"UP-2,南山区法律援助处,深圳市南山区,113.9300,22.5330,0755-26668888,工作日 8:30-17:30\n" +
	"UP-3,坐标颠倒的援助站,深圳市,22.5431,114.0579,0755-1,\n"

func TestImportPreviewThenApply(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	imp := apitest.NewUser(t, auth.Importer)
	source := "upload-test"
	opts := map[string]string{"kind": "legal_aid", "crs": "wgs84", "mode": "upsert", "source": source, "dry_run": "true"}
	providers := "SELECT count(*) FROM providers WHERE source = $1"
	auditRows := "SELECT count(*) FROM changes"
	before := count(t, auditRows)

	resp, b := upload(t, ts.URL, imp, "援助中心.csv", []byte(legalAidCSV), opts)
	var rep struct {
		RunID        int64  `json:"run_id"`
		Status       string `json:"status"`
		DryRun       bool   `json:"dry_run"`
		Created      int    `json:"created"`
		Rejected     int    `json:"rejected"`
		File         string `json:"file"`
		RejectedRows []struct {
			Line   int
			Field  string
			Reason string
		} `json:"rejected_rows"`
	}
	apitest.Decode(t, b, &rep)
	if resp.StatusCode != http.StatusOK || rep.Status != "dry_run" || !rep.DryRun || rep.Created != 2 || rep.Rejected != 1 ||
		len(rep.RejectedRows) != 1 || rep.RejectedRows[0].Line != 4 || rep.File != "援助中心.csv" {
		t.Fatalf("preview: %d %s", resp.StatusCode, b)
	}
	if count(t, providers, source) != 0 || count(t, auditRows) != before {
		t.Fatal("the preview changed the directory")
	}

	opts["dry_run"] = "false"
	resp, b = upload(t, ts.URL, imp, "援助中心.csv", []byte(legalAidCSV), opts)
	apitest.Decode(t, b, &rep)
	if resp.StatusCode != http.StatusOK || rep.Status != "applied" || rep.Created != 2 || rep.RunID == 0 {
		t.Fatalf("apply: %d %s", resp.StatusCode, b)
	}
	if count(t, providers, source) != 2 {
		t.Fatalf("after apply: %d records of the source, want 2", count(t, providers, source))
	}
	if n := count(t, "SELECT count(*) FROM changes WHERE import_run_id = $1", rep.RunID); n != 2 {
		t.Fatalf("%d audit rows for the run, want one per created record", n)
	}
	if n := count(t, "SELECT count(*) FROM changes WHERE import_run_id = $1 AND actor = $2", rep.RunID, imp.Name); n != 2 {
		t.Fatalf("audit rows do not name the uploader %s", imp.Name)
	}

	// The runs are listed with their reports, and one run is readable by a viewer.
	viewer := apitest.NewUser(t, auth.Viewer)
	resp, b = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/imports"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"status":"dry_run"`) || !strings.Contains(string(b), "rejected_rows") {
		t.Fatalf("list: %d %s", resp.StatusCode, b)
	}
	resp, b = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: fmt.Sprintf("%s/api/v1/admin/imports/%d", ts.URL, rep.RunID)})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"status":"applied"`) || !strings.Contains(string(b), "援助中心.csv") {
		t.Fatalf("run: %d %s", resp.StatusCode, b)
	}
	if resp, _ := upload(t, ts.URL, apitest.NewUser(t, auth.Editor), "x.csv", []byte(legalAidCSV), opts); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("editor upload: %d, want 403", resp.StatusCode)
	}

	// The history of an imported record names its run.
	var id string
	storetest.Pool(t).QueryRow(context.Background(), "SELECT id::text FROM providers WHERE source = $1 AND source_id = 'UP-1'", source).Scan(&id) //nolint:errcheck
	resp, b = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/providers/" + id + "/history"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), fmt.Sprintf(`"import_run_id":%d`, rep.RunID)) || !strings.Contains(string(b), `"source":"import"`) {
		t.Fatalf("history of an imported record: %d %s", resp.StatusCode, b)
	}
}

func TestImportUploadRefusals(t *testing.T) {
	_, ts := apitest.AdminServer(t, map[string]string{"MAX_UPLOAD_BYTES": "4096"})
	imp := apitest.NewUser(t, auth.Importer)
	opts := map[string]string{"kind": "legal_aid", "dry_run": "true"}
	pad := func(n int) []byte {
		b := []byte(legalAidCSV)
		return append(b, bytes.Repeat([]byte(" "), n-len(b))...)
	}
	if resp, b := upload(t, ts.URL, imp, "a.csv", pad(4096), opts); resp.StatusCode != http.StatusOK {
		t.Fatalf("upload of exactly MAX_UPLOAD_BYTES: %d %s", resp.StatusCode, b)
	}
	if resp, b := upload(t, ts.URL, imp, "a.csv", pad(4097), opts); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("one byte over MAX_UPLOAD_BYTES: %d %s, want 413", resp.StatusCode, b)
	}
	for _, c := range []struct {
		fields map[string]string
		file   []byte
		field  string
	}{
		{map[string]string{"kind": "judges"}, []byte(legalAidCSV), "kind"},
		{map[string]string{"kind": "legal_aid", "crs": "epsg:3857"}, []byte(legalAidCSV), "crs"},
		{map[string]string{"kind": "legal_aid", "mode": "merge"}, []byte(legalAidCSV), "mode"},
		{map[string]string{"kind": "legal_aid", "dry_run": "perhaps"}, []byte(legalAidCSV), "dry_run"},
		{map[string]string{"kind": "legal_aid"}, nil, "file"},
	} {
		resp, b := upload(t, ts.URL, imp, "a.csv", c.file, c.fields)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"field":"`+c.field+`"`) {
			t.Errorf("%v: %d %s, want 400 on %s", c.fields, resp.StatusCode, b, c.field)
		}
	}
	resp, _ := apitest.As(t, imp, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/imports", Body: []byte(legalAidCSV), CType: "text/csv"})
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("a bare CSV body: %d, want 415", resp.StatusCode)
	}
	// A file refused whole is still a report (status refused), and nothing changes.
	resp, b := upload(t, ts.URL, imp, "a.csv", []byte("just,some\nwords,here\n"), map[string]string{"kind": "legal_aid"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"status":"refused"`) {
		t.Errorf("refused file: %d %s", resp.StatusCode, b)
	}
}

// An upload is limited by MAX_UPLOAD_BYTES, not by the JSON body limit; and without credentials even a
// large upload is a 401, not a 413.
func TestUploadLargerThanJSONLimit(t *testing.T) {
	_, ts := apitest.AdminServer(t, map[string]string{"MAX_BODY_BYTES": "1024", "MAX_UPLOAD_BYTES": "65536"})
	imp := apitest.NewUser(t, auth.Importer)
	file := append([]byte(legalAidCSV), bytes.Repeat([]byte(" "), 20000)...)
	if resp, b := upload(t, ts.URL, imp, "big.csv", file, map[string]string{"kind": "legal_aid", "dry_run": "true"}); resp.StatusCode != http.StatusOK {
		t.Fatalf("a 20 kB list with a 1 kB JSON limit: %d %s", resp.StatusCode, b)
	}
	body, ctype := multipartBody(t, "big.csv", bytes.Repeat([]byte("x"), 200000), map[string]string{"kind": "legal_aid"})
	if resp, b := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/imports", Body: body, CType: ctype}); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("oversized upload without credentials: %d %s, want 401", resp.StatusCode, b)
	}
	// JSON bodies keep their own limit.
	if resp, _ := apitest.As(t, apitest.NewUser(t, auth.Editor), apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/providers",
		Body: apitest.JSONBody(map[string]string{"description": strings.Repeat("长", 2000)})}); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("JSON body over MAX_BODY_BYTES: %d, want 413", resp.StatusCode)
	}
}
