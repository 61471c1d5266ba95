// Package store is the core of legalmap's PostgreSQL + PostGIS storage: the connection pool, the embedded
// migrations, the classification of database errors into plain errors (ErrNotFound, ErrConflict,
// ErrUnavailable, wrapped with %w; only the HTTP layer turns them into status codes), and what the storage
// packages under it share: the public filter, the audit diff and the tsvector codec. The statements live
// in those packages, each named for what it stores: placedb (the public reads), vocabdb (kinds, practice
// areas, areas, legal terms, holidays), importdb (the import transaction), recorddb (the bureau's
// records, their history and dashboard), accountdb (accounts, sessions, tokens) and requestdb (业务办理).
package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/puddle/v2"
)

var (
	// ErrNotFound: the record asked for does not exist (or is not visible to the caller).
	ErrNotFound = errors.New("not found")
	// ErrConflict: the write lost a race (a stale version) or breaks a uniqueness rule.
	ErrConflict = errors.New("conflict")
	// ErrUnavailable: the database cannot be reached or answered too slowly; the caller may retry.
	ErrUnavailable = errors.New("database unavailable")
)

// Querier is a pool, a connection or a transaction: what a function needs that runs as well on its own
// as inside a caller's transaction (an import refreshes the search documents of the records it wrote
// inside its own).
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// PoolConfig is what the pool needs from the process configuration.
type PoolConfig struct {
	URL              string
	MaxConns         int32
	ConnectTimeout   time.Duration
	StatementTimeout time.Duration // 0: the server's default
	AppName          string
	// Interactive pools answer web requests: many short queries at once. They run no parallel workers: on
	// a small machine a worker per query costs more than it saves (the practice-area filter's subquery
	// would start one on every nearest answer, costing more than the answer), and the cores are shared by
	// all requests. Nor do they compile statements (JIT).
	Interactive bool
}

// OpenPool creates a pool. It does not wait for the database: a server must start (and answer /healthz) while
// the database is still down, and recover on its own when it comes up.
func OpenPool(ctx context.Context, pc PoolConfig) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(pc.URL)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	if pc.MaxConns > 0 {
		cfg.MaxConns = pc.MaxConns
	}
	if pc.ConnectTimeout > 0 {
		cfg.ConnConfig.ConnectTimeout = pc.ConnectTimeout
	}
	if pc.StatementTimeout > 0 {
		cfg.ConnConfig.RuntimeParams["statement_timeout"] = strconv.FormatInt(pc.StatementTimeout.Milliseconds(), 10)
		// A transaction left idle by a bug must not hold locks for long.
		cfg.ConnConfig.RuntimeParams["idle_in_transaction_session_timeout"] = strconv.FormatInt((10 * pc.StatementTimeout).Milliseconds(), 10)
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = pc.AppName
	cfg.ConnConfig.RuntimeParams["timezone"] = "Asia/Shanghai"
	if pc.Interactive {
		cfg.ConnConfig.RuntimeParams["max_parallel_workers_per_gather"] = "0"
		// A scan that stops at its limit (the map's points in a city-wide view: the first 301 rows) must
		// start at the table's first page. Synchronized, it starts where another scan last reported, which
		// drifts to the table's end, among the old versions of updated rows, and a city-wide view reads
		// through all of them before its first visible place.
		cfg.ConnConfig.RuntimeParams["synchronize_seqscans"] = "off"
		// No statement of a request runs long enough to repay compiling it: PostgreSQL compiles a plan
		// whose estimated cost passes jit_above_cost, and a search reading a city's matches (costed as
		// all of them, though it stops at its limit) would pay the compilation on every call.
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	cfg.AfterConnect = func(_ context.Context, c *pgx.Conn) error {
		registerTSVector(c.TypeMap())
		return nil
	}
	// A connection is pinged before use when it was idle for more than a second (pgxpool's rule), or when
	// its socket is not quiet: the database (pg_terminate_backend, a restart, idle_session_timeout) or
	// something between closed it, and without the check the next query on it would fail with a 503.
	cfg.ShouldPing = func(_ context.Context, p pgxpool.ShouldPingParams) bool {
		return p.IdleDuration > time.Second || !socketQuiet(p.Conn.PgConn().Conn())
	}
	cfg.HealthCheckPeriod = 5 * time.Second
	cfg.MaxConnIdleTime = 5 * time.Minute
	// Prepared statements, cached per connection (pgx's default extended protocol): never the simple
	// protocol, so parameters are never interpolated into SQL text.
	cfg.ConnConfig.DefaultQueryExecMode = pgx.QueryExecModeCacheStatement
	return pgxpool.NewWithConfig(ctx, cfg)
}

// Classify maps a database error to one of the package's plain errors where one applies, keeping the cause.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505", "40001", "40P01": // unique violation, serialization failure, deadlock
			return fmt.Errorf("%w: %w", ErrConflict, err)
		case "57014", "57P01", "57P02", "57P03", "53300", "55P03": // cancelled, shutdown, too many conns, lock timeout
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) || isConnectError(err) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}

// isConnectError: the database could not be reached, or the connection dropped under a query (server
// stopped or restarted, session terminated, connection reset or closed): the caller may retry, so it is
// "unavailable", not an internal error.
func isConnectError(err error) bool {
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || pgconn.SafeToRetry(err) || errors.As(err, &ne) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, puddle.ErrClosedPool)
}

func isUndefinedTable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "42P01"
}
