package api

import (
	"slices"

	"legalmap/internal/directory"
)

// activeFirst puts the places that are not active (a licence expired or not yet valid, closed for the
// time being) after the active ones of the same answer, keeping each group's order (nearest first, or
// best match first): a citizen is sent first where they can be served.
func activeFirst(items []placeItem) {
	slices.SortStableFunc(items, func(a, b placeItem) int {
		ia, ib := a.Status != directory.StatusActive, b.Status != directory.StatusActive
		switch {
		case ia == ib:
			return 0
		case ia:
			return 1
		}
		return -1
	})
}
