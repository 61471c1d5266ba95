package auth_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"legalmap/internal/auth"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
	"legalmap/internal/store/storetest"
)

func TestSignInSessionAndSignOut(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	if _, err := svc.CreateAccount(ctx, "svc-ann", "correct horse battery", auth.Editor); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.SignIn(ctx, "svc-ann", "wrong password!", "10.1.0.1"); !errors.Is(err, auth.ErrBadPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, _, err := svc.SignIn(ctx, "nobody", "correct horse battery", "10.1.0.1"); !errors.Is(err, auth.ErrBadPassword) {
		t.Fatalf("unknown account: %v, want the same error as a wrong password", err)
	}
	p, id, err := svc.SignIn(ctx, "svc-ann", "correct horse battery", "10.1.0.1")
	if err != nil || p.Role != auth.Editor || !p.Session || p.CSRF == "" || !auth.WellFormed(id) {
		t.Fatalf("sign-in: %+v %q %v", p, id, err)
	}
	again, err := svc.SessionPrincipal(ctx, id)
	if err != nil || again.Account.Username != "svc-ann" || again.CSRF != p.CSRF {
		t.Fatalf("session lookup: %+v %v", again, err)
	}
	// The database holds only the id's hash.
	var n int
	storetest.Pool(t).QueryRow(ctx, "SELECT count(*) FROM sessions WHERE id_hash = $1", []byte(id)).Scan(&n) //nolint:errcheck
	if n != 0 {
		t.Fatal("session id stored in clear")
	}
	if err := svc.SignOut(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SessionPrincipal(ctx, id); !errors.Is(err, auth.ErrNoCredentials) {
		t.Fatalf("session after sign-out: %v", err)
	}
}

func TestSessionIdleAndAbsoluteExpiry(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	svc := auth.NewService(pool).WithPolicy(auth.SessionPolicy{Idle: time.Hour, Absolute: 2 * time.Hour})
	if _, err := svc.CreateAccount(ctx, "svc-exp", "correct horse battery", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	_, idle, err := svc.SignIn(ctx, "svc-exp", "correct horse battery", "10.1.0.2")
	if err != nil {
		t.Fatal(err)
	}
	_, abs, _ := svc.SignIn(ctx, "svc-exp", "correct horse battery", "10.1.0.2")
	// Age the rows instead of waiting: one left idle too long, one past its absolute end though just used.
	pool.Exec(ctx, "UPDATE sessions SET last_seen_at = now() - interval '61 minutes' WHERE id_hash = $1", auth.HashSecret(idle)) //nolint:errcheck
	pool.Exec(ctx, "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1", auth.HashSecret(abs))      //nolint:errcheck
	for name, id := range map[string]string{"idle": idle, "absolute": abs} {
		if _, err := svc.SessionPrincipal(ctx, id); !errors.Is(err, auth.ErrNoCredentials) {
			t.Errorf("%s-expired session accepted: %v", name, err)
		}
	}
}

func TestDisabledAccountLosesSessionsAndTokens(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	svc := auth.NewService(pool)
	if _, err := svc.CreateAccount(ctx, "svc-dis", "correct horse battery", auth.Importer); err != nil {
		t.Fatal(err)
	}
	_, sid, _ := svc.SignIn(ctx, "svc-dis", "correct horse battery", "10.1.0.3")
	tok, meta, err := svc.CreateToken(ctx, "svc-dis", "nightly sync")
	if err != nil || !auth.WellFormed(tok) || meta.Name != "nightly sync" {
		t.Fatalf("token: %q %+v %v", tok, meta, err)
	}
	if p, err := svc.TokenPrincipal(ctx, tok); err != nil || p.Session || p.Role != auth.Importer {
		t.Fatalf("token principal: %+v %v", p, err)
	}
	var stored int
	pool.QueryRow(ctx, "SELECT count(*) FROM api_tokens WHERE token_hash = $1", auth.HashSecret(tok)).Scan(&stored) //nolint:errcheck
	if stored != 1 {
		t.Fatal("token hash not stored")
	}
	yes := true
	if _, err := accountdb.UpdateAccount(ctx, pool, "svc-dis", accountdb.AccountChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SessionPrincipal(ctx, sid); !errors.Is(err, auth.ErrNoCredentials) {
		t.Errorf("session of a disabled account: %v", err)
	}
	if _, err := svc.TokenPrincipal(ctx, tok); !errors.Is(err, auth.ErrNoCredentials) {
		t.Errorf("token of a disabled account: %v", err)
	}
	if _, _, err := svc.SignIn(ctx, "svc-dis", "correct horse battery", "10.1.0.4"); !errors.Is(err, auth.ErrBadPassword) {
		t.Errorf("sign-in of a disabled account: %v", err)
	}
}

func TestRevokedTokenRefused(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	svc := auth.NewService(pool)
	if _, err := svc.CreateAccount(ctx, "svc-rev", "correct horse battery", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	tok, meta, _ := svc.CreateToken(ctx, "svc-rev", "t")
	if _, err := accountdb.RevokeToken(ctx, pool, meta.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.TokenPrincipal(ctx, tok); !errors.Is(err, auth.ErrNoCredentials) {
		t.Fatalf("revoked token: %v", err)
	}
	if _, _, err := svc.CreateToken(ctx, "nosuch", "t"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("token for unknown account: %v", err)
	}
}

func TestSignInThrottled(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	if _, err := svc.CreateAccount(ctx, "svc-thr", "correct horse battery", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	for i := range auth.DefaultSignInLimits.Pair.Failures {
		if _, _, err := svc.SignIn(ctx, "svc-thr", "guess", "10.1.0.5"); !errors.Is(err, auth.ErrBadPassword) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	// Now even the right password from that address is refused until the wait is over.
	_, _, err := svc.SignIn(ctx, "svc-thr", "correct horse battery", "10.1.0.5")
	var te *auth.ThrottledError
	if !errors.As(err, &te) || te.Wait <= 0 {
		t.Fatalf("after %d failures: %v, want throttled", auth.DefaultSignInLimits.Pair.Failures, err)
	}
}

func TestCreateAccountChecksInput(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	for _, c := range []struct{ user, pw, role, field string }{
		{"<b>", "correct horse battery", "viewer", "username"},
		{"ok-name", "short", "viewer", "password"},
		{"ok-name", "correct horse battery", "root", "role"},
	} {
		_, err := svc.CreateAccount(ctx, c.user, c.pw, auth.Role(c.role))
		var ie *auth.InputError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%+v: %v, want an error on %s", c, err, c.field)
		}
	}
	if _, err := svc.CreateAccount(ctx, "svc-dup", "correct horse battery", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateAccount(ctx, "svc-dup", "correct horse battery", auth.Viewer); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate username: %v", err)
	}
}

// Wrong passwords sent all at once from one address: only the throttle's pair limit of them are checked
// (each costs an argon2 hash); the rest are refused before the account is even looked up.
func TestSignInConcurrentGuessesBounded(t *testing.T) {
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	if _, err := svc.CreateAccount(ctx, "svc-race", "correct horse battery", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	const n = 24
	var bad, throttled atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, _, err := svc.SignIn(ctx, "svc-race", "wrong wrong wrong", "10.1.0.77")
			var te *auth.ThrottledError
			switch {
			case errors.Is(err, auth.ErrBadPassword):
				bad.Add(1)
			case errors.As(err, &te):
				throttled.Add(1)
			default:
				t.Errorf("guess: %v", err)
			}
		}()
	}
	close(start)
	wg.Wait()
	if want := int32(auth.DefaultSignInLimits.Pair.Failures); bad.Load() != want || throttled.Load() != n-want {
		t.Fatalf("%d concurrent wrong passwords: %d evaluated, %d throttled; want %d evaluated", n, bad.Load(), throttled.Load(), want)
	}
	// The owner, elsewhere, is not locked out by them.
	if _, _, err := svc.SignIn(ctx, "svc-race", "correct horse battery", "10.1.0.78"); err != nil {
		t.Fatalf("owner from another address: %v", err)
	}
}
