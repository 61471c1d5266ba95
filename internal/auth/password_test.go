package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestPasswordHashVerifies(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not argon2id with the set parameters", h)
	}
	if ok, err := VerifyPassword(h, "correct horse battery"); !ok || err != nil {
		t.Fatalf("right password refused: %v %v", ok, err)
	}
	for _, wrong := range []string{"", "correct horse batterY", "correct horse battery ", strings.Repeat("x", 2000)} {
		if ok, _ := VerifyPassword(h, wrong); ok {
			t.Errorf("wrong password %q accepted", wrong)
		}
	}
	h2, _ := HashPassword("correct horse battery")
	if h2 == h {
		t.Fatal("two hashes of one password are equal: no salt")
	}
}

func TestPasswordTooShortRefused(t *testing.T) {
	_, err := HashPassword("short")
	var ie *InputError
	if err == nil || !asInput(err, &ie) || ie.Field != "password" {
		t.Fatalf("short password: %v, want an InputError on password", err)
	}
}

func asInput(err error, ie **InputError) bool {
	e, ok := err.(*InputError)
	*ie = e
	return ok
}

// A tampered or foreign hash is refused, and one that would make a login allocate gigabytes is not run.
func TestTamperedHashRefused(t *testing.T) {
	good, _ := HashPassword("correct horse battery")
	parts := strings.Split(good, "$")
	for _, bad := range []string{
		"", "plain", "$2a$10$abcdefghijklmnopqrstuv", // bcrypt
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=19456", "m=99999999", 1),
		strings.Replace(good, "t=2", "t=1000", 1),
		strings.Join([]string{"", parts[1], parts[2], parts[3], "!!", parts[5]}, "$"),
		strings.Join([]string{"", parts[1], parts[2], parts[3], parts[4], "AA"}, "$"),
	} {
		// ErrBadHash comes from reading the hash, before any hashing: a tampered cost costs nothing.
		ok, err := VerifyPassword(bad, "correct horse battery")
		if ok || !errors.Is(err, ErrBadHash) {
			t.Errorf("hash %q: ok=%v err=%v, want refused with ErrBadHash", bad, ok, err)
		}
	}
}

func TestGeneratedPasswordsAreLongAndDistinct(t *testing.T) {
	a, b := GeneratePassword(), GeneratePassword()
	if len(a) < MinPasswordLen || a == b {
		t.Fatalf("generated %q and %q", a, b)
	}
	if _, err := HashPassword(a); err != nil {
		t.Fatal(err)
	}
}

// Length counts characters, not bytes; common and trivial passwords and ones made from the username are
// refused; good ones, in any script, pass.
func TestCheckPasswordPolicy(t *testing.T) {
	for _, c := range []struct{ pw, user string }{
		{"密码很长的一句", "ann"},                   // 7 characters in 21 bytes
		{"aaaaaaaaaa", "ann"},                // one character repeated
		{"ababababab", "ann"},                // two
		{"1234567890", "ann"},                // a run of digits
		{"0987654321", "ann"},                // backwards
		{"qwertyuiop", "ann"},                // a keyboard row
		{"password12", "ann"},                // in the shipped list
		{"Basketball", "ann"},                // the list, in other case
		{"!!sunshine2026", "ann"},            // the list with digits and symbols around
		{"woaini1314", "ann"},                // the list's Chinese additions
		{"wang.ming.2026", "wang.ming.2026"}, // the username
		{"xx-wangming-77", "wangming"},       // containing it
		{"gnimgnaw-0451", "wangming"},        // backwards
	} {
		err := CheckPassword(c.pw, c.user)
		var ie *InputError
		if !asInput(err, &ie) || ie.Field != "password" {
			t.Errorf("%q (user %q): %v, want refused", c.pw, c.user, err)
		}
	}
	for _, pw := range []string{"correct horse battery", "深圳湾的海风今天很大", "T7#kv9-Lm2qX", "legal aid in futian"} {
		if err := CheckPassword(pw, "ann"); err != nil {
			t.Errorf("%q refused: %v", pw, err)
		}
	}
	if _, err := HashPassword("password12"); err == nil {
		t.Error("HashPassword accepted a listed password")
	}
}
