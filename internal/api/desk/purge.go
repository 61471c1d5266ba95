package desk

import (
	"context"
	"time"

	"legalmap/internal/store/requestdb"
)

// Purge erases the personal fields of requests closed longer than REQUEST_RETENTION ago, by the desk's
// clock; the rows stay for the counts.
func (d *Desk) Purge(ctx context.Context) (int64, error) {
	now := d.now()
	return requestdb.PurgeRequests(ctx, d.db, now.Add(-d.cfg.RequestRetention), now)
}

// RunPurge purges at every tick until ctx ends, reporting each run to ran (may be nil). The server
// runs it hourly; tests hand in their own ticks.
func (d *Desk) RunPurge(ctx context.Context, ticks <-chan time.Time, ran func(n int64, err error)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			pctx, cancel := context.WithTimeout(ctx, time.Minute)
			n, err := d.Purge(pctx)
			cancel()
			if err != nil {
				d.log.Warn("request purge failed", "err", err)
			} else if n > 0 {
				d.log.Info("request personal fields erased", "requests", n)
			}
			if ran != nil {
				ran(n, err)
			}
		}
	}
}

// WaitNotices waits for the e-mail notices in flight (shutdown, tests).
func (d *Desk) WaitNotices() { d.mail.Wait() }
