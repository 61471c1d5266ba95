package columns

// Header is the header a bureau's list most often gives a field (the first of its aliases), for reports
// that name a field in words; "" when the field has none (a GeoJSON geometry, a header the file made up).
func Header(kind, field string) string {
	if a := kindAliases[kind][field]; len(a) > 0 {
		return a[0]
	}
	if a := placeAliases[field]; len(a) > 0 {
		return a[0]
	}
	return ""
}
