package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// assets serves the embedded front end. Every file's ETag is its content hash, computed once at start, so a
// browser revalidates cheaply; nothing is listed and nothing outside the embedded tree can be named.
type assets struct {
	files map[string]asset // by path inside the site tree, e.g. "js/app.js"
}

type asset struct {
	body  []byte
	etag  string
	ctype string
}

func loadAssets(site fs.FS) (*assets, error) {
	a := &assets{files: map[string]asset{}}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		a.files[p] = asset{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: ctype}
		return nil
	})
	return a, err
}

// serve writes one file; missing files (and any path that is not a clean relative path) are 404.
func (a *assets) serve(c echo.Context, name string, maxAge time.Duration) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return echo.ErrNotFound
	}
	f, ok := a.files[name]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set("ETag", f.etag)
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(maxAge.Seconds())))
	http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(f.body))
	return nil
}

// page serves one HTML page of the site. Pages revalidate on every load so a new release shows at once.
func (a *assets) page(name string) echo.HandlerFunc {
	return func(c echo.Context) error {
		return a.serve(c, name, 0)
	}
}

// static serves /static/* from the site tree.
func (a *assets) static(c echo.Context) error {
	return a.serve(c, c.Param("*"), 5*time.Minute)
}
