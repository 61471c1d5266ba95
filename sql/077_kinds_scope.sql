-- 077: the whole scope of a city's public legal services as data (DESIGN.md "The kinds of service").
-- Each kind has a group (法律服务 / 纠纷解决 / 政法机关), a colour and a map symbol (one or two characters
-- drawn in its marker), the practice areas it helps with, and the everyday words that find it. People of a
-- kind (律师, 公证员, 司法鉴定人, 人民调解员 …) are practitioner kinds: each names its role code and the place
-- kinds a person of it belongs to, so a list of them is imported like a lawyer list. A bureau adds a kind
-- or a practitioner kind as rows (`legalmap kinds add`, the admin kinds page); no code names them.
-- The everyday words are those that mean the place itself: words that mean a matter (警察, 起诉, 打官司,
-- 邻里纠纷) stay with their practice area, where they find the people who help with it.
-- Names from the official titles of the institutions (人民调解法, 劳动争议调解仲裁法, 仲裁法 and the
-- justice ministry's public legal service system); colours chosen to stay apart on a map.

CREATE TABLE kind_groups (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    name_zh  text NOT NULL CHECK (name_zh <> ''),
    name_en  text NOT NULL CHECK (name_en <> ''),
    sort     int NOT NULL DEFAULT 0
);
INSERT INTO kind_groups (code, name_zh, name_en, sort) VALUES
('legal_services', '法律服务', 'Legal services', 1),
('dispute_resolution', '纠纷解决', 'Dispute resolution', 2),
('political_legal', '政法机关', 'Political-legal organs', 3)
ON CONFLICT (code) DO NOTHING;

ALTER TABLE kinds
    ADD COLUMN kind_group text NOT NULL DEFAULT 'legal_services' REFERENCES kind_groups (code),
    ADD COLUMN colour text NOT NULL DEFAULT '#475569' CHECK (colour ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN symbol text NOT NULL DEFAULT '·' CHECK (char_length(symbol) BETWEEN 1 AND 2),
    ADD COLUMN practice_areas text[] NOT NULL DEFAULT '{}';

UPDATE kinds k SET kind_group = v.g, colour = v.c, symbol = v.s, practice_areas = v.pa
FROM (VALUES
    ('law_firm', 'legal_services', '#1d4ed8', '律', '{}'::text[]),
    ('legal_aid', 'legal_services', '#047857', '援', '{labour,marriage_family,traffic_accident,personal_injury,minors,debt}'),
    ('notary', 'legal_services', '#6d28d9', '公', '{inheritance,real_estate,foreign,contract}'),
    ('forensic', 'legal_services', '#9a3412', '鉴', '{traffic_accident,personal_injury,medical,marriage_family}'),
    ('community_adviser', 'legal_services', '#be185d', '顾', '{marriage_family,labour,debt,real_estate,tort}')
) AS v(code, g, c, s, pa)
WHERE k.code = v.code;

INSERT INTO kinds (code, name_zh, name_en, synonyms, sort, kind_group, colour, symbol, practice_areas) VALUES
('grassroots_service', '基层法律服务所', 'Grassroots legal service office',
 '{基层法律服务,法律服务所,基层法律服务工作者,法律工作者,法律服务工作者,grassroots legal service}', 6,
 'legal_services', '#0e7490', '基', '{debt,contract,labour,marriage_family}'),
('legal_service_center', '公共法律服务中心', 'Public legal service centre',
 '{公共法律服务,公共法律服务中心,公共法律服务工作站,公共法律服务室,法律服务中心,法律服务站,12348热线,public legal service}', 7,
 'legal_services', '#15803d', '服', '{labour,marriage_family,debt,contract,real_estate,inheritance}'),
('mediation_committee', '人民调解委员会', 'People''s mediation committee',
 '{人民调解,调解,调解委员会,调委会,调解员,人民调解员,纠纷调解,调解纠纷,和解,mediation,mediator}', 8,
 'dispute_resolution', '#ca8a04', '调', '{tort,marriage_family,debt,real_estate,labour,consumer}'),
('labour_arbitration', '劳动人事争议仲裁院', 'Labour and personnel dispute arbitration court',
 '{劳动仲裁,劳动争议仲裁,劳动人事争议仲裁,仲裁院,劳动仲裁委,劳动仲裁委员会,申请劳动仲裁,labour arbitration,labor arbitration}', 9,
 'dispute_resolution', '#b45309', '劳', '{labour}'),
('arbitration_commission', '仲裁委员会', 'Arbitration commission',
 '{仲裁,仲裁委,商事仲裁,仲裁机构,国际仲裁,arbitration,arbitration commission}', 10,
 'dispute_resolution', '#a16207', '仲', '{contract,corporate,finance_securities,construction,foreign}'),
('court', '人民法院', 'People''s court',
 '{法院,人民法院,立案,开庭,诉讼服务中心,中级人民法院,基层法院,人民法庭,court}', 11,
 'political_legal', '#b91c1c', '法', '{}'),
('procuratorate', '人民检察院', 'People''s procuratorate',
 '{检察院,人民检察院,检察,检察官,控告申诉,12309,procuratorate,prosecutor}', 12,
 'political_legal', '#7f1d1d', '检', '{criminal_defence,administrative}'),
('police', '公安机关', 'Public security (police)',
 '{公安,公安局,公安分局,派出所,户籍,身份证,police station}', 13,
 'political_legal', '#1e3a8a', '警', '{criminal_defence}'),
('justice_bureau', '司法局', 'Justice bureau',
 '{司法局,司法行政,司法行政机关,justice bureau}', 14,
 'political_legal', '#334155', '司', '{}'),
('justice_office', '司法所', 'Justice office',
 '{司法所,街道司法所,镇司法所,社区矫正,justice office}', 15,
 'political_legal', '#475569', '所', '{tort,marriage_family}')
ON CONFLICT (code) DO NOTHING;

-- People of a kind. code is the importer's name for their list (`legalmap import --kind CODE`); role is
-- what practitioners.role holds; place_kinds are where they work (a row names its place by licence number,
-- credit code or a name no other open place of those kinds bears).
CREATE TABLE practitioner_kinds (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    role         text NOT NULL UNIQUE CHECK (role ~ '^[a-z][a-z_]*$'),
    name_zh      text NOT NULL CHECK (name_zh <> ''),
    name_en      text NOT NULL CHECK (name_en <> ''),
    place_kinds  text[] NOT NULL CHECK (cardinality(place_kinds) > 0),
    sort         int NOT NULL DEFAULT 0
);
INSERT INTO practitioner_kinds (code, role, name_zh, name_en, place_kinds, sort) VALUES
('lawyer', 'lawyer', '律师', 'Lawyer', '{law_firm}', 1),
('notary_person', 'notary', '公证员', 'Notary', '{notary}', 2),
('appraiser', 'appraiser', '司法鉴定人', 'Forensic appraiser', '{forensic}', 3),
('mediator', 'mediator', '人民调解员', 'People''s mediator', '{mediation_committee}', 4),
('legal_worker', 'legal_worker', '基层法律服务工作者', 'Grassroots legal worker', '{grassroots_service}', 5),
('adviser', 'adviser', '法律顾问', 'Legal adviser', '{law_firm}', 6)
ON CONFLICT (code) DO NOTHING;

-- The role of a practitioner is one of the table's, not a fixed list.
ALTER TABLE practitioners DROP CONSTRAINT IF EXISTS practitioners_role_check;
ALTER TABLE practitioners ADD CONSTRAINT practitioners_role_fk FOREIGN KEY (role) REFERENCES practitioner_kinds (role);
