package importdb

import (
	"context"
	"fmt"
	"hash/maphash"

	"legalmap/internal/store"
)

// SourceIndex is what a place import knows of its source before it reads the file: which source ids exist,
// and for each the fingerprint that still vouches for it (taken at the record's current version). The row
// workers read it, all at once and without locks, to class each row (ClassOf). Read once, inside the
// run's transaction and under the import lock, so no other import changes the source meanwhile.
//
// It is keyed by a 64-bit hash of the source id, not the id: a million ids then cost ~40 MB instead of
// ~100. A collision is harmless: a new id taken for an existing one is staged and compared, and the
// comparison, which joins on the id itself, creates it; an unchanged verdict needs the row's own
// fingerprint, which covers its source id.
type SourceIndex struct {
	seed maphash.Seed
	ids  map[uint64]sourceEntry
	// Open counts the source's open records of the run's kind before the run: the base of a snapshot's
	// withdrawal share (the records the run creates must not dilute it).
	Open int
}

type sourceEntry struct {
	fp       Fingerprint
	vouched  bool // fp is set and was taken at the record's current version
	sameKind bool // the record is of the run's kind (an id of another kind is refused by the apply)
}

// LoadSourceIndex reads the source's places and their valid fingerprints.
func (t *ImportTx) LoadSourceIndex(ctx context.Context, kind string) (*SourceIndex, error) {
	x := &SourceIndex{seed: maphash.MakeSeed(), ids: map[uint64]sourceEntry{}}
	rows, err := t.tx.Query(ctx, `SELECT p.source_id, p.kind = $2, p.status <> 'closed', f.fp
		FROM providers p LEFT JOIN provider_fingerprints f ON f.provider_id = p.id AND f.version = p.version
		WHERE p.source = $1`, t.Run.Source, kind)
	if err != nil {
		return nil, fmt.Errorf("import index: %w", store.Classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		// Raw values: a million rows without a million strings.
		v := rows.RawValues()
		e := sourceEntry{sameKind: rawTrue(v[1])}
		if len(v[3]) == len(e.fp) {
			copy(e.fp[:], v[3])
			e.vouched = true
		}
		if e.sameKind && rawTrue(v[2]) {
			x.Open++
		}
		x.ids[maphash.Bytes(x.seed, v[0])] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("import index: %w", store.Classify(err))
	}
	return x, nil
}

// ClassOf says what becomes of a row with this source id and fingerprint.
func (x *SourceIndex) ClassOf(sourceID string, fp Fingerprint) RowClass {
	e, ok := x.ids[maphash.String(x.seed, sourceID)]
	switch {
	case !ok:
		return RowNew
	case e.vouched && e.sameKind && e.fp == fp:
		return RowUnchanged
	}
	return RowCompare
}

// rawTrue reads a boolean as received: binary (1) or text ('t').
func rawTrue(b []byte) bool { return len(b) == 1 && (b[0] == 1 || b[0] == 't') }
