package catalog

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store/placedb"
)

// NewVersions reads the version of db at most once per ttl by the clock now.
func NewVersions(db *pgxpool.Pool, ttl time.Duration, now func() time.Time) *Versions {
	return &Versions{db: db, ttl: ttl, now: now}
}

// Versions holds the directory's data version (directory_state.version) for a moment, so that tying
// answers to it costs one tiny query per interval rather than one per request. No lock is held while the
// database is asked: when it is slow or away, requests do not queue behind each other here.
type Versions struct {
	db  *pgxpool.Pool
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	v   int64
	at  time.Time
}

// Get returns the directory's data version, at most ttl old.
func (vc *Versions) Get(ctx context.Context) (int64, error) {
	vc.mu.Lock()
	v, fresh := vc.v, !vc.at.IsZero() && vc.now().Sub(vc.at) < vc.ttl
	vc.mu.Unlock()
	if fresh {
		return v, nil
	}
	v, err := placedb.DirectoryVersion(ctx, vc.db)
	if err != nil {
		return 0, err
	}
	vc.mu.Lock()
	if v >= vc.v { // versions only grow; a slow answer must not move the cache back
		vc.v, vc.at = v, vc.now()
	}
	vc.mu.Unlock()
	return v, nil
}
