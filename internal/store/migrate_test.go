package store_test

import (
	"context"
	"testing"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

func TestMigrateEmptyThenNoop(t *testing.T) {
	ctx := context.Background()
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: storetest.EmptyDatabase(t), MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	pending, err := store.SchemaStatus(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := store.Migrations()
	if len(pending) != len(all) || len(all) == 0 {
		t.Fatalf("empty database: pending %v, want all %d migrations", pending, len(all))
	}
	applied, err := store.Migrate(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(all) {
		t.Fatalf("first migrate applied %d, want %d", len(applied), len(all))
	}
	again, err := store.Migrate(ctx, pool)
	if err != nil || len(again) != 0 {
		t.Fatalf("second migrate: applied %v, err %v; want nothing", again, err)
	}
	if pending, _ := store.SchemaStatus(ctx, pool); len(pending) != 0 {
		t.Fatalf("after migrate: pending %v", pending)
	}
	var recorded int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM schema_migrations").Scan(&recorded); err != nil || recorded != len(all) {
		t.Fatalf("schema_migrations holds %d rows (err %v), want %d", recorded, err, len(all))
	}
}

func TestSeeds(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	checks := []struct {
		sql  string
		want int
	}{
		{"SELECT count(*) FROM kinds", 15},
		{"SELECT count(*) FROM areas WHERE level = 'district'", 9},
		{"SELECT count(*) FROM areas WHERE level = 'street'", 79},
		{"SELECT count(*) FROM holidays WHERE day BETWEEN '2026-01-01' AND '2026-12-31'", 39},
		{"SELECT count(*) FROM holidays WHERE day = '2026-10-10' AND kind = 'workday'", 1},
		{"SELECT count(*) FROM practice_areas WHERE cardinality(synonyms) >= 5 AND sort <= 21", 21},
		{"SELECT count(*) FROM practice_areas WHERE code IN ('personality_rights', 'maritime', 'state_compensation')", 3},
		{"SELECT count(*) FROM legal_terms WHERE category = 'charge' AND term IN ('盗窃罪', '侵占罪', '敲诈勒索罪', '拒不支付劳动报酬罪')", 4},
		{"SELECT count(*) FROM legal_terms WHERE term = '物权法' AND parent = '民法典物权编'", 1},
		{"SELECT count(*) FROM legal_terms WHERE term = '提存' AND kinds[1] = 'notary'", 1},
		{"SELECT count(*) FROM legal_terms WHERE NOT practice_areas <@ (SELECT array_agg(code) FROM practice_areas)", 0},
		{"SELECT count(*) FROM practice_areas WHERE '离婚' = ANY(synonyms) AND code = 'marriage_family'", 1},
		{"SELECT count(*) FROM practice_areas WHERE '欠薪' = ANY(synonyms) AND code = 'labour'", 1},
		{"SELECT count(*) FROM forensic_categories WHERE '亲子鉴定' = ANY(synonyms) AND name_zh = '法医物证'", 1},
		{"SELECT count(*) FROM kinds WHERE '亲子鉴定' = ANY(synonyms)", 0},
		{"SELECT count(*) FROM areas a JOIN areas d ON d.code = a.parent_code WHERE a.level = 'street' AND d.level = 'district'", 79},
	}
	for _, c := range checks {
		var got int
		if err := pool.QueryRow(ctx, c.sql).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got != c.want {
			t.Errorf("%s = %d, want %d", c.sql, got, c.want)
		}
	}
}

func TestServeRefusesBehindSchema(t *testing.T) {
	ctx := context.Background()
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: storetest.EmptyDatabase(t), MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := store.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	// Forget the newest migration: the binary is now ahead of the database.
	if _, err := pool.Exec(ctx, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)"); err != nil {
		t.Fatal(err)
	}
	pending, err := store.SchemaStatus(ctx, pool)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending = %v, %v; want the one forgotten migration", pending, err)
	}
}
