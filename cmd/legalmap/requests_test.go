package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"legalmap/internal/auth"
	"legalmap/internal/requests"
	"legalmap/internal/store/accountdb"
	"legalmap/internal/store/requestdb"
	"legalmap/internal/store/storetest"
)

// `user add --role staff --provider ID` (repeatable) makes a place's staff, who may hold API tokens; a
// staff account without a place, a place for another role, or an unknown place is refused and leaves no
// account behind. Then `requests rotate-key --generate` and `requests purge` on the same database.
func TestStaffAccountsAndRequestJobs(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	var a, b string
	for i, id := range []*string{&a, &b} {
		if err := pool.QueryRow(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
			VALUES ('legal_aid', '员工测试中心', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'cli', $1) RETURNING id::text`,
			string(rune('a'+i))).Scan(id); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errs := runCLI(t, "", "user", "add", "--username", "staff-li", "--role", "staff", "--provider", a, "--provider", b); code != 0 {
		t.Fatalf("staff add: exit %d %q %q", code, out, errs)
	}
	acct, _, err := accountdb.AccountForSignIn(ctx, pool, "staff-li")
	if err != nil || acct.Role != "staff" {
		t.Fatalf("%+v %v", acct, err)
	}
	places, _ := accountdb.AccountProviders(ctx, pool, acct.ID)
	if len(places) != 2 {
		t.Fatalf("places %v", places)
	}
	for _, bad := range [][]string{
		{"--username", "staff-none", "--role", "staff"},
		{"--username", "viewer-place", "--role", "viewer", "--provider", a},
		{"--username", "staff-ghost", "--role", "staff", "--provider", "00000000-0000-0000-0000-000000000000"},
	} {
		if code, _, _ := runCLI(t, "", append([]string{"user", "add"}, bad...)...); code == 0 {
			t.Errorf("user add %v succeeded", bad)
		}
		if _, _, err := accountdb.AccountForSignIn(ctx, pool, bad[1]); err == nil {
			t.Errorf("user add %v left an account", bad)
		}
	}
	code, out, _ := runCLI(t, "", "token", "create", "--username", "staff-li", "--name", "desk")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if p, err := auth.NewService(pool).TokenPrincipal(ctx, lines[len(lines)-1]); code != 0 || err != nil || p.Role != auth.Staff {
		t.Fatalf("staff token: exit %d %v %+v", code, err, p)
	}

	// rotate-key --generate with a key file.
	file := filepath.Join(t.TempDir(), "request.key")
	oldKey := requests.NewKeyText()
	if err := os.WriteFile(file, []byte(oldKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ring, _ := requests.NewKeyring(oldKey)
	code1 := requests.NewCode()
	sealed, keyID := ring.SealPersonal(requests.Personal{Name: "钱七", Phone: "13700000001"}, code1)
	if err := requestdb.CreateRequest(ctx, pool, requestdb.NewRequest{Code: code1, ProviderID: a, Kind: "legal_aid", Type: "consultation",
		Sealed: sealed, KeyID: keyID, PhoneMAC: ring.PhoneMAC("13700000001"), MaxOpen: 3, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("REQUEST_KEY_FILE", file)
	if code, out, errs := runCLI(t, "", "requests", "rotate-key", "--generate"); code != 0 || !strings.Contains(out, "1 request(s) re-encrypted") {
		t.Fatalf("rotate-key: exit %d %q %q", code, out, errs)
	}
	keys, err := requests.ReadKeyFile(file)
	if err != nil || len(keys) != 1 || keys[0] == oldKey {
		t.Fatalf("key file after rotation: %v %v", keys, err)
	}
	newRing, _ := requests.NewKeyring(keys[0])
	r, err := requestdb.RequestByCode(ctx, pool, code1)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := newRing.OpenPersonal(r.Sealed, r.KeyID, r.Code); err != nil || p.Name != "钱七" {
		t.Fatalf("after rotation: %+v %v", p, err)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %o", st.Mode().Perm())
	}

	// purge: a request closed 200 days ago loses its personal fields; the row stays.
	if _, err := pool.Exec(ctx, `UPDATE requests SET status = 'done', closed_at = now() - interval '200 days' WHERE code = $1`, code1); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "", "requests", "purge"); code != 0 || !strings.Contains(out, "1 request(s) erased") {
		t.Fatalf("purge: exit %d %q %q", code, out, errs)
	}
	var n int
	pool.QueryRow(ctx, `SELECT count(*) FROM requests WHERE code = $1 AND sealed IS NULL AND erased_at IS NOT NULL`, code1).Scan(&n) //nolint:errcheck
	if n != 1 {
		t.Fatal("purged request not erased or gone")
	}
}
