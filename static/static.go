// Package static embeds the web pages (citizen map, widget, builder, admin) and the front-end libraries in
// site/vendor, so the binary serves everything itself: no CDN. site/vendor is committed (copied from npm's
// node_modules by scripts/copy-vendor.sh, held to it by test/vendor.test.js), so a plain `go build` or
// `go install` makes a binary whose map works.
package static

import (
	"embed"
	"io/fs"
)

//go:embed all:site
var files embed.FS

// Site is the tree served: index.html, embed.html, builder.html, admin.html, js/, css/, i18n/, vendor/.
func Site() fs.FS {
	sub, err := fs.Sub(files, "site")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}
