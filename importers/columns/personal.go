package columns

// personal lists headers of personal data the public model has no place
// for, by the reason they are dropped. They are recognised so that the
// import report can say they were seen and not stored.
var personal = map[string][]string{
	"身份证件号码 / national ID number":  {"身份证", "身份证号", "身份证号码", "证件号码", "证件号", "公民身份号码", "身份证件号码", "idcard", "idcardno", "idcardnumber", "idnumber", "nationalid"},
	"个人手机 / personal mobile":       {"手机", "手机号", "手机号码", "个人手机", "个人电话", "移动电话", "私人电话", "律师电话", "律师手机", "顾问电话", "顾问手机", "personalmobile", "personalphone", "mobile", "mobilephone", "cellphone", "cell"},
	"家庭住址 / home address":          {"家庭住址", "住址", "家庭地址", "居住地址", "现住址", "户籍地址", "户籍所在地", "户籍", "homeaddress"},
	"出生日期 / date of birth":         {"出生日期", "出生年月", "生日", "dateofbirth", "birthdate", "birthday", "dob"},
	"性别 / gender":                  {"性别", "gender", "sex"},
	"民族 / ethnicity":               {"民族", "ethnicity"},
	"政治面貌 / political affiliation": {"政治面貌", "党派", "politicalstatus"},
	"年龄 / age":                     {"年龄", "age"},
	"婚姻状况 / marital status":        {"婚姻状况", "maritalstatus"},
	"个人联系方式 / personal contact":    {"微信", "微信号", "wechat", "qq", "qq号", "个人邮箱", "personalemail"},
}

// lawyerPersonal are a lawyer's own contact details: public for a place,
// personal for a person (DESIGN.md: never a personal phone number).
var lawyerPersonal = map[string][]string{
	"律师个人联系方式 / a lawyer's personal contact": append(append([]string{}, placeAliases["phone"]...), placeAliases["email"]...),
}
