// Package pipeline is the one import pipeline of the bureau's lists: read the file (package reader), map its
// columns (package columns), validate and convert every row in parallel workers, stream the accepted rows
// into the database with binary COPY (new records straight into their tables, records the file may change
// into a staging table, records a fingerprint shows unchanged nowhere), apply the staged ones with
// set-based SQL, all in one transaction (package store), and report every rejection and warning by line and
// field. Each kind adds only what is particular to it (kind_*.go): lawyers attach to their firm, forensic
// institutions carry categories and a licence period, community adviser points name their community,
// adviser and schedule.
package pipeline

import (
	"fmt"
	"path/filepath"
	"runtime"
	"time"

	"legalmap/internal/geo"
	"legalmap/internal/search"
)

// KindLawyer is the kind of the lawyers' lists (a practitioner kind: see practitioner_kinds).
const KindLawyer = "lawyer"

// Modes of a run.
const (
	ModeUpsert   = "upsert"
	ModeSnapshot = "snapshot"
)

// Options are one run's settings; the zero values of the optional ones are the documented defaults.
type Options struct {
	Kind     string // a kind of place (kinds) or of people (practitioner_kinds)
	File     string // path of the file to read
	FileName string // name recorded for the run (an upload's name); default: the base name of File
	CRS      string // wgs84, gcj02 or bd09; "": the file's own (a GeoJSON crs member), else wgs84
	Source   string // default: the kind, so each kind's list is its own source
	Mode     string // upsert (default) or snapshot
	DryRun   bool   // validate and compute the outcome, then roll back
	Strict   bool   // refuse the whole file on any rejected row
	Sheet    string // xlsx sheet; "": the first
	Encoding string // auto (default), utf-8 or gb18030; the reader refuses others
	Actor    string // who runs it, for the audit; default "cli"

	Region      geo.Region // service region; zero: around the loaded districts
	MaxWithdraw float64    // snapshot refusal share; 0: 0.2
	MaxFileSize int64      // 0: the reader's default

	Workers  int                     // row workers; 0: GOMAXPROCS
	Now      time.Time               // "today" for licence expiry; zero: time.Now()
	Progress func(rows, total int64) // called now and then while reading; total 0 when unknown
	// Meili, when set, is the Meilisearch index the places the run changed are pushed into after it
	// commits (SEARCH_ENGINE=meilisearch keeps it as current as PostgreSQL's search documents).
	Meili *search.Meili
}

func (o *Options) defaults() error {
	if o.Kind == "" {
		return fmt.Errorf("缺少 --kind / --kind is required")
	}
	if o.File == "" {
		return fmt.Errorf("缺少 --file / --file is required")
	}
	if o.FileName == "" {
		o.FileName = filepath.Base(o.File)
	}
	if o.Source == "" {
		o.Source = o.Kind
	}
	switch o.Mode {
	case "":
		o.Mode = ModeUpsert
	case ModeUpsert, ModeSnapshot:
	default:
		return fmt.Errorf("--mode 应为 upsert 或 snapshot / --mode must be upsert or snapshot, not %q", o.Mode)
	}
	if o.CRS != "" {
		crs, err := geo.ParseCRS(o.CRS)
		if err != nil {
			return err
		}
		o.CRS = string(crs)
	}
	if o.Actor == "" {
		o.Actor = "cli"
	}
	if o.MaxWithdraw <= 0 {
		o.MaxWithdraw = 0.2
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return nil
}
