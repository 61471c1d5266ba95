package auth

import (
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limit is how many failed sign-ins a key may have, refilled evenly over Per.
type Limit struct {
	Failures int
	Per      time.Duration
}

// DefaultAccountLimit and DefaultAddressLimit: five wrong passwords for one account and twenty from one
// address per quarter hour. Guessing is slowed to a crawl; a person who mistypes is not locked out for long.
var (
	DefaultAccountLimit = Limit{Failures: 5, Per: 15 * time.Minute}
	DefaultAddressLimit = Limit{Failures: 20, Per: 15 * time.Minute}
)

// maxThrottleKeys bounds the throttle's memory. Above it, keys whose bucket has refilled are dropped first;
// a flood of fresh keys beyond that is refused rather than remembered (fail closed).
const maxThrottleKeys = 100_000

// Throttle counts failed sign-ins per account and per client address, in memory. Each key is a token
// bucket: a failure takes a token; with none left the key must wait. A success clears the account's bucket
// (not the address's, so one good password does not reset a guessing run from the same place).
type Throttle struct {
	mu      sync.Mutex
	account Limit
	address Limit
	keys    map[string]*rate.Limiter
	now     func() time.Time
}

// NewThrottle makes a throttle with the given limits.
func NewThrottle(account, address Limit) *Throttle {
	return &Throttle{account: account, address: address, keys: map[string]*rate.Limiter{}, now: time.Now}
}

func accountKey(username string) string { return "u:" + strings.ToLower(username) }
func addressKey(addr string) string     { return "a:" + addr }

// Check says whether a sign-in for username from addr may be tried now, and if not, how long to wait.
func (t *Throttle) Check(username, addr string) (wait time.Duration, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	for _, k := range []struct {
		key string
		l   Limit
	}{{accountKey(username), t.account}, {addressKey(addr), t.address}} {
		lim, known := t.keys[k.key]
		if !known {
			if len(t.keys) >= maxThrottleKeys && !t.sweep(now) {
				return time.Minute, false
			}
			continue
		}
		if tokens := lim.TokensAt(now); tokens < 1 {
			w := time.Duration((1 - tokens) / float64(lim.Limit()) * float64(time.Second))
			if w > wait {
				wait = w
			}
		}
	}
	if wait > 0 {
		return wait.Round(time.Second) + time.Second, false
	}
	return 0, true
}

// Failed records a wrong password (or unknown account) for username from addr.
func (t *Throttle) Failed(username, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.take(accountKey(username), t.account, now)
	t.take(addressKey(addr), t.address, now)
}

// Succeeded clears the account's failures after a good password.
func (t *Throttle) Succeeded(username string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.keys, accountKey(username))
}

func (t *Throttle) take(key string, l Limit, now time.Time) {
	lim, ok := t.keys[key]
	if !ok {
		if len(t.keys) >= maxThrottleKeys && !t.sweep(now) {
			return
		}
		lim = rate.NewLimiter(rate.Limit(float64(l.Failures)/l.Per.Seconds()), l.Failures)
		t.keys[key] = lim
	}
	lim.AllowN(now, 1)
}

// sweep drops the keys whose buckets are full again (they remember nothing useful) and reports whether
// there is room now.
func (t *Throttle) sweep(now time.Time) bool {
	for k, lim := range t.keys {
		if lim.TokensAt(now) >= float64(lim.Burst()) {
			delete(t.keys, k)
		}
	}
	return len(t.keys) < maxThrottleKeys
}
