package api

import "strconv"

// bodyLimit renders a byte count in the form Echo's BodyLimit middleware reads ("1048576B").
func bodyLimit(n int64) string { return strconv.FormatInt(n, 10) + "B" }
