package api

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// An export is written once per data version, however many download it at once, and read from its
// file; a newer version replaces it, and the old file is closed once its last reader is done.
func TestExportFilesOncePerVersion(t *testing.T) {
	var x exportFiles
	var writes atomic.Int32
	release := make(chan struct{})
	version := int64(7)
	write := func(_ context.Context, w io.Writer) (int64, error) {
		writes.Add(1)
		<-release // held until every reader has asked
		_, err := fmt.Fprintf(w, "version %d", version)
		return version, err
	}
	read := func(f *exportFile) string {
		b, err := io.ReadAll(io.NewSectionReader(f.f, 0, f.size))
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}

	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, done, err := x.file("csv", 7, time.Minute, write)
			if err != nil {
				t.Error(err)
				return
			}
			defer done()
			got[i] = read(f)
		}()
	}
	close(release)
	wg.Wait()
	for i, s := range got {
		if s != "version 7" {
			t.Errorf("reader %d read %q", i, s)
		}
	}
	if n := writes.Load(); n != 1 {
		t.Fatalf("%d writes for one version, want 1", n)
	}

	// An older or equal version asked for: the file there serves it.
	old, doneOld, err := x.file("csv", 5, time.Minute, write)
	if err != nil || read(old) != "version 7" || writes.Load() != 1 {
		t.Fatalf("older version: %v, %d writes", err, writes.Load())
	}
	// A newer version: written anew, while the old file is still being read.
	version = 8
	f, done, err := x.file("csv", 8, time.Minute, write)
	if err != nil || read(f) != "version 8" || writes.Load() != 2 {
		t.Fatalf("newer version: %v, %d writes", err, writes.Load())
	}
	done()
	if s := read(old); s != "version 7" {
		t.Fatalf("the replaced file, still being read: %q", s)
	}
	doneOld()
	if _, err := old.f.ReadAt(make([]byte, 1), 0); err == nil {
		t.Fatal("the replaced file is still open after its last reader")
	}
}

// A write that fails is reported to the requests waiting for it, and nothing is kept: the next request
// writes again.
func TestExportFilesWriteFails(t *testing.T) {
	var x exportFiles
	fail := true
	write := func(_ context.Context, w io.Writer) (int64, error) {
		if fail {
			return 0, fmt.Errorf("database gone")
		}
		_, err := io.WriteString(w, "ok")
		return 3, err
	}
	if _, _, err := x.file("geojson", 3, time.Minute, write); err == nil {
		t.Fatal("a failed write served a file")
	}
	fail = false
	f, done, err := x.file("geojson", 3, time.Minute, write)
	if err != nil || f.size != 2 {
		t.Fatalf("after the failure: %v", err)
	}
	done()
}
