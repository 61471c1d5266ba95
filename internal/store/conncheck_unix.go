//go:build unix

package store

import (
	"net"
	"syscall"
)

// socketQuiet reports whether an idle connection's socket has nothing to read, without reading and
// without a round trip (one non-blocking peek). A healthy idle connection has nothing waiting; one the
// server terminated has its error message and end-of-file waiting, one a pooler or firewall dropped its
// end-of-file. The same check go-sql-driver/mysql makes before reusing a connection.
func socketQuiet(c net.Conn) bool {
	if tc, ok := c.(interface{ NetConn() net.Conn }); ok { // TLS: look at the socket under it
		c = tc.NetConn()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return true // cannot tell: the idle-time ping still applies
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	quiet := false
	err = raw.Read(func(fd uintptr) bool {
		var b [1]byte
		n, _, rerr := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		quiet = n < 0 && (rerr == syscall.EAGAIN || rerr == syscall.EWOULDBLOCK)
		return true // never wait for the socket to become readable
	})
	return err == nil && quiet
}
