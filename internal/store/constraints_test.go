package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"legalmap/internal/store/storetest"
)

// Each constraint of the schema, one impossible row each: the database must refuse it with the expected
// SQLSTATE. Every case runs in a transaction that is rolled back, so the cases do not see each other.
func TestConstraintsRejectImpossibleRows(t *testing.T) {
	const provider = `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x1')`
	const practitioner = `INSERT INTO practitioners (role, name, licence_no, source, source_id) VALUES ('lawyer', '张三', '14403201810000001', 't', 'p1')`
	cases := []struct {
		name  string
		setup string // a valid row the case builds on, "" for none
		sql   string
		code  string // SQLSTATE: 23514 check, 23505 unique, 23503 foreign key, 23502 not null, 42501 refused
	}{
		{"longitude out of range", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(214.05, 22.54), 4326), 't', 'x')`, "23514"},
		{"latitude out of range", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 92.5), 4326), 't', 'x')`, "23514"},
		{"NaN coordinate", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint('NaN'::float8, 22.5), 4326), 't', 'x')`, "23514"},
		{"unknown kind", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('nosuch', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x')`, "23503"},
		{"unknown status", "", `INSERT INTO providers (kind, name, geom, source, source_id, status) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x', 'open')`, "23514"},
		{"blank name", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', '  ', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x')`, "23514"},
		{"missing point", "", `INSERT INTO providers (kind, name, source, source_id) VALUES ('law_firm', 'A', 't', 'x')`, "23514"},
		{"unplaced with a point", "", `INSERT INTO providers (kind, name, geom, placement, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'unplaced', 't', 'x')`, "23514"},
		{"unknown placement", "", `INSERT INTO providers (kind, name, geom, placement, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'guessed', 't', 'x')`, "23514"},
		{"duplicate source id", provider, `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('notary', 'B', ST_SetSRID(ST_MakePoint(114.06, 22.55), 4326), 't', 'x1')`, "23505"},
		{"empty source id", "", `INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', '')`, "23514"},
		{"unknown area", "", `INSERT INTO providers (kind, name, geom, source, source_id, area_code) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x', '999999')`, "23503"},
		{"language not ISO 639", "", `INSERT INTO providers (kind, name, geom, source, source_id, languages) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x', '{English}')`, "23514"},
		{"licence period reversed", "", `INSERT INTO providers (kind, name, geom, source, source_id, valid_from, valid_to) VALUES ('forensic', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x', '2026-01-01', '2025-01-01')`, "23514"},
		{"version below one", provider, `UPDATE providers SET version = 0`, "23514"},
		{"hours not an object", "", `INSERT INTO providers (kind, name, geom, source, source_id, hours) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x', '[]')`, "23514"},
		{"practitioner role", "", `INSERT INTO practitioners (role, name, source, source_id) VALUES ('judge', '李四', 't', 'p')`, "23503"},
		{"duplicate licence number", practitioner, `INSERT INTO practitioners (role, name, licence_no, source, source_id) VALUES ('lawyer', '王五', '14403201810000001', 't', 'p2')`, "23505"},
		{"practitioner of unknown place", "", `INSERT INTO practitioners (role, name, provider_id, source, source_id) VALUES ('lawyer', '李四', gen_random_uuid(), 't', 'p')`, "23503"},
		{"holiday kind", "", `INSERT INTO holidays (day, kind) VALUES ('2030-01-01', 'party')`, "23514"},
		{"duplicate holiday", "", `INSERT INTO holidays (day, kind) VALUES ('2026-10-01', 'holiday')`, "23505"},
		{"import mode", "", `INSERT INTO import_runs (importer, source, actor, mode) VALUES ('law_firm', 's', 'cli', 'merge')`, "23514"},
		{"import crs", "", `INSERT INTO import_runs (importer, source, actor, mode, crs) VALUES ('law_firm', 's', 'cli', 'upsert', 'epsg3857')`, "23514"},
		{"import negative count", "", `INSERT INTO import_runs (importer, source, actor, mode, created) VALUES ('law_firm', 's', 'cli', 'upsert', -1)`, "23514"},
		{"audit action", "", `INSERT INTO changes (record_type, record_id, action, actor) VALUES ('provider', gen_random_uuid(), 'delete', 'x')`, "23514"},
		{"audit without actor", "", `INSERT INTO changes (record_type, record_id, action, actor) VALUES ('provider', gen_random_uuid(), 'create', '')`, "23514"},
		{"audit update refused", `INSERT INTO changes (record_type, record_id, action, actor) VALUES ('provider', gen_random_uuid(), 'create', 'x')`, `UPDATE changes SET actor = 'y'`, "42501"},
		{"audit delete refused", `INSERT INTO changes (record_type, record_id, action, actor) VALUES ('provider', gen_random_uuid(), 'create', 'x')`, `DELETE FROM changes`, "42501"},
		{"audit truncate refused", "", `TRUNCATE changes`, "42501"},
		{"account role", "", `INSERT INTO accounts (username, password_hash, role) VALUES ('ann', 'h', 'root')`, "23514"},
		{"account name", "", `INSERT INTO accounts (username, password_hash, role) VALUES ('<b>', 'h', 'viewer')`, "23514"},
		{"token hash length", `INSERT INTO accounts (username, password_hash, role) VALUES ('ann', 'h', 'viewer')`, `INSERT INTO api_tokens (account_id, name, token_hash) SELECT id, 'n', '\x00' FROM accounts`, "23514"},
		{"area level", "", `INSERT INTO areas (code, level, parent_code, name_zh) VALUES ('440304999', 'village', '440304', 'X')`, "23514"},
		{"area without parent", "", `INSERT INTO areas (code, level, name_zh) VALUES ('440304999', 'street', 'X')`, "23514"},
		{"kind code", "", `INSERT INTO kinds (code, name_zh, name_en) VALUES ('Bad Code', '甲', 'A')`, "23514"},
		{"directory state single row", "", `INSERT INTO directory_state (id) VALUES (false)`, "23514"},
	}
	ctx := context.Background()
	pool := storetest.Pool(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx, err := pool.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx) //nolint:errcheck
			if c.setup != "" {
				if _, err := tx.Exec(ctx, c.setup); err != nil {
					t.Fatalf("setup: %v", err)
				}
			}
			_, err = tx.Exec(ctx, c.sql)
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) {
				t.Fatalf("accepted an impossible row (err %v)", err)
			}
			if pgErr.Code != c.code {
				t.Fatalf("SQLSTATE %s (%s), want %s", pgErr.Code, pgErr.Message, c.code)
			}
		})
	}
	// The valid rows the cases build on are themselves accepted.
	for _, ok := range []string{provider, practitioner} {
		if err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, ok)
			return errors.Join(err, errors.New("rollback"))
		}); err == nil || err.Error() != "rollback" {
			t.Errorf("valid row refused: %v", err)
		}
	}
}
