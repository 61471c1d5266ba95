package storetest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a private PostgreSQL server of one test, on its own port and data directory, that the test may
// stop and start (the shared cluster must stay up for the other packages). It costs about two seconds.
type Cluster struct {
	URL     string // postgres://postgres@127.0.0.1:PORT/postgres
	bin     string
	dataDir string
	port    int
	asUser  []string // runs the server's tools as the postgres user when the test runs as root
}

// StartCluster creates and starts a private cluster; it is stopped and removed when the test ends.
func StartCluster(t testing.TB) *Cluster {
	t.Helper()
	bin, err := postgresBin()
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	dir, err := os.MkdirTemp("", "legalmap-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{bin: bin, dataDir: filepath.Join(dir, "data"), port: freePort(t)}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root.
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("storetest: running as root needs a postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		c.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	t.Cleanup(func() {
		c.run("pg_ctl", "-D", c.dataDir, "-m", "immediate", "stop") //nolint:errcheck
		os.RemoveAll(dir)
	})
	if out, err := c.run("initdb", "-D", c.dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"); err != nil {
		t.Fatalf("storetest: initdb: %v\n%s", err, out)
	}
	c.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
	c.Start(t)
	return c
}

// StartClusterWithExtensions is StartCluster with the extensions the migrations need (PostGIS, pg_trgm)
// created in its postgres database, as the provisioning script puts them in template1.
func StartClusterWithExtensions(t testing.TB) *Cluster {
	t.Helper()
	c := StartCluster(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm"); err != nil {
		t.Fatal(err)
	}
	return c
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start(t testing.TB) {
	t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", c.port, filepath.Dir(c.dataDir))
	if out, err := c.run("pg_ctl", "-D", c.dataDir, "-o", opts, "-w", "-t", "30", "-l", filepath.Join(filepath.Dir(c.dataDir), "log"), "start"); err != nil {
		t.Fatalf("storetest: pg_ctl start: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, c.URL)
		if err == nil {
			conn.Close(ctx)
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("storetest: cluster did not come up: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop stops the server at once, as a crash or an operator would.
func (c *Cluster) Stop(t testing.TB) {
	t.Helper()
	if out, err := c.run("pg_ctl", "-D", c.dataDir, "-m", "immediate", "-w", "stop"); err != nil {
		t.Fatalf("storetest: pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *Cluster) run(tool string, args ...string) ([]byte, error) {
	argv := append(append([]string{}, c.asUser...), append([]string{filepath.Join(c.bin, tool)}, args...)...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = os.TempDir()
	return cmd.CombinedOutput()
}

func postgresBin() (string, error) {
	if b := os.Getenv("PG_BIN"); b != "" {
		return b, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", fmt.Errorf("no initdb found (install PostgreSQL, or set PG_BIN)")
	}
	return filepath.Dir(matches[len(matches)-1]), nil
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
