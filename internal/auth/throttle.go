package auth

import (
	"math"
	"strings"
	"sync"
	"time"
)

// Limit is how many failures a key may have, refilled evenly over Per.
type Limit struct {
	Failures int
	Per      time.Duration
}

// Backoff slows attempts on one subject from everywhere: after Free recent failures (each forgotten
// evenly over Per), every further attempt must wait Base, doubled per failure, at most Max, after the
// previous one. It is a delay and never a lock: the owner can always try again after at most Max.
type Backoff struct {
	Free      int
	Per       time.Duration
	Base, Max time.Duration
}

// Limits are a throttle's three bounds.
type Limits struct {
	// Pair bounds the failures for one subject (an account) from one address: the guesses of an
	// attacker at one address, which therefore never lock the subject for anyone else.
	Pair Limit
	// Address bounds the failures from one address over all subjects.
	Address Limit
	// Subject bounds an attacker spread over many addresses. Addresses the subject succeeded from
	// within KnownFor are spared it, so the owner is not kept out by strangers' guesses.
	Subject  Backoff
	KnownFor time.Duration
}

// DefaultSignInLimits: from one address, five wrong passwords for an account and twenty over all
// accounts per quarter hour; from everywhere, ten failures per quarter hour cost nothing, then attempts
// from unknown addresses are spaced out up to one a minute.
var DefaultSignInLimits = Limits{
	Pair:     Limit{Failures: 5, Per: 15 * time.Minute},
	Address:  Limit{Failures: 20, Per: 15 * time.Minute},
	Subject:  Backoff{Free: 10, Per: 15 * time.Minute, Base: time.Second, Max: time.Minute},
	KnownFor: 30 * 24 * time.Hour,
}

// maxThrottleKeys bounds the throttle's memory. Above it, keys that remember nothing useful any more are
// dropped first; a flood of fresh keys beyond that is refused rather than remembered (fail closed).
const maxThrottleKeys = 100_000

// maxKnownAddresses bounds the good addresses remembered per subject (the oldest goes first).
const maxKnownAddresses = 8

// Throttle limits guesses of a secret (a password, a receipt code) for a subject from client addresses,
// in memory. An attempt is reserved before the secret is checked, atomically, so concurrent guesses
// cannot all slip past the check before any failure is counted: at most Pair.Failures wrong guesses are
// evaluated per window from one address, whatever the concurrency.
//
// Use: a, err := t.Reserve(subject, addr); on error (*ThrottledError) refuse without checking the
// secret; otherwise check it and call exactly one of a.Failed(), a.Succeeded() or a.Cancel().
type Throttle struct {
	mu       sync.Mutex
	lim      Limits
	buckets  map[string]*bucket
	subjects map[string]*subjectState
	swept    time.Time // when sweep last ran: at most once a second, so a flood does not sweep per request
	now      func() time.Time
}

// NewThrottle makes a throttle with the given limits on the wall clock.
func NewThrottle(l Limits) *Throttle {
	return &Throttle{lim: l, buckets: map[string]*bucket{}, subjects: map[string]*subjectState{}, now: time.Now}
}

// WithClock makes the throttle read the time from now (tests turn the clock instead of waiting).
func (t *Throttle) WithClock(now func() time.Time) *Throttle { t.now = now; return t }

// ThrottledError: too many failed attempts for this subject or from this address; try again after Wait.
type ThrottledError struct{ Wait time.Duration }

func (e *ThrottledError) Error() string {
	return "auth: too many failed attempts, wait " + e.Wait.String()
}

// bucket is a token bucket: a failure takes a token, tokens come back evenly.
type bucket struct {
	tokens float64
	at     time.Time
}

func (b *bucket) level(l Limit, now time.Time) float64 {
	return math.Min(float64(l.Failures), b.tokens+now.Sub(b.at).Seconds()*perSecond(l))
}

func (b *bucket) add(l Limit, now time.Time, n float64) {
	b.tokens, b.at = b.level(l, now)+n, now
}

func perSecond(l Limit) float64 { return float64(l.Failures) / l.Per.Seconds() }

// subjectState is one subject's spread-out failures and its known-good addresses.
type subjectState struct {
	fails float64   // recent failures as of at, decaying at Free per Per
	at    time.Time //
	next  time.Time // earliest attempt from an address that is not known
	known map[string]time.Time
}

func (s *subjectState) recent(b Backoff, now time.Time) float64 {
	return math.Max(0, s.fails-now.Sub(s.at).Seconds()*float64(b.Free)/b.Per.Seconds())
}

// delay is the spacing the Backoff asks for after f recent failures.
func (b Backoff) delay(f float64) time.Duration {
	over := f - float64(b.Free)
	if over <= 0 {
		return 0
	}
	d := float64(b.Base) * math.Pow(2, math.Ceil(over)-1)
	return time.Duration(math.Min(d, float64(b.Max)))
}

