package store

import (
	"encoding/binary"
	"fmt"

	"github.com/jackc/pgx/v5/pgtype"
)

// textArrayCodec is pgx's codec for text[] with a direct binary decoder into []string. The public lists
// read three text[] columns per place (phones, practice areas, languages); pgx's generic array decoding
// (reflection, an element plan per value) was a twentieth of the server's work for a nearest answer.
// Everything else (encoding, other targets, multi-dimensional arrays, NULL elements) goes to pgx's codec.
type textArrayCodec struct{ *pgtype.ArrayCodec }

// registerTextArray puts textArrayCodec in a connection's type map (AfterConnect).
func registerTextArray(m *pgtype.Map) {
	t, ok := m.TypeForOID(pgtype.TextArrayOID)
	if !ok {
		return
	}
	generic, ok := t.Codec.(*pgtype.ArrayCodec)
	if !ok {
		return // registered already, or not pgx's: leave it
	}
	m.RegisterType(&pgtype.Type{Name: t.Name, OID: t.OID, Codec: textArrayCodec{generic}})
}

func (c textArrayCodec) PlanScan(m *pgtype.Map, oid uint32, format int16, target any) pgtype.ScanPlan {
	if _, ok := target.(*[]string); ok && format == pgtype.BinaryFormatCode {
		return textArrayScan{oid: oid}
	}
	return c.ArrayCodec.PlanScan(m, oid, format, target)
}

// textArrayScan decodes a one-dimensional text[] without NULLs (PostgreSQL's array_send layout: number
// of dimensions, has-nulls flag, element type, then per dimension its length and lower bound, then each
// element's length and bytes); anything else goes to pgx's plan.
type textArrayScan struct{ oid uint32 }

func (p textArrayScan) Scan(src []byte, target any) error {
	dst := target.(*[]string)
	if src == nil {
		*dst = nil
		return nil
	}
	if len(src) < 12 {
		return fmt.Errorf("text[]: %d bytes, too short for the header", len(src))
	}
	ndim, hasNull := binary.BigEndian.Uint32(src), binary.BigEndian.Uint32(src[4:])
	if ndim == 0 {
		*dst = []string{}
		return nil
	}
	if ndim != 1 || hasNull != 0 || len(src) < 20 {
		// As pgx plans it (its wrappers turn *[]string into an array setter its codec fills), on a map of
		// its own: this one holds textArrayCodec.
		return pgtype.NewMap().PlanScan(p.oid, pgtype.BinaryFormatCode, target).Scan(src, target)
	}
	n := int(int32(binary.BigEndian.Uint32(src[12:])))
	if n < 0 || n > (len(src)-20)/4 {
		return fmt.Errorf("text[]: %d elements in %d bytes", n, len(src))
	}
	out := make([]string, n)
	rest := src[20:]
	for i := range out {
		if len(rest) < 4 {
			return fmt.Errorf("text[]: element %d cut short", i)
		}
		size := int(int32(binary.BigEndian.Uint32(rest)))
		if size < 0 || size > len(rest)-4 {
			return fmt.Errorf("text[]: element %d has length %d in %d bytes", i, size, len(rest)-4)
		}
		out[i] = string(rest[4 : 4+size])
		rest = rest[4+size:]
	}
	*dst = out
	return nil
}
