-- 051: the plane's KNN index once more per kind, for nearest with a kind filter (the map's and the widget's
-- layers). The general index walks every kind in distance order and throws the others away: at a million
-- places a notary search discarded ~2,200 rows to find 23 (7 ms; 1 ms with its own index). Each place sits
-- in one of these, so an import pays one more index entry per row. A kind added later simply uses the
-- general index until a migration gives it its own.
CREATE INDEX providers_knn_law_firm_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed' AND kind = 'law_firm';
CREATE INDEX providers_knn_legal_aid_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed' AND kind = 'legal_aid';
CREATE INDEX providers_knn_notary_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed' AND kind = 'notary';
CREATE INDEX providers_knn_forensic_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed' AND kind = 'forensic';
CREATE INDEX providers_knn_community_adviser_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed' AND kind = 'community_adviser';
