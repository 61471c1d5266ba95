package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/importers/columns"
	"legalmap/importers/reader"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/vocabdb"
)

// Run imports one file. It returns the report in every case it can (also when the file is refused, with a
// *RefusedError, or the run fails, with a *FailedError); a plain error means the options were wrong.
// Whatever happens, the directory is either fully updated or untouched, and import_runs records the run.
// With Options.Meili, an applied run whose changes Meilisearch then refused returns the report and an
// error that says so (the directory is updated; `legalmap reindex --meilisearch` catches the index up).
func Run(ctx context.Context, pool *pgxpool.Pool, opt Options) (*Report, error) {
	start := time.Now()
	if err := opt.defaults(); err != nil {
		return nil, err
	}
	kind, err := resolveKind(ctx, pool, opt.Kind)
	if err != nil {
		return nil, err
	}
	r := &runner{opt: opt, kind: kind, pool: pool, rep: &Report{Kind: opt.Kind, Source: opt.Source, File: opt.FileName,
		Mode: opt.Mode, DryRun: opt.DryRun, CRS: opt.CRS}}
	err = r.run(ctx)
	r.nameKind(ctx)
	r.rep.finish(start)
	return r.rep, err
}

// nameKind gives the text report the kind's names, from the vocabularies the run loaded, or, when the run
// stopped before loading them, from the kinds table (best effort: without it the report shows the code).
func (r *runner) nameKind(ctx context.Context) {
	if p := r.kind.person; p != nil {
		r.rep.kindNames = KindNames{Zh: p.NameZh, En: p.NameEn}
		r.rep.people = true
		return
	}
	if r.v != nil {
		t := r.v.looks.names[r.opt.Kind]
		r.rep.kindNames = KindNames{Zh: t.NameZh, En: t.NameEn}
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	kinds, err := vocabdb.Kinds(ctx, r.pool)
	if err != nil {
		return
	}
	for _, t := range kinds {
		if t.Code == r.opt.Kind {
			r.rep.kindNames = KindNames{Zh: t.NameZh, En: t.NameEn}
		}
	}
}

type runner struct {
	opt   Options
	kind  importKind
	pool  *pgxpool.Pool
	rep   *Report
	meta  importdb.ImportRun
	m     columns.Mapping
	v     *vocab
	crs   geo.CRS
	lines int64 // data lines of a CSV, for the progress bar
	// deriveIDs: the place file has no id column; each row's id is derivedID(name, address).
	deriveIDs bool
	// changed are the places whose search documents the run refreshed, for Meilisearch after the commit
	changed []string
}

func (r *runner) run(ctx context.Context) error {
	// The file's hash and line count are taken while the reader opens it: each reads the whole file once.
	var sha string
	var lines int64
	var factsErr error
	opening := time.Now()
	facts := make(chan struct{})
	go func() {
		defer close(facts)
		sha, lines, factsErr = fileFacts(r.opt.File)
	}()
	table, err := reader.Open(r.opt.File, reader.Options{Sheet: r.opt.Sheet, Encoding: r.opt.Encoding, MaxFileBytes: r.opt.MaxFileSize})
	<-facts
	r.rep.phase("open", opening)
	if err == nil {
		defer table.Close()
	}
	if factsErr != nil {
		return r.refuse(ctx, fmt.Sprintf("无法读取文件 / cannot read the file: %v", factsErr))
	}
	r.rep.SHA256 = sha
	r.meta = importdb.ImportRun{Importer: r.opt.Kind, Source: r.opt.Source, FileName: r.opt.FileName, FileSHA256: sha,
		Actor: r.opt.Actor, Mode: r.opt.Mode, DryRun: r.opt.DryRun, CRS: string(geo.WGS84)}
	if err != nil {
		return r.refuse(ctx, readerReason(err))
	}
	r.rep.Format = table.Format()
	if err := r.chooseCRS(table.CRS(), table.Header()); err != nil {
		return r.refuse(ctx, err.Error())
	}
	if r.m, err = r.mapColumns(table.Header(), table.Format()); err != nil {
		return r.refuse(ctx, err.Error())
	}
	r.noteColumns(table.Header())
	if err := r.needCRS(table.Format(), table.Header()); err != nil {
		return r.refuse(ctx, err.Error())
	}
	if reason := r.idColumns(); reason != "" {
		return r.refuse(ctx, reason)
	}
	loading := time.Now()
	if r.v, err = loadVocab(ctx, r.pool); err != nil {
		return r.fail(ctx, err)
	}
	r.rep.phase("vocabulary", loading)
	if r.opt.Region == (geo.Region{}) {
		r.opt.Region = r.v.region
	}
	tx, err := importdb.BeginImport(ctx, r.pool, r.meta)
	if err != nil {
		return r.fail(ctx, err)
	}
	r.meta.ID = tx.RunID // the outcome is recorded on the row the run began with
	if table.Format() == "csv" {
		r.lines = lines - 1 // the header
	}
	if err := r.inTx(ctx, tx, table); err != nil {
		// Rolled back before the refused or failed run is recorded on its own.
		tx.Rollback(ctx)
		var refused *RefusedError
		if errors.As(err, &refused) {
			return r.refuse(ctx, refused.Reason)
		}
		return r.fail(ctx, err)
	}
	if r.opt.DryRun {
		tx.Rollback(ctx)
		r.rep.Status = importdb.RunDryRun
		r.recordOutside(ctx, importdb.RunDryRun)
		return nil
	}
	r.rep.RunID, r.rep.Status = tx.RunID, importdb.RunApplied
	committing := time.Now()
	if err := tx.Commit(ctx, r.rep.ImportCounts, r.rep.stored()); err != nil {
		r.rep.RunID = 0
		return r.fail(ctx, err)
	}
	r.rep.phase("commit", committing)
	return r.pushMeili(ctx)
}

// pushMeili brings Meilisearch up to date with the places the committed run changed (Options.Meili).
func (r *runner) pushMeili(ctx context.Context) error {
	if r.opt.Meili == nil || len(r.changed) == 0 {
		return nil
	}
	defer r.rep.phase("meilisearch", time.Now())
	if err := search.PutMeili(ctx, r.pool, r.v.analyzer, r.opt.Meili, r.changed); err != nil {
		return fmt.Errorf("导入已生效，但 Meilisearch 未更新，请运行 legalmap reindex --meilisearch / the run is applied but Meilisearch was not updated (run legalmap reindex --meilisearch): %w", err)
	}
	return nil
}

// inTx stages and applies the file, and refreshes the search documents of the places whose people changed,
// all inside the run's transaction.
func (r *runner) inTx(ctx context.Context, tx *importdb.ImportTx, table reader.Table) error {
	progress := func(rows int64) {
		if r.opt.Progress != nil {
			r.opt.Progress(rows, max(0, r.lines))
		}
	}
	var res importdb.ApplyResult
	var err error
	if r.kind.person != nil {
		res, err = r.runLawyers(ctx, tx, table, progress)
	} else {
		res, err = r.runProviders(ctx, tx, table, progress)
	}
	if err != nil {
		return err
	}
	r.rep.Created, r.rep.Updated, r.rep.Unchanged, r.rep.Withdrawn = res.Created, res.Updated, res.Unchanged, res.Withdrawn
	ids, err := tx.AffectedProviders(ctx)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		defer r.rep.phase("reindex", time.Now())
		if err := search.RefreshPG(ctx, tx.Querier(), r.v.analyzer, ids); err != nil {
			return fmt.Errorf("refresh search documents: %w", err)
		}
		r.rep.Reindexed = len(ids)
		r.changed = ids
	}
	return nil
}

