package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store/storetest"
)

// The pools' text[] decoder gives what pgx's own gives, for every shape of array, and refuses what pgx
// refuses.
func TestTextArraysDecodeAsPgxDoes(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t) // configured by store.Open: textArrayCodec registered
	plain, err := pgx.Connect(ctx, pool.Config().ConnConfig.ConnString())
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close(ctx)
	for _, lit := range []string{`NULL::text[]`, `'{}'::text[]`, `'{a}'::text[]`, `'{"0755-8888 8888",深圳市福田区,"",x}'::text[]`,
		`'{{a,b},{c,d}}'::text[]`, `'[3:4]={p,q}'::text[]`, `'{a,NULL}'::text[]`, `ARRAY[repeat('长', 5000)]`,
		`(SELECT array_agg(i::text) FROM generate_series(1, 300) i)`} {
		var got, want []string
		errGot := pool.QueryRow(ctx, "SELECT "+lit).Scan(&got)
		errWant := plain.QueryRow(ctx, "SELECT "+lit).Scan(&want)
		if (errGot == nil) != (errWant == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v (%v), pgx gives %#v (%v)", lit, got, errGot, want, errWant)
		}
		if fmt.Sprint(got == nil) != fmt.Sprint(want == nil) {
			t.Errorf("%s: nil %v, pgx's nil %v", lit, got == nil, want == nil)
		}
	}
}
