package columns

// table is the alias lookup for one kind.
type table struct {
	fields  map[string]string // normalized alias -> canonical field
	dropped map[string]string // normalized alias -> reason
}

// lookup finds a normalized header, retrying without a trailing note.
func (t table) lookup(n string) (field, dropReason string, ok bool) {
	for {
		if r, ok := t.dropped[n]; ok {
			return "", r, true
		}
		if f, ok := t.fields[n]; ok {
			return f, "", true
		}
		var cut bool
		if n, cut = withoutNote(n); !cut {
			return "", "", false
		}
	}
}

var tables = buildTables()

// buildTables assembles each kind's table: the general place fields (not
// for lawyers), then the kind's own aliases, which take a header over from
// a general field when both claim it.
func buildTables() map[string]table {
	out := map[string]table{}
	for _, kind := range append([]string{Place}, Kinds...) {
		t := table{fields: map[string]string{}, dropped: map[string]string{}}
		if kind != "lawyer" {
			addAliases(t.fields, placeAliases)
		}
		addAliases(t.fields, kindAliases[kind])
		for reason, aliases := range personal {
			for _, a := range aliases {
				t.dropped[a] = reason
			}
		}
		if kind == "lawyer" {
			for reason, aliases := range lawyerPersonal {
				for _, a := range aliases {
					t.dropped[a] = reason
				}
			}
		}
		out[kind] = t
	}
	return out
}

func addAliases(dst map[string]string, src map[string][]string) {
	// A field the kind redefines loses its general aliases first, so that
	// e.g. a community adviser's "姓名" is no longer the point's name.
	for field := range src {
		for a, f := range dst {
			if f == field {
				delete(dst, a)
			}
		}
	}
	for field, aliases := range src {
		for _, a := range aliases {
			dst[a] = field
		}
	}
}
