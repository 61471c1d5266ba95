package requests

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the size of a request key: AES-256.
const KeySize = 32

// ErrNoKey: no key is configured, so requests are off.
var ErrNoKey = errors.New("requests: no REQUEST_KEY configured")

// ErrUnknownKey: a sealed blob names a key the keyring does not hold (rotated away without re-encrypting).
var ErrUnknownKey = errors.New("requests: sealed under a key that is not configured")

// Key is one AES-256 key with its id: the first 8 bytes of a hash of the key, in hex, stored next to every
// blob it sealed so that a rotation knows what to re-encrypt (the id tells nothing about the key).
type Key struct {
	ID   string
	aead cipher.AEAD
	mac  []byte // the HMAC key of phone look-ups, derived from the key
}

// ParseKey reads 32 random bytes in standard base64 (what `openssl rand -base64 32` prints).
func ParseKey(s string) (Key, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(raw) != KeySize {
		return Key{}, fmt.Errorf("want %d random bytes in standard base64 (openssl rand -base64 32)", KeySize)
	}
	return newKey(raw)
}

func newKey(raw []byte) (Key, error) {
	block, err := aes.NewCipher(raw)
	if err != nil {
		return Key{}, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return Key{}, err
	}
	id := sha256.Sum256(append([]byte("legalmap request key id\x00"), raw...))
	m := hmac.New(sha256.New, raw)
	m.Write([]byte("legalmap phone lookup"))
	return Key{ID: hex.EncodeToString(id[:8]), aead: aead, mac: m.Sum(nil)}, nil
}

// NewKeyText draws a fresh key and returns it as standard base64.
func NewKeyText() string {
	raw := make([]byte, KeySize)
	if _, err := rand.Read(raw); err != nil {
		panic("requests: crypto/rand failed: " + err.Error())
	}
	return base64.StdEncoding.EncodeToString(raw)
}

// Keyring is the current key, which seals, and older ones, which only open (until a rotation has
// re-encrypted everything under the current key).
type Keyring struct {
	current Key
	all     map[string]Key
}

// NewKeyring makes a keyring from the current key and older ones (base64 each).
func NewKeyring(current string, older ...string) (*Keyring, error) {
	cur, err := ParseKey(current)
	if err != nil {
		return nil, err
	}
	k := &Keyring{current: cur, all: map[string]Key{cur.ID: cur}}
	for i, o := range older {
		key, err := ParseKey(o)
		if err != nil {
			return nil, fmt.Errorf("older key %d: %w", i+1, err)
		}
		k.all[key.ID] = key
	}
	return k, nil
}

// CurrentID is the id of the key that seals.
func (k *Keyring) CurrentID() string { return k.current.ID }

// Seal encrypts plain under the current key, bound to aad (the request's code, so a blob copied onto another
// row does not open there). The result is nonce || ciphertext.
func (k *Keyring) Seal(plain, aad []byte) (sealed []byte, keyID string) {
	nonce := make([]byte, k.current.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic("requests: crypto/rand failed: " + err.Error())
	}
	return k.current.aead.Seal(nonce, nonce, plain, aad), k.current.ID
}

// Open decrypts a blob sealed by Seal under the key keyID.
func (k *Keyring) Open(sealed []byte, keyID string, aad []byte) ([]byte, error) {
	key, ok := k.all[keyID]
	if !ok {
		return nil, ErrUnknownKey
	}
	n := key.aead.NonceSize()
	if len(sealed) < n {
		return nil, errors.New("requests: sealed blob too short")
	}
	return key.aead.Open(nil, sealed[:n], sealed[n:], aad)
}

// PhoneMAC is the keyed hash by which requests of one phone are found (per-phone limits) without the number
// being stored: without the key, the 11-digit space cannot be searched.
func (k *Keyring) PhoneMAC(phone string) []byte {
	m := hmac.New(sha256.New, k.current.mac)
	m.Write([]byte(phone))
	return m.Sum(nil)
}
