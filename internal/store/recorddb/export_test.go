package recorddb

// The change log's internals that its tests (package recorddb_test, which may use storetest) drive directly.

// SetChangeCountLimitForTest makes the change log stop counting at n, until the returned function
// restores the limit.
func SetChangeCountLimitForTest(n int) (restore func()) {
	was := changeCountLimit
	changeCountLimit = n
	return func() { changeCountLimit = was }
}

// ChangePageSQL is the statement that picks a page of the log for f, with its parameters (f's values,
// then the page's limit and offset), for the tests of its plan.
func ChangePageSQL(f ChangeFilter) (string, []any) {
	where, args := f.where()
	return changePageSQL(where, len(args)), append(args, f.Limit, f.Offset)
}
