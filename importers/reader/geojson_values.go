package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
)

// Python's json module writes bare NaN and Infinity, which are not JSON.
// nanFilter rewrites them (outside strings) into sentinel strings so that
// one bad coordinate is a row error instead of a broken file.
const (
	sentinelNaN    = "\x00NaN"
	sentinelInf    = "\x00Infinity"
	sentinelNegInf = "\x00-Infinity"
)

type nanFilter struct {
	br    *bufio.Reader
	pend  []byte
	inStr bool
	esc   bool
}

func newNaNFilter(r io.Reader) *nanFilter { return &nanFilter{br: bufio.NewReaderSize(r, 64<<10)} }

func (n *nanFilter) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) {
		if len(n.pend) > 0 {
			k := copy(p[w:], n.pend)
			n.pend, w = n.pend[k:], w+k
			continue
		}
		if n.br.Buffered() == 0 {
			if w > 0 {
				return w, nil // hand over what we have rather than block
			}
			if _, err := n.br.Peek(1); err != nil {
				return 0, err
			}
		}
		// Copy plain bytes straight from the buffer; stop at a possible token.
		buf, _ := n.br.Peek(n.br.Buffered())
		k := 0
		for ; k < len(buf) && w < len(p); k++ {
			c := buf[k]
			if n.inStr {
				switch {
				case n.esc:
					n.esc = false
				case c == '\\':
					n.esc = true
				case c == '"':
					n.inStr = false
				}
			} else if c == 'N' || c == 'I' || c == '-' {
				break
			} else if c == '"' {
				n.inStr = true
			}
			p[w] = c
			w++
		}
		n.br.Discard(k)
		if k == len(buf) || w == len(p) {
			continue
		}
		c, _ := n.br.ReadByte()
		switch {
		case c == 'N' && n.ahead("aN"):
			n.pend = []byte(`"\u0000NaN"`)
		case c == 'I' && n.ahead("nfinity"):
			n.pend = []byte(`"\u0000Infinity"`)
		case c == '-' && n.ahead("Infinity"):
			n.pend = []byte(`"\u0000-Infinity"`)
		default:
			p[w] = c
			w++
		}
	}
	return w, nil
}

// ahead consumes s if it is what comes next.
func (n *nanFilter) ahead(s string) bool {
	b, _ := n.br.Peek(len(s))
	if string(b) != s {
		return false
	}
	n.br.Discard(len(s))
	return true
}

// feature is one feature taken apart; every part is checked by hand so
// that a bad feature is a row error, not a broken file.
type feature struct {
	typ, geometry []byte // raw JSON; nil when absent
	keys, vals    []string
	notObject     bool // the feature is not a JSON object
	propsBad      bool // properties is neither an object nor null
	tooMany       bool // more than maxColumns properties
}

func parseFeature(raw []byte) (feature, error) {
	var f feature
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		f.notObject = true
		return f, nil
	}
	var props []byte
	err := members(raw, func(key string, val []byte) {
		switch key {
		case "type":
			f.typ = val
		case "geometry":
			f.geometry = val
		case "properties":
			props = val
		}
	})
	if err != nil || props == nil || string(props) == "null" {
		return f, err
	}
	if props[0] != '{' {
		f.propsBad = true
		return f, nil
	}
	seen := map[string]bool{}
	err = members(props, func(key string, val []byte) {
		if seen[key] {
			return // a repeated key: the first one stands
		}
		if len(f.keys) >= maxColumns {
			f.tooMany = true
			return
		}
		seen[key] = true
		f.keys = append(f.keys, key)
		f.vals = append(f.vals, propText(val))
	})
	return f, err
}

// propText renders a raw property value as a cell: numbers keep their
// literal text, null and NaN are empty, arrays of plain values are joined
// with ';' (as a phone list would be written in a CSV), objects stay JSON.
func propText(val []byte) string {
	switch val[0] {
	case '"':
		s := unquote(val)
		if s == sentinelNaN || s == sentinelInf || s == sentinelNegInf {
			return ""
		}
		return s
	case 'n':
		return ""
	case '[', '{':
		dec := json.NewDecoder(bytes.NewReader(val))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			return "\uFFFD"
		}
		return anyText(v)
	}
	return string(val) // a number, true or false as written
}

func anyText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		if v == sentinelNaN || v == sentinelInf || v == sentinelNegInf {
			return ""
		}
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			switch e.(type) {
			case []any, map[string]any:
				return plainJSON(v)
			}
			parts = append(parts, anyText(e))
		}
		return strings.Join(parts, ";")
	}
	return plainJSON(v)
}

func plainJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // text stays as received; escaping is the output's job
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// pointCoords checks a feature's geometry and returns its coordinates, or
// the reason it is unusable.
func pointCoords(raw []byte) ([]float64, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, "没有几何（geometry 为空）/ null or missing geometry"
	}
	var typ, coords []byte
	if raw[0] != '{' || members(raw, func(key string, val []byte) {
		switch key {
		case "type":
			typ = val
		case "coordinates":
			coords = val
		}
	}) != nil {
		return nil, "geometry 不是对象 / geometry is not an object"
	}
	if string(typ) != `"Point"` {
		if typ == nil {
			typ = []byte("null")
		}
		return nil, "几何类型不是 Point（只接受点）/ geometry type is not Point (only points are accepted): " + string(typ)
	}
	var out []float64
	why := ""
	if coords == nil || coords[0] != '[' || elements(coords, func(v []byte) {
		if why != "" {
			return
		}
		switch {
		case v[0] == '"':
			s := unquote(v)
			if s == sentinelNaN || s == sentinelInf || s == sentinelNegInf || isNaNText(s) {
				why = "坐标不是有限数（NaN/Infinity）/ coordinate is not a finite number (NaN/Infinity)"
			} else {
				why = "坐标不是数字（是字符串）/ coordinate is a string, not a number"
			}
		case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				why = "坐标不是有限数 / coordinate is not a finite number: " + string(v)
			}
			out = append(out, f)
		default:
			why = "坐标不是数字 / coordinate is not a number: " + string(v)
		}
	}) != nil {
		return nil, "coordinates 不是数组 / coordinates is not an array"
	}
	if why != "" {
		return nil, why
	}
	if len(out) < 2 || len(out) > 3 {
		return nil, "坐标须为 2 或 3 个数 / a position must have 2 or 3 numbers"
	}
	return out, ""
}

func isNaNText(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "nan" || s == "inf" || s == "-inf" || s == "infinity" || s == "-infinity"
}
