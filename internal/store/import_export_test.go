package store

// The import's internals that its tests (package store_test, which may use storetest) drive directly.
var RegisterTSVectorForTest = registerTSVector

// SetSegmentsForTest makes WriteProviders' segments small, until the returned function restores them.
func SetSegmentsForTest(created, rows, listed int) (restore func()) {
	c, r, l := segCreated, segRows, segListed
	segCreated, segRows, segListed = created, rows, listed
	return func() { segCreated, segRows, segListed = c, r, l }
}
