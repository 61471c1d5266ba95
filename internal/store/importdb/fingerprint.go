package importdb

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"sync"
	"time"

	"legalmap/internal/store"
)

// Fingerprint is the hash of everything an import derives a place from (sql/040_import_speed.sql): the
// row's validated and converted fields, its source id, the people of its search document, and a basis
// the pipeline gives (the kind, the columns the file has, the analysis). Equal fingerprints at the
// record's current version mean the import would write nothing new, so the record is neither analysed
// again nor compared. SHA-256, cut to 16 bytes: a changed record must never pass for an unchanged one.
type Fingerprint [16]byte

// RowClass is what the writer does with a row, decided on the row workers against the SourceIndex.
type RowClass uint8

const (
	// RowNew: the source has no record with this id; the row is created directly.
	RowNew RowClass = iota
	// RowCompare: the source has the id, and no fingerprint vouches for it: staged and compared in SQL.
	RowCompare
	// RowUnchanged: the record is at the version its fingerprint describes, and the fingerprint is the
	// row's: nothing to write.
	RowUnchanged
)

// fpBuf is one row's canonical form, reused: a fingerprint is taken on every row of every run.
var fpBufs = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// Fingerprint returns the row's fingerprint over basis and people. Every field is written with its
// length (or a presence byte), so no two different rows share a canonical form.
func (p *StagedProvider) Fingerprint(basis []byte, people []store.DocPerson) Fingerprint {
	bp := fpBufs.Get().(*[]byte)
	w := fpWriter{b: (*bp)[:0]}
	w.bytes(basis)
	for _, s := range []string{p.SourceID, p.Name, p.NameEn, p.LicenceNo, p.CreditCode, p.Address, p.AreaCode,
		p.Email, p.Website, p.FeeNote, p.Accessibility, p.Description, p.Status,
		p.AdviserName, p.AdviserLicence, p.FirmName, p.FirmLicence, p.Placement} {
		w.str(s)
	}
	w.u64(math.Float64bits(p.Lng))
	w.u64(math.Float64bits(p.Lat))
	for _, l := range [][]string{p.Phones, p.Languages, p.PracticeAreas, p.PracticeNotes, p.Categories} {
		w.list(l)
	}
	w.bytes(p.Hours)
	w.bytes(p.Schedule)
	switch {
	case p.Free == nil:
		w.b = append(w.b, 0)
	case *p.Free:
		w.b = append(w.b, 1)
	default:
		w.b = append(w.b, 2)
	}
	for _, t := range []*time.Time{p.ValidFrom, p.ValidTo, p.VerifiedAt} {
		if t == nil {
			w.b = append(w.b, 0)
		} else {
			w.b = append(w.b, 1)
			w.u64(uint64(t.UnixNano()))
		}
	}
	w.u64(uint64(len(people)))
	for _, x := range people {
		w.str(x.ID)
		w.str(x.Name)
		w.str(x.LicenceNo)
		w.list(x.PracticeAreas)
	}
	sum := sha256.Sum256(w.b)
	*bp = w.b
	fpBufs.Put(bp)
	return Fingerprint(sum[:16])
}

type fpWriter struct{ b []byte }

func (w *fpWriter) u64(v uint64) { w.b = binary.LittleEndian.AppendUint64(w.b, v) }

func (w *fpWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *fpWriter) bytes(s []byte) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *fpWriter) list(l []string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(l)))
	for _, s := range l {
		w.str(s)
	}
}
