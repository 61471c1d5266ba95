// Package storetest gives each test package a fresh PostGIS database, cloned from a template that holds the
// migrated schema, so packages never see each other's rows and no test pays for the migrations again.
//
// The cluster is the one `make test` provisions; TEST_DATABASE_URL (a database the role may connect to, with
// CREATEDB) points elsewhere. Without a reachable database the package's tests fail: a storage test that
// quietly skips proves nothing.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

const defaultAdminURL = "postgres://legalmap:legalmap@localhost:5432/postgres?sslmode=disable"

// templateLock serialises template creation between test packages running in parallel.
const templateLock = 7_317_002

var (
	once     sync.Once
	setupErr error
	dbName   string // the package's database, once a test asked for it
	dbURL    string
	pool     *pgxpool.Pool
	template string // the migrated template the package's databases are cloned from
	extras   []extra
	others   []*pgxpool.Pool // more pools on the package's databases, closed before they are dropped
)

type extra struct {
	name string
	pool *pgxpool.Pool
}

// Main runs the tests and drops the package's database if one was made. Use it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
//
// The database is made when a test first asks for it (Pool, URL, ExtraPool): a run of a package's pure
// tests (go test -run TestPinyin ./internal/search/) needs no database server at all.
func Main(m *testing.M) int {
	code := m.Run()
	if dbName == "" {
		return code
	}
	for _, p := range others {
		p.Close()
	}
	if pool != nil {
		pool.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, x := range extras {
		x.pool.Close()
		if err := dropDatabase(ctx, x.name); err != nil {
			fmt.Fprintf(os.Stderr, "storetest: drop %s: %v\n", x.name, err)
		}
	}
	if err := dropDatabase(ctx, dbName); err != nil {
		fmt.Fprintf(os.Stderr, "storetest: drop %s: %v\n", dbName, err)
	}
	return code
}

func makeDB() {
	once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		dbName, setupErr = setup(ctx)
	})
}

// ready makes the package's database on first use; without one the test fails (never skips).
func ready(t testing.TB) {
	t.Helper()
	makeDB()
	if setupErr != nil {
		t.Fatalf("storetest: no test database: %v\n(run the tests with `make test`, which starts PostgreSQL, or set TEST_DATABASE_URL)", setupErr)
	}
}

// ExtraPool gives the package a second fresh database (cloned from the same migrated template, dropped by
// Main), for a data set that must not mix with the package's other rows. label tells the databases apart.
func ExtraPool(t testing.TB, label string) *pgxpool.Pool {
	t.Helper()
	ready(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin, err := pgx.Connect(ctx, adminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("legalmap_test_%s_%s_%d", packageName(), nonWord.ReplaceAllString(strings.ToLower(label), "_"), os.Getpid())
	if err := dropDatabase(ctx, name); err != nil {
		t.Fatal(err)
	}
	if err := cloneTemplate(ctx, admin, name); err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	p, err := store.OpenPool(ctx, store.PoolConfig{URL: withDatabase(adminURL(), name), MaxConns: 8, ConnectTimeout: 5 * time.Second, AppName: "legalmap-test"})
	if err != nil {
		t.Fatal(err)
	}
	extras = append(extras, extra{name: name, pool: p})
	return p
}

// URL is the connection URL of the package's database ("" when none could be made: the connection then
// fails with that).
func URL() string {
	makeDB()
	return dbURL
}

// Pool is a pool on the package's database, shared by the package's tests.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	ready(t)
	return pool
}

func adminURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return defaultAdminURL
}