func pairKey(subject, addr string) string { return "p:" + strings.ToLower(subject) + "\x00" + addr }
func addressKey(addr string) string       { return "a:" + addr }
func subjectKey(subject string) string    { return strings.ToLower(subject) }

// Attempt is a reserved try. Exactly one of its methods is called once the secret has been checked.
type Attempt struct {
	t             *Throttle
	subject, addr string
	prevNext      time.Time
	done          bool
}

// Reserve takes one attempt for subject from addr, or says how long to wait.
func (t *Throttle) Reserve(subject, addr string) (*Attempt, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	pk, ak, sk := pairKey(subject, addr), addressKey(addr), subjectKey(subject)
	var wait time.Duration
	for _, k := range []struct {
		key string
		l   Limit
	}{{pk, t.lim.Pair}, {ak, t.lim.Address}} {
		if b, ok := t.buckets[k.key]; ok {
			if lv := b.level(k.l, now); lv < 1 {
				wait = max(wait, time.Duration((1-lv)/perSecond(k.l)*float64(time.Second)))
			}
		}
	}
	st := t.subjects[sk]
	known := st != nil && st.known[addr].After(now)
	if st != nil && !known && st.next.After(now) {
		wait = max(wait, st.next.Sub(now))
	}
	if wait > 0 {
		return nil, &ThrottledError{Wait: wait.Round(time.Second) + time.Second}
	}
	if len(t.buckets)+len(t.subjects)+3 > maxThrottleKeys && !t.sweep(now) {
		return nil, &ThrottledError{Wait: time.Minute}
	}
	t.take(pk, t.lim.Pair, now)
	t.take(ak, t.lim.Address, now)
	if st == nil {
		st = &subjectState{at: now}
		t.subjects[sk] = st
	}
	a := &Attempt{t: t, subject: subject, addr: addr, prevNext: st.next}
	st.fails, st.at = st.recent(t.lim.Subject, now)+1, now
	if !known { // the spacing before the next attempt: none until Free failures are recent
		st.next = now.Add(t.lim.Subject.delay(st.fails + 1))
	}
	return a, nil
}

func (t *Throttle) take(key string, l Limit, now time.Time) {
	b, ok := t.buckets[key]
	if !ok {
		b = &bucket{tokens: float64(l.Failures), at: now}
		t.buckets[key] = b
	}
	b.add(l, now, -1)
}

// refund gives back what Reserve took: the attempt was not a wrong guess.
func (a *Attempt) refund(now time.Time) {
	t := a.t
	if b, ok := t.buckets[addressKey(a.addr)]; ok {
		b.add(t.lim.Address, now, 1)
	}
	if st, ok := t.subjects[subjectKey(a.subject)]; ok {
		st.fails, st.at = math.Max(0, st.recent(t.lim.Subject, now)-1), now
		st.next = a.prevNext
	}
}

// Failed records a wrong guess: what Reserve took stays taken.
func (a *Attempt) Failed() { a.done = true }

// Succeeded records a right guess: the subject's failures from this address are forgotten, the attempt
// costs the address nothing, and the address becomes known to the subject (spared its backoff).
func (a *Attempt) Succeeded() {
	t := a.t
	t.mu.Lock()
	defer t.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	now := t.now()
	a.refund(now)
	delete(t.buckets, pairKey(a.subject, a.addr))
	st := t.subjects[subjectKey(a.subject)]
	if st == nil {
		return
	}
	if st.known == nil {
		st.known = map[string]time.Time{}
	}
	st.known[a.addr] = now.Add(t.lim.KnownFor)
	for len(st.known) > maxKnownAddresses {
		oldest := ""
		for k, until := range st.known {
			if oldest == "" || until.Before(st.known[oldest]) {
				oldest = k
			}
		}
		delete(st.known, oldest)
	}
}

// Cancel gives the attempt back: the secret could not be checked (the database failed).
func (a *Attempt) Cancel() {
	t := a.t
	t.mu.Lock()
	defer t.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	now := t.now()
	a.refund(now)
	if b, ok := t.buckets[pairKey(a.subject, a.addr)]; ok {
		b.add(t.lim.Pair, now, 1)
	}
}

// sweep drops what remembers nothing useful any more (full buckets, subjects without recent failures or
// known addresses) and reports whether there is room now.
func (t *Throttle) sweep(now time.Time) bool {
	if now.Sub(t.swept) < time.Second {
		return false
	}
	t.swept = now
	for k, b := range t.buckets {
		l := t.lim.Address
		if strings.HasPrefix(k, "p:") {
			l = t.lim.Pair
		}
		if b.level(l, now) >= float64(l.Failures) {
			delete(t.buckets, k)
		}
	}
	for k, st := range t.subjects {
		for a, until := range st.known {
			if !until.After(now) {
				delete(st.known, a)
			}
		}
		if st.recent(t.lim.Subject, now) == 0 && !st.next.After(now) && len(st.known) == 0 {
			delete(t.subjects, k)
		}
	}
	return len(t.buckets)+len(t.subjects)+3 <= maxThrottleKeys
}
