-- 090: 业务办理, citizens' requests to a place (DESIGN.md "Requests"). Which kinds offer which request types
-- is data; staff accounts are scoped to places; a request's personal fields (name, phone, free-text matter,
-- message, replies) are one AES-GCM sealed blob with the id of the key that sealed it, so the database
-- never holds them in plain text; the per-phone limit looks phones up by a keyed HMAC. Every transition and
-- every staff view of personal fields is a row of the append-only request_events.

-- Request types by kind. Seeded from the kinds that exist when this runs (legal_service_center comes from
-- another migration; `INSERT … SELECT … FROM kinds` makes its rows whenever both are there).
CREATE TABLE request_types (
    kind  text NOT NULL REFERENCES kinds (code) ON UPDATE CASCADE ON DELETE CASCADE,
    type  text NOT NULL CHECK (type IN ('legal_aid_application', 'appointment', 'consultation')),
    sort  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, type)
);
INSERT INTO request_types (kind, type, sort)
SELECT k.code, t.type, t.sort
FROM kinds k
JOIN (VALUES ('legal_aid', 'legal_aid_application', 1), ('legal_aid', 'consultation', 2),
             ('notary', 'appointment', 1), ('forensic', 'appointment', 1), ('legal_service_center', 'appointment', 1),
             ('community_adviser', 'consultation', 1), ('law_firm', 'consultation', 1)) AS t (kind, type, sort)
  ON t.kind = k.code
WHERE k.code IN ('legal_aid', 'notary', 'forensic', 'legal_service_center', 'community_adviser', 'law_firm')
ON CONFLICT DO NOTHING;

-- A place's appointment settings: the length of a slot and how many people one slot takes. A place without a
-- row has 30-minute slots for one person.
CREATE TABLE request_settings (
    provider_id   uuid PRIMARY KEY REFERENCES providers (id),
    slot_minutes  integer NOT NULL DEFAULT 30 CHECK (slot_minutes IN (15, 20, 30, 45, 60, 90, 120)),
    capacity      integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The staff role: an account that handles the requests of its places and sees nothing else.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('viewer', 'editor', 'importer', 'admin', 'staff'));
CREATE TABLE account_providers (
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    provider_id  uuid NOT NULL REFERENCES providers (id),
    PRIMARY KEY (account_id, provider_id)
);
CREATE INDEX account_providers_provider_idx ON account_providers (provider_id);

CREATE TABLE requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$'),
    provider_id   uuid NOT NULL REFERENCES providers (id),
    kind          text NOT NULL,               -- the place's kind when the request was made, for the counts
    type          text NOT NULL CHECK (type IN ('legal_aid_application', 'appointment', 'consultation')),
    status        text NOT NULL DEFAULT 'submitted'
                  CHECK (status IN ('submitted', 'accepted', 'scheduled', 'done', 'declined', 'withdrawn')),
    matter        text NOT NULL DEFAULT '',    -- a practice-area code, or '' (free text is sealed)
    slot_at       timestamptz,                 -- the start of the appointment's slot
    seat          smallint CHECK (seat BETWEEN 1 AND 50),
    sealed        bytea,                       -- AES-GCM: nonce || ciphertext of the personal fields (JSON)
    key_id        text CHECK (key_id ~ '^[0-9a-f]{16}$'),
    phone_mac     bytea CHECK (length(phone_mac) = 32), -- HMAC-SHA256 of the phone: per-phone limits
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    answered_at   timestamptz,                 -- first move by the place: waiting time
    closed_at     timestamptz,                 -- done, declined or withdrawn: the retention clock starts
    erased_at     timestamptz,                 -- personal fields erased after the retention period
    CHECK ((sealed IS NULL) = (key_id IS NULL)),
    CHECK ((erased_at IS NULL) OR (sealed IS NULL AND phone_mac IS NULL)),
    CHECK ((erased_at IS NOT NULL) OR (sealed IS NOT NULL AND phone_mac IS NOT NULL)),
    CHECK ((slot_at IS NULL) = (seat IS NULL)),
    CHECK ((status IN ('done', 'declined', 'withdrawn')) = (closed_at IS NOT NULL))
);
-- A slot seat is taken once while the request holding it is live: two citizens can never book the same seat,
-- whatever the timing.
CREATE UNIQUE INDEX requests_slot_seat_uq ON requests (provider_id, slot_at, seat)
    WHERE slot_at IS NOT NULL AND status IN ('submitted', 'accepted', 'scheduled', 'done');
CREATE INDEX requests_provider_status_idx ON requests (provider_id, status, created_at DESC);
CREATE INDEX requests_phone_open_idx ON requests (phone_mac) WHERE status IN ('submitted', 'accepted', 'scheduled');
CREATE INDEX requests_closed_idx ON requests (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;
CREATE INDEX requests_key_idx ON requests (key_id);

-- Every transition and every staff view of personal fields: who, when, which request, what. No personal
-- field is ever written here.
CREATE TABLE request_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   bigint NOT NULL REFERENCES requests (id),
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL CHECK (actor <> ''),
    action       text NOT NULL CHECK (action IN ('create', 'view', 'accept', 'schedule', 'reschedule', 'reply',
                     'done', 'decline', 'withdraw', 'export', 'erase', 'rekey')),
    from_status  text,
    to_status    text
);
CREATE INDEX request_events_request_idx ON request_events (request_id, id);
CREATE INDEX request_events_actor_idx ON request_events (actor, at DESC);

CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'request_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER request_events_no_update BEFORE UPDATE OR DELETE ON request_events
    FOR EACH ROW EXECUTE FUNCTION request_events_append_only();
CREATE TRIGGER request_events_no_truncate BEFORE TRUNCATE ON request_events
    FOR EACH STATEMENT EXECUTE FUNCTION request_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON request_events FROM PUBLIC;
-- As for changes (030): where an application role runs the server, it may only read and append the log.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'legalmap_app') AND current_user <> 'legalmap_app' THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON request_events FROM legalmap_app;
    END IF;
END $$;
