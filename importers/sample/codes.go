package sample

import "fmt"

// creditAlphabet is the character set of the unified social credit code (GB 32100-2015): digits and
// capital letters without I, O, S, V and Z.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCode returns a well-formed 18-character unified social credit code: kind (e.g. "31" for a law firm,
// "12" for a public institution), the division code, a 9-character organisation code with its GB 11714 check
// character, and the GB 32100 check character. The codes are synthetic but pass the check digits, as real
// ones do; n makes them unique.
func creditCode(kind, division string, n uint64) string {
	body := make([]byte, 0, 18)
	body = append(body, kind...)
	body = append(body, division...)
	org := orgCode(n)
	body = append(body, org...)
	sum := 0
	w := 1
	for _, c := range body {
		sum += creditValue(c) * w
		w = w * 3 % 31
	}
	check := (31 - sum%31) % 31
	return string(append(body, creditAlphabet[check]))
}

// orgCode is an 8-character organisation code (MA prefix, then a base-31 count) and its check character.
func orgCode(n uint64) string {
	c := []byte("MA")
	digits := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		digits[i] = creditAlphabet[n%31]
		n /= 31
	}
	c = append(c, digits...)
	weights := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, ch := range c {
		sum += orgValue(ch) * weights[i]
	}
	switch check := 11 - sum%11; check {
	case 10:
		c = append(c, 'X')
	case 11:
		c = append(c, '0')
	default:
		c = append(c, byte('0'+check))
	}
	return string(c)
}

func creditValue(c byte) int {
	for i := 0; i < len(creditAlphabet); i++ {
		if creditAlphabet[i] == c {
			return i
		}
	}
	return 0
}

// orgValue: GB 11714 counts digits as themselves and letters from A = 10.
func orgValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int(c-'A') + 10
}

// lawyerLicence is a 17-digit practising certificate number: 1, the division 4403, the year first licensed,
// the category (1: full-time lawyer) and a seven-digit serial.
func lawyerLicence(year int, serial uint64) string {
	return fmt.Sprintf("14403%04d1%07d", year, serial%10_000_000)
}
