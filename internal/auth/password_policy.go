package auth

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MinPasswordLen is the fewest characters (not bytes) a password may have.
const MinPasswordLen = 10

// maxPasswordBytes bounds what is hashed.
const maxPasswordBytes = 1024

// commonPasswordsText is the list of common passwords shipped with the binary; its header says where it
// comes from and under which licence.
//
//go:embed common_passwords.txt
var commonPasswordsText string

var commonPasswords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 12000)
	for _, l := range strings.Split(commonPasswordsText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// sequences are runs a trivial password is cut from: the alphabet, the digits (0 after 9 too) and the
// rows of a keyboard, each also read backwards.
var sequences = func() []string {
	fwd := []string{"abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
		"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp"}
	out := fwd
	for _, s := range fwd {
		r := []rune(s)
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		out = append(out, string(r))
	}
	return out
}()

func passwordError(reason string) error { return &InputError{"password", reason} }

// CheckPassword refuses a password that is too short (counted in characters), too long, trivial (one or
// a few characters repeated, a run of the alphabet, the digits or a keyboard row), common (in the shipped
// list, also with digits or symbols added at either end), or made from the username.
func CheckPassword(pw, username string) error {
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLen {
		return passwordError(fmt.Sprintf("密码至少 %d 个字符 / the password needs at least %d characters", MinPasswordLen, MinPasswordLen))
	}
	if len(pw) > maxPasswordBytes {
		return passwordError("密码过长 / the password is too long")
	}
	low := strings.ToLower(pw)
	distinct := map[rune]bool{}
	for _, r := range low {
		distinct[r] = true
	}
	if len(distinct) < 4 {
		return passwordError("密码过于简单（字符重复）/ the password is too simple: it repeats a few characters")
	}
	for _, s := range sequences {
		if strings.Contains(s, low) {
			return passwordError("密码过于简单（连续字符或键盘顺序）/ the password is too simple: a run of letters, digits or keys")
		}
	}
	if u := strings.ToLower(username); utf8.RuneCountInString(u) >= 3 && (strings.Contains(low, u) || strings.Contains(low, reverse(u))) {
		return passwordError("密码不能包含用户名 / the password must not contain the username")
	}
	core := strings.TrimFunc(low, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	if commonPasswords()[low] || (utf8.RuneCountInString(core) >= 4 && commonPasswords()[core]) {
		return passwordError("密码太常见，容易被猜中 / the password is too common and easily guessed")
	}
	return nil
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
