package auth

import (
	"regexp"
	"strings"
)

// InputError is a refused value of a named field (username, password, role, name); the HTTP layer shows it
// next to the field.
type InputError struct {
	Field  string
	Reason string
}

func (e *InputError) Error() string     { return e.Field + ": " + e.Reason }
func (e *InputError) FieldName() string { return e.Field }

// usernamePattern is the accounts table's own check, repeated here so a bad name is a clear message and
// not a constraint violation.
var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9._@-]{2,64}$`)

// CheckUsername refuses names the accounts table would refuse.
func CheckUsername(s string) error {
	if !usernamePattern.MatchString(s) {
		return &InputError{"username", "用户名须为 2-64 个字母、数字或 . _ @ - / a username is 2-64 letters, digits or . _ @ -"}
	}
	return nil
}

// CheckTokenName refuses an empty or overlong token name.
func CheckTokenName(s string) error {
	if n := len([]rune(strings.TrimSpace(s))); n == 0 || n > 100 {
		return &InputError{"name", "令牌名称须为 1-100 个字符 / a token name is 1-100 characters"}
	}
	return nil
}
