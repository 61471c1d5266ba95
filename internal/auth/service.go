package auth

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
)

var (
	// ErrNoCredentials: no session or token, or one that is unknown, expired, revoked or of a disabled account.
	ErrNoCredentials = errors.New("auth: no valid credentials")
	// ErrBadPassword: the username or password is wrong (which of them is not said).
	ErrBadPassword = errors.New("auth: wrong username or password")
)

// Principal is who a request acts for.
type Principal struct {
	Account accountdb.Account
	Role    Role
	Session bool   // signed in with a browser session (needs CSRF), not a bearer token
	CSRF    string // the session's CSRF token
}

// Actor is the name written in the audit for this principal's changes.
func (p Principal) Actor() string { return p.Account.Username }

// Service signs people in and recognises them again. The CLI and the admin API share it.
type Service struct {
	db       *pgxpool.Pool
	policy   SessionPolicy
	throttle *Throttle
}

// NewService makes a service with the default session policy and throttle limits.
func NewService(db *pgxpool.Pool) *Service {
	return &Service{db: db, policy: DefaultSessionPolicy, throttle: NewThrottle(DefaultSignInLimits)}
}

// WithThrottle returns the service with another sign-in throttle (tests give it a clock).
func (s *Service) WithThrottle(t *Throttle) *Service { s.throttle = t; return s }

// WithPolicy returns the service with another session policy (tests shorten it).
func (s *Service) WithPolicy(p SessionPolicy) *Service { s.policy = p; return s }

// Policy is the service's session policy.
func (s *Service) Policy() SessionPolicy { return s.policy }

// SignIn checks a password and opens a session, returning its id (for the cookie) and the principal.
// The attempt is reserved with the throttle first (per account and address, per address, and a backoff
// per account): a throttled attempt is refused before the account is looked up or a hash computed.
func (s *Service) SignIn(ctx context.Context, username, password, addr string) (Principal, string, error) {
	attempt, err := s.throttle.Reserve(username, addr)
	if err != nil {
		return Principal{}, "", err
	}
	acct, hash, err := accountdb.AccountForSignIn(ctx, s.db, username)
	if errors.Is(err, store.ErrNotFound) {
		BurnVerify(password)
		attempt.Failed()
		return Principal{}, "", ErrBadPassword
	}
	if err != nil {
		attempt.Cancel()
		return Principal{}, "", err
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil && !errors.Is(err, ErrBadHash) {
		attempt.Cancel()
		return Principal{}, "", err
	}
	if !ok || acct.Disabled {
		attempt.Failed()
		return Principal{}, "", ErrBadPassword
	}
	attempt.Succeeded()
	id, idHash := NewSecret()
	csrf, _ := NewSecret()
	if err := accountdb.CreateSession(ctx, s.db, idHash, acct.ID, csrf, time.Now().Add(s.policy.Absolute)); err != nil {
		return Principal{}, "", err
	}
	return Principal{Account: acct, Role: Role(acct.Role), Session: true, CSRF: csrf}, id, nil
}

// SessionPrincipal recognises a session cookie's value.
func (s *Service) SessionPrincipal(ctx context.Context, sessionID string) (Principal, error) {
	if !WellFormed(sessionID) {
		return Principal{}, ErrNoCredentials
	}
	acct, csrf, err := accountdb.SessionAccount(ctx, s.db, HashSecret(sessionID), s.policy.Idle)
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, ErrNoCredentials
	}
	if err != nil {
		return Principal{}, err
	}
	return Principal{Account: acct, Role: Role(acct.Role), Session: true, CSRF: csrf}, nil
}

// TokenPrincipal recognises a bearer token.
func (s *Service) TokenPrincipal(ctx context.Context, token string) (Principal, error) {
	if !WellFormed(token) {
		return Principal{}, ErrNoCredentials
	}
	acct, _, err := accountdb.AccountByToken(ctx, s.db, HashSecret(token))
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, ErrNoCredentials
	}
	if err != nil {
		return Principal{}, err
	}
	return Principal{Account: acct, Role: Role(acct.Role)}, nil
}

// SignOut ends the session with this id.
func (s *Service) SignOut(ctx context.Context, sessionID string) error {
	if !WellFormed(sessionID) {
		return nil
	}
	return accountdb.DeleteSession(ctx, s.db, HashSecret(sessionID))
}

// CreateAccount adds an account with a hashed password. A staff account names the places it serves (at
// least one; ErrNotFound when one does not exist); other roles name none.
func (s *Service) CreateAccount(ctx context.Context, username, password string, role Role, places ...string) (accountdb.Account, error) {
	if err := CheckUsername(username); err != nil {
		return accountdb.Account{}, err
	}
	if !role.Valid() {
		return accountdb.Account{}, &InputError{"role", "未知角色 / unknown role: want viewer, editor, importer, admin or staff"}
	}
	if (role == Staff) != (len(places) > 0) {
		return accountdb.Account{}, &InputError{"providers", "员工账号须指定所属机构，其他角色不可 / a staff account needs its places; other roles take none"}
	}
	if err := CheckPassword(password, username); err != nil {
		return accountdb.Account{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return accountdb.Account{}, err
	}
	if role == Staff {
		return accountdb.CreateStaffAccount(ctx, s.db, username, hash, places)
	}
	return accountdb.CreateAccount(ctx, s.db, username, hash, string(role))
}

// CreateToken makes a new API token for the account named and returns it in plain text: the only time it
// is ever seen. Only its hash is stored.
func (s *Service) CreateToken(ctx context.Context, username, name string) (string, accountdb.APIToken, error) {
	if err := CheckTokenName(name); err != nil {
		return "", accountdb.APIToken{}, err
	}
	plain, hash := NewSecret()
	t, err := accountdb.CreateToken(ctx, s.db, username, name, hash)
	if err != nil {
		return "", accountdb.APIToken{}, err
	}
	return plain, t, nil
}
