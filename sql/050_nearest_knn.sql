-- 050: a spatial index whose plane is nearly isotropic on the ground in Shenzhen, for the nearest places.
--
-- providers_geom_idx orders places by distance in degrees, but at Shenzhen's latitude a degree of longitude
-- is 7% shorter on the ground than a degree of latitude: the planar order misranks places near the k-th,
-- and the store (query_nearest.go) could prove the first round's answer complete for only about 40% of
-- the points asked about; the others needed a second statement. In the plane of knn_point, longitude is
-- scaled so that a scaled degree is as long on the ground east-west as north-south at the city's middle,
-- and the planar order is the ground order to within a fraction of a per cent across the city.
--
-- knn_scale() is N(φ)·cos φ / M(φ) on WGS84 at φ = 22.632°N, the middle of geo.Shenzhen (22.349 to
-- 22.915°N): the length of a degree of the parallel over that of the meridian there, which is
-- cos φ · (1 + e²cos²φ/(1-e²)).
-- Not cos φ alone (0.92301): on the spheroid a degree of the meridian is 0.57% shorter, relative to the
-- parallel's, than on a sphere. Across the city the plane is then isotropic to within 0.25%.
-- The store reads the scale back with each nearest query and computes planar distances itself as
-- (lng·scale, lat), for its completeness bound, which holds for any scale and any latitude (only looser
-- far from the latitude the scale was made for): the answer stays exact anywhere. So the form of
-- knn_point is a contract with internal/store/query_nearest*.go; only the constant is free.
--
-- Another city: a new migration that redefines knn_scale() (CREATE OR REPLACE FUNCTION) for the city's
-- middle latitude φ, as cos φ · (1 + e²·cos²φ / (1 - e²)) with e² = 0.00669437999014, then runs
-- `REINDEX INDEX providers_knn_idx` in the same transaction: the index holds the points scaled by the old
-- constant while the planner inlines the new one into the queries, so before the reindex the scan would
-- return places out of order (and the store's proofs would no longer hold). No code changes: the store
-- reads the new scale with the answers.
CREATE FUNCTION knn_scale() RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 0.928295;

-- knn_point is a point in the isotropic plane (SRID 0: its coordinates are no longer degrees). Plain
-- SQL, immutable and not strict, so the planner inlines it, in the index expression as in the queries,
-- and matches the two.
CREATE FUNCTION knn_point(g geometry) RETURNS geometry
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ST_MakePoint(ST_X(g) * knn_scale(), ST_Y(g));

-- The point asked about, in the plane, from its coordinates. knn_point(ST_MakePoint($1, $2)) would not be
-- inlined where $1 and $2 are parameters of a prepared statement (its argument, used twice, costs too
-- much to copy), which makes the generic plan dearer than a fresh one for every execution: the statement
-- would be planned anew each time. Each coordinate is used once here, so this one always is.
CREATE FUNCTION knn_point(lng double precision, lat double precision) RETURNS geometry
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ST_MakePoint(lng * knn_scale(), lat);

-- Partial as the public reads are: withdrawn places are never shown, and every nearest query says
-- p.status <> 'closed', which the planner matches with this predicate.
CREATE INDEX providers_knn_idx ON providers USING gist (knn_point(geom)) WHERE status <> 'closed';
