package admin

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"
)

// One import runs at a time; up to maxWaiting more wait their turn and then run; beyond that, 429.
func TestImportGateBoundsConcurrentImports(t *testing.T) {
	g := newImportGate(1, 3)
	ctx := context.Background()
	done, err := g.enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var running, peak int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := g.enter(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			running++
			peak = max(peak, running)
			mu.Unlock()
			for range 100 { // stay a while, so others that got in at the same time would be seen
				runtime.Gosched()
			}
			mu.Lock()
			running--
			mu.Unlock()
			d()
		}()
	}
	for g.waiting.Load() < 3 { // until the three are queued
		time.Sleep(time.Millisecond)
	}
	if _, err := g.enter(ctx); err != errImportBusy {
		t.Fatalf("a fifth upload: %v, want refused as busy", err)
	}
	done()
	wg.Wait()
	if peak != 1 {
		t.Fatalf("%d imports ran at once, want 1", peak)
	}
}
