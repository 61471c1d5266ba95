package pipeline

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"legalmap/importers/columns"
	"legalmap/internal/directory"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/vocabdb"
)

// rowEnv is what the row workers share, read-only (the area index locks its own additions).
type rowEnv struct {
	kind          string
	role          string // a list of people: their practitioners.role
	m             columns.Mapping
	points        pointRules
	v             *vocab
	people        map[string][]store.DocPerson
	index         *importdb.SourceIndex // the source's records, to class each row (nil: every row is new)
	basis         []byte                // what every row's fingerprint shares (fingerprintBasis)
	stageAll      bool                  // compare every row in SQL, new ones too (community adviser files)
	deriveIDs     bool                  // no id column: ids come from derivedID(name, address)
	geometry      bool                  // GeoJSON: points may come from the geometry
	pointColumns  bool                  // the file has lng, lat or coordinates columns, or no geometry
	today         string
	hoursCache    *textCache[hoursValue]
	practiceWords *textCache[practiceWord]
	dates         *textCache[*time.Time]
	statuses      *textCache[parsedText[string]]
	languageLists *textCache[parsedText[[]string]]
}

func (r *runner) rowEnv(format string) *rowEnv {
	role := ""
	if r.kind.person != nil {
		role = r.kind.person.Role
	}
	e := &rowEnv{kind: r.opt.Kind, role: role, m: r.m, v: r.v, points: pointRules{crs: r.crs, region: r.opt.Region},
		deriveIDs: r.deriveIDs, geometry: format == "geojson", hoursCache: &textCache[hoursValue]{},
		practiceWords: &textCache[practiceWord]{},
		dates:         &textCache[*time.Time]{}, statuses: &textCache[parsedText[string]]{},
		languageLists: &textCache[parsedText[[]string]]{}, today: r.opt.Now.In(directory.Shanghai).Format(time.DateOnly)}
	e.pointColumns = e.has("lng") || e.has("lat") || e.has("coordinates") || !e.geometry
	return e
}

func (e *rowEnv) has(field string) bool { _, ok := e.m.Index[field]; return ok }

