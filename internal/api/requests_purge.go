package api

import (
	"context"
	"time"

	"legalmap/internal/store/requestdb"
)

// PurgeRequests erases the personal fields of requests closed longer than REQUEST_RETENTION ago, by the desk's
// clock; the rows stay for the counts.
func (s *Server) PurgeRequests(ctx context.Context) (int64, error) {
	now := s.desk.now()
	return requestdb.PurgeRequests(ctx, s.db, now.Add(-s.cfg.RequestRetention), now)
}

// RunRequestPurge purges at every tick until ctx ends, reporting each run to ran (may be nil). The server
// runs it hourly; tests hand in their own ticks.
func (s *Server) RunRequestPurge(ctx context.Context, ticks <-chan time.Time, ran func(n int64, err error)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			pctx, cancel := context.WithTimeout(ctx, time.Minute)
			n, err := s.PurgeRequests(pctx)
			cancel()
			if err != nil {
				s.log.Warn("request purge failed", "err", err)
			} else if n > 0 {
				s.log.Info("request personal fields erased", "requests", n)
			}
			if ran != nil {
				ran(n, err)
			}
		}
	}
}

// WaitNotices waits for the e-mail notices in flight (shutdown, tests).
func (s *Server) WaitNotices() { s.desk.mail.Wait() }
