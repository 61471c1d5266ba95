package jsontext

import (
	"encoding/json"
	"math"
	"testing"
)

// FuzzAppendString: the same bytes as encoding/json, for any text, valid UTF-8 or not.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "福田", `"quoted" \ back`, "tab\tnew\nline\r\b\f", "\x00\x01\x1f\x7f", "\xff\xfe",
		"<script>&</script>", "\u2028\u2029", "\xe4\xb8", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: got %s, encoding/json writes %s", s, got, want)
		}
	})
}

// FuzzAppendFloat: the same bytes as encoding/json for every finite number; null for the others.
func FuzzAppendFloat(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1.5, 22.5489241, 114.051175, 169.7, 1e-7, 1e-6,
		9.99e20, 1e21, 1e300, -2.5e-300, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		got := string(AppendFloat(nil, v))
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if got != "null" {
				t.Fatalf("%v: got %s, want null", v, got)
			}
			return
		}
		if want, _ := json.Marshal(v); got != string(want) {
			t.Fatalf("%v: got %s, encoding/json writes %s", v, got, want)
		}
	})
}
