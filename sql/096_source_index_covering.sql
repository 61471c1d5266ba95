-- 096: the source's ids, read from their index alone.
--
-- Every place import starts by reading what its source already holds (internal/store/importdb/index.go:
-- each record's source id, kind, status, and its version, with its id, to find the fingerprint that still
-- vouches for it). That read went through the whole table, every page of the wide rows, for five narrow
-- columns. The unique key on (source, source_id) now carries them (INCLUDE), so the read is an index-only
-- scan of that key wherever the table's pages are marked all-visible, which vacuum does after the writes
-- settle. The key, and what it refuses, are unchanged.
ALTER TABLE providers DROP CONSTRAINT providers_source_uq;
ALTER TABLE providers ADD CONSTRAINT providers_source_uq UNIQUE (source, source_id) INCLUDE (id, version, kind, status);
