package auth

import "fmt"

// Role is what an account may do. Each role includes the ones before it.
type Role string

const (
	Viewer   Role = "viewer"   // read the admin pages, imports and history
	Editor   Role = "editor"   // also create, edit, withdraw, restore and verify records
	Importer Role = "importer" // also run imports
	Admin    Role = "admin"    // also manage accounts and tokens

	// Staff is a place's staff: handles the citizens' requests of its places and sees nothing of the
	// bureau's pages. It stands outside the chain above: no bureau role includes it, it includes none.
	Staff Role = "staff"
	// Anyone is the least role of the routes every signed-in account uses (its own session).
	Anyone Role = "*"
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

// Valid says whether r is one of the four bureau roles or staff.
func (r Role) Valid() bool { return r.rank() > 0 || r == Staff }

// AtLeast says whether r includes min. An unknown role includes nothing; staff includes only itself.
func (r Role) AtLeast(min Role) bool {
	switch {
	case !r.Valid():
		return false
	case min == Anyone:
		return true
	case r == Staff || min == Staff:
		return r == min
	}
	return r.rank() >= min.rank()
}

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.Valid() {
		return "", fmt.Errorf("未知角色 / unknown role %q: want viewer, editor, importer, admin or staff", s)
	}
	return r, nil
}
