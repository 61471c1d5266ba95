-- 040: what makes a large import cheaper for the database, and lets an import skip the records a file does
-- not change.

-- provider_fingerprints holds, per place an import last wrote, a hash of everything that import derived the
-- record from: the row's validated and converted fields, the columns the file had, the people in the
-- place's search document, and the analysis (vocabulary and program) that built the document. A later
-- import that derives the same hash for the same record, while the record is still at the version the hash
-- was taken at, knows the record would not change: it neither builds the record's search document again
-- nor compares it field by field. Any other write (an admin's edit, a withdrawal) raises the version and so
-- voids the hash; a record without a valid hash is simply compared in full, as before.
--
-- It is bookkeeping of the importer, not directory data: it is kept apart from providers so that taking a
-- hash never rewrites a record (nor its index entries) and never moves directory_state's version. No
-- foreign key: checking one per row would cost a million lookups on a first load, and providers are never
-- deleted (they are withdrawn); a hash whose record is gone is never matched.
CREATE TABLE provider_fingerprints (
    provider_id  uuid PRIMARY KEY,
    version      integer NOT NULL,            -- providers.version the hash describes
    fp           bytea NOT NULL CHECK (length(fp) = 16)
);

-- The coordinate check of every point runs once per written row. Declared STRICT, its body (an AND of
-- tests, which is not strict) could not be inlined, so each row paid a call of an SQL function (~12 µs, a
-- tenth of a place's whole insert). Called on NULL input it is inlined into the constraint; the answer is
-- the same, NULL for NULL (a CHECK lets NULL pass either way; geom is NOT NULL besides).
ALTER FUNCTION valid_point(geometry) CALLED ON NULL INPUT;

-- A search document (~80 lexemes, ~1.2 KB) takes a place's row over the 2 KB at which PostgreSQL compresses
-- its largest value. pglz spent a tenth of a bulk insert on it; lz4 compresses as well here in a fraction
-- of the time, and reads back faster. Only where the server was built with lz4 (an error otherwise: the
-- default compression stays).
DO $$
BEGIN
    ALTER TABLE providers ALTER COLUMN search_doc SET COMPRESSION lz4;
    ALTER TABLE practitioners ALTER COLUMN search_doc SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available: search documents keep the default compression';
END $$;
