package admin

import (
	"context"
	"net/http"
	"sync/atomic"

	"legalmap/internal/api/reply"
)

// importGate bounds the imports that run at once: each holds a file's parse state and its rows in
// memory, and runs apply one at a time anyway (the database's import lock), so a second run at the same
// moment would only wait holding its memory. Uploads beyond the running one wait their turn, up to
// maxWaiting of them; more are refused with 429.
type importGate struct {
	run        chan struct{}
	waiting    atomic.Int32
	maxWaiting int32
}

func newImportGate(running, maxWaiting int) *importGate {
	return &importGate{run: make(chan struct{}, running), maxWaiting: int32(maxWaiting)}
}

var errImportBusy = &reply.Error{Status: http.StatusTooManyRequests, Code: "import_busy",
	Message: "其他导入正在进行，请稍后再试 / other imports are running, try again shortly"}

// enter waits for a turn (or ctx) and returns the function that ends it.
func (g *importGate) enter(ctx context.Context) (func(), error) {
	if g.waiting.Add(1) > g.maxWaiting {
		g.waiting.Add(-1)
		return nil, errImportBusy
	}
	defer g.waiting.Add(-1)
	select {
	case g.run <- struct{}{}:
		return func() { <-g.run }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
