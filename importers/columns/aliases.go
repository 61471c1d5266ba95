package columns

// Kinds with aliases of their own (DESIGN.md "Importers"). Every other kind of place (the kinds table is
// data) maps its headers with the general place table (Place), every kind of person with Person.
var Kinds = []string{"law_firm", "lawyer", "legal_aid", "notary", "forensic", "community_adviser"}

// Place and Person are the tables of a kind of place, or of people, that has no aliases of its own.
const (
	Place  = "place"
	Person = "lawyer"
)

// placeAliases are the fields of a place (a provider) and the headers
// bureaus use for them, written in normalized form (see normalize).
var placeAliases = map[string][]string{
	"source_id":      {"编号", "id", "机构编号", "机构代码", "记录编号", "唯一编号", "唯一标识", "sourceid", "单位编号", "点位编号"},
	"name":           {"名称", "机构名称", "单位名称", "姓名", "机构全称", "全称", "name", "律所名称", "律师事务所名称", "律师事务所", "律所", "事务所名称", "公证处名称", "公证机构名称", "鉴定机构名称", "司法鉴定机构名称", "援助中心名称", "法律援助机构名称", "工作站名称", "服务点名称", "站点名称"},
	"name_en":        {"英文名称", "英文名", "外文名称", "nameen", "englishname", "名称(英文)", "机构名称(英文)", "name(english)", "name(en)"},
	"licence_no":     {"执业许可证号", "许可证号", "执业证号", "执业证书编号", "执业许可证编号", "许可证编号", "执业证书号", "执业许可证号码", "司法鉴定许可证号", "鉴定许可证号", "licenceno", "licenseno", "licencenumber", "licensenumber", "licence", "license"},
	"credit_code":    {"统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "creditcode", "uscc", "unifiedsocialcreditcode"},
	"address":        {"地址", "办公地址", "详细地址", "机构地址", "服务地址", "所在地址", "联系地址", "办公场所", "住所", "地点", "address"},
	"district":       {"所属区", "区", "所在区", "行政区", "辖区", "区域", "所属区域", "行政区划", "所属行政区", "区县", "district"},
	"street":         {"所属街道", "街道", "所在街道", "街道办", "镇街", "street"},
	"community":      {"社区", "所属社区", "所在社区", "村(社区)", "村社区", "村居", "社区名称", "community"},
	"lng":            {"经度", "x", "lon", "lng", "long", "longitude", "经度坐标", "pointx", "x坐标", "东经"},
	"lat":            {"纬度", "y", "lat", "latitude", "纬度坐标", "pointy", "y坐标", "北纬"},
	"coordinates":    {"坐标", "经纬度", "经纬度坐标", "位置坐标", "地理坐标", "坐标(经度,纬度)", "coordinates", "coordinate", "coords", "lnglat", "lng,lat"},
	"phone":          {"电话", "联系电话", "咨询电话", "办公电话", "服务电话", "值班电话", "热线", "服务热线", "咨询热线", "热线电话", "固定电话", "座机", "联系方式", "电话号码", "phone", "tel", "telephone"},
	"email":          {"邮箱", "电子邮箱", "电子邮件", "邮件地址", "email", "mail"},
	"website":        {"网址", "网站", "官网", "主页", "网站地址", "website", "url", "homepage"},
	"hours":          {"服务时间", "办公时间", "工作时间", "开放时间", "营业时间", "接待时间", "hours", "openinghours", "officehours"},
	"practice_areas": {"业务领域", "擅长领域", "业务范围", "专业领域", "执业领域", "业务专长", "专长", "服务范围", "服务内容", "practiceareas", "specialties", "specialities"},
	"languages":      {"服务语言", "语言", "工作语言", "外语", "languages", "language"},
	"free":           {"是否免费", "免费", "free"},
	"fee_note":       {"收费说明", "收费标准", "收费情况", "收费", "fee", "fees", "feenote"},
	"accessibility":  {"无障碍", "无障碍设施", "无障碍通道", "accessibility"},
	"description":    {"简介", "机构简介", "介绍", "描述", "机构介绍", "description", "about"},
	"status":         {"状态", "执业状态", "机构状态", "运营状态", "status"},
	"verified_at":    {"核验日期", "核验时间", "核实日期", "最后核验日期", "verifiedat", "verified"},
}

// kindAliases add fields of one kind, or take a header over from a
// general field for that kind ("执业类别" is a forensic category, but a
// lawyer's role; "姓名" at a community adviser point is the adviser).
var kindAliases = map[string]map[string][]string{
	"lawyer": {
		"name":            {"姓名", "律师姓名", "名称", "name", "律师"},
		"licence_no":      {"执业证号", "执业证书编号", "律师执业证号", "执业证书号", "律师执业证书编号", "执业证号码", "律师证号", "licenceno", "licenseno", "licencenumber", "licensenumber"},
		"firm_licence_no": {"执业机构许可证号", "执业机构执业许可证号", "律所许可证号", "律所执业许可证号", "所属律所许可证号", "执业机构证号", "执业机构统一社会信用代码", "firmlicenceno", "firmlicenseno"},
		"firm_name":       {"执业机构", "所属律所", "律师事务所", "律所", "执业律所", "所在律所", "执业机构名称", "所属律师事务所", "所属机构", "工作单位", "firm", "lawfirm", "firmname", "所属公证处", "公证处", "执业公证处", "所属鉴定机构", "鉴定机构", "执业鉴定机构", "所属调委会", "所属调解委员会", "调解委员会", "人民调解委员会", "所属基层法律服务所", "基层法律服务所", "法律服务所", "所在单位", "单位名称"},
		"role":            {"职务", "类别", "律师类别", "律师类型", "执业类别", "执业类型", "role", "title"},
		"source_id":       {"编号", "id", "律师编号", "记录编号", "sourceid"},
		"practice_areas":  placeAliases["practice_areas"],
		"languages":       placeAliases["languages"],
		"status":          placeAliases["status"],
	},
	"forensic": {
		"categories": {"鉴定业务范围", "执业类别", "业务范围", "鉴定类别", "鉴定项目", "鉴定事项", "业务类别", "鉴定范围", "categories"},
		"valid_from": {"有效期起", "有效期开始", "有效期自", "有效期起始", "许可证有效期起", "发证日期", "validfrom"},
		"valid_to":   {"有效期至", "有效期止", "有效期截止", "有效期到", "许可证有效期至", "到期日期", "validto", "validuntil", "expiry"},
	},
	"community_adviser": {
		"adviser_name":       {"法律顾问", "顾问", "顾问姓名", "法律顾问姓名", "律师姓名", "姓名", "驻点律师", "派驻律师", "adviser", "advisor", "advisername", "advisorname"},
		"adviser_licence_no": {"顾问执业证号", "律师执业证号", "执业证号", "执业证书编号", "顾问证号", "adviserlicenceno", "adviserlicenseno"},
		"firm_name":          {"派驻律所", "派驻律师事务所", "所属律所", "律师事务所", "律所", "执业机构", "firm", "firmname"},
		"schedule":           {"驻点时间", "坐班时间", "值班安排", "驻点安排", "schedule"},
		"community":          {"社区", "所属社区", "所在社区", "服务社区", "驻点社区", "村(社区)", "村社区", "村居", "社区名称", "community"},
		"name":               {"名称", "服务点名称", "站点名称", "工作室名称", "name"},
	},
}

// lawyerFields are the only fields a practitioner has (DESIGN.md
// "practitioners"); everything else on a lawyer list is not published.
var lawyerFields = []string{"source_id", "name", "licence_no", "firm_licence_no", "firm_name", "role", "practice_areas", "languages", "status"}
