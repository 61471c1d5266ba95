package directory

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The tokens of opening-hours text and the words that make them. hours_lex.go turns text into tokens,
// hours_parse.go reads them.

type tokKind uint8

const (
	tDays     tokKind = iota + 1 // weekdays: a mask; day >= 0 when the word names one day
	tTime                        // a clock time
	tSpan                        // a whole span from one word (朝九晚五)
	tDash                        // range: - ~ 至 到 to
	tList                        // , 、 / and 和 及
	tClause                      // ; 。 newline
	tMark                        // 上午/中午/下午/晚上: how to read the hours that follow
	tNextDay                     // 次日: the time that follows is on the next day
	tClosed                      // 休息, 除外, closed
	tExcept                      // 除, except: what follows is excluded
	tInclude                     // 含, 包括: what follows is included
	tHoliday                     // 节假日, holidays
	tOpenWord                    // 照常, 营业, open: "open as usual" when said of holidays
	tAllDay                      // 24小时, 全天
	tLunch                       // 午休
	tUnknown                     // text not understood
)

// Marks: how a clock time written with 上午/下午 or am/pm is read.
const (
	markNone = iota
	markMorning
	markNoon
	markAfternoon
)

type token struct {
	kind   tokKind
	days   uint8  // tDays: bit d set for day d (0 = Monday)
	day    int    // tDays: the one day named, or -1 for a set such as 工作日
	min    int    // tTime: minutes since midnight as written; tMark: the mark
	suffix int    // tTime: markMorning (am) or markAfternoon (pm) written after it
	unit   bool   // tTime: written as a time (9:00, 9点, 9am), not a bare number
	hhmm   bool   // tTime: written as four digits (0900): only a range of two such is read as times
	span   Span   // tSpan
	text   string // the text the token was read from
}

const (
	allDays = uint8(0x7f)
	monFri  = uint8(0x1f)
	weekend = uint8(0x60)
)

func dayTok(d int) token    { return token{kind: tDays, days: 1 << d, day: d} }
func daysTok(m uint8) token { return token{kind: tDays, days: m, day: -1} }
func kindTok(k tokKind) token {
	return token{kind: k}
}
func markTok(m int) token { return token{kind: tMark, min: m} }

