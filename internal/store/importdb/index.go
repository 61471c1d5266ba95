package importdb

import (
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"slices"

	"legalmap/internal/store"
)

// SourceIndex is what a place import knows of its source before it reads the file: which source ids exist,
// and for each the fingerprint that still vouches for it (taken at the record's current version). The row
// workers read it, all at once and without locks, to class each row (ClassOf). Read once, inside the
// run's transaction and under the import lock, so no other import changes the source meanwhile.
//
// It holds a 64-bit hash of each source id, not the id, in one slice sorted by the hash (a binary search
// per row): 32 bytes a record, a third of what a map of them takes. A collision is harmless: a new id
// taken for an existing one is staged and compared, and the comparison, which joins on the id itself,
// creates it; ids sharing a hash are never taken as unchanged.
type SourceIndex struct {
	seed maphash.Seed
	ids  []sourceEntry // sorted by hash
	// Open counts the source's open records of the run's kind before the run: the base of a snapshot's
	// withdrawal share (the records the run creates must not dilute it).
	Open int
}

type sourceEntry struct {
	hash     uint64
	fp       Fingerprint
	vouched  bool // fp is set and was taken at the record's current version
	sameKind bool // the record is of the run's kind (an id of another kind is refused by the apply)
}

// sourceIndexQuery reads a source's places ($1) with their valid fingerprints, and whether each is of the
// run's kind ($2). Every column it reads of providers is in the unique key on (source, source_id)
// (sql/096), so it is an index-only scan of that key, not a pass over the table's wide rows.
const sourceIndexQuery = `SELECT p.source_id, p.kind = $2, p.status <> 'closed', f.fp
	FROM providers p LEFT JOIN provider_fingerprints f ON f.provider_id = p.id AND f.version = p.version
	WHERE p.source = $1`

// LoadSourceIndex reads the source's places and their valid fingerprints.
func (t *ImportTx) LoadSourceIndex(ctx context.Context, kind string) (*SourceIndex, error) {
	x := &SourceIndex{seed: maphash.MakeSeed()}
	rows, err := t.tx.Query(ctx, sourceIndexQuery, t.Run.Source, kind)
	if err != nil {
		return nil, fmt.Errorf("import index: %w", store.Classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		// Raw values: a million rows without a million strings.
		v := rows.RawValues()
		e := sourceEntry{hash: maphash.Bytes(x.seed, v[0]), sameKind: rawTrue(v[1])}
		if len(v[3]) == len(e.fp) {
			copy(e.fp[:], v[3])
			e.vouched = true
		}
		if e.sameKind && rawTrue(v[2]) {
			x.Open++
		}
		x.ids = append(x.ids, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("import index: %w", store.Classify(err))
	}
	x.sort()
	for i := 1; i < len(x.ids); i++ {
		if x.ids[i].hash == x.ids[i-1].hash {
			x.ids[i].vouched, x.ids[i-1].vouched = false, false
		}
	}
	return x, nil
}

// sort orders the entries by hash, for ClassOf's binary search.
func (x *SourceIndex) sort() {
	slices.SortFunc(x.ids, func(a, b sourceEntry) int { return cmp.Compare(a.hash, b.hash) })
}

// ClassOf says what becomes of a row with this source id and fingerprint.
func (x *SourceIndex) ClassOf(sourceID string, fp Fingerprint) RowClass {
	h := maphash.String(x.seed, sourceID)
	i, ok := slices.BinarySearchFunc(x.ids, h, func(e sourceEntry, h uint64) int { return cmp.Compare(e.hash, h) })
	var e sourceEntry
	if ok {
		e = x.ids[i]
	}
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
