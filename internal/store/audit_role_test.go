package store_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

const auditRow = `INSERT INTO changes (record_type, record_id, action, actor) VALUES ('provider', gen_random_uuid(), 'create', 'test')`

// The application's connection (in tests, as in `make run`, the role that also owns the schema) cannot
// rewrite the audit: the privilege is gone and the trigger stands behind it.
func TestApplicationCannotAlterAudit(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, auditRow); err != nil {
		t.Fatalf("appending to the audit refused: %v", err)
	}
	for _, sql := range []string{`UPDATE changes SET actor = 'someone else'`, `DELETE FROM changes`, `TRUNCATE changes`} {
		storetest.WantRefused(t, conn, sql)
	}
	var canUpdate bool
	conn.QueryRow(ctx, `SELECT has_table_privilege('changes', 'UPDATE') OR has_table_privilege('changes', 'DELETE')`).Scan(&canUpdate) //nolint:errcheck
	if canUpdate {
		t.Error("the application role holds UPDATE or DELETE on changes")
	}
}

// With the roles split as 030_admin.sql describes (an owner migrates, legalmap_app serves), the application
// cannot even reach around the privilege: it may not disable or drop the trigger, or alter the table.
func TestSplitApplicationRoleCannotAlterAudit(t *testing.T) {
	ctx := context.Background()
	cl := storetest.StartCluster(t)
	su, err := pgx.Connect(ctx, cl.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		`CREATE ROLE legalmap_owner LOGIN`, `CREATE ROLE legalmap_app LOGIN`,
		`CREATE DATABASE lm OWNER legalmap_owner`,
	} {
		if _, err := su.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	su.Close(ctx)
	asUser := func(user, db string) string {
		u, _ := url.Parse(cl.URL)
		u.User = url.User(user)
		u.Path = "/" + db
		return u.String()
	}
	su, err = pgx.Connect(ctx, asUser("postgres", "lm"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := su.Exec(ctx, `CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm`); err != nil {
		t.Fatal(err)
	}
	su.Close(ctx)

	owner, err := store.OpenPool(ctx, store.PoolConfig{URL: asUser("legalmap_owner", "lm"), MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Migrate(ctx, owner); err != nil {
		t.Fatalf("migrate as owner: %v", err)
	}
	owner.Close()

	app, err := pgx.Connect(ctx, asUser("legalmap_app", "lm"))
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(ctx)
	// Its ordinary work goes through.
	for _, sql := range []string{
		auditRow,
		`INSERT INTO providers (kind, name, geom, source, source_id) VALUES ('law_firm', 'A', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 't', 'x1')`,
		`UPDATE providers SET name = 'B' WHERE source_id = 'x1'`,
		`INSERT INTO accounts (username, password_hash, role) VALUES ('ann', 'h', 'viewer')`,
		`SELECT count(*) FROM schema_migrations`,
	} {
		if _, err := app.Exec(ctx, sql); err != nil {
			t.Fatalf("application role: %s: %v", sql, err)
		}
	}
	if pending, err := store.SchemaStatus(ctx, app); err != nil || len(pending) != 0 {
		t.Fatalf("application role reads the schema status: %v %v", pending, err)
	}
	for _, sql := range []string{
		`UPDATE changes SET actor = 'someone else'`, `DELETE FROM changes`, `TRUNCATE changes`,
		`ALTER TABLE changes DISABLE TRIGGER changes_no_update`,
		`DROP TRIGGER changes_no_update ON changes`,
		`ALTER TABLE changes OWNER TO legalmap_app`,
	} {
		storetest.WantRefused(t, app, sql)
	}
}
