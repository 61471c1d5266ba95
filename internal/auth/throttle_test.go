package auth

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *clock               { return &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }
func testLimits() Limits             { return DefaultSignInLimits }
func wrong(th *Throttle, s, a string) bool {
	at, err := th.Reserve(s, a)
	if err != nil {
		return false
	}
	at.Failed()
	return true
}

// Many wrong guesses at once from one address: only Pair.Failures are let through to be evaluated in a
// window, however many run concurrently; the rest are refused with a wait.
func TestThrottleReservesAtomically(t *testing.T) {
	c := newClock()
	th := NewThrottle(testLimits()).WithClock(c.now)
	for window := range 3 {
		var evaluated, refused atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for range 64 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				a, err := th.Reserve("ann", "198.51.100.7")
				var te *ThrottledError
				if errors.As(err, &te) {
					refused.Add(1)
					return
				}
				evaluated.Add(1)
				a.Failed()
			}()
		}
		close(start)
		wg.Wait()
		if evaluated.Load() != int32(testLimits().Pair.Failures) || refused.Load() != 64-evaluated.Load() {
			t.Fatalf("window %d: %d evaluated, %d refused of 64 concurrent; want %d evaluated", window, evaluated.Load(), refused.Load(), testLimits().Pair.Failures)
		}
		c.add(testLimits().Pair.Per)
	}
}

// An attacker at one address does not lock the owner out from another: the owner's right password is
// evaluated (and succeeds) while the attacker's address is refused.
func TestThrottleAttackerElsewhereDoesNotLockOwner(t *testing.T) {
	c := newClock()
	th := NewThrottle(testLimits()).WithClock(c.now)
	for range 50 {
		wrong(th, "ann", "203.0.113.66")
		c.add(time.Second)
	}
	if _, err := th.Reserve("ann", "203.0.113.66"); err == nil {
		t.Fatal("the attacker's address is not throttled")
	}
	a, err := th.Reserve("ann", "10.20.0.5")
	if err != nil {
		t.Fatalf("owner from another address refused: %v", err)
	}
	a.Succeeded()
}

// An attacker spread over many addresses meets a growing delay (a bounded number of guesses per hour), but
// the account is never locked: the owner gets in after at most Backoff.Max, and at once from an address
// the owner signed in from before.
func TestThrottleSpreadAttackerBackoffNotLock(t *testing.T) {
	c := newClock()
	l := testLimits()
	th := NewThrottle(l).WithClock(c.now)
	a, _ := th.Reserve("ann", "10.20.0.5") // the owner's usual place
	a.Succeeded()
	evaluated := 0
	for i := range 3600 { // one guess a second for an hour, each from a fresh address
		if wrong(th, "ann", fmt.Sprintf("198.18.%d.%d", i/250, i%250)) {
			evaluated++
		}
		c.add(time.Second)
	}
	// Free failures, then at most one per Max once the delay is at its cap (plus the ramp up to it).
	if bound := l.Subject.Free + 10 + int(time.Hour/l.Subject.Max); evaluated > bound {
		t.Fatalf("%d guesses evaluated in an hour from spread addresses, want at most %d", evaluated, bound)
	}
	if evaluated < l.Subject.Free {
		t.Fatalf("only %d evaluated: the backoff started too early", evaluated)
	}
	// The owner at the known address: straight in, attack or not.
	if _, err := th.Reserve("ann", "10.20.0.5"); err != nil {
		t.Fatalf("owner at a known address: %v", err)
	}
	// The owner at a new address: a wait of at most Max, then in.
	_, err := th.Reserve("ann", "10.99.0.1")
	var te *ThrottledError
	if err != nil && (!errors.As(err, &te) || te.Wait > l.Subject.Max+time.Second) {
		t.Fatalf("owner at a new address: %v, want a wait of at most %s", err, l.Subject.Max)
	}
	if err != nil {
		c.add(te.Wait)
		if _, err := th.Reserve("ann", "10.99.0.1"); err != nil {
			t.Fatalf("owner still refused after the wait: %v", err)
		}
	}
}

func TestThrottleAddressAcrossAccountsAndRefunds(t *testing.T) {
	c := newClock()
	l := testLimits()
	th := NewThrottle(l).WithClock(c.now)
	for i := range l.Address.Failures {
		if !wrong(th, fmt.Sprint("user", i), "192.0.2.1") {
			t.Fatalf("try %d refused early", i)
		}
	}
	if _, err := th.Reserve("someone-new", "192.0.2.1"); err == nil {
		t.Fatal("address with all its failures spent not throttled")
	}
	// A cancelled attempt (the database failed) costs nothing.
	for range 10 * l.Pair.Failures {
		a, err := th.Reserve("bob", "192.0.2.2")
		if err != nil {
			t.Fatalf("cancelled attempts were counted: %v", err)
		}
		a.Cancel()
	}
	// A success forgets the pair's failures.
	for range l.Pair.Failures - 1 {
		wrong(th, "carol", "192.0.2.3")
	}
	a, _ := th.Reserve("carol", "192.0.2.3")
	a.Succeeded()
	for i := range l.Pair.Failures {
		if !wrong(th, "carol", "192.0.2.3") {
			t.Fatalf("after a success, failure %d refused", i)
		}
	}
}

func TestThrottleMemoryBounded(t *testing.T) {
	c := newClock()
	th := NewThrottle(testLimits()).WithClock(c.now)
	for i := range maxThrottleKeys / 2 { // three keys each: past the bound
		wrong(th, fmt.Sprint("u", i), fmt.Sprint("a", i))
	}
	if n := len(th.buckets) + len(th.subjects); n > maxThrottleKeys {
		t.Fatalf("%d keys, bound %d", n, maxThrottleKeys)
	}
	c.add(time.Hour) // every bucket is full again and every failure forgotten: sweepable
	wrong(th, "fresh", "b")
	if n := len(th.buckets) + len(th.subjects); n > 10 {
		t.Fatalf("%d keys after the buckets refilled, want them swept", n)
	}
}
