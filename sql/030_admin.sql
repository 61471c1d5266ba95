-- 030: the bureau's side. Indexes for the change log's filters and for sessions and tokens, and the rule that
-- the application cannot rewrite the audit (全程留痕).
--
-- The trigger of 001 already refuses UPDATE, DELETE and TRUNCATE on changes for every role but a superuser.
-- Here the privileges are taken away as well, so the refusal does not hang on one trigger that the table's
-- owner could drop. Where the deployment separates an owner role (runs `legalmap migrate`) from an
-- application role named legalmap_app (runs `legalmap serve`), the application role gets the rights it
-- needs on every table and may only read and append to changes; it cannot alter the table, drop its
-- triggers or grant itself more, because it does not own it.

CREATE INDEX changes_actor_idx ON changes (actor, at DESC);
CREATE INDEX changes_import_run_idx ON changes (import_run_id) WHERE import_run_id IS NOT NULL;
CREATE INDEX changes_action_idx ON changes (action, at DESC);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

REVOKE UPDATE, DELETE, TRUNCATE ON changes FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON changes FROM CURRENT_USER;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'legalmap_app') AND current_user <> 'legalmap_app' THEN
        GRANT USAGE ON SCHEMA public TO legalmap_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO legalmap_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO legalmap_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON changes FROM legalmap_app;
        -- Tables of later migrations (made by this same owner) are open to the application too.
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO legalmap_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO legalmap_app;
    END IF;
END $$;