// provider maps one row of a place file: the rules every kind shares, then the kind's own (forensic
// licence period, community adviser). It runs on many workers at once.
func (e *rowEnv) provider(it item) (out mapped[*importdb.StagedProvider]) {
	if it.err != nil {
		out.line = it.err.Line
		out.reject = &Issue{Field: it.err.Column, Reason: it.err.Reason}
		return out
	}
	row := it.row
	out.line = row.Line
	get := func(f string) string { return e.m.Get(row.Cells, f) } // trimmed of spaces
	name := get("name")
	if name == "" && e.kind == directory.KindCommunityAdviser && get("community") != "" {
		name = get("community") + "法律顾问" // the point is named after its community
	}
	if e.deriveIDs {
		if name != "" {
			out.id = derivedID(name, get("address"))
		}
	} else if out.id = get("source_id"); out.id == "" {
		out.reject = &Issue{Field: "source_id", Reason: "缺少编号 / id missing"}
		return out
	}
	if name == "" {
		out.reject = &Issue{Field: "name", Reason: "缺少名称 / name missing"}
		return out
	}
	in := pointInput{lng: get("lng"), lat: get("lat"), coords: get("coordinates"),
		geometry: row.Geometry, hasColumns: e.pointColumns}
	w := &out.warns
	var p orb.Point
	placement := PlacedExact
	if in.none() {
		// No coordinates: placed from the address (approximately), or not at all.
		if get("address") == "" {
			out.reject = &Issue{Field: "address", Reason: "没有坐标也没有地址 / neither coordinates nor an address"}
			return out
		}
		placement = PlacedUnplaced
	} else {
		var bad *Issue
		if p, bad = e.points.point(in); bad != nil {
			out.reject = bad
			return out
		}
	}
	rec := &importdb.StagedProvider{Line: int32(row.Line), SourceID: out.id, Name: name, NameEn: get("name_en"),
		LicenceNo: get("licence_no"), CreditCode: get("credit_code"), Address: get("address"), Lng: p[0], Lat: p[1],
		Email: get("email"), FeeNote: get("fee_note"), Description: get("description"), Status: directory.StatusActive,
		Languages: []string{"zh"}, Hours: []byte("{}"), Placement: placement}
	code, ws := e.v.areas.resolve(get("district"), get("street"), get("community"), p)
	rec.AreaCode, *w = code, append(*w, ws...)
	if placement == PlacedUnplaced {
		e.placeByAddress(rec, w)
	} else {
		e.byBoundary(rec, p, w)
	}
	if twice := directory.RepeatedPlace(rec.Address); twice != "" {
		*w = append(*w, Issue{Field: "address", Reason: fmt.Sprintf("地址中「%s」重复，请核对 / %s is written twice in the address: please check", twice, twice)})
	}
	if rec.CreditCode != "" && !directory.ValidCreditCode(rec.CreditCode) {
		*w = append(*w, Issue{Field: "credit_code", Reason: fmt.Sprintf("统一社会信用代码 %s 校验位不符 / credit code %s fails its check character", rec.CreditCode, rec.CreditCode)})
	}
	if s := get("phone"); s != "" {
		var ws []string
		rec.Phones, ws = directory.ParsePhones(s)
		*w = appendWarnings(*w, "phone", ws)
	}
	rec.Website = e.website(get("website"), w)
	if s := get("hours"); s != "" {
		rec.Hours = e.hours(s, "hours", w)
	}
	if s := get("languages"); s != "" {
		if codes := e.languages(s, w); len(codes) > 0 {
			rec.Languages = codes
		}
	}
	if s := get("practice_areas"); s != "" {
		rec.PracticeAreas, rec.PracticeNotes = e.practice(s)
		if len(rec.PracticeNotes) > 0 {
			*w = append(*w, unknownPracticeWarning("practice_areas", rec.PracticeNotes))
		}
	}
	rec.Free = e.free(get("free"), w)
	rec.Status = e.status(get("status"), w)
	rec.VerifiedAt = e.verifiedAt(get("verified_at"), w)
	if e.kind == directory.KindForensic {
		e.forensic(rec, get, w)
	}
	if e.kind == directory.KindCommunityAdviser {
		e.adviser(rec, get, w)
	}
	out.rec, out.ok = rec, true
	e.class(rec)
	if rec.Class == importdb.RowUnchanged {
		return out // its record is as this row would make it: no document, no diff
	}
	rec.SearchDoc = e.v.analyzer.DocumentTokens(search.ProviderDocument(e.docSource(rec))).TSVector()
	rec.Prepare() // its creation diff and the wire form of its document, built here on the workers
	return out
}

// placeByAddress places a row without coordinates at the centre of the smallest area its address (or its
// district, street and community columns) names: approximate, with that area; unplaced when it names none.
func (e *rowEnv) placeByAddress(rec *importdb.StagedProvider, w *[]Issue) {
	x := e.v.address
	code := x.deeper(rec.AreaCode, x.inAddress(rec.Address))
	if code != "" {
		if c, name, ok := x.centreOf(code); ok {
			rec.AreaCode, rec.Placement, rec.Lng, rec.Lat = code, PlacedApproximate, c[0], c[1]
			*w = append(*w, Issue{Field: "address", Reason: fmt.Sprintf("没有坐标，按地址所在的「%s」近似定位 / no coordinates: placed approximately at the centre of %s", name, name)})
			return
		}
	}
	rec.AreaCode, rec.Lng, rec.Lat = code, 0, 0
	*w = append(*w, Issue{Field: "address", Reason: "没有坐标，地址未指明已知的区、街道或社区：未定位（可搜索，不在地图上）/ no coordinates, and the address names no known district, street or community: unplaced (searchable, not on the map)"})
}

// class fingerprints the row and decides, against the source's records, whether it is new, to be compared,
// or unchanged.
func (e *rowEnv) class(rec *importdb.StagedProvider) {
	rec.FP = rec.Fingerprint(e.basis, e.people[rec.SourceID])
	rec.Class = importdb.RowNew
	if e.index != nil {
		rec.Class = e.index.ClassOf(rec.SourceID, rec.FP)
	}
	if e.stageAll {
		// An adviser row carries its assignment, which the apply links from the staging table and from
		// what other lists hold: every row is staged and compared.
		rec.Class = importdb.RowCompare
	}
}

