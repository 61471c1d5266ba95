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
// position 1. An import sends it to PostgreSQL in the binary tsvector format of COPY: no text literal to
// build and quote here, none to parse there (a million documents of ~90 lexemes each make that matter).
// It is the same value the text form 'lexeme':1A … gives.
type TSVector struct {
	A, B, C []string
	wire    []byte // the binary form, once built (Prepare builds it on the row workers)
}

// tsvectorOID is the built-in type's fixed OID.
const tsvectorOID = 3614

// Weights as WordEntryPos stores them: the top two bits, A = 3 … D = 0; the position is 1.
var tsWeights = [3]uint16{3 << 14, 2 << 14, 1 << 14}

// registerTSVector teaches a connection's type map to encode TSVector (pgx has no tsvector codec).
func registerTSVector(m *pgtype.Map) {
	if t, ok := m.TypeForOID(tsvectorOID); ok {
		if _, mine := t.Codec.(tsvectorCodec); mine {
			return
		}
	}
	m.RegisterType(&pgtype.Type{Name: "tsvector", OID: tsvectorOID, Codec: tsvectorCodec{}})
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
		v.build()
	}
	return append(buf, v.wire...), nil
}

// build makes tsvectorsend's format: the number of lexemes, then each lexeme NUL-terminated with its one
// position (1, with its class's weight). tsvectorrecv sorts but does not merge duplicates, so the lexemes
// go sorted (byte order, as PostgreSQL compares them) and each once, with its highest weight, which is
// what the text form gives.
func (v *TSVector) build() {
	type entry struct {
		lex    string
		weight uint16
	}
	entries := make([]entry, 0, len(v.A)+len(v.B)+len(v.C))
	for i, class := range [][]string{v.A, v.B, v.C} {
		for _, l := range class {
			if strings.IndexByte(l, 0) >= 0 { // PostgreSQL text cannot hold NUL
				l = strings.ReplaceAll(l, "\x00", "")
			}
			if l != "" {
				entries = append(entries, entry{l, tsWeights[i]})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.lex, b.lex); c != 0 {
			return c
		}
		return int(b.weight) - int(a.weight) // the highest weight first: the one kept
	})
	size := 4
	for _, e := range entries {
		size += len(e.lex) + 5
	}
	buf := make([]byte, 4, size)
	n := uint32(0)
	for i, e := range entries {
		if i > 0 && e.lex == entries[i-1].lex {
			continue
		}
		n++
		buf = append(buf, e.lex...)
		buf = append(buf, 0)
		buf = binary.BigEndian.AppendUint16(buf, 1)
		buf = binary.BigEndian.AppendUint16(buf, e.weight|1)
	}
	binary.BigEndian.PutUint32(buf, n)
	v.wire = buf
}
