-- 001: the whole data model of DESIGN.md ("Data"). Coordinates are WGS84; codes are text; text is stored
-- exactly as received. Constraints keep impossible rows out, so a bug upstream fails loudly here.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Vocabularies: data, not code. synonyms are the everyday words people type for the thing.
CREATE TABLE kinds (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    name_zh   text NOT NULL CHECK (name_zh <> ''),
    name_en   text NOT NULL CHECK (name_en <> ''),
    synonyms  text[] NOT NULL DEFAULT '{}',
    sort      int NOT NULL DEFAULT 0
);

CREATE TABLE practice_areas (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    name_zh   text NOT NULL CHECK (name_zh <> ''),
    name_en   text NOT NULL CHECK (name_en <> ''),
    synonyms  text[] NOT NULL DEFAULT '{}',
    sort      int NOT NULL DEFAULT 0
);

CREATE TABLE areas (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z_-]+$'),
    level       text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
    parent_code text REFERENCES areas (code),
    name_zh     text NOT NULL CHECK (name_zh <> ''),
    name_en     text NOT NULL DEFAULT '',
    pinyin      text NOT NULL DEFAULT '',
    centre      geometry(Point, 4326),
    bbox        geometry(Polygon, 4326),
    boundary    geometry(MultiPolygon, 4326),
    CHECK ((level = 'city') = (parent_code IS NULL))
);
CREATE INDEX areas_parent_idx ON areas (parent_code);
CREATE INDEX areas_name_trgm_idx ON areas USING gin (name_zh gin_trgm_ops);

-- A coordinate check shared by every point column.
CREATE FUNCTION valid_point(g geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT GeometryType(g) = 'POINT' AND ST_SRID(g) = 4326
       AND ST_X(g) BETWEEN -180 AND 180 AND ST_Y(g) BETWEEN -90 AND 90
       AND ST_X(g) = ST_X(g) AND ST_Y(g) = ST_Y(g) -- NaN is not equal to itself
$$;

CREATE TABLE providers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL REFERENCES kinds (code),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    name_en         text NOT NULL DEFAULT '',
    licence_no      text NOT NULL DEFAULT '',
    credit_code     text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    area_code       text REFERENCES areas (code),
    geom            geometry(Point, 4326) NOT NULL CHECK (valid_point(geom)),
    phones          text[] NOT NULL DEFAULT '{}',
    email           text NOT NULL DEFAULT '',
    website         text NOT NULL DEFAULT '',
    hours           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(hours) = 'object'),
    languages       text[] NOT NULL DEFAULT '{zh}' CHECK (array_position(languages, NULL) IS NULL),
    practice_areas  text[] NOT NULL DEFAULT '{}' CHECK (array_position(practice_areas, NULL) IS NULL),
    practice_notes  text[] NOT NULL DEFAULT '{}',
    free            boolean,
    fee_note        text NOT NULL DEFAULT '',
    accessibility   text NOT NULL DEFAULT '',
    description     text NOT NULL DEFAULT '',
    categories      text[] NOT NULL DEFAULT '{}',      -- forensic appraisal categories
    valid_from      date,                              -- forensic licence period
    valid_to        date,
    internal_note   text NOT NULL DEFAULT '',          -- bureau only: never in a public answer
    status          text NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'temporarily_closed', 'closed')),
    verified_at     timestamptz,
    source          text NOT NULL CHECK (source <> ''),
    source_id       text NOT NULL CHECK (source_id <> ''),
    version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search_doc      tsvector NOT NULL DEFAULT ''::tsvector,
    CONSTRAINT providers_source_uq UNIQUE (source, source_id),
    CONSTRAINT providers_valid_period CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
    CONSTRAINT providers_languages_iso CHECK (array_to_string(languages, ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$')
);
CREATE INDEX providers_geom_idx ON providers USING gist (geom);
CREATE INDEX providers_search_idx ON providers USING gin (search_doc);
CREATE INDEX providers_practice_areas_idx ON providers USING gin (practice_areas);
CREATE INDEX providers_kind_idx ON providers (kind) WHERE status <> 'closed';
CREATE INDEX providers_name_en_trgm_idx ON providers USING gin (lower(name_en) gin_trgm_ops);

CREATE TABLE practitioners (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_id     uuid REFERENCES providers (id),
    role            text NOT NULL CHECK (role IN ('lawyer', 'notary', 'appraiser', 'adviser')),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    licence_no      text UNIQUE CHECK (licence_no <> ''),
    practice_areas  text[] NOT NULL DEFAULT '{}',
    languages       text[] NOT NULL DEFAULT '{zh}',
    status          text NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'temporarily_closed', 'closed')),
    source          text NOT NULL CHECK (source <> ''),
    source_id       text NOT NULL CHECK (source_id <> ''),
    version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search_doc      tsvector NOT NULL DEFAULT ''::tsvector,
    CONSTRAINT practitioners_source_uq UNIQUE (source, source_id)
);
CREATE INDEX practitioners_provider_idx ON practitioners (provider_id);
CREATE INDEX practitioners_search_idx ON practitioners USING gin (search_doc);
CREATE INDEX practitioners_practice_areas_idx ON practitioners USING gin (practice_areas);

