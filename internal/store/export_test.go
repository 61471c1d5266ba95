package store

// The internals that the tests (package store_test, which may use storetest) drive directly.
var RegisterTSVectorForTest = registerTSVector
