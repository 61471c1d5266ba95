package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ＡＢＣ１２３", "abc123"},             // full width
		{"福田　公证处", "福田 公证处"},             // ideographic space
		{"Fútián Lǜshī", "futian lvshi"}, // tone marks; ü is v
		{"LÜSHI", "lvshi"},               // capital Ü too
		{"a\x00b\tc", "a b c"},           // NUL and controls become spaces
		{"①②", "12"},                     // compatibility digits
		{"bad\xffutf8", "bad utf8"},      // invalid UTF-8
		{"（深圳）律师事务所", "(深圳)律师事务所"},       // full-width brackets
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestScan(t *testing.T) {
	got := scan(Normalize("divorce律师 福田, 6008号 zhong-lun"))
	want := []segment{
		{segWord, "divorce"},
		{segHan, "律师"},
		{segHan, "福田"},
		{segWord, "6008"},
		{segHan, "号"},
		{segWord, "zhong"},
		{segWord, "lun"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scan = %+v\nwant %+v", got, want)
	}
}

func TestLicenceLike(t *testing.T) {
	for s, want := range map[string]bool{
		"14403201810123456":  true,  // lawyer licence
		"31440000455xxxxxx":  false, // more letters than digits
		"91440300ma5f12345x": true,  // credit code
		"123456789":          false, // too short
		"zhonglunlawfirm":    false,
	} {
		if got := looksLikeLicence(s); got != want {
			t.Errorf("looksLikeLicence(%q) = %v", s, got)
		}
	}
	if got := licenceToken(" 1440-3201 81012345X "); got != "1440320181012345x" {
		t.Errorf("licenceToken = %q", got)
	}
}

func TestClampLexeme(t *testing.T) {
	long := ""
	for i := 0; i < 30; i++ {
		long += "福" // 3 bytes each
	}
	got := clampLexeme(long)
	if len(got) > maxLexemeBytes || len(got)%3 != 0 {
		t.Errorf("clampLexeme cut %d bytes, inside a character or over %d", len(got), maxLexemeBytes)
	}
}

// Text Normalize returns untouched (isNormal) is text the full folding leaves as it is: random strings of
// the runes the shortcut accepts, and near misses around its edges.
func TestNormalizeShortcutIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	edges := []rune{0x1f, 0x7f, 'A', 'Z', '@', '[', 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xf900, 0xff10, 'ü', '　', '\t'}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			switch r.IntN(3) {
			case 0:
				b.WriteRune(rune(0x20 + r.IntN(0x5f)))
			case 1:
				b.WriteRune(rune(0x4e00 + r.IntN(0x5200)))
			default:
				b.WriteRune(edges[r.IntN(len(edges))])
			}
		}
		s := b.String()
		if isNormal(s) && normalize(s) != s {
			t.Fatalf("%q passes the shortcut but folds to %q", s, normalize(s))
		}
		if got, want := Normalize(s), normalize(s); got != want {
			t.Fatalf("Normalize(%q) = %q, the full folding %q", s, got, want)
		}
	}
}
