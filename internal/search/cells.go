package search

import (
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// Geographic cells make "the matches near me" an index question. A place's search document holds the cell
// it lies in at three sizes (geo1: ~220 m, geo2: ~1.1 km, geo3: ~5.5 km at Shenzhen's latitude). A broad
// query with a location ("离婚" matching a hundred thousand places) then asks the GIN index for its matches
// in the 3×3 block of cells around the citizen, finest size first, instead of walking outwards through the
// spatial index and testing every place on the way: that walk reads every non-matching place nearer than
// the matches, tens of thousands of rows when the matches lie in another district.

// cellSizes are the cells' sides in degrees, finest first.
var cellSizes = [...]float64{0.002, 0.01, 0.05}

// prefixCell starts a cell lexeme, followed by the level (1 = finest) and the cell's column and row:
// geo2:11405:2254. Like the other code lexemes it holds a ':' that no user text can produce.
const prefixCell = "geo"

func cellLexeme(level int, x, y int64) string {
	b := make([]byte, 0, 20)
	b = append(b, prefixCell...)
	b = strconv.AppendInt(b, int64(level+1), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, x, 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, y, 10)
	return string(b)
}

// cellOf is the column and row of the cell holding p at a level.
func cellOf(level int, p orb.Point) (x, y int64) {
	s := cellSizes[level]
	return int64(math.Floor(p[0] / s)), int64(math.Floor(p[1] / s))
}

// pointCells are the lexemes of the cells holding p, one per level.
func pointCells(p orb.Point) []string {
	out := make([]string, len(cellSizes))
	for level := range cellSizes {
		x, y := cellOf(level, p)
		out[level] = cellLexeme(level, x, y)
	}
	return out
}

// cellBlock is the tsquery that matches the block of cells around p at a level. At the finer levels it is
// the 3×3 block, holding every place within one cell side of p (and some a little further). At the widest
// it is the 2×2 block around the corner of p's cell nearest to p, holding every place within half a side
// (2.6 km): a 3×3 block of 5 km cells ORs posting lists of a seventh of a dense city, and four cells of
// nine cost 20 ms instead of 35 for "交通事故 律师 宝安" on a million places.
func cellBlock(level int, p orb.Point) string {
	x, y := cellOf(level, p)
	x0, x1, y0, y1 := x-1, x+1, y-1, y+1
	if level == len(cellSizes)-1 {
		side := cellSizes[level]
		x0, x1 = nearerPair(x, p[0]/side)
		y0, y1 = nearerPair(y, p[1]/side)
	}
	parts := make([]string, 0, 9)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			parts = append(parts, quoteLexeme(cellLexeme(level, cx, cy)))
		}
	}
	return strings.Join(parts, " | ")
}

// nearerPair is cell c and its neighbour on the side nearer to v (v in cell units, within c).
func nearerPair(c int64, v float64) (int64, int64) {
	if v-float64(c) < 0.5 {
		return c - 1, c
	}
	return c, c + 1
}

// blockReach is how far from p, in cell sides along each axis, the block at a level surely reaches.
func blockReach(level int) float64 {
	if level == len(cellSizes)-1 {
		return 0.5
	}
	return 1
}
