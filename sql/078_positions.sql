-- 078: a place's position has a quality (DESIGN.md "Data"). Real lists hold rows with an address and no
-- coordinates: such a row is placed at the centre of the smallest area its address names (approximate), or,
-- when it names none, has no position at all (unplaced): searchable and listed, never on the map or in
-- nearest. The bureau places it exactly later (the admin editor's marker).

ALTER TABLE providers
    ADD COLUMN placement text NOT NULL DEFAULT 'exact' CHECK (placement IN ('exact', 'approximate', 'unplaced'));
ALTER TABLE providers ALTER COLUMN geom DROP NOT NULL;
ALTER TABLE providers ADD CONSTRAINT providers_placement_geom CHECK ((placement = 'unplaced') = (geom IS NULL));

-- The records that need a position, for the bureau's dashboard.
CREATE INDEX providers_needs_position_idx ON providers (updated_at DESC) WHERE placement <> 'exact' AND status <> 'closed';

-- The map's grid counts the places that have a position (001's function, with that one condition more).
CREATE OR REPLACE FUNCTION refresh_viewport_grid() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(7317020) THEN
        RETURN -1;
    END IF;
    SELECT version INTO v FROM directory_state;
    IF v = (SELECT version FROM viewport_grid_state) THEN
        RETURN v;
    END IF;
    DELETE FROM viewport_grid;
    INSERT INTO viewport_grid (level, cx, cy, kind, n, sum_lng, sum_lat, one_id)
    SELECT 8, floor(ST_X(geom) * 256)::int, floor(ST_Y(geom) * 256)::int, kind,
           count(*), sum(ST_X(geom)), sum(ST_Y(geom)), CASE WHEN count(*) = 1 THEN min(id::text) END
      FROM providers
     WHERE status <> 'closed' AND geom IS NOT NULL
     GROUP BY 2, 3, 4;
    FOR l IN REVERSE 7..1 LOOP
        INSERT INTO viewport_grid (level, cx, cy, kind, n, sum_lng, sum_lat, one_id)
        SELECT l, cx >> 1, cy >> 1, kind, sum(n), sum(sum_lng), sum(sum_lat), CASE WHEN sum(n) = 1 THEN min(one_id) END
          FROM viewport_grid
         WHERE level = l + 1
         GROUP BY 2, 3, 4;
    END LOOP;
    UPDATE viewport_grid_state SET version = v, built_at = now();
    RETURN v;
END $$;
