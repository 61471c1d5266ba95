package apitest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
)

// CheckedByDesk are the documented paths whose answers the desk package's TestRequestAnswersMatchOpenAPI
// checks (they need a request key, a place that takes requests, and POST bodies); the public API's test
// leaves them to it.
var CheckedByDesk = map[string]bool{
	"/api/v1/providers/{id}/request-types": true, "/api/v1/providers/{id}/slots": true, "/api/v1/requests": true,
	"/api/v1/requests/{code}/status": true, "/api/v1/requests/{code}/withdraw": true, "/api/v1/requests/{code}/export": true,
}

// SchemaChecker validates JSON values against the subset of OpenAPI 3.0 schemas the public document
// uses: $ref, allOf, oneOf, type, nullable, properties, required, additionalProperties, items, enum,
// minimum/maximum, minItems/maxItems, minLength/maxLength, pattern, format (uuid, date, date-time).
// It is strict where it matters: a property the schema does not list is an error, so a field added to
// an answer without its documentation (or a private field leaking) fails the test.
type SchemaChecker struct {
	Doc map[string]any
}

func (sc SchemaChecker) resolve(s map[string]any) map[string]any {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		node := any(sc.Doc)
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = node.(map[string]any)[part]
		}
		s = node.(map[string]any)
	}
}

// Check lists where v, found at path, departs from schema.
func (sc SchemaChecker) Check(path string, v any, schema map[string]any) []string {
	s := sc.resolve(schema)
	if all, ok := s["allOf"].([]any); ok {
		if v == nil && s["nullable"] == true {
			return nil
		}
		var errs []string
		for _, sub := range all {
			errs = append(errs, sc.Check(path, v, sub.(map[string]any))...)
		}
		return errs
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range one {
			if len(sc.Check(path, v, sub.(map[string]any))) == 0 {
				n++
			}
		}
		if n != 1 {
			return []string{fmt.Sprintf("%s: matches %d of oneOf", path, n)}
		}
		return nil
	}
	if v == nil {
		if s["nullable"] == true {
			return nil
		}
		return []string{path + ": null but not nullable"}
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || fmt.Sprint(e) == fmt.Sprint(v)
		}
		if !found {
			fail("%v not in %v", v, enum)
		}
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			fail("not an object")
			break
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := obj[r]; !ok {
				fail("required %q missing", r)
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, sc.Check(path+"."+k, obj[k], ps)...)
			} else if s["additionalProperties"] == false {
				fail("property %q not in the schema", k)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			fail("not an array")
			break
		}
		if m, ok := s["minItems"].(float64); ok && float64(len(arr)) < m {
			fail("%d items, minItems %v", len(arr), m)
		}
		if m, ok := s["maxItems"].(float64); ok && float64(len(arr)) > m {
			fail("%d items, maxItems %v", len(arr), m)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range arr {
				errs = append(errs, sc.Check(fmt.Sprintf("%s[%d]", path, i), it, items)...)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			fail("not a string")
			break
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
		switch s["format"] {
		case "uuid":
			if _, err := uuid.Parse(str); err != nil {
				fail("%q is not a uuid", str)
			}
		case "date":
			if _, err := time.Parse(time.DateOnly, str); err != nil {
				fail("%q is not a date", str)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, str); err != nil {
				fail("%q is not a date-time", str)
			}
		}
	case "number", "integer":
		n, ok := v.(float64)
		if !ok {
			fail("not a number")
			break
		}
		if s["type"] == "integer" && n != float64(int64(n)) {
			fail("%v is not an integer", n)
		}
		if m, ok := s["minimum"].(float64); ok && n < m {
			fail("%v below minimum %v", n, m)
		}
		if m, ok := s["maximum"].(float64); ok && n > m {
			fail("%v above maximum %v", n, m)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			fail("not a boolean")
		}
	}
	return errs
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// ResponseSchema is the schema of the answer to a path template, status and media type.
func (sc SchemaChecker) ResponseSchema(template, status string) (map[string]any, error) {
	path, ok := sc.Doc["paths"].(map[string]any)[template].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s not in the document", template)
	}
	op, _ := path["get"].(map[string]any)
	if op == nil {
		op, _ = path["post"].(map[string]any) // the request desk's paths
	}
	resp, ok := op["responses"].(map[string]any)[status].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: no %s answer documented", template, status)
	}
	resp = sc.resolve(resp)
	for _, mt := range []string{"application/json", "application/geo+json"} {
		if c, ok := resp["content"].(map[string]any)[mt].(map[string]any); ok {
			return c["schema"].(map[string]any), nil
		}
	}
	return nil, fmt.Errorf("%s %s: no JSON content", template, status)
}

// JSONValue decodes a JSON body into plain values for Check.
func JSONValue(b []byte) (any, error) {
	var v any
	err := json.Unmarshal(b, &v)
	return v, err
}
