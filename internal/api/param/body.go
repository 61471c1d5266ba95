package param

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/reply"
)

// JSON reads a JSON object body into v, strictly: the content type must say JSON (a cross-site HTML
// form cannot send that without a CORS preflight, which admin routes never grant), unknown fields are
// refused by name, and there must be nothing after the object.
func JSON(c echo.Context, v any) error {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEApplicationJSON {
		return &reply.Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "请求体须为 JSON / the body must be application/json"}
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		var mbe *http.MaxBytesError
		if errors.As(err, &he) || errors.As(err, &mbe) {
			return echo.ErrStatusRequestEntityTooLarge
		}
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return reply.BadParam("body", "请求体只能有一个 JSON 对象 / one JSON object only")
	}
	return nil
}

// jsonError names the field a JSON decoding error is about, when it can.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return reply.BadParam(te.Field, "类型错误 / wrong type, want "+te.Type.String())
	}
	msg := err.Error()
	if f, ok := unknownField(msg); ok {
		return reply.BadParam(f, "未知字段 / unknown field")
	}
	return reply.BadParam("body", "JSON 无效 / invalid JSON")
}

func unknownField(msg string) (string, bool) {
	const prefix = "json: unknown field "
	if len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
		if f, err := strconv.Unquote(msg[len(prefix):]); err == nil {
			return f, true
		}
	}
	return "", false
}

// Page reads limit and offset for an admin list: limit 1-200 (default 50), offset >= 0.
func Page(c echo.Context) (limit, offset int, err error) {
	limit, offset = 50, 0
	if s := c.QueryParam("limit"); s != "" {
		n, perr := strconv.Atoi(s)
		if perr != nil || n < 1 {
			return 0, 0, reply.BadParam("limit", "须为正整数 / want a whole number of at least 1")
		}
		limit = min(n, 200)
	}
	if s := c.QueryParam("offset"); s != "" {
		n, perr := strconv.Atoi(s)
		if perr != nil || n < 0 || n > 1_000_000 {
			return 0, 0, reply.BadParam("offset", "须为非负整数 / want a whole number of at least 0")
		}
		offset = n
	}
	return limit, offset, nil
}
