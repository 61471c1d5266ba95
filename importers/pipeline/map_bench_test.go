package pipeline

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"legalmap/importers/columns"
	"legalmap/importers/reader"
	"legalmap/importers/sample"
	"legalmap/internal/store"
)

// BenchmarkMapFirmRow measures the row workers' share of an import: one law-firm row of the benchmark's
// file mapped, validated, converted and given its search document, id and creation diff.
func BenchmarkMapFirmRow(b *testing.B) {
	env, items := mapBenchSetup(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if out := env.provider(items[i%len(items)]); !out.ok {
			b.Fatal(out.reject)
		}
	}
}

func mapBenchSetup(b *testing.B) (*rowEnv, []item) {
	dir := b.TempDir()
	files, err := sample.Write(sample.Options{Out: dir, Scale: 2000, Seed: 1, Only: []string{"law_firm"}})
	if err != nil {
		b.Fatal(err)
	}
	v, err := loadVocab(context.Background(), testPool(b))
	if err != nil {
		b.Fatal(err)
	}
	tb, err := reader.Open(filepath.Clean(files[0].Path), reader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer tb.Close()
	m, _ := columns.Map(tb.Header(), "law_firm")
	var items []item
	for {
		row, err := tb.Next()
		if err == io.EOF {
			break
		}
		items = append(items, item{row: row})
	}
	r := &runner{opt: Options{Kind: "law_firm", File: files[0].Path}, m: m, v: v}
	r.opt.defaults()
	env := r.rowEnv("csv")
	env.people = map[string][]store.DocPerson{}
	return env, items
}

// BenchmarkMapFirmRowParallel is BenchmarkMapFirmRow on every CPU: the workers share nothing that locks.
func BenchmarkMapFirmRowParallel(b *testing.B) {
	env, items := mapBenchSetup(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if out := env.provider(items[i%len(items)]); !out.ok {
				b.Error(out.reject)
				return
			}
		}
	})
}
