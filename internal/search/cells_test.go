package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// Every place within the block's reach of the citizen (one cell side in both directions, half a side at the
// widest level) lies in the block searched around them: the block never misses a neighbour across a cell
// edge. The widest block is four cells.
func TestCellBlockHoldsNeighbours(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		q := orb.Point{113.7 + r.Float64()*0.9, 22.4 + r.Float64()*0.5}
		if n := len(strings.Split(cellBlock(len(cellSizes)-1, q), " | ")); n != 4 {
			t.Fatalf("the widest block around %v has %d cells, want 4", q, n)
		}
		for level, side := range cellSizes {
			reach := blockReach(level) * side
			p := orb.Point{q[0] + (r.Float64()*2-1)*reach, q[1] + (r.Float64()*2-1)*reach}
			block := cellBlock(level, q)
			own := pointCells(p)[level]
			if !slices.Contains(strings.Split(block, " | "), quoteLexeme(own)) {
				t.Fatalf("level %d: place %v (cell %s) within one side of %v is not in the block %s", level+1, p, own, q, block)
			}
		}
	}
}

// A place's document carries its cells, a person's none, and cell lexemes stay out of the text a
// citizen can match (the ':' is never produced by the analysis of user text).
func TestDocumentCells(t *testing.T) {
	a := testAnalyzer(t)
	p := orb.Point{114.0579, 22.5431}
	toks := a.DocumentTokens(Document{Kind: "notary", Name: "福田公证处", Point: &p}).All()
	for _, c := range pointCells(p) {
		if !slices.Contains(toks, c) {
			t.Errorf("document lacks its cell %s: %v", c, toks)
		}
	}
	for _, l := range a.DocumentTokens(Document{Name: "张伟"}).All() {
		if strings.HasPrefix(l, prefixCell) {
			t.Errorf("a person's document holds cell %s", l)
		}
	}
	if q := a.Query("geo1:57028:11271").TSQuery(); strings.Contains(q, "geo1:") {
		t.Errorf("user text produced a cell lexeme: %s", q)
	}
}
