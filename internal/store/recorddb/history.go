package recorddb

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
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

// ChangePage is one page of the change log and how many changes pass the filter.
type ChangePage struct {
	Changes []Change
	Total   Total
}

// where is the filter's condition over changes c with its parameters, from the first one on. Each filter
// given adds one fixed condition (the values are parameters), so every combination is planned for what it
// asks: a single filter is read from its index (sql/097) in the log's order, newest first.
func (f ChangeFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "$v", "$"+strconv.Itoa(len(args))))
	}
	if f.Actor != "" {
		add("c.actor = $v", f.Actor)
	}
	if f.Action != "" {
		add("c.action = $v", f.Action)
	}
	if f.RecordID != "" {
		add("c.record_id = $v::uuid", f.RecordID)
	}
	if f.ImportRunID != 0 {
		add("c.import_run_id = $v", f.ImportRunID)
	}
	if f.From != nil {
		add("c.at >= $v", *f.From)
	}
	if f.To != nil {
		add("c.at < $v", *f.To)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), args
}

// changePageSQL picks a page of the log from changes alone: the rows passing where (its parameters are $1
// to $n), newest first, $n+1 of them after skipping $n+2.
func changePageSQL(where string, n int) string {
	return `SELECT * FROM changes c WHERE ` + where + `
			ORDER BY c.at DESC, c.id DESC LIMIT $` + strconv.Itoa(n+1) + ` OFFSET $` + strconv.Itoa(n+2)
}

// Changes returns a page of the changes that pass the filter, newest first, and how many pass in all (up
// to countLimit). The page's rows are taken from changes alone, in the order of its index, and only
// those are named.
func Changes(ctx context.Context, db *pgxpool.Pool, f ChangeFilter) (ChangePage, error) {
	where, args := f.where()
	n := len(args)
	// An assignment (an adviser posted at a place) is named "person → place", from the row while it exists
	// and from its diff once it has ended.
	rows, err := db.Query(ctx, `SELECT c.id, c.record_type, c.record_id::text,
			coalesce(p.name, pr.name, apr.name || ' → ' || ap.name, ''),
			c.action, c.actor, c.import_run_id, c.reason, c.at, c.diff
		FROM (`+changePageSQL(where, n)+`) c
		LEFT JOIN providers p ON c.record_type = 'provider' AND p.id = c.record_id
		LEFT JOIN practitioners pr ON c.record_type = 'practitioner' AND pr.id = c.record_id
		LEFT JOIN assignments a ON c.record_type = 'assignment' AND a.id = c.record_id
		LEFT JOIN practitioners apr ON c.record_type = 'assignment' AND apr.id = coalesce(a.practitioner_id,
			(coalesce(c.diff->'practitioner_id'->>'new', c.diff->'practitioner_id'->>'old'))::uuid)
		LEFT JOIN providers ap ON c.record_type = 'assignment' AND ap.id = coalesce(a.provider_id,
			(coalesce(c.diff->'provider_id'->>'new', c.diff->'provider_id'->>'old'))::uuid)
		ORDER BY c.at DESC, c.id DESC`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return ChangePage{}, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Change, error) {
		var c Change
		err := r.Scan(&c.ID, &c.RecordType, &c.RecordID, &c.RecordName, &c.Action, &c.Actor, &c.ImportRunID,
			&c.Reason, &c.At, &c.Diff)
		c.Source = "edit"
		if c.ImportRunID != nil {
			c.Source = "import"
		}
		return c, err
	})
	if err != nil {
		return ChangePage{}, store.Classify(err)
	}
	total, err := pageTotal(ctx, db, "changes c WHERE "+where, args, len(list), f.Limit, f.Offset)
	return ChangePage{Changes: list, Total: total}, err
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
