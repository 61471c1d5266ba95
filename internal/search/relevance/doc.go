// Package relevance measures keyword search against judged queries (../testdata/judged*.tsv) over a
// directory loaded into a real PostgreSQL: the fixture directory of ../testdata/docs.json, with the
// search documents written by the analyzer exactly as production writes them. Its tests assert a floor
// on precision and recall and on the ids each judged query must (or must not) return; its benchmark
// prints precision@5 and recall per query class. It holds tests only.
package relevance
