// Package schema embeds the numbered SQL migrations, so the binary carries the schema it needs.
package schema

import "embed"

// Migrations holds the files NNN_name.sql, applied in the order of their numbers.
//
//go:embed *.sql
var Migrations embed.FS