// docSource is the row as the search document sees it, with the people already linked to the record.
func (e *rowEnv) docSource(rec *importdb.StagedProvider) store.DocSource {
	return store.DocSource{Kind: e.kind, Name: rec.Name, NameEn: rec.NameEn, LicenceNo: rec.LicenceNo,
		Address: rec.Address, Description: rec.Description, AreaCode: rec.AreaCode, PracticeAreas: rec.PracticeAreas,
		PracticeNotes: rec.PracticeNotes, Categories: vocabdb.CategoryWords(e.v.forensic, rec.Categories), Lng: rec.Lng, Lat: rec.Lat,
		People: e.people[rec.SourceID]}
}

func (e *rowEnv) free(s string, w *[]Issue) *bool {
	if b, ok := directory.ParseBool(s); ok && b != nil {
		return b
	} else if !ok {
		*w = append(*w, Issue{Field: "free", Reason: fmt.Sprintf("无法识别「%s」，应为 是/否 / %q not understood, want yes or no", s, s)})
	}
	// Legal aid and the community advisers are free by law; a list need not say so.
	if e.kind == directory.KindLegalAid || e.kind == directory.KindCommunityAdviser {
		yes := true
		return &yes
	}
	return nil
}

// website keeps http(s) addresses only (a javascript: link must never reach a page); a bare domain gets
// http:// in front.
func (e *rowEnv) website(s string, w *[]Issue) string {
	if s == "" {
		return ""
	}
	if !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.ContainsAny(s, " :<>\"'") {
		s = "http://" + s
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		*w = append(*w, Issue{Field: "website", Reason: "网址不是 http(s) 地址，未保存 / website is not an http(s) address: not kept"})
		return ""
	}
	return s
}

func parseStatus(s string, w *[]Issue) string {
	if s == "" {
		return directory.StatusActive
	}
	st, ok := directory.ParseStatus(s)
	if !ok {
		*w = append(*w, Issue{Field: "status", Reason: fmt.Sprintf("无法识别的状态「%s」，按正常处理 / status %q not understood: taken as active", s, s)})
		return directory.StatusActive
	}
	return st
}

// parseDate reads a date; one it does not understand is reported in w (unless w is nil) and not kept.
func parseDate(s, field string, w *[]Issue) *time.Time {
	if s == "" {
		return nil
	}
	d, ok := directory.ParseDate(s)
	if !ok {
		if w == nil {
			return nil
		}
		*w = append(*w, Issue{Field: field, Reason: fmt.Sprintf("无法识别的日期「%s」，未保存 / date %q not understood: not kept", s, s)})
		return nil
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return nil
	}
	return &t
}

// parseTime reads a verification date as midnight in Shanghai.
func parseTime(s, field string, w *[]Issue) *time.Time {
	d := parseDate(s, field, w)
	if d == nil {
		return nil
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, directory.Shanghai)
	return &t
}

func appendWarnings(w []Issue, field string, ws []string) []Issue {
	for _, s := range ws {
		w = append(w, Issue{Field: field, Reason: s})
	}
	return w
}

// providerFields names the optional fields the file has columns for: an update writes those and keeps the
// others as they are (a list without an hours column must not wipe the hours).
func (e *rowEnv) providerFields() []string {
	var out []string
	for col, fields := range map[string][]string{
		"name_en": {"name_en"}, "licence_no": {"licence_no"}, "credit_code": {"credit_code"}, "address": {"address"},
		"phone": {"phones"}, "email": {"email"}, "website": {"website"}, "hours": {"hours"}, "languages": {"languages"},
		"practice_areas": {"practice_areas", "practice_notes"}, "free": {"free"}, "fee_note": {"fee_note"},
		"description": {"description"}, "categories": {"categories"}, "valid_from": {"valid_from"},
		"valid_to": {"valid_to"}, "verified_at": {"verified_at"},
	} {
		if e.has(col) {
			out = append(out, fields...)
		}
	}
	if !e.has("free") && (e.kind == directory.KindLegalAid || e.kind == directory.KindCommunityAdviser) {
		out = append(out, "free")
	}
	return out
}
