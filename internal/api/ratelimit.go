package api

import (
	"math"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// rateLimiter gives each client address a token bucket (rate r per second, burst b). The address is
// c.RealIP(), which the server's IPExtractor takes from the connection unless a trusted proxy forwarded
// the request, so a client cannot dodge its bucket with a made-up X-Forwarded-For. IPv6 clients are
// bucketed by /64, the block one subscriber usually holds.
//
// Memory stays bounded: a bucket idle long enough to be full again is the same as a new one, so the sweep
// drops it without changing anyone's allowance; and the table never holds more than maxClients buckets.
type rateLimiter struct {
	r       rate.Limit
	b       int
	idle    time.Duration // after this long unused, a bucket is full again
	mu      sync.Mutex
	clients map[string]*clientBucket
	swept   time.Time
	now     func() time.Time
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

const (
	maxClients    = 100_000
	sweepInterval = time.Minute
)

// newRateLimiter returns nil when perSecond is 0: the limit is off.
func newRateLimiter(perSecond float64, burst int, now func() time.Time) *rateLimiter {
	if perSecond <= 0 {
		return nil
	}
	idle := time.Duration(float64(burst)/perSecond*float64(time.Second)) + time.Second
	return &rateLimiter{r: rate.Limit(perSecond), b: burst, idle: idle, clients: map[string]*clientBucket{}, now: now}
}

// allow takes a token for key at now; when there is none it says how long until there is.
func (l *rateLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > sweepInterval || len(l.clients) >= maxClients {
		l.sweep(now)
	}
	cb := l.clients[key]
	if cb == nil {
		cb = &clientBucket{lim: rate.NewLimiter(l.r, l.b)}
		l.clients[key] = cb
	}
	cb.seen = now
	if cb.lim.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - cb.lim.TokensAt(now)
	return false, time.Duration(missing / float64(l.r) * float64(time.Second))
}

func (l *rateLimiter) sweep(now time.Time) {
	for k, cb := range l.clients {
		if now.Sub(cb.seen) > l.idle {
			delete(l.clients, k)
		}
	}
	if len(l.clients) >= maxClients {
		// Still full of active clients (a flood from many addresses): start afresh rather than grow.
		clear(l.clients)
	}
	l.swept = now
}

// size is how many buckets are held (for tests).
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

// middleware answers 429 with Retry-After (whole seconds, at least 1) when the client's bucket is empty.
func (l *rateLimiter) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	if l == nil {
		return next
	}
	return func(c echo.Context) error {
		ok, wait := l.allow(clientKey(c.RealIP()), l.now())
		if !ok {
			secs := int(math.Max(1, math.Ceil(wait.Seconds())))
			c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
			return echo.NewHTTPError(429)
		}
		return next(c)
	}
}

// clientKey is the address itself for IPv4, its /64 for IPv6.
func clientKey(ip string) string {
	a := net.ParseIP(ip)
	if a == nil || a.To4() != nil {
		return ip
	}
	return a.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
