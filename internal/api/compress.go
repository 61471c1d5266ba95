package api

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"
)

// compress gzips answers of at least minLength bytes for clients that accept gzip, through klauspost's
// gzhttp (it holds an answer back until it knows its length or type, and streams long or flushed ones).
// Errors are written by Echo after the handler returns, on the plain writer: they go uncompressed.
func compress(minLength int, skip func(echo.Context) bool) echo.MiddlewareFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(minLength), gzhttp.CompressionLevel(gzip.BestSpeed))
	if err != nil {
		panic(err) // constant options: an error is a programming mistake
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if skip(c) {
				return next(c)
			}
			res := c.Response()
			plain := res.Writer
			var herr error
			wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				res.Writer = w
				defer func() { res.Writer = plain }() // a panic, too, is answered plainly by Recover
				herr = next(c)
			})).ServeHTTP(plain, c.Request())
			return herr
		}
	}
}
