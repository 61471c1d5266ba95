package importdb

// The import's internals that its tests (package importdb_test, which may use storetest) drive directly.

// SetSegmentsForTest makes WriteProviders' segments small, until the returned function restores them.
func SetSegmentsForTest(created, rows, listed int) (restore func()) {
	c, r, l := segCreated, segRows, segListed
	segCreated, segRows, segListed = created, rows, listed
	return func() { segCreated, segRows, segListed = c, r, l }
}

// SourceIndexQuery is LoadSourceIndex's statement, for the test of its plan.
const SourceIndexQuery = sourceIndexQuery
