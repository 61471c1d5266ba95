-- 079: areas are data for any city (`legalmap areas load`): a place's area is the smallest area whose
-- boundary covers its point, never what its address says. The boundaries are searched through their own
-- index; area_within tells whether an area lies in another (a community the bureau's list names, which
-- has no boundary of its own, inside the street whose boundary covers the point).

CREATE INDEX areas_boundary_idx ON areas USING gist (boundary);

CREATE FUNCTION area_within(code text, anc text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH RECURSIVE up(c, depth) AS (
        SELECT code, 0
        UNION ALL
        SELECT a.parent_code, up.depth + 1 FROM areas a JOIN up ON a.code = up.c
        WHERE a.parent_code IS NOT NULL AND up.depth < 6
    )
    SELECT coalesce(bool_or(c = anc), false) FROM up
$$;

-- The smallest area whose boundary covers g (NULL when no loaded boundary does).
CREATE FUNCTION area_at(g geometry) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT a.code FROM areas a
    WHERE a.boundary IS NOT NULL AND a.boundary && g AND ST_Covers(a.boundary, g)
    ORDER BY CASE a.level WHEN 'community' THEN 0 WHEN 'street' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, a.code
    LIMIT 1
$$;
