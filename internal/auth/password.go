// Package auth owns who may do what in the bureau's side of legalmap: password hashing (argon2id), sessions
// and their CSRF tokens, API tokens (random, stored only as a SHA-256 hash), the four roles, and the login
// throttle. The HTTP layer (internal/api) asks it questions; the store keeps the rows.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters for new hashes: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane) costs about
// 30 ms on one core, slow enough to make guessing expensive and cheap enough for a two-core server. The
// parameters are stored in each hash, so raising them later leaves old hashes verifiable.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// ErrBadHash: a stored hash is not in the argon2id format this package writes.
var ErrBadHash = errors.New("auth: unrecognised password hash")

var b64 = base64.RawStdEncoding

// HashPassword returns the PHC-format argon2id hash of pw: $argon2id$v=19$m=…,t=…,p=…$salt$key. It
// refuses what CheckPassword refuses without a username; callers that know the account's name call
// CheckPassword with it first.
func HashPassword(pw string) (string, error) {
	if err := CheckPassword(pw, ""); err != nil {
		return "", err
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword says whether pw matches hash, comparing in constant time.
func VerifyPassword(hash, pw string) (bool, error) {
	p, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	if len(pw) > maxPasswordBytes {
		return false, nil
	}
	key := argon2.IDKey([]byte(pw), p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(key, p.key) == 1, nil
}

// dummyHash is verified when the account does not exist, so an unknown name takes as long to refuse as a
// wrong password and the timing does not tell which names exist. Made on first use, not at start.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("legalmap-no-such-account")
	if err != nil {
		panic(err)
	}
	return h
})

// BurnVerify spends the time one verification takes, for the unknown-account path.
func BurnVerify(pw string) { VerifyPassword(dummyHash(), pw) } //nolint:errcheck

type argonParams struct {
	memory, time uint32
	threads      uint8
	salt, key    []byte
}

func parseHash(h string) (argonParams, error) {
	var p argonParams
	parts := strings.Split(h, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, ErrBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, ErrBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return p, ErrBadHash
	}
	// Bounds keep a tampered row from making one login allocate gigabytes or spin for minutes.
	if p.memory < 8 || p.memory > 1<<20 || p.time < 1 || p.time > 20 || p.threads < 1 {
		return p, ErrBadHash
	}
	var err error
	if p.salt, err = b64.DecodeString(parts[4]); err != nil || len(p.salt) < 8 {
		return p, ErrBadHash
	}
	if p.key, err = b64.DecodeString(parts[5]); err != nil || len(p.key) < 16 || len(p.key) > 64 {
		return p, ErrBadHash
	}
	return p, nil
}

// GeneratePassword returns a random password of 20 URL-safe characters (120 bits), for `user add` without
// a password on standard input.
func GeneratePassword() string {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on a supported platform
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
