package search

import "strings"

// The small word lists the analysis carries itself. Everything that names a kind, a practice
// area or a place comes from the database's vocabularies (Vocabulary); these lists only
// hold the language around them: how people ask, and common legal words that help FMM cut
// a sentence in the right places.

// stopWords are dropped from queries: question words, pronouns, politeness, vague verbs,
// and the everyday nouns that name the other party or the circumstances (老板, 老公, 对方,
// 三个月) which say nothing a directory record would contain. Kept to words of two or more
// characters; single characters are in stopChars.
var stopWords = fields(`
怎么办 怎么 怎样 怎么样 如何 为什么 什么 请问 问一下 想问 咨询一下 哪里 哪儿 哪个 哪家 哪些 在哪 在哪里 在哪儿 去哪 去哪里
找谁 归谁 是谁 一个 一下 一些 一家 可以 能否 能不能 有没有 是否 需要 应该 应当 必须 想要 我们 我的 你们 他们 自己
现在 已经 一直 还是 但是 可是 如果 因为 所以 然后 或者 以及 还有 这个 那个 这种 那种 这样 那样 时候 之后 以后
推荐 靠谱 专业 比较 最好 帮忙 帮我 给我 求助 谢谢 您好 你好 知道 告诉 了解 办理 处理 解决 申请 问题 情况 事情 东西
法律 咨询 服务 官司 案子 案件 电话 地址 地方 上班 时间 多少钱 收费 费用 价格 在线 网上 联系 方式
老板 单位 老公 老婆 丈夫 妻子 孩子 小孩 父亲 母亲 父母 爸爸 妈妈 家人 家里 家里人 亲戚 朋友 同事 对方 别人 他人 邻居 工地
个月 三个月 两个月 半年 一年 几年 很多 好多 不给 不还 不退 不赔 不肯 不让 乱收 怎么分 怎么赔 怎么告 起诉 告他
纠纷 争议
`)

// nearWords mean "near me": dropped as text, reported as Query.Near so the engine orders
// by distance.
var nearWords = fields(`附近 周边 周围 身边 就近 最近 离我近 家附近`)

// stopChars are trimmed from the ends of unknown pieces (see trimStops).
var stopChars = runeSet(`我你他她它的了吗呢啊吧呀嘛啦哦找想要在是有去请把被给帮个谁该能会都也就还很最哪怎么得地着过这那么啥些对向从到让`)

// legalWords help FMM cut queries (and, in the dictionary modes, documents) at word
// boundaries. They carry no vocabulary meaning; a query term matching one stays a term.
var legalWords = fields(`
律师事务所 事务所 律师 法律援助 援助 公证 鉴定 司法 司法局 司法所 法院 人民法院 检察院 公安 派出所 仲裁 仲裁委 仲裁委员会
诉讼 上诉 判决 调解 人民调解 调解委员会 赔偿 补偿 赔钱 维权 权益 合同 协议 劳动 婚姻 家庭 继承 房产 债务 刑事 民事 行政
知识产权 保险 交通 事故 医疗 消费者 社区 街道 中心 工作站 服务站 服务所 服务中心 有限公司 分所 深圳 深圳市 广东 广东省 北京
上海 大道 大厦 广场 花园 中路 北路 南路 东路 西路
`)

// latinStop are dropped from Latin runs before vocabulary matching.
var latinStop = fields(`a an the and or of for in on at to by with me my i we you need want find looking look how what where
who which is are can do does please help get some any best good`)

// pinyinStop are the latinStop words that are also pinyin syllables.
var pinyinStop = fields(`a an you`)

// latinNear mean "near me" in English queries.
var latinNear = fields(`near nearby nearest around close`)

func fields(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}
