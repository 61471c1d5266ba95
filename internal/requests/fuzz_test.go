package requests

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The seeds (f.Add) run as ordinary tests; `make fuzz` searches past them.

// The citizen's form: any input is either refused naming one of the form's fields, or accepted within the
// limits, trimmed, as valid UTF-8 without control characters, with an 11-digit mobile.
func FuzzCheck(f *testing.F) {
	f.Add("consultation", "张三", "138 1234 5678", "欠薪", "老板不发工资", "", true, "")
	f.Add("appointment", "<img src=x>", "+8613812345678", "", "", "2026-10-10T09:00:00+08:00", true, "")
	f.Add("legal_aid_application", "a\u202eb", "0755-83001234", "\x00", "", "", false, "bot")
	fields := map[string]bool{"type": true, "name": true, "phone": true, "matter": true, "message": true, "slot": true, "consent": true, "website": true}
	f.Fuzz(func(t *testing.T, typ, name, phone, matter, message, slot string, consent bool, website string) {
		in := Input{Type: typ, Name: name, Phone: phone, Matter: matter, Message: message, Slot: slot, Consent: consent, Website: website}
		c, err := Check(in, func(s string) bool { return s == "labour" }, func(string) string { return "" })
		if err != nil {
			fe, ok := err.(*FieldError)
			if !ok || !fields[fe.Field] || fe.Message == "" {
				t.Fatalf("%+v: error %v names no field of the form", in, err)
			}
			return
		}
		for _, s := range []string{c.Name, c.MatterText, c.Message} {
			if !utf8.ValidString(s) || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\x00\r\u202e") {
				t.Fatalf("%+v: accepted %q", in, s)
			}
		}
		if c.Name == "" || utf8.RuneCountInString(c.Name) > MaxName || strings.Contains(c.Name, "\n") ||
			utf8.RuneCountInString(c.Message) > MaxMessage || len(c.Phone) != 11 || c.Phone[0] != '1' || !consent || website != "" {
			t.Fatalf("%+v: accepted %+v", in, c)
		}
		if c.Type.NeedsSlot() == c.Slot.IsZero() {
			t.Fatalf("%+v: slot %v for type %s", in, c.Slot, c.Type)
		}
	})
}

// Receipt codes as people type them: a code read back is canonical and reads back to itself.
func FuzzParseCode(f *testing.F) {
	f.Add("7kmr x3qd 94ht")
	f.Add("7KMR-X3QD-94HT")
	f.Add("0000-0000-0000")
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseCode(s)
		if !ok {
			return
		}
		if len(c) != 14 || c[4] != '-' || c[9] != '-' {
			t.Fatalf("ParseCode(%q) = %q", s, c)
		}
		if again, ok := ParseCode(c); !ok || again != c {
			t.Fatalf("ParseCode(%q) = %q, then %q", s, c, again)
		}
	})
}
