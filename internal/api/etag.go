package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// answerFormat names the shape of the public answers; it is part of every ETag so that a release that
// changes the shape is not answered with 304 from a client's old copy.
const answerFormat = "a1"

// conditional ties a public GET to the directory's data version: it sets ETag and Cache-Control, and
// answers 304 (returning true) when the request's If-None-Match holds the current tag. Handlers call it
// after their parameters are checked, so a bad request costs no database work at all, and before they
// read the data, so the tag is never newer than the body it labels.
//
// Answers that say "open now" change with the clock too: for them the tag also holds the current minute
// and browsers keep them briefly. When the version cannot be read the answer goes out untagged (the
// handler then meets the same fault and says so).
func (q *publicAPI) conditional(c echo.Context, withClock bool) bool {
	v, err := q.versions.Get(reqCtx(c))
	if err != nil {
		return false
	}
	tag := `W/"` + answerFormat + "-" + strconv.FormatInt(v, 10)
	maxAge := "public, max-age=300"
	if withClock {
		tag += "-" + strconv.FormatInt(q.now().Unix()/60, 36)
		maxAge = "public, max-age=30"
	}
	tag += `"`
	h := c.Response().Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", maxAge)
	if etagMatches(c.Request().Header.Get("If-None-Match"), tag) {
		c.Response().WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// uncacheErrors keeps error answers out of caches: a 503 kept by a proxy would outlive the outage.
func uncacheErrors(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if err != nil {
			noStore(c)
		}
		return err
	}
}

// etagMatches is the weak comparison of RFC 9110 for If-None-Match: a list of tags, or *.
func etagMatches(header, tag string) bool {
	if header == "" {
		return false
	}
	want := strings.TrimPrefix(tag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// noStore marks an answer that must not be kept (it was built from data known to be behind).
func noStore(c echo.Context) {
	h := c.Response().Header()
	h.Del("ETag")
	h.Set("Cache-Control", "no-store")
}
