package reader

import (
	"encoding/json"
	"errors"
	"io"
)

// collection walks the top level of a FeatureCollection with a streaming
// decoder; members may come in any order.
type collection struct {
	dec         *json.Decoder
	typ         string
	crs         string
	sawFeatures bool
	inFeatures  bool
	started     bool
	finished    bool
	n           int
}

func newCollection(r io.Reader) *collection {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	return &collection{dec: dec}
}

func (c *collection) syntax(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fileErrorf("JSON 无效或被截断（第 %d 个要素附近）/ invalid or truncated JSON near feature %d: %v", c.n+1, c.n+1, err)
}

// advance reads top-level members until it stands inside the features
// array or at the end of the document.
func (c *collection) advance() error {
	if !c.started {
		c.started = true
		tok, err := c.dec.Token()
		if err != nil {
			return c.syntax(err)
		}
		if tok != json.Delim('{') {
			return fileErrorf("GeoJSON 不是 JSON 对象 / GeoJSON is not a JSON object")
		}
	}
	for c.dec.More() {
		tok, err := c.dec.Token()
		if err != nil {
			return c.syntax(err)
		}
		key, _ := tok.(string)
		switch key {
		case "type":
			var v any
			if err := c.dec.Decode(&v); err != nil {
				return c.syntax(err)
			}
			c.typ, _ = v.(string)
			if c.typ != "FeatureCollection" {
				return fileErrorf("GeoJSON 的 type 是 %s，不是 FeatureCollection / GeoJSON type is %s, not a FeatureCollection", plainJSON(v), plainJSON(v))
			}
		case "crs":
			var raw json.RawMessage
			if err := c.dec.Decode(&raw); err != nil {
				return c.syntax(err)
			}
			if c.crs, err = crsName(raw); err != nil {
				return err
			}
		case "features":
			if c.sawFeatures {
				return fileErrorf("GeoJSON 有两个 features 成员 / GeoJSON has two features members")
			}
			tok, err := c.dec.Token()
			if err != nil {
				return c.syntax(err)
			}
			if tok != json.Delim('[') {
				return fileErrorf("features 不是数组 / features is not an array")
			}
			c.sawFeatures, c.inFeatures = true, true
			return nil
		default:
			if err := skipValue(c.dec); err != nil {
				return c.syntax(err)
			}
		}
	}
	if _, err := c.dec.Token(); err != nil { // the closing '}'
		return c.syntax(err)
	}
	if _, err := c.dec.Token(); err != io.EOF {
		return fileErrorf("GeoJSON 对象之后还有多余内容 / trailing data after the GeoJSON object")
	}
	c.finished = true
	return nil
}

// next returns the next feature's JSON text (checked for syntax), or false
// at the end of the document.
func (c *collection) next() (json.RawMessage, bool, error) {
	for !c.finished {
		if c.inFeatures {
			if c.dec.More() {
				var raw json.RawMessage
				err := c.dec.Decode(&raw)
				c.n++
				if err != nil {
					return nil, false, c.syntax(err)
				}
				return raw, true, nil
			}
			if _, err := c.dec.Token(); err != nil { // the closing ']'
				return nil, false, c.syntax(err)
			}
			c.inFeatures = false
		}
		if err := c.advance(); err != nil {
			return nil, false, err
		}
	}
	return nil, false, nil
}

// skipValue consumes one JSON value token by token, holding no copy of it.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
