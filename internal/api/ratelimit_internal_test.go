package api

import (
	"testing"
	"time"
)

// A bucket gives B at once and then R per second; idle buckets are dropped once they would be full
// again, so memory follows the clients active in the last few seconds, not all clients ever seen.
func TestRateLimiterBucketsAndExpiry(t *testing.T) {
	l := newRateLimiter(2, 3, time.Now)
	now := time.Unix(1_000_000, 0)
	for i := 0; i < 3; i++ {
		if ok, _ := l.allow("a", now); !ok {
			t.Fatalf("request %d within the burst refused", i)
		}
	}
	ok, wait := l.allow("a", now)
	if ok || wait <= 0 || wait > time.Second {
		t.Fatalf("4th at once: ok=%v wait=%s, want refused with a wait of at most 1/R", ok, wait)
	}
	if ok, _ := l.allow("b", now); !ok {
		t.Fatalf("another client was refused")
	}
	if ok, _ := l.allow("a", now.Add(600*time.Millisecond)); !ok {
		t.Fatalf("a token should have come back after 1/R")
	}
	for i := 0; i < 50_000; i++ {
		l.allow("c"+time.Duration(i).String(), now)
	}
	later := now.Add(l.idle + sweepInterval + time.Second)
	l.allow("d", later)
	if n := l.size(); n != 1 {
		t.Fatalf("%d buckets after everyone went idle, want 1", n)
	}
	if newRateLimiter(0, 10, time.Now) != nil {
		t.Fatalf("RATE_LIMIT=0 must switch the limiter off")
	}
}

func TestClientKeyGroupsIPv6By64(t *testing.T) {
	if clientKey("2001:db8:1:2:3:4:5:6") != clientKey("2001:db8:1:2:ffff::1") {
		t.Errorf("two addresses of one /64 have different buckets")
	}
	if clientKey("2001:db8:1:2::1") == clientKey("2001:db8:1:3::1") {
		t.Errorf("two /64s share a bucket")
	}
	if clientKey("192.0.2.1") != "192.0.2.1" {
		t.Errorf("IPv4 key %q", clientKey("192.0.2.1"))
	}
}
