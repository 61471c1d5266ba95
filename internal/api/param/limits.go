package param

import "strconv"

// BodyLimit renders a byte count in the form Echo's BodyLimit middleware reads ("1048576B").
func BodyLimit(n int64) string { return strconv.FormatInt(n, 10) + "B" }
