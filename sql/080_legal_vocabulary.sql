-- 080: the legal vocabulary: the words of the law a citizen types (民事案件案由, 罪名, the names of laws, remedies
-- and legal acts, everyday phrasing) as ONE term each, mapped to practice areas and to the kinds of place that
-- solve it. The search analysis reads this table (internal/search: LegalTerm); a bureau extends it with
-- `legalmap vocab load --file terms.tsv` (rows of its own source) without a release.
--
-- Provenance (see internal/search/VOCABULARY.md): written for this project from public official lists: the
-- Supreme People's Court's 民事案件案由规定 (法〔2020〕347号, the 2020 revision in force from 2021-01-01: its
-- parts, chapters and common causes), the criminal charges as named by the 最高人民法院、最高人民检察院
-- 关于执行《中华人民共和国刑法》确定罪名的规定 and its supplements, and the names of laws and regulations of
-- the PRC. Official texts of the state are not subject to copyright (著作权法 art. 5); the mapping to
-- practice areas and kinds is this project's own work, under the project's licence.
--
-- kinds: the kinds of place that solve the matter first (a search ranks them before others); also_kinds:
-- kinds that help too (ranked next). Kind codes are not foreign keys: some kinds (labour_arbitration,
-- mediation_committee, …) are seeded by another migration, and a term may name a kind a city has not loaded.
-- category: area (the kinds of a practice area as a whole; term = the area's code), cause (案由),
-- charge (罪名), law (a law or regulation; parent = what it became, e.g. 物权法 -> 民法典物权编), remedy
-- (a remedy or legal act), everyday (how people say it), free_help (a sign the citizen wants free help).

CREATE TABLE legal_terms (
    term            text PRIMARY KEY CHECK (term <> '' AND length(term) <= 40),
    category        text NOT NULL CHECK (category IN ('area', 'cause', 'charge', 'law', 'remedy', 'everyday', 'free_help')),
    practice_areas  text[] NOT NULL DEFAULT '{}' CHECK (array_position(practice_areas, NULL) IS NULL),
    kinds           text[] NOT NULL DEFAULT '{}' CHECK (array_position(kinds, NULL) IS NULL),
    also_kinds      text[] NOT NULL DEFAULT '{}' CHECK (array_position(also_kinds, NULL) IS NULL),
    parent          text NOT NULL DEFAULT '',
    -- hint: words the text of a place that does it carries (亲子鉴定 -> 法医物证, the appraisal category):
    -- such places rank higher among those that match.
    hint            text NOT NULL DEFAULT '' CHECK (length(hint) <= 40),
    source          text NOT NULL DEFAULT 'builtin',
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- New practice areas the lists need (the seeded codes stay as they are).
INSERT INTO practice_areas (code, name_zh, name_en, synonyms, sort) VALUES
('personality_rights', '人格权', 'Personality rights', '{人格权,生命权,身体权,健康权,姓名权,肖像权纠纷,名誉权纠纷,隐私权,个人信息}', 22),
('maritime', '海事海商', 'Maritime and admiralty', '{海事,海商,船舶,海上货物运输,maritime,admiralty,shipping}', 23),
('state_compensation', '国家赔偿', 'State compensation', '{国家赔偿,冤案,错案赔偿,state compensation}', 24)
ON CONFLICT (code) DO NOTHING;

-- Helper for the rows below: many terms share one mapping.
CREATE FUNCTION pg_temp.terms(cat text, areas text[], kinds text[], also text[], parent text, words text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO legal_terms (term, category, practice_areas, kinds, also_kinds, parent)
    SELECT DISTINCT ON (w) w, cat, areas, kinds, also, parent FROM unnest(words) w WHERE w <> ''
    ON CONFLICT (term) DO NOTHING
$$;

-- The kinds of each practice area as a whole: what a citizen naming only the area is helped by.
SELECT pg_temp.terms('area', '{marriage_family}', '{law_firm,community_adviser}', '{mediation_committee,legal_aid,notary}', '', '{marriage_family}');
SELECT pg_temp.terms('area', '{labour}', '{law_firm,legal_aid,labour_arbitration}', '{mediation_committee,community_adviser}', '', '{labour}');
SELECT pg_temp.terms('area', '{traffic_accident}', '{law_firm,legal_aid}', '{forensic,mediation_committee,police}', '', '{traffic_accident}');
SELECT pg_temp.terms('area', '{contract}', '{law_firm}', '{arbitration_commission,mediation_committee,community_adviser}', '', '{contract}');
SELECT pg_temp.terms('area', '{criminal_defence}', '{law_firm}', '{legal_aid}', '', '{criminal_defence}');
SELECT pg_temp.terms('area', '{real_estate}', '{law_firm}', '{mediation_committee,community_adviser,notary}', '', '{real_estate}');
SELECT pg_temp.terms('area', '{debt}', '{law_firm}', '{mediation_committee,community_adviser,notary}', '', '{debt}');
SELECT pg_temp.terms('area', '{inheritance}', '{law_firm,notary}', '{mediation_committee,community_adviser}', '', '{inheritance}');
SELECT pg_temp.terms('area', '{medical}', '{law_firm}', '{forensic,mediation_committee,legal_aid}', '', '{medical}');
SELECT pg_temp.terms('area', '{intellectual_property}', '{law_firm}', '{notary,arbitration_commission}', '', '{intellectual_property}');
SELECT pg_temp.terms('area', '{corporate}', '{law_firm}', '{arbitration_commission,notary}', '', '{corporate}');
SELECT pg_temp.terms('area', '{administrative}', '{law_firm}', '{legal_aid,justice_bureau}', '', '{administrative}');
SELECT pg_temp.terms('area', '{land_expropriation}', '{law_firm}', '{legal_aid}', '', '{land_expropriation}');
SELECT pg_temp.terms('area', '{consumer}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{consumer}');
SELECT pg_temp.terms('area', '{foreign}', '{law_firm}', '{notary}', '', '{foreign}');
SELECT pg_temp.terms('area', '{personal_injury}', '{law_firm}', '{legal_aid,forensic,mediation_committee}', '', '{personal_injury}');
SELECT pg_temp.terms('area', '{insurance}', '{law_firm}', '{arbitration_commission}', '', '{insurance}');
SELECT pg_temp.terms('area', '{finance_securities}', '{law_firm}', '{arbitration_commission}', '', '{finance_securities}');
SELECT pg_temp.terms('area', '{construction}', '{law_firm}', '{arbitration_commission,legal_aid}', '', '{construction}');
SELECT pg_temp.terms('area', '{tort}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{tort}');
SELECT pg_temp.terms('area', '{minors}', '{law_firm,legal_aid}', '{community_adviser}', '', '{minors}');
SELECT pg_temp.terms('area', '{personality_rights}', '{law_firm}', '{notary}', '', '{personality_rights}');
SELECT pg_temp.terms('area', '{maritime}', '{law_firm}', '{arbitration_commission}', '', '{maritime}');
SELECT pg_temp.terms('area', '{state_compensation}', '{law_firm,legal_aid}', '{}', '', '{state_compensation}');

-- 民事案件案由规定 (2020): the parts, and the chapters and common causes under each.
-- 第一部分 人格权纠纷
SELECT pg_temp.terms('cause', '{personality_rights,tort}', '{law_firm}', '{notary}', '人格权纠纷', '{人格权纠纷,
 生命权、身体权、健康权纠纷,生命权纠纷,身体权纠纷,健康权纠纷,姓名权纠纷,名称权纠纷,肖像权纠纷,声音保护纠纷,名誉权纠纷,
 荣誉权纠纷,隐私权、个人信息保护纠纷,隐私权纠纷,个人信息保护纠纷,婚姻自主权纠纷,人身自由权纠纷,一般人格权纠纷,平等就业权纠纷,
 网络侵权责任纠纷,网络侵权,人肉搜索,被造谣,造谣,侮辱,网暴,性骚扰,个人信息泄露,信息泄露,偷拍,骚扰电话}');
-- 第二部分 婚姻家庭、继承纠纷
SELECT pg_temp.terms('cause', '{marriage_family}', '{law_firm,community_adviser}', '{mediation_committee,legal_aid}', '婚姻家庭纠纷', '{
 婚姻家庭纠纷,婚约财产纠纷,婚内夫妻财产分割纠纷,离婚纠纷,离婚后财产纠纷,离婚后损害责任纠纷,婚姻无效纠纷,撤销婚姻纠纷,
 夫妻财产约定纠纷,同居关系纠纷,同居关系析产纠纷,同居关系子女抚养纠纷,亲子关系纠纷,确认亲子关系纠纷,否认亲子关系纠纷,
 收养关系纠纷,确认收养关系纠纷,解除收养关系纠纷,分家析产纠纷,
 离婚官司,离婚诉讼,协议离婚,诉讼离婚,离婚冷静期,离婚财产分割,夫妻共同财产,夫妻共同债务,婚前财产,婚后财产,彩礼返还,
 退彩礼,要回彩礼,假离婚,婚外情,小三,净身出户,家务补偿,子女抚养,孩子抚养权,争孩子,抚养权变更,变更抚养关系,
 离婚协议书,离婚协议,财产分割,分财产,分房子}');
SELECT pg_temp.terms('cause', '{marriage_family}', '{law_firm,legal_aid,community_adviser}', '{mediation_committee}', '婚姻家庭纠纷', '{
 抚养纠纷,抚养费纠纷,变更抚养关系纠纷,扶养纠纷,扶养费纠纷,变更扶养关系纠纷,赡养纠纷,赡养费纠纷,变更赡养关系纠纷,
 监护权纠纷,探望权纠纷,抚养费,扶养费,赡养费,追索抚养费,追索赡养费,要抚养费,给抚养费,不给抚养费,不给赡养费,不养老人,
 子女不赡养,老人赡养,养老,监护权,探望权,看孩子,不让见孩子,探视权,家暴,家庭暴力,人身安全保护令,保护令,被家暴,虐待,遗弃}');
SELECT pg_temp.terms('cause', '{inheritance}', '{law_firm,notary}', '{mediation_committee,community_adviser}', '继承纠纷', '{
 继承纠纷,法定继承纠纷,转继承纠纷,代位继承纠纷,遗嘱继承纠纷,被继承人债务清偿纠纷,遗赠纠纷,遗赠扶养协议纠纷,遗产管理纠纷,
 法定继承,代位继承,转继承,遗嘱继承,遗产管理人,遗产分割,遗产纠纷,继承房产,房子继承,父母遗产,老人去世,老人过世,抢遗产,
 遗嘱效力,遗嘱无效,自书遗嘱,代书遗嘱,打印遗嘱,录音遗嘱,口头遗嘱,继承人,第一顺序继承人,放弃继承,丧失继承权}');
-- 第三部分 物权纠纷
SELECT pg_temp.terms('cause', '{real_estate}', '{law_firm}', '{mediation_committee,community_adviser}', '物权纠纷', '{
 物权纠纷,不动产登记纠纷,物权保护纠纷,物权确认纠纷,所有权确认纠纷,返还原物纠纷,排除妨害纠纷,消除危险纠纷,恢复原状纠纷,
 所有权纠纷,侵害集体经济组织成员权益纠纷,建筑物区分所有权纠纷,业主专有权纠纷,业主共有权纠纷,车位纠纷,车库纠纷,
 业主撤销权纠纷,业主知情权纠纷,遗失物返还纠纷,共有纠纷,共有权确认纠纷,共有物分割纠纷,共有人优先购买权纠纷,
 用益物权纠纷,土地承包经营权纠纷,宅基地使用权纠纷,居住权纠纷,地役权纠纷,建设用地使用权纠纷,担保物权纠纷,抵押权纠纷,
 质权纠纷,留置权纠纷,占有保护纠纷,占有物返还纠纷,相邻关系纠纷,相邻用水、排水纠纷,相邻通行纠纷,相邻采光、日照纠纷,
 相邻通风纠纷,相邻损害防免关系纠纷,房屋确权,产权纠纷,宅基地,居住权,车位,业委会,业主委员会,房产证,不动产权证,加名,
 房产加名,房屋过户,过户,抵押,邻居漏水,楼上漏水,采光,日照,通行,邻里纠纷,邻居纠纷}');
-- 第四部分 合同、准合同纠纷
SELECT pg_temp.terms('cause', '{contract}', '{law_firm}', '{arbitration_commission,mediation_committee}', '合同纠纷', '{
 合同、准合同纠纷,合同纠纷,缔约过失责任纠纷,预约合同纠纷,确认合同效力纠纷,确认合同有效纠纷,确认合同无效纠纷,债权人代位权纠纷,
 债权人撤销权纠纷,债权转让合同纠纷,债务转移合同纠纷,悬赏广告纠纷,买卖合同纠纷,分期付款买卖合同纠纷,凭样品买卖合同纠纷,
 试用买卖合同纠纷,网络购物合同纠纷,电视购物合同纠纷,招标投标买卖合同纠纷,拍卖合同纠纷,供用电合同纠纷,供用水合同纠纷,
 供用气合同纠纷,供用热力合同纠纷,赠与合同纠纷,承揽合同纠纷,加工合同纠纷,定作合同纠纷,运输合同纠纷,保管合同纠纷,
 仓储合同纠纷,委托合同纠纷,委托理财合同纠纷,物业服务合同纠纷,行纪合同纠纷,中介合同纠纷,居间合同纠纷,合伙合同纠纷,
 旅游合同纠纷,服务合同纠纷,电信服务合同纠纷,网络服务合同纠纷,教育培训合同纠纷,餐饮服务合同纠纷,美容美发服务合同纠纷,
 演出合同纠纷,技术合同纠纷,技术服务合同纠纷,特许经营合同纠纷,无因管理纠纷,不当得利纠纷,违约金,定金罚则,解除合同,
 合同解除,违约责任,合同违约,毁约,单方解约,中介费,中介纠纷,培训费退费,退学费,装修合同,承揽,运输合同,保管合同,委托合同,
 不当得利,转错账,转账转错,无因管理,格式条款,霸王条款}');
SELECT pg_temp.terms('cause', '{real_estate}', '{law_firm}', '{mediation_committee,community_adviser}', '合同纠纷', '{
 房屋买卖合同纠纷,商品房预约合同纠纷,商品房预售合同纠纷,商品房销售合同纠纷,商品房委托代理销售合同纠纷,经济适用房转让合同纠纷,
 农村房屋买卖合同纠纷,房屋拆迁安置补偿合同纠纷,租赁合同纠纷,房屋租赁合同纠纷,土地租赁合同纠纷,车辆租赁合同纠纷,
 物业服务合同纠纷,物业费,物业纠纷,物业服务,交物业费,不交物业费,物业公司,租房合同,租房纠纷,退租,押金不退,房东不退押金,
 房租,拖欠房租,二房东,群租,买房纠纷,卖房纠纷,购房合同,购房定金,开发商,延期交房,逾期交房,房屋质量,网签,学区房}');
SELECT pg_temp.terms('cause', '{debt}', '{law_firm}', '{mediation_committee,community_adviser,notary}', '合同纠纷', '{
 借款合同纠纷,金融借款合同纠纷,同业拆借纠纷,民间借贷纠纷,小额借款合同纠纷,金融不良债权追偿纠纷,保证合同纠纷,抵押合同纠纷,
 质押合同纠纷,定金合同纠纷,进出口押汇纠纷,储蓄存款合同纠纷,借记卡纠纷,信用卡纠纷,融资租赁合同纠纷,保理合同纠纷,
 追偿权纠纷,欠款纠纷,追讨欠款,讨要欠款,要账,借钱,借贷,借条纠纷,担保纠纷,连带责任,保证人,担保人,利息,利息过高,
 套路贷,砍头息,催收,暴力催收,被催收,网贷逾期,信用卡逾期,逾期还款,欠条,借据,还款,赖账,老赖,失信被执行人,执行难,
 申请强制执行,强制执行,财产保全,诉前保全,诉讼保全,支付令,追债,债务纠纷,债权转让}');
SELECT pg_temp.terms('cause', '{construction}', '{law_firm}', '{arbitration_commission,legal_aid}', '合同纠纷', '{
 建设工程合同纠纷,建设工程勘察合同纠纷,建设工程设计合同纠纷,建设工程施工合同纠纷,建设工程价款优先受偿权纠纷,
 建设工程分包合同纠纷,建设工程监理合同纠纷,装饰装修合同纠纷,农村建房施工合同纠纷,工程款,拖欠工程款,工程欠款,
 装修纠纷,装修公司,装修质量,包工头跑路,挂靠,分包,转包}');
SELECT pg_temp.terms('cause', '{insurance}', '{law_firm}', '{arbitration_commission}', '保险纠纷', '{
 保险纠纷,保险合同纠纷,财产保险合同纠纷,人身保险合同纠纷,人寿保险合同纠纷,意外伤害保险合同纠纷,健康保险合同纠纷,
 保险人代位求偿权纠纷,保险理赔,理赔纠纷,保险拒赔,保险公司拒赔,保险不赔,车险理赔,退保,保险退保,医疗险,重疾险理赔}');
-- 第五部分 知识产权与竞争纠纷
SELECT pg_temp.terms('cause', '{intellectual_property}', '{law_firm}', '{notary}', '知识产权与竞争纠纷', '{
 知识产权与竞争纠纷,知识产权合同纠纷,知识产权权属、侵权纠纷,著作权合同纠纷,著作权权属、侵权纠纷,著作权权属纠纷,
 著作权侵权纠纷,侵害作品信息网络传播权纠纷,计算机软件著作权纠纷,商标合同纠纷,商标权权属、侵权纠纷,侵害商标权纠纷,
 商标侵权,专利合同纠纷,专利权权属、侵权纠纷,侵害发明专利权纠纷,侵害实用新型专利权纠纷,侵害外观设计专利权纠纷,专利侵权,
 植物新品种纠纷,集成电路布图设计纠纷,商业秘密纠纷,侵害商业秘密纠纷,不正当竞争纠纷,仿冒纠纷,虚假宣传纠纷,商业贿赂不正当竞争纠纷,
 商业诋毁纠纷,垄断纠纷,垄断协议纠纷,滥用市场支配地位纠纷,竞业限制纠纷,侵犯商业秘密,商标注册,商标抢注,专利申请,版权登记,
 著作权登记,软件著作权,抄袭,盗图,盗版,山寨货,侵权盗版,仿冒,傍名牌,虚假宣传,商业诋毁,不正当竞争,垄断,竞业限制,
 竞业协议,保密协议}');
-- 第六部分 劳动争议、人事争议
SELECT pg_temp.terms('cause', '{labour}', '{law_firm,legal_aid,labour_arbitration}', '{mediation_committee,community_adviser}', '劳动争议', '{
 劳动争议、人事争议,劳动争议纠纷,人事争议,人事争议纠纷,劳动合同纠纷,确认劳动关系纠纷,集体合同纠纷,劳务派遣合同纠纷,
 非全日制用工纠纷,追索劳动报酬纠纷,经济补偿金纠纷,社会保险纠纷,养老保险待遇纠纷,工伤保险待遇纠纷,
 医疗保险待遇纠纷,生育保险待遇纠纷,失业保险待遇纠纷,福利待遇纠纷,劳务合同纠纷,提供劳务者受害责任纠纷,提供劳务者致害责任纠纷,
 欠薪,讨薪,拖欠工资,克扣工资,工资拖欠,工资被扣,扣工资,不发工资,老板不发工资,公司不发工资,拿不到工资,讨工资,要工资,
 农民工工资,农民工讨薪,欠薪跑路,工伤,工伤赔偿,工伤认定,工伤鉴定,劳动能力鉴定,工伤待遇,工亡,上班受伤,下班路上受伤,
 职业病,被辞退,无故辞退,违法辞退,违法解除劳动合同,被开除,被裁员,裁员补偿,经济补偿金,赔偿金双倍,二倍工资,双倍工资,
 没签劳动合同,不签劳动合同,劳动合同到期,劳动关系,确认劳动关系,劳务派遣,外包,试用期辞退,加班,加班费,不给加班费,
 996,调岗,降薪,调岗降薪,年休假,带薪年假,产假,孕期辞退,哺乳期,社保,不交社保,社保断缴,补缴社保,公积金,不交公积金,
 离职证明,辞职,被迫辞职,押金不退工作,扣押证件,劳务纠纷,劳务费,保姆,家政工,外卖骑手,快递员}');
-- 第七部分 海事海商纠纷
SELECT pg_temp.terms('cause', '{maritime,contract}', '{law_firm}', '{arbitration_commission}', '海事海商纠纷', '{
 海事海商纠纷,船舶碰撞损害责任纠纷,船舶触碰损害责任纠纷,船舶损坏空中设施、水下设施损害责任纠纷,船舶污染损害责任纠纷,
 海上货物运输合同纠纷,海上旅客运输合同纠纷,船舶租用合同纠纷,船舶买卖合同纠纷,船舶抵押合同纠纷,海上保险合同纠纷,
 共同海损纠纷,海难救助合同纠纷,船员劳务合同纠纷,海上人身损害责任纠纷,港口作业纠纷,货代纠纷,货运代理合同纠纷,
 提单纠纷,海运纠纷,船舶碰撞,海事,海商,船员工资}');
-- 第八部分 与公司、证券、保险、票据等有关的民事纠纷
SELECT pg_temp.terms('cause', '{corporate}', '{law_firm}', '{arbitration_commission,notary}', '与公司、证券、保险、票据等有关的民事纠纷', '{
 与公司、证券、保险、票据等有关的民事纠纷,与企业有关的纠纷,企业出资人权益确认纠纷,合伙企业纠纷,与公司有关的纠纷,
 股东资格确认纠纷,股东名册记载纠纷,请求变更公司登记纠纷,股东出资纠纷,新增资本认购纠纷,股东知情权纠纷,请求公司收购股份纠纷,
 股权转让纠纷,公司决议纠纷,公司决议效力确认纠纷,公司决议撤销纠纷,公司设立纠纷,公司证照返还纠纷,发起人责任纠纷,
 公司盈余分配纠纷,损害股东利益责任纠纷,损害公司利益责任纠纷,股东损害公司债权人利益责任纠纷,公司关联交易损害责任纠纷,
 公司合并纠纷,公司分立纠纷,公司减资纠纷,公司增资纠纷,公司解散纠纷,清算责任纠纷,上市公司收购纠纷,合伙协议纠纷,
 申请破产清算,申请破产重整,申请破产和解,破产债权确认纠纷,破产撤销权纠纷,股权代持,代持股,股东分红,分红纠纷,
 股东知情权,股权转让,公司注销,公司解散,公司清算,破产清算,破产重整,对赌协议,合伙人纠纷,合伙纠纷,散伙,退股,公司章程,
 法定代表人变更,注册公司,公司注册,企业合规,常年法律顾问,法律顾问单位,公司法律顾问,企业法律顾问,公司顾问律师}');
SELECT pg_temp.terms('cause', '{finance_securities}', '{law_firm}', '{arbitration_commission}', '与公司、证券、保险、票据等有关的民事纠纷', '{
 证券纠纷,证券虚假陈述责任纠纷,证券内幕交易责任纠纷,操纵证券交易市场责任纠纷,证券欺诈责任纠纷,期货交易纠纷,信托纠纷,
 票据纠纷,票据付款请求权纠纷,票据追索权纠纷,票据损害责任纠纷,汇票,承兑汇票,商业汇票,支票,空头支票,票据,信用证纠纷,
 独立保函纠纷,虚假陈述,内幕交易,股民索赔,基金纠纷,理财亏损,理财产品,私募基金,P2P爆雷,非法集资受害,银行卡盗刷,
 信用卡盗刷,存款纠纷}');
-- 第九部分 侵权责任纠纷
SELECT pg_temp.terms('cause', '{tort}', '{law_firm}', '{mediation_committee,community_adviser}', '侵权责任纠纷', '{
 侵权责任纠纷,监护人责任纠纷,用人单位责任纠纷,劳务派遣工作人员侵权责任纠纷,网络侵权责任纠纷,违反安全保障义务责任纠纷,
 公共场所管理人责任纠纷,教育机构责任纠纷,产品责任纠纷,产品生产者责任纠纷,高度危险责任纠纷,环境污染责任纠纷,
 生态破坏责任纠纷,建筑物和物件损害责任纠纷,物件脱落、坠落损害责任纠纷,高空抛物、坠物损害责任纠纷,不明抛掷物、坠落物损害责任纠纷,
 饲养动物损害责任纠纷,高空抛物,高空坠物,噪音扰民,噪声污染,环境污染,污染,装修噪音,商场摔倒,
 安全保障义务,校园伤害,学校受伤,在学校受伤}');
SELECT pg_temp.terms('cause', '{personal_injury}', '{law_firm}', '{legal_aid,forensic,mediation_committee}', '侵权责任纠纷', '{
 人身损害赔偿,人身损害赔偿纠纷,被人打伤,打架受伤,被打伤,轻伤,重伤,伤残赔偿,伤残等级,
 误工费,护理费,营养费,残疾赔偿金,死亡赔偿金,丧葬费,精神损害抚慰金,精神损失费,意外受伤,摔伤赔偿,被狗咬,狗咬人,宠物伤人}');
SELECT pg_temp.terms('cause', '{traffic_accident}', '{law_firm,legal_aid}', '{forensic,mediation_committee,police}', '侵权责任纠纷', '{
 机动车交通事故责任纠纷,非机动车交通事故责任纠纷,交通事故责任纠纷,交通事故赔偿,交通事故责任认定,事故认定书,交通事故认定,
 车祸赔偿,出车祸,被车撞伤,撞车赔偿,电动车撞人,电瓶车,骑车被撞,交通事故伤残,交通事故误工费,肇事逃逸,逃逸,碰瓷,
 交强险赔偿,商业险,三者险,全责,主责,次责,同责,事故责任,车损,定损}');
SELECT pg_temp.terms('cause', '{medical}', '{law_firm}', '{forensic,mediation_committee,legal_aid}', '医疗纠纷', '{
 医疗损害责任纠纷,侵害患者知情同意权责任纠纷,医疗产品责任纠纷,医疗服务合同纠纷,医疗事故,医疗过错,医疗损害,医疗损害鉴定,
 医疗事故鉴定,医疗纠纷调解,医院误诊,误诊,漏诊,手术事故,手术失误,治死人,医院责任,整容失败,医美纠纷,美容失败,医美,
 病历,封存病历,病历复印}');
SELECT pg_temp.terms('cause', '{consumer}', '{law_firm}', '{mediation_committee,community_adviser}', '侵权责任纠纷', '{
 消费者权益保护纠纷,产品质量纠纷,食品安全纠纷,网络购物纠纷,退一赔三,退一赔十,假一赔三,买到假货,假冒伪劣,质量问题,
 商家欺诈,消费欺诈,预付卡跑路,办卡跑路,健身房跑路,培训机构跑路,退费难,退款难,不退款,不给退款,网购纠纷,七天无理由,
 消费投诉,12315,虚假广告,过期食品,食物中毒,直播带货}');
-- 非讼程序 and 特殊诉讼程序 (第十、十一部分)
SELECT pg_temp.terms('cause', '{}', '{law_firm}', '{notary}', '非讼程序案件案由', '{
 非讼程序案件案由,特殊诉讼程序案件案由,申请宣告自然人失踪,宣告失踪,申请宣告自然人死亡,宣告死亡,认定财产无主,确认调解协议,
 实现担保物权,公示催告,申请诉前停止侵害,第三人撤销之诉,执行异议之诉,案外人执行异议之诉,申请撤销仲裁裁决,申请执行仲裁裁决,
 撤销仲裁裁决,申请海事强制令,申请人身安全保护令,申请诉前财产保全,申请诉前证据保全,申请再审,再审,申诉,上诉,起诉状,
 答辩状,代写起诉状,代写文书,诉讼时效,举证责任,证据,开庭,立案,立案难,诉讼费,律师费,风险代理,胜诉,败诉,判决书,裁定书,
 调解书,执行,法院执行,执行款,拒不履行}');
SELECT pg_temp.terms('cause', '{}', '{law_firm,community_adviser}', '{legal_aid,mediation_committee}', '非讼程序案件案由', '{
 申请认定自然人无民事行为能力,申请认定自然人限制民事行为能力,认定无民事行为能力,无民事行为能力,限制民事行为能力,
 申请指定监护人,指定监护人,申请变更监护人,撤销监护人资格,成年监护,老人监护}');

-- 罪名: the charges of the Criminal Law (刑法分则), as named by the 最高人民法院、最高人民检察院 确定罪名的规定 and
-- its supplements. A defence is a law firm's work, legal aid assigns defenders (指派辩护).
SELECT pg_temp.terms('charge', '{criminal_defence}', '{law_firm}', '{legal_aid}', '', '{
 盗窃罪,诈骗罪,抢劫罪,抢夺罪,故意伤害罪,故意杀人罪,过失致人死亡罪,过失致人重伤罪,侵占罪,职务侵占罪,挪用资金罪,挪用公款罪,
 贪污罪,受贿罪,行贿罪,单位行贿罪,利用影响力受贿罪,介绍贿赂罪,非国家工作人员受贿罪,对非国家工作人员行贿罪,敲诈勒索罪,
 寻衅滋事罪,聚众斗殴罪,危险驾驶罪,交通肇事罪,妨害公务罪,袭警罪,非法吸收公众存款罪,集资诈骗罪,合同诈骗罪,贷款诈骗罪,
 信用卡诈骗罪,保险诈骗罪,票据诈骗罪,金融凭证诈骗罪,拒不支付劳动报酬罪,拒不执行判决、裁定罪,拒不执行判决裁定罪,虚假诉讼罪,
 帮助信息网络犯罪活动罪,非法利用信息网络罪,侵犯公民个人信息罪,组织、领导传销活动罪,组织领导传销活动罪,非法经营罪,
 走私普通货物、物品罪,走私普通货物罪,走私毒品罪,贩卖毒品罪,走私、贩卖、运输、制造毒品罪,非法持有毒品罪,容留他人吸毒罪,
 开设赌场罪,赌博罪,组织卖淫罪,容留卖淫罪,介绍卖淫罪,引诱、容留、介绍卖淫罪,强奸罪,强制猥亵罪,猥亵儿童罪,
 强制猥亵、侮辱罪,拐卖妇女、儿童罪,拐卖儿童罪,收买被拐卖的妇女、儿童罪,非法拘禁罪,绑架罪,非法侵入住宅罪,侮辱罪,诽谤罪,
 重婚罪,虐待罪,遗弃罪,破坏军婚罪,拒不救援友邻部队罪,伪证罪,包庇罪,窝藏罪,窝藏、包庇罪,
 掩饰、隐瞒犯罪所得罪,掩饰隐瞒犯罪所得罪,洗钱罪,妨害作证罪,帮助毁灭、伪造证据罪,脱逃罪,非法采矿罪,滥伐林木罪,
 盗伐林木罪,非法狩猎罪,危害珍贵、濒危野生动物罪,非法捕捞水产品罪,污染环境罪,失火罪,放火罪,爆炸罪,投放危险物质罪,
 以危险方法危害公共安全罪,重大责任事故罪,重大劳动安全事故罪,消防责任事故罪,非法持有枪支罪,非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪,
 生产、销售伪劣产品罪,生产销售伪劣产品罪,生产、销售假药罪,生产、销售有毒、有害食品罪,生产、销售不符合安全标准的食品罪,
 假冒注册商标罪,销售假冒注册商标的商品罪,侵犯著作权罪,侵犯商业秘密罪,假冒专利罪,逃税罪,虚开增值税专用发票罪,
 虚开发票罪,骗取出口退税罪,骗取贷款罪,高利转贷罪,内幕交易罪,操纵证券、期货市场罪,伪造货币罪,使用假币罪,持有假币罪,
 伪造、变造、买卖国家机关公文、证件、印章罪,伪造公司、企业、事业单位、人民团体印章罪,伪造身份证件罪,使用虚假身份证件罪,
 招摇撞骗罪,冒充军人招摇撞骗罪,组织考试作弊罪,代替考试罪,妨害信用卡管理罪,窃取、收买、非法提供信用卡信息罪,
 破坏计算机信息系统罪,非法获取计算机信息系统数据罪,非法侵入计算机信息系统罪,组织他人偷越国（边）境罪,偷越国（边）境罪,
 滥用职权罪,玩忽职守罪,徇私枉法罪,私分国有资产罪,巨额财产来源不明罪,隐瞒境外存款罪,故意毁坏财物罪,破坏生产经营罪,
 强迫交易罪,强迫劳动罪,雇用童工从事危重劳动罪,非法占用农用地罪,非法转让、倒卖土地使用权罪,骗取国家出口退税罪,
 组织、领导、参加黑社会性质组织罪,参加黑社会性质组织罪,非法集资,电信诈骗,网络诈骗,电诈,洗钱,传销,贩毒,吸毒,赌博,
 醉驾,醉酒驾驶,酒后驾驶,毒驾,飙车,超速,无证驾驶,偷东西,偷窃,扒窃,抢劫,抢钱,敲诈,勒索,碰瓷诈骗,打架斗殴,打人,
 故意伤害,轻伤害,寻衅滋事,聚众斗殴,非法拘禁,职务侵占,挪用资金,行贿,受贿,贪污,帮信罪,两卡,卖银行卡,出租银行卡,
 跑分,刷单,猥亵,强奸,性侵,拐卖,绑架,伪证,包庇,窝藏,逃税,偷税,虚开发票,假币,走私,开设赌场}');
SELECT pg_temp.terms('charge', '{criminal_defence}', '{law_firm}', '{legal_aid}', '', '{
 刑事案件,刑事诉讼,刑事辩护律师,辩护人,辩护律师,刑事律师,刑事拘留,行政拘留,治安拘留,监视居住,指定居所监视居住,取保候审,
 取保,保释,逮捕,批准逮捕,批捕,不起诉,相对不起诉,认罪认罚,认罪认罚从宽,缓刑,减刑,假释,保外就医,死刑复核,刑事申诉,
 刑事和解,刑事附带民事诉讼,附带民事诉讼,会见当事人,律师会见,看守所会见,被刑拘,家人被抓,老公被抓,儿子被抓,被公安带走,
 被抓了怎么办,判几年,量刑,自首,立功,前科,犯罪记录,案底,从轻处罚,减轻处罚,无罪辩护,罪轻辩护,二审,一审,刑期,
 监狱,服刑,羁押,立案侦查,侦查,审查起诉,公诉,自诉,刑事自诉,报案,报警,立案监督,经侦,刑侦,网上追逃,通缉}');

-- The names of the main laws and regulations, and the old names people still use (parent: where the rules
-- are now). A law is one term: 公司法 is not the word 公司, 刑事诉讼法 holds no 司法 that means appraisal.
SELECT pg_temp.terms('law', '{contract,marriage_family,inheritance,real_estate,tort,debt,personality_rights}', '{law_firm}', '{community_adviser,legal_aid}', '', '{
 民法典,中华人民共和国民法典,民法典总则编,总则编,民法总则,民法通则,民法,民事诉讼法,中华人民共和国民事诉讼法,民诉法,
 民法典司法解释,司法解释,最高法司法解释,最高人民法院司法解释,指导案例,判例,案例,法条,法律条文,法律规定,法规}');
SELECT pg_temp.terms('law', '{real_estate}', '{law_firm}', '{community_adviser}', '民法典物权编', '{物权法,中华人民共和国物权法}');
SELECT pg_temp.terms('law', '{real_estate}', '{law_firm}', '{community_adviser}', '', '{民法典物权编,物权编,城市房地产管理法,房地产管理法,
 不动产登记暂行条例,物业管理条例,商品房销售管理办法,住房租赁条例,土地承包法,农村土地承包法}');
SELECT pg_temp.terms('law', '{contract}', '{law_firm}', '{arbitration_commission}', '民法典合同编', '{合同法,中华人民共和国合同法,经济合同法}');
SELECT pg_temp.terms('law', '{contract}', '{law_firm}', '{arbitration_commission}', '', '{民法典合同编,合同编,电子商务法,招标投标法,拍卖法}');
SELECT pg_temp.terms('law', '{debt}', '{law_firm}', '{notary}', '民法典物权编', '{担保法,中华人民共和国担保法}');
SELECT pg_temp.terms('law', '{personality_rights,tort}', '{law_firm}', '{notary}', '', '{民法典人格权编,人格权编,个人信息保护法,网络安全法,数据安全法}');
SELECT pg_temp.terms('law', '{marriage_family}', '{law_firm,community_adviser}', '{legal_aid,mediation_committee}', '民法典婚姻家庭编', '{婚姻法,中华人民共和国婚姻法,收养法,婚姻法司法解释}');
SELECT pg_temp.terms('law', '{marriage_family}', '{law_firm,community_adviser}', '{legal_aid,mediation_committee}', '', '{民法典婚姻家庭编,婚姻家庭编,
 反家庭暴力法,反家暴法,妇女权益保障法,老年人权益保障法,婚姻登记条例}');
SELECT pg_temp.terms('law', '{inheritance}', '{law_firm,notary}', '{}', '民法典继承编', '{继承法,中华人民共和国继承法}');
SELECT pg_temp.terms('law', '{inheritance}', '{law_firm,notary}', '{}', '', '{民法典继承编,继承编}');
SELECT pg_temp.terms('law', '{tort}', '{law_firm}', '{}', '民法典侵权责任编', '{侵权责任法,中华人民共和国侵权责任法}');
SELECT pg_temp.terms('law', '{tort}', '{law_firm}', '{}', '', '{民法典侵权责任编,侵权责任编,环境保护法}');
SELECT pg_temp.terms('law', '{criminal_defence}', '{law_firm}', '{legal_aid}', '', '{刑法,中华人民共和国刑法,刑法修正案,刑法修正案十一,刑法修正案十二,
 刑事诉讼法,中华人民共和国刑事诉讼法,刑诉法,治安管理处罚法,反电信网络诈骗法,禁毒法,监察法}');
SELECT pg_temp.terms('law', '{labour}', '{law_firm,legal_aid,labour_arbitration}', '{mediation_committee}', '', '{劳动法,中华人民共和国劳动法,
 劳动合同法,中华人民共和国劳动合同法,劳动合同法实施条例,劳动争议调解仲裁法,社会保险法,工伤保险条例,保障农民工工资支付条例,
 职工带薪年休假条例,女职工劳动保护特别规定,最低工资规定,就业促进法,工资支付暂行规定}');
SELECT pg_temp.terms('law', '{corporate}', '{law_firm}', '{arbitration_commission}', '', '{公司法,中华人民共和国公司法,新公司法,合伙企业法,
 企业破产法,破产法,个人独资企业法,外商投资法,市场主体登记管理条例,公司登记管理条例}');
SELECT pg_temp.terms('law', '{finance_securities}', '{law_firm}', '{arbitration_commission}', '', '{证券法,票据法,商业银行法,信托法,证券投资基金法,期货和衍生品法,
 防范和处置非法集资条例}');
SELECT pg_temp.terms('law', '{insurance}', '{law_firm}', '{}', '', '{保险法,中华人民共和国保险法}');
SELECT pg_temp.terms('law', '{traffic_accident}', '{law_firm,legal_aid}', '{police}', '', '{道路交通安全法,中华人民共和国道路交通安全法,道交法,
 道路交通安全法实施条例,机动车交通事故责任强制保险条例,交强险条例}');
SELECT pg_temp.terms('law', '{intellectual_property}', '{law_firm}', '{}', '', '{反不正当竞争法,中华人民共和国反不正当竞争法,反垄断法,
 著作权法,商标法,专利法,计算机软件保护条例,商业秘密}');
SELECT pg_temp.terms('law', '{consumer}', '{law_firm}', '{mediation_committee}', '', '{消费者权益保护法,中华人民共和国消费者权益保护法,消法,
 消保法,产品质量法,食品安全法,广告法,价格法,单用途商业预付卡管理办法}');
SELECT pg_temp.terms('law', '{administrative}', '{law_firm}', '{legal_aid}', '', '{行政诉讼法,中华人民共和国行政诉讼法,行政复议法,
 行政处罚法,行政许可法,行政强制法,政府信息公开条例,信访条例}');
SELECT pg_temp.terms('law', '{state_compensation,administrative}', '{law_firm,legal_aid}', '{}', '', '{国家赔偿法,中华人民共和国国家赔偿法}');
SELECT pg_temp.terms('law', '{land_expropriation}', '{law_firm}', '{legal_aid}', '', '{土地管理法,国有土地上房屋征收与补偿条例,城乡规划法,
 城市更新条例,深圳经济特区城市更新条例}');
SELECT pg_temp.terms('law', '{construction}', '{law_firm}', '{arbitration_commission}', '', '{建筑法,建设工程质量管理条例,建设工程施工合同司法解释}');
SELECT pg_temp.terms('law', '{medical}', '{law_firm}', '{forensic,mediation_committee}', '', '{医疗纠纷预防和处理条例,医疗事故处理条例,基本医疗卫生与健康促进法,
 医师法}');
SELECT pg_temp.terms('law', '{minors}', '{law_firm,legal_aid}', '{}', '', '{未成年人保护法,预防未成年人犯罪法,家庭教育促进法,义务教育法}');
SELECT pg_temp.terms('law', '{foreign}', '{law_firm}', '{notary}', '', '{出境入境管理法,外国人入境出境管理条例,涉外民事关系法律适用法,国籍法}');
SELECT pg_temp.terms('law', '{maritime}', '{law_firm}', '{arbitration_commission}', '', '{海商法,海事诉讼特别程序法}');
SELECT pg_temp.terms('law', '{}', '{legal_aid}', '{law_firm}', '', '{法律援助法,中华人民共和国法律援助法,法律援助条例}');
SELECT pg_temp.terms('law', '{}', '{notary}', '{}', '', '{公证法,中华人民共和国公证法,公证程序规则}');
SELECT pg_temp.terms('law', '{}', '{law_firm}', '{}', '', '{律师法,中华人民共和国律师法}');
SELECT pg_temp.terms('law', '{}', '{forensic}', '{}', '', '{司法鉴定管理决定,关于司法鉴定管理问题的决定,司法鉴定程序通则,司法鉴定机构登记管理办法}');
SELECT pg_temp.terms('law', '{}', '{mediation_committee,community_adviser}', '{legal_aid}', '', '{人民调解法,中华人民共和国人民调解法}');
SELECT pg_temp.terms('law', '{}', '{arbitration_commission}', '{law_firm}', '', '{仲裁法,中华人民共和国仲裁法}');
SELECT pg_temp.terms('law', '{}', '{law_firm}', '{community_adviser}', '', '{宪法,中华人民共和国宪法,立法法,民事法律,刑事法律,法律法规,普法,法治宣传}');

-- Remedies and legal acts: who does them. Notaries certify, hold deposits (提存) and preserve evidence;
-- forensic institutions appraise; legal aid takes the maintenance, wage and injury claims of those who cannot pay.
SELECT pg_temp.terms('remedy', '{inheritance}', '{notary}', '{law_firm}', '', '{遗嘱公证,继承公证,遗赠公证,遗赠扶养协议,遗赠扶养协议公证,
 立遗嘱公证,遗嘱见证,遗嘱库,遗嘱登记,遗嘱保管,放弃继承公证,继承权公证,房产继承公证,遗产继承公证,遗产公证}');
SELECT pg_temp.terms('remedy', '{}', '{notary}', '{law_firm}', '', '{提存,提存公证,保全证据,证据保全,证据保全公证,保全证据公证,网页公证,
 网页取证,电子数据保全,电子存证,取证公证,现场公证,委托公证,委托书公证,声明公证,学历公证,学位公证,成绩单公证,驾照公证,
 亲属关系公证,亲属关系证明,出生公证,出生医学证明公证,无犯罪记录公证,未受刑事处分公证,婚姻状况公证,未婚公证,结婚公证,
 离婚公证,单身公证,经历公证,工作经历公证,在职证明公证,收入证明公证,存款公证,护照公证,身份证公证,户口本公证,
 赠与公证,房产赠与公证,赠与合同公证,婚前财产公证,婚前协议公证,夫妻财产约定公证,财产分割协议公证,借款合同公证,
 赋予强制执行效力公证,赋强公证,强制执行公证,抵押合同公证,买卖合同公证,合同公证,协议公证,抽签公证,抽奖公证,
 摇号公证,公证书,公证认证,涉外公证,海外公证,出国公证,留学公证,移民公证,签证公证,翻译公证,副本公证,复印件公证,
 印章公证,营业执照公证,公司章程公证,意定监护,意定监护公证,意定监护协议,监护协议公证,生存公证,生存证明,指纹公证,
 公证处办理,去公证处,公证费,办公证要带什么}');
SELECT pg_temp.terms('remedy', '{}', '{forensic}', '{law_firm}', '', '{亲子鉴定,DNA亲子鉴定,亲缘鉴定,血缘鉴定,个体识别,法医物证,法医物证鉴定,
 法医临床,法医临床鉴定,伤残鉴定,伤残等级鉴定,伤情鉴定,伤情等级,轻伤鉴定,重伤鉴定,损伤程度鉴定,误工期鉴定,护理期鉴定,
 营养期鉴定,三期鉴定,后续治疗费鉴定,法医病理,法医病理鉴定,死因鉴定,尸检,尸体解剖,法医毒物,
 法医毒物鉴定,酒精鉴定,血液酒精鉴定,毒物鉴定,法医精神病,精神病鉴定,精神鉴定,精神疾病鉴定,民事行为能力鉴定,
 刑事责任能力鉴定,文书鉴定,笔迹鉴定,签名鉴定,签字鉴定,印章鉴定,印迹鉴定,文件形成时间鉴定,痕迹鉴定,车辆痕迹鉴定,
 交通事故痕迹鉴定,车速鉴定,声像资料,声像资料鉴定,录音鉴定,录像鉴定,视频鉴定,电子数据鉴定,微量物证,环境损害,
 环境损害鉴定,造价鉴定,工程造价鉴定,工程质量鉴定,司法鉴定,鉴定机构,做鉴定,申请鉴定,重新鉴定,鉴定费,
 鉴定意见,鉴定报告}');
SELECT pg_temp.terms('remedy', '{}', '{legal_aid}', '{law_firm}', '', '{法律援助申请,申请法律援助,法律援助条件,经济困难证明,
 指派律师,指派辩护,值班律师,免费代理,免费辩护,司法救助}');
SELECT pg_temp.terms('remedy', '{}', '{mediation_committee,community_adviser}', '{legal_aid,law_firm}', '', '{人民调解,调解协议,
 调解协议书,司法确认,调解,调解员,找人调解,邻里调解,家庭矛盾,家庭纠纷,矛盾纠纷,纠纷调解}');
SELECT pg_temp.terms('remedy', '{labour}', '{labour_arbitration,legal_aid,law_firm}', '{mediation_committee}', '', '{劳动仲裁,申请劳动仲裁,
 劳动仲裁申请书,仲裁申请书,劳动监察,劳动监察大队,劳动局,劳动人事争议仲裁,劳动仲裁委}');
SELECT pg_temp.terms('remedy', '{contract}', '{arbitration_commission,law_firm}', '{}', '', '{商事仲裁,仲裁协议,仲裁条款,仲裁裁决,申请仲裁,仲裁委}');
SELECT pg_temp.terms('remedy', '{administrative}', '{law_firm}', '{legal_aid,justice_bureau}', '', '{行政复议申请,申请行政复议,行政起诉,
 起诉政府,告政府部门,行政处罚决定,罚单,政府信息公开申请,行政赔偿,违法拆除,强制拆除}');
SELECT pg_temp.terms('remedy', '{state_compensation}', '{law_firm,legal_aid}', '{}', '', '{国家赔偿申请,刑事赔偿,错误羁押,冤假错案}');
SELECT pg_temp.terms('remedy', '{}', '{law_firm}', '{community_adviser,legal_aid}', '', '{律师函,发律师函,法律意见书,合同审查,审合同,
 起草合同,代理诉讼,诉讼代理,打官司找律师,请律师,聘请律师,律师咨询,法律咨询,法律顾问服务,见证,律师见证}');
SELECT pg_temp.terms('remedy', '{}', '{community_adviser,legal_aid}', '{law_firm,mediation_committee}', '', '{社区法律服务,村居法律服务,
 法律讲座,普法讲座,公共法律服务,法律服务站,法律服务室}');

-- The appraisal category a forensic institution lists for each appraisal (司法鉴定执业分类规定).
UPDATE legal_terms SET hint = '法医物证' WHERE term = ANY ('{亲子鉴定,DNA亲子鉴定,亲缘鉴定,血缘鉴定,个体识别,法医物证鉴定}'::text[]);
UPDATE legal_terms SET hint = '法医临床' WHERE term = ANY ('{伤残鉴定,伤残等级鉴定,伤情鉴定,伤情等级,轻伤鉴定,重伤鉴定,损伤程度鉴定,误工期鉴定,护理期鉴定,营养期鉴定,三期鉴定,后续治疗费鉴定,法医临床鉴定}'::text[]);
UPDATE legal_terms SET hint = '法医病理' WHERE term = ANY ('{死因鉴定,尸检,尸体解剖,法医病理鉴定}'::text[]);
UPDATE legal_terms SET hint = '法医毒物' WHERE term = ANY ('{酒精鉴定,血液酒精鉴定,毒物鉴定,法医毒物鉴定}'::text[]);
UPDATE legal_terms SET hint = '法医精神病' WHERE term = ANY ('{精神病鉴定,精神鉴定,精神疾病鉴定,民事行为能力鉴定,刑事责任能力鉴定}'::text[]);
UPDATE legal_terms SET hint = '文书' WHERE term = ANY ('{文书鉴定,笔迹鉴定,签名鉴定,签字鉴定,印章鉴定,印迹鉴定,文件形成时间鉴定}'::text[]);
UPDATE legal_terms SET hint = '痕迹' WHERE term = ANY ('{痕迹鉴定,车辆痕迹鉴定,交通事故痕迹鉴定,车速鉴定}'::text[]);
UPDATE legal_terms SET hint = '声像资料' WHERE term = ANY ('{声像资料鉴定,录音鉴定,录像鉴定,视频鉴定}'::text[]);
UPDATE legal_terms SET hint = '环境损害' WHERE term = ANY ('{环境损害鉴定}'::text[]);

-- Everyday words the judged set found missing.
-- Being cheated is a matter for the police or a lawyer, whatever the deal was (签了合同被骗了 is a contract matter).
SELECT pg_temp.terms('everyday', '{}', '{law_firm,police}', '{legal_aid}', '', '{被骗,被骗了,上当受骗,受骗,被诈骗,被人骗}');
-- A will: a notary office makes it, a lawyer advises on it.
SELECT pg_temp.terms('everyday', '{inheritance}', '{law_firm,notary}', '{community_adviser}', '', '{遗嘱,写遗嘱,做遗嘱,订立遗嘱}');

-- Everyday words of the judged sentences that found nothing (testdata/vocab_judged.tsv, class sentence).
SELECT pg_temp.terms('everyday', '{personal_injury}', '{law_firm,legal_aid}', '{mediation_committee}', '', '{打我,被打了,动手打人,挨打}');
SELECT pg_temp.terms('everyday', '{medical}', '{law_firm}', '{forensic,mediation_committee}', '', '{开错药,用错药,打错针,拿错药,双眼皮,整容,隆鼻,美容手术,医美失败}');
SELECT pg_temp.terms('everyday', '{consumer}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{买到假的,卖假货,假冒产品,吃坏肚子,过期,关门跑路,卷款跑路,倒闭退款,商家不退,不给退}');
SELECT pg_temp.terms('everyday', '{administrative}', '{law_firm}', '{legal_aid}', '', '{处罚决定,处罚,罚款单,城管罚款,被罚款}');
SELECT pg_temp.terms('everyday', '{corporate}', '{law_firm}', '{}', '', '{开公司,成立公司,注册一家公司,办营业执照}');
SELECT pg_temp.terms('everyday', '{intellectual_property}', '{law_firm}', '{notary}', '', '{被抄,抄了,被抄袭,洗稿,侵权了}');
SELECT pg_temp.terms('everyday', '{marriage_family}', '{law_firm,legal_aid,community_adviser}', '{mediation_committee}', '', '{不管老人,不养父母,不赡养,年纪大了没人管}');
SELECT pg_temp.terms('everyday', '{}', '{forensic}', '{law_firm}', '', '{签名,假签名,冒签,代签,不是我签的}');
SELECT pg_temp.terms('everyday', '{}', '{forensic}', '{law_firm,legal_aid}', '', '{伤残等级评定,伤残评定,评残,做伤残}');
UPDATE legal_terms SET hint = '文书' WHERE term IN ('签名', '假签名', '冒签', '代签', '不是我签的');
UPDATE legal_terms SET hint = '法医临床' WHERE term IN ('伤残等级评定', '伤残评定', '评残', '做伤残');

-- Defences (抗辩与免责事由) and the words of a legal portal's topics that are no cause or charge by name.
SELECT pg_temp.terms('cause', '{criminal_defence}', '{law_firm}', '{legal_aid}', '', '{正当防卫,防卫过当,紧急避险,避险过当,
 无罪,罪轻,正当防卫辩护,刑事附带民事,刑事案件辩护}');
SELECT pg_temp.terms('cause', '{contract}', '{law_firm}', '{arbitration_commission}', '', '{不可抗力,情势变更,抗辩,抗辩权,
 同时履行抗辩权,先履行抗辩权,不安抗辩权,先诉抗辩权,预付款,订金,尾款,货款,拖欠货款}');
SELECT pg_temp.terms('cause', '{tort}', '{law_firm}', '{}', '', '{自甘风险,意外事件,受害人过错,第三人过错,免责事由}');
SELECT pg_temp.terms('cause', '{marriage_family}', '{law_firm,community_adviser}', '{mediation_committee,legal_aid,notary}', '', '{
 婚前协议,夫妻债务,分家,婚姻,夫妻,夫妻关系,家庭矛盾纠纷}');
SELECT pg_temp.terms('cause', '{real_estate}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{土地纠纷,承包地,
 林权,林地,农村土地,土地确权,土地承包,按揭,房屋按揭,车位纠纷}');
SELECT pg_temp.terms('cause', '{debt}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{赌债,质押,债务,债权,欠债不还}');
SELECT pg_temp.terms('cause', '{labour}', '{law_firm,legal_aid,labour_arbitration}', '{mediation_committee}', '', '{劳动,劳动纠纷,
 劳资纠纷,劳务纠纷,违法解除,医保,失业金,失业保险,养老金,退休金,退休待遇,辞职补偿,工作纠纷}');
SELECT pg_temp.terms('cause', '{consumer}', '{law_firm}', '{mediation_committee,community_adviser}', '', '{快递丢失,快递,外卖,
 旅游纠纷,旅行社,教育培训,培训费,消费纠纷,购物纠纷,退货退款}');
SELECT pg_temp.terms('cause', '{insurance}', '{law_firm}', '{}', '', '{车险,车险理赔,寿险,养老保险纠纷}');
SELECT pg_temp.terms('cause', '{administrative}', '{law_firm}', '{legal_aid}', '', '{交通违章,违章,扣分,驾照被扣,吊销驾照}');
SELECT pg_temp.terms('remedy', '{}', '{arbitration_commission,labour_arbitration,law_firm}', '{}', '', '{仲裁,仲裁委员会,仲裁员}');
SELECT pg_temp.terms('remedy', '{}', '{law_firm,legal_aid}', '{community_adviser}', '', '{起诉,应诉,诉讼,民事诉讼,打官司,判决,
 裁定,裁判文书,诉讼时效,时效,法院判决,被起诉,被告,原告}');
-- The new areas have no places yet in a directory loaded before them: their words also mean the seeded area
-- nearest to them, so a citizen finds someone.
SELECT pg_temp.terms('cause', '{personality_rights,tort}', '{law_firm}', '{notary}', '', '{个人信息,隐私权,隐私,姓名权,肖像,名誉}');
SELECT pg_temp.terms('cause', '{state_compensation,administrative}', '{law_firm,legal_aid}', '{}', '', '{国家赔偿,冤案,错案赔偿}');
SELECT pg_temp.terms('cause', '{maritime,contract}', '{law_firm}', '{arbitration_commission}', '', '{海事,海商,船舶,海运,海上运输}');

-- Signs that the citizen wants free help: legal aid comes first, whatever the matter.
SELECT pg_temp.terms('free_help', '{}', '{legal_aid}', '{community_adviser,legal_service_center}', '', '{免费,免费咨询,免费律师,免费法律咨询,
 免费的律师,没钱,没有钱,没钱请律师,请不起律师,请不起,付不起,付不起律师费,经济困难,家庭困难,低保,低保户,困难群众,
 残疾人,法援,法律援助,援助,不要钱,不收费,公益律师,公益法律服务}');

-- What a query means changes with this table, and so do answers: a change bumps the directory's version
-- (the server reloads its analysis, and ETags move on).
CREATE TRIGGER legal_terms_bump_ins AFTER INSERT ON legal_terms REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER legal_terms_bump_upd AFTER UPDATE ON legal_terms REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER legal_terms_bump_del AFTER DELETE ON legal_terms REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
