package store

// The statements the plan tests (package store_test) explain.
var (
	SearchMatchesSQLForTest              = searchMatchesSQL
	SearchMatchesRowsSQLForTest          = searchMatchesRowsSQL
	SearchSampleSQLForTest               = searchSampleSQL
	SearchNearestMatchesStatementForTest = searchNearestMatchesStatement
)
