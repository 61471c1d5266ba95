-- 046: 免费 on its own. "免费律师" and "免费法律咨询" already name legal aid, but a citizen who writes
-- "附近哪里可以免费咨询法律问题" leaves 免费 alone among words no record holds, and found nothing at all.
-- Free legal help is what legal aid is for.
UPDATE kinds SET synonyms = synonyms || '{免费,免费咨询}'::text[]
WHERE code = 'legal_aid' AND NOT '免费' = ANY (synonyms);