// words are matched at any position, longest first. A nil token list means: skip the word.
var words = sortedWords(map[string][]token{
	"工作日": {daysTok(monFri)}, "周末": {daysTok(weekend)}, "双休日": {daysTok(weekend)},
	"每天": {daysTok(allDays)}, "每日": {daysTok(allDays)}, "天天": {daysTok(allDays)}, "全周": {daysTok(allDays)},
	"7天": {daysTok(allDays)}, "七天": {daysTok(allDays)}, "一周七天": {daysTok(allDays)}, "每周七天": {daysTok(allDays)},
	"全年":   {daysTok(allDays)},
	"全年无休": {daysTok(allDays), kindTok(tHoliday), kindTok(tOpenWord)},
	"365天": {daysTok(allDays), kindTok(tHoliday), kindTok(tOpenWord)},

	"国家法定节假日": {kindTok(tHoliday)}, "法定节假日": {kindTok(tHoliday)}, "法定假日": {kindTok(tHoliday)},
	"法定节日": {kindTok(tHoliday)}, "节假日": {kindTok(tHoliday)}, "公众假期": {kindTok(tHoliday)},
	"节日": {kindTok(tHoliday)}, "假日": {kindTok(tHoliday)}, "假期": {kindTok(tHoliday)},

	"休息": {kindTok(tClosed)}, "不办公": {kindTok(tClosed)}, "不开放": {kindTok(tClosed)}, "不营业": {kindTok(tClosed)},
	"不对外": {kindTok(tClosed)}, "闭馆": {kindTok(tClosed)}, "关闭": {kindTok(tClosed)}, "关门": {kindTok(tClosed)},
	"停止办公": {kindTok(tClosed)}, "暂停": {kindTok(tClosed)}, "除外": {kindTok(tClosed)}, "休": {kindTok(tClosed)},
	"除": {kindTok(tExcept)}, "含": {kindTok(tInclude)}, "包括": {kindTok(tInclude)}, "包含": {kindTok(tInclude)},

	"照常": {kindTok(tOpenWord)}, "正常": {kindTok(tOpenWord)}, "无休": {kindTok(tOpenWord)}, "不休": {kindTok(tOpenWord)},
	"不打烊": {kindTok(tOpenWord)}, "营业": {kindTok(tOpenWord)}, "开放": {kindTok(tOpenWord)}, "办公": {kindTok(tOpenWord)},
	"上班": {kindTok(tOpenWord)}, "服务": {kindTok(tOpenWord)}, "接待": {kindTok(tOpenWord)}, "工作": {kindTok(tOpenWord)},
	"开门": {kindTok(tOpenWord)}, "对外": {kindTok(tOpenWord)},

	"午休": {kindTok(tLunch)}, "午间休息": {kindTok(tLunch)}, "中午休息": {kindTok(tLunch)},

	"上午": {markTok(markMorning)}, "早上": {markTok(markMorning)}, "早晨": {markTok(markMorning)},
	"清晨": {markTok(markMorning)}, "凌晨": {markTok(markMorning)}, "早": {markTok(markMorning)},
	"中午": {markTok(markNoon)}, "午间": {markTok(markNoon)},
	"下午": {markTok(markAfternoon)}, "午后": {markTok(markAfternoon)}, "晚上": {markTok(markAfternoon)},
	"晚间": {markTok(markAfternoon)}, "夜间": {markTok(markAfternoon)}, "傍晚": {markTok(markAfternoon)},
	"夜晚": {markTok(markAfternoon)}, "晚": {markTok(markAfternoon)},
	"次日": {kindTok(tNextDay)}, "第二天": {kindTok(tNextDay)}, "翌日": {kindTok(tNextDay)},

	"7x24小时": {daysTok(allDays), kindTok(tAllDay)}, "7×24小时": {daysTok(allDays), kindTok(tAllDay)},
	"7*24小时": {daysTok(allDays), kindTok(tAllDay)}, "7x24": {daysTok(allDays), kindTok(tAllDay)},
	"7×24": {daysTok(allDays), kindTok(tAllDay)}, "7*24": {daysTok(allDays), kindTok(tAllDay)},
	"24/7": {daysTok(allDays), kindTok(tAllDay)}, "24小时": {kindTok(tAllDay)}, "二十四小时": {kindTok(tAllDay)},
	"全天候": {kindTok(tAllDay)}, "全天": {kindTok(tAllDay)}, "全日": {kindTok(tAllDay)}, "整天": {kindTok(tAllDay)},

	"朝九晚五": {{kind: tSpan, span: Span{540, 1020}}}, "早九晚五": {{kind: tSpan, span: Span{540, 1020}}},
	"朝九晚六": {{kind: tSpan, span: Span{540, 1080}}}, "早九晚六": {{kind: tSpan, span: Span{540, 1080}}},

	"至": {kindTok(tDash)}, "到": {kindTok(tDash)}, "和": {kindTok(tList)}, "及": {kindTok(tList)},
	"与": {kindTok(tList)}, "以及": {kindTok(tList)},

	// Labels and filler that carry nothing for the schedule.
	"办公时间": nil, "服务时间": nil, "工作时间": nil, "营业时间": nil, "开放时间": nil, "接待时间": nil,
	"咨询时间": nil, "受理时间": nil, "时间": nil, "时段": nil, "窗口": nil, "受理": nil, "咨询": nil,
	"均": nil, "都": nil, "为": nil, "是": nil, "的": nil, "每": nil, "在内": nil,
	"外": {kindTok(tClause)}, // 除周一外: ends what is excluded
})

