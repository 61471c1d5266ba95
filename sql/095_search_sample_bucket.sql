-- 095: a sample of a word's places, read through the search index.
--
-- A broad query naming another town is answered from a window of its matches there (internal/search/pg.go:
-- the walk around the citizen finds none). GIN reads a lexeme's every place into a bitmap before the
-- first row, so a window of a city's word cost as much as all of the city's places. Each place falls in
-- one of 64 buckets by a hash of its id, and the search index holds the bucket beside the document
-- (btree_gin, on the expression: nothing is stored in the table): the index then intersects a word's
-- places with one bucket's and yields a sixty-fourth of them, spread through the table as the hash spreads
-- them, for the cost of that sixty-fourth. Plain searches name no bucket and read the index as before.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX providers_search_idx;
CREATE INDEX providers_search_idx ON providers USING gin (search_doc, ((uuid_hash(id) & 63)::smallint));
