package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Word lists the generator draws from. They make names and addresses read like Shenzhen's without copying
// any real office: brands are pairs of the characters firms like, roads are real road names of each
// district (a road is public knowledge, not a record), buildings are invented.

var brandChars = []rune("信华诚德正明君泰恒嘉鹏卓瀚融金卫盈大中国商海天和宏志远博法理义鼎安民建广深合众联胜达")

var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鹏飞辉宇浩凯晨欣怡婷雪琳颖佳慧子轩思涵俊峰志文斌建国海燕晓东立新家豪嘉怡")
)

// roads holds real road names per district code.
var roads = map[string][]string{
	"440303": {"深南东路", "人民南路", "建设路", "宝安南路", "东门中路", "文锦中路", "红岭中路", "笋岗路", "沿河北路", "爱国路"},
	"440304": {"深南大道", "福华一路", "福华三路", "益田路", "金田路", "彩田路", "华强北路", "红荔路", "滨河大道", "新洲路", "福中三路", "民田路"},
	"440305": {"南海大道", "科苑路", "后海大道", "创业路", "南山大道", "深南大道", "高新南一道", "桃园路", "沙河西路", "蛇口新街", "学府路"},
	"440306": {"宝安大道", "新安六路", "创业一路", "西乡大道", "前进一路", "建安一路", "福永大道", "沙井路", "松岗大道", "石岩北街"},
	"440307": {"龙岗大道", "龙城大道", "布吉路", "吉华路", "横岗大道", "坂雪岗大道", "平湖大街", "清林路", "黄阁路", "深惠路"},
	"440308": {"深盐路", "海山路", "沙头角东和路", "盐田路", "北山道", "梅沙路"},
	"440309": {"人民路", "梅龙大道", "民治大道", "东环一路", "龙华大道", "观澜大道", "华联路", "建设东路"},
	"440310": {"坪山大道", "东纵路", "深汕路", "龙勤路", "金碧路", "丹梓大道"},
	"440311": {"光明大道", "华夏路", "观光路", "公明北环大道", "双明大道", "松白路"},
}

var buildingSuffix = []string{"大厦", "中心", "广场", "商务中心", "国际大厦", "金融中心", "科技大厦"}

var communityChars = []rune("福华新安龙岗田园湖山海景翠莲花南北东西岭岗水石桥塘坑围村沙湾泉松竹梅桂兴民和平乐康宁富")

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func brand(r *rand.Rand) string {
	a := pick(r, brandChars)
	b := pick(r, brandChars)
	for b == a {
		b = pick(r, brandChars)
	}
	return string([]rune{a, b})
}

func personName(r *rand.Rand) string {
	n := []rune{pick(r, surnames), pick(r, givenChars)}
	if r.IntN(3) > 0 {
		n = append(n, pick(r, givenChars))
	}
	return string(n)
}

// address reads like "深圳市福田区福华一路98号卓越大厦12层".
func address(r *rand.Rand, d district) string {
	road := pick(r, roads[d.Code])
	var b strings.Builder
	fmt.Fprintf(&b, "深圳市%s%s%d号", d.Name, road, 1+r.IntN(3000))
	switch r.IntN(4) {
	case 0, 1:
		fmt.Fprintf(&b, "%s%s%d层", brand(r), pick(r, buildingSuffix), 2+r.IntN(40))
	case 2:
		fmt.Fprintf(&b, "%s%s%d楼%02d室", brand(r), pick(r, buildingSuffix), 1+r.IntN(30), 1+r.IntN(20))
	}
	return b.String()
}

// phone is an office landline as Shenzhen prints them.
func phone(r *rand.Rand) string {
	return fmt.Sprintf("0755-%d%07d", pick(r, []int{2, 8, 8, 8, 3, 6}), r.IntN(10_000_000))
}

func communityName(r *rand.Rand) string {
	a := pick(r, communityChars)
	b := pick(r, communityChars)
	for b == a {
		b = pick(r, communityChars)
	}
	return string([]rune{a, b}) + "社区"
}

// Opening hours in the ways bureaus write them, from the common to the awkward (full-width digits,
// 上午/下午); the parser must read them all.
var firmHours = []string{
	"周一至周五 9:00-12:00,14:00-18:00",
	"周一至周五 9:00-12:00，14:00-18:00",
	"工作日 8:30-17:30",
	"周一至周五 ９:００-１８:００",
	"周一至周六 9:00-18:00",
	"周一至周五 上午9:00-12:00 下午14:00-17:30",
}

var officeHours = []string{
	"周一至周五 9:00-12:00,14:00-18:00，节假日休息",
	"工作日 9:00-12:00，14:00-17:30",
	"周一至周五 8:30-12:00,14:00-17:30",
}

// practiceWords are what bureaus write in 业务领域: mostly the vocabulary's names, some everyday words.
var practiceWords = []string{"婚姻家庭", "劳动争议", "交通事故", "合同纠纷", "刑事辩护", "房产纠纷", "债权债务", "继承",
	"医疗纠纷", "知识产权", "公司商事", "行政诉讼", "征地拆迁", "消费维权", "涉外", "人身损害", "保险纠纷", "金融证券",
	"建设工程", "侵权责任", "未成年人保护", "离婚", "工伤", "欠薪"}

func practiceList(r *rand.Rand, n int) string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		w := pick(r, practiceWords)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return strings.Join(out, "、")
}

// forensicCategories are the appraisal categories of the national register.
var forensicCategories = []string{"法医临床", "法医病理", "法医物证", "法医毒物", "法医精神病", "痕迹", "文书", "声像资料", "环境损害", "微量物证"}
