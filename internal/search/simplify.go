package search

import (
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Traditional characters (離婚, 遺囑公證, 勞動合同法) are read as simplified ones, on both sides: the index
// holds the simplified form of a record's names and text, and a query is converted before it is analysed.
// The conversion is OpenCC's (github.com/longbridgeapp/opencc, Apache-2.0, its dictionaries embedded), phrase
// first and character next, so 乾隆 stays and 頭髮 becomes 头发.

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
	// traditional is traditionalChars as a set: most text (all of a simplified directory) holds none, and
	// the converter walks its dictionaries through every text, too costly for every name and address indexed.
	traditional map[rune]bool
)

func converter() *opencc.OpenCC {
	t2sOnce.Do(func() {
		traditional = make(map[rune]bool, len(traditionalChars)/3)
		for _, r := range traditionalChars {
			traditional[r] = true
		}
		cc, err := opencc.New("t2s")
		if err == nil {
			t2s = cc
		}
	})
	return t2s
}

// Simplify converts traditional Chinese in s to simplified; text without Han characters, or that the
// converter cannot read, is returned as it is.
func Simplify(s string) string {
	cc := converter()
	if cc == nil || !hasTraditional(s) {
		return s
	}
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}

func hasTraditional(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && traditional[r] {
			return true
		}
	}
	return false
}
