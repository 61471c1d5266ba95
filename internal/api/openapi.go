package api

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openapiDoc is the OpenAPI 3 document of the public API. It is kept true by TestResponsesMatchOpenAPI,
// which checks real answers of every endpoint against it.
//
//go:embed openapi.json
var openapiDoc []byte

var openapiETag = func() string {
	sum := sha256.Sum256(openapiDoc)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}()

func (q *publicAPI) openapi(c echo.Context) error {
	h := c.Response().Header()
	h.Set("ETag", openapiETag)
	h.Set("Cache-Control", "public, max-age=3600")
	if etagMatches(c.Request().Header.Get("If-None-Match"), openapiETag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openapiDoc)
}
