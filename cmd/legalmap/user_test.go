package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("DATABASE_URL", storetest.URL())
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUserAddTokenCreateAndRevoke(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))

	if code, out, errs := runCLI(t, "correct horse battery\n", "user", "add", "--username", "cli-ann", "--role", "importer"); code != 0 || strings.Contains(out, "correct horse") {
		t.Fatalf("user add from stdin: exit %d, %q %q", code, out, errs)
	}
	if p, _, err := svc.SignIn(ctx, "cli-ann", "correct horse battery", "10.9.0.1"); err != nil || p.Role != auth.Importer {
		t.Fatalf("sign in with the piped password: %+v %v", p, err)
	}

	// Nothing on stdin: a password is generated and printed once, on the last line.
	code, out, errs := runCLI(t, "", "user", "add", "--username", "cli-bob", "--role", "viewer")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 {
		t.Fatalf("user add generated: exit %d %q", code, errs)
	}
	if _, _, err := svc.SignIn(ctx, "cli-bob", lines[len(lines)-1], "10.9.0.1"); err != nil {
		t.Fatalf("generated password %q does not sign in: %v", lines[len(lines)-1], err)
	}
	if code, _, errs := runCLI(t, "", "user", "add", "--username", "cli-bob", "--role", "viewer"); code == 0 || !strings.Contains(errs, "exists") {
		t.Fatalf("duplicate user: exit %d %q", code, errs)
	}
	if code, _, _ := runCLI(t, "", "user", "add", "--username", "cli-x", "--role", "root"); code == 0 {
		t.Fatal("unknown role accepted")
	}

	code, out, errs = runCLI(t, "", "token", "create", "--username", "cli-ann", "--name", "nightly")
	lines = strings.Split(strings.TrimRight(out, "\n"), "\n")
	tok := lines[len(lines)-1]
	if code != 0 || !auth.WellFormed(tok) {
		t.Fatalf("token create: exit %d, last line %q, stderr %q", code, tok, errs)
	}
	if p, err := svc.TokenPrincipal(ctx, tok); err != nil || p.Account.Username != "cli-ann" {
		t.Fatalf("printed token does not authenticate: %v", err)
	}
	var id string
	storetest.Pool(t).QueryRow(ctx, "SELECT id::text FROM api_tokens WHERE token_hash = $1", auth.HashSecret(tok)).Scan(&id) //nolint:errcheck
	if code, _, errs := runCLI(t, "", "token", "revoke", id); code != 0 {
		t.Fatalf("token revoke: %q", errs)
	}
	if _, err := svc.TokenPrincipal(ctx, tok); err == nil {
		t.Fatal("revoked token still authenticates")
	}

	if code, _, _ := runCLI(t, "", "user", "disable", "cli-ann"); code != 0 {
		t.Fatal("user disable failed")
	}
	if _, _, err := svc.SignIn(ctx, "cli-ann", "correct horse battery", "10.9.0.2"); err == nil {
		t.Fatal("disabled account signs in")
	}
	if code, _, _ := runCLI(t, "", "user", "disable", "nosuch"); code == 0 {
		t.Fatal("disabling an unknown account succeeded")
	}
}