func setup(ctx context.Context) (string, error) {
	admin, err := pgx.Connect(ctx, adminURL())
	if err != nil {
		return "", err
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("legalmap_test_%s_%d", packageName(), os.Getpid())
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if err := cloneTemplate(ctx, admin, name); err != nil {
		return "", err
	}
	dbURL = withDatabase(adminURL(), name)
	pool, err = store.OpenPool(ctx, store.PoolConfig{URL: dbURL, MaxConns: 8, ConnectTimeout: 5 * time.Second, AppName: "legalmap-test"})
	return name, err
}

// cloneTemplate creates database name from the migrated template, making the template first if missing.
// Test runs of other migrations (another branch's worktree) drop templates of migrations not theirs, so a
// template may vanish between making it and cloning it: it is then made again.
func cloneTemplate(ctx context.Context, admin *pgx.Conn, name string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if template, err = ensureTemplate(ctx, admin); err != nil {
			return err
		}
		_, err = admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{template}.Sanitize())
		var pgErr *pgconn.PgError
		if err == nil || !errors.As(err, &pgErr) || (pgErr.Code != "3D000" && pgErr.Code != "55006") {
			break // 3D000: the template is gone; 55006: it is being dropped
		}
	}
	if err != nil {
		return fmt.Errorf("create %s from %s: %w", name, template, err)
	}
	return nil
}

// ensureTemplate returns the name of a template database migrated to the current migrations, creating it
// when missing. The name carries a hash of the migrations, so a changed migration gets a new template.
func ensureTemplate(ctx context.Context, admin *pgx.Conn) (string, error) {
	ms, err := store.Migrations()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.Name))
		h.Write([]byte(m.SQL))
	}
	name := "legalmap_tmpl_" + hex.EncodeToString(h.Sum(nil))[:12]
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock($1)", templateLock); err != nil {
		return "", err
	}
	defer admin.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", templateLock) //nolint:errcheck
	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	// Templates of older migrations are of no further use.
	rows, err := admin.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'legalmap\\_tmpl\\_%'")
	if err != nil {
		return "", err
	}
	old, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	for _, o := range old {
		admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{o}.Sanitize()+" WITH (FORCE)") //nolint:errcheck
	}
	building := name + "_new"
	admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{building}.Sanitize()+" WITH (FORCE)") //nolint:errcheck
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{building}.Sanitize()); err != nil {
		return "", err
	}
	p, err := store.OpenPool(ctx, store.PoolConfig{URL: withDatabase(adminURL(), building), MaxConns: 2, AppName: "legalmap-test-template"})
	if err != nil {
		return "", err
	}
	_, err = store.Migrate(ctx, p)
	p.Close()
	if err != nil {
		return "", fmt.Errorf("migrate template: %w", err)
	}
	// Renamed only once complete, so a half-built template is never cloned.
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{building}.Sanitize()+" RENAME TO "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return name, nil
}

func dropDatabase(ctx context.Context, name string) error {
	admin, err := pgx.Connect(ctx, adminURL())
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	// A plain DROP ends the autovacuum worker that may be busy in a freshly loaded database; FORCE ends
	// the test's own leftover sessions but refuses outright when that worker (a superuser's process) is
	// there. So both, a few times, until one succeeds.
	drop := "DROP DATABASE IF EXISTS " + pgx.Identifier{name}.Sanitize()
	for attempt := 0; ; attempt++ {
		if _, err = admin.Exec(ctx, drop); err == nil {
			return nil
		}
		if _, err = admin.Exec(ctx, drop+" WITH (FORCE)"); err == nil || attempt == 10 {
			return err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func withDatabase(raw, db string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + db
	return u.String()
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// packageName names the database after the test binary (pkg.test), for people reading pg_stat_activity.
func packageName() string {
	base := strings.TrimSuffix(strings.ToLower(os.Args[0][strings.LastIndex(os.Args[0], "/")+1:]), ".test")
	base = nonWord.ReplaceAllString(base, "_")
	if len(base) > 20 {
		base = base[:20]
	}
	return base
}

// EmptyDatabase creates a database without the schema (template1 carries only the extensions), dropped when
// the test ends, and returns its URL: for tests of migrations and of a schema that is behind.
func EmptyDatabase(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, adminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("legalmap_empty_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template1"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := dropDatabase(context.Background(), name); err != nil {
			t.Logf("drop %s: %v", name, err)
		}
	})
	return withDatabase(adminURL(), name)
}