// english words, matched as whole words. Multi-word phrases are folded into one word by englishPhrases.
var english = map[string][]token{
	"mon": {dayTok(0)}, "monday": {dayTok(0)}, "mondays": {dayTok(0)},
	"tue": {dayTok(1)}, "tues": {dayTok(1)}, "tuesday": {dayTok(1)}, "tuesdays": {dayTok(1)},
	"wed": {dayTok(2)}, "weds": {dayTok(2)}, "wednesday": {dayTok(2)}, "wednesdays": {dayTok(2)},
	"thu": {dayTok(3)}, "thur": {dayTok(3)}, "thurs": {dayTok(3)}, "thursday": {dayTok(3)}, "thursdays": {dayTok(3)},
	"fri": {dayTok(4)}, "friday": {dayTok(4)}, "fridays": {dayTok(4)},
	"sat": {dayTok(5)}, "saturday": {dayTok(5)}, "saturdays": {dayTok(5)},
	"sun": {dayTok(6)}, "sunday": {dayTok(6)}, "sundays": {dayTok(6)},
	"weekdays": {daysTok(monFri)}, "weekday": {daysTok(monFri)}, "weekends": {daysTok(weekend)},
	"weekend": {daysTok(weekend)}, "daily": {daysTok(allDays)}, "everyday": {daysTok(allDays)},
	"to": {kindTok(tDash)}, "through": {kindTok(tDash)}, "thru": {kindTok(tDash)}, "till": {kindTok(tDash)},
	"until": {kindTok(tDash)}, "and": {kindTok(tList)},
	"closed": {kindTok(tClosed)}, "except": {kindTok(tExcept)}, "excluding": {kindTok(tExcept)},
	"including": {kindTok(tInclude)}, "incl": {kindTok(tInclude)},
	"holidays": {kindTok(tHoliday)}, "holiday": {kindTok(tHoliday)},
	"lunch": {kindTok(tLunch)}, "am": {markTok(markMorning)}, "pm": {markTok(markAfternoon)},
	"open": {kindTok(tOpenWord)}, "opening": nil, "hours": nil, "hour": nil, "office": nil, "from": nil,
	"on": nil, "at": nil, "the": nil, "is": nil, "are": nil, "public": nil, "bank": nil, "national": nil,
	"statutory": nil, "break": nil, "times": nil, "time": nil, "service": nil,
}

var englishPhrases = strings.NewReplacer(
	"every day", "daily", "7 days a week", "daily", "seven days a week", "daily", "24 hours", "24h",
	"24hours", "24h", "24 hrs", "24h", "24hrs", "24h", "working days", "weekdays", "business days", "weekdays",
	"a.m.", "am", "p.m.", "pm", "a.m", "am", "p.m", "pm",
)

// dashes are the many range marks people type; all become "-".
var dashes = strings.NewReplacer("—", "-", "–", "-", "―", "-", "‐", "-", "‑", "-", "−", "-", "〜", "-",
	"~", "-", "－", "-")

type word struct {
	text []rune
	toks []token
	// boundary: the word must not run on into letters or digits ("24h" is not the start of "24hx").
	boundary bool
}

// sortedWords indexes the words by their first rune, longest first, so the longest word wins.
func sortedWords(m map[string][]token) map[rune][]word {
	ws := map[rune][]word{}
	add := func(w word) { ws[w.text[0]] = append(ws[w.text[0]], w) }
	for k, v := range m {
		add(word{text: []rune(k), toks: v})
	}
	add(word{text: []rune("24h"), toks: []token{kindTok(tAllDay)}, boundary: true})
	for _, list := range ws {
		slices.SortFunc(list, func(a, b word) int {
			if len(a.text) != len(b.text) {
				return len(b.text) - len(a.text)
			}
			return strings.Compare(string(a.text), string(b.text))
		})
	}
	return ws
}

// normalizeHours folds full-width forms (NFKC: ９：００ -> 9:00, ，-> ,), case, dashes and English phrases.
func normalizeHours(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return englishPhrases.Replace(dashes.Replace(s))
}
