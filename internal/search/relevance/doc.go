// Package relevance measures keyword search against judged queries over two directories loaded into a
// real PostgreSQL and searched through the real engine (search.NewPG):
//
//   - the fixture set, ../testdata/judged*.tsv, over the hand-made directory of ../testdata/docs.json,
//     inserted into the package's database with the search documents written by the analyzer exactly as
//     production writes them;
//   - the sample set, ../testdata/sample_judged.tsv, over the synthetic directory `legalmap sample` writes
//     (seed 1, default scale), imported file by file through the import pipeline as `legalmap sample
//     --load` does, into a second database of its own (so neither set ranks among the other's records)
//     that TestMain drops. Its queries were written from the generator's word lists and files before any
//     was run; ids are the sample's source ids (SZLF000001, SZLA00034, …).
//
// Each line of a judged file gives a class (everyday, place, pinyin, typo, practitioner, name, english,
// mixed), the query, an optional location, the ids that must be in the top five, the ids that must not
// appear, and what the query asks for (area:, kind:, place:, name:, licence:), from which the relevant
// records are decided. The tests assert a floor on precision@5 and recall and on the ids each query must
// (or must not) return; the benchmarks print precision@5 and recall per query class. It holds tests only.
package relevance
