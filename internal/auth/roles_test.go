package auth

import "testing"

func TestRolesAreOrdered(t *testing.T) {
	for i, r := range Roles {
		for j, min := range Roles {
			if got, want := r.AtLeast(min), i >= j; got != want {
				t.Errorf("%s.AtLeast(%s) = %v, want %v", r, min, got, want)
			}
		}
		if p, err := ParseRole(string(r)); err != nil || p != r {
			t.Errorf("ParseRole(%s) = %v, %v", r, p, err)
		}
	}
	for _, r := range Roles {
		if Staff.AtLeast(r) || r.AtLeast(Staff) || !r.AtLeast(Anyone) {
			t.Errorf("staff and %s: one includes the other, or %s is not anyone", r, r)
		}
	}
	if !Staff.AtLeast(Staff) || !Staff.AtLeast(Anyone) || Role("").AtLeast(Anyone) {
		t.Error("staff includes itself and anyone; an unknown role nothing")
	}
	if _, err := ParseRole("*"); err == nil {
		t.Error("ParseRole(*) accepted")
	}
	for _, bad := range []string{"", "root", "Admin", "viewer "} {
		if _, err := ParseRole(bad); err == nil {
			t.Errorf("ParseRole(%q) accepted", bad)
		}
		if Role(bad).AtLeast(Viewer) {
			t.Errorf("unknown role %q includes viewer", bad)
		}
	}
}

func TestSecretsAreURLSafeAndHashed(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		plain, hash := NewSecret()
		if !WellFormed(plain) || len(hash) != 32 || seen[plain] {
			t.Fatalf("secret %q (hash %d bytes) malformed or repeated", plain, len(hash))
		}
		seen[plain] = true
		if string(HashSecret(plain)) != string(hash) {
			t.Fatal("HashSecret disagrees with NewSecret")
		}
	}
	for _, bad := range []string{"", "short", "a+b/cdefghijklmnopqrstuvwxyzabcdefghijklmnop", "é" + string(make([]byte, 41))} {
		if WellFormed(bad) {
			t.Errorf("WellFormed(%q)", bad)
		}
	}
	if CSRFMatch("", "") || CSRFMatch("abc", "") || !CSRFMatch("abc", "abc") || CSRFMatch("abc", "abd") {
		t.Error("CSRFMatch wrong")
	}
}
