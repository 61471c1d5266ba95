package pipeline

import (
	"context"
	"errors"
	"io"
	"sync"

	"legalmap/importers/reader"
)

// The stream reads rows on one goroutine, maps them on Options.Workers goroutines in batches, and hands the
// results back in file order, so reports and "first seen" rules are the same whatever the parallelism.
// Memory is bounded by the batches in flight, never by the file.

const batchSize = 512

// mapped is the outcome of one row.
type mapped[T any] struct {
	rec     T
	ok      bool // accepted: rec is to be staged
	line    int
	id      string // the row's source id, if it has one (a rejected row with an id is still listed)
	licence string // a practitioner's licence number, unique in a file
	reject  *Issue // why the row is rejected (ok is false)
	warns   []Issue
}

// item is a row as read: the row, or the reader's complaint about it.
type item struct {
	row reader.Row
	err *reader.RowError
}

type batch[T any] struct {
	items []item
	out   chan []mapped[T]
}

// stream yields the mapped rows of a table in order. next returns io.EOF at the end; a *reader.FileError
// when the rest of the file cannot be read.
type stream[T any] struct {
	order  chan chan []mapped[T]
	fatal  error
	mu     sync.Mutex
	cur    []mapped[T]
	pos    int
	cancel context.CancelFunc
	rows   int64
}

// newStream starts reading t; mapRow runs on the workers. Close (or reading to the end) stops it.
func newStream[T any](ctx context.Context, t reader.Table, workers int, mapRow func(item) mapped[T], progress func(int64)) *stream[T] {
	ctx, cancel := context.WithCancel(ctx)
	s := &stream[T]{order: make(chan chan []mapped[T], 2*workers+2), cancel: cancel}
	jobs := make(chan batch[T], workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				out := make([]mapped[T], len(b.items))
				for i, it := range b.items {
					out[i] = mapRow(it)
				}
				b.out <- out
			}
		}()
	}
	go func() {
		defer close(s.order)
		defer func() { close(jobs); wg.Wait() }()
		send := func(items []item) bool {
			b := batch[T]{items: items, out: make(chan []mapped[T], 1)}
			select {
			case s.order <- b.out:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- b:
			case <-ctx.Done():
				return false
			}
			return true
		}
		items := make([]item, 0, batchSize)
		for {
			row, err := t.Next()
			var rowErr *reader.RowError
			switch {
			case errors.Is(err, io.EOF):
				if len(items) > 0 {
					send(items)
				}
				return
			case errors.As(err, &rowErr):
				items = append(items, item{err: rowErr})
			case err != nil:
				s.mu.Lock()
				s.fatal = err
				s.mu.Unlock()
				return
			default:
				items = append(items, item{row: row})
			}
			s.rows++
			if len(items) == batchSize {
				if !send(items) {
					return
				}
				items = make([]item, 0, batchSize)
				if progress != nil {
					progress(s.rows)
				}
			}
		}
	}()
	return s
}

// next returns the next mapped row in file order.
func (s *stream[T]) next() (mapped[T], error) {
	for s.pos >= len(s.cur) {
		out, ok := <-s.order
		if !ok {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.fatal != nil {
				return mapped[T]{}, s.fatal
			}
			return mapped[T]{}, io.EOF
		}
		s.cur, s.pos = <-out, 0
	}
	m := s.cur[s.pos]
	s.cur[s.pos] = mapped[T]{} // let the row go
	s.pos++
	return m, nil
}

// close stops the reader and the workers (after an error, before the end).
func (s *stream[T]) close() {
	s.cancel()
	for range s.order { // drain so the reader goroutine can finish
	}
}
