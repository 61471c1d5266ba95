-- 045: English names of a kind that people type as a phrase. "notary public Luohu" left "public" as a word
-- no record holds, so the strict query found nothing and the relaxed one ranked legal-aid offices first.
UPDATE kinds SET synonyms = synonyms || '{notary public,public notary}'::text[]
WHERE code = 'notary' AND NOT 'notary public' = ANY (synonyms);
