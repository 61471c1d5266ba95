-- 010: what the importers need beyond the data model.

-- A lawyer's practice-area words that match no area of the vocabulary are kept as free text, as they are for
-- providers (providers.practice_notes), instead of being lost.
ALTER TABLE practitioners ADD COLUMN practice_notes text[] NOT NULL DEFAULT '{}';
