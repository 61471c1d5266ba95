package recorddb

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Change is one row of the audit: who did what to which record, when, from where (an edit, or an import
// run) and the field-level difference {"field": {"old": …, "new": …}}.
type Change struct {
	ID          int64           `json:"id"`
	RecordType  string          `json:"record_type"`
	RecordID    string          `json:"record_id"`
	RecordName  string          `json:"record_name"` // the record's name now, for people reading the log
	Action      string          `json:"action"`
	Actor       string          `json:"actor"`
	Source      string          `json:"source"` // "edit" or "import"
	ImportRunID *int64          `json:"import_run_id"`
	Reason      string          `json:"reason"`
	At          time.Time       `json:"at"`
	Diff        json.RawMessage `json:"diff"`
}

// ChangeFilter narrows the change log. Zero values do not filter.
type ChangeFilter struct {
	Actor       string
	Action      string
	RecordID    string // a uuid
	ImportRunID int64
	From, To    *time.Time // at >= From, at < To
	Limit       int
	Offset      int
}

// Changes returns the changes that pass the filter, newest first, and how many pass in all. The filter is
// one fixed statement with parameters: a blank parameter matches everything.
func Changes(ctx context.Context, db *pgxpool.Pool, f ChangeFilter) ([]Change, int, error) {
	var recordID *string
	if f.RecordID != "" {
		recordID = &f.RecordID
	}
	// An assignment (an adviser posted at a place) is named "person → place", from the row while it exists
	// and from its diff once it has ended.
	rows, err := db.Query(ctx, `SELECT c.id, c.record_type, c.record_id::text,
			coalesce(p.name, pr.name, apr.name || ' → ' || ap.name, ''),
			c.action, c.actor, c.import_run_id, c.reason, c.at, c.diff, count(*) OVER ()
		FROM changes c
		LEFT JOIN providers p ON c.record_type = 'provider' AND p.id = c.record_id
		LEFT JOIN practitioners pr ON c.record_type = 'practitioner' AND pr.id = c.record_id
		LEFT JOIN assignments a ON c.record_type = 'assignment' AND a.id = c.record_id
		LEFT JOIN practitioners apr ON c.record_type = 'assignment' AND apr.id = coalesce(a.practitioner_id,
			(coalesce(c.diff->'practitioner_id'->>'new', c.diff->'practitioner_id'->>'old'))::uuid)
		LEFT JOIN providers ap ON c.record_type = 'assignment' AND ap.id = coalesce(a.provider_id,
			(coalesce(c.diff->'provider_id'->>'new', c.diff->'provider_id'->>'old'))::uuid)
		WHERE ($1 = '' OR c.actor = $1)
		  AND ($2 = '' OR c.action = $2)
		  AND ($3::uuid IS NULL OR c.record_id = $3::uuid)
		  AND ($4 = 0 OR c.import_run_id = $4)
		  AND ($5::timestamptz IS NULL OR c.at >= $5)
		  AND ($6::timestamptz IS NULL OR c.at < $6)
		ORDER BY c.at DESC, c.id DESC
		LIMIT $7 OFFSET $8`,
		f.Actor, f.Action, recordID, f.ImportRunID, f.From, f.To, f.Limit, f.Offset)
	if err != nil {
		return nil, 0, store.Classify(err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Change, error) {
		var c Change
		err := r.Scan(&c.ID, &c.RecordType, &c.RecordID, &c.RecordName, &c.Action, &c.Actor, &c.ImportRunID,
			&c.Reason, &c.At, &c.Diff, &total)
		c.Source = "edit"
		if c.ImportRunID != nil {
			c.Source = "import"
		}
		return c, err
	})
	if err != nil {
		return nil, 0, store.Classify(err)
	}
	if len(list) == 0 && f.Offset > 0 {
		// Past the end the window count is not seen; count separately so the pager still knows the total.
		err = db.QueryRow(ctx, `SELECT count(*) FROM changes c
			WHERE ($1 = '' OR c.actor = $1) AND ($2 = '' OR c.action = $2)
			  AND ($3::uuid IS NULL OR c.record_id = $3::uuid) AND ($4 = 0 OR c.import_run_id = $4)
			  AND ($5::timestamptz IS NULL OR c.at >= $5) AND ($6::timestamptz IS NULL OR c.at < $6)`,
			f.Actor, f.Action, recordID, f.ImportRunID, f.From, f.To).Scan(&total)
	}
	return list, total, store.Classify(err)
}

// ImportRunInfo is one run of an importer, with its counts and its report as the pipeline wrote it.
type ImportRunInfo struct {
	ID         int64           `json:"id"`
	Importer   string          `json:"importer"`
	Source     string          `json:"source"`
	FileName   string          `json:"file_name"`
	FileSHA256 string          `json:"file_sha256"`
	Actor      string          `json:"actor"`
	Mode       string          `json:"mode"`
	DryRun     bool            `json:"dry_run"`
	CRS        string          `json:"crs"`
	StartedAt  time.Time       `json:"started_at"`
	FinishedAt *time.Time      `json:"finished_at"`
	Status     string          `json:"status"`
	Created    int             `json:"created"`
	Updated    int             `json:"updated"`
	Unchanged  int             `json:"unchanged"`
	Withdrawn  int             `json:"withdrawn"`
	Rejected   int             `json:"rejected"`
	Warnings   int             `json:"warnings"`
	Report     json.RawMessage `json:"report,omitempty"`
}

const importRunColumns = `id, importer, source, file_name, file_sha256, actor, mode, dry_run, crs, started_at,
	finished_at, status, created, updated, unchanged, withdrawn, rejected, warnings`

func scanImportRun(row pgx.Row, withReport bool) (ImportRunInfo, error) {
	var r ImportRunInfo
	dst := []any{&r.ID, &r.Importer, &r.Source, &r.FileName, &r.FileSHA256, &r.Actor, &r.Mode, &r.DryRun, &r.CRS,
		&r.StartedAt, &r.FinishedAt, &r.Status, &r.Created, &r.Updated, &r.Unchanged, &r.Withdrawn, &r.Rejected, &r.Warnings}
	if withReport {
		dst = append(dst, &r.Report)
	}
	return r, row.Scan(dst...)
}

// ImportRuns lists runs newest first, with their reports, and the number of runs in all.
func ImportRuns(ctx context.Context, db *pgxpool.Pool, limit, offset int) ([]ImportRunInfo, int, error) {
	var total int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM import_runs`).Scan(&total); err != nil {
		return nil, 0, store.Classify(err)
	}
	rows, err := db.Query(ctx, `SELECT `+importRunColumns+`, report FROM import_runs
		ORDER BY started_at DESC, id DESC LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ImportRunInfo, error) { return scanImportRun(r, true) })
	return list, total, store.Classify(err)
}

// ImportRunByID returns one run with its report.
func ImportRunByID(ctx context.Context, db *pgxpool.Pool, id int64) (ImportRunInfo, error) {
	r, err := scanImportRun(db.QueryRow(ctx, `SELECT `+importRunColumns+`, report FROM import_runs WHERE id = $1`, id), true)
	return r, store.Classify(err)
}
