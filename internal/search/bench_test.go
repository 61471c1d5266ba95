package search

import "testing"

func BenchmarkQuery(b *testing.B) {
	a := testAnalyzer(b)
	qs := []string{"老板不发工资怎么办", "divorce lawyer 福田", "futiangongzhengchu", "张伟律师", "14403201810123456"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		q := a.Query(qs[i%len(qs)])
		_ = q.TSQuery()
	}
}

func BenchmarkDocumentTokens(b *testing.B) {
	a := testAnalyzer(b)
	docs := loadDocs(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = a.DocumentTokens(docs[i%len(docs)].document()).TSVector()
	}
}
