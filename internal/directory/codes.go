package directory

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// creditCodeChars is the alphabet of GB 32100-2015, the unified social credit code: digits and capitals
// without I, O, Z, S and V. A character's value is its index.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidCreditCode reports whether s is an 18-character unified social credit code (统一社会信用代码,
// GB 32100-2015) whose check character matches: registration authority and type, a 6-digit division
// code, the 9-character organisation code, then the check character 31 - (Σ value·weight mod 31).
// Full-width characters, lower case and surrounding spaces are forgiven.
func ValidCreditCode(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(norm.NFKC.String(s)))
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(creditCodeChars, s[i])
		if v < 0 || (i >= 2 && i < 8 && v > 9) {
			return false
		}
		if i < 17 {
			sum += v * creditCodeWeights[i]
		} else {
			return v == (31-sum%31)%31
		}
	}
	return false
}

// ValidLawyerLicence reports whether s looks like a lawyer's practising certificate number (律师执业证号):
// 17 digits. Full-width digits and surrounding spaces are forgiven.
func ValidLawyerLicence(s string) bool {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if len(s) != 17 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
