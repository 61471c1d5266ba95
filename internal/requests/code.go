package requests

import (
	"crypto/rand"
	"strings"
)

// codeAlphabet has no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B): a code is read aloud over the phone or
// copied from a screen by hand. 25 symbols, 12 of them: about 55 bits, far beyond guessing at the throttled
// rate of the status page.
const symbols = "34679ACDEFGHJKMNPQRTUVWXY"

const codeGroups, groupLen = 3, 4

// NewCode draws a receipt code such as "7KMR-X3QD-94HT" from crypto/rand (rejection sampling: no bias).
func NewCode() string {
	var b strings.Builder
	buf := make([]byte, 1)
	for i := 0; i < codeGroups*groupLen; {
		if _, err := rand.Read(buf); err != nil {
			panic("requests: crypto/rand failed: " + err.Error())
		}
		if int(buf[0]) >= 256/len(symbols)*len(symbols) {
			continue
		}
		if i > 0 && i%groupLen == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(symbols[int(buf[0])%len(symbols)])
		i++
	}
	return b.String()
}

// ParseCode reads a code as people type it (lower case, spaces or no hyphens) into its canonical form;
// ok is false when it cannot be one of ours.
func ParseCode(s string) (string, bool) {
	var raw []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ':
			continue
		case r < 128 && strings.IndexByte(symbols, byte(r)) >= 0:
			raw = append(raw, byte(r))
		default:
			return "", false
		}
		if len(raw) > codeGroups*groupLen {
			return "", false
		}
	}
	if len(raw) != codeGroups*groupLen {
		return "", false
	}
	return string(raw[0:4]) + "-" + string(raw[4:8]) + "-" + string(raw[8:12]), true
}
