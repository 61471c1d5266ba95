-- 047: everyday words the sample judged set showed missing: citizens who wrote these found nothing at all.
-- Each adds to a practice area's synonyms (the analysis maps them to the area's code).
UPDATE practice_areas SET synonyms = synonyms || '{上班受伤,工作受伤,干活受伤}'::text[]
WHERE code = 'labour' AND NOT '上班受伤' = ANY (synonyms);
UPDATE practice_areas SET synonyms = synonyms || '{欠我,欠我钱,还钱,不还钱}'::text[]
WHERE code = 'debt' AND NOT '欠我' = ANY (synonyms);
UPDATE practice_areas SET synonyms = synonyms || '{警察,抓了,被警察抓,派出所,骗钱,报警}'::text[]
WHERE code = 'criminal_defence' AND NOT '警察' = ANY (synonyms);
UPDATE practice_areas SET synonyms = synonyms || '{学校,欺负,被欺负,霸凌}'::text[]
WHERE code = 'minors' AND NOT '欺负' = ANY (synonyms);
UPDATE practice_areas SET synonyms = synonyms || '{炒股,股市,炒币}'::text[]
WHERE code = 'finance_securities' AND NOT '炒股' = ANY (synonyms);
UPDATE practice_areas SET synonyms = synonyms || '{老外,外国}'::text[]
WHERE code = 'foreign' AND NOT '老外' = ANY (synonyms);
