package requestdb_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store/requestdb"
	"legalmap/internal/store/storetest"
)

func requestPlace(t *testing.T) string {
	t.Helper()
	var id string
	if err := storetest.Pool(t).QueryRow(context.Background(), `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('legal_aid', '存储测试中心', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'store-requests', gen_random_uuid()::text)
		RETURNING id::text`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Ten submissions of one phone at once: exactly the cap is stored, the rest get ErrTooMany.
func TestOpenRequestCapHoldsUnderConcurrency(t *testing.T) {
	place := requestPlace(t)
	mac := sha256.Sum256([]byte("one phone"))
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- requestdb.CreateRequest(context.Background(), storetest.Pool(t), requestdb.NewRequest{
				Code: fmt.Sprintf("CAP%d-AAAA-AAAA", i), ProviderID: place, Kind: "legal_aid", Type: "consultation",
				Sealed: []byte("sealed"), KeyID: "0123456789abcdef", PhoneMAC: mac[:], MaxOpen: 3, Capacity: 1})
		}()
	}
	wg.Wait()
	close(errs)
	ok, tooMany := 0, 0
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, requestdb.ErrTooMany):
			tooMany++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if ok != 3 || tooMany != 7 {
		t.Fatalf("%d stored, %d refused; want 3 and 7", ok, tooMany)
	}
}

// The request log is append-only for the application, as the change log is.
func TestApplicationCannotAlterRequestEvents(t *testing.T) {
	ctx := context.Background()
	place := requestPlace(t)
	mac := sha256.Sum256([]byte("events phone"))
	if err := requestdb.CreateRequest(ctx, storetest.Pool(t), requestdb.NewRequest{Code: "EVNT-AAAA-AAAA", ProviderID: place, Kind: "legal_aid",
		Type: "consultation", Sealed: []byte("x"), KeyID: "0123456789abcdef", PhoneMAC: mac[:], MaxOpen: 3, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	storetest.WantRefused(t, conn, `UPDATE request_events SET actor = 'someone else'`)
	storetest.WantRefused(t, conn, `DELETE FROM request_events`)
	storetest.WantRefused(t, conn, `TRUNCATE request_events CASCADE`)
}