-- A practitioner serving at another place on a schedule (community adviser points).
CREATE TABLE assignments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    practitioner_id  uuid NOT NULL REFERENCES practitioners (id),
    provider_id      uuid NOT NULL REFERENCES providers (id),
    firm_id          uuid REFERENCES providers (id),
    firm_name        text NOT NULL DEFAULT '',
    schedule         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(schedule) = 'object'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assignments_uq UNIQUE (provider_id, practitioner_id)
);
CREATE INDEX assignments_practitioner_idx ON assignments (practitioner_id);

-- National holidays and make-up working days (调休上班), Asia/Shanghai dates. Data the bureau extends.
CREATE TABLE holidays (
    day   date PRIMARY KEY,
    kind  text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name  text NOT NULL DEFAULT ''
);

CREATE TABLE import_runs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    importer      text NOT NULL,
    source        text NOT NULL,
    file_name     text NOT NULL DEFAULT '',
    file_sha256   text NOT NULL DEFAULT '' CHECK (file_sha256 ~ '^([0-9a-f]{64})?$'),
    actor         text NOT NULL,
    mode          text NOT NULL CHECK (mode IN ('upsert', 'snapshot')),
    dry_run       boolean NOT NULL DEFAULT false,
    crs           text NOT NULL DEFAULT 'wgs84' CHECK (crs IN ('wgs84', 'gcj02', 'bd09')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    status        text NOT NULL DEFAULT 'running'
                  CHECK (status IN ('running', 'applied', 'dry_run', 'refused', 'failed')),
    created       integer NOT NULL DEFAULT 0 CHECK (created >= 0),
    updated       integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
    unchanged     integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    withdrawn     integer NOT NULL DEFAULT 0 CHECK (withdrawn >= 0),
    rejected      integer NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    warnings      integer NOT NULL DEFAULT 0 CHECK (warnings >= 0),
    report        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX import_runs_started_idx ON import_runs (started_at DESC);

-- The append-only audit (全程留痕). Written in the same transaction as the change it records.
CREATE TABLE changes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_type    text NOT NULL CHECK (record_type IN ('provider', 'practitioner', 'assignment')),
    record_id      uuid NOT NULL,
    action         text NOT NULL CHECK (action IN ('create', 'update', 'withdraw', 'restore', 'verify')),
    actor          text NOT NULL CHECK (actor <> ''),
    import_run_id  bigint REFERENCES import_runs (id),
    reason         text NOT NULL DEFAULT '',
    at             timestamptz NOT NULL DEFAULT now(),
    diff           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(diff) = 'object')
);
CREATE INDEX changes_record_idx ON changes (record_id, id DESC);
CREATE INDEX changes_at_idx ON changes (at DESC);

CREATE FUNCTION changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'changes is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER changes_no_update BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION changes_append_only();
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION changes_append_only();

CREATE TABLE accounts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('viewer', 'editor', 'importer', 'admin')),
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES accounts (id),
    name          text NOT NULL CHECK (name <> ''),
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE TABLE sessions (
    id_hash       bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    account_id    bigint NOT NULL REFERENCES accounts (id),
    csrf_token    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- The directory's data version: bumped by every statement that changes what the public sees, so answers
-- can carry an ETag tied to the data.
CREATE TABLE directory_state (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    version     bigint NOT NULL DEFAULT 1,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO directory_state DEFAULT VALUES;

CREATE FUNCTION bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Statement-level, and only when rows really changed: a no-op import must not bump the version.
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE directory_state SET version = version + 1, changed_at = now();
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER providers_bump_ins AFTER INSERT ON providers REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER providers_bump_upd AFTER UPDATE ON providers REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER providers_bump_del AFTER DELETE ON providers REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER practitioners_bump_ins AFTER INSERT ON practitioners REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER practitioners_bump_upd AFTER UPDATE ON practitioners REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER practitioners_bump_del AFTER DELETE ON practitioners REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER assignments_bump_ins AFTER INSERT ON assignments REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER assignments_bump_upd AFTER UPDATE ON assignments REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER assignments_bump_del AFTER DELETE ON assignments REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER holidays_bump_ins AFTER INSERT ON holidays REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER holidays_bump_upd AFTER UPDATE ON holidays REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER holidays_bump_del AFTER DELETE ON holidays REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
