package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// TestTSVectorBinaryEqualsText: a document sent in binary over COPY is the same tsvector as its text
// literal 'lexeme':1A … (the form the search engine's own rebuild writes), hostile lexemes included.
func TestTSVectorBinaryEqualsText(t *testing.T) {
	ctx := context.Background()
	conn, err := storetest.Pool(t).Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	store.RegisterTSVectorForTest(conn.Conn().TypeMap())
	docs := []store.TSVector{
		{A: []string{"律所", "lushi", "k:law_firm"}, B: []string{"pa:labour", "张三"}, C: []string{"福田", "深南"}},
		{A: []string{"it's", `back\slash`, "a b", "x:y"}, C: []string{"a\x00b", strings.Repeat("长", 100)}},
		{},
		{B: []string{"dup", "dup"}, C: []string{"zz", "aa"}},
		{A: []string{"same"}, B: []string{"same", "b"}, C: []string{"same", "a", "b", ""}},
		{C: []string{"b", "a", "b"}, B: []string{"a"}},
	}
	// Documents whose classes overlap every way (a lexeme in one, two or three classes, repeated, in any
	// order), as a real analysis gives them.
	words := []string{"福田", "福", "fu", "futian", "k:law_firm", "pa:labour", "a", "ab", "b", "律师", "\x00"}
	for i := range 200 {
		var d store.TSVector
		for j := range 1 + i%23 {
			w := words[(i*7+j*j*3)%len(words)]
			switch (i + j*5) % 3 {
			case 0:
				d.A = append(d.A, w)
			case 1:
				d.B = append(d.B, w)
			default:
				d.C = append(d.C, w)
			}
		}
		docs = append(docs, d)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "CREATE TEMP TABLE tsv_test (i int, doc tsvector, lit text) ON COMMIT DROP"); err != nil {
		t.Fatal(err)
	}
	var rows [][]any
	for i, d := range docs {
		rows = append(rows, []any{i, d, textForm(d)})
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"tsv_test"}, []string{"i", "doc", "lit"}, pgx.CopyFromRows(rows)); err != nil {
		t.Fatal(err)
	}
	var bad []int
	r, err := tx.Query(ctx, "SELECT i FROM tsv_test WHERE doc IS DISTINCT FROM lit::tsvector")
	if err != nil {
		t.Fatal(err)
	}
	bad, err = pgx.CollectRows(r, pgx.RowTo[int])
	if err != nil || len(bad) > 0 {
		t.Errorf("documents %v differ from their text form (err %v)", bad, err)
	}
}

// textForm is the text literal of a document, as search.Tokens.TSVector writes it.
func textForm(d store.TSVector) string {
	var parts []string
	for i, class := range [][]string{d.A, d.B, d.C} {
		for _, l := range class {
			l = strings.ReplaceAll(l, "\x00", "")
			if l == "" {
				continue
			}
			parts = append(parts, "'"+strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(l)+"':1"+"ABC"[i:i+1])
		}
	}
	return strings.Join(parts, " ")
}
