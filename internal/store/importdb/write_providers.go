package importdb

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// WriteProviders takes a file's accepted places in file order, as the row workers classed them against the
// SourceIndex, and writes each where it belongs, in the run's transaction:
//
//   - a new place straight into providers, with its audit row in changes and its fingerprint: each new
//     record is written once (no staging copy to read back);
//   - a place the source has, without a fingerprint that vouches for it, into the staging table, which
//     ApplyProviders compares field by field, set-wise;
//   - an unchanged place nowhere (in snapshot mode its id is listed, so it is not withdrawn).
//
// One connection carries one COPY at a time, so the rows go in segments: a COPY streams the rows of the
// segment's main kind (new rows, or staged ones when those dominate) while the workers keep reading, and
// the others wait in bounded buffers, written by short COPYs at the segment's end. Memory is bounded by
// the segment, never by the file. next returns io.EOF after the last row; its errors end the run.
func (t *ImportTx) WriteProviders(ctx context.Context, kind string, snapshot bool, next func() (*StagedProvider, error)) (WriteResult, error) {
	w := &providerWriter{t: t, kind: kind, snapshot: snapshot, next: next, main: RowNew}
	if _, err := t.exec(ctx, "stage", stageProvidersDDL); err != nil {
		return w.res, err
	}
	if snapshot {
		if _, err := t.exec(ctx, "stage", listedProvidersDDL); err != nil {
			return w.res, err
		}
	}
	for !w.eof {
		if err := w.segment(ctx); err != nil {
			return w.res, err
		}
	}
	// The planner must know the staging tables' sizes to choose hash joins over a million rows;
	// statistics of the other columns (documents, lists) are costly and of no use to it.
	if _, err := t.exec(ctx, "stage", "ANALYZE import_stage_providers (line, source_id)"); err != nil {
		return w.res, err
	}
	if snapshot {
		if _, err := t.exec(ctx, "stage", "ANALYZE import_listed_providers"); err != nil {
			return w.res, err
		}
	}
	// Many records written make the planner's picture of providers stale: the apply's joins on the source's
	// ids, and the next run's, would be planned for a table without them (a scan of every record of the
	// source for a few staged rows). Inside the transaction ANALYZE counts its own rows; only the columns
	// those joins use, so the documents are not sampled.
	if w.res.Created >= analyzeAfterCreating {
		if _, err := t.exec(ctx, "statistics", "ANALYZE providers (source, source_id, kind, status)"); err != nil {
			return w.res, err
		}
	}
	return w.res, nil
}

// analyzeAfterCreating is how many records a run creates before it brings the statistics up to date.
const analyzeAfterCreating = 10000

// WriteResult counts what WriteProviders did with the rows.
type WriteResult struct {
	Created    int // new records written (each with its audit row)
	Staged     int // rows left to ApplyProviders' comparison
	Unchanged  int // rows whose fingerprint vouched for their record
	AreasAdded int
}

// listedProvidersDDL: in snapshot mode, every id the file lists (a snapshot withdraws the others).
const listedProvidersDDL = `CREATE TEMP TABLE import_listed_providers (source_id text NOT NULL) ON COMMIT DROP`

// Segment bounds. A created row waits as its audit diff (~1 KB), a buffered whole row as ~3 KB. (Variables
// only so that a test can make segments of a few rows.)
var (
	segCreated = 16384
	segRows    = 4096
	segListed  = 65536
)

type providerWriter struct {
	t        *ImportTx
	kind     string
	snapshot bool
	next     func() (*StagedProvider, error)
	res      WriteResult

	main    RowClass        // the class the segment's COPY streams
	held    *StagedProvider // read, not written: it ended the segment
	eof     bool
	srcErr  error
	audits  []createdRow      // created in this segment: audit rows and fingerprints to write
	other   []*StagedProvider // rows of the class that is not main, written at the segment's end
	listed  []string
	counted [2]int // new and staged rows of the segment: the next segment streams the larger kind
}

type createdRow struct {
	id   uuid.UUID
	diff []byte
	fp   Fingerprint
}

func (w *providerWriter) full() bool {
	return len(w.audits) >= segCreated || len(w.other) >= segRows || len(w.listed) >= segListed
}

// pull returns the next row to write, or nil when the segment must end here.
func (w *providerWriter) pull() *StagedProvider {
	for !w.full() {
		p := w.held
		w.held = nil
		if p == nil {
			var err error
			if p, err = w.next(); err != nil {
				w.eof = true
				if !errors.Is(err, io.EOF) {
					w.srcErr = err
				}
				return nil
			}
			if len(p.Areas) > 0 { // the areas go in first, between two segments
				w.held = p
				return nil
			}
		}
		if w.snapshot {
			w.listed = append(w.listed, p.SourceID)
		}
		switch p.Class {
		case RowUnchanged:
			w.res.Unchanged++
			continue
		case RowNew:
			w.counted[0]++
			// Time-ordered ids, given here in file order: the primary key and the audit's record index
			// grow at their right edge instead of splitting random pages.
			p.ID = uuid.Must(uuid.NewV7())
			w.audits = append(w.audits, createdRow{id: p.ID, diff: p.CreateDiff, fp: p.FP})
		default:
			w.counted[1]++
			p.ID = uuid.Must(uuid.NewV7())
		}
		if p.Class == w.main {
			return p
		}
		w.other = append(w.other, p)
	}
	return nil
}

