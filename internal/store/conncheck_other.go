//go:build !unix

package store

import "net"

// socketQuiet cannot look at the socket here: the pool's idle-time ping is the only check.
func socketQuiet(net.Conn) bool { return true }
