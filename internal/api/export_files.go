package api

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// The open data exports as files. Each format is written once per data version, from one snapshot of the
// database, into a temporary file that every download of that version then reads (http.ServeContent: its
// length, ranges and revalidation). A whole directory takes far longer to write than a request may hold a
// database statement, and a public endpoint must not redo that work for each download, nor let a slow
// reader hold the database. The file is unlinked as soon as it is created: it goes with the process, or
// with its last reader once a newer version has replaced it.

// exportFiles holds the newest file of each format.
type exportFiles struct {
	mu     sync.Mutex
	files  map[string]*exportFile // by format
	flight singleflight.Group     // one writer per format at a time; the requests meanwhile wait for it
}

// exportFile is one written export: its data version and the open, unlinked file.
type exportFile struct {
	version int64
	f       *os.File
	size    int64
	made    time.Time
	readers int  // downloads reading it (under exportFiles.mu)
	stale   bool // replaced by a newer one: closed when its last reader is done
}

// writeExport writes a whole export to w and says which data version it wrote.
type writeExport func(ctx context.Context, w io.Writer) (int64, error)

var errExportWait = errors.New("export: still being written")

// file returns the format's file of version v or newer, written now by write if there is none, counted as
// read until done is called. A write already under way is joined; one that turns out older than v (it
// began before v was read) is followed by one more. The wait ends after wait.
func (x *exportFiles) file(format string, v int64, wait time.Duration, write writeExport) (f *exportFile, done func(), err error) {
	timeout := time.After(wait)
	for range 2 {
		if f := x.current(format, v); f != nil {
			return f, func() { x.release(f) }, nil
		}
		ch := x.flight.DoChan(format, func() (any, error) { return nil, x.write(format, wait, write) })
		select {
		case r := <-ch:
			if r.Err != nil {
				return nil, nil, r.Err
			}
		case <-timeout:
			return nil, nil, errExportWait
		}
	}
	if f := x.current(format, 0); f != nil { // the data moved on twice meanwhile: the newest there is
		return f, func() { x.release(f) }, nil
	}
	return nil, nil, errExportWait
}

// current returns the format's file if it is of version v or newer, with a reader counted.
func (x *exportFiles) current(format string, v int64) *exportFile {
	x.mu.Lock()
	defer x.mu.Unlock()
	f := x.files[format]
	if f == nil || f.version < v {
		return nil
	}
	f.readers++
	return f
}

// release ends a reading of f, and closes f if it was the last one of a replaced file.
func (x *exportFiles) release(f *exportFile) {
	x.mu.Lock()
	f.readers--
	last := f.stale && f.readers == 0
	x.mu.Unlock()
	if last {
		f.f.Close()
	}
}

// write makes a new file of the format and puts it in place of an older one.
func (x *exportFiles) write(format string, timeout time.Duration, write writeExport) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout) // shared by every waiting request
	defer cancel()
	tmp, err := os.CreateTemp("", "legalmap-export-*."+format)
	if err != nil {
		return err
	}
	_ = os.Remove(tmp.Name()) // unlinked: the open file is all there is
	bw := bufio.NewWriterSize(tmp, 256<<10)
	v, err := write(ctx, bw)
	if err == nil {
		err = bw.Flush()
	}
	var size int64
	if err == nil {
		size, err = tmp.Seek(0, io.SeekEnd)
	}
	if err != nil {
		tmp.Close()
		return err
	}
	made := &exportFile{version: v, f: tmp, size: size, made: time.Now()}
	x.mu.Lock()
	stale := x.files[format]
	if stale != nil && stale.version >= v { // one as new got there first: this one is not needed
		stale = made
	} else {
		if x.files == nil {
			x.files = map[string]*exportFile{}
		}
		x.files[format] = made
	}
	closeNow := false
	if stale != nil {
		stale.stale = true
		closeNow = stale.readers == 0
	}
	x.mu.Unlock()
	if closeNow {
		stale.f.Close()
	}
	return nil
}
