// Package fixedgzip compresses a small body into the gzip format in one call, with deflate's fixed
// Huffman codes (RFC 1951, 3.2.6) and a greedy LZ77 match finder.
//
// A general deflate encoder builds Huffman tables for each block; for the API's typical answer (ten
// places, 4.4 KB of JSON) building them is most of the work: klauspost/compress at its fastest level took
// 22.8 µs for such an answer (to 1,501 bytes), this takes 9.8 µs (to 1,811 bytes). Both fit TCP's first
// window several times over, so the smaller size bought nothing a client could wait less for, while the
// encoder was a quarter of the server's work per answer. For bodies of more than a few tens of
// kilobytes the tables pay off: use a general encoder there.
package fixedgzip

import (
	"encoding/binary"
	"hash/crc32"
	"math/bits"
)

// Append appends the gzip form of src to dst (one member: a header naming no file and no time, one final
// fixed-Huffman block, the CRC-32 and the length) and returns it.
func Append(dst, src []byte) []byte {
	// ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=4 (fastest) OS=255 (unknown): what compress/gzip writes.
	dst = append(dst, 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 255)
	w := bitWriter{out: dst}
	w.put(1|1<<1, 3)               // BFINAL=1, BTYPE=01: fixed Huffman codes
	var table [1 << hashBits]int32 // position+1 of the last 4 bytes with each hash; 0: none
	n, i, lit := len(src), 0, 0
	for i+4 <= n {
		x := binary.LittleEndian.Uint32(src[i:])
		h := (x * 2654435761) >> (32 - hashBits)
		cand := int(table[h]) - 1
		table[h] = int32(i + 1)
		if cand < 0 || i-cand > maxDistance || binary.LittleEndian.Uint32(src[cand:]) != x {
			i++
			continue
		}
		l := matchLength(src[cand+4:], src[i+4:min(n, i+maxLength)]) + 4
		w.literals(src[lit:i])
		w.match(l, i-cand)
		i += l
		lit = i
	}
	w.literals(src[lit:])
	w.symbol(endOfBlock)
	dst = w.close()
	dst = binary.LittleEndian.AppendUint32(dst, crc32.ChecksumIEEE(src))
	return binary.LittleEndian.AppendUint32(dst, uint32(n))
}

const (
	hashBits    = 12
	maxDistance = 32768
	maxLength   = 258
	endOfBlock  = 256
)

// The fixed codes, bit-reversed for the LSB-first stream (deflate sends Huffman codes from their most
// significant bit); the length and distance symbols with their extra bits.
var (
	litCode   [288]uint16
	litBits   [288]uint8
	distCode  [30]uint16
	lenSymbol [maxLength + 1]uint8 // length -> its symbol's index (symbol 257 + index)
	lenBase   [29]uint16
	lenExtra  = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase  [30]uint32
	distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

func init() {
	for s := range litCode {
		var code, n int
		switch {
		case s < 144:
			code, n = 0x30+s, 8
		case s < 256:
			code, n = 0x190+s-144, 9
		case s < 280:
			code, n = s-256, 7
		default:
			code, n = 0xC0+s-280, 8
		}
		litCode[s], litBits[s] = bits.Reverse16(uint16(code))>>(16-n), uint8(n)
	}
	for s := range distCode {
		distCode[s] = bits.Reverse16(uint16(s)) >> 11
	}
	base := uint16(3)
	for s := range 28 {
		lenBase[s] = base
		base += 1 << lenExtra[s]
	}
	lenBase[28] = maxLength // 258 has a symbol of its own, though 227 + 31 would reach it too
	for l, s := 3, 0; l <= maxLength; l++ {
		for s+1 < len(lenBase) && int(lenBase[s+1]) <= l {
			s++
		}
		lenSymbol[l] = uint8(s)
	}
	d := uint32(1)
	for s := range distBase {
		distBase[s] = d
		d += 1 << distExtra[s]
	}
}

// matchLength is how many bytes a and b have in common from their start (len(a) >= len(b)), compared
// eight at a time.
func matchLength(a, b []byte) int {
	l := 0
	for ; len(b)-l >= 8; l += 8 {
		if x := binary.LittleEndian.Uint64(a[l:]) ^ binary.LittleEndian.Uint64(b[l:]); x != 0 {
			return l + bits.TrailingZeros64(x)/8
		}
	}
	for ; l < len(b) && a[l] == b[l]; l++ {
	}
	return l
}

// distSymbol is the distance symbol of d (1..32768).
func distSymbol(d uint32) int {
	if d <= 4 {
		return int(d - 1)
	}
	n := bits.Len32(d-1) - 1 // two symbols for each power of two from 4 on
	return 2*n + int((d-1)>>(n-1)&1)
}

// bitWriter packs codes LSB first.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bitWriter) put(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

func (w *bitWriter) symbol(s int) { w.put(uint64(litCode[s]), uint(litBits[s])) }

// literals writes bytes as literals, three to a put (at most 27 bits).
func (w *bitWriter) literals(b []byte) {
	for ; len(b) >= 3; b = b[3:] {
		c0, c1, c2 := b[0], b[1], b[2]
		n0, n1 := uint(litBits[c0]), uint(litBits[c1])
		w.put(uint64(litCode[c0])|uint64(litCode[c1])<<n0|uint64(litCode[c2])<<(n0+n1), n0+n1+uint(litBits[c2]))
	}
	for _, c := range b {
		w.symbol(int(c))
	}
}

func (w *bitWriter) match(length, distance int) {
	ls := lenSymbol[length]
	w.symbol(257 + int(ls))
	if e := lenExtra[ls]; e > 0 {
		w.put(uint64(length-int(lenBase[ls])), uint(e))
	}
	ds := distSymbol(uint32(distance))
	w.put(uint64(distCode[ds]), 5)
	if e := distExtra[ds]; e > 0 {
		w.put(uint64(uint32(distance)-distBase[ds]), uint(e))
	}
}

// close writes the bits held, padded to a whole byte, and returns the output.
func (w *bitWriter) close() []byte {
	for ; w.nacc > 0; w.nacc = max(w.nacc, 8) - 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
	}
	return w.out
}
