package store

import (
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// TSVector is a search document as the analysis makes it, lexemes by weight class (A highest), each at
// position 1: the one form in which documents reach PostgreSQL (imports by COPY, rebuilds and edits as
// parameters), sent in tsvector's binary format: no text literal to build and quote here, none to parse
// there. It is the same value the text form 'lexeme':1A … gives.
type TSVector struct {
	A, B, C []string
	wire    []byte // the binary form, once built (Prepare builds it on the row workers)
}

// The built-in types' fixed OIDs.
const (
	tsvectorOID      = 3614
	tsvectorArrayOID = 3643
)

// Weights as WordEntryPos stores them: the top two bits, A = 3 … D = 0; the position is 1.
var tsWeights = [3]uint16{3 << 14, 2 << 14, 1 << 14}

// registerTSVector teaches a connection's type map (OpenPool's AfterConnect) to encode TSVector and
// []TSVector as tsvector and tsvector[] (pgx has no tsvector codec).
func registerTSVector(m *pgtype.Map) {
	t := &pgtype.Type{Name: "tsvector", OID: tsvectorOID, Codec: tsvectorCodec{}}
	m.RegisterType(t)
	m.RegisterType(&pgtype.Type{Name: "_tsvector", OID: tsvectorArrayOID, Codec: &pgtype.ArrayCodec{ElementType: t}})
}

type tsvectorCodec struct{}

func (tsvectorCodec) FormatSupported(f int16) bool { return f == pgtype.BinaryFormatCode }
func (tsvectorCodec) PreferredFormat() int16       { return pgtype.BinaryFormatCode }

func (tsvectorCodec) PlanEncode(_ *pgtype.Map, _ uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(TSVector); ok && format == pgtype.BinaryFormatCode {
		return tsvectorPlan{}
	}
	return nil
}

func (tsvectorCodec) PlanScan(*pgtype.Map, uint32, int16, any) pgtype.ScanPlan { return nil }

func (tsvectorCodec) DecodeDatabaseSQLValue(*pgtype.Map, uint32, int16, []byte) (driver.Value, error) {
	return nil, errors.New("store: tsvector is write-only here")
}

func (tsvectorCodec) DecodeValue(*pgtype.Map, uint32, int16, []byte) (any, error) {
	return nil, errors.New("store: tsvector is write-only here")
}

type tsvectorPlan struct{}

// Encode writes the document's binary form.
func (tsvectorPlan) Encode(value any, buf []byte) ([]byte, error) {
	v := value.(TSVector)
	if v.wire == nil {
		v.Build()
	}
	return append(buf, v.wire...), nil
}

// Build makes tsvectorsend's format: the number of lexemes, then each lexeme NUL-terminated with its one
// position (1, with its class's weight). tsvectorrecv sorts but does not merge duplicates, so the lexemes
// go sorted (byte order, as PostgreSQL compares them) and each once, with its highest weight, which is
// what the text form gives. Each class is sorted on its own (plain string sorts, the fastest Go has) and
// the three are merged; it runs once per imported row, on the row workers (else at the first encode).
func (v *TSVector) Build() {
	n := len(v.A) + len(v.B) + len(v.C)
	lex := make([]string, 0, n)
	var ends [3]int
	size := 4
	for i, class := range [3][]string{v.A, v.B, v.C} {
		for _, l := range class {
			if strings.IndexByte(l, 0) >= 0 { // PostgreSQL text cannot hold NUL
				l = strings.ReplaceAll(l, "\x00", "")
			}
			if l != "" {
				lex = append(lex, l)
				size += len(l) + 5
			}
		}
		ends[i] = len(lex)
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		slices.Sort(lex[start:ends[i]])
	}
	a, b, c := lex[:ends[0]], lex[ends[0]:ends[1]], lex[ends[1]:]
	buf := make([]byte, 4, size)
	count := uint32(0)
	ia, ib, ic := 0, 0, 0
	for ia < len(a) || ib < len(b) || ic < len(c) {
		// The smallest head; on a tie the highest class wins, and every copy of it is passed.
		var m string
		w := 2
		switch {
		case ia < len(a) && (ib == len(b) || a[ia] <= b[ib]) && (ic == len(c) || a[ia] <= c[ic]):
			m, w = a[ia], 0
		case ib < len(b) && (ic == len(c) || b[ib] <= c[ic]):
			m, w = b[ib], 1
		default:
			m = c[ic]
		}
		for ia < len(a) && a[ia] == m {
			ia++
		}
		for ib < len(b) && b[ib] == m {
			ib++
		}
		for ic < len(c) && c[ic] == m {
			ic++
		}
		count++
		buf = append(buf, m...)
		buf = append(buf, 0)
		buf = binary.BigEndian.AppendUint16(buf, 1)
		buf = binary.BigEndian.AppendUint16(buf, tsWeights[w]|1)
	}
	binary.BigEndian.PutUint32(buf, count)
	v.wire = buf
}
