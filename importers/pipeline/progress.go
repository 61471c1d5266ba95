package pipeline

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Progress draws a bar on a terminal while a file is read: rows so far, the share of the file when the
// number of lines is known (CSV), and the rate. Off a terminal it draws nothing; the command prints a
// one-line summary at the end instead.
type Progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

// NewProgress returns a bar on f when f is a terminal, else nil (whose methods do nothing).
func NewProgress(f *os.File) *Progress {
	if f == nil || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &Progress{w: f, start: time.Now()}
}

// Update redraws at most five times a second.
func (p *Progress) Update(rows, total int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(rows) / max(now.Sub(p.start).Seconds(), 1e-3)
	const width = 30
	bar := strings.Repeat("·", width)
	pct := ""
	if total > 0 {
		done := min(int(int64(width)*rows/total), width)
		bar = strings.Repeat("█", done) + strings.Repeat("·", width-done)
		pct = fmt.Sprintf(" %3d%%", min(100, 100*rows/total))
	}
	fmt.Fprintf(p.w, "\r导入中 / importing [%s]%s %d 行 rows · %.0f 行/秒 rows/s ", bar, pct, rows, rate)
	p.drawn = true
}

// Done clears the bar's line.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
