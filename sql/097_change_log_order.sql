-- 097: the change log read in its own order.
--
-- The log lists changes newest first, by (at, id): at is the time of the change's transaction, so the rows
-- of one import run, every record of a city's first list, share it, and id orders them. The indexes for the
-- log and its filters ended at `at`, so a page had to sort every row of the newest transaction, and with a
-- first load that meant all of them. Each now ends in (at DESC, id DESC): a page is the first rows of one
-- index, in order, whatever the log's size (internal/store/recorddb/history.go).
DROP INDEX changes_at_idx;
CREATE INDEX changes_at_idx ON changes (at DESC, id DESC);
DROP INDEX changes_actor_idx;
CREATE INDEX changes_actor_idx ON changes (actor, at DESC, id DESC);
DROP INDEX changes_action_idx;
CREATE INDEX changes_action_idx ON changes (action, at DESC, id DESC);
DROP INDEX changes_import_run_idx;
CREATE INDEX changes_import_run_idx ON changes (import_run_id, at DESC, id DESC) WHERE import_run_id IS NOT NULL;
