package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// secretLen is the number of random bytes in every token, session id and CSRF token: 256 bits.
const secretLen = 32

// NewSecret returns 32 random bytes as URL-safe base64 (43 characters, no padding) and their SHA-256.
// API tokens and session ids are both made this way; only the hash is stored, so a copy of the database
// does not let anyone sign in.
func NewSecret() (plain string, hash []byte) {
	b := make([]byte, secretLen)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on a supported platform
	}
	plain = base64.RawURLEncoding.EncodeToString(b)
	return plain, HashSecret(plain)
}

// HashSecret is the stored form of a token or session id.
func HashSecret(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// WellFormed says whether s could be a secret made by NewSecret, so obvious garbage is refused without a
// database lookup.
func WellFormed(s string) bool {
	if len(s) != 43 {
		return false
	}
	return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == ""
}
