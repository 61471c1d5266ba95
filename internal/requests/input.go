package requests

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FieldError is a citizen's input that cannot be used, naming the field; the API answers it with 400.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string     { return e.Field + ": " + e.Message }
func (e *FieldError) FieldName() string { return e.Field }

func fieldErr(field, msg string) *FieldError { return &FieldError{Field: field, Message: msg} }

// Limits of the form's fields, in characters.
const (
	MaxName    = 40
	MaxMatter  = 100
	MaxMessage = 1000
	MaxReply   = 2000
)

// Input is what a citizen sends to make a request, as received.
type Input struct {
	ProviderID string `json:"provider_id"`
	Type       string `json:"type"`
	Name       string `json:"name"`
	Phone      string `json:"phone"`
	Matter     string `json:"matter"`
	Message    string `json:"message"`
	Slot       string `json:"slot"`
	Consent    bool   `json:"consent"`
	// Website is the honeypot: a field people never see (hidden from them and from screen readers) that
	// form-filling robots fill in.
	Website string `json:"website"`
	Lang    string `json:"lang"`
}

// Checked is an Input after Check: trimmed, normalised and within limits.
type Checked struct {
	Type       Type
	Name       string
	Phone      string // 11 digits
	Matter     string // a practice-area code, or ""
	MatterText string // what the citizen wrote when it is not a code
	Message    string
	Slot       time.Time // zero unless the type books a slot
}

// ErrHoneypot is returned for a filled honeypot; the API answers as if all went well and stores nothing.
var ErrHoneypot = fieldErr("website", "robot")

// Check validates a citizen's input. isArea tells whether a word is a practice-area code and resolve maps
// everyday words (离婚, 欠薪) to one; both come from the vocabulary. The first bad field is returned.
func Check(in Input, isArea func(string) bool, resolve func(string) string) (Checked, error) {
	var c Checked
	if in.Website != "" {
		return c, ErrHoneypot
	}
	c.Type = Type(in.Type)
	if !c.Type.Valid() {
		return c, fieldErr("type", "须为 legal_aid_application、appointment 或 consultation / want legal_aid_application, appointment or consultation")
	}
	var err error
	if c.Name, err = line("name", in.Name, MaxName, true); err != nil {
		return c, err
	}
	if c.Phone, err = Mobile(in.Phone); err != nil {
		return c, err
	}
	matter, err := line("matter", in.Matter, MaxMatter, false)
	if err != nil {
		return c, err
	}
	switch {
	case matter == "":
	case isArea(matter):
		c.Matter = matter
	default:
		c.Matter = resolve(matter)
		c.MatterText = matter
	}
	if c.Message, err = text("message", in.Message, MaxMessage, c.Type == Consultation); err != nil {
		return c, err
	}
	if c.Type.NeedsSlot() {
		if in.Slot == "" {
			return c, fieldErr("slot", "请选择预约时段 / choose a slot")
		}
		t, perr := time.Parse(time.RFC3339, in.Slot)
		if perr != nil {
			return c, fieldErr("slot", "时段格式无效 / want a slot start such as 2026-10-12T09:00:00+08:00")
		}
		c.Slot = t
	} else if in.Slot != "" {
		return c, fieldErr("slot", "此类申请无需预约时段 / this request type takes no slot")
	}
	if !in.Consent {
		return c, fieldErr("consent", "须同意按所述目的和期限处理您的信息 / consent to the stated purpose and retention is required")
	}
	return c, nil
}

// Mobile reads a mainland mobile number (spaces, hyphens and +86 allowed) as its 11 digits.
func Mobile(s string) (string, error) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
		case r == '+' && b.Len() == 0:
		default:
			return "", fieldErr("phone", "手机号只能包含数字 / a mobile number has digits only")
		}
		if b.Len() > 20 {
			break
		}
	}
	d := b.String()
	d = strings.TrimPrefix(d, "0086")
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	}
	if len(d) != 11 || d[0] != '1' || d[1] < '3' {
		return "", fieldErr("phone", "请填写 11 位手机号 / want an 11-digit mobile number such as 13812345678")
	}
	return d, nil
}

// Last4 checks the four digits a citizen gives at the status page.
func Last4(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 4 {
		return "", false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return s, true
}

// line checks a one-line text field: valid UTF-8, no control or direction-override characters, within max
// characters after trimming.
func line(field, s string, max int, required bool) (string, error) {
	return text(field, strings.TrimSpace(s), max, required, '\n', '\r', '\t')
}

// text checks a text field that may span lines. banned are control characters refused in addition to the
// ones always refused.
func text(field, s string, max int, required bool, banned ...rune) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", fieldErr(field, "含无效字符 / not valid UTF-8")
	}
	if required && s == "" {
		return "", fieldErr(field, "必填 / required")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", fieldErr(field, "过长 / too long: at most "+strconv.Itoa(max)+" characters")
	}
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidiControl(r) || r == '\uFFFD' {
			return "", fieldErr(field, "含控制字符 / contains control characters")
		}
		for _, b := range banned {
			if r == b {
				return "", fieldErr(field, "只能一行 / one line only")
			}
		}
	}
	return s, nil
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F'
}

// CheckReply checks a staff reply.
func CheckReply(s string) (string, error) { return text("reply", s, MaxReply, true) }
