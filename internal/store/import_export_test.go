package store

// The import's internals that its tests (package store_test, which may use storetest) drive directly.
var (
	RegisterTSVectorForTest = registerTSVector
	AppendJSONStringForTest = appendJSONString
)
