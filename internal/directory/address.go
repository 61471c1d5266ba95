package directory

import "slices"

// RepeatedPlace returns a place name an address writes twice in a row (深圳市深圳市福田区…, 福田区福田区…),
// as lists merged from two columns often do, or "" when there is none. It runs on every row of an import:
// the runes of a usual address stay on the stack and only a repeat found becomes a string.
func RepeatedPlace(address string) string {
	var buf [128]rune
	rs := buf[:0]
	for _, r := range address {
		rs = append(rs, r)
	}
	for start := 0; start < len(rs); start++ {
		for end := start + 2; end <= start+10 && end <= len(rs); end++ {
			switch rs[end-1] {
			case '省', '市', '区', '县', '镇', '乡', '道':
			default:
				continue
			}
			n := end - start
			if end+n <= len(rs) && slices.Equal(rs[start:end], rs[end:end+n]) {
				return string(rs[start:end])
			}
		}
	}
	return ""
}
