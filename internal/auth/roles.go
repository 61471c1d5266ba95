package auth

import "fmt"

// Role is what an account may do. Each role includes the ones before it.
type Role string

const (
	Viewer   Role = "viewer"   // read the admin pages, imports and history
	Editor   Role = "editor"   // also create, edit, withdraw, restore and verify records
	Importer Role = "importer" // also run imports
	Admin    Role = "admin"    // also manage accounts and tokens
)

// Roles lists the roles from least to most.
var Roles = []Role{Viewer, Editor, Importer, Admin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i + 1
		}
	}
	return 0
}

// Valid says whether r is one of the four roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast says whether r includes min. An unknown role includes nothing.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.Valid() {
		return "", fmt.Errorf("未知角色 / unknown role %q: want viewer, editor, importer or admin", s)
	}
	return r, nil
}
