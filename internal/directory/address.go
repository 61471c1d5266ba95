package directory

import "slices"

// RepeatedPlace returns a place name an address writes twice in a row (深圳市深圳市福田区…, 福田区福田区…),
// as lists merged from two columns often do, or "" when there is none: of two to ten characters ending in
// a place suffix (市, 区, 街道 …), the one that starts first (the shortest of those). It runs on every row
// of an import: both copies end in the same suffix, so only pairs of equal suffixes are compared, and the
// runes of a usual address stay on the stack.
func RepeatedPlace(address string) string {
	var buf [128]rune
	var at [32]int
	rs, ends := buf[:0], at[:0] // ends: positions of the suffix characters
	for _, r := range address {
		switch r {
		case '省', '市', '区', '县', '镇', '乡', '道':
			ends = append(ends, len(rs))
		}
		rs = append(rs, r)
	}
	start, end := -1, -1
	for i, a := range ends {
		for _, b := range ends[i+1:] {
			n := b - a // the name's length: its first copy ends at a, the second at b
			if n > 10 {
				break
			}
			s := a + 1 - n
			if n < 2 || s < 0 || rs[a] != rs[b] || (start >= 0 && (s > start || s == start && a+1 > end)) {
				continue
			}
			if slices.Equal(rs[s:a+1], rs[a+1:b+1]) {
				start, end = s, a+1
			}
		}
	}
	if start < 0 {
		return ""
	}
	return string(rs[start:end])
}
