package store

// The statements the plan tests (package store_test) explain.
var (
	SearchMatchesSQLForTest              = searchMatchesSQL
	SearchMatchesRowsSQLForTest          = searchMatchesRowsSQL
	SearchNearestMatchesStatementForTest = searchNearestMatchesStatement
)
