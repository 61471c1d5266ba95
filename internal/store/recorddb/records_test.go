package recorddb_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"legalmap/internal/directory"
	"legalmap/internal/store"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

func newRecord(sourceID string) recorddb.Record {
	var r recorddb.Record
	r.Kind, r.Name, r.Source, r.SourceID = directory.KindLegalAid, "福田区法律援助处", "admin", sourceID
	r.Address, r.Lng, r.Lat, r.Status = "深圳市福田区福中三路", 114.0579, 22.5431, directory.StatusActive
	r.Phones, r.Languages = []string{"0755-12348"}, []string{"zh"}
	return r
}

func auditCount(t *testing.T, id string) int {
	t.Helper()
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM changes WHERE record_id = $1`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRecordWritesAuditOncePerWrite(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	rec, err := recorddb.CreateProvider(ctx, pool, newRecord("rw-1"), recorddb.Edit{Actor: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	if rec.ID == "" || rec.Version != 1 || auditCount(t, rec.ID) != 1 {
		t.Fatalf("created %+v with %d audit rows", rec, auditCount(t, rec.ID))
	}
	upd, err := recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "bob", Action: "update", Version: 1},
		func(cur recorddb.Record) (recorddb.Record, error) {
			cur.Name, cur.Lng = "福田区公共法律服务中心", 114.06
			return cur, nil
		})
	if err != nil || upd.Version != 2 || upd.Name != "福田区公共法律服务中心" {
		t.Fatalf("update: %+v %v", upd, err)
	}
	page, err := recorddb.Changes(ctx, pool, recorddb.ChangeFilter{RecordID: rec.ID, Limit: 10})
	changes := page.Changes
	if err != nil || len(changes) != 2 || page.Total != (recorddb.Total{N: 2}) {
		t.Fatalf("history: %d rows of %+v, %v", len(changes), page.Total, err)
	}
	newest := changes[0]
	var diff map[string]struct{ Old, New any }
	json.Unmarshal(newest.Diff, &diff) //nolint:errcheck
	if newest.Action != "update" || newest.Actor != "bob" || newest.Source != "edit" || len(diff) != 2 ||
		diff["name"].Old != "福田区法律援助处" || fmt.Sprint(diff["geom"].New) != "[114.06 22.5431]" {
		t.Fatalf("audit row %+v diff %s", newest, newest.Diff)
	}
	if changes[1].Action != "create" || changes[1].Actor != "ann" {
		t.Fatalf("oldest row %+v", changes[1])
	}

	// Saving the same values writes nothing: no version, no audit row.
	same, err := recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "bob", Action: "update", Version: 2},
		func(cur recorddb.Record) (recorddb.Record, error) { return cur, nil })
	if err != nil || same.Version != 2 || auditCount(t, rec.ID) != 2 {
		t.Fatalf("no-op save: version %d, %d audit rows, %v", same.Version, auditCount(t, rec.ID), err)
	}
	// A failing write leaves neither the change nor an audit row.
	_, err = recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "bob", Action: "update", Version: 2},
		func(cur recorddb.Record) (recorddb.Record, error) {
			cur.Lat = 95 // the database's point check refuses it
			return cur, nil
		})
	if err == nil || auditCount(t, rec.ID) != 2 {
		t.Fatalf("impossible point: err %v, %d audit rows", err, auditCount(t, rec.ID))
	}
	boom := errors.New("validation failed")
	if _, err := recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "bob", Action: "update"},
		func(cur recorddb.Record) (recorddb.Record, error) { return cur, boom }); !errors.Is(err, boom) {
		t.Fatalf("mutation error: %v", err)
	}
	if got, _ := recorddb.ProviderByID(ctx, pool, rec.ID); got.Version != 2 || got.Lat != 22.5431 || auditCount(t, rec.ID) != 2 {
		t.Fatalf("after failed writes: %+v, %d audit rows", got, auditCount(t, rec.ID))
	}
}

// Two editors read version 1 and save at once: one wins, the other gets a conflict with the record as the
// winner left it.
func TestConcurrentEditorsOneConflict(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	rec, err := recorddb.CreateProvider(ctx, pool, newRecord("rw-2"), recorddb.Edit{Actor: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	start := make(chan struct{})
	for i, name := range []string{"甲", "乙"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "editor" + name, Action: "update", Version: 1},
				func(cur recorddb.Record) (recorddb.Record, error) {
					cur.Description = name
					return cur, nil
				})
		}()
	}
	close(start)
	wg.Wait()
	var vc *recorddb.VersionConflict
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.As(err, &vc) && errors.Is(err, store.ErrConflict):
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	if ok != 1 || vc == nil || vc.Current.Version != 2 {
		t.Fatalf("%d saves succeeded (want 1); conflict %+v", ok, vc)
	}
	if auditCount(t, rec.ID) != 2 {
		t.Fatalf("%d audit rows, want create + one update", auditCount(t, rec.ID))
	}
}
