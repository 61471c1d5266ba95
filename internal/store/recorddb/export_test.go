package recorddb

// The admin lists' internals that its tests (package recorddb_test, which may use storetest) drive directly.

// SetCountLimitForTest makes the admin's lists stop counting at n, until the returned function restores
// the limit.
func SetCountLimitForTest(n int) (restore func()) {
	was := countLimit
	countLimit = n
	return func() { countLimit = was }
}

// ChangePageSQL is the statement that picks a page of the log for f, with its parameters (f's values,
// then the page's limit and offset), for the tests of its plan.
func ChangePageSQL(f ChangeFilter) (string, []any) {
	where, args := f.where()
	return changePageSQL(where, len(args)), append(args, f.Limit, f.Offset)
}
