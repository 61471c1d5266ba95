package auth

import (
	"crypto/subtle"
	"time"
)

// SessionCookie is the name of the browser session cookie. It holds a random id whose hash is the sessions
// row's key; it is HttpOnly and SameSite=Strict, and Secure behind TLS.
const SessionCookie = "legalmap_session"

// CSRFHeader carries the session's CSRF token on every state-changing request made with the cookie.
const CSRFHeader = "X-CSRF-Token"

// SessionPolicy bounds a session's life: it ends after Idle without a request, and after Absolute whatever
// happens, so a stolen cookie or a forgotten browser tab is not a key for ever.
type SessionPolicy struct {
	Idle     time.Duration
	Absolute time.Duration
}

// DefaultSessionPolicy: half an hour idle, one working day at most.
var DefaultSessionPolicy = SessionPolicy{Idle: 30 * time.Minute, Absolute: 12 * time.Hour}

// CSRFMatch compares the token the client sent with the session's, in constant time; an empty token never
// matches.
func CSRFMatch(session, sent string) bool {
	if session == "" || sent == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(session), []byte(sent)) == 1
}
