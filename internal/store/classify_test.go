package store_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"legalmap/internal/store"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		err  error
		want error
	}{
		{pgx.ErrNoRows, store.ErrNotFound},
		{&pgconn.PgError{Code: "23505"}, store.ErrConflict},
		{&pgconn.PgError{Code: "57014"}, store.ErrUnavailable},
		{fmt.Errorf("read: %w", io.ErrUnexpectedEOF), store.ErrUnavailable},
		{fmt.Errorf("query: %w", context.DeadlineExceeded), store.ErrUnavailable},
		// a statement on a connection that already broke (the reads' former readErr said so; now every
		// caller does)
		{fmt.Errorf("query: %w", pgconn.ErrConnClosed), store.ErrUnavailable},
	}
	for _, c := range cases {
		if got := store.Classify(c.err); !errors.Is(got, c.want) {
			t.Errorf("Classify(%v) = %v, want %v", c.err, got, c.want)
		}
	}
	if got := store.Classify(&pgconn.PgError{Code: "42601"}); errors.Is(got, store.ErrUnavailable) || errors.Is(got, store.ErrConflict) {
		t.Errorf("a syntax error is our bug, not the database being away: %v", got)
	}
}
