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

// cellBlock is the tsquery that matches the 3×3 block of cells around p at a level: every place within
// one cell side of p, and some a little further.
func cellBlock(level int, p orb.Point) string {
	x, y := cellOf(level, p)
	parts := make([]string, 0, 9)
	for dx := int64(-1); dx <= 1; dx++ {
		for dy := int64(-1); dy <= 1; dy++ {
			parts = append(parts, quoteLexeme(cellLexeme(level, x+dx, y+dy)))
		}
	}
	return strings.Join(parts, " | ")
}
