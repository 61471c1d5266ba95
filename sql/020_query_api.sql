-- 020: what the public query API needs beyond the data model: a per-zoom summary of the map, so a
-- city-wide view of a million places is answered from a few thousand rows instead of a million.

-- viewport_grid counts the visible places (status <> 'closed') per grid cell, per kind, at levels 1..8:
-- a cell of level L is 1/2^L degree square, (cx, cy) = (floor(lng * 2^L), floor(lat * 2^L)). Sums of the
-- coordinates give each cluster its centroid. Level 8 (about 400 m) is built from providers, each coarser
-- level from the one below it. A cell holding a single place keeps its id, so the map can show it as a point. It is derived data, rebuilt whole by refresh_viewport_grid() when
-- directory_state.version moves on; viewport_grid_state says which version it shows.
CREATE TABLE viewport_grid (
    level    smallint NOT NULL CHECK (level BETWEEN 1 AND 8),
    cx       integer NOT NULL,
    cy       integer NOT NULL,
    kind     text NOT NULL,
    n        integer NOT NULL CHECK (n > 0),
    sum_lng  double precision NOT NULL,
    sum_lat  double precision NOT NULL,
    one_id   text,                 -- the place's id when the cell holds exactly one of this kind
    PRIMARY KEY (level, cx, cy, kind)
);

CREATE TABLE viewport_grid_state (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    version   bigint NOT NULL DEFAULT 0,   -- the directory_state.version the grid was built from
    built_at  timestamptz
);
INSERT INTO viewport_grid_state DEFAULT VALUES;

-- refresh_viewport_grid rebuilds the grid when it is behind the directory and returns the version it now
-- shows, or -1 when another session is rebuilding it (readers keep seeing the previous grid meanwhile:
-- the rebuild is one transaction). About two seconds at a million places.
CREATE FUNCTION refresh_viewport_grid() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(7317020) THEN
        RETURN -1;
    END IF;
    -- Read before the providers are scanned: the scan's snapshot is then at least this new, so the grid
    -- is never labelled newer than what it counts (at worst it is rebuilt once more).
    SELECT version INTO v FROM directory_state;
    IF v = (SELECT version FROM viewport_grid_state) THEN
        RETURN v;
    END IF;
    DELETE FROM viewport_grid;
    INSERT INTO viewport_grid (level, cx, cy, kind, n, sum_lng, sum_lat, one_id)
    SELECT 8, floor(ST_X(geom) * 256)::int, floor(ST_Y(geom) * 256)::int, kind,
           count(*), sum(ST_X(geom)), sum(ST_Y(geom)), CASE WHEN count(*) = 1 THEN min(id::text) END
      FROM providers
     WHERE status <> 'closed'
     GROUP BY 2, 3, 4;
    FOR l IN REVERSE 7..1 LOOP
        -- >> on integers is an arithmetic shift: floor division by two, right for negative cells too.
        INSERT INTO viewport_grid (level, cx, cy, kind, n, sum_lng, sum_lat, one_id)
        SELECT l, cx >> 1, cy >> 1, kind, sum(n), sum(sum_lng), sum(sum_lat), CASE WHEN sum(n) = 1 THEN min(one_id) END
          FROM viewport_grid
         WHERE level = l + 1
         GROUP BY 2, 3, 4;
    END LOOP;
    UPDATE viewport_grid_state SET version = v, built_at = now();
    RETURN v;
END $$;
