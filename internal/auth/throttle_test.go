package auth

import (
	"fmt"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestThrottlePerAccountAndPerAddress(t *testing.T) {
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	th := NewThrottle(Limit{Failures: 3, Per: 3 * time.Minute}, Limit{Failures: 5, Per: 5 * time.Minute})
	th.now = c.now

	// Three failures for one account, from different addresses: the fourth try for it waits.
	for i := range 3 {
		if _, ok := th.Check("ann", fmt.Sprint("10.0.0.", i)); !ok {
			t.Fatalf("try %d refused early", i)
		}
		th.Failed("ann", fmt.Sprint("10.0.0.", i))
	}
	wait, ok := th.Check("ANN", "10.0.0.9")
	if ok || wait <= 0 || wait > 2*time.Minute {
		t.Fatalf("fourth try for ann: ok=%v wait=%s, want refused for about a minute", ok, wait)
	}
	if _, ok := th.Check("bob", "10.0.0.9"); !ok {
		t.Fatal("another account from a fresh address refused")
	}
	c.t = c.t.Add(wait)
	if _, ok := th.Check("ann", "10.0.0.9"); !ok {
		t.Fatal("ann still refused after the wait")
	}

	// Five failures from one address over different accounts: the address waits, whatever the account.
	for i := range 5 {
		th.Failed(fmt.Sprint("user", i), "192.0.2.1")
	}
	if _, ok := th.Check("someone-new", "192.0.2.1"); ok {
		t.Fatal("address with five failures not throttled")
	}
	// A success clears the account but not the address.
	th.Succeeded("user0")
	if _, ok := th.Check("user0", "192.0.2.1"); ok {
		t.Fatal("success from a throttled address reset the address")
	}
}

func TestThrottleMemoryBounded(t *testing.T) {
	c := &clock{t: time.Now()}
	th := NewThrottle(Limit{Failures: 1, Per: time.Minute}, Limit{Failures: 1000, Per: time.Minute})
	th.now = c.now
	for i := range maxThrottleKeys {
		th.Failed(fmt.Sprint("u", i), "a")
	}
	if len(th.keys) > maxThrottleKeys {
		t.Fatalf("%d keys, bound %d", len(th.keys), maxThrottleKeys)
	}
	c.t = c.t.Add(2 * time.Minute) // every account bucket is full again: sweepable
	th.Failed("fresh", "b")
	if len(th.keys) > 10 {
		t.Fatalf("%d keys after the buckets refilled, want them swept", len(th.keys))
	}
}
