package config

import (
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Print writes the effective value of every variable, secrets hidden: a URL keeps its host and database but
// loses its password; a bare secret shows only whether it is set.
func Print(w io.Writer, getenv func(string) string) {
	for _, o := range options {
		v, origin := getenv(o.Env), "env"
		if v == "" {
			v, origin = o.Default, "default"
		}
		if o.Secret {
			v = hide(v)
		}
		fmt.Fprintf(w, "%-22s %-8s %s\n", o.Env, origin, v)
	}
}

// Markdown writes the options as the README's configuration table.
func Markdown(w io.Writer) {
	fmt.Fprintln(w, "| variable | default | meaning |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, o := range options {
		d := o.Default
		if o.Secret && d != "" {
			d = hide(d)
		}
		fmt.Fprintf(w, "| `%s` | `%s` | %s |\n", o.Env, strings.ReplaceAll(d, "|", `\|`), o.Help)
	}
}

func hide(v string) string {
	if v == "" {
		return ""
	}
	if u, err := url.Parse(v); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Redacted()
	}
	return "(set, hidden)"
}