// afterStaging decides, once every row is read, whether the run may go on: --strict refuses on any
// rejected row, and a file with no accepted row is refused.
func (r *runner) afterStaging(accepted int) error {
	r.rep.Accepted = accepted
	if r.opt.Strict && r.rep.Rejected > 0 {
		return &RefusedError{Reason: fmt.Sprintf("--strict：有 %d 行被拒绝 / --strict: %d rows rejected", r.rep.Rejected, r.rep.Rejected)}
	}
	if accepted == 0 {
		if r.rep.Rows == 0 {
			return &RefusedError{Reason: "文件没有数据行 / the file has no data rows"}
		}
		return &RefusedError{Reason: fmt.Sprintf("%d 行全部被拒绝 / none of the %d rows was accepted", r.rep.Rows, r.rep.Rows)}
	}
	return nil
}

// refuse records a refused run (in its own transaction: the run's work, if any, is rolled back).
func (r *runner) refuse(ctx context.Context, reason string) error {
	r.rep.Status, r.rep.Refusal = importdb.RunRefused, reason
	r.recordOutside(ctx, importdb.RunRefused)
	return &RefusedError{Reason: reason}
}

func (r *runner) fail(ctx context.Context, err error) error {
	r.rep.Status, r.rep.Refusal = importdb.RunFailed, err.Error()
	r.recordOutside(ctx, importdb.RunFailed)
	return &FailedError{Err: err}
}

func (r *runner) recordOutside(ctx context.Context, status string) {
	if r.meta.Importer == "" {
		r.meta = importdb.ImportRun{Importer: r.opt.Kind, Source: r.opt.Source, FileName: r.opt.FileName,
			Actor: r.opt.Actor, Mode: r.opt.Mode, DryRun: r.opt.DryRun, CRS: string(geo.WGS84)}
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if id, err := importdb.RecordRun(ctx, r.pool, r.meta, status, r.rep.ImportCounts, r.rep.stored()); err == nil {
		r.rep.RunID = id
	}
}

func readerReason(err error) string {
	var fe *reader.FileError
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return err.Error()
}

// FileSHA256 is the hex SHA-256 of a file, as import_runs records it.
func FileSHA256(path string) (string, error) {
	sha, _, err := fileFacts(path)
	return sha, err
}

// fileFacts reads the file once for its SHA-256 and its number of line breaks (the progress bar's total
// for a CSV).
func fileFacts(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	var lines int64
	buf := make([]byte, 1<<20)
	for {
		n, err := f.Read(buf)
		h.Write(buf[:n])
		lines += int64(bytes.Count(buf[:n], []byte{'\n'}))
		if errors.Is(err, io.EOF) {
			return hex.EncodeToString(h.Sum(nil)), lines, nil
		}
		if err != nil {
			return "", 0, err
		}
	}
}
