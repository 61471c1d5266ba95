-- 085: a forensic institution's appraisal categories are data. The justice ministry's registration
-- categories (司法鉴定执业分类规定) with the everyday words people type for each: 亲子鉴定 is 法医物证 work
-- (DNA), not any appraisal, so it finds the institutions that list 法医物证 and no others. The words move
-- from the forensic kind's synonyms (where they meant "any forensic institution") to their category; a
-- search document lists the words of the categories its institution has.

CREATE TABLE forensic_categories (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    name_zh   text NOT NULL UNIQUE CHECK (name_zh <> ''),
    name_en   text NOT NULL CHECK (name_en <> ''),
    synonyms  text[] NOT NULL DEFAULT '{}',
    sort      int NOT NULL DEFAULT 0
);

INSERT INTO forensic_categories (code, name_zh, name_en, synonyms, sort) VALUES
('forensic_genetics', '法医物证', 'Forensic genetics (DNA)', '{亲子鉴定,DNA鉴定,DNA,血缘鉴定,亲缘鉴定,个体识别,paternity test,DNA test}', 1),
('forensic_clinical', '法医临床', 'Clinical forensic medicine', '{伤残鉴定,伤情鉴定,伤残等级,伤残评定,工伤鉴定,误工期,护理期,injury assessment,disability assessment}', 2),
('forensic_pathology', '法医病理', 'Forensic pathology', '{死因鉴定,尸检,尸体解剖,死亡原因,autopsy}', 3),
('forensic_psychiatry', '法医精神病', 'Forensic psychiatry', '{精神病鉴定,精神鉴定,民事行为能力,刑事责任能力,psychiatric assessment}', 4),
('forensic_toxicology', '法医毒物', 'Forensic toxicology', '{毒物鉴定,酒精鉴定,血液酒精,毒品检测,toxicology}', 5),
('documents', '文书', 'Questioned documents', '{笔迹鉴定,文书鉴定,印章鉴定,签名鉴定,handwriting}', 6),
('trace', '痕迹', 'Trace evidence', '{痕迹鉴定,指纹鉴定,车辆痕迹,交通事故痕迹}', 7),
('audio_video', '声像资料', 'Audio and video', '{录音鉴定,录像鉴定,声纹鉴定,视频鉴定,电子数据}', 8),
('environmental_damage', '环境损害', 'Environmental damage', '{环境损害鉴定,污染鉴定,生态损害}', 9)
ON CONFLICT (code) DO NOTHING;

UPDATE kinds SET synonyms = ARRAY(
    SELECT s FROM unnest(synonyms) s
    WHERE s NOT IN (SELECT unnest(c.synonyms) FROM forensic_categories c))
WHERE code = 'forensic';
