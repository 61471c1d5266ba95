// Package sample writes a synthetic Shenzhen legal-services directory as the importer input files a justice
// bureau would send: law firms and their lawyers, legal-aid centres and street workstations, notary offices,
// forensic institutions and community adviser points, in xlsx and csv (UTF-8 and GB18030), some with GCJ-02
// or BD-09 coordinates. Points lie on land in their district (scattered around surveyed anchors). Everything
// is deterministic for a seed, so tests and judged search sets can name records by source id; every file
// says it is synthetic (its name, its sheet, a column, and README.txt).
package sample

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Source is the source name the sample's records are imported under.
const Source = "synthetic-sample"

// DefaultScale gives hundreds of firms (thousands of lawyers), the legal-aid network, a score of notary
// offices, dozens of forensic institutions and several hundred community adviser points.
const DefaultScale = 1500

// MaxScale bounds --scale: lawyer licence serials have seven digits.
const MaxScale = 1_000_000

// Options say what to write.
type Options struct {
	Out   string   // directory, created if missing
	Scale int      // number of places (map points); 0: DefaultScale
	Seed  uint64   // same seed, same files
	Only  []string // kinds to write (empty: all); lawyers need their firms' plan only, not their file
	// National writes the national directory of the query benchmark (national.go) instead of Shenzhen's.
	National bool
}

// File is one written input file and how to import it.
type File struct {
	Kind   string `json:"kind"` // importer kind
	Path   string `json:"path"`
	Format string `json:"format"`
	CRS    string `json:"crs"`
	Rows   int    `json:"rows"`
}

// Plan is how many records of each kind a scale gives.
type Plan struct {
	LawFirms, LegalAid, Notaries, Forensic, Advisers int
}

// PlanFor splits the places of a scale between the kinds, in Shenzhen's proportions. With only some kinds
// wanted, the places go to those kinds alone (`--only law_firm --scale 1000000` is a million firms, the
// benchmark's file).
func PlanFor(scale int, only ...string) Plan {
	if len(only) > 0 {
		return planOnly(scale, only)
	}
	p := Plan{
		LawFirms: scale * 45 / 100,
		Notaries: max(1, scale*15/1000),
		Forensic: max(1, scale*3/100),
		LegalAid: max(legalAidNetwork, scale*6/100),
	}
	p.Advisers = max(0, scale-p.LawFirms-p.Notaries-p.Forensic-p.LegalAid)
	return p
}

func planOnly(scale int, only []string) Plan {
	full := PlanFor(scale)
	shares := map[string]int{"law_firm": full.LawFirms, "legal_aid": full.LegalAid, "notary": full.Notaries,
		"forensic": full.Forensic, "community_adviser": full.Advisers}
	total := 0
	for _, k := range only {
		total += shares[k]
	}
	if total == 0 { // only lawyers: their firms' plan is the full one
		return full
	}
	part := func(k string) int {
		if !contains(only, k) {
			return 0
		}
		return shares[k] * scale / total
	}
	return Plan{LawFirms: part("law_firm"), LegalAid: part("legal_aid"), Notaries: part("notary"),
		Forensic: part("forensic"), Advisers: part("community_adviser")}
}

// Places is the number of map points of the plan.
func (p Plan) Places() int { return p.LawFirms + p.LegalAid + p.Notaries + p.Forensic + p.Advisers }

// LoadOrder is the order files must be imported in: lawyers and community advisers name their firms.
var LoadOrder = []string{"law_firm", "lawyer", "legal_aid", "notary", "forensic", "community_adviser"}

// Write generates the files into opt.Out, each kind on its own goroutine, and returns them in LoadOrder.
func Write(opt Options) ([]File, error) {
	if opt.Scale == 0 {
		opt.Scale = DefaultScale
	}
	if opt.Scale < 1 || opt.Scale > MaxScale {
		return nil, fmt.Errorf("sample: --scale must be from 1 to %d", MaxScale)
	}
	if opt.National {
		if len(opt.Only) > 0 {
			return nil, errors.New("sample: --national writes every kind; --only does not apply")
		}
		if err := os.MkdirAll(opt.Out, 0o755); err != nil {
			return nil, err
		}
		return writeNational(opt)
	}
	want := map[string]bool{}
	for _, k := range opt.Only {
		if !contains(LoadOrder, k) {
			return nil, fmt.Errorf("sample: unknown kind %q (want one of %v)", k, LoadOrder)
		}
		want[k] = true
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	plan := PlanFor(opt.Scale, opt.Only...)
	if plan.LawFirms*16 > 10_000_000 && (len(want) == 0 || want["lawyer"] || want["community_adviser"]) {
		return nil, fmt.Errorf("sample: %d firms' lawyers would exhaust the seven-digit licence serials; write fewer places or --only law_firm", plan.LawFirms)
	}
	g, err := newGenerator(opt.Seed, plan)
	if err != nil {
		return nil, err
	}
	writers := map[string]func(dir string) (File, error){
		"law_firm": g.writeFirms, "lawyer": g.writeLawyers, "legal_aid": g.writeLegalAid,
		"notary": g.writeNotaries, "forensic": g.writeForensic, "community_adviser": g.writeAdvisers,
	}
	files := make([]File, len(LoadOrder))
	errs := make([]error, len(LoadOrder))
	var wg sync.WaitGroup
	for i, k := range LoadOrder {
		if len(want) > 0 && !want[k] {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], errs[i] = writers[k](opt.Out)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []File
	for _, f := range files {
		if f.Path != "" {
			out = append(out, f)
		}
	}
	return out, writeReadme(opt, out)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func writeReadme(opt Options, files []File) error {
	text := fmt.Sprintf(`合成样例数据 — synthetic sample data
=====================================

这些文件中的机构、人员、地址、电话和执业证号全部是虚构的，由 legalmap sample 生成（seed %d, scale %d）。
请勿当作真实的法律服务信息使用。
Every office, person, address, phone number and licence number in these files is invented by
"legalmap sample" (seed %d, scale %d). Do not use them as real legal-service information.

Load them in this order (lawyers and community advisers name their firms):
`, opt.Seed, opt.Scale, opt.Seed, opt.Scale)
	for _, f := range files {
		text += fmt.Sprintf("  legalmap import --kind %s --file %s --crs %s --source %s\n", f.Kind, filepath.Base(f.Path), f.CRS, Source)
	}
	return os.WriteFile(filepath.Join(opt.Out, "README.txt"), []byte(text), 0o644)
}
