// Package static embeds the web pages (citizen map, widget, builder, admin) and the front-end libraries that
// `make` copies from npm's node_modules into site/vendor, so the binary serves everything itself: no CDN.
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
