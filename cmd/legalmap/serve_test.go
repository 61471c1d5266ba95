package main

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

func TestMain(m *testing.M) {
	if os.Getenv(serveChildEnv) != "" { // this process is the server another test started (serve_rss_test.go)
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		code := run(ctx, []string{"serve"}, strings.NewReader(""), os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(storetest.Main(m))
}

func TestServeRefusesSchemaBehind(t *testing.T) {
	url := storetest.EmptyDatabase(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)"); err != nil {
		t.Fatal(err)
	}
	pool.Close()

	t.Setenv("DATABASE_URL", url)
	t.Setenv("LISTEN_ADDR", "127.0.0.1:0")
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"serve"}, strings.NewReader(""), &stdout, &stderr)
	if code == 0 {
		t.Fatal("serve started on a schema that is behind")
	}
	if msg := stderr.String(); !strings.Contains(msg, "legalmap migrate") || !strings.Contains(msg, "pending") {
		t.Fatalf("message does not say what to run: %q", msg)
	}
}

func TestBadConfigurationFailsAtStart(t *testing.T) {
	for name, value := range map[string]string{
		"DATABASE_URL":    "mysql://nope",
		"REQUEST_TIMEOUT": "-3s",
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(name, value)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"serve"}, strings.NewReader(""), &stdout, &stderr)
			if code == 0 || !strings.Contains(stderr.String(), name) {
				t.Fatalf("exit %d, stderr %q: want a failure naming %s", code, stderr.String(), name)
			}
		})
	}
}
