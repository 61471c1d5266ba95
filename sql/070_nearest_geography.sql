-- 070: nearest and keyword search on one spatial index that knows no city.
--
-- Nearest places and a broad keyword query's nearest matches are read in order of distance on the
-- sphere, through a GiST index over the places' geography (KNN, `<->`); the store re-sorts them by the
-- spheroid distance, with a margin that holds at any latitude (internal/store/query_nearest.go). This
-- replaces the plane of 050, whose scale was one city's latitude, its per-kind copies of 051, and the
-- index of one sample bucket of 052, which the search engine no longer asks for.
DROP INDEX providers_search_sample_idx;
DROP INDEX providers_knn_law_firm_idx, providers_knn_legal_aid_idx, providers_knn_notary_idx,
    providers_knn_forensic_idx, providers_knn_community_adviser_idx, providers_knn_idx;
DROP FUNCTION knn_point(double precision, double precision);
DROP FUNCTION knn_point(geometry);
DROP FUNCTION knn_scale();

-- Over every row, withdrawn ones too (the queries skip them): the planner reads the statistics of an
-- index's expression only when the index is not partial, and without them it guesses how many places lie
-- within a distance, which decides between walking this index and sorting a keyword's matches.
CREATE INDEX providers_geog_idx ON providers USING gist ((geom::geography));

-- The same per kind, for nearest with one kind (the map's and the widget's layers): the index walks only
-- that kind's places in distance order, for every kind there is or will be, instead of reading the other
-- kinds' places on the way and throwing them away. btree_gist puts the kind's equality in a GiST index.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX providers_kind_geog_idx ON providers USING gist (kind, (geom::geography));

-- The search documents no longer hold the sample bucket (b:N) and geographic cell (geoN:x:y) lexemes:
-- drop them from the stored ones, as a rebuild would, so the index does not keep them.
UPDATE providers SET search_doc = ts_delete(search_doc,
        ARRAY(SELECT u.lexeme FROM unnest(search_doc) u WHERE u.lexeme ~ '^(b|geo[0-9]):'))
    WHERE EXISTS (SELECT 1 FROM unnest(search_doc) u WHERE u.lexeme ~ '^(b|geo[0-9]):');
