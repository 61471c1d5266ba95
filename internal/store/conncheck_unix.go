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
//
// The peek runs under RawConn.Control, not RawConn.Read: Read takes the descriptor's read lock, and pgconn
// may have left its background reader parked in a read on an idle connection (it starts one while writing
// a large message and stops it only after that read returns), so Read would wait for it forever. Control
// takes no lock; a peek cannot take bytes from that reader.
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
	err = raw.Control(func(fd uintptr) {
		var b [1]byte
		n, _, rerr := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		quiet = n < 0 && (rerr == syscall.EAGAIN || rerr == syscall.EWOULDBLOCK)
	})
	return err == nil && quiet
}