// segment streams rows into the main class's table until a buffer is full, a row brings areas or the file
// ends, then writes the buffers.
func (w *providerWriter) segment(ctx context.Context) error {
	w.counted = [2]int{}
	vals := make([]any, 0, len(stageProvidersColumns))
	if _, err := w.copyRows(ctx, w.main, func() *StagedProvider { return w.pull() }, vals); err != nil {
		return err
	}
	if w.srcErr != nil {
		return w.srcErr
	}
	other := RowCompare
	if w.main == RowCompare {
		other = RowNew
	}
	rest := w.other
	if _, err := w.copyRows(ctx, other, func() *StagedProvider {
		if len(rest) == 0 {
			return nil
		}
		p := rest[0]
		rest = rest[1:]
		return p
	}, vals); err != nil {
		return err
	}
	clear(w.other)
	w.other = w.other[:0]
	if err := w.flushCreated(ctx); err != nil {
		return err
	}
	if err := w.flushListed(ctx); err != nil {
		return err
	}
	if w.held != nil && len(w.held.Areas) > 0 {
		n, err := w.t.AddAreas(ctx, w.held.Areas)
		if err != nil {
			return err
		}
		w.res.AreasAdded += n
		w.held.Areas = nil
	}
	if w.counted[1] > w.counted[0] {
		w.main = RowCompare
	} else if w.counted[0] > w.counted[1] {
		w.main = RowNew
	}
	return nil
}

// copyRows writes rows of one class: new ones into providers, the others into the staging table.
func (w *providerWriter) copyRows(ctx context.Context, class RowClass, next func() *StagedProvider, vals []any) (int64, error) {
	table, cols, row := "providers", providerColumns, w.providerValues
	if class != RowNew {
		table, cols, row = "import_stage_providers", stageProvidersColumns, (*StagedProvider).values
	}
	n, err := w.t.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(func() ([]any, error) {
		if p := next(); p != nil {
			return row(p, vals), nil
		}
		return nil, nil
	}))
	if err != nil {
		if w.srcErr != nil {
			return n, w.srcErr
		}
		return n, fmt.Errorf("import write: %w", store.Classify(err))
	}
	if class == RowNew {
		w.res.Created += int(n)
	} else {
		w.res.Staged += int(n)
	}
	return n, nil
}

var providerColumns = []string{"id", "kind", "source", "source_id", "name", "name_en", "licence_no", "credit_code",
	"address", "area_code", "geom", "placement", "phones", "email", "website", "hours", "languages", "practice_areas",
	"practice_notes", "free", "fee_note", "accessibility", "description", "categories", "valid_from", "valid_to",
	"status", "verified_at", "search_doc"}

func (w *providerWriter) providerValues(p *StagedProvider, v []any) []any {
	return append(v[:0], [16]byte(p.ID), w.kind, w.t.Run.Source, p.SourceID, p.Name, p.NameEn, p.LicenceNo,
		p.CreditCode, p.Address, nullText(p.AreaCode), p.geomEWKB(), p.placement(), store.NonNil(p.Phones), p.Email, p.Website,
		jsonObject(p.Hours), store.NonNil(p.Languages), store.NonNil(p.PracticeAreas), store.NonNil(p.PracticeNotes), p.Free,
		p.FeeNote, p.Accessibility, p.Description, store.NonNil(p.Categories), p.ValidFrom, p.ValidTo, p.Status,
		p.VerifiedAt, p.SearchDoc)
}

// geomEWKB is the record's point, or NULL when it is unplaced.
func (p *StagedProvider) geomEWKB() any {
	if p.unplaced() {
		return nil
	}
	return pointEWKB(p.Lng, p.Lat)
}

// pointEWKB is a WGS84 point in PostGIS's binary form (little-endian EWKB with its SRID), which the
// geometry type receives as is: no ST_MakePoint per row.
func pointEWKB(lng, lat float64) []byte {
	b := make([]byte, 0, 25)
	b = append(b, 1)                                    // little-endian
	b = binary.LittleEndian.AppendUint32(b, 0x20000001) // point, with an SRID
	b = binary.LittleEndian.AppendUint32(b, 4326)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(lng))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(lat))
}

// flushCreated writes the audit rows and fingerprints of the records the segment created.
func (w *providerWriter) flushCreated(ctx context.Context) error {
	if len(w.audits) == 0 {
		return nil
	}
	actor, run := w.t.Run.Actor, w.t.RunID
	i := 0
	n, err := w.t.tx.CopyFrom(ctx, pgx.Identifier{"changes"}, []string{"record_type", "record_id", "action", "actor", "import_run_id", "diff"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(w.audits) {
				return nil, nil
			}
			c := &w.audits[i]
			i++
			return []any{"provider", [16]byte(c.id), "create", actor, run, jsonObject(c.diff)}, nil
		}))
	if err != nil {
		return fmt.Errorf("import audit: %w", store.Classify(err))
	}
	if int(n) != len(w.audits) {
		return fmt.Errorf("import create: %d records but %d audit rows", len(w.audits), n)
	}
	i = 0
	if _, err := w.t.tx.CopyFrom(ctx, pgx.Identifier{"provider_fingerprints"}, []string{"provider_id", "version", "fp"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(w.audits) {
				return nil, nil
			}
			c := &w.audits[i]
			i++
			return []any{[16]byte(c.id), int32(1), c.fp[:]}, nil
		})); err != nil {
		return fmt.Errorf("import fingerprints: %w", store.Classify(err))
	}
	clear(w.audits)
	w.audits = w.audits[:0]
	return nil
}

func (w *providerWriter) flushListed(ctx context.Context) error {
	if len(w.listed) == 0 {
		return nil
	}
	_, err := w.t.tx.CopyFrom(ctx, pgx.Identifier{"import_listed_providers"}, []string{"source_id"}, pgx.CopyFromSlice(len(w.listed),
		func(i int) ([]any, error) { return []any{w.listed[i]}, nil }))
	if err != nil {
		return fmt.Errorf("import list: %w", store.Classify(err))
	}
	clear(w.listed)
	w.listed = w.listed[:0]
	return nil
}
