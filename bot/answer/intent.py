"""What a question asks: its kind (a figure, a rate, a list, a comparison, a report's section, the report
itself…), the places and years it names, and the standalone form of a follow-up; together, its `Plan`.
Every rule about questions lives here.

Tempting unanswerable questions ask the right topic for the wrong city or year, which a retrieval
score cannot see; so the answer chain scopes retrieval by the places and years found here and
checks the cited passages against them. The rules read the simplified question, so a question typed in
traditional characters (`韶關市選聘了幾名…`) is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.ingest.dates import RELATIVE, YEAR_NAMED, RelativeDate, relative_dates
from bot.ingest.figures import (
    CASE_NOUNS,
    NOT_UNIT_AFTER,
    UNIT_CLASSES,
    VIEWS_COUNTED,
    Figure,
    direction,
    extract_figures,
    numeral_value,
    unreached,
)
from bot.ingest.places import asks_its_city, is_local, its_city, own_name, rare_district, rare_towns, stem
from bot.models import REFUSAL, Filters
from bot.text import CITATION, CJK, NUMBER, NUMERALS, ORDINAL, TITLE, tagged, to_simplified, tokenize, words

# A part of a year said after it ("2018年全年", "2019年上半年", "2019年1至6月"): the one pattern for it.
YEAR_PART = re.compile(r"全年|上半年|下半年|1?[至到-]\d{1,2}月|前\d{1,2}个?月")
# A part of a year asked with no year named before it ("今年上半年", "1至6月"): as the article the asker reads says.
YEAR_PART_ASKED = re.compile(rf"(?<!\d年)({YEAR_PART.pattern})")


def part_of_year(said: str) -> str:
    """A part of a year, however it is written: "1至6月" and "前6个月" are 上半年."""
    return "上半年" if re.fullmatch(r"1?[至到-]6月|前6个?月", said) else said


_NOT_PLACES = set(
    "中国 全国 城市 广东 广东省 四川 四川省 粤港澳 大湾 大湾区 粤东西北 省 市 "
    "镇街 街道 乡镇 村居 社区 城乡 区县 县区 市区 镇村 惠及".split()  # 惠及: jieba tags it ns
)
_NO_PLACE_OPENS = ("城市", "城乡")  # jieba tags "城市绿化" ns: a thing of towns, no town
_FOLLOW_UP = re.compile(
    r"^(?:(?:行吧|好吧|好的|嗯|所以|那就|那么|(?:那|这)个(?=[“「])|那个(?=[\u4e00-\u9fff])|(?:他们|她们)(?:那个|的)?|那|还有|另外|以及|而|换成|换作"
    r"|改成|改为|如果是)[，,]?)+"
    r"|呢[?？]?$|(?:看看|看一下|看下)[?？]?$"  # "换成韶关看看"
    r"|^(?:不对|不是的?|错了|搞错了)[，,。]?\s*(?:我(?:问|说|想问|要问)的是|我是(?:问|说)|应该是|是)?"  # a correction
    r"|^我(?:是|想|要)?(?:问|说)的?是?"  # "我是说2024年的", "我问的是南海"
)
_THEN_ASKS = re.compile(r"呢[，,]|呢[？?](?=\S)")  # "肇庆呢，有几项？", "南海的呢？是98.74%对吗": asked again
_SUFFIX = re.compile(r"(市|区|县)$")
_PLACES_COUNTED = frozenset("一二两三四五六七八九十几各")  # before a suffix: "三市", "两区" count places
_TURNS = 8  # earlier user turns a follow-up may reach back through

# How long a question may be — the one asked, every earlier user turn, and the standalone form a follow-up is
# rewritten into (which is cut to it) — and an earlier answer; and how many earlier turns a request may carry.
MAX_QUESTION_CHARS = 2000
MAX_ANSWER_CHARS = 8000
MAX_TURNS = 50


# The counters a count is asked in ("几份", "多少件"), one list for "is a figure asked" and "in what unit".
# The counters a question asks in ("多少件"), not where they start a longer word ("多少部署": figures' rule).
_COUNTER_WORDS = "个百分点 个工作日 个月 件 宗 起 名 人次 人 位 项 条 个 家 所 户 份 篇 部 支 次 场 元 天 年 倍 卷"
_COUNTERS = "|".join(
    re.escape(u) + (f"(?![{NOT_UNIT_AFTER[u]}])" if u in NOT_UNIT_AFTER else "") for u in _COUNTER_WORDS.split()
)
# A length of time asked ("观察期有多长？", "多久"): a figure in a unit of time ("6个月"), not a date.
# A length of time asked: "多长时间", or a time named and how much it is or came to ("审结时间多少", "开办时间
# 压缩到多少"); not by how much it changed ("时限压缩了多少": 压缩率达90% says it).
_ASKS_LENGTH = re.compile(
    r"多长(?:时间)?|多久|(?:时间|时限|时长|用时|期限|周期|天数)(?:是|为|有|(?:压缩|缩短|减少|降)[到至])?(?:多少|几)"
)
# A question asking for a figure ("多少", "几件", "…率", "排名第几"; not "哪几个方面") must be answered by a
# sentence holding a number, and a rate by a percentage.
_ASKS_FIGURE = re.compile(
    rf"多少|(?<!哪)几(?:{_COUNTERS}|批|万)|(?<!效)率(?!先|领)|比例|占比|数量|金额|排名|第几|{_ASKS_LENGTH.pattern}"
)
# 率先 is no rate, nor 效率 (efficiency); "优秀的占多少" asks a share, "占地多少亩" or "占多少件" a count
_ASKS_RATE = re.compile(r"(?<!效)率(?!先|领)|比例|占比|百分|的占多少(?![\d件宗项个人名次户家元万亿])")
# A question asking for an enumeration ("哪些", "哪几个方面"); not "举了哪些例子".
_ASKS_LIST = re.compile(r"^(?!.*(?:例子|案例)).*(?:哪些|哪几|有哪|几个方面|几方面|包括什么|分为)")

# The reports share a structure: achievements, then shortcomings ("存在的不足"), then next year's plans.
# A question about the shortcomings rarely uses the report's own words for them ("短板" for "仍存在一些
# 问题，如…还需进一步提升"), and some reports give that part no heading; so such a question also searches
# the words these paragraphs are written with (keyword ranking only).
# How far apart figures are, asked by a noun ("两者差距多大", "差距是多少"): no shortcoming, nor a thing of its own.
GAP_ASKED = re.compile(r"差距(?=(?:是|有|为)?(?:多少|多大))")
_ASKS_SHORTCOMINGS = re.compile(
    r"不足|短板|差距(?!(?:是|有|为)?(?:多少|多大))|薄弱|短处|存在(?:哪些|什么|的)?问题|(?:哪些|还有什么)问题|问题有哪些"
    r"|问题部分|具体表现"  # 差距 but not as `GAP_ASKED`
    r"|问题(?:分别|一共|共|总共)?有?哪?几(?:条|点|项|个方面)"  # "广州和韶关问题分别有几条": the listed problems
    r"|报告(?:里|中)的?问题"  # "报告里的问题有哪几条"
    r"|报告[^，。？?]{0,8}?(?:几(?:个|条|点|项)问题|问题[^，。？?]{0,4}?几个)"  # "报告一共有几个问题"
)
_SHORTCOMING_WORDS = "存在 不足 问题 差距 短板 薄弱 有待 还需 仍".split()
# What is said of a shortcoming ("效率不高", "力度不够", "有待加强"): asked why, the shortcomings answer.
_FALLS_SHORT = re.compile(r"不高|不够|不足|不强|不完善|偏低|偏少|滞后|欠缺|有待|不到位|不均衡")

# Whom a report is addressed to ("报送给谁", "向哪个机关报告", "主送机关"): its opening line says (市人大常委会：).
ADDRESSEE_ASKED = re.compile(
    r"(?:报送|提交|报告)给|[报写](?:送|给)(?:谁|哪)|向(?:谁|哪个?(?:机关|单位|部门))(?:报告|汇报|报送|提交)|主送|报告对象"
)
# Questions about a report as a whole (its year, date, issuer, source, addressee) are answered from what the
# report says of itself: its title, opening, date and source lines and signature.
# Which of several reports came out first or last ("哪个先发布", "谁先出", "哪份发布得更晚"): their dates compared.
RELEASED_FIRST = re.compile(
    r"(?:哪个|哪份|哪篇|谁)[^，。？?]{0,6}?(?:先|早|晚)(?:发布|出|公布|印发|发)"
    r"|(?:发布|公布|印发)(?:得|的)?(?:更|最)?(?:早|晚)|(?:更|最)(?:早|晚)(?:发布|公布|印发)"
)
# What a relative year in a document refers to ("文中说的“今年”是哪一年", "這裡說的「今年」是哪一年"): the year it is
# read as, from the document's own (an article's publication, a report's year).
RELATIVE_YEAR_ASKED = re.compile(
    r"[“「\"‘']?(今年|去年|前年|明年)[”」\"’']?(?:是|指|说的是|指的是)?(?:哪一?年|何年|哪个年份|什么年份)"
)
_ASKS_ABOUT_REPORT = re.compile(
    r"(?:这份|那份|本|该|那篇|这篇)(?:年度)?(?:报告|报道|文章|新闻)(?!里|中|指出|提到|说)|哪一?(?:个)?年度?的(?:工作|报告)"
    r"|(?:报告|报道|文章|新闻)(?:是|为)?哪一?(?:个)?年度?的?(?=[，,？?。]|$)|来源单位"
    r"|(?:什么时候|何时|哪天|哪一天)(?:发布|公布|印发|刊发|刊登|发表|签发|发的|发出|出的|登的)|(?:是|在)哪(?:天|一天)(?:发布|刊发|签发)"
    r"|(?:这篇|那篇|这份|那份)(?:是|在)?(?:哪天|哪一天|什么时候|何时)"  # "这篇是哪天登的"
    r"|成文日期|(?:报告|报道|文章|新闻)(?:是|由)?谁(?:发|报|出|写|印发|发布)的?(?=[，,？?。]|$)"
    r"|发布(?:日期|时间)|文章来源|来源是|(?:发布|印发|发文)(?:单位|部门|机关)|发文机关|以哪个机关|名义"
    r"|出自哪|哪家媒体|总结的是哪|(?:报告|报道|文章)(?:讲|说|写)的是哪一?年|针对(?:的是)?哪一?年(?:度)?的?(?:工作|安排)?[？?]?$|落款|(?:报告|报道|文章|新闻)的?(?:完整)?(?:标题|题目|全称)|"
    + ADDRESSEE_ASKED.pattern
    + r"|报告.{0,4}(?:哪个|哪一个|什么)(?:部门|机关|单位).{0,2}(?:发布|印发|发文|签发|发的|出具)|"
    + RELEASED_FIRST.pattern
)
# A document named in title marks, or by its kind ("“首违不罚”清单", "实施办法"), that the question does not call a
# report or article ("《…重点工作安排》是什么时候印发的"): its date is the document's, which the report's text
# says, not the report's own; so is an outcome announced ("评选结果什么时候公布", "名单何时公布").
_DOCUMENT_KINDS = ("清单", "规划", "方案", "办法", "规定", "条例", "细则", "目录", "名录", "指引")
_NAMES_ANOTHER_DOCUMENT = re.compile(
    rf"(?:{TITLE.pattern}|{'|'.join(_DOCUMENT_KINDS)}|结果|名单)(?!.*(?:报告|报道|文章))"
)
# A comparison between places ("哪个更多", "谁更高"); the places come from the scope.
# Whether two figures can be compared, asked ("单位一样吗", "能直接比吗"): their units are.
UNITS_ASKED = re.compile(r"(?:计量)?(?:单位|口径)(?:是否|是不是)?(?:一样|相同|一致)|直接比|可比")
_ASKS_COMPARISON = re.compile(
    r"哪个|哪一个|(?<![给由是])谁(?!(?:说|讲|提)(?:出)?的)|哪边|哪(?:个|座)?(?:城市|地方|区)|相比|比较|更多|更高|更少|更低|更快|一样"
    rf"|{UNITS_ASKED.pattern}"
    r"|比[^，。？?]{1,12}?(?:多|少|高|低|快|慢)(?:了?[\d.]+[^\d\s，,。？?]{0,4})?"  # "南海比肇庆多39项，对吧"
    r"(?:吗|不|没有|还是|[，,]?(?:对吧|对吗|是吧|是吗|吧))"  # "比广州多吗？"
)
# How much one is larger than another ("多多少", "多几件", "相差多少"): a comparison whose difference is computed.
DIFFERENCE_ASKED = re.compile(
    r"[多少高低大小]了?(?:多少|几)|相差|差了?多少|差几|差距(?:是|有|为)?(?:多少|多大)|多出|高出"
    rf"|比.{{1,12}}?[多少][{CJK}]{{1,3}}了(?:多少|几)"  # "南海比肇庆多兑现了多少"
    r"|比[^，。？?]{0,12}?[多少高低]了?\d"  # a difference claimed ("比肇庆多39项，对吧"): checked by the one worked out
)
# A number that is a name ("12345热线", "12348热线呢"): no year, no count in a unit; a sentence of the thing says it.
_UNIT_STARTS = "".join(sorted({unit[0] for unit in UNIT_CLASSES}))  # not a count before any unit ("8346户")
NUMBER_NAMES = re.compile(rf"(?<![\d.])(?!(?:19|20)\d{{2}}(?!\d))\d{{3,}}(?![\d.%年月日万亿千百余多{_UNIT_STARTS}])")
# How many times another's a figure is ("是肇庆的几倍"): a comparison whose ratio is computed; 倍 is no counter.
RATIO_ASKED = re.compile(r"(?:几|多少)倍")
# The most or least claimed and asked back ("韶关最高，对吧"): a part comparing the places, judged (`most_claimed`).
_MOST_ASKED_BACK = r"最[多高少低][，,]?(?:对吧|对吗|是吧|是吗|吧|吗)"
# One figure's share of another asked ("审结案件占受理案件的比例", "政协提案是人大建议的百分之几"): computed, but
# for a share of successes, which the reports state as a 成功率 (its base not always the count beside it).
_SHARE_WORDS = "(?:比例|比重|百分之几|百分之多少|百分比|几成)"
SHARE_OF_ASKED = re.compile(rf"(?:占|是|为)[^，。？?]{{1,16}}?的?{_SHARE_WORDS}")
# A district's share of its city asked ("占全市比重多少", "占全市的百分之几"): of the city's count, which its report
# gives in a sentence of its own.
SHARE_OF_ITS_CITY = re.compile(  # "占绵阳全市的比重"; not a rate named after it ("占全市比重的纠错率")
    rf"占[{CJK}]{{0,3}}?全市[^，。？?]{{0,4}}(?:{_SHARE_WORDS}|多少|几)(?![^，。？?]*率)"
)
# The order of several places asked ("从多到少怎么排", "排个序"): said where their figures leave it certain.
ORDER_ASKED = re.compile(
    r"排序|排个序|排列|怎么排|如何排|依次|从(?:多|高|大)到(?:少|低|小)|从(?:少|低|小)到(?:多|高|大)"
)
# One figure asked of each of several places ("A和B分别…多少"): answered place by place, like a comparison.
_EACH = re.compile(
    r"分别|各自|各是|各有|各为|各(?![级类地])[^，。？?]{0,4}?(?:多少|几)"
    r"|(?:多少|几)[^，。？?、]{0,3}、[^，。？?、]{1,6}?(?:多少|几)"  # "收到多少、受理多少、审结多少": each one's
)
# The parts of a report by the regulation's roles (keys of `ingest.structure.ROLES`), as questions name them.
_ASKS_ROLE = {
    "plans": re.compile(
        r"下一步|下一年|明年|今后|(?:19|20)\d{2}年.{0,16}(?:打算|安排|计划|思路|准备|将)|工作(?:安排|打算|思路|计划)|有何打算"
        r"|哪些打算|什么打算|准备(?:做|出台|怎么|如何)|计划(?:做|怎么)|打算(?:把|将|在|再|于|到)|(?:准备|计划)(?:把|将)"
        r"|(?<![主需重只将还])要[\u4e00-\u9fff]{1,4}?(?:到|至)?(?:多少|几)"  # "每个镇街…要配多少": a target set
        r"|目标(?:是|为)?(?:多少|几)"  # "…事项目标是多少项"
    ),
    "duty": re.compile(r"第一责任人|主要负责(?:人|同志).{0,12}(?:职责|履行|情况)|主要领导.{0,12}(?:履行|职责)"),
    "shortcomings": _ASKS_SHORTCOMINGS,
}
# Which way a figure went, asked ("增加还是减少", "比上年增加了吗"): the report says it with its change ("同比增长
# 89.6%"), not with the question's words.
TREND_ASKED = re.compile(
    r"(?:增加|增长|上升|提高|变多|多了)还是(?:减少|下降|降低|变少|少了)|(?:减少|下降)还是(?:增加|增长|上升)"
    r"|(?:有没有|是否|是不是)(?:有所)?(?:增加|增长|上升|下降|减少)|(?:增加|增长|上升|下降|减少)了(?:吗|没有?)"
    r"|(?:比|较|跟|和|与)(?:上一?年度?|去年)(?:比|相比)?(?:是)?(?:高|多|大|低|少|小)了?还是(?:低|少|小|高|多|大)"
    r"|(?:比|较)(?:上一?年度?|去年)(?:是)?(?:高|多|大|低|少|小)了?吗"  # "比上年高了吗": one way claimed
    r"|(?:进步|上升|前进)了?还是(?:退步|下降|后退)了?|(?:退步|下降|后退)了?还是(?:进步|上升|前进)了?"  # a rank's way
    r"|(?:有没有|是否|是不是)(?:进步|退步)|(?:进步|退步)了(?:吗|没有?)"
)
_ASKS_WHICH_ONES = re.compile(r"(?:具体|分别|都|主要)?(?:有|是|包括)?(?:哪些|哪几个|哪几项|什么)(?:呢)?")
_ASKS_CAUSE = re.compile(r"(?:主要|根本|具体)?(?:原因是什么|什么原因|原因有哪些|哪些原因)|为什么|为何")
# Who did something ("这是哪个部门做的？", "由哪个单位负责"): a department or body must be named to answer.
AGENT_ASKED = re.compile(r"(?:哪个|哪些|哪家|什么)(?:部门|单位|机构|机关)|谁(?:做|负责|牵头|办|实施|推行|开展|设)")
# Who said a quotation ("“…”这句话是谁说的", "出自谁之口"), and a speaker named next to one ("市司法局副局长吴海涛说",
# "林志远介绍说"): an answer to the first must say the second.
SPEAKER_ASKED = re.compile(r"谁(?:说|讲|提)(?:出)?的|出自谁")
_SPEECH = r"(?:说|讲|表示|指出|强调|介绍说?|坦言|感慨道|谈到|认为)"
_SPEAKER_SAID = re.compile(rf"[{CJK}]{{2,}}{_SPEECH}(?=[，：,:。]|$)")
SPEAKER_AFTER = re.compile(rf"^\s*([^，。；：“”]{{2,30}}?{_SPEECH})[，：,:。]")


def speaker_said(text: str) -> bool:
    """Whether a text names who said something, outside what is quoted ("“…怎么说”" names no one)."""
    return bool(_SPEAKER_SAID.search(re.sub(r"“[^”]*”", "", to_simplified(text))))


_ASKS_SUMMARY = re.compile(
    r"概括|总结一下|归纳|主要(?:成效|做法|举措|成绩)"
    r"|(?:在.{2,24}?)?方面.{0,8}?(?:做了|开展了|采取了|推进了|有)(?:哪些|什么|啥)(?:工作|措施|举措|做法)?"
    r"|方面.{0,4}?取得(?:了)?(?:哪些|什么)(?:成效|成绩|进展)"  # "在行政复议方面取得了哪些成效"
    r"|(?:取得(?:了)?|有)(?:哪些|什么|啥)(?:主要)?(?:成效|成绩|成果|亮点)"  # "法治政府建设取得了哪些成绩"
    r"|(?:做了|开展了|采取了)(?:哪些|什么|啥)(?:工作|措施|举措|做法|事)|工作情况(?:怎么样|如何)"
    r"|(?:具体)?(?:做了|干了)(?:哪些|什么|啥)[？?]?$"  # "在规范涉企行政检查上具体做了什么": all done on it
    # "简单介绍一下湛江2024年法治政府建设情况": the whole year's work, not one thing of it
    r"|(?:介绍|说说|讲讲|谈谈)(?:一下)?.{0,16}?法治政府建设(?:工作)?的?(?:总体|整体|基本)?(?:情况|工作)"
    r"|(?:成效|成绩|工作|举措|做法)(?:分为?|有|包括|可分为)?(?:哪几个|哪些|几个)方面"  # the measures, by heading
    r"|(?:如何|怎样|怎么)(?:推进|推行|加强|开展|落实|做好|推动|提升|优化|实施|深化|完善|强化)"
    r"|(?:如何|怎样|怎么)(?:做|干)的"  # "…具体是怎么做的": what was done, not next year's plan
    # "报道讲了什么", "报告主要讲了什么内容"
    r"|(?:报告|报道|文章|新闻)(?:主要)?(?:讲|说|写|介绍|谈)了?(?:些)?(?:什么|哪些|啥)(?:内容|事)?[？?]?$"
)
_ASKS_TIME = re.compile(r"什么时候|何时|哪一?年|哪几年|哪几天|哪天|哪个月|几月|什么时间|哪段时间|多久")
_ASKS_ORDINAL = re.compile(r"第几|排名|名次")
_ASKS_RANK = re.compile(r"排(?:在|到|了)?第几|排名|名次|第几名")
# A grade or a rank asked ("什么等次", "排名第几", "在全省排第几"): the answer must give one.
GRADE_ASKED = re.compile(rf"等次|等级|评级|{_ASKS_RANK.pattern}")
_ASKS_SPAN = re.compile(r"哪段时间|哪几年|多久|多长时间|期间|时间段|哪些年")
# The unit a figure question asks in ("多少件", "几名"; not "哪几天", "第几批"): the answer must give a number of
# the same class.
# "人数", "个数" ask a count; "两个数都对吗" names two figures.
_ASKS_UNIT = re.compile(rf"(?:多少|(?<![哪第])几)({_COUNTERS})|(?<![这那该两{NUMERALS}\d])(次|人|件|项|个|户)数")


@dataclass(frozen=True)
class Intent:
    """The kind of answer a question wants, read once from the simplified question."""

    figure: bool = False  # a number: only sentences holding one can answer
    rate: bool = False  # a rate: only sentences holding a percentage can answer
    list: bool = False  # an enumeration ("哪些"), often spread over several passages
    shortcomings: bool = False  # the report's shortcomings section, often worded otherwise
    about_report: bool = False  # the report itself (its year, date, source): its opening answers
    time: bool = False  # a date or a year: the clause holding one answers
    each: bool = False  # several figures at once ("分别", "各有"): every clause holding one of them answers
    span: bool = False  # a period ("哪段时间", "多久"): both of its ends answer
    ordinal: bool = False  # a rank or place in a series ("第几批", "排名第几"): "第三批" answers as a figure does
    trend: bool = False  # which way a figure went ("增加还是减少"): its change answers, a figure too
    honours: bool = False  # honours won ("获得了哪些荣誉"): said by what was won (`SAID_AS`)
    how_it_went: bool = False  # "学法考试怎么样": the rates saying how it went answer too
    rank: bool = False  # a rank ("排第几", "名次"): the sentences saying 排名 are looked for too

    @classmethod
    def of(cls, question: str) -> Intent:
        text = _NAMED.sub("“”", to_simplified(question))  # a name quoted asks nothing: “行政复议案件数量增长较快”
        trend = bool(TREND_ASKED.search(text))
        figure = bool(_ASKS_FIGURE.search(text)) or trend or figure_claimed(text) is not None  # "…2000件，对吗？"
        figure = figure or bool(_AGAINST_BEFORE.search(text))  # "比上年多吗": its change
        level = level_claimed(text) and not HOW_MANY.search(text)  # "败诉率是不是低于全省平均水平": a side, no rate
        return cls(
            figure=figure and not level,
            rate=bool(_ASKS_RATE.search(text)) and not level,
            list=bool(_ASKS_LIST.search(text)),
            shortcomings=bool(_ASKS_SHORTCOMINGS.search(text)),
            about_report=bool(_ASKS_ABOUT_REPORT.search(text) or RELATIVE_YEAR_ASKED.search(to_simplified(question)))
            and not _NAMES_ANOTHER_DOCUMENT.search(text),
            time=bool(_ASKS_TIME.search(text)),
            each=bool(_EACH.search(text)) or len(claims(text)) > 1,  # several figures claimed: each one's clause
            span=bool(_ASKS_SPAN.search(text)),
            ordinal=bool(_ASKS_ORDINAL.search(text)),
            rank=bool(_ASKS_RANK.search(text)),
            trend=trend,
            honours=any(word in text for word in SAID_AS),
            how_it_went=bool(_HOW_IT_WENT.search(text)),
        )

    def figure_in(self, sentence: str) -> bool:
        """Whether a sentence holds a figure of the kind asked: a number that is no date ("自2024年1月1日起施行…
        做好案件管辖调整" holds no count of 案件) nor a target not reached, or a rank (排名第1, 第三批) when one
        is asked."""
        reached = [f for f in extract_figures(sentence) if not unreached(f)]  # "尚未实现100%" is a target
        return bool(reached or self.ordinal and (ORDINAL.search(sentence) or NUMBER.search(sentence)))

    def search_terms(self) -> list[str]:
        """Words the keyword ranking should look for beyond the question's own (see `_ASKS_SHORTCOMINGS`,
        `SAID_AS`)."""
        words = (list(_SHORTCOMING_WORDS) if self.shortcomings else []) + (list(_HONOURS) if self.honours else [])
        return words + (["排名"] if self.rank else [])  # "在全省排第几": "…评价中排名第九位"


# How something went, asked ("学法考试怎么样", "效果如何").
_HOW_IT_WENT = re.compile(r"(?:怎么样|怎样|如何)[？?]?$|效果")  # not "如何推进…": how it was done
# A question's word the reports say otherwise: an honour by what was won ("获评优秀等次", "荣获…称号").
_WON = ("获评", "荣获", "评为", "入选")  # the verbs of winning one ("评上了" is tidied to 获评)
_HONOURS = (*_WON, "称号")
# An honour named as won ("获评广州市第二批法治镇街"): its words up to what is asked of it ("的项目", "吗").
HONOUR_WON = re.compile(rf"(?:{'|'.join(_WON)})[了为]?([^，,。？?！!]{{2,30}}?)(?=的|吗|呢|没有?|[，,。？?！!]|$)")
SAID_AS = dict.fromkeys(("荣誉", "殊荣", "奖项", "表彰", "获奖"), _HONOURS)
SAID_AS["称号"] = _WON  # "得了什么称号": "宁新街道获评梅州市法治镇街"
SAID_AS["持证"] = ("持有",)  # "持有行政执法证件人员1068名" are those 持证
# Words asking for honours, and what reports say winning one with ("获评…", "…获…一等奖").
_HONOURS_ASKED = re.compile(r"荣誉|殊荣|奖项|表彰|获奖|称号|荣获|获得|获评|拿了?|得了|奖")
HONOUR_SAID = re.compile(rf"{'|'.join(_HONOURS)}|获得?[^，。；;]{{0,20}}奖")
# An honour asked by its own words ("得了什么称号", "也评上了吗", tidied to 获评), not by a verb of getting alone.
HONOUR_ASKED = re.compile(rf"荣誉|殊荣|奖项|表彰|获奖|{'|'.join(_HONOURS)}")


def honours_listed(question: str, scope: Scope, issuers: list[str]) -> bool:
    """Whether a question asks for a report's honours, naming nothing they are of ("花都区2023年获得了哪些荣誉",
    "花都有啥获奖的"): all of them are the answer, not the two sentences best matching its words. Not a question
    naming its own thing ("门户网站获得了什么荣誉", "刘凯获得了什么荣誉称号")."""
    text = to_simplified(question)
    if not _HONOURS_ASKED.search(text) or confirm_asked(text):  # "连续15年获评…，是否准确": a claim checked
        return False
    rest = YEAR_NAMED.sub("", without_places(_HONOURS_ASKED.sub("", text), scope, issuers))
    return not _noun_run(rest) and not re.search(rf"\d|第[{NUMERALS}]|哪一?[个项年]|多少|几", rest)


def says(text: str, term: str) -> bool:
    """Whether simplified text says a question's word: itself, or as the reports say it (`SAID_AS`); a count asked
    as "申请量" is said by what is counted ("收到行政复议申请148件")."""
    counted = len(term) >= 3 and term.endswith("量") and term[:-1] in text
    ranked = term in _RANK_WORDS and _RANK_SAID.search(text) is not None  # "排第几": "位列全市9个县（市、区）第二名"
    return term in text or counted or ranked or any(word in text for word in SAID_AS.get(term, ()))


_RANK_WORDS = frozenset({"排", "排名", "排位", "名次", "第几"})
RANK_VERBS = "排名|排|位居|位列|居|名列"  # what a report says a rank with ("位列全市…第二名")
_RANK_SAID = re.compile(rf"(?:{RANK_VERBS})[^，。；]{{0,12}}?第[{NUMERALS}\d]+[名位]?|首位")


@dataclass(frozen=True)
class Scope:
    issuers: list[str] = field(default_factory=list)  # indexed issuing bodies the question names
    places: list[str] = field(default_factory=list)  # other places it names (passages must mention them)
    years: list[int] = field(default_factory=list)


def targets(scope: Scope, filters: Filters | None = None) -> list[Filters]:
    """One retrieval per place (or per year) a question names, so one report cannot crowd out another; a
    caller's filters fill in what the question does not name.
    """
    filters = filters or Filters()
    if len(scope.issuers) > 1:
        year = scope.years[0] if len(scope.years) == 1 else filters.year
        return [Filters(issuer, year) for issuer in scope.issuers]
    issuer = scope.issuers[0] if scope.issuers else filters.issuer
    if len(scope.years) > 1:
        return [Filters(issuer, year) for year in scope.years]
    return [Filters(issuer, scope.years[0] if scope.years else filters.year)]


def asks(question: str) -> list[str]:
    """The parts of a question that asks several things in turn ("…多少宗？比上年增长了多少？"), or a figure of
    each of two things ("行政应诉案件和法律援助案件各多少件" asks one of each)."""
    return [each for part in _asked_clauses(question) for each in _each_thing(part)]


def _asked_clauses(question: str) -> list[str]:
    """The questions a question puts in turn: its sentences, and their comma clauses that each ask."""
    parts: list[str] = []
    for sentence in re.split(r"[?？]", to_simplified(question)):
        for i, clause in enumerate(c.strip(" ，,") for c in _clauses_asking(sentence)):
            if parts and _EACH_OF_THOSE.fullmatch(clause):  # "哪两部法规规章施行了？各自啥时候？": of those listed
                parts[-1] = f"{parts[-1]}，{clause}"
            elif i and parts and _BARE_COUNT.fullmatch(clause):  # "说的是哪个年度的考评，多少分？": of the clause
                parts[-1] = f"{parts[-1]}，{clause}"  # before it
            elif len(clause) >= 4:
                parts.append(clause)
    return parts


# What each of those just asked of is asked, naming nothing else ("各自什么时候", "分别是多少").
_EACH_OF_THOSE = re.compile(r"(?:各自|分别|各)(?:是|为|在|于|有)?(?:什么时候|何时|哪天|哪一?年|多少|几[个件项部])")
# A count asked in three characters, naming only its unit ("多少分", "几个人").
_BARE_COUNT = re.compile(rf"多少[{CJK}]|几个?[{CJK}]")


def _clauses_asking(text: str) -> list[str]:
    """A sentence's comma clauses when each asks a thing of its own ("…什么时候实施，观察期多长"), else the whole:
    "截至2016年，…制定了多少件" asks one."""
    clauses = [c for c in re.split(r"[，,]", text) if c.strip()]
    asks_own = [bool(_ASKS_IN_CLAUSE.search(c) and not _CONFIRMS_ONLY.match(c.strip())) for c in clauses]
    lead = asks_own.index(True) if True in asks_own else len(clauses)  # "南海区2024年人民调解，一共调了多少宗，
    if len(clauses) - lead < 2 or not all(asks_own[lead:]):  # 成功多少宗": what the first asking clause is of
        return [text]
    return ["，".join(clauses[: lead + 1]), *clauses[lead + 1 :]]


# "…，是这样吗？", "…，对不对": a clause asking whether the one before holds, no question of its own.
_CONFIRMS_ONLY = re.compile(
    r"^(?:是|对|真的|确实)?(?:这样|如此)?(?:吗|吧|对吗|对吧|是吗|是吧|对不对|是不是|没错吧|没错吗)[？?]?$"
)
_ASKS_IN_CLAUSE = re.compile(
    r"多少|几|什么时候|何时|多长|多久|多大|哪些|哪个|哪一|谁|是否|是不是|怎样|如何|[吗吧][？?]?$"
)


def asked_of(parts: list[str], i: int) -> str:
    """The part a part naming no thing of its own is asked of ("比上年怎么变的"): the last before it naming a rate
    ("…办了多少件行政应诉案件？败诉率多少？比上年怎么变的": 败诉率's change), else the first."""
    return next((p for p in reversed(parts[:i]) if rates_named(p)), parts[0])


def asks_a_part(question: str) -> bool:
    """Whether a question asks a part of the count told before it ("其中农民工的有多少", "里面律师有多少")."""
    return PART_OF.match(tidy(question)) is not None


def subject_of(part: str) -> str:
    """What a part of a question asks about, its asking words left out ("数字政府建设排名呢" → 数字政府建设排名), as a
    note that a report does not say it names it; "上年的数字" when it names only a year ("上年呢"); "此项" when what
    is left names no thing or act ("大概多少件", "少了几支": "报告未载明大概" is no sentence)."""
    if not part.strip():
        return ""
    subject = _ASK_WORDS.sub("", to_simplified(part).strip(" ，,。?？")).strip(" ，,的")
    if _A_YEAR_ALONE.fullmatch(year := _HEDGES.sub("", PART_OF.sub("", subject)).strip("的")):
        return f"{year}{YEARS_FIGURE}"  # "上年呢", "上年大概多少件": 报告未载明上年的数字
    subject = _HEDGES.sub("", YEAR_NAMED.sub("", PART_OF.sub("", subject)))
    pairs = tagged(subject)
    act = pairs[-1][0] if len(pairs) > 1 and len(pairs[-1][0]) == 1 and pairs[-1][1] == "v" else ""
    if act and f"{act}了" in to_simplified(part):  # "医疗纠纷调了多少宗": 医疗纠纷 (not the 率 of "…应诉率是多少")
        subject = subject[: -len(act)]
    words = [w for w, flag in pairs if len(w) >= 2 and (_named(flag) or flag.startswith("v"))]
    return subject if words or _QUOTED.search(subject) else "此项"


# Words a part hedges its figure with ("上年大概多少件") or says it of a year: nothing of what it asks.
_HEDGES = re.compile(r"大概|大约|大致|左右|(?:了)?百分之几?$|了$")


_ASK_WORDS = re.compile(
    r"(?:[办做搞]了?)?(?:又|还)?(?:是|有|为|排|达到?|共)?(?:多少|几|第几|多大|什么|哪些|怎样|如何)[^，。？?]*$|[呢吗]$"
)  # "法律援助案件办了多少件" asks of 法律援助案件


def asked_apart(question: str, issuers: list[str]) -> list[str]:
    """The parts of a question that asks different things of different places, each answered as a question of
    its own ("广州…出台多少份规范性文件，南海…制定…多少件"; "A和B…各多少件，出庭应诉率各多少"): one plan for the
    whole took one thing's words to both places. [] when one place is asked, or a part compares (the rows are
    needed side by side: "…各多少，哪个多")."""
    scope = find_scope(question, issuers)
    if role_asked(question) and len(scope.issuers) > 1 and not _COMPARES.search(to_simplified(question)):
        asked = re.sub(r"^[和与及、，,\s]+", "", without_places(to_simplified(question), scope, issuers))
        return [f"{name}{asked}" for name in scope.issuers]  # "广州和韶关问题分别有几条": each report's section
    parts = separate_parts(question) or _each_places_own(question, scope, issuers)
    places = [tuple(find_scope(part, issuers).issuers) for part in parts]
    return parts if parts and (len({p for p in places if p}) > 1 or len(places[0]) > 1) else []


def report_apart(question: str, plan: Plan) -> list[str]:
    """The parts of a question asking of a report itself and of what it says ("成都2024年的报告是哪天发布的？办理行政
    应诉案件多少件？"), each answered as a question of its own: one plan for the whole was of the report, and
    answered its date only. [] for any other question."""
    parts = separate_parts(question) if plan.kind == "report" else []
    return parts if any(Intent.of(part).figure and not Intent.of(part).about_report for part in parts) else []


def places_apart(question: str, scope: Scope) -> list[str]:
    """A comparison of two places that are no reports' own, one report naming both ("2019年上半年，思明区和湖里区
    哪个区调解的矛盾纠纷更多？多多少件？"), as one question per place ("2019年上半年，思明区调解的矛盾纠纷多少"):
    each one's figure is found on its own and the two compared in code (`arithmetic.places_compared`); [] for any
    other question."""
    paired = places_paired(question, scope)
    text = to_simplified(question)
    if paired is None or not _COMPARES.search(text):
        return []
    first = asks(text)[0].replace(paired[0], "{}", 1)
    asked = _WHICH_PLACE.sub("", first.replace(f"{{}}{paired[1]}", "{}", 1))
    asked = _MORE_AT_END.sub("多少", asked)
    return [asked.format(place) for place in paired[2:]] if "{}" in asked and asked.count("{}") == 1 else []


def places_paired(question: str, scope: Scope) -> tuple[str, str, str, str] | None:
    """Two places named together that are no reports' own ("思明区和湖里区"): (the pair as written, the joining
    word with the second, each as written), or None."""
    if len(scope.places) != 2 or len(scope.issuers) > 1:
        return None
    a, b = (rf"{re.escape(p)}[区县市镇乡]?" for p in scope.places)
    found = re.search(rf"({a})([和与及、跟同]({b}))|({b})([和与及、跟同]({a}))", to_simplified(question))
    if found is None:
        return None
    groups = found.groups()[:3] if found.group(1) else found.groups()[3:]
    return found.group(0), groups[1], groups[0], groups[2]


_WHICH_PLACE = re.compile(r"(?:谁|哪个|哪一个|哪)(?:区|县|市|镇|地方)?(?=[^，。？?]*?(?:更|多|少|高|低))")
_MORE_AT_END = re.compile(r"更?(?:多|少|高|低)(?:一些|一点)?$")


def share_of_its_city_apart(question: str) -> str:
    """A district's share of its city asked alone ("涪城区2023年行政复议申请量占绵阳全市的比重是多少") as its count
    and that share ("…行政复议申请量是多少，占全市比重多少？"), so the city's count is found beside it and the
    share worked out; any other question as it is."""
    text = to_simplified(question)
    share = SHARE_OF_ITS_CITY.search(text)
    if share is None or len(asks(text)) > 1 or len(text[: share.start()]) < 4:
        return question
    return f"{text[: share.start()].rstrip('的，, ')}是多少，占全市比重多少？"


def places_left(question: str, history: list[dict] | None, issuers: list[str]) -> list[str]:
    """The places a follow-up asking "another" one leaves ("那另一个区呢" after a question on 思明区: 思明), which
    its answer must not be about; [] for any other question. Which place is meant the chain cannot tell."""
    if not _ANOTHER_PLACE.match(to_simplified(question).strip()):
        return []
    asked = _asked(history)
    return find_scope(asked[-1], issuers).places if asked else []


def _the_figure_told(question: str, history: list[dict] | None) -> str:
    """ "湛江24年是不是也是这个数？": "这个数" is the figure the last answer told ("…收到行政复议申请1586件"), written
    in, so that the claim is checked; the question as asked when no count was told."""
    also = _ALSO_THIS.search(to_simplified(question))
    told = history[-1].get("content", "") if also and history and history[-1].get("role") == "assistant" else ""
    figures = [f for f in extract_figures(CITATION.sub("", told)) if f.unit_class and not f.change]
    money = [f for f in figures if f.unit_class == "money"] if money_measured(question) else []  # "罚没款…这个数"
    figure = (money or figures or [None])[0]  # of "…案件9860件，挽回经济损失2360万元": the amount
    return question if figure is None else to_simplified(question).replace(also.group(1), figure.text, 1)


_ALSO_THIS = re.compile(r"也(?:是|有|为)?(这个数字?|这个数据|这个数|这个)(?=[吗吧呢？?，,]|$)")


def _asked(history: list[dict] | None) -> list[str]:
    """The asker's turns of a conversation, in order (an empty one aside)."""
    return [turn["content"] for turn in history or [] if turn.get("role") == "user" and turn.get("content")]


_ANOTHER_PLACE = re.compile(r"^(?:那么?)?(?:另一个|另外一个|另外的?|其他的?|别的)(?:区|县|市|镇|乡|地方|城市)")


def _each_places_own(question: str, scope: Scope, issuers: list[str]) -> list[str]:
    """ "南海执法案卷的优秀率和肇庆的案卷合格率分别是多少": one clause asking a different thing of each place, each
    named right after its place, as one question per place ("南海执法案卷的优秀率是多少"); [] for any other."""
    text = to_simplified(question).strip()
    asked = _EACH_ASKED.search(text)
    names = _names_in(text, scope.issuers, issuers)
    if not asked or len(names) < 2 or not text.startswith(tuple(names)):
        return []
    body = text[: asked.start()]
    cuts = [m.start() for m in re.finditer("[和与及、]", body) if body.startswith(tuple(names), m.end())]
    pieces = [body[a:b].lstrip("和与及、") for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    if len(pieces) < 2 or not all(_its_own_thing(piece, names) for piece in pieces):
        return []
    return [f"{piece}{asked.group('tail')}" for piece in pieces]


_EACH_ASKED = re.compile(r"(?:分别|各自|各)(?P<tail>(?:是|为|有)?(?:多少|几)\S{0,2}?)[？?]*$")


def _its_own_thing(piece: str, names: list[str]) -> bool:
    """Whether a piece names a thing after its place ("肇庆的调解成功率"), not the place alone ("南海")."""
    rest = piece
    for name in names:
        rest = rest.replace(name, "")
    rest = rest.strip("的")
    return len(rest) >= 2 and (names_a_thing(rest) or bool(rates_named(rest)))


def separate_parts(question: str) -> list[str]:
    """The parts of a question of several that may be answered one by one: [] for one part, or when a part
    compares (the rows are needed side by side: "…各多少，哪个多")."""
    parts = _asked_clauses(question)  # "…的数量和满意率分别是多少" is one: the comparison gives each place both
    return [] if len(parts) < 2 or any(_COMPARES.search(_CHANGE_BASE.sub("", part)) for part in parts) else parts


ACCOUNT_YEAR = re.compile(r"((?:19|20)\d{2})年度")
ASSESSED = re.compile(r"考评|考核|评估|评价|测评|评选")
# A year's account asked: its year said before what assesses it ("2019年度法治政府建设考评"), not before a place
# ("2024年度广州在…考评中", a report's year with its 报告 left out); "2023年度在全市考评里" asks 2023's. A year with
# no 度 ("2023年法治广东考评") may be the report's, which tells the year before's account.
ACCOUNT_ASKED = re.compile(rf"{ACCOUNT_YEAR.pattern}(?=在?[^，,。？?在中]{{0,10}}(?:{ASSESSED.pattern}))")


def only_another_year(question: str) -> bool:
    """Whether a follow-up asks only the same of another year ("19年的呢", "去年呢", "24年度呢")."""
    return bool(_ONLY_A_YEAR.fullmatch(to_simplified(tidy(question)).strip(" ？?。")))


# A year a follow-up names alone ("19年", "上年", "去年"…): of `only_another_year` and `follow_up_apart`.
_A_YEAR_SAID = r"(?:19|20)\d{2}年度?|上一?年度?|去年|前一年"
_ONLY_A_YEAR = re.compile(rf"(?:那|那么)?(?:{_A_YEAR_SAID}|前年)(?:的)?(?:呢|情况呢|怎么样)?")
_A_YEAR_ALONE = re.compile(rf"{_A_YEAR_SAID}|前年")
YEARS_FIGURE = "的数字"  # what `subject_of` names a part asking only another year by ("上年的数字")


def follow_up_apart(question: str) -> list[str]:
    """A question with a follow-up to it after its question mark ("惠阳2023年行政复议收了多少件？上年呢", "…现在有
    多少项？计划扩到多少？"): the two, the second read after the first as a turn of the chat is (`standalone`); [] for
    any other question. Read as one, the question's own year answered both, and "上年呢" was left unanswered."""
    asked, mark, tail = question.strip().rstrip("？?").rpartition("？" if "？" in question else "?")
    if asked and mark and TARGET_ASKED.fullmatch(to_simplified(tail.strip())) and _ASKS_COUNT.search(asked):
        return [f"{asked}？", f"{tail.strip()}？"]  # "…现在有多少项？计划扩到多少？": the plans' target, of the same
    year = _FOLLOW_UP_TAIL.fullmatch(to_simplified(tail.strip()))
    if not (asked and mark and year and YEAR_NAMED.search(asked)):  # "败诉率多少？2023年是多少": of no year asked
        return []
    return [f"{asked}？", f"{year.group(1)}呢？"]


_FOLLOW_UP_TAIL = re.compile(rf"(?:那|那么)?({_A_YEAR_SAID})(?:的)?(?:呢|是多少|多少)")


# What a change is measured against ("同比增长多少", "比上年降了多少"): the report's own change, no rows compared.
_CHANGE_BASE = re.compile(r"同比|环比|(?:比|较|与)(?:上一?年度?|去年|前一年|(?:19|20)\d{2}\s*年度?)(?:同期)?(?:相比)?")


# "A和B各多少…": a figure of each of two things (not of two places: "广州和成都各…" compares them).
_EACH_THING = re.compile(rf"(?:和|与|及)([{CJK}“”]{{2,16}}?)(?:各|分别)(?:有|是|为)?(?=多少|几)")


def names_a_thing(part: str) -> bool:
    """Whether a part of a question names a thing of its own ("行政应诉案件多少件"), not only a change, rate,
    act or count of what an earlier part named ("比上年增长了多少", "办结率是多少", "受理了多少件")."""
    words = tagged(to_simplified(part))
    for (word, flag), after in zip(words, [*(w for w, _ in words[1:]), ""][: len(words)], strict=True):
        if len(word) < 2 or word in GENERIC_THINGS or _ASKS_CHANGE.search(word) or word.endswith("率"):
            continue
        if re.fullmatch(_SHARE_WORDS, word):  # "占多大比例": a share of what was named before
            continue
        if _named(flag) or flag in ("v", "vn") and after in GENERIC_THINGS:  # 应诉案件: an act's cases
            return True
    return False


def _named(flag: str) -> bool:
    """A jieba tag of a thing's name: a noun other than a place's, or a fixed expression (人民调解)."""
    return flag.startswith("n") and flag != "ns" or flag == "l"


def _each_thing(part: str) -> list[str]:
    """One part per thing a part asks a figure of each of: the first said with the question's frame, the
    second as named ("成都2024年行政应诉案件多少件", "法律援助案件多少件")."""
    found = _EACH_THING.search(part)
    if found is None or any(flag == "ns" for _, flag in tagged(found.group(1))):
        return [part]
    flags = [flag for _, flag in tagged(part[: found.start()])]
    thing = len(flags) > 0 and (_named(flags[-1]) or flags[-1] in ("v", "vn") and len(flags) > 1 and _named(flags[-2]))
    if not thing:  # two acts of one thing ("受理和成功调解的人民调解案件各多少宗"): one sentence says both
        return [part]
    first = part[: found.start()] + part[found.end() :]
    return [first, found.group(1) + part[found.end() :]]


def measure(question: str) -> str | None:
    """What a figure question measures, as it names it ("…听证会的点击量是多少" → 点击量): the words of the topic
    before it are shared by the neighbouring sentences, the measure only by the one holding the figure."""
    found = _MEASURE.search(to_simplified(question))
    return found.group(1) or found.group(2) if found else None


# "…的点击量是多少", "…听证，点击量有多少" (a clause of its own naming the measure), "…网上听证点击量多少" (views
# counted, a measure by its own name)
_MEASURE = re.compile(
    r"(?:(?:的|[，,])(?!其中|一共|总共|大概|大约|那|这)([^的，。？?、\s]{2,6}?)|(" + VIEWS_COUNTED + r"))"
    r"(?:是|有|为|达到?|共|一共)?多少"
)


def money_measured(question: str) -> str | None:
    """The amount of money a question asks of, as it names it ("挽回经济损失多少" → 损失, "涉及金额" → 金额): an
    amount of another thing (追回欠薪2860万元) is no answer to it."""
    simplified = to_simplified(question)
    return next((noun for noun, unit in _COUNTED_IN.items() if unit == "元" and noun in simplified), None)


# Acts that count a part of a total ("主动撤回申请104件" of "收到行政复议申请1124件", "直接纠错92件"): a count asked
# naming none of them asks the total (`asks_a_part`). Before 率 it names a rate (纠错率), no part.
# Not the name of a body doing it ("行政争议调解中心", "人民调解委员会"): no act the count is of.
_PART_ACTS = re.compile(
    r"(?:撤回|驳回|终止|纠错|纠正|撤销|调解|和解|不予受理|败诉|确认违法|维持(?!稳定|秩序|社会|原))"
    r"(?!成功率|率|中心|委员会|组织|员|室|工作站)"
)


def part_acts(text: str) -> list[str]:
    """The acts counting a part of a total a text names ("主动撤回多少件": 撤回)."""
    return [act.group(0) for act in _PART_ACTS.finditer(to_simplified(text))]


def counting_acts(part: str) -> list[str]:
    """The acts a part counts by: those counting a part of a total ("其中纠错多少件": 纠错), else the acts on cases it
    names ("受理、审结各多少件": 受理, 审结)."""
    return part_acts(part) or case_acts(part)


def act_of_thing(question: str) -> str | None:
    """The act a count asks of the thing named just before it ("信用修复了多少户企业": 修复), or None: a sentence
    counting that thing by another act ("信用预警提示31.4万户") does not say it. Acts any count of a thing says
    (开展, 完成), changes and comparisons (their own checks), and the acts on cases (`CASE_ACTS`) aside."""
    found = _thing_and_act(question)
    if not found or len(found[1]) != 2 or found[1] in _ANY_COUNT_SAYS or found[1] in CASE_ACTS:
        return None  # 开, 有, 办: any count says them
    return found[1]


def quality_asked(question: str) -> str | None:
    """A standing telling which of a thing are counted, said before it ("持证的行政执法人员有多少人": 持证), or None:
    a sentence counting the thing another way ("抽考行政执法人员4000余人") does not say how many hold one. Only a
    standing (`_STANDINGS`): an act said so ("12345接到的涉企诉求") is the report's 接收, counted by its own checks."""
    pairs = tagged(to_simplified(question))
    for i in range(len(pairs) - 1):
        word, after = pairs[i][0], pairs[i + 1]
        if word in _STANDINGS and (after[0] == "的" or after[1].startswith("n")):
            return word
    return None


# What people or bodies are, that tells some of them from the rest ("持证的", "在编", "执业律师").
_STANDINGS = frozenset("持证 在编 在岗 在职 执业 注册 签约 在册".split())


def thing_of_act(question: str) -> str:
    """The nouns a count names just before its act ("行政复议听证会开了几场": 行政复议听证会), or "": a sentence
    counting 听证会 of 重大行政决策 names one of them but is of another thing."""
    found = _thing_and_act(question)
    return found[0] if found else ""


def _thing_and_act(question: str) -> tuple[str, str] | None:
    """(the nouns, the verb) of "<nouns><verb>了?几|多少" in a question, or None."""
    pairs = tagged(to_simplified(question))
    for i in range(1, len(pairs) - 1):
        verb, flag = pairs[i]
        after = next((w for w, _ in pairs[i + 1 : i + 3] if w != "了"), "")
        if flag != "v" or not (after == "多少" or after.startswith("几")):
            continue
        start = i
        while start and pairs[start - 1][1].startswith("n") and pairs[start - 1][1] != "ns":
            start -= 1
        return ("".join(w for w, _ in pairs[start:i]), verb) if start < i else None
    return None


# Verbs after a thing that any count of it says, that say what it holds ("数据库收录了多少人": 409人数据库 says
# it), or that ask a change or comparison: not the act counted.
_ANY_COUNT_SAYS = frozenset(
    "开展 完成 实现 办理 处理 达到 累计 共有 共计 合计 总计 还有 尚有 仍有 剩下 剩余 新增 申请"
    " 收录 汇聚 汇集 涵盖 覆盖 包含 包括 拥有 容纳 入驻"
    " 拿到 得到"  # the asker's words for what a report says 获得, 开展 ("知识城拿到几项…职权")
    " 相差 占比 增长 增加 减少 下降 上升 提高 降低 压缩 缩短".split()
)


def part_act(clause: str, question: str) -> bool:
    """Whether a clause counts a part of a total by an act the question does not name."""
    simplified, asked = to_simplified(clause), to_simplified(question)
    return any(act not in asked for act in part_acts(simplified))


def listed_thing(question: str) -> str | None:
    """The things a question ending with them asks listed ("需要履行哪些程序": 程序), or None: the clause listing
    them ("均履行公众参与、专家论证…程序") answers, not the one saying most of its other words."""
    found = _ENDS_WITH_WHICH.search(to_simplified(question))
    return found.group(1) if found else None


_ENDS_WITH_WHICH = re.compile(rf"(?:哪些|哪几项|哪几个|哪几种)([{CJK}]{{2,4}})[？?。]?$")


def act_counted(question: str) -> str | None:
    """The act a count asks of ("人民调解成功了多少宗", "…成功的有多少宗" → 成功): of a sentence counting several
    acts of one thing ("受理…14251宗，成功调解14155宗"), the clause naming it answers. Success is 成功 in either
    order ("成功调解了多少宗" is answered by "调解成功9712宗")."""
    text = to_simplified(question)
    found = _ACT.search(text)
    if not found and _SUCCEEDED.search(text):  # "调解成功多少宗"
        return "成功"
    if not found:  # "受理行政复议申请多少件": the one act on cases it names
        acts = [act for act in CASE_ACTS if act in text]
        return acts[0] if len(acts) == 1 else None
    return "成功" if found.group(1).startswith("成功") or found.group(1) == "调成" else found.group(1)  # "调成了多少"


def added_asked(question: str) -> bool:
    """Whether a count asks what was added in its period ("新增经营主体多少户", "新公示…"), not what stands."""
    return bool(_NEWLY_ADDED.search(to_simplified(question)))


def year_of_a_document(question: str) -> bool:
    """Whether the year a question names is a document's ("2017年的文章里制定了多少件法规"), not the year a figure
    is asked of: the document's figures of any span answer."""
    return bool(_DOCUMENT_YEAR.search(to_simplified(question)))


# An article asked about, not a report ("那篇报道", "这篇是哪天登的"): the body's articles answer.
ARTICLE_ASKED = re.compile(r"报道|文章|新闻|媒体|刊发|刊登|登的|[这那该]篇")
_DOCUMENT_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?的?(?:那篇|那份|这篇|这份)?(?:文章|报道|新闻|报告)")


def standing_asked(question: str) -> bool:
    """Whether a count asks what stands, all of it ("共有多少个示范村"), not what was added in the period."""
    text = to_simplified(question)
    held = any(word in text for word in _STANDINGS)  # "持证执法人员多少": all who hold one, not 新增持证人员97名
    return bool(_STANDING_ASKED.search(text) or held) and not added_asked(text)


def there_are_asked(question: str) -> bool:
    """Whether a question asks how many of a thing there are, naming no act ("信丰有多少家企业", "兴宁企业有多少
    家"): a count of those something was done to ("帮助112家企业完成信用修复", "惠及企业1300余家次") is no answer."""
    text = to_simplified(question)
    if not _THERE_ARE.search(text):  # most questions: no "有多少" at all, and no tagging needed to say so
        return False
    asked = _THERE_ARE.fullmatch(_without_scope(text).strip(" ，,。"))
    return bool(asked and all(flag.startswith("n") for _, flag in tagged(asked.group(1) + asked.group(2))))


_THERE_ARE = re.compile(
    rf"的?([{CJK}]{{0,8}}?)(?:共|一共|总共|现在|目前|实)?有(?:多少|几)(?:家|户|个|名|所)?([{CJK}]{{0,8}}?)(?:呢)?[？?]?"
)


# Taking part in an event ("共有3860人参加"): those counted so are no count of all there are.
TOOK_PART = re.compile(r"参加|参与|参训|参赛")
_NEWLY_ADDED = re.compile(r"新(?:增|设|建|登记|注册|发展|公示|公布|认定|创建)")
_STANDING_ASKED = re.compile(r"(?:共有|现有|总共有|一共有|总数|总量|现在|目前)")


# Acts on cases a report counts apart ("收到…1586件，…受理1432件，审结1350件"): one is not another.
CASE_ACTS = ("收到", "新收", "受理", "审结", "办结", "立案", "移送")


def case_acts(text: str) -> list[str]:
    """The acts on cases a text names, in `CASE_ACTS` order, 新收 (newly received) read as 收到: one act."""
    return list(dict.fromkeys(_SAME_ACT.get(act, act) for act in CASE_ACTS if act in to_simplified(text)))


_SAME_ACT = {"新收": "收到"}
# The stages of one body's handling of cases, in order (审结 and 办结 one stage). A count of a later stage given for an
# earlier one counts those of it that went on ("受理行政复议申请830件" for 收到: those received and accepted), and is
# said with a note ("（所引为受理数，非收到数）"); one of an earlier stage counts more than was asked (收到786宗 for
# 受理, 审结), and one of another body's act (移送 to 公安 for its 立案) another thing: neither answers.
_STAGES = {"收到": 0, "新收": 0, "受理": 1, "审结": 2, "办结": 2}


def stands_in_for(said: str, asked: str) -> bool:
    """Whether a count of the act `said` may be given, with a note, for a count of the act `asked`."""
    return said in _STAGES and asked in _STAGES and _STAGES[said] > _STAGES[asked]


# Kinds a report counts apart, each with its other words: a count of one is no count of another. Acts on laws
# and documents ("制定…政府规章11件，废止政府规章4件"); kinds of administrative act ("21个市级部门实现行政处罚全过程
# 电子记录" says nothing of 行政检查).
LAW_ACTS = (
    ("制定", "出台"),
    ("修改", "修订"),
    ("废止",),
    ("清理",),
    ("备案",),
    ("备案审查", "审查备案"),  # reviewing the filings of those below
    ("报送备案", "报备"),  # filing one's own with those above
)
ADMIN_ACTS = (("行政处罚",), ("行政许可",), ("行政检查",), ("行政强制",), ("行政征收", "行政征用"), ("行政裁决",))
# Businesses and all market entities ("企业有多少户": "实有经营主体71.4万户" counts 个体工商户 too).
MARKET_ENTITIES = (("企业",), ("经营主体", "市场主体"))
DISTINCT_KINDS = (LAW_ACTS, ADMIN_ACTS, MARKET_ENTITIES)


def kind_asked(question: str, kinds: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The one kind of `kinds` a question counts ("修改了几件政府规章": 修改, 修订), in all its words; () when it
    names none or several."""
    named = [words for words in kinds if any(w in to_simplified(question) for w in words)]
    named = [k for k in named if not any(k != o and all(any(w in x for x in o) for w in k) for o in named)]
    return named[0] if len(named) == 1 else ()  # 备案审查 named: that act, not any 备案 (报送备案 is another)


def of_another_kind(clause: str, kind: tuple[str, ...], kinds: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a clause names one of `kinds` and not the `kind` asked ("报送备案…24份" for 备案审查): its figure
    counts another kind. A clause naming none may still count the kind asked."""
    return not any(w in clause for w in kind) and any(w in clause for words in kinds for w in words)


def acts_asked(question: str) -> list[str]:
    """The acts on cases a question counts: those of the clause asking how many ("新收…案件，其中审结了多少件": 审结),
    else of the whole; a rate named is no act counted ("…受理多少件诉求，办结率多少": 受理)."""
    text = _RATE_NAMED.sub("", to_simplified(question))
    clauses = [c for c in re.split(r"[，,；;]", text) if HOW_MANY.search(c)]
    return next((acts for c in reversed(clauses) if (acts := case_acts(c))), []) or case_acts(text)


HOW_MANY = re.compile(r"多少|几")  # how many, or how much, asked


_ACT = re.compile(rf"((?:成功)?[{CJK}]{{2}})(?:了|的)(?:有|是)?(?:多少|几)")  # 成功调解了多少: 成功调解
_SUCCEEDED = re.compile(r"成功(?:的)?(?:有|是)?(?:多少|几|[宗件个次]?数)")  # "成功的宗数": successes too


def rates_named(question: str) -> set[str]:
    """The rates a question names ("办结率", "应诉率" of 出庭应诉率): a report names the rate it gives, so an
    answer naming none of them gives another rate (85%以上行政争议…未进入诉讼 is no 办结率). A change
    (增长率) is said as 增长…%, and 率先 is no rate."""
    return {m.group(0) for m in _RATE_NAMED.finditer(to_simplified(question))} - _CHANGE_RATES


_RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{2}率(?!先|领)")
_CHANGE_RATES = {"增长率", "下降率", "上升率", "增幅率"}


def short_name(issuer: str) -> str:
    """How an answer names a body: 广州市花都区 → 花都区 (its city is in the citation)."""
    return own_name(issuer)  # 梅州市兴宁市 → 兴宁市, a county-level city too


def place_names(issuers: list[str]) -> list[str]:
    """How an answer's sentence names these bodies' places: 花都区 and 花都, 广州市 and 广州."""
    names = {short_name(issuer) for issuer in issuers}
    return sorted(names | {stem for name in names if len(stem := _SUFFIX.sub("", name)) >= 2})


def _aliases(issuers: list[str]) -> dict[str, str]:
    """Ways a question names an issuing body: 广州市 → 广州市, 广州; 广州市花都区 → 花都区, 花都; 梅州市兴宁市 →
    兴宁市, 兴宁."""
    aliases: dict[str, str] = {}
    for issuer in issuers:
        aliases[issuer] = issuer
        tail = own_name(issuer)  # 梅州市兴宁市 → 兴宁市 and 兴宁
        for name in {tail, _SUFFIX.sub("", tail)}:
            if len(name) >= 2:
                aliases.setdefault(name, issuer)
    return aliases


def years_named(question: str) -> list[int]:
    """The years a question names, in order, once each ("2017年和2024年…" → [2017, 2024]); none when the only one
    is what a change is measured against ("比2023年多了多少", "与2023年相比"): the latest report says the change."""
    text = to_simplified(question)
    if not YEAR_NAMED.search(_BASELINE.sub("", text)):  # "比2017年多多少" after "广州2024年": both reports, compared
        return []
    return list(dict.fromkeys(int(y) for y in YEAR_NAMED.findall(text)))


def years_compared(question: str) -> list[int]:
    """The years a question sets against another it names ("肇庆2024年…比2023年多了多少": 2024), or none: only then
    is its year's report needed (other years named are often no report's: "到2016年", "2023年度…考评")."""
    text = to_simplified(question)
    return [int(y) for y in YEAR_NAMED.findall(_BASELINE.sub("", text))] if _BASELINE.search(text) else []


_BASELINE = re.compile(r"(?:比|较)(?:19|20)\d{2}\s*年度?|(?:与|同|跟|和)(?:19|20)\d{2}\s*年度?(?=相比|比)")


def only_its_districts(scope: Scope, issuers: list[str]) -> bool:
    """Whether a question names a city whose own report is not here, only its districts' ("佛山市…" beside
    佛山市南海区's report): a district's figures are not the city's."""
    if scope.issuers or not scope.places:
        return False
    parents = {issuer[: -len(own_name(issuer))] for issuer in issuers if own_name(issuer) != issuer}
    return any(parent and _SUFFIX.sub("", parent).startswith(place) for parent in parents for place in scope.places)


def find_scope(question: str, issuers: list[str]) -> Scope:
    """Bodies, other places and years named in `question` (simplified before matching)."""
    text = to_simplified(question)
    rest, found = _names_marked(text, issuers, " ")
    places, tokens = [], tagged(rest)
    first = next((i for i, (word, _) in enumerate(tokens) if word.strip() and not _LEADS.fullmatch(word)), 0)
    for i, (word, flag) in enumerate(tokens):
        name = _SUFFIX.sub("", word)
        if name != word and name[-1:] in _PLACES_COUNTED:  # "汕潮揭三市": 三市 counts the three cities
            name = name[:-1]
        paired = any(  # "思明区和湖里区": a place named beside one jieba knows
            0 <= i + 2 * d < len(tokens) and tokens[i + d][0] in _AND and tokens[i + 2 * d][1].startswith("ns")
            for d in (-1, 1)
        )
        of_a_city = i > 0 and tokens[i - 1][1].startswith("ns") and tokens[i - 1][0].endswith("市")  # 绵阳市游仙区
        opens = i == first or i > 0 and tokens[i - 1][0] in ("，", ",")  # "厦门那篇报道里，思明区…": a clause's first
        named = flag.startswith("ns") or (opens or paired or of_a_city) and rare_district(word)  # 禅城区: `n`
        counted = i > 0 and tokens[i - 1][0] in ("多少", "几") and word[:1] in UNIT_CLASSES  # "多少台粤智助": 台 a unit
        unplaced = word in _NOT_PLACES or name in _NOT_PLACES or word.startswith(_NO_PLACE_OPENS)
        if named and not counted and len(name) >= 2 and not unplaced:
            places.append(name + _town_rest(tokens, i))
    places += rare_towns(tokens)  # "坭陂镇": no word jieba tags a place
    years = years_named(text)
    # A district's report answers for it; its city named too ("花都区…获评广州市…") is context, not a target.
    found = [issuer for issuer in dict.fromkeys(found) if not any(o != issuer and o.startswith(issuer) for o in found)]
    places = [p for p in places if not any(issuer.startswith(p) for issuer in found)]  # "佛山南海": 南海区's city
    if not found and not places:
        found = _of_the_level_asked(text, issuers)
    return Scope(found, list(dict.fromkeys(places)), years)


def _of_the_level_asked(text: str, issuers: list[str]) -> list[str]:
    """The issuing bodies of the level a question naming no place asks of ("全县…", "我区…"): only a county's report
    can say 全县, so a city's 全市 figure is not its answer. A city is every other report's too (a district's
    report gives its city's figures beside its own), so 全市 narrows nothing."""
    level = _LEVEL_ITSELF.search(text)
    return [i for i in dict.fromkeys(issuers) if level and to_simplified(i).endswith(level[1])]


_LEVEL_ITSELF = re.compile(r"(?:全|本|我|该)([县区])(?![域级])")


def _town_rest(tokens: list[tuple[str, str]], at: int) -> str:
    """What jieba split off a town's name before its 镇 or 乡 ("大塘|埠|镇": 埠), "" for none."""
    rest = ""
    for word, _ in tokens[at + 1 : at + 3]:
        if word in ("镇", "乡"):
            return rest
        if len(word) != 1:
            return ""
        rest += word
    return ""


# Words a question may open with before the place it asks about ("请问禅城区…", "那禅城区呢", "2019年上半年思明区…").
_LEAD_INS = frozenset("请问 请 那 那么 而 帮我 帮忙 查 查一下 问 问下 问一下 我想 想 知道".split())
# "今年1至6月思明区…" (jieba: 今年 / 1 / 至 / 6 / 月): a time before the place, in words of its own
_LEADS = re.compile(
    rf"{'|'.join(_LEAD_INS)}|(?:19|20)\d{{2}}|年度?|{YEAR_PART.pattern}|今年|去年|前年|\d{{1,2}}|[至到月]"
)
_AND = frozenset("和 与 及 、 跟 同".split())


@dataclass(frozen=True)
class Plan:
    """A question's plan, computed once on its simplified standalone form; retrieval, the facts, the composer,
    follow-ups and scoped search all read this same object.

    `kind` is one of KINDS. A `section` question names a `role` (a key of `ingest.structure.ROLES`). `unit`
    is the unit a figure question asks in ("件"), whose class the answer's figure must share.
    """

    question: str
    kind: str
    intent: Intent
    scope: Scope
    role: str | None = None
    unit: str | None = None
    compare: bool = False  # which of the places is larger is asked ("哪个更多"), not only each one's figure
    # Things asked of together ("人大代表建议、政协提案"), each as its finest search tokens: a place's figure of
    # them all is the sum of its report's figures of each when the report gives them apart.
    things: tuple[frozenset[str], ...] = ()
    # Two things compared within one place ("政协提案和人大建议相差多少"): their rows are compared, not places'.
    pair: tuple[str, ...] = ()
    # What every report is searched for, asked which mention it ("哪些报告提到了“综合查一次”").
    term: str = ""
    # A section's item asked by its place in the list ("不足的第二条", "工作安排的第3项"): 2, 3; 0 for none.
    item: int = 0


KINDS = (
    "located",
    "outline",
    "report",
    "mentions",
    "catalogue",
    "comparison",
    "section",
    "summary",
    "time",
    "rate",
    "figure",
    "list",
    "open",
)
# Which reports the archive holds ("哪些是2023年度的报告", "一共有几份报告？", "有哪些城市的报告").
# The opening of a report asked ("开头提到的主要成效"): its preface, before its first heading.
OPENING_ASKED = re.compile(r"开头|开篇|一开始|导语|引言|前言")
# A year's results asked as a whole ("主要成效有哪些", "取得了哪些成绩"), not what was done.
RESULTS_ASKED = re.compile(r"成效|成绩|成果|亮点")
CATALOGUE_ASKED = re.compile(  # not reports a place made ("出了多少份法治体检报告", "出具…")
    r"(?<![出具成交写制]了)(?<!出)(?<!出具)(?<!形成)(?<!提交)(?<!撰写)(?<!编制)"
    r"(?:哪些|哪几份|几份|多少份|几篇)(?:是|属于)?[^，。？?]{0,12}?(?:的)?(?:报告|报道|文章|新闻)[？?]?$"
    r"|(?:有|是)哪些(?:城市|地方|地区)的报告"
    # "最新的是哪份报告", "最新的报告是哪一年度的"
    r"|最新的?(?:是|一份)?(?:哪|几)?[份个篇]?(?:报告)?[是为]?(?:哪一?个?年度?|哪份|哪些)?的?(?:报告)?[？?]?$"
)
# The latest of the archive's reports asked ("库里最新的报告是哪一年度的"): those of its latest year.
LATEST_ASKED = re.compile(r"最新")
# A report's parts asked: how it is divided ("报告分为哪几个部分"), or what one part says ("第二部分讲了什么").
_ASKS_OUTLINE = re.compile(
    r"(?:分为|分成|分|包括|包含|由|一共有?|共有?|总共有?|有)(?:哪几|几)(?:个|大)?部分|哪几个?部分组成"  # "分几部分"
    # its outline, not a thing's own ("事项目录有几项", "年龄结构有…"): the word opens the question or is the report's
    rf"|(?:(?<![{CJK}])|(?<=报告)|(?<=的)|(?<=这份)|(?<=那份))(?:结构|框架|提纲|目录)(?:是|如何|怎样|有)"
)
# Where in its report something is said ("这个数字出自报告哪一部分", "…在报告的哪个部分"): its section.
LOCATION_ASKED = re.compile(
    r"(?:出自|来自|在|位于|属于|见于)(?:报告|原文|文中|全文)?(?:的|中的|里的)?(?:哪一?个?部分|哪一?节|哪一?章|哪个章节|什么部分|哪个标题)"
    # of a figure: "这个数字出自哪里？"
    r"|(?:数字|数据|数值)(?:是|又)?(?:出自|来自)(?:哪里|何处|哪儿|哪份报告|哪个报告)|(?:数字|数据)的?出处"
)
PART_ASKED = re.compile(rf"第([{NUMERALS}]|\d{{1,2}})(?:个)?部分")


def report_years(years: list[int], role: str | None) -> list[int]:
    """The years of the reports a question about these years reads: the plans for year Y are in the report on
    year Y-1 ("花都区2024年…有哪些打算" reads the 2023 report)."""
    return list(dict.fromkeys([*years, *(y - 1 for y in years)])) if role == "plans" else list(years)


def make_plan(question: str, issuers: list[str]) -> Plan:
    """The plan of a standalone question over reports of these issuing bodies."""
    text = to_simplified(question)
    intent, scope = Intent.of(text), find_scope(text, issuers)
    compared = bool(
        _ASKS_COMPARISON.search(text)
        or DIFFERENCE_ASKED.search(text)
        or ORDER_ASKED.search(text)
        or RATIO_ASKED.search(text)
        or (SHARE_OF_ASKED.search(text) and len(scope.issuers) > 1)  # "南海是肇庆的百分之几"
    )
    if compared or _EACH.search(text) or _named_together(text, issuers):  # "广州和花都…": both, side by side
        scope = replace(scope, issuers=_side_by_side(text, issuers) or scope.issuers)
    if _MOST.search(text) and not scope.issuers and not scope.places and _ASKS_PLACE.search(text):
        compared = True  # "哪个地方…最多": every place, each by its report
        scope = replace(scope, issuers=list(dict.fromkeys(issuers)))
    elif _ALL_PLACES.search(text) and not scope.issuers and not scope.places and (intent.figure or intent.rate):
        scope = replace(scope, issuers=list(dict.fromkeys(issuers)))  # "各地的…分别是多少": each report's row
    unit, pair = unit_asked(text, intent, compared), ()
    unquoted = _unquoted(text)
    role = role_asked(text)
    if role is None and _ASKS_CAUSE.search(text) and not _noun_run(text.replace("原因", "")):
        role = "shortcomings"  # "原因是什么？" of nothing named (after "有哪些不足？"): the shortcomings, explained
    elif role is None and _ASKS_CAUSE.search(text) and _FALLS_SHORT.search(text) and not intent.figure:
        role = "shortcomings"  # "…效率为什么不高？": what the item on that shortcoming goes on to say
    elif role is None and _NTH_PROBLEM.search(unquoted):
        role = "shortcomings"
    term = term_mentioned(text) if not scope.issuers or len(scope.issuers) > 1 else ""
    term = term or ("" if role else mention_asked(text))  # "肇庆那份报告提到信访了吗": its whole text is read
    if term:
        kind = "mentions"  # "哪些地方推行了“综合查一次”": every report, searched for the words quoted
        scope = replace(scope, issuers=scope.issuers or list(dict.fromkeys(issuers)))
    elif CATALOGUE_ASKED.search(unquoted):
        kind = "catalogue"  # "哪些是2023年度的报告", "一共有几份报告": the archive's reports themselves
    elif LOCATION_ASKED.search(unquoted) and scope.issuers:
        kind = "located"  # "这个数字出自报告哪一部分？": the part of the report that says it
    elif _ASKS_OUTLINE.search(unquoted) or PART_ASKED.search(unquoted):
        kind = "outline"
    elif intent.about_report and not _ASKS_SUMMARY.search(text):  # "请概括这篇报道": its content, not its lines
        kind = "report"
    elif len(scope.issuers) > 1 and (compared or _EACH.search(text) or intent.figure and not role):
        kind = "comparison"  # a figure asked of several places ("A和B各办理…多少件") is each one's row
    elif (
        (compared or SUM_ASKED.search(text) or SHARE_OF_ASKED.search(text) and "成功" not in text)
        and not SHARE_OF_ITS_CITY.search(text)  # "占全市比重多少": of the city's count of the same thing
        and len(scope.issuers) == 1
        and (pair := things_compared(text, issuers))
    ):  # two things of one place ("政协提案和人大建议相差多少", "…合计多少", "审结占受理的比例"): each one's row
        kind = "comparison"
    elif role and (not intent.figure or ITEMS_COUNTED.search(unquoted) or item_asked(unquoted)):  # its items
        kind = "section"
    elif _ASKS_SUMMARY.search(text) and not intent.honours:  # "拿了哪些荣誉，概括一下": the honours, said briefly
        kind = "summary"
    elif _ASKS_TIME.search(text) and not intent.figure:
        kind = "time"
    else:
        rate = intent.rate and not SHARE_OF_ITS_CITY.search(text)  # "占全市的比例": its share, not a rate's row
        kind = "rate" if rate else "figure" if intent.figure else "list" if intent.list else "open"
    things = (
        _things_listed(text, _names_in(text, scope.issuers, issuers) + scope.places) if kind == "comparison" else ()
    )
    section = kind == "section"
    item = item_asked(text) if section else 0
    return Plan(text, kind, intent, scope, role if section else None, unit, compared, things, pair, term, item)


def of_the_plans_ahead(plan: Plan, years: Mapping[str, Collection[int]]) -> Plan:
    """A list, summary or open question of the year after its place's latest report ("韶关市2025年提升基层治理效能
    具体有哪些措施", a follow-up to one on its 2025 plans) asks that report's plans: only they speak of that year."""
    if plan.role or plan.kind not in ("list", "summary", "open") or len(plan.scope.issuers) != 1:
        return plan
    if _ASKS_UNIT.search(to_simplified(plan.question)):  # "涪城2024年的处罚案件数呢": a count, which plans do not give
        return plan
    if _RESULT_ASKED.search(to_simplified(plan.question)):  # "2024年花都的考评结果怎么样": what came of it, which
        return plan  # plans do not say either
    latest = max(years.get(plan.scope.issuers[0], ()), default=None)
    if latest is None or plan.scope.years != [latest + 1]:
        return plan
    return replace(plan, kind="section", role="plans", item=item_asked(plan.question))


# What came of something ("考评结果", "成效如何", "排第几", "复议数据有吗"): the year's own report says it, not the
# plans before it.
_RESULT_ASKED = re.compile(r"结果|成效|成绩|效果|得分|多少分|排名|排第|获评|评为|数据|数字")
# A question asking what is planned ("2025年打算…", "江门2025年要争创第几批…", "想把…提到什么位置"): next year's tasks
# in the report of the year before answer it (`chain`); a figure of that year asked plainly ("涪城2024年的处罚案件数呢")
# they do not.
PLANNED_ASKED = re.compile(r"要|想|拟|打算|计划|准备|目标|力争")


def role_asked(question: str) -> str | None:
    """The role of the report's section a question asks ("有哪些不足": shortcomings), or None."""
    text = _unquoted(to_simplified(question))
    return next((role for role, pattern in _ASKS_ROLE.items() if pattern.search(text)), None)


def _unquoted(text: str) -> str:
    """A question with the titles and names it quotes blanked: they are no part of its asking."""
    return _NAMED.sub("“”", TITLE.sub("《》", text))


def counted_thing(question: str) -> str:
    """The thing a count ends the question with ("多少场行政复议听证会？": 行政复议听证会), or "": its words name
    what is counted (a 行政复议意见书 is none)."""
    found = _COUNTED_THING.search(to_simplified(question))
    return found.group(1) if found else ""


_COUNTED_THING = re.compile(rf"(?:多少|几)(?:{_COUNTERS})((?:(?!多少|几|了|的)[{CJK}]){{2,8}})[？?。]?$")


# How many items a section has ("下一步工作安排一共几项？", "存在几个方面的不足"): they are counted and told;
# not "哪几项" (which), nor a count of a thing the section's words name ("…重点工作安排明确了多少项任务").
ITEMS_COUNTED = re.compile(
    r"(?:(?:一共|共|总共)(?:提到了?|提出了?|列出了?|指出了?)?|有|存在|分为|包括|提到了?|提出了?|列出了?|指出了?"
    r"|(?:归纳|概括|分|归结)(?:成|为)了?)"  # "把存在的问题归纳成了几个方面"
    r"(?:有)?(?:几|多少)(?:项|条|点|个方面|方面|个(?=不足|问题|短板))(?:的)?(?:内容|工作|任务|不足|问题|短板|安排|措施)?"
    r"(?:[，,](?:分别|具体|都)?(?:是|有)(?:什么|哪些)呢?)?[？?]?$"  # "有几条，分别是什么": the count and which
)


def item_asked(question: str) -> int:
    """The place in a list an item is asked by ("第二条具体讲的是什么", "第三个问题", "第2项"), or 0; not 第一责任人,
    第三批 or 第二部分 (a part of the report, `outline`)."""
    found = _ITEM_ASKED.search(to_simplified(question))
    if not found:
        return 0
    number = found.group(1)
    return int(number) if number.isdigit() else NUMERALS.index(number) + 1


_ITEM_ASKED = re.compile(
    rf"第([{NUMERALS}]|\d{{1,2}})(?:条|项|点|方面|个)(?:问题|方面|不足|短板|差距|任务|安排|工作|措施|举措)?"
    r"(?=具体|是|讲|说|的|呢|吗|内容|展开|详细|介绍|解释|怎么|再|[，,？?]|$)"
)
# "第五个问题是什么": a report's problems are its shortcomings
_NTH_PROBLEM = re.compile(rf"第(?:[{NUMERALS}]|\d{{1,2}})(?:个|条|项|点)?问题")


def term_mentioned(question: str) -> str:
    """The words quoted in a question asking which reports or places mention them ("哪些报告提到了“综合查一次”？",
    "哪个地方实行了执法‘观察期’制度？"), or ""."""
    text = to_simplified(question)
    if not _WHICH_MENTION.search(text):
        return ""
    if quoted := _QUOTED.search(text):
        return quoted.group(1)
    said = _MENTIONED.search(text)  # unquoted, the words after the verb: "哪些报告提到了行政执法减免责清单？"
    return said.group(1) if said and not _ASKS_WHAT.search(said.group(1)) else ""


def mention_asked(question: str) -> str:
    """The words a question asks whether a report mentions ("肇庆那份报告提到信访工作了吗", "有没有提到观察期"), a
    generic tail left out (信访工作: 信访), or "". Whether it does is read in its text, not answered by a
    sentence on something else."""
    found = _WHETHER_MENTIONED.search(to_simplified(question))
    return (found.group("a") or found.group("b")).strip("“”\"'‘’「」") if found else ""


def names_quoted(question: str) -> list[str]:
    """The names a question quotes ("“法治政府建设典范城市”称号", "《广州市依法行政条例》"): what an answer about
    them must say."""
    return [found.group(1) for found in _QUOTED.finditer(to_simplified(question))]


# A name or a phrase in quotation marks ("“最多跑一次”改革", "针对“…有待提升”"): what it says is not asked.
_NAMED = re.compile(r"[“「『][^”」』]{1,40}[”」』]")
_QUOTED = re.compile(r"[“\"'‘「『《]([^”\"'’」』》]{2,30})[”\"'’」』》]")  # 《…》: a law's name
_MENTION_VERB = r"(?:提到|提及|讲到|说到|写到|谈到|涉及)"
_MENTIONED = re.compile(
    rf"{_MENTION_VERB}(?:了|过)?([^，,。？?！!\s]{{2,20}}?)(?:的?(?:内容|事情|做法|情况))?(?:吗|呢)?[？?。！!]*$"
)
_MENTION_TAIL = r"(?:的?(?:内容|事情|做法|情况|工作|方面|问题))?"
_WHETHER_MENTIONED = re.compile(
    rf"(?:有没有|是否|有无)(?:{_MENTION_VERB}|提)(?:了|过)?(?P<a>[^，,。？?！!\s]{{2,20}}?){_MENTION_TAIL}(?:吗|呢)?[？?。！!]*$"
    rf"|{_MENTION_VERB}(?:了|过)?(?P<b>[^，,。？?！!\s]{{2,20}}?){_MENTION_TAIL}了?(?:吗|没有|没)[？?。！!]*$"
)
_WHICH_MENTION = re.compile(r"哪些?(?:个|几个)?(?:报告|地方|城市|地区|市|区|单位)|哪里")


def things_compared(question: str, issuers: list[str]) -> tuple[str, str] | tuple[()]:
    """The two things a question compares within one place ("花都区政协提案和人大建议相差多少", "…公证比法律援助
    多多少"), each as the noun phrase naming it; empty when it names no two things so."""
    text = to_simplified(question)
    text = without_places(text, find_scope(text, issuers), issuers, "，")
    found = _ONE_OF_THE_OTHER.search(YEAR_NAMED.sub("，", text)) or _TWO_THINGS.search(YEAR_NAMED.sub("，", text))
    if not found:
        return ()
    pair = tuple(_thing_phrase(x) for x in (found.group(1), found.group(2)))
    if any(RELATIVE.fullmatch(x) or _YEAR_BEFORE_WORD.fullmatch(x) for x in pair):
        return ()  # "比上一年少了多少次": the year before is no thing, the change is asked (`change_asked`)
    summed = _OF_THE_SUM.fullmatch(found.group(2))  # "人大建议占人大建议和政协提案总数的比例": the other of the two
    if summed and pair[0] in summed.groups():
        pair = (pair[0], next(x for x in summed.groups() if x != pair[0]))
    return pair if all(len(x) >= 2 for x in pair) and pair[0] != pair[1] else ()


_YEAR_BEFORE_WORD = re.compile(r"上一?年度?|前一年|去年同期|上年同期")


def things_summed(question: str, issuers: list[str]) -> tuple[str, str] | tuple[()]:
    """Two things a question adds up ("地方性法规加政府规章，广州和成都谁多": each place's sum compared), or ()."""
    text = without_places(to_simplified(question), find_scope(question, issuers), issuers, "，")
    found = _PLUS.search(YEAR_NAMED.sub("，", text))
    if not found:
        return ()
    pair = tuple(_thing_phrase(x) for x in found.groups())
    return pair if all(len(x) >= 2 for x in pair) and pair[0] != pair[1] else ()


_PLUS = re.compile(  # "A加B" (not 加起来, 加大, 加强…)
    rf"([{CJK}“”]{{2,12}}?)加(?!起|在|大|强|快|紧)上?([{CJK}“”]{{2,12}}?)(?=[，,的]|一共|合计|总共|共计|各|谁|哪|$)"
)


def _thing_of(question: str, issuers: list[str]) -> str:
    """What a question counts, as it names it: "花都区2023年办理了多少件人大建议？" → 人大建议."""
    text = to_simplified(question)
    text = without_places(text, find_scope(text, issuers), issuers)
    return _thing_phrase(YEAR_NAMED.sub("", text).strip(" ？?"))


def _thing_phrase(text: str) -> str:
    """A noun phrase without what leads it: "办理了多少件政协提案" → 政协提案, "办理的人大建议" → 人大建议,
    "公证多少件" → 公证, "行政复议受理数" → 行政复议受理."""
    pieces = [p for p in re.split(rf"的|了|(?:多少|几)(?:{_COUNTERS})?|[？?，,]", text) if p]
    if len(pieces) > 1 and pieces[-2] in CASE_ACTS:  # "审结的行政复议案件": 行政复议案件审结, an act of a thing
        pieces = [*pieces[:-2], pieces[-1] + pieces[-2]]
    text = re.sub(r"(?:各|都|分别)(?:有|是|为)$", "", pieces[-1] if pieces else "")  # "川渝通办各有多少项"
    pairs = tagged(text)
    while len(pairs) > 1 and pairs[0][1] in ("v", "vn", "d", "p", "c"):
        if pairs[0][0] in CASE_ACTS and all(w in GENERIC_THINGS for w, _ in pairs[1:]):
            break  # "受理案件": the act is what tells the thing
        pairs = pairs[1:]
    if len(pairs) > 1 and pairs[-1][0] == "数" and pairs[-2][1] == "v":  # "受理数": the count of an act
        pairs = pairs[:-1]
    while len(pairs) > 1 and pairs[-1][0] in _AFTER_A_THING:  # "政协提案多，对吧", "政协提案各多少件"
        pairs = pairs[:-1]
    return "".join(w for w, _ in pairs)


# Words a question puts after the thing it names, which are no part of it: "（B）多吗", "（B）各多少件".
_AFTER_A_THING = frozenset("各 都 分别 有 是 多 少 高 低 大 小 更 更多 更少 更高 更低".split())  # "…事项有多少项": 有


_TWO_THINGS = re.compile(
    rf"([{CJK}“”]{{2,12}}?)(?:和|与|跟|同|比|、)([{CJK}“”]{{2,12}}?)的?(?:数量|件数|人数|次数|数)?(?:之间)?"
    rf"(?:相差|差|哪个|哪一个|谁|多多少|少多少|多几|少几|相比|合计|共计|加起来|一共|总共|[，,？?]"
    r"|(?=更?[多少高低](?:吗|吧|呢|[？?，,]|$)))"  # "人大建议比政协提案多吗"
)
# One thing as a multiple or a share of another ("政协提案是人大建议的几倍", "审结案件占受理案件的比例是多少").
_ONE_OF_THE_OTHER = re.compile(rf"([{CJK}“”]{{2,12}}?)(?:是|占|为)([{CJK}“”]{{2,16}}?)的(?:几倍|多少倍|{_SHARE_WORDS})")
# A share asked of two things' sum ("人大建议占人大建议和政协提案总数的比例"): the sum is worked out too.
_OF_THE_SUM = re.compile(
    rf"([{CJK}“”]{{2,12}}?)(?:和|与|及|、)([{CJK}“”]{{2,12}}?)的?(?:总数|总和|合计|之和|总量|总计)"
)


def share_of_sum(question: str) -> bool:
    """Whether a share asked is of the sum of two things ("…占人大建议和政协提案总数的比例")."""
    found = SHARE_OF_ASKED.search(to_simplified(question))
    return bool(found and _OF_THE_SUM.search(found.group(0)))


# The sum of two things asked ("人大建议和政协提案合计多少件"): computed from their rows.
SUM_ASKED = re.compile(r"合计|共计|加起来|加在一起|总计|一共|总共")
# A part asking things side by side ("哪个多", "谁更快", "相差多少", "加起来"): a question with one is answered
# whole, not part by part (`separate_parts`); "哪个部门…", "谁获评…" ask no comparison.
_COMPARES = re.compile(
    r"相比|比较|一样|(?:更|哪个|哪一个|谁|哪(?:个|座)?(?:城市|地方|区))[^，。？?]{0,4}?(?:多(?!少)|少|高|低|快|慢|大|小|早|晚)"
    r"|(?:哪个|哪一个|谁)[^，。？?]{5,16}?(?:多|(?<![多减])少|(?<!提)高|(?<!降)低)(?=[，。？?]|$)"  # 谁调解的矛盾纠纷多
    rf"|比[^，。？?]{{1,12}}?(?:多|少|高|低|快|慢)|{DIFFERENCE_ASKED.pattern}|{ORDER_ASKED.pattern}"
    rf"|{RATIO_ASKED.pattern}|{SUM_ASKED.pattern}|{SHARE_OF_ASKED.pattern}|{_MOST_ASKED_BACK}"
    rf"|{RELEASED_FIRST.pattern}"  # "…什么时候发布，哪个先发布": the dates side by side, said once
)


# Words naming the kind of thing counted, not which one (案件 of 行政应诉案件, 行政处罚案件, 云巡查案件): a
# sentence holding one of them is not yet about the thing asked.
GENERIC_THINGS = frozenset(
    "行政 政府 案件 事项 申请 项目 活动 企业 单位 问题 纠纷 文件 服务 政务 人员 机关 部门 制度 平台 领域 工作 记录 "
    "全市 全区 全县 全省 全国 本市 本区 市县 县区 区县 省市".split()  # "市县两级": levels, written "市、县两级"
)

# A figure asked without its unit ("行政应诉案件有多少？", "…案件，谁更多？", "涉及金额是多少？") is in the unit of
# what it counts or measures; an amount of money first ("法律援助案件挽回经济损失多少" asks 元, not 件).
_COUNTED_IN = {
    **dict.fromkeys(("金额", "资金", "经费", "损失", "欠薪", "费用", "交易额", "罚没款"), "元"),
    **dict.fromkeys(CASE_NOUNS, "件"),
    **dict.fromkeys(("用户", "粉丝"), "人"),  # "注册用户有多少": people, not 服务超1.1万项
}
# The act a count asked against the year before may name after 多/少 ("比2023年多收到多少件").
ACT_AFTER_MORE = "收到|受理|办理|审结|出台|制定"
# Against the year before ("比2023年多了多少", "比上年增加了多少宗", "比上年多吗"): a change, which the latest report
# says in %.
_AGAINST_BEFORE = re.compile(
    rf"(?:比|较)(?:上一?年度?|去年|前一年|(?:19|20)\d{{2}}\s*年度?)(?:同期)?(?:多|少|高|低|增加|减少)(?:{ACT_AFTER_MORE})?了?"
    r"(?:多少|几|吗|不|没有)"
)
_ASKS_CHANGE = re.compile(
    r"增长|增幅|增速|增量|同比|环比|上升|下降|降幅|涨幅|提高|减少|(?<![下上])(?:降|升|涨)(?:得|了)"  # "谁降得多"
    r"|前移|后移|前进|后退|(?:进步|退步)了?(?:几|多少)"  # a rank's move ("比上年前进了几位", "进步了几位")
    r"|(?:变化|变动)了?(?:多少|几)|变化幅度"  # "比上年变化多少": by how much, either way
    r"|(?:比|较)(?:上一?年度?|去年|前一年)(?:是)?(?:怎么|如何)变"  # "比上年怎么变的"
    r"|(?:跟|与|和|比|较)(?:上一?年度?|去年|前一年)(?:比|相比)"
    rf"|{_AGAINST_BEFORE.pattern}"
)


# How a change is asked, in words no report's sentence says ("和上年比有什么变化", "同比变化多少"): the change
# itself ("同比下降9.7%") says it.
CHANGE_WORDING = re.compile(
    r"(?:(?:跟|与|和|比|较)(?:上一?年度?|去年|前一年)(?:比|相比)?)?[，,]?(?:有什么|有何|有哪些|发生了?什么)?"
    r"变化(?:了?多少|如何|情况|大吗|怎么样)?"
    r"|(?:变化|增减)?幅度(?:有?多大|是?多少|如何)?"  # "多了还是少了，幅度多大": said by the change, "同比增长89.6%"
)


def confirm_asked(question: str) -> bool:
    """Whether a question asks whether something holds ("…，对吗？", "是不是…", "…准确吗", "南海受理了1124件？")."""
    text = to_simplified(question)
    return bool(_ASKS_CONFIRM.search(text)) or _stated(text)


def order_claimed(question: str) -> int:
    """The order a yes-or-no question claims between the two figures it names ("人大建议比政协提案多，对吧",
    "南海比肇庆高吗"): 1 when the first is claimed the larger, -1 the smaller, 0 when it claims no order, or a
    difference by a figure ("比肇庆多39项，对吧": checked by the difference worked out)."""
    text = to_simplified(question)
    claimed = _ORDER_CLAIMED.search(text) if confirm_asked(text) and "还是" not in text else None
    return 0 if claimed is None else 1 if claimed.group(1) in "多高" else -1


def most_claimed(question: str) -> tuple[str, int] | None:
    """The one a yes-or-no question claims the most or the least of those compared ("韶关最高，对吧": (韶关, 1)),
    as it names it; None when it claims none, or asks which ("哪个最多")."""
    text = to_simplified(question)
    if not confirm_asked(text) or "还是" in text or "哪" in text:
        return None
    claimed = _MOST_CLAIMED.search(text)
    return (claimed.group(1), 1 if claimed.group(2) in "多高" else -1) if claimed else None


_MOST_CLAIMED = re.compile(r"([^，,。？?、和与及的]{2,8}?)(?:的)?(?:是|为)?最([多高少低])")
_ORDER_CLAIMED = re.compile(rf"比[^，。？?多少]{{1,12}}?更?([多少高低])(?!了?(?:[\d几多少{NUMERALS}]|百分))")


def _stated(text: str) -> bool:
    """A figure stated and asked back ("南海受理了1124件？"): it asks nothing else, so it asks whether it holds."""
    return text.rstrip().endswith(("？", "?")) and not _ASKS_WHAT.search(text) and bool(_STATED_FIGURE.search(text))


_STATED_FIGURE = re.compile(rf"\d(?:\.\d+)?\s*(?:万|亿)?(?:{_COUNTERS}|%)")


def figure_claimed(question: str) -> Figure | None:
    """The figure a yes-or-no question states ("广州办理了2000件…，对吗？", "出庭应诉率是否达到100%？"), or a
    why-question takes for granted ("…同比增长了50%，为什么增长这么快？"), or None."""
    text = to_simplified(question)
    if not confirm_asked(text) and not _ASKS_CAUSE.search(text):
        return None
    unit = next((unit for noun, unit in _COUNTED_IN.items() if noun in text), "")  # "案件…过万": in 件
    text = _ROUND_CLAIMED.sub(lambda m: f"超过1{m.group(1)}{unit}", text)
    return next((f for f in extract_figures(text) if f.unit_class not in (None, "time")), None)


def claims(question: str) -> list[str]:
    """A yes-or-no question stating several figures, one claim each, each asked back ("人大建议77件、政协提案238件，
    满意率均100%，对吗" → "人大建议77件，对吗？", "、政协提案238件，对吗？", "，满意率均100%，对吗？"): each is judged
    by its own thing's figure. A question stating one figure, or none, is one claim."""
    text = to_simplified(question)
    if not confirm_asked(text):
        return [question]
    figures = [f for f in extract_figures(text) if f.unit_class not in (None, "time")]
    if len(figures) < 2:
        return [question]
    segments, start = [], 0
    for figure in figures:
        end = text.find(figure.text, start) + len(figure.text)
        segments.append(text[start:end] + "，对吗？")
        start = end
    return segments


def _as_claimed(question: str) -> str:
    """A question asking whether the report writes a figure ("韶关2024年99.58%这个数是报告原文写的吗？"), or stating
    it with a particle ("川渝通办是131项吧？"), as the claim it is ("韶关2024年99.58%，对吗？", "川渝通办131项，
    对吗？"): its words on the figure are in no sentence a claim is checked against; the search reads the claim's."""
    text = to_simplified(question)
    claimed = figure_claimed(text)
    start = text.find(claimed.text) if claimed else -1
    end = start + len(claimed.text) if claimed else -1
    after = text[end:] if end > 0 else ""
    particle = re.fullmatch(r"(?:吧|吗|对吧|是吧)[？?]?", after)
    if not (_FIGURE_AS_WRITTEN.search(after) or particle) or re.search(f"[{CJK}]", _OF_A_FIGURE_SAID.sub("", after)):
        return question
    lead = question[:start].removesuffix("是") if particle else question[:start]  # "…是131项吧": 是 asks nothing
    return f"{lead}{question[start:end]}，对吗？"


def _heading_unquoted(quoted: re.Match) -> str:
    """A section's heading quoted ("报告里“存在的不足”写了哪几条？") as the words asking that section: quoted names
    are no part of a question's asking (`_unquoted`), but this one names what is asked."""
    heading = quoted.group(0)[1:-1]
    return heading if len(heading) <= 12 and role_asked(heading) else quoted.group(0)


# A return to a thing asked before ("回到经营主体那个数，", "说回信用修复，"): the thing is what follows is of; a place
# asked before by its kind ("回到刚才那个区") is `_place_named_back`'s.
_BACK_TO_A_THING = re.compile(
    r"^(?:回到|再回到|说回|回头说)((?:(?!刚才|前面|之前|上面|原来)[^，,？?]){2,12}?)(?:那个数字?|那个数据|这个数|那个|的数)?[，,]"
)


# A figure named as written ("这个数", "原文写的", "报告里"): a question on whether the report says it.
_FIGURE_AS_WRITTEN = re.compile(r"数|原文|报告")


# A round bound claimed in words ("是不是过万了", "破千"): 超过1万 of what is counted.
_ROUND_CLAIMED = re.compile(r"(?:过|破|超)(千|万|亿)(?![\d一二三四五六七八九十])")


def wider_whole_asked(question: str) -> str:
    """The wider level whose whole a question asks of a place's report ("全省平均败诉率是多少", "全国有多少"): 全省
    or 全国, which a figure answering it must say; "" for none. A place's own figure is no answer."""
    found = _WIDER_WHOLE.search(to_simplified(question))
    return found.group(1) if found else ""


_WIDER_WHOLE = re.compile(  # not "全国首创吗", nor "是不是低于全省平均水平" (a level claimed)
    r"(全省|全国)(?:的|范围内)?(?:平均(?:水平|值|数)?(?:的)?[\u4e00-\u9fff]{0,8}?|一共|总共|共|总数|总量)?"
    r"(?:是|为|有)?(?:多少|几)"
)


def level_claimed(question: str) -> int:
    """The side of an average a yes-or-no question claims a thing is on ("败诉率是不是低于全省平均水平": -1,
    "…高于全市平均水平吗": 1), or 0 when it claims none or asks which ("是高于还是低于")."""
    text = to_simplified(question)
    if not confirm_asked(text) or "还是" in text:
        return 0
    return level_said(text)


def level_said(text: str) -> int:
    """The side of an average a text says a thing is on ("仍高于全省平均水平", "高于全市97.3%的平均水平",
    "高于全市平均水平（97.8%）"): 1 above, -1 below, 0 when it says none (simplified text)."""
    found = _AGAINST_AVERAGE.search(text)
    return 0 if found is None else 1 if found.group(1) in _ABOVE else -1


_ABOVE = ("高于", "超过", "超出", "优于", "好于")
_AGAINST_AVERAGE = re.compile(
    rf"({'|'.join(_ABOVE)}|低于|不到|不及|差于)(?:全国|全省|全市|全区|全县|同级|同类)?(?:\d+(?:\.\d+)?%)?的?平均"
)


def direction_claimed(question: str) -> int:
    """The way a yes-or-no question claims something changed ("是否比上年减少了？": -1), stating no figure; 0
    when it claims none or asks which way ("是上升了还是下降了")."""
    text = to_simplified(question)
    if not _ASKS_CONFIRM.search(text) or figure_claimed(text) or "还是" in text:
        return 0
    if against := _AGAINST_BEFORE.search(text):  # "比上年多吗？", "比上年少了吗？", "比上年增加了吗？"
        claim = against.group(0).replace("多少", "")
        return 1 if re.search("[多高]", claim) else -1 if re.search("[少低]", claim) else direction(claim)
    return direction(text)


_ASKS_CONFIRM = re.compile(
    r"对吗|对不对|对吧|是吧|没错吧|是否|是不是|有没有|[吗吧][？?]?$|了吗"
    r"|(?:帮(?:我|忙)?)?(?:看|核|核对|核实|确认)(?:一?下|看)?[。？?！!]?$"  # "…超6.41万家，帮看下"
    r"|^(?:帮(?:我|忙)?)?(?:核|核对|核实|确认)(?:一?下)?[：:，,]"  # "帮我核一下：…"
    r"|我(?:的?稿子|的?材料|的?文稿)?(?:里|中)?写(?:的是|了)"  # "我写的是389项"
)


def done_asked(question: str, intent: Intent) -> bool:
    """Whether a question asks what was done ("完成了哪些立法", "出台了…") or a figure of the year: the report's
    account of its year answers, not its plans for the next ("完成《…》立法项目", "推动…达到100%" among next
    year's tasks)."""
    text = to_simplified(question)
    return bool(_DONE.search(text) or intent.figure) and not _ASKS_ROLE["plans"].search(text)


_DONE = re.compile(r"(?:完成|出台|制定|修订|开展|取得|实现|办理|推进|建成|印发|组织|举办)了|做了|已经")


def change_asked(question: str) -> bool:
    """Whether a question asks how much something changed ("同比增长多少", "较上年下降多少")."""
    return bool(_ASKS_CHANGE.search(to_simplified(question)))


def cause_asked(question: str) -> bool:
    """Whether a question asks why ("原因是什么", "什么原因")."""
    return bool(_ASKS_CAUSE.search(to_simplified(question)))


def unit_asked(text: str, intent: Intent, compared: bool = False) -> str | None:
    """The unit a figure is asked in: its counter ("多少件", "几名"), else the unit of what it counts."""
    found = _ASKS_UNIT.search(RATIO_ASKED.sub("", text))  # "是…的几倍": in the unit of what is compared
    if not found and (claimed := figure_claimed(text)) and claimed.unit_class != "percent":
        # "办理了2000件…，对吗？": a count in 件; an amount in any currency is looked for as the reports' 元,
        # and the verdict tells the currencies apart ("超55亿美元，对吗？" → 否, the report says 超55亿元)
        return "元" if claimed.unit_class == "money" else claimed.unit
    if found and not found.group(1) and _ASKS_CHANGE.search(text):
        return None  # "检查次数同比下降了多少": a change of the count, said in %
    if not found and _ASKS_LENGTH.search(text) and _DISTANCE_NAMED.search(text):
        return "公里"  # "海岸线有多长": a distance, not a time
    if not found and _ASKS_LENGTH.search(text):
        return "天"  # of the time class: 6个月 and 15个工作日 answer it
    if not found and _ASKS_MONEY.search(text):
        return "元"  # "收费多少钱": an amount; 公证55万余件 is no answer
    if not found and _PEOPLE_COUNTED.search(text):
        return "人"  # "培训了多少执法人员": people; 培训班14期 is no answer
    if found and _PLACES_MOVED.search(text):
        return None  # "较上年前移了几位": places in a ranking, not people (位 counts both)
    return (found.group(1) or found.group(2)) if found else _counted_in(text, intent, compared)


# The rank of the year before asked ("上一年排第几？", "去年的排名呢"): worked out from the year's and its move
# ("排名第二，较上年前移三位": 第五, `arithmetic.rank_the_year_before`).
RANK_BEFORE_ASKED = re.compile(
    r"(?:上一?年|去年|前一年)度?的?(?:排名|名次|排位?)(?:是|在|为)?(?:第(?:几|多少)[位名]?|多少|呢|怎样|如何)?"
    r"|(?:上一?年|去年|前一年)度?的?(?:排|是)?第(?:几|多少)"
)
# Things whose length is a distance ("海岸线有多长"), not a time.
_DISTANCE_NAMED = re.compile(r"海岸线|岸线|河道|河段|道路|公路|铁路|绿道|碧道|线路|管网|里程|距离")
_PLACES_MOVED = re.compile(r"(?:前移|后移|上升|下降|提升|前进|后退|进步|跃升|提高)了?(?:几|多少)个?位")
# People counted by the word for them, no counter ("培训了多少执法人员？", "有多少律师"): a count in 人.
_PEOPLE = r"(?:人员|干部|律师|群众|学员|职工)"  # "培训了多少执法人员", "乡镇执法人员有多少"
_PEOPLE_COUNTED = re.compile(  # "有多少执法人员参加了…考试": people, by what they took part in
    rf"(?:多少|几)[{CJK}]{{0,4}}?{_PEOPLE}(?:(?:{TOOK_PART.pattern})[^，,。？?]*)?[？?]?$"
    rf"|{_PEOPLE}(?:有|是|共有|一共有?|总共有?)?(?:多少|几)(?:个)?[？?]?$"
)
_ASKS_MONEY = re.compile(  # "罚没款一共多少": money is what it is
    r"(?:多少|几)(?:块)?钱|花了多少|多少经费|多少费用|(?:罚没款?|罚款)(?:收入|金额)?(?:一共|共|总共|累计)?(?:是|有|为)?多少[？?]?$"
)


def _counted_in(text: str, intent: Intent, compared: bool) -> str | None:
    if not (intent.figure or compared) or intent.rate or _ASKS_CHANGE.search(text):
        return None
    return next((unit for noun, unit in _COUNTED_IN.items() if noun in text), None)


def _things_listed(text: str, names: list[str]) -> tuple[frozenset[str], ...]:
    """The things a question lists with 、 ("办理的人大代表建议、政协提案"), or joins with 和 when their sum is asked
    ("…建议和政协提案合计"): the words next to each, as the finest search tokens a sentence must hold to be about
    that thing (政协提案 → 政协, 提案: "政协委员提案" is one). The places listed (`names`) are no things."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"{re.escape(name)}[、和与及]", "", text)
    mark = "、" if "、" in text else "和" if SUM_ASKED.search(text) else ""
    at = text.find(mark) if mark == "、" else _conjunction_at(text) if mark else -1
    if at < 0:
        return ()
    runs = (re.split(f"[{_CLAUSE_BREAKS}]", text[:at])[-1] + text[at:]).split(mark)
    runs[-1] = re.split(f"[{_CLAUSE_BREAKS}的]|{SUM_ASKED.pattern}", runs[-1])[0]  # "…、政协提案的数量/合计"
    listed = [words(runs[0])[-2:], *(words(run)[:2] for run in runs[1:])]
    return tuple(frozenset(_finest(" ".join(w))) for w in listed if w)


_CLAUSE_BREAKS = "，,。？?；;：:！!"


def _conjunction_at(text: str) -> int:
    """Where 和 joins two things ("建议和政协提案"), not where it is inside a word ("调解和解"); -1 if nowhere."""
    at = 0
    for word, flag in tagged(text):
        if word == "和" and flag == "c":
            return at
        at += len(word)
    return -1


def _finest(text: str) -> set[str]:
    """Search tokens no other of which they hold: 政协提案 → {政协, 提案}."""
    tokens = set(tokenize(text))
    return {t for t in tokens if not any(o != t and o in t for o in tokens)}


def _side_by_side(text: str, issuers: list[str]) -> list[str]:
    """Bodies a comparison names side by side: a city and its district both count ("广州市和花都区"), while
    "广州市花都区" names the district alone."""
    _, found = _names_marked(text, issuers)
    return list(dict.fromkeys(found)) if len(set(found)) > 1 else []


def _named_together(text: str, issuers: list[str]) -> bool:
    """Whether a question joins two bodies' names ("广州市和花都区的…"), so it asks of both; "花都区获评广州市…"
    names the city as context."""
    marked, _ = _names_marked(text, issuers)
    return bool(re.search(r"@(?:和|与|及|、|以及|同|跟)@", marked))


def _names_marked(text: str, issuers: list[str], mark: str = "@") -> tuple[str, list[str]]:
    """`text` with each body's name (its longest alias first, so 广州市花都区 is one name) replaced by `mark`, and
    the bodies named, in the order the text names them ("广州和花都区…": 广州市 first)."""
    aliases = _aliases(issuers)
    at, rest = [], text
    for alias in sorted(aliases, key=len, reverse=True):
        if alias in rest:
            at.append((rest.find(alias), aliases[alias]))
            rest = rest.replace(alias, "\0" * len(alias))  # as long as the name: where later ones are stays
    return re.sub("\0+", mark, rest), [issuer for _, issuer in sorted(at)]


# What a clause after a question's last question mark asks with ("…哪天起施行？观察期多长", "…排第几？比上年进步了没",
# "…办了多少？满意率"): a short clause naming a rate or share alone asks it, as "满意率呢" would.
_BARE_MEASURE = re.compile(r"[^，,。？?]{1,6}(?:率|占比|比例)[？?。]?")
_ASKS_AFTER = re.compile(
    rf"呢|说说|讲讲|谈谈|展开|介绍|多长|多久|多大|多高|了没|没有?[？?。]?$|^{_BARE_MEASURE.pattern}$"
)


@lru_cache(maxsize=256)  # the chain reads a question's words again for each sentence's script (`chain._asked_in`)
def tidy(question: str) -> str:
    """A question without the talk around it: a greeting or self-introduction before it ("你好，我是司法局的小王，
    最近在写材料，想问一下…"), a remark after it ("…是多少？顺便说一下今年天气特别热"), thanks and a softening
    particle at its end ("…是多少啊，谢谢！") weigh in no search; everyday words are the reports' (法援: 法律援助)."""
    text = _ASKING_LEAD.sub("", _without_talk(_without_pasted(question.strip())))
    text = _BACK_TO_A_THING.sub(r"\1，", text)  # "回到经营主体那个数，我稿子里写…": the thing, and what is asked of it
    claim = _DRAFT_LEAD.sub("", text)  # "我稿子里写的…是2538宗，对不对？": the claim, where it was written aside
    if claim != text and (quoted := re.match(r"^[“\"「]([^”\"」]+)[”\"」]", claim)):  # "草稿里写“…”": unquoted
        claim = quoted.group(1) + claim[quoted.end() :]
    text = claim if _ASKS_CONFIRM.search(to_simplified(claim)) else text
    asked, _, after = text.rpartition("？") if "？" in text else text.rpartition("?")
    asks_after = re.search(rf"{_ASKS_WHAT.pattern}|{_ASKS_AFTER.pattern}", after) or _ASKS_CONFIRM.search(after)
    if asked and after.strip() and not asks_after:
        text = f"{asked}？"  # what follows the last question mark asks nothing ("是1586件吧" asks whether); "第四项
        # 具体说说" does
    elif asked and _BARE_MEASURE.fullmatch(after.strip()):
        text = f"{asked}？{after.strip(' ？?。')}是多少？"  # "…办了多少？满意率": asked as "满意率是多少"
    text = _as_claimed(_THANKS.sub("", text))
    if (draft := _DRAFT_SAYS.search(text)) and (draft.group("claim") or _HOW_MANY_ASKED.search(text[: draft.start()])):
        said, before = draft.group("figure") or draft.group("claim"), text[: draft.start()]  # "同比增长多少？我写的是
        asked = _HOW_MANY_ASKED.sub(said, before, count=1) if _HOW_MANY_ASKED.search(before) else f"{before}{said}"
        text = asked.rstrip("？?，,。") + "，对吗？"  # 86.67%": whether 同比增长86.67% holds; "…败诉率，我写的“同比
        # 下降0.9%”，行不行？": whether the thing before it is so
    text = _NAMED.sub(_heading_unquoted, _outside_quotes(text, _as_reports_say))
    text = _NOT_DONE_ASKED.sub(_as_apart, text)
    text = _NOT_MEDIATED_ASKED.sub(_as_mediations_apart, text)
    text = _SHORT_YEAR.sub(lambda m: f"20{m.group(1) or m.group(2)}年", text)
    text = re.sub(r"(\d{1,2})月?(?:到|-|~)(\d{1,2})月", r"\1至\2月", text)  # "1到6月": as reports write it
    text = _IN_THE_YEARS_REPORT.sub(r"\1", text)  # "到2024年的报告里，…": of 2024, no 报告 asked of
    text = _CN_COUNT.sub(lambda m: f"{numeral_value(m.group(1)):g}", text)  # "一千一百二十四件": 1124件
    text = _CN_PERCENT.sub(
        lambda m: f"{numeral_value(m.group(1)):g}{'.' + _digits(m.group(2)) if m.group(2) else ''}%", text
    )
    return _PARTICLE.sub(lambda m: m.group(1), text) or question


def _as_reports_say(text: str) -> str:
    """Everyday words as the reports say them (`_PLAIN_WORDS`, `_SAID_AS`)."""
    text = _PLAIN.sub(lambda m: _PLAIN_WORDS[m.group(0)], text)
    for pattern, said in _SAID_AS:
        text = pattern.sub(said, text)
    return text


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    """`change` made to a text outside what it quotes (`_NAMED`): a quotation asked of ("“不能把参评当成已经评上”是谁
    说的") is the report's own words, matched as written."""
    parts = re.split(f"({_NAMED.pattern})", text)
    return "".join(part if _NAMED.fullmatch(part) else change(part) for part in parts)


# How many of the things an act counted another did not ("收到的行政复议申请中有多少件没有被受理"): the reports give
# both counts, not the one left; asked as both and how far apart they are, which is worked out and said so.
_NOT_DONE_ASKED = re.compile(
    r"(?P<total>收到|受理|办理|新收)的?(?P<thing>[^，,。？?]{2,12}?)(?:中|里|当中)[，,]?有?(?:多少|几)(?P<unit>[件宗个项])?"
    r"(?:没有|没|未|尚未)被?(?:依法)?(?P<act>受理|审结|办结|结案|立案)的?(?=[？?]?$)"
)


# Mediations that did not succeed ("韶关没调解成功的有多少宗"): those mediated, those that succeeded, and how far
# apart they are, worked out; asked after the two counts too, it asks them again in the conversation's place.
_NOT_MEDIATED_ASKED = re.compile(
    r"(?:没有?|未)(?:调解成功|成功调解)的?(?:案件|纠纷)?(?:有|还有)?(?:多少|几)(?P<unit>[件宗个起])?(?=[？?]?$)"
)


def _as_mediations_apart(found: re.Match) -> str:
    unit = found.group("unit") or "件"
    return f"调解多少{unit}，调解成功多少{unit}，两者相差多少"


def _as_apart(found: re.Match) -> str:
    unit = found.group("unit") or "件"
    return f"{found['total']}多少{unit}{found['thing']}，{found['act']}了多少{unit}，两者相差多少"


# The asker's everyday words for what the reports call otherwise ("法援办了多少案子"): searched as the reports say.
# Short names a report may use too ("办理法援案件2583宗"): read as the full name where a thing is looked for.
SHORT_NAMES = {"法援": "法律援助"}
# The asker's 复议 (jieba: a verb) is 行政复议, the thing the reports count; not inside a name quoted. A report's
# "复议案件数量…" after a sentence on 行政复议 is of it too.
BARE_REVIEW = re.compile(r"(?<![政“\"‘「])复议")
_PLAIN_WORDS = {
    **SHORT_NAMES,
    **{
        "案子": "案件",
        "搞了": "",
        "弄了": "",
        "干了": "做了",
        "评上了": "获评",
        "评上": "获评",
        "改废": "修改、废止",
        "废除": "废止",
    },
    **{f"全{where}第一个": f"全{where}首个" for where in "国省市"},  # "全国第一个…的城市": 全国首个, as reports say
    **{"第一次": "首个", "几号生效": "哪天施行", "什么时候生效": "什么时候施行", "啥": "什么"},
    **{f"几号{act}": f"哪天{act}" for act in ("发", "公布", "印发", "刊发", "签发", "开始施行", "施行", "实施")},
    **{"出庭率": "出庭应诉率", "数交所": "数据交易所", "百分百": "100%"},  # the short forms the reports do not use
    **{"公职人员": "国家工作人员"},  # the reports' word for those in public office
}
_PLAIN = re.compile("|".join(_PLAIN_WORDS))
# Cities by their one-character names, as askers write them before a year.
CITY_SHORT_NAMES = {"穗": "广州", "蓉": "成都", "韶": "韶关", "莞": "东莞", "沪": "上海", "榕": "福州"}
# Everyday phrasings that need their context: "复议结了多少案" (closed: 审结; not 总结了, 集结了), "几个人" (a count
# of people: 几人; not 几个人民调解委员会).
_SAID_AS = (
    (re.compile(r"(?<![总集终团归完冻审办解])结了(?=多少|几)"), "审结了"),
    (re.compile(r"(?<![解审办])结案(?!率)"), "审结"),  # "复议结案多少宗": 审结 (调解和解结案 is a part, as said)
    (re.compile(r"(多少|几)个人(?![民大员口])"), r"\1人"),
    (re.compile(r"(多少|几)个点"), r"\1个百分点"),  # "差几个点": of rates, percentage points
    (re.compile(r"(多少|几)个亿"), r"\1亿元"),  # "兑现资金几个亿": an amount in 亿元
    (re.compile(r"(?<![违免])不罚了?(?=多少|几)"), "不予处罚"),  # "全年不罚了多少件"; not “首违不罚”, 免罚
    (re.compile(r"减了?(多少|几)(?:的)?税费"), r"减税降费\1"),  # "给企业减了多少税费": the reports' 减税降费
    (re.compile(r"收复议"), "收行政复议"),  # "新收复议案件": jieba reads 收复 (to recapture) in it
    (re.compile(r"行政附议"), "行政复议"),  # a slip of the input method (附议 is seconding a motion)
    (re.compile(r"^(?:那|这)?(?:里面|当中)[，,]?"), "其中"),  # "那里面市直单位的有几个？": a part of what was just told
    # lawsuits against the government in everyday words: "打官司输的比例", "民告官案子", "一把手出庭的比例"
    (re.compile(r"(?:打)?官司输(?:了)?的?(?:比例|比率)"), "行政诉讼败诉率"),
    (re.compile(r"民告官(?:的)?(?:案子|案件)?(?=[^？?]*应诉)"), "行政应诉案件"),  # "…政府这边应诉了多少件"
    (re.compile(r"民告官(?:的)?(?:案子|案件)?"), "行政诉讼案件"),
    (re.compile(r"(?:打)?(?:官司)?输了?(?:的)?(?=(?:有)?(?:多少|几))"), "败诉"),  # "一审行政诉讼多少件，输了几件"
    (re.compile(r"(?:砍|裁|减|精简|撤)掉"), "精简"),  # "执法队伍砍掉了多少支": 由167支精简至114支
    (re.compile(r"(?:一把手|负责人)出庭(?:的)?(?:比例|比率)"), "行政机关负责人出庭应诉率"),
    (re.compile(r"(?<=[日周月节])(?:那|这)几天"), "期间"),  # "宪法日那几天呢": those days, not how many
    # the amount of a change asked as the reports say it ("增幅多少": 同比增长42.3%); "降幅谁大" is left as asked
    (re.compile(rf"(?<=[{CJK}])这一?块(?=[的主有做工怎在上]|$)"), "方面"),  # "执法这块主要做法": 执法方面
    (re.compile(r"(?:增幅|涨幅)(?=(?:是|为|有)?多少)"), "增长"),
    (re.compile(r"降幅(?=(?:是|为|有)?多少)"), "下降"),
    # a city by its one-character name before a year ("穗2024年…", "蓉24年…"); not in a name (“穗好办”, 智慧蓉城)
    *(
        (re.compile(rf"(?<![{CJK}]){short}(?=\s*(?:\d|[〇零一二三四五六七八九]{{2,4}}年))"), city)
        for short, city in CITY_SHORT_NAMES.items()
    ),
)


def in_full(text: str) -> str:
    """A text with the short names it uses written in full (法援 → 法律援助)."""
    for short, full in SHORT_NAMES.items():
        text = text.replace(short, full)
    return text


# A figure from the asker's draft after the question asking it ("…多少？我写的是86.67%"), or a claim quoted after the
# thing it is of ("…败诉率，我写的“同比下降0.9%”，行不行？"): a claim of that figure.
_DRAFT_SAYS = re.compile(
    rf"[？?，,。]\s*我(?:的?稿子|的?材料|的?文稿|的?草稿)?(?:里|中)?写(?:的是|的|了)?\s*"
    rf"(?:(?P<figure>\d[\d.,]*\s*(?:万|亿)?(?:{_COUNTERS}|%)?)|[“\"「](?P<claim>[^”\"」]{{1,30}})[”\"」])"
    r"[，,]?\s*(?:行不行|对不对|对吗|行吗|可以吗|没问题吧|对吧)?[。？?]?$"
)
_HOW_MANY_ASKED = re.compile(rf"(?:是|为|有)?(?:多少|几)(?:{_COUNTERS})?")
# "我稿子里写的法援案件是2538宗，对不对？": where the claim was written, no word of it
_DRAFT_LEAD = re.compile(
    r"^(?:(?:我|我们|我們)(?:的)?(?:稿子|稿件|材料|文稿|草稿|这里|這裡|这边|這邊)?|(?:稿子|稿件|文稿|草稿|材料))"
    r"(?:里|裏|裡|中|上)?[写寫](?:的|了|着|著)?(?:是)?[：:]?"  # "草稿里写“…”，对不对": the claim quoted
)
# A count in Chinese numerals of a hundred or more, before its counter ("一千一百二十四件", "两千五百多宗"): in digits,
# as the reports write it; not 三项制度, 百佳案例. A percentage in words ("百分之九十八点七四"): 98.74%.
_CN_COUNT = re.compile(
    rf"([一二三四五六七八九两十]*[百千][零一二三四五六七八九两十百千]*)(?=(?:多|余)?(?:{_COUNTERS}))"
)
_CN_PERCENT = re.compile(r"百分之([一二三四五六七八九十]+)(?:点([零一二三四五六七八九]+))?")


def _digits(numerals: str) -> str:
    """Chinese digits read one by one ("七四" → "74"): the decimals of a number said in words."""
    return "".join(str(int(numeral_value(c))) for c in numerals)


# A year in two digits ("广州24年", "23年度"), not a length of time ("近12年来", "连续第24年", "30年之间").
# A year's report named as where to look ("到2024年的报告里，", "在2023年度报告中"): the year asked.
_IN_THE_YEARS_REPORT = re.compile(r"(?:到|在)?((?:19|20)\d{2}\s*年度?)的?(?:那份|这份)?报告(?:里面?|中|上|里头)[，,]?")
_SHORT_YEAR = re.compile(  # "汕头23年的…", "19年1到6月" too: a year of the reports' decades before 的 or a month
    r"(?<![\d第近这过去连续历时用达共约余])(?:([12]\d)年(?=度|[^\d来间以后前内多的半]|多元|$)|(1[5-9]|2\d)年(?=的|\d{1,2}(?:月|到|至)))"
)  # not "十年多": a span; "南海24年多元解纷" is a year


# Talk that opens a question without asking anything ("你好，", "我是…的小王，", "最近在写材料，", "帮我查一下哈，").
_SMALL_TALK = re.compile(
    r"^(?:你好|您好|hi|hello|打扰|麻烦|谢谢|我是|我们|我在|我正在|最近|目前|现在|在写|正在写|领导|帮我|帮忙|请帮"
    r"|(?:老师|各位|大家|领导|同志|专家)们?好)"
)
_ASKING_LEAD = re.compile(
    r"^(?:我)?(?:想|需要)?(?:请|麻烦|帮我|帮忙)*"
    r"(?:请问一下|请问|问一下|问下|问问|了解一下|咨询一下|查一下|查查|看一下|看看)(?:哈|呀|啊)?[，,：:]?"
)
# Thanks after the question ("，谢谢！", "？多谢"), and a softening particle ending it ("是多少啊？").
_THANKS = re.compile(r"[，,。！!\s]*(?:谢谢|多谢|感谢|辛苦)[您你啦了哈啊呀！!。~～\s]*$")
_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff])(?:啊|呀|哈|哦|嘛|呐)([？?！!。]?)$")


def _without_pasted(text: str) -> str:
    """A question without the sentences pasted before it ("（五）發揮行政複議主渠道作用…。 肇庆…多少"): whole
    sentences asking nothing, naming no year and no place."""
    sentences = re.split(r"(?<=[。！!])", text)
    while len(sentences) > 1 and sentences[1].strip() and not _asks_or_dates(sentences[0]):
        if _places_named(sentences[0]):
            break
        sentences = sentences[1:]
    return "".join(sentences).strip()


def _without_talk(text: str) -> str:
    """A question without the greeting and story before it, keeping a place the story names when the question
    points back at it ("想参考一下韶关的做法，他们林火…多少个": 韶关's)."""
    clauses = re.split(r"(?<=[，,。！!])", text)
    while len(clauses) > 1 and _talk(clauses[0]):
        clauses = clauses[1:]
    if len(clauses) > 1 and _STORY.search(clauses[0]) and not _asks_or_dates(clauses[0]) and _THEY.match(clauses[1]):
        named = _places_named(clauses[0])
        clauses = [*named, _THEY.sub("", clauses[1], count=1), *clauses[2:]] if named else clauses
    return "".join(clauses).strip()


def _places_named(clause: str) -> list[str]:
    """The places a clause names (jieba's `ns`, kinds of area aside)."""
    return [w for w, flag in tagged(to_simplified(clause)) if flag.startswith("ns") and w not in _NOT_PLACES]


def _talk(clause: str) -> bool:
    """Whether a clause opening a question is talk around it: a greeting or the asker's story ("我是区司法局新来的
    同事，", "领导让我明天交一份材料，"), asking nothing, naming no year and no place."""
    if _asks_or_dates(clause) or _DRAFT_LEAD.match(clause.strip()):  # "我写乳源县被认定为…，没错吧": the claim
        return False
    story = _STORY.search(clause) and not _places_named(clause)
    return bool(_SMALL_TALK.search(clause) or story)


# The asker's story before a question: who they are, what they were told, what they could not find.
_STORY = re.compile(r"我|本人|领导|单位|同事|听说|材料|半天|对比一下|参考一下|不熟|刚从|刚到")
# The place of the story, pointed back at by the question after it ("…他们林火视频监控前端有多少个").
_THEY = re.compile(r"^(?:想|我想)?(?:请教一下|请问一下|请问|问一下|问下)?(?:他们|她们|该市|该区|那边)(?:的)?")


def _asks_or_dates(text: str) -> bool:
    """Whether a clause names a year, asks something or states a figure ("我稿子里写的法援案件是2538宗，对不对？":
    the figure checked): then it is part of the question, not talk around it."""
    stated = any(f.unit_class for f in extract_figures(to_simplified(text)))
    return bool(YEAR_NAMED.search(text) or _ASKS_WHAT.search(text) or stated)


def is_follow_up(question: str) -> bool:
    """A question that needs the conversation: it says so ("那…", "…呢？"), is a few characters, or asks which
    is larger or how much something changed without naming any thing ("两者相比哪个更多？", "同比增长了多少？")."""
    text = question.strip()
    parts = [part for part in re.split(r"(?<=[？?])", text) if part.strip()]
    if len(parts) > 1 and find_scope(parts[0], []) != Scope() and not is_follow_up(parts[0]):
        return False  # "湛江2024年调解纠纷多少宗？上年呢？": its "呢" is of its own first part
    if _FOLLOW_UP.search(text) or _THEN_ASKS.search(text) or len(text) <= 6:
        return True
    bare = to_simplified(text).strip(" ？?。")  # "所占比例是多少", "主要原因是什么": of what was just told
    if _SHARE_ONLY.fullmatch(bare) or _ASKS_CAUSE.fullmatch(bare) or _ALL_OF_IT.fullmatch(bare):
        return True  # "全县一共有多少": jieba tags 全县 a noun
    if TARGET_ASKED.fullmatch(bare) or _TARGET_ONLY.fullmatch(bare):  # "计划扩到多少？": 计划 is a noun to jieba;
        return True  # "下一步的目标是多少": a target, of the thing just asked
    if SPEAKER_ASKED.search(bare) and not names_quoted(bare):  # "这句话是谁说的": of the quotation just told
        return True
    if _ONLY_ASKS.fullmatch(RELATIVE.sub("", _without_scope(bare))):  # "汕头2023年有几个？", "江门有多少名？",
        return True  # "上一年是多少": the thing just asked
    if case_acts(text) and _of_no_thing(PART_OF.sub("", text)) and find_scope(text, []) == Scope():
        return True  # "其中审结了多少件？": of the thing just asked, in the place just asked about
    core = _THESE.sub("", to_simplified(text))
    core = UNITS_ASKED.sub("一样", core)  # "单位一样吗": of the figures just given, 单位 no thing
    asks_of_it = _ASKS_WHICH.search(core) or _ASKS_CHANGE.search(core) or TREND_ASKED.search(core)  # "多了还是少了"
    return bool(asks_of_it) and not _thing_named(core)


def _thing_compared_across(
    question: str, previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str | None:
    """ "法治体检哪个做得多？" after a question on 惠阳 and one on 兴宁: a thing of its own, naming no place, compared
    between the places of the last two questions; None for any other question."""
    text = to_simplified(question).strip()
    if len(previous) < 2 or not _ASKS_WHICH.search(text):
        return None
    if _THESE.search(text) or UNITS_ASKED.search(text):
        return None  # "这两个数单位一样吗": the figures just given (`_compared`)
    if not _thing_named(text) or find_scope(text, issuers) != Scope() or role_asked(text):
        return None
    if things_compared(text, issuers):
        return None  # "人大建议和政协提案哪个多": two things, of the place just asked about
    asked = [standalone(previous[i], _as_history(previous[:i]), issuers, years) for i in (-2, -1)]
    bodies = [find_scope(q, issuers).issuers for q in asked]
    if any(len(b) != 1 for b in bodies) or bodies[0] == bodies[1]:
        return None
    return f"{bodies[0][0]}和{bodies[1][0]}的{text}"


def _compares_with(question: str, issuers: list[str]) -> bool:
    """Whether a question asks which is larger of a place it names and nothing else ("跟信丰比哪个多？": jieba tags
    信丰 no place, so `is_follow_up` took it for a thing): the thing just asked, compared with that place's."""
    text = to_simplified(question)
    scope = find_scope(text, issuers)
    core = _THESE.sub("", without_places(text, scope, issuers))
    return bool(scope.issuers and _ASKS_WHICH.search(text)) and not _thing_named(core)


def _named_before_act(text: str) -> bool:
    """Whether a question names its thing around the act on cases it asks, in words jieba tags as verbs: before
    it ("执法投诉举报受理了多少件": 执法/投诉/举报, no noun to find), two or more of them, or after it and 的
    ("受理的复议申请一共多少": 复议/申请)."""
    simplified = to_simplified(text)
    first = min(simplified.find(act) for act in CASE_ACTS if act in simplified)
    words = [w for w, flag in tagged(simplified[:first]) if len(w) >= 2 and flag[:1] in ("n", "v", "j")]
    after = re.match(rf"[{CJK}]{{2}}了?的([{CJK}]+?)(?:一共|总共|共|有|是|为|多少|几)", simplified[first:])
    return len(words) >= 2 or bool(after and len(after.group(1)) >= 2)


def _without_scope(text: str) -> str:
    """A question without the places and years it names ("汕头2023年有几个" → "有几个")."""
    scope = find_scope(text, [])
    if not (scope.issuers or scope.places or scope.years):
        return text
    text = re.sub(r"\0[省市区县]?的?", "", without_places(text, scope, [], "\0"))  # with its 市 ("汕头市")
    return re.sub(rf"{YEAR_NAMED.pattern}度?的?", "", text)


# A question asking only how many, of no thing ("有几个", "是多少", "有多少名"): of the thing just asked.
# "评了多少宗", "办了几件": a one-character verb names no thing either.
_ONLY_ASKS = re.compile(rf"(?:[{CJK}]了)?(?:有|是|为|共|一共|总共|累计)?(?:多少|几)(?:{_COUNTERS})?")


def standalone(
    question: str, history: list[dict] | None, issuers: list[str], years: Mapping[str, Collection[int]] | None = None
) -> str:
    """Rewrite a follow-up ("那成都呢?") into a full question using the previous user question.

    The new places/years replace the old ones ("去年呢？" is the year before the old one); a year inherited
    that the new place has no report for (`years`: each body's report years) is dropped, so its own report
    answers ("那花都区呢？" after a 2024 question, 花都区 reporting on 2023). A follow-up about a new topic keeps
    the old scope and question: "政协提案呢？" after "…办理人大代表建议多少件？" asks "…办理政协提案多少件？",
    "满意率呢？" asks the old topic's 满意率.
    """
    question = _item_by_its_topic(_item_named(tidy(question), history, issuers), history)
    question = _the_figure_told(question, history)
    previous, refused = _asked(history), _refused_turns(history)
    question = _its_city_named(_place_named_back(question, previous, issuers), issuers)
    question = _two_places_named_back(question, previous, issuers)
    if not previous and (stated := _STATED_THEN.match(to_simplified(question))):
        asked = _ITS_FIGURE_STATED.sub("是多少", stated.group(1), count=1)  # "湛江2024年行政复议案件是1586件，那上一年
        return standalone(stated.group(2), _as_history([asked]), issuers, years)  # 是多少？": a follow-up to it
    if not previous:
        return _year_before_said(_latest_said(question), issuers, years)[:MAX_QUESTION_CHARS]
    if (left := _of_two_counts(question, previous, issuers, years)) is not None:
        return left[:MAX_QUESTION_CHARS]
    if (both := _two_asked_again(question, previous, issuers, years)) is not None:
        return both[:MAX_QUESTION_CHARS]
    if (share := _share_of_its_city(question, previous, issuers, years)) is not None:
        return share[:MAX_QUESTION_CHARS]
    if (across := _thing_compared_across(question, previous, issuers, years)) is not None:
        return across[:MAX_QUESTION_CHARS]
    if not is_follow_up(question) and not _compares_with(question, issuers):
        at = _counted_so_before(question, previous)  # "下一步要扩到多少个领域？": of the turn asking 多少个领域
        at = len(previous) - 1 if at is None else at
        before = standalone(previous[at], _as_history(previous[:at], refused), issuers, years)
        before = _placed(before, previous[:at], issuers)
        question = _this_compared(question, before, issuers)  # "政协提案比这个多，对吧"
        if against := _this_against_another(question, before, issuers) or _against_a_place(question, before, issuers):
            return against[:MAX_QUESTION_CHARS]
        before = _unreported_year_dropped(before, issuers, years) if _refused_last(history) else before
        if role_asked(before) == "plans" and _a_figure_done(question):  # "25年打算…", then a count: not of 2025
            before = _unreported_year_dropped(before, issuers, years, role=None)
        question = _dated_by_its_report(question, before, issuers, years)
        question = _year_before_said(_latest_said(question), issuers, years)  # "兴宁上年…" as asked first
        return _in_scope_of(question, before, issuers)[:MAX_QUESTION_CHARS]
    start = next((i for i in range(len(previous) - 1, -1, -1) if _asked_whole(i, previous, issuers, years)), 0)
    between = [  # each as asked then: "两个区…" of the two before it
        _two_places_named_back(tidy(q), previous[: start + 1 + j], issuers) for j, q in enumerate(previous[start + 1 :])
    ][-_TURNS:]
    if (counted := _counted_before(question, previous, start)) is not None:
        start, between = counted, []  # "肇庆呢，有几项？" after a name and a date were asked: the count's question
    elif (counted := _counted_so_before(question, previous)) is not None:
        start, between = counted, []  # "扩到多少个领域？": of the 清单 "覆盖多少个领域" was asked of
    # the last full question as it was asked in its own place ("修改了多少件次？" after a question on 广州市)
    base = standalone(previous[start], _as_history(previous[:start], refused), issuers, years)
    asked = find_scope(base, issuers).issuers  # the bodies asked about, for "两者哪个多？"
    # Each follow-up replaces the places and years before it, so the last few decide: a runaway history
    # of thousands of turns costs no more than a short one.
    earlier = ""  # the question before `base`, for "两者相差多少？" after two things of one place
    if start and not between:  # "哪个多？" right after a full question: it and the one before are compared
        earlier = standalone(previous[start - 1], _as_history(previous[: start - 1], refused), issuers, years)
        if set(find_scope(earlier, issuers).issuers) <= set(asked):  # of the same place: the last turn before it
            earlier = _same_thing_elsewhere(base, previous[: start - 1], issuers, years, refused) or earlier  # asking
            # its thing of another
        asked = list(dict.fromkeys([*find_scope(earlier, issuers).issuers, *asked]))
    for follow_up in [*between, question]:
        account = ACCOUNT_ASKED.search(to_simplified(base)) and not only_another_year(follow_up)
        if follow_up is question and (_refused_last(history) or account):
            base = _unreported_year_dropped(base, issuers, years)  # "那去年呢" refused: not of that year again; a
            # 考评's 年度 ("23年度…考评里排第几", told by the 2024 report) is no report's year for "出庭应诉率呢"
        follow_up = _this_compared(follow_up, base, issuers)
        if role_asked(base) == "plans" and _a_date_done(follow_up):  # "那个…办法哪天起施行的" after "25年打算…"
            base = _unreported_year_dropped(base, issuers, years, role=None)  # of no 2025 report
        share = _SHARE_ONLY.fullmatch(_FOLLOW_UP.sub("", follow_up).strip(" ，,？?"))
        if share and earlier and asks_its_city(base, None):  # "占比多少" after "全县…" and "那全市呢": the county's
            base = f"{earlier.rstrip(' ？?')}，占全市比重多少？"
            continue
        if whole := _all_of_a_part(follow_up, base):  # "全市一共多少" after 镇街执法人员's count
            base, earlier = whole, base
            continue
        if whole := _whole_city_asked(follow_up, base, issuers, years):
            base, earlier = whole, base  # the district's question, for a share of the city asked next
            continue
        base, earlier = (
            _compared(follow_up, base, asked, issuers, earlier)
            or _rewrite(follow_up, base[:MAX_QUESTION_CHARS], issuers, years),
            base,
        )
        asked = list(dict.fromkeys([*asked, *find_scope(base, issuers).issuers]))[-_TURNS:]
    return _compared_alone(base, issuers)[:MAX_QUESTION_CHARS]


def _a_figure_done(question: str) -> bool:
    """Whether a question asks a figure of what was done, not of the plans ("全市人民调解受理了多少宗" after "25年
    打算完成哪两个立法项目"; not "具体有哪些措施", "第二条展开说说", "下一步要扩到多少个领域")."""
    return Intent.of(question).figure and not role_asked(question) and not item_asked(question)


def _all_of_a_part(question: str, base: str) -> str:
    """ "全市一共多少", "一共多少" after a count at a lower level ("湛江…镇街执法人员多少名"): the thing counted in the
    whole place ("湛江…全市执法人员一共多少名"); "" for another question."""
    core = to_simplified(_FOLLOW_UP.sub("", question)).strip(" ，,。？?")
    text = to_simplified(base).rstrip(" ？?")
    level = _LOWER_LEVEL.search(text)
    if not (_ALL_OF_IT.fullmatch(core) and _ASKS_COUNT.search(text) and level):
        return ""
    said = _WHOLE_PLACE.search(core)
    before = text[: level.start()]  # the place's own level: "惠阳区…村居…" is 全区's
    own = said.group(0) if said else "全区" if "区" in before else "全县" if "县" in before else "全市"
    whole = text.replace(level.group(0), own, 1)
    asked = _ASKS_COUNT.search(whole)
    return f"{whole[: asked.start()].rstrip('有')}一共有{asked.group(0).lstrip('有是为共一总累计')}" if asked else whole


def _a_date_done(question: str) -> bool:
    """Whether a follow-up asks the date of something done ("那个检查备案办法哪天起施行的"), not of the plans."""
    return Intent.of(question).time and not role_asked(question) and not PLANNED_ASKED.search(to_simplified(question))


def _placed(before: str, previous: list[str], issuers: list[str]) -> str:
    """The question before, opened by the bodies and years of the last turn naming a report's body when it names
    none ("炭步司法所所长叫什么" after "花都23年存在的不足…" and a turn on 狮岭司法所): the conversation is still
    there, and a new question naming no place stays in it (`_in_scope_of`)."""
    if find_scope(before, issuers).issuers:
        return before
    for asked in reversed(previous[-_TURNS:]):
        if (scope := find_scope(asked, issuers)).issuers:
            return f"{''.join(scope.issuers)}{''.join(f'{y}年' for y in scope.years)}{before}"
    return before


def _same_thing_elsewhere(
    base: str, before: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None, refused: set[int]
) -> str:
    """The latest of the turns `before` asking `base`'s thing of another place ("江门24年公职律师多少名", two turns
    on 考核权重 before "湛江公职律师多少", then "哪个多"), as asked then; "" when none does."""
    thing, places = _noun_run(to_simplified(base)), set(find_scope(base, issuers).issuers)
    for at in range(len(before) - 1, max(-1, len(before) - 1 - _TURNS), -1):
        asked = standalone(before[at], _as_history(before[:at], refused), issuers, years)
        if thing and thing == _noun_run(to_simplified(asked)) and not set(find_scope(asked, issuers).issuers) <= places:
            return asked
    return ""


def _compared_alone(question: str, issuers: list[str]) -> str:
    """A comparison made a follow-up's question with one place left ("肇庆24年的呢" after "南海区和肇庆市复议申请量
    哪个多"): that place's figure asked, as nothing is left to compare it with."""
    scope = find_scope(question, issuers)
    if len(scope.issuers) + len(scope.places) != 1 or things_compared(question, issuers):
        return question  # two things of one place are compared ("…法律援助和公证多少件，哪个多")
    return _WHICH_MORE_AT_END.sub("是多少？", question)


_WHICH_MORE_AT_END = re.compile(r"[，,]?(?:哪个|哪一个|谁)(?:更)?(?:多|少|高|低|大|小)(?:一些|一点)?[？?]?$")


# A figure stated, then a question on it put as a follow-up: "湛江2024年行政复议案件是1586件，那上一年是多少？".
# "…是1586件，那上一年是多少？", "…申请486件，那上一年…": a figure stated (no year), then the question asked of it
_FIGURE_STATED = r"(?:是|为|有)?\s*(?<![\d.])\d[\d.,]*\s*[万亿]?(?![\d.,年])[^\d，,。？?]{0,3}"
_STATED_THEN = re.compile(rf"^(.{{4,}}?{_FIGURE_STATED})[，,]\s*那(?:么)?(.{{2,}})$")
_ITS_FIGURE_STATED = re.compile(rf"{_FIGURE_STATED}$")


def _part_asking(question: str, thing: str, issuers: list[str]) -> str:
    """Of a question of several clauses, the later clause asking `thing` ("罚没款多少" of "汕头市2023年…查处违法案件，
    罚没款多少？"), as a question of the place and year the question asks; "" when no later clause asks it."""
    clauses = re.split(r"[，,]", to_simplified(question).rstrip("？?"))
    own = next((c for c in clauses[1:] if thing in c and _ASKS_WHAT.search(c)), None)
    if own is None:
        return ""
    scope = find_scope(question, issuers)
    return f"{''.join(scope.issuers or scope.places)}{''.join(f'{y}年' for y in scope.years)}{own}？"


def _asked_whole(i: int, previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None) -> bool:
    """Whether the i-th question asked was a full question: no follow-up, or one asking again the two counts just
    asked (`_of_two_counts`, `_two_asked_again`), which a follow-up of another place asks of it ("兴宁的化解比例呢？",
    "汕头2023年呢？")."""
    if not is_follow_up(_two_places_named_back(previous[i], previous[:i], issuers)):  # "两个区…": named, whole
        return True
    return any(ask(previous[i], previous[:i], issuers, years) is not None for ask in (_of_two_counts, _two_asked_again))


def _of_two_counts(
    question: str, previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str | None:
    """ "还剩几个没整改完？" (what is left) or "化解比例是多少？" (the share of those done) after a count and the count
    of those done ("…调处了多少件行政争议？", "成功化解了多少件？"): both asked again, and how far apart they are or
    what share the second is of the first, which is worked out; None for any other question."""
    simplified = to_simplified(question).strip(" ？?。")
    left = _LEFT_ASKED.search(simplified)
    share = _SHARE_OF_DONE.fullmatch(simplified)
    if len(previous) < 2 or not (left or share) or find_scope(question, issuers) != Scope():
        return None
    if len([p for p in asks(previous[-1]) if HOW_MANY.search(p)]) > 1:  # "…多少件？按期办结多少？" asked both
        return None  # already: its own two counts, not one of them and the turn before's
    if share and (share.group("of") not in to_simplified(previous[-1]) or asks_its_city(previous[-1], None)):
        return None  # "立案的占比" of the count of 立案 just asked; "占比多少" after "那全市呢": the county's share
    counts = _last_two_counts(previous, issuers, years)
    if counts is None or find_scope(previous[-1], issuers) != Scope():
        return None
    first, second = counts
    ask = "两者相差多少" if left else "占比多少"
    if first.rstrip(" ？?") in second:  # "其中直接纠错了多少件？": asked with the first already
        return f"{second.rstrip(' ？?')}，{ask}？"
    return f"{_both_asked(first, second)}，{ask}？"


def _two_asked_again(
    question: str, previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str | None:
    """ "江门这两项分别是多少？" after two counts of one place ("兴宁市…常务会议专题研究法治政府建设几次？", "会前学法
    呢？"): both asked again, of the place and year it names; None for any other question."""
    asked = _THESE_TWO_ASKED.search(to_simplified(question))
    if len(previous) < 2 or not asked or not is_follow_up(previous[-1]):
        return None
    counts = _last_two_counts(previous, issuers, years)
    places = [find_scope(x, issuers).issuers for x in counts or ()]
    if counts is None or len(places[0]) != 1 or places[0] != places[1]:
        return None  # "两者分别是多少" after two places compared: not two things of one place
    both = f"{_both_asked(*counts)}？"
    where = to_simplified(question)[: asked.start()] + to_simplified(question)[asked.end() :]
    return _rewrite(where, both, issuers, years) if find_scope(where, issuers) != Scope() else both


def _last_two_counts(
    previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> tuple[str, str] | None:
    """The last two questions asked, as standalone questions, when both ask how many; None otherwise."""
    first = standalone(previous[-2], _as_history(previous[:-2]), issuers, years)
    second = standalone(previous[-1], _as_history(previous[:-1]), issuers, years)
    return (first, second) if HOW_MANY.search(first) and HOW_MANY.search(second) else None


def _both_asked(first: str, second: str) -> str:
    """Two questions of one place asked as one, the second without its place and year: "…几次，会前学法几次"."""
    return f"{first.rstrip(' ？?')}，{_without_scope(second).strip(' ，,？?')}"


def _share_of_its_city(
    question: str, previous: list[str], issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str | None:
    """ "涪城占全市的比重大概是多少？" naming no thing, after the district's count and its city's: the district's count
    asked again with its share of the city's, which is worked out; None for any other question."""
    text = to_simplified(question)
    asked = SHARE_OF_ITS_CITY.search(text)
    scope = find_scope(question, issuers)
    if (
        not asked
        or not previous
        or len(scope.issuers) > 1
        or _noun_run(BARE_REVIEW.sub("行政复议", without_places(text[: asked.start()], scope, issuers)))
    ):  # "惠阳复议申请占惠州全市多少": a question of its own (jieba tags 复议 and 申请 verbs)
        return None
    for i in range(len(previous) - 1, max(len(previous) - _TURNS, 0) - 1, -1):
        before = standalone(previous[i], _as_history(previous[:i]), issuers, years)
        own = find_scope(before, issuers).issuers
        if _ASKS_RATE.search(to_simplified(previous[i])):  # "…纠错率多少", "其中公安的占多少": the share of the
            before = f"{_thing_asked(before)}多少？"  # city is of the thing's count, not of the rate or part
        if change_asked(before) and len(parts := asks(before)) > 1 and not change_asked(parts[0]):
            before = f"{parts[0]}？"  # "…收到多少件？同比增长多少？": the count's share, not the change's
        if HOW_MANY.search(before) and not asks_its_city(before, None) and not change_asked(before) and len(own) == 1:
            if scope.issuers and own != scope.issuers:
                return None
            return f"{before.rstrip(' ？?')}，占全市的比重是多少？"
    return None


# "这两项分别是多少", "两个各是多少": the two things just asked, again.
_THESE_TWO_ASKED = re.compile(
    r"(?:这|上述|以上)?(?:两|二)(?:项|个|者)(?:数据|数字|指标)?(?:分别|各)(?:是|为|有)?(?:多少|几)"
)


# What is left undone, asked ("还剩几个没整改完", "没调解成功的有多少宗", "未办结的有几件").
_LEFT_ASKED = re.compile(
    r"(?:还)?(?:剩|剩下|余下)(?:几|多少).{0,3}(?:没|未)|^(?:还)?(?:没有?|未)[^，。？?]{1,6}的?(?:还)?(?:有)?(?:多少|几)"
    r"|(?:几|多少)[个件项宗条家名]?(?:没|未)(?!成年)"  # "还有几个没改完"
    r"|(?:没有?|未)(?!成年|来)[^，。？?]{1,6}的(?:还)?(?:有)?(?:多少|几)"  # "…诉求没按期办结的有多少件"
)
# How a report says what is left undone ("其余2个正在按计划整改中", "尚未办结3件").
LEFT_SAID = re.compile(r"其余|剩余|剩下|尚未|尚有|仍有|未|没")


def left_asked(question: str) -> bool:
    """Whether a question asks what is left undone ("还有几个没改完？"): the clause saying it answers, not the
    count of all ("发现问题29个")."""
    return bool(_LEFT_ASKED.search(to_simplified(question)))


def _whole_city_asked(
    follow_up: str, base: str, issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str | None:
    """ "全市呢", "全市的纠错率呢" after a question on a district: the last question (or the new thing's) asked of the
    district's city as a whole, which its report gives beside its own ("高于全市97.3%的平均水平"); None otherwise."""
    if not asks_its_city(follow_up, None) or _SHARE_ONLY.fullmatch(follow_up.strip(" ，,。?？")):
        return None  # "占全市比重多少": the district's share of its city, not the city's own figure
    scope = find_scope(base, issuers)
    rest = _WHOLE_CITY_ASKED.sub("", to_simplified(follow_up))
    if len(scope.issuers) == 1 and not is_local(scope.issuers[0]) and scope.places:  # after 湛江市's 赤坎区: the city's
        whole = re.sub("|".join(rf"{re.escape(p)}[区县镇]?的?" for p in scope.places), "", to_simplified(base))
        return _rewrite(rest, whole, issuers, years) if rest.strip(" ，,的呢？?") else whole
    if len(scope.issuers) != 1 or not is_local(scope.issuers[0]):
        return None
    asked = _rewrite(rest, base.replace("全市", ""), issuers, years) if rest.strip(" ，,的呢？?") else base
    asked = _LEVEL_ITSELF.sub(f"{scope.issuers[0]}全市", asked, count=1)  # "全县…" of the city: not "全市全县…"
    if "全市" in asked:
        return asked
    name = next((n for n in (scope.issuers[0], own_name(scope.issuers[0]), stem(scope.issuers[0])) if n in asked), None)
    return asked.replace(name, f"{name}全市", 1) if name else f"全市{asked}"


_WHOLE_CITY_ASKED = re.compile(r"^(?:那么?)?全市的?")


def _refused_last(history: list[dict] | None) -> bool:
    """Whether the last answer of the conversation was the refusal."""
    last = (history or [{}])[-1]
    return last.get("role") == "assistant" and (last.get("content") or "").startswith(REFUSAL)


def _unreported_year_dropped(
    question: str, issuers: list[str], years: Mapping[str, Collection[int]] | None, role: str | None = ""
) -> str:
    """A question without the years its places have no report of: after "那去年呢" about a year with no report (the
    reports do not say), the next follow-up ("免申即享有几项") is of the place's own reports, not of that year again.
    `role`, the section the years are read for when not the question's own (None: no section, as for a new
    question after "25年打算…", which is of no 2025 report)."""
    scope = find_scope(question, issuers)
    if not (scope.years and scope.issuers and years):
        return question
    reported = {y for i in scope.issuers for y in years.get(i, ())}
    role = role_asked(question) if role == "" else role
    if reported & set(report_years(scope.years, role)):  # "2025年打算": the 2024 report's plans
        return question
    return re.sub(rf"(?:{'|'.join(str(y) for y in scope.years)})\s*年度?", "", question)


def _this_compared(question: str, base: str, issuers: list[str]) -> str:
    """A follow-up comparing a thing with the one just asked by a pronoun ("政协提案比这个多，对吧" after "…办理了
    多少件人大建议"), that thing named instead ("政协提案比人大建议多，对吧")."""
    found = _THIS_COMPARED.search(to_simplified(question))
    if not found:
        return question
    pair = things_compared(base, issuers)  # asked again right after its own answer: the other thing of the two
    thing = next((t for t in pair if t not in to_simplified(question)), "") or _thing_of(base, issuers)
    return question.replace(found.group(0), f"比{thing}", 1) if len(thing) >= 2 else question


def _this_against_another(question: str, base: str, issuers: list[str]) -> str:
    """ "这个比兴宁24年的普法活动多多少？" after a count of 成都's ("…一月一主题普法开展了多少场？"): the thing it
    names, of the place and year just asked, against the other place's ("成都市2024年普法活动比兴宁2024年多多少？");
    "" for any other question."""
    found = _THIS_AGAINST.match(to_simplified(question))
    if not found:
        return ""
    other, old = find_scope(found.group(1), issuers), find_scope(base, issuers)
    thing = YEAR_NAMED.sub("", without_places(found.group(1), other, issuers)).strip("的 ")
    if not other.issuers or not old.issuers or other.issuers == old.issuers or len(thing) < 2:
        return ""  # "这个比兴宁多多少": the thing just asked, of the two (`_compares_with`)
    return f"{_scope_said(old)}{thing}比{_scope_said(replace(other, places=[]))}{found.group(2)}"


def _against_a_place(question: str, base: str, issuers: list[str]) -> str:
    """ "跟江门比谁的案卷优秀率高" after a question on 湛江: the thing it names, of the place just asked and the one
    named ("湛江市和江门谁的案卷优秀率高"); "" for any other question (naming no thing: `_compares_with`)."""
    found = _AGAINST_NAMED.match(to_simplified(question).strip())
    if not found:
        return ""
    other, old = find_scope(found.group(1), issuers), find_scope(base, issuers)
    if len(other.issuers) != 1 or len(old.issuers) != 1 or other.issuers == old.issuers:
        return ""
    if not _thing_named(_THESE.sub("", found.group(2))):
        return ""
    return f"{short_name(old.issuers[0])}和{found.group(1)}{found.group(2)}"


# "跟江门比谁的…高", "和成都相比，哪个…多": a place set against the conversation's, then which is more of a thing
_AGAINST_NAMED = re.compile(
    r"^(?:和|跟|与|同)([^，,。？?比]{2,12}?)(?:相)?比(?:较)?(?:一下)?[，,]?([^，,。]*(?:谁|哪个|哪边)[^，,。]*)$"
)
_THIS_AGAINST = re.compile(r"^(?:这个数字?|这个|这|它)(?:要|还)?比([^，,。？?]{3,24}?)((?:多|少|高|低)[^，,。]*)$")
_THIS_COMPARED = re.compile(r"比(?:这个数字?|这个|这|它|那个|刚才那个|刚才的|上面那个)(?=[^，。？?]{0,2}[多少高低])")


def loosely(
    question: str, history: list[dict] | None, issuers: list[str], years: Mapping[str, Collection[int]] | None = None
) -> str | None:
    """A follow-up naming a thing of its own, as its own words in the conversation's place and year: the second
    reading of "法律援助呢" after "…执法队伍精简到多少支了", when the first (the last question's frame, its 多少支,
    with the new thing) finds nothing; a question of its own naming no year ("纠错率是多少？"), in its place's own
    reports when the year it inherited has no report of its own ("上半年呢" stays of that year). None for a
    follow-up naming no thing ("同比呢", "那肇庆呢")."""
    if not history:
        return None
    full = standalone(question, history, issuers, years)
    scope = find_scope(full, issuers)
    reported = {y for i in scope.issuers for y in (years or {}).get(i, ())}
    own, follow_up = find_scope(tidy(question), issuers), is_follow_up(question)  # what the question names itself
    named = own.years or RELATIVE.search(to_simplified(question))  # "去年呢": that year; "24年…" (tidied to 2024年)
    # names one too, and is not dropped for another year's report
    of_a_part = follow_up and YEAR_PART.search(to_simplified(question))  # "上半年呢": of that year
    if scope.issuers and scope.years and not reported & set(scope.years) and not named and not of_a_part:
        return re.sub(rf"(?:{'|'.join(map(str, scope.years))})\s*年度?", "", full)  # "纠错率是多少？" after "上年呢？"
        # (2022's count, read in the 2023 report): of the place's own reports, their years said; "行政许可呢" after
        # a question carrying 2016 (of "2016年行政执法数据") too
    if not follow_up:
        return None
    if own.places:  # "思明区的法援呢": the city's frame asked of its district; the
        return None  # district's own words alone ("思明区法律援助") find its other mentions, no answer
    if asks_its_city(question, None) and any(map(is_local, scope.issuers)):
        return None  # "全市的纠错率呢" after a district: its city's, not the district's (`_whole_city_asked`)
    core = without_places(to_simplified(_FOLLOW_UP.sub("", tidy(question))), scope, issuers)
    core = _WHOLE_PLACE.sub("", _THAT_ONE.sub("", core))  # "广州全市呢": no thing
    core = YEAR_NAMED.sub("", core).strip(" ，,。?？的")
    if NTH_OF_ITS_KIND.fullmatch(core):
        return None  # "第一版呢": another of the series the last question asked of, read so the first time
    if document_named(core):  # "城市绿化条例呢" after "…海岸线保护与利用条例哪天开始施行": the document in the last
        return None  # question's frame, as read the first time; alone, any sentence naming it "answers"
    asked_before = _asked(history)[-1:]
    if (
        _RATE_NAMED.fullmatch(core) and asked_before and change_asked(asked_before[0])
    ):  # "破案率呢？" after "…立案数降了多少？", the
        return re.sub(r"(?:是|有|为)?多少[？?]?$", "同比变化多少？", full)  # rate given only as its change
    thing = re.sub(r"[\u4e00-\u9fff]{2}率", "", _ASKS_CAUSE.sub("", core))  # "原因是什么", "满意率呢": of the last
    named = _noun_run(thing) or part_acts(thing) or money_measured(thing)  # "罚没款多少": jieba tags 罚没款 a verb
    if not named or _MEASURE_ONLY.fullmatch(thing):  # "主动撤回的呢": an act of its own; "人次呢": a measure, of no
        return None  # thing
    places = [_as_named(place, full) for place in scope.places]  # "思明区", as asked: a district, not its city
    return f"{''.join(scope.issuers + places + [f'{y}年' for y in scope.years])}{core}"


def _as_named(place: str, text: str) -> str:
    """A place found in a text with the kind the text names it by ("思明" of "思明区…" → 思明区)."""
    named = re.search(f"{re.escape(place)}({_PLACE_KINDS})", text)
    return f"{place}{named.group(1)}" if named else place


def _latest_said(question: str) -> str:
    """ "今年广州…", "广州去年…", naming no year: the asker's now (a report is read the year after the one it
    covers), which the latest report answers, its year said. Left out, so a 2017 article's own "今年" does
    not pull it in. A relative year with a month ("今年5月…") or quoted is the article's words; one after
    比/较 is a change's base."""
    if find_scope(question, []).years or _QUOTED.search(question) or RELATIVE_YEAR_ASKED.search(question):
        return question  # "文章里说的今年是哪一年": the word is what is asked about
    for found in reversed(relative_dates(question, 0)):
        after = question[found.end :]
        if found.word in _NOW and not _AGAINST.search(question[: found.start]) and not _DATED.match(after):
            question = question[: found.start] + after.lstrip("的")
    return question


_THIS_YEAR = frozenset({"今年", "今年度", "本年", "本年度"})
_NOW = _THIS_YEAR | {"去年", "去年度"}
_DATED = re.compile(rf"\s*(?:\d|[{NUMERALS}]+月|以来|同期|上半年|下半年|年初|年底)")


def _latest_year(scope: Scope, years: Mapping[str, Collection[int]] | None) -> int | None:
    """The year of the latest report of the one body a scope names, if it names one: the year a question naming
    none is answered of."""
    reported = (years or {}).get(scope.issuers[0], ()) if len(scope.issuers) == 1 else ()
    return max(reported, default=None)


def _year_before_said(question: str, issuers: list[str], years: Mapping[str, Collection[int]] | None) -> str:
    """ "南海区…上年是多少？", naming no year: 上年 as the reports say it, the year before the body's latest report
    (2023 of its 2024 report), not a change's base ("较上年下降…") nor a year of the calendar."""
    scope = find_scope(question, issuers)
    latest = _latest_year(scope, years)
    if scope.years or not latest:
        return question
    for found in relative_dates(question, latest):
        if found.word in ("上年", "上一年") and not _AGAINST.search(question[: found.start]):
            return f"{question[: found.start]}{found.year}年{question[found.end :]}"
    return question


def _without_item(question: str) -> str:
    """A question about a list without the item it asked ("…有哪些，第三条？", "第五条不足是什么"): the list, of
    which another is asked; the section it names after the item (不足) stays."""
    return _ITEM_PLACE.sub("", question, count=1).rstrip("，,？? 的")


_ITEM_PLACE = re.compile(rf"第(?:[{NUMERALS}]|\d{{1,2}})(?:条|项|点|个)")
_FIRST_ITEMS = re.compile(rf"前(?:[两{NUMERALS}]|\d{{1,2}})(?:条|项|点|个)")  # "前两条是啥"


def _dated_by_its_report(
    question: str, before: str, issuers: list[str], years: Mapping[str, Collection[int]] | None
) -> str:
    """A question naming districts of the report the conversation is on, and a year by 去年 or 今年 ("湖里和思明去年
    谁调解的纠纷多？" after a question on 厦门's 2019 article): the year said, as that report's 去年 (2018), and the
    report's place before them; the question keeps no other word of the conversation, naming its own places."""
    named, old = find_scope(question, issuers), find_scope(before, issuers)
    anchor = _latest_year(old, years)
    if named.issuers or not named.places or named.years or not anchor:
        return question
    relative = _relative_asked(question, anchor)
    if not relative:
        return question
    dated = _dated(question, relative[0])
    return f"{old.issuers[0]}{dated}" if len(old.issuers) == 1 else dated  # whose report the year is read in


def _relative_asked(text: str, anchor: int | None) -> list[RelativeDate]:
    """The relative years a text asks of, read against `anchor` ("去年呢": the year before it), not one a change is
    measured against ("较上年下降多少"); none without an anchor."""
    return [r for r in relative_dates(text, anchor) if not _AGAINST.search(text[: r.start])] if anchor else []


def _dated(text: str, relative: RelativeDate) -> str:
    """A text with a relative year it names written as the year it reads as ("上年的败诉率" → "2022年的败诉率")."""
    return f"{text[: relative.start]}{relative.year}年{text[relative.end :]}"


def _place_named_back(question: str, previous: list[str], issuers: list[str]) -> str:
    """ "回到刚才那个区": the place of that kind the conversation asked about before the one it is on now, by name
    ("回到南海区"), so the follow-up is of it and not of the last place."""
    back = _PLACE_BEFORE.search(question)
    if not back:  # before reading every earlier turn's places: most questions name none back
        return question
    places = [i for q in previous[-_TURNS:] for i in find_scope(q, issuers).issuers]
    if not places:
        return question
    kind = back.group(1)[-1] if back.group(1)[-1] in "区县市" else ""
    earlier = [p for p in places if p != places[-1] and p.endswith(kind)]
    return question.replace(back.group(0), f"回到{short_name(earlier[-1])}", 1) if earlier else question


def _two_places_named_back(question: str, previous: list[str], issuers: list[str]) -> str:
    """ "两个区哪个调解的多？": the last two districts the conversation asked about, by name ("湖里区和思明区哪个…"),
    when they are not reports of their own (two reports asked are compared as such, `_compared`)."""
    if bodies := _BOTH_BODIES.search(to_simplified(question)):  # "两边裁量基准文件各修订了多少份？": the last two
        scopes = [find_scope(q, issuers) for q in reversed(previous[-_TURNS:])]  # the last turns first
        named = [n for scope in scopes for n in reversed(_bodies_asked(scope))]  # asked of, reports' or not
        if "市" in bodies.group(0):  # "两个市": two cities reporting, not a county-level city asked of on the way
            reporting = [n for scope in scopes for n in reversed(_bodies_asked(replace(scope, places=[])))]
            named = reporting if len(set(reporting)) >= 2 else named
        last = list(dict.fromkeys(named))[:2]
        if len(last) < 2:
            return question
        return f"{question[: bodies.start()]}{'和'.join(reversed(last))}{question[bodies.end() :]}"
    both = _TWO_PLACES.search(to_simplified(question))
    if not both:
        return question
    places = [p for q in reversed(previous[-_TURNS:]) for p in reversed(find_scope(q, issuers).places)]
    named = list(dict.fromkeys(places))[:2]
    if len(named) < 2:
        return question
    kind = both.group(1)[-1]
    written = [p if p[-1] in "区县市镇" else f"{p}{kind}" for p in reversed(named)]  # in the order asked
    return f"{question[: both.start()]}{'和'.join(written)}{question[both.end() :]}"


_TWO_PLACES = re.compile(r"(?:这)?(?:两|二)个?(区|县|镇|街道)")
# The two places asked about, by a word for both, a figure asked of each or which is more ("两边…各修订了多少份",
# "两地分别…", "两边兑现的钱哪个多", "两个市谁的…高", "两个的…各多少件").
_BOTH_BODIES = re.compile(
    r"(?:这)?(?:两边|两地|两个地方|两个?(?:城)?市(?!级)|两个(?=的))(?:的)?(?=[^？?]*(?:各|分别|哪个|哪边|谁))"
)


def _bodies_asked(scope: Scope) -> list[str]:
    """The bodies a question's scope names, reports' or not, in its order."""
    return [short_name(issuer) for issuer in scope.issuers] + scope.places


def _its_city_named(question: str, issuers: list[str]) -> str:
    """ "绵阳全市…收到多少": a city no report is of, named, whose one district's report gives the city's figures
    beside its own ("全市各级行政复议机构共收到…1203件"): asked as that report's 全市 ("绵阳市涪城区全市…")."""
    scope = find_scope(question, issuers)
    if len(scope.places) > 1:  # "绵阳市游仙区…": another district of the city, with no report of its own
        return question
    for place in scope.places:
        of_it = {i for i in issuers if stem(its_city(i) or "") == place}
        if of_it and SHARE_OF_ITS_CITY.search(to_simplified(question)):  # "区里的…占惠州全市多大比例": the share
            return re.sub(rf"占{re.escape(place)}市?(?=全市)", "占", to_simplified(question))  # of "占全市多大比例"
        if len(of_it) == 1 and (named := re.search(rf"{re.escape(place)}市?(?:全市)?", to_simplified(question))):
            return to_simplified(question).replace(named.group(0), f"{next(iter(of_it))}全市", 1)
    return question


# "回到刚才那个区", "刚才那个城市呢": a place asked about earlier in the conversation, named by its kind.
_PLACE_BEFORE = re.compile(r"(?:回到|还是|再看)?(?:刚才|前面|之前|上面|原来)(?:的|那个|那)(区|县|市|城市|地方)")


def _item_named(question: str, history: list[dict] | None, issuers: list[str]) -> str:
    """A question about the one shortcoming the last answer told ("针对这个问题下一步打算怎么做？" after "第二条具体讲
    的是什么？"), with that shortcoming's headline in place of "这个问题", and the answer's place where the question
    names none ("2025年针对这个问题…"): that report's item on it in next year's plans answers."""
    fixed = _HOW_FIXED.fullmatch(question.strip())  # "怎么解决" after one shortcoming told: of that one
    this = _THIS_ITEM.search(question)
    said = next((t.get("content") or "" for t in reversed(history or []) if t.get("role") == "assistant"), "")
    told = _ONE_ITEM_TOLD.search(to_simplified(said)) if this or fixed else None
    if fixed and told:
        question = f"针对这个问题下一步{question.strip()}"
        this = _THIS_ITEM.search(question)
    if not this or not told:
        return question
    named = question.replace(this.group(0), f"“{told.group(2)}”", 1)
    scope = find_scope(question, issuers)
    return named if scope.issuers or scope.places else f"{told.group(1)}{named}"


# How it is to be put right, asked of nothing named ("怎么解决？", "那打算如何改进呢").
_HOW_FIXED = re.compile(
    r"(?:那么?)?(?:打算|准备|计划)?(?:怎么|如何|怎样)(?:解决|改进|整改|改善|应对|办)(?:呢|的)?[？?]?"
)
_THIS_ITEM = re.compile(
    r"这个问题|这一问题|该问题|这个不足|这一不足|这个短板|这方面的?问题|这个(?=[？?]?$)|这一点|这一?条|这一?项"
)
# An answer telling one shortcoming, as `facts` words it ("南海区2024年度报告所列不足：HEADLINE：what it says" or
# "…所列不足：HEADLINE，what it says"), not a list ("一是…；二是…"): its place and the shortcoming's headline.
_ONE_ITEM_TOLD = re.compile(
    r"^(\S{2,12}?)(?:\d{4}年度?)?报告所列不足(?:：|共\d+项，第\d+项：)(?!一是|（一）|\(一\))([^：，,；。\[]{4,40})[：，,；。\[]"
)


def _item_by_its_topic(question: str, history: list[dict] | None) -> str:
    """An item of the list the last answer gave, asked by its topic ("其中执法那条具体说了啥？", "营商环境那条呢？"
    after "一是…；二是…"), asked by its place in the list ("第四条具体说了啥？"), which the list's question answers;
    unchanged when the topic names no one item."""
    asked = _ITEM_BY_TOPIC.search(to_simplified(question))
    if not asked:
        return question
    lists = (_LIST_TOLD.findall(to_simplified(t.get("content") or "")) for t in reversed(history or []))
    heads = next((heads for heads in lists if len(heads) >= 2), [])  # the last list told, an item told since
    topic = [w for w in tokenize(asked.group(1)) if len(w) >= 2]
    named = [i for i, head in enumerate(heads, 1) if topic and all(w in head for w in topic)]
    if len(heads) < 2 or len(named) != 1:
        return question
    return f"{question[: asked.start(1)]}第{named[0]}条{question[asked.end() :]}"


_LIST_TOLD = re.compile(rf"(?<=[{NUMERALS}]是)[^；。\[]+")  # "一是…；二是…": each item's headline
# An item asked by its topic: "其中执法那条", "关于营商环境的那一条", "监督这项".
_ITEM_BY_TOPIC = re.compile(r"(?:其中|关于)?([^，,。？?！!、]{2,10}?)的?(?:那|这)一?(?:条|项|点)")


def _counted_before(question: str, previous: list[str], start: int) -> int | None:
    """Of a follow-up asking a count again of another place ("肇庆呢，有几项？"), the last full question asking a
    count in that unit, when the last full question asks none (a name, a date asked since): None otherwise."""
    unit = _ASKS_UNIT.search(to_simplified(question))
    if not unit or not _THEN_ASKS.search(question):
        return None
    asked = unit.group(1) or unit.group(2)

    def counts(text: str) -> bool:
        found = _ASKS_UNIT.search(to_simplified(text))
        return bool(found) and (found.group(1) or found.group(2)) == asked

    if counts(previous[start]):
        return None
    return next((i for i in range(start - 1, max(start - _TURNS, -1), -1) if counts(previous[i])), None)


def _counted_so_before(question: str, previous: list[str]) -> int | None:
    """Of a follow-up naming no thing that asks a count of what a counter counts ("下一步要扩到多少个领域？"), the
    full question asking that same count ("…清单覆盖多少个领域、多少项事项？") when turns since asked other things:
    it is of that question's thing, not of the last turn's ("全年不予处罚了多少件"). None when the last turns ask it,
    or none did."""
    asked = _COUNT_OF.search(to_simplified(question))
    if not asked or names_a_thing(_COUNT_OF.sub("", to_simplified(question))):
        return None

    def counts(text: str) -> bool:
        return asked.group(0) in [m.group(0) for m in _COUNT_OF.finditer(to_simplified(text))]

    last = next((i for i in range(len(previous) - 1, max(len(previous) - _TURNS, -1), -1) if counts(previous[i])), None)
    return last if last is not None and last < len(previous) - 1 else None


# A count asked of what its counter counts ("多少个领域", "几家企业"): the words after the counter name it.
_COUNT_OF = re.compile(rf"(?:多少|几)(?:{_COUNTERS})([{CJK}]{{2}})")


def _two_things_of(core: str, base: str, earlier: str, issuers: list[str]) -> str | None:
    """ "两者相差多少？" after two questions of one place on two things: both things asked together."""
    if not earlier or find_scope(earlier, issuers) != find_scope(base, issuers):
        return None
    now, before = _thing_of(base, issuers), _thing_of(earlier, issuers)
    if len(now) < 2 or len(before) < 2 or now == before or now not in to_simplified(base):
        return None
    which = _what_is_compared(core, "哪个更多")  # "加起来多少": their sum
    return f"{to_simplified(base).strip(' ？?').replace(now, f'{before}和{now}', 1)}，{which}？"


_TWO_OF_ITS_OWN = re.compile(rf"^(?:那么?)?[{CJK}]{{2,6}}(?:和|与|跟)[{CJK}]{{2,6}}?(?:{SUM_ASKED.pattern}|相差|差)")


def _what_is_compared(core: str, otherwise: str) -> str:
    """What a comparison follow-up asks of the things it compares: what it says ("相差多少", "是…的几倍"), their
    sum ("加起来多少": 合计多少), else `otherwise` (which is more)."""
    if _ASKS_COMPARISON.search(core) or DIFFERENCE_ASKED.search(core) or RATIO_ASKED.search(core):
        return core
    if SHARE_OF_ASKED.search(core) or most_claimed(core):  # "南海是肇庆的百分之几", "韶关最高，对吧"
        return core
    return "合计多少" if SUM_ASKED.search(core) else otherwise


def _as_history(questions: list[str], refused: Collection[int] = ()) -> list[dict]:
    """Earlier questions as the history of one of them: its last few turns, so that rewriting a question
    asked after thousands goes back only a few levels; those `refused` (by index) with the refusal after them,
    which tells that a year asked had no report (`_refused_last`)."""
    turns: list[dict] = []
    for i in range(max(len(questions) - 2 * _TURNS, 0), len(questions)):
        turns.append({"role": "user", "content": questions[i]})
        turns += [{"role": "assistant", "content": REFUSAL}] if i in refused else []
    return turns


def _refused_turns(history: list[dict] | None) -> set[int]:
    """The asker's turns (by their index in `_asked`) that the refusal answered."""
    refused, at = set(), -1
    for turn in history or []:
        if turn.get("role") == "user" and turn.get("content"):
            at += 1
        elif turn.get("role") == "assistant" and at >= 0 and (turn.get("content") or "").startswith(REFUSAL):
            refused.add(at)
    return refused


# A follow-up asking which of the places asked about is larger, naming no thing of its own: "两者哪个多？",
# "哪个更高？", "和成都比呢？".
_THESE = re.compile(
    r"^(?:两者|二者|两地|两边|两市|两区|两个|这两个?|它们|他们|三者|三地"
    r"|(?:这)?[两三四五几]个(?:地方|城市|地区|区|市)?(?:里|中|之中|当中)?)(?:的)?"
)


def _thing_named(core: str) -> str:
    """The thing a comparison follow-up names, its measures aside (增幅, 比例, a rate named alone, "哪个成功率高",
    are no things: the rate is compared, of the thing asked before)."""
    return _noun_run(_RATE_NAMED.sub("", _MEASURE_WORDS.sub("", core)))


# More or fewer asked ("哪个多", "谁少"): of counts; a rate is higher or lower.
_MORE_OR_FEWER = re.compile(r"多|少")
# The measure compared ("两者增幅相差多少", "占…的比例"), which is no thing of its own.
_MEASURE_WORDS = re.compile(r"增幅|降幅|增速|增量|幅度|增长率|比例|比重|百分比")
_BARE_CHANGE = re.compile(r"同比|环比")  # a change asked by its base alone ("同比呢？")
# "加上广州，…哪个最多？": the places asked about and the one named, not the last one and it.
_ADDED = re.compile(r"^(?:再)?(?:加上|算上|包括|连同)")
# A comparison, difference, ratio or sum ("三地合计多少？", "一共多少？") asked of what was asked before.
_ASKS_WHICH = re.compile(
    rf"{_ASKS_COMPARISON.pattern}|{DIFFERENCE_ASKED.pattern}|(?:和|跟|与|同).{{1,8}}比|哪个多|谁多|{SUM_ASKED.pattern}"
    rf"|{RATIO_ASKED.pattern}|{SHARE_OF_ASKED.pattern}|{_MOST_ASKED_BACK}"
)


_AGAINST_A_YEAR = re.compile(r"^(?:和|跟|与|同)(?:上一?年|去年|前年|上年度|(?:19|20)\d{2}年)(?:相)?比")


# "那南海呢，哪两个…": a place, then a question of its own about it.
_PLACE_THEN = re.compile(r"^(?:那|那么)?([^，,？?]{2,8})呢[，,](.{4,})$")
# "它那个获评…的项目": the place's own thing, described whole after it.
_THAT_ONE_OF_IT = re.compile(r"^(?:那个|那项|那一个)(?=[^，,？?]{6,})")
_UNITS_ONLY = "计量单位一样吗"  # how a follow-up asking whether two figures compare asks it, naming no thing


def _compared(question: str, base: str, asked: list[str], issuers: list[str], earlier: str = "") -> str | None:
    """A follow-up asking which is larger, as the last question's thing asked of every body the conversation
    asked about (and any the follow-up names) side by side, each by its latest report; of one body, the things
    of its last two questions ("政协提案呢？" … "两者相差多少？"); None for any other follow-up."""
    core = to_simplified(_FOLLOW_UP.sub("", question.strip())).strip(" ，,。?？")
    added = _ADDED.match(core)
    core = core[added.end() :] if added else core
    new = find_scope(core, issuers)
    for name in _names_in(core, new.issuers, issuers) if added else []:  # "加上广州，三个城市里哪个最多"
        core = core.replace(name, "", 1).lstrip(" ，,")
    core = _THESE.sub("", core)
    if _DAYS_APART.fullmatch(core) and earlier and _of_the_report(base) and _of_the_report(earlier):
        return f"{to_simplified(earlier).strip(' ？?')}，{to_simplified(base).strip(' ？?')}呢，{core}？"  # two dates
    if _SHARE_OF_IT.match(core) and not (new.issuers or new.places or _SHARE_ONLY.fullmatch(core)):  # "占收到的比例"
        # after "…审结了多少"; "占多大比例" names no whole: of the counts just given (`_new_topic`)
        return f"{_scope_said(find_scope(base, issuers))}{_last_thing(base, issuers)}{core}？"
    if UNITS_ASKED.search(core):  # "这两个数单位一样吗，能直接比吗？": the figures just given, their units
        core = _UNITS_ONLY
    unplaced = without_places(GAP_ASKED.sub("", UNITS_ASKED.sub("一样", core)), new, issuers)  # "跟信丰比哪个多": 信丰
    # is no thing (nz)
    if not _ASKS_WHICH.search(core) or _thing_named(unplaced) or _AGAINST_A_YEAR.match(core):
        return None  # "和上年比有什么变化": the change of the last question's thing, no other place's
    if _TWO_OF_ITS_OWN.match(unplaced):  # "那修改和废止一共多少" names two of its own (acts jieba tags as verbs):
        return None  # neither the two things nor the places asked before
    if role_asked(core):  # "不足总共几条": the section's items counted, not the last things summed
        return None
    old = find_scope(base, issuers)
    # "和肇庆比呢？": the place asked last beside the one named; "哪个最多？": every place asked about
    named = _in_text_order(core, new.issuers, issuers) if len(new.issuers) > 1 else None  # "汕头是兴宁的几倍"
    named = named or ([*old.issuers, *new.issuers] if new.issuers else asked)
    named = [*asked, *new.issuers] if added else named
    bodies = list(dict.fromkeys(named))
    if len(bodies) < 2:
        return _two_things_of(core, base, earlier, issuers)
    topic = without_places(to_simplified(base), old, issuers)
    topic = re.sub(r"^[和与及、的\s]+", "", YEAR_NAMED.sub("", topic)).strip(" ，,。?？的")  # "A和B的…" named before
    if _ASKS_CHANGE.search(core):  # "哪个同比增长更快？" after counts: the changes compared, not the counts
        topic = _without_count(topic).strip(" ，,。?？的")
    topic = _the_part_compared(topic, core)
    if (rate := _RATE_NAMED.search(core)) and rate.group(0) not in topic:  # "南海的败诉率也比肇庆低，对吧": its own
        topic = rate.group(0)
    elif (
        (rate := _RATE_NAMED.search(topic))
        and _MORE_OR_FEWER.search(core.replace("多少", ""))
        and not _ASKS_CHANGE.search(core)  # "哪个降得多": the rate's changes
    ):  # "跟广州比哪个多" after a rate: the counts compared (a rate is higher, not more)
        topic = f"{re.sub(rf'的?{rate.group(0)}(?:是|为|有)?(?:多少)?', '', topic)}多少"
    claims_most = most_claimed(core) is not None  # "所以韶关最高，对吧": the claim kept, 韶关 in it
    for name in _names_in(core, new.issuers, issuers) if (len(new.issuers) < 2 or added) and not claims_most else []:
        core = core.replace(name, "")  # "和肇庆比呢"; two places named keep their order ("南海比肇庆高，对吧")
    core = re.sub(r"^(?:和|跟|与|同)(?:相)?比[，,]?", "", core)  # "跟广州比哪个多": its place gone, "跟比" goes too
    which = _what_is_compared(core, "哪个更高" if Intent.of(topic).rate else "哪个更多")
    first = tagged(topic)[0][1] if topic else ""
    return f"{'和'.join(bodies)}{'' if first.startswith('v') else '的'}{topic}，{which.strip(' ，,的')}？"


def _the_part_compared(topic: str, core: str) -> str:
    """Of a question asking several things in turn ("普法活动多少场？受众多少"), the one a comparison names ("哪个受众
    多"), with the thing the first part names ("普法活动受众多少"); the question as it is when it names none or
    several."""
    parts = asks(topic)
    named = [i for i, part in enumerate(parts) if len(thing := _without_count(part)) >= 2 and thing in core]
    if len(parts) < 2 or len(named) != 1:
        return topic
    return parts[0] if not named[0] else f"{_without_count(parts[0])}{parts[named[0]]}"


# "它的…" of a report just asked about: its place names it.
_ITS = re.compile(r"^(?:它的|它|其|该报告的?)")
# A quoted name with the kind of thing it names ("“穗好办”APP", "“粤智助”终端"): what "它的…" asks of.
_NAME_WITH_ITS_KIND = re.compile(
    rf"[“「][^”」]{{1,20}}[”」](?:[A-Za-z]+|[{CJK}]{{0,4}}?(?:平台|系统|热线|终端|中心|APP))?"
)
# "这个…", "它…": the figure or thing just asked ("其中" is a part of it, `_in_scope_of`).
_THIS = re.compile(r"^(?:这个数字?|这个数据|这个比例|这个|该数字?|它|其(?!中)|这(?=是))(?!是哪|为哪)")
_AGENT_OF_THIS = re.compile(  # "这是哪个部门做的？", "是哪个机构评的": who did what was just asked
    rf"^(?:这项工作|这件事|这项|这个|这|它|该项?)(?=(?:是|由|归)?(?:{AGENT_ASKED.pattern}))|^(?=[是由](?:{AGENT_ASKED.pattern}))"
)
_YEAR_OF_THIS = re.compile(
    r"^(?:这个?|该|上述|这些|以上|它|(?:刚才|前面|上面|之前)(?:说|提到?|讲|给)?的(?:第[一二两三]个)?)"
    r"(?:[\d.]+[万亿]?[^\d\s，,。？?是]{0,3})?"  # "这个30个是哪一年的数"
    r"(?:数字|数据|数值|数|figure)?(?:是|为)?(?:(?:哪一?年|什么时候)(?:的|报告)|(?:19|20)\d{2}年度?的(?:数字|数据|数)?(?:吗|吧))"
)  # "刚才说的第一个数字是哪一年的？", "这些是2024年的数据吗？": of the conversation's report too
# An article named by a question ("法治广州那篇新闻里…", "广州日报的报道中…"): a place has a report and articles.
_ARTICLE_NAMED = re.compile(r"^[^，。？?]*?(?:新闻|报道|文章)")
# "韶关有没有类似做法": the thing just asked about, of the place it names.
_SIMILAR = re.compile(r"类似的?(?:做法|举措|制度|措施|工作|情况)|同样的做法|这样的做法")
# Which is most or more, asked of places unnamed ("哪个地方…最多", "哪里…更高"); not 最多跑一次, a reform's name.
# Every place asked of, none named ("各地的出庭应诉率分别是多少"): each report answers for its own.
_ALL_PLACES = re.compile(r"各地|各个?(?:城市|地方|地区)|每个(?:城市|地方|地区)|所有(?:城市|地方|地区)")
_MOST = re.compile(r"[最更](?:多|高|少|低|快|慢|大|小)(?!跑)")
_ASKS_PLACE = re.compile(  # not the end of a place named ("惠阳区哪个村获评…": which village, of 惠阳区)
    r"(?:城市|地方|地区)(?:是|为)?哪(?:个|座|里)|[市区县](?:是|为)哪(?:个|座|里)|哪(?:个|座)(?:城市|地方|地区|[市区县])|哪里"
)


# Which of a report's own districts, counties or towns is first in something ("湛江…哪个区县受理的行政复议申请最多"):
# said by a sentence ranking one ("赤坎区受理…312件，居全市各县（市、区）首位"), not by any district's figure.
_WHICH_PART = re.compile(r"哪一?个(?:区县|县区|县市区|县（市、区）|县级市|区|县|镇街|镇|街道|乡镇)")
FIRST_SAID = re.compile(r"首位|居首|末位|(?:排名|排|居|位居|位列)第一|最[多高大少低快慢]")


def part_first_asked(question: str) -> list[str]:
    """The words asking which of a place's parts is first ("哪个区县", "最多"), or none: no words of the sentence
    answering, which says its first by a rank ("居…首位")."""
    text = to_simplified(question)
    which = _WHICH_PART.search(text)
    most = _MOST.search(text, which.end()) if which else None
    return [which.group(0), most.group(0)] if which and most else []


def place_of_what(question: str) -> str:
    """What a question asks the place of ("全国首个企业合规体检中心在哪个城市？" → 全国首个企业合规体检中心), or "":
    the words a sentence answering it must say, since only the place is left to find."""
    text = to_simplified(question)
    found = _ASKS_PLACE.search(text)
    if not found:
        return ""
    rest = YEAR_NAMED.sub("", f"{text[: found.start()]}{text[found.end() :]}")  # no sentence says the year asked
    rest = max(re.split(r"[，,]", rest), key=len)  # "…设立了行政复议受理点，在哪里设立的": the clause naming it
    return re.sub(r"^(?:在|是|为|有)|(?:的|在|是|为|呢|？|\?|。)+$", "", rest.strip())


def document_named(question: str) -> list[str]:
    """The words a question names a law or other document by, before its kind ("湛江城市绿化条例哪天起施行":
    城市绿化; "珠玑古巷那个条例": 珠玑古巷), its place and year aside; [] when it names none."""
    text = to_simplified(question)
    kind = re.search("|".join(_DOCUMENT_KINDS), text)
    if not kind:
        return []
    before = re.split(r"[，,。？?]|的|里", text[: kind.start()])[-1]  # "那篇报道里的重大行政决策程序规定": its name
    before = re.sub(r"那个|这个|那部|这部|该", "", _without_scope(before))
    return [w for w in tokenize(before) if len(w) >= 2 and not _ASK_WORDS.fullmatch(w)]


def _of_the_document(question: str, pronoun: re.Match, earlier: str) -> str:
    """ "这个条例…" after a question naming one ("广州市依法行政条例里行政补偿是怎么规定的？"): asked of the law by its
    name, its words before the kind (`_DOCUMENT_KINDS`) that jieba tags as nouns; "" when the follow-up names no
    kind of document, or the question before names none of that kind."""
    rest = to_simplified(question)[pronoun.end() :]
    kind = next((k for k in _DOCUMENT_KINDS if rest.startswith(k)), None)
    pairs = tagged(to_simplified(earlier))
    at = next((i for i, (word, _) in enumerate(pairs) if word == kind), None) if kind else None
    if not at:
        return ""
    start = at
    while start > 0 and len(pairs[start - 1][0]) >= 2 and pairs[start - 1][1][:1] in ("n", "l", "j"):
        start -= 1  # "依法行政" (n), "广州市" (ns)
    name = "".join(word for word, _ in pairs[start : at + 1])
    return f"{name}{rest[len(kind) :]}" if start < at else ""


def _awarded_by_its_city(question: str, named: Scope, old: Scope) -> bool:
    """Whether the one city a question names is only the body giving an honour ("哪两个镇街评上了广州市第二批法治
    镇街？" after a question on 花都区, a district of 广州市): the conversation's district is still asked of, as
    `find_scope` reads "花都区…获评广州市…". The city may have no report of its own ("哪个街道获评梅州市法治镇街"
    after a question on 兴宁, of 梅州市): a place named, not a body."""
    cities = named.places if not named.issuers else [] if named.places else named.issuers
    if len(cities) != 1 or len(old.issuers) != 1:
        return False
    city, own = cities[0], old.issuers[0]
    won = HONOUR_WON.search(to_simplified(question))
    return own != city and own.startswith(city) and bool(won) and won.group(1).startswith(stem(city))


def _its_own_level(question: str, named: Scope, old: Scope, issuers: list[str]) -> bool:
    """Whether a question names its bodies only by a level ("全区…", read as every district's report by
    `_of_the_level_asked`) that the conversation's one body is of: that body is asked."""
    text = to_simplified(question)
    if len(old.issuers) != 1 or named.places or not named.issuers:
        return False
    return old.issuers[0] in named.issuers and named.issuers == _of_the_level_asked(text, issuers)


def _which_of_its_parts(question: str, named: Scope, old: Scope) -> bool:
    """Whether a question naming no place asks which of the conversation's one place's parts did something: a
    district or county of a city, a town or street of either. Asked alone, "哪个区…" is of any report."""
    which = _WHICH_PART.search(to_simplified(question))
    if not which or named.issuers or named.places or len(old.issuers) != 1:
        return False
    return not is_local(old.issuers[0]) or bool(re.search("镇|街|乡", which.group(0)))


def _in_scope_of(question: str, earlier: str, issuers: list[str]) -> str:
    """A new question naming no place or year stays where the conversation is ("其中调解成功了几宗？" after a
    question on 韶关市2024年): it inherits the earlier question's bodies and years; a count of no thing after a
    rate or change asked ("调解了多少宗？" after "…人民调解成功率是多少？") inherits the thing too (a count after a
    count is of a part of it, "其中…", and the earlier count's clause answers it)."""
    if CATALOGUE_ASKED.search(_unquoted(to_simplified(question))):
        return question  # "一共有几份报告？": the archive's, whatever place the conversation is about
    located = _THIS.match(to_simplified(question)) and LOCATION_ASKED.search(to_simplified(question))
    if (similar := _SIMILAR.search(question)) and (thing := _named_or_noun(earlier)):
        return question.replace(similar.group(0), thing, 1)  # "成都有没有类似做法" after "“综合查一次”…"
    named = find_scope(question, issuers)
    old = find_scope(earlier, issuers)
    first = re.split(r"[？?]", to_simplified(question))[0]  # "广州这个30个是哪一年的数？" after 广州's count: its year
    if old.issuers and find_scope(first, issuers).issuers == old.issuers and _YEAR_OF_THIS.match(_without_scope(first)):
        question, named = f"{_without_scope(first)}？", Scope()
    part = PART_OF.match(to_simplified(question))
    district = named.places and re.search(rf"{re.escape(named.places[0])}[区县]", to_simplified(question))
    of_a_city = len(old.issuers) == 1 and not is_local(old.issuers[0])
    town = named.places and re.search(rf"{re.escape(named.places[0])}(?:镇|乡|街道)", to_simplified(question))
    if named.places and not named.issuers and (part or district and of_a_city or town and len(old.issuers) == 1):
        year = "" if named.years else "".join(f"{y}年" for y in old.years[:1])  # "赤坎区的纠错率是多少？": a
        asked = to_simplified(question)[part.end() if part else 0 :]  # district of the city asked about
        if part and _ONLY_ASKS.fullmatch(_without_scope(asked).strip(" ？?")):  # "其中台山多少": the count asked
            place = re.sub(rf"{_ONLY_ASKS.pattern}[？?\s]*$", "", asked)  # before, of that place
            asked = f"{place}{_without_scope(to_simplified(earlier))}"
        return f"{''.join(old.issuers)}{year}{asked}"
    if part_first_asked(question) and not (named.issuers or named.places) and old.issuers:
        return f"{_scope_said(old)}{_noun_run(to_simplified(earlier))}{question}"  # "哪个区县受理最多？": of its parts
    if _awarded_by_its_city(question, named, old):
        year = "" if named.years else "".join(f"{y}年" for y in old.years[:1])
        return f"{old.issuers[0]}{year}{question}"
    if also := _also_claimed_of(question, earlier, named, old, issuers):
        return also
    if series := _series_of(question, earlier):  # "第二版覆盖多少领域" after "…首违不罚清单第一版…": that 清单's
        return f"{_scope_said(old)}{series}{question}"
    if (then := _PLACE_THEN.match(question)) and find_scope(then.group(1), issuers).issuers:
        return f"{then.group(1)}{then.group(2)}"  # "那南海呢，哪两个评上了佛山市法治镇街？": a question of 南海
    body = "".join(old.issuers + [f"{y}年" for y in old.years])  # not a town the turn before was on ("狮岭司法所")
    if _its_own_level(question, named, old, issuers):
        return f"{body}{question}"  # "全区公职律师有多少名" after questions on 花都区
    if _which_of_its_parts(question, named, old):
        return f"{body}{question}"  # "哪个区获评全国法治政府建设示范区" after a question on 湛江市
    if named.issuers or named.places or _ASKS_PLACE.search(to_simplified(question)) and not located:
        return question  # it names its own place, or asks which place ("全国首个…的城市是哪个？"; not "出自哪里")
    if claim := _claimed_of(question, earlier, _scope_said(old)):  # "35.6%这么低，没写错吧？": of the thing just asked
        return claim
    if _YEAR_OF_THIS.search(to_simplified(question)) and named.years and old.issuers:  # "这些是2024年的数据吗？"
        return f"{''.join(old.issuers)}{''.join(f'{y}年度' for y in old.years)}报告总结的是哪一年的工作？"
    if named.years and _of_no_thing(question) and (thing := _unchanged(earlier, old, issuers)):
        asked = YEAR_NAMED.sub("", question)  # "上年是多少" after "…败诉率比上年降了多少": that rate, of that year
        return f"{''.join(old.issuers)}{''.join(f'{y}年' for y in named.years)}{thing}{asked}"
    if named.years:  # "2025年打算…": a year of the place the conversation is about
        return f"{''.join(old.issuers)}{_with_its_thing(question, earlier)}"
    if _YEAR_OF_THIS.search(to_simplified(question)) and (article := _ARTICLE_NAMED.match(to_simplified(earlier))):
        return f"{article.group(0)}是哪一年的？"  # of a figure from "法治广州那篇新闻": that article's year
    if _YEAR_OF_THIS.search(to_simplified(question)):  # "这个数字是哪一年的？": the year of the report it came from
        return f"{''.join(old.issuers)}{''.join(f'{y}年度' for y in old.years)}报告总结的是哪一年的工作？"
    relative = _relative_asked(question, old.years[0] if old.years else None)
    if relative:  # "上年的败诉率是多少？": the year before the one asked
        return f"{''.join(old.issuers)}{_dated(question, relative[0])}"
    if question.startswith("其中") and _without_count(earlier):  # "其中调解成功了几宗？": a part of the count asked,
        return f"{earlier.rstrip(' ？?')}，{question}"  # which is asked too: a share asked next is of the two
    if item_asked(question) and not role_asked(question) and role_asked(earlier):
        return f"{_without_item(earlier)}，{question}"  # "第二条具体讲的是什么？" of the list just given
    if mention_asked(question) and not role_asked(question) and role_asked(earlier):
        return f"{_without_item(earlier).rstrip('？?')}，{question}"  # "这些问题里有没有提到…": in that section
    if located:
        return f"{earlier.rstrip('？? ')}，{question}"  # "这个数字出自报告哪一部分？": of the figure just asked
    if (this := _AGENT_OF_THIS.match(to_simplified(question))) and _thing_asked(earlier):
        return f"{_without_count(earlier)}，{question[this.end() :]}"  # "这是哪个部门做的？": who did the last thing
    pronoun = _THIS.match(to_simplified(question))  # "这个…", "它…": what it says of the thing or place before
    rest = question[pronoun.end() :] if pronoun else ""
    if pronoun and role_asked(rest):
        return f"{''.join(old.issuers + [f'{y}年' for y in old.years])}{rest}"  # "它提了哪些不足"
    its = pronoun and rest.startswith("的")
    if its and (name := _NAME_WITH_ITS_KIND.search(to_simplified(earlier))):  # "它的注册用户有多少" after "“穗好办”
        return f"{_scope_said(old)}{name.group(0)}{rest}"  # APP能提供多少项服务": the APP's
    if pronoun and (document := _of_the_document(question, pronoun, earlier)):
        return document  # "这个条例后来修订过没有？": of the law named before, not of what was asked of it
    if pronoun and (that := _THAT_ONE_OF_IT.match(rest)):
        return f"{_scope_said(old)}{rest[that.end() :]}"  # "它那个获评…的项目叫啥": the place's own thing
    if pronoun and _thing_asked(earlier):
        if _ASKS_COUNT.search(rest):  # "它直接纠错了多少件？" after a rate: a count of the rate's thing
            return f"{_thing_asked(earlier)}，{rest}"
        return f"{_without_count(earlier)}{rest}"  # "这个达到100%了吗？": of what was asked before
    of_a_thing = not _of_the_report(earlier)  # after "…报告哪天发布的", "调解了多少纠纷" is of no thing it asked
    when = _ASKS_TIME.search(question)
    itself = _of_the_report(question)  # "这篇是哪天登的": the article's own date, not its thing's
    if (
        of_a_thing
        and when
        and not itself
        and not _noun_run(_ASKS_TIME.sub("", question))
        and (thing := _noun_run(earlier))
    ):
        return f"{''.join(old.issuers)}{thing}{question}"  # "什么时候开始施行" after the 观察期: the 观察期's date
    if of_a_thing and _of_its_thing(question, earlier) and _thing_asked(earlier):  # "调解了多少宗？" after a rate:
        return f"{_thing_asked(earlier)}，{question}"  # 人民调解's count; "受援的有多少人次？" after 法援's: 法援's
    if _things_counted(to_simplified(question).strip(" ？?"), earlier):  # "具体是哪些领域？" after their count
        return f"{_without_count(earlier)}，具体有哪些？"
    # "这份报告什么时候发的" after "那2024年打算…": the report's own year, not the year its plans are for
    of_plans = role_asked(earlier) == "plans" and (itself or role_asked(question) not in (None, "plans"))  # nor
    # "报告里的问题有哪几条" after "25年打算完成哪些立法项目": the report's shortcomings, not 2025's
    # "这篇报道的记者是谁" after "…2018年全年…": an article is dated by its day, not by the years it speaks of
    of_an_article = bool(ARTICLE_ASKED.search(to_simplified(question))) and itself
    scope = "".join(old.issuers + [f"{y}年" for y in ([] if of_plans or of_an_article else old.years)])
    count = _COUNT_OF.search(to_simplified(question))
    if count and count.group(0) in to_simplified(earlier) and (thing := _named_or_noun(earlier)) != count.group(1):
        return f"{scope}{thing}{question}"  # "下一步要扩到多少个领域？" after "“首违不罚”清单覆盖多少个领域": its
    return f"{scope}{question}" if scope else question


def _series_of(question: str, earlier: str) -> str:
    """The name of the series a question opening with one of it ("第二版…") is of, named before another of it in
    the earlier question ("涪城区首违不罚清单第一版…": 首违不罚清单), or ""."""
    nth = NTH_OF_ITS_KIND.match(to_simplified(question))
    other = _one_of_the_series(earlier, nth.group(2)) if nth else None
    name = _without_scope(to_simplified(earlier)[: other.start()]) if other else ""
    return name if 2 <= len(name) <= 12 else ""


def _one_of_the_series(text: str, kind: str) -> re.Match | None:
    """Where a text first names one of a series of `kind` (版, 批…: "第二版"), in its simplified form; None if none."""
    return next((m for m in NTH_OF_ITS_KIND.finditer(to_simplified(text)) if m.group(2) == kind), None)


def _with_its_thing(question: str, earlier: str) -> str:
    """A question naming a year and a word of the earlier question's thing, not the thing ("2024年的排名目标是什么？"
    after "…在全省营商环境评价中排名…"), with the thing put before that word: "2024年的全省营商环境评价排名目标…";
    one naming a year and no thing ("2023年推出了多少项？"), with the thing after its year."""
    text, thing = to_simplified(question), _noun_run(_without_scope(to_simplified(earlier)))
    if _found(_without_scope(text).strip(" ？?")):  # "24年打算走访多少家企业": what a plan acts on, its own thing
        return question
    if thing and _of_no_thing(_without_scope(text)) and (year := YEAR_NAMED.search(text)):
        return f"{text[: year.end()]}{thing}{text[year.end() :]}"  # "2023年推出了多少项？" after "…深惠通办事项…"
    shared = next((w for w, _ in tagged(text) if len(w) >= 2 and w in earlier and w not in _ANY_THING), None)
    before = _without_scope(text).split(shared)[0] if shared else ""
    if not thing or not shared or thing in text or _noun_run(before) or _NAMED.search(before):  # "“穗好办”APP能办"
        return question
    return text.replace(shared, f"{thing}{shared}", 1)


# Words any question may share with the one before without being of its thing.
_ANY_THING = {"多少", "什么", "哪些", "是否", "情况", "工作", "全年", "全市", "全省"}


# A relative year after these is what a change is measured against ("较上年下降多少？"), not the year asked.
_AGAINST = re.compile(r"(?:较|比|同比|与|和|跟)$")


def _after_scope(question: str, scope: Scope, issuers: list[str], place: str) -> str:
    """A question with `place` put after the body and year it names first: "江门2024年收到…" → "江门2024年台山市
    收到…"."""
    names = _names_in(question, scope.issuers, issuers)
    named = re.search(rf"{_as_written(names[0])}(?:\s*(?:19|20)\d{{2}}年度?)?", question) if names else None
    return f"{question[: named.end()]}{place}{question[named.end() :]}" if named else f"{place}{question}"


def _rewrite(question: str, base: str, issuers: list[str], years: Mapping[str, Collection[int]] | None) -> str:
    """`question`, a follow-up to the standalone question `base`, as a standalone question."""
    new, old = find_scope(question, issuers), find_scope(base, issuers)
    core = _FOLLOW_UP.sub("", question.strip()).strip(" ，,。?？")
    if not confirm_asked(core) and (asked := _unclaimed(base)):  # "涪城2024年的处罚案件数呢" after "…才35.6%？帮我
        base = asked  # 确认一下": of the thing claimed, asked, not the claim again
    anchor = old.years[0] if old.years else _latest_year(old, years)  # no year asked: its latest report's
    relative = _relative_asked(core, anchor)
    if not new.years and relative:  # "去年呢？": the year before the one asked about; "今年上半年呢": the asker's now,
        now = to_simplified(relative[0].word) in _THIS_YEAR and _latest_year(old, years)  # its latest report's
        new = replace(new, years=[now or relative[0].year])
        core = core[: relative[0].start] + core[relative[0].end :]
    ahead = [y + 1 for y in old.years[:1]] or [anchor + 1 if anchor else 0]
    if _TARGET_ONLY.fullmatch(core.strip(" ，,的")) and not (new.issuers or new.places) and new.years in ([], ahead):
        return _new_topic(core, base, old)  # "明年目标呢" after a count: the same thing's target, in the plans
    if not (new.issuers or new.places or new.years):
        # "上半年呢": the same question, of that part of its year; "今年上半年呢" of a question of no year, as said
        part = re.fullmatch(rf"(?:{RELATIVE.pattern})?(?:{YEAR_PART.pattern})", core.strip(" ，,的"))
        return _in_part_of_year(base, part.group(0)) if part else _new_topic(core, base, old)
    rewritten = to_simplified(base)
    # a district or a part with no report of its own named after a city's question ("潮阳区的纠错率呢", "其中台山市
    # 呢"): a place in that city's report, asked of it ("那深圳呢": another city, asked of itself)
    within = bool(
        new.places
        and not new.issuers
        and len(old.issuers) == 1
        and not is_local(old.issuers[0])
        and (
            PART_OF.match(to_simplified(core)) or re.search(rf"{re.escape(new.places[0])}[区县镇]", to_simplified(core))
        )
    )
    if within and not old.places:
        rewritten = _after_scope(rewritten, old, issuers, new.places[0])
        rewritten = _WHOLE_PLACE.sub("", rewritten, count=1)  # "全市法律援助…" of the city asked before: the part's
    replacements = [
        (old_names, new_names)
        for old_names, new_names in (
            (
                (old.places if within else _names_in(rewritten, old.issuers, issuers) + old.places),
                [] if within and not old.places else new.issuers + new.places,
            ),
            ([f"{y}年" for y in old.years], [f"{y}年" for y in new.years]),
        )
        if new_names
    ]
    for old_names, new_names in replacements:
        if old_names:  # a place with its 镇 or 县: "大塘埠镇" replaced whole, not leaving 镇 behind
            for extra in old_names[1:]:  # the others first, with the 和 before them ("肇庆市和佛山市南海区…" of 南海)
                rewritten = re.sub(rf"[和与及、跟同]?{_as_written(extra)}", "", rewritten)
            rewritten = re.sub(_as_written(old_names[0]), new_names[0], rewritten, count=1)
        else:
            rewritten = new_names[0] + rewritten
    for name in new.places:  # written with its suffix, as asked ("那禅城区呢", "坭陂镇呢"): a place jieba knows only so
        if suffixed := re.search(rf"{re.escape(name)}{_WRITTEN_KIND}", to_simplified(core)):
            rewritten = re.sub(rf"{re.escape(name)}(?!{_WRITTEN_KIND})", suffixed.group(0), rewritten, count=1)
    if new.issuers and not new.years and years and not all(set(old.years) & set(years.get(i, ())) for i in new.issuers):
        for year in old.years:  # a year the new place did not report on: its own report answers
            rewritten = re.sub(rf"{year}\s*年度?", "", rewritten)
    stated = figure_claimed(core) if confirm_asked(core) else None
    if stated and (was := figure_claimed(rewritten)):  # "那肇庆的呢？是1586件吧": its own figure claimed
        return rewritten.replace(was.text, stated.text, 1)
    aliases = _aliases(issuers)
    if (named := _thing_then_asked(core, new, aliases)) is not None:
        return _own_question(named, new, old, years)  # "南海那边的规范性文件呢，制定了几件？": that thing's
    leftover = re.sub(r"^.*?呢[，,]", "", core) if _THEN_ASKS.search(core) else core  # "肇庆呢，有几项"
    if _ASKS_COUNT.fullmatch(leftover.strip(" ，,？?")):
        if changed := _change_asked_at(rewritten):  # "江门有多少名" after "…比上年增加了多少": a count; "上年是多少"
            # after "…这个比上年高还是低": its figure
            head = to_simplified(rewritten)[: changed.start()].rstrip(" ，,的")
            return f"{re.sub(r'(?:这个数?|这一?数字?|它)$', '', head)}{leftover.strip(' ，,')}"
        leftover = ""  # the ask again, of the same thing
    leftover = _WHOLE_PLACE.sub("", _THAT_ONE.sub("", leftover))  # "花都区那份呢？", "广州全市呢": no thing
    leftover = PART_OF.sub("", leftover.strip()) if within else leftover  # "其中台山市呢": no thing either
    leftover = _without_names_of(leftover, new, aliases)
    for year in new.years:  # with its 度 ("那2023年度的考评排第几": "度的考评" is no thing)
        leftover = re.sub(rf"{year}\s*年度?", "", leftover)
    if part := YEAR_PART.fullmatch(leftover.strip(" ，,的呢？?")):  # "2019年上半年呢？": its year replaced, then
        return _in_part_of_year(rewritten, part.group(0))  # the part said after it
    if len(leftover.strip(" ，,的")) < 2:
        return rewritten
    if ACCOUNT_ASKED.search(to_simplified(core)):  # "那2023年度的考评排第几": that year's assessment, asked whole
        return _own_question(core, new, old, years)
    if _ASKS_WHAT.search(leftover) and (_noun_run(to_simplified(leftover)) or _THING_AFTER_COUNT.search(leftover)):
        return _own_question(core, new, old, years)  # "那2024年报告里广州政府透明度排名第几？": asked whole
    thing = leftover.strip(" ，,的呢？?")
    measured = _ASKS_WHAT.search(thing) or _ASKS_RATE.search(thing) or _ASKS_CHANGE.search(thing)
    if within and _RATE_NAMED.search(thing) and not _ASKS_WHAT.search(thing):  # "潮阳区的纠错率呢": that place's
        place = re.search(rf"{re.escape(new.places[0])}[区县市镇]?", to_simplified(core))
        year = "".join(f"{y}年" for y in (new.years or old.years)[:1])
        return f"{''.join(old.issuers)}{year}{place.group(0) if place else new.places[0]}的{thing}是多少？"
    if (
        _RATE_NAMED.search(thing)
        and not _ASKS_WHAT.search(thing)
        and len(re.findall(f"[{CJK}]", _RATE_NAMED.sub("", thing))) >= 2
    ):
        return _own_question(f"{core.rstrip('呢 ？?')}是多少", new, old, years)  # "涪城的行政诉讼败诉率呢？": its own
    if _SHARE_OF_DONE.fullmatch(thing) and rewritten.rstrip(" ？?").endswith("占比多少"):
        return rewritten  # "兴宁的化解比例呢" after a share of two counts worked out: the same, of 兴宁
    if 2 <= len(thing) <= 12 and not measured and (own := _part_asking(rewritten, thing, issuers)):
        return own  # "江门2024年的罚没款呢" after "…查处违法案件，罚没款多少？": that part, of 江门
    if 2 <= len(thing) <= 12 and not measured and thing in to_simplified(rewritten):
        return rewritten  # "江门的清单呢" after "…应知应会清单涵盖多少部法规": the same thing, of 江门
    if 2 <= len(thing) <= 12 and not measured and (sibling := _sibling_in(to_simplified(rewritten), thing)):
        return to_simplified(rewritten).replace(sibling, thing, 1)  # "那成都跨省通办呢" after 省内通办
    if 2 <= len(thing) <= 12 and not measured and (run := _noun_run(to_simplified(rewritten))):
        return to_simplified(rewritten).replace(run, thing, 1)  # "我问的是南海区的法律援助": that place's thing
    if measured and to_simplified(rewritten).rstrip(" ？?").endswith(to_simplified(thing)):
        return rewritten  # "肇庆比上年降了多少" after "南海…败诉率比上年降了多少": the same question, of 肇庆
    if _RATE_NAMED.fullmatch(thing) and (asked := _thing_asked(rewritten)):  # "23年的成功率呢" after 人民调解's
        return f"{asked.rstrip('了的')}的{thing}是多少？"  # count: its rate, of that year
    rate = _RATE_NAMED.search(to_simplified(rewritten))
    if rate and _ASKS_CHANGE.search(thing) and not _RATE_NAMED.search(thing) and not _noun_run(to_simplified(thing)):
        return f"{to_simplified(rewritten)[: rate.end()]}{thing}？"  # "江门比上年提高多少" after its 优秀率: the rate's
    if measured and not _noun_run(to_simplified(thing)) and (asked := _thing_asked(rewritten)):
        if re.fullmatch(rf"[{CJK}]了", thing[:2]) and asked.endswith(thing[:2]):  # "肇庆23年评了多少宗": the act
            return f"{asked}{thing[2:]}？"  # asked again, of the thing just asked ("…执法案卷评了多少宗")
        return f"{asked}，{thing}？"  # "那南海呢，调解成功多少宗" after 人民调解's rate: 南海's 人民调解, that count
    return f"{rewritten} {leftover.strip()}"


def _unclaimed(question: str) -> str:
    """A question claiming a figure ("…优秀率才35.6%？帮我确认一下") as the question asking it ("…优秀率是多少？"), ""
    for one claiming none."""
    claimed = figure_claimed(question) if confirm_asked(question) else None
    if not claimed:
        return ""
    text = to_simplified(question)
    head = re.sub(r"(?:是|为|有|才|只有|达到?|共)$", "", text[: text.find(claimed.text)])
    return f"{head.rstrip(' ，,')}是多少？" if head.strip() else ""


def _thing_then_asked(core: str, new: Scope, aliases: Mapping[str, str]) -> str | None:
    """A follow-up naming a place and a thing before "呢，" and asking after it ("南海那边的规范性文件呢，制定了几
    件？"): asked as it stands ("南海的规范性文件制定了几件"); None when nothing but a place comes before "呢"
    ("肇庆呢，有几项")."""
    then = re.match(r"^(.*?)呢[，,]\s*(.+)$", core)
    if not then:
        return None
    named = _THAT_SIDE.sub("", then.group(1))
    thing = YEAR_NAMED.sub("", _without_names_of(named, new, aliases)).strip(" ，,的")
    return f"{named}{then.group(2)}" if len(thing) >= 2 and _noun_run(to_simplified(thing)) else None


def _without_names_of(text: str, scope: Scope, aliases: Mapping[str, str]) -> str:
    """A follow-up's text without the names of the places it names, each with its level or without ("赤坎区" of 赤坎:
    no 区 left), longest first."""
    names = [a for a, i in aliases.items() if i in scope.issuers] + scope.places
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?:{re.escape(name)}|{re.escape(_SUFFIX.sub('', name))}){_WRITTEN_KIND}?", "", text)
    return text


# "那边", "那里": where the place named is, no part of the thing asked.
_THAT_SIDE = re.compile(r"^那|那边|那里|这边|这里")


def _as_written(name: str) -> str:
    """A pattern for a place or year as a question writes it: a place with its level after it when it has one."""
    return re.escape(name) if name.endswith("年") else rf"{re.escape(name)}{_WRITTEN_KIND}?"


def _in_part_of_year(question: str, part: str) -> str:
    """A question asked of another part of its year ("去年全年呢" after "2019年1至6月…"): its part of the year said
    after its year replaced, or said after it when it has none."""
    text = to_simplified(question)
    said = re.search(rf"{YEAR_NAMED.pattern}(?:{YEAR_PART.pattern})?", text)
    return f"{text[: said.start()]}{said.group(1)}年{part}{text[said.end() :]}" if said else f"{part}{text}"


def _sibling_in(text: str, thing: str) -> str:
    """The thing of `text` that `thing` is a sibling of, told apart by where it is done ("跨省通办" of "省内通办"),
    or ""."""
    where = next((w for w in WHERE_DONE if thing.startswith(w)), "")
    rest = thing[len(where) :] if where else ""
    found = re.search(rf"(?:{'|'.join(WHERE_DONE)}){re.escape(rest)}", text) if len(rest) >= 2 else None
    return found.group(0) if found else ""


# Where a thing is done, said before its name: part of the name, telling one of several like it from the others
# ("省内通办" from 跨省通办, 川渝通办); not 全市, which says how much of the place ("全市新收…").
WHERE_DONE = tuple("跨省 跨市 跨区 省内 市内 区内 县内 川渝 湾区 境内 境外 国内 国外 省外 市外".split())


def _own_question(core: str, new: Scope, old: Scope, years: Mapping[str, Collection[int]] | None) -> str:
    """A follow-up that asks its own thing of a place or year it names ("那2017年的文章里广州制定了多少件法规？"):
    the question itself, with the place or year it leaves out kept from the conversation (a year only where
    the place named has a report of it)."""
    place = "" if new.issuers or new.places else "".join(old.issuers + old.places)
    kept = [y for y in old.years if not new.issuers or not years or all(y in years.get(i, ()) for i in new.issuers)]
    year = "" if new.years else "".join(f"{y}年" for y in kept[:1])
    return f"{place}{year}{core}？"


# A target asked ("计划扩到多少", "打算提高到多少"); asked alone, of the thing just counted. Its 计划 is no thing.
TARGET_ASKED = re.compile(
    r"(?:计划|打算|准备|目标是?|力争|拟)(?:要)?(?:再)?[\u4e00-\u9fff]{0,2}(?:到|至)(?:多少|几)[个项件名家]?"
)
# A target asked by the word alone ("明年目标呢", "下一步的目标是多少"), after a count.
_TARGET_ONLY = re.compile(r"(?:明年|下一步|下一年|来年)?的?目标(?:是|为)?(?:多少|几)?[个项件名家]?")
_YEAR_OF_A_COUNT = re.compile(rf"{YEAR_NAMED.pattern}(?!度)")
# "全市", "全区范围": a place as a whole, not a thing a follow-up asks about.
_WHOLE_PLACE = re.compile(r"全(?:市|区|县|省)(?:范围)?(?:内)?")
# The whole asked after a part of it counted at a lower level ("全市一共多少" after "镇街执法人员多少名").
_ALL_OF_IT = re.compile(r"(?:全(?:市|区|县))?(?:一共|总共|共)(?:有|是)?(?:多少|几)[个名人件项家]?")
_LOWER_LEVEL = re.compile(r"镇街|镇（街道）|乡镇|村居|社区")
# "那份", "这篇报告": the document a follow-up points at, not a thing it asks about.
_THAT_ONE = re.compile(r"(?:那|这|该)(?:份|篇)(?:报告|报道|文章)?")
# The end of a question that asks a count ("…多少件？", "有几项"): what a follow-up on a rate replaces.
_ASKS_COUNT = re.compile(r"(?:有|是|为|共|一共|总共|累计)?(?:多少|几)[^，。？?\s]{0,3}[？?]?$")
# The count a question asks, with its counter ("多少户"): a part of the thing follow-up asks in it.
_COUNT_ASKED = re.compile(rf"(?:多少|几)(?:{_COUNTERS})")
# A share asked of nothing named ("占比多少", "比例呢"): of the figures just given.
_SHARE_ONLY = re.compile(  # "占多大比例", "占全市比重多少"
    r"(?:所?占(?:全[市县省])?(?:多大|多少)?的?)?(?:占比|比例|比重)(?:是|有|为)?(?:多少|几|多大)?"
)
# The share of the part just counted, asked by its act or none ("化解比例是多少", "立案的占比是多少", "占比呢").
_SHARE_OF_DONE = re.compile(rf"(?:那么?)?(?P<of>[{CJK}]{{0,4}}?)的?(?:{_SHARE_ONLY.pattern})呢?")
_ASKS_WHAT = re.compile(r"多少|几|什么|哪|谁|怎样|如何|吗")
# A count asked with its thing after it ("受理了多少件复议申请", whose 复议申请 jieba tags as verbs): its own question.
_THING_AFTER_COUNT = re.compile(rf"(?:多少|几)(?:{_COUNTERS})?(?![呢吗])[{CJK}]{{2,}}")


def _new_topic(core: str, base: str, old: Scope) -> str:
    """A follow-up naming no place or year: a rate or a change of the same thing ("满意率呢？", "同比增长多少？"),
    the same question of another thing ("政协提案呢？": the old question's noun phrase replaced), or else a new
    question in the old scope."""
    scope, core = _scope_said(old), to_simplified(core)  # "比上年高了嗎": the rules are written in simplified
    core = _ITS.sub("", core) if _of_the_report(base) else core  # "它的落款日期呢": the report's, named by its place
    counted = _COUNT_ASKED.search(base)
    if PART_OF.match(core) and not _ASKS_WHAT.search(core) and counted:  # "其中企业呢": a part of what was counted
        return f"{base.rstrip(' ？?')}，{core}{counted.group(0)}？"
    if _SHARE_ONLY.fullmatch(core) and counted:  # "占比多少" after a part counted: its share, worked out
        return f"{base.rstrip(' ？?')}，{core}？"
    target = _TARGET_ONLY.fullmatch(core)  # "明年目标呢": asked as a target is
    if (TARGET_ASKED.fullmatch(core) or target) and (_ASKS_COUNT.search(base) or _COUNT_ASKED.search(base)):
        thing = _STANDING_ASKED.sub("", _without_count(base))  # "计划扩到多少" after "…事项现在有多少项": the same
        thing = re.sub(r"(?:[\u4e00-\u9fff]{2}了|有)(?=[\u4e00-\u9fff]*$)", "", thing, count=1)  # thing's target ("推出
        # 了" left out, after the thing or before it), in the plans of the report asked: 2023's, for 2024
        asked = "计划达到多少" if target else core
        return f"{_YEAR_OF_A_COUNT.sub(lambda m: f'{int(m.group(1)) + 1}年', thing)}{asked}？"
    rate = re.sub(r"(?:是|有|为)?多少$", "", core)  # "纠错率呢", "纠错率是多少": the rate, asked of what?
    if core and _ASKS_RATE.search(core) and not _ASKS_WHAT.search(rate):
        if len(re.findall(f"[{CJK}]", _RATE_NAMED.sub("", rate))) >= 2:  # "行政诉讼败诉率呢？": its own thing
            return f"{scope}{rate}是多少？"
        return f"{_thing_asked(base)}的{rate}是多少？"  # "纠错率呢？": of the last question's thing
    if claim := _claimed_of(core, base, scope):  # "那99.58%是报告原文写的吗？"
        return claim
    if measured := _MEASURE_ONLY.fullmatch(core):  # "那件数呢？" after an amount asked: that thing's count
        counter = measured.group(1) or measured.group(2)
        return f"{_thing_asked(base)}，{f'多少{counter}' if counter else f'{measured.group(3)}是多少'}？"
    if not core.strip(" ，,。？?") and role_asked(base):  # "还有呢" after "…前两条是啥": the list, whole
        listed = _FIRST_ITEMS.sub("", _without_item(base))
        return f"{re.sub(r'(?:是什么|是啥|是哪些|有哪些|有啥)?[，,？? ]*$', '', listed)}有哪些？"
    if item_asked(core) and not role_asked(core) and role_asked(base):  # "第三条是什么？" of the list just given
        return f"{_without_item(base)}，{core}？"
    if _ASKS_CAUSE.search(core) and not role_asked(base) and not _noun_run(_ASKS_CAUSE.sub("", core)):
        return f"{_without_count(base)}，{core}？"  # "为什么要设" after 受理点's count: why they were set up
    if _ASKS_CAUSE.fullmatch(core) or core in ("原因", "为啥"):  # "原因是什么？", "原因呢？": of the last thing
        return f"{_without_count(base)}的原因是什么？"
    if _of_the_report(base) and _asks_its_own(core):  # "调解了多少纠纷" after "…哪天发布的", "第四点展开说说"
        return f"{scope}{core}"
    if make_plan(base, []).kind == "report" and make_plan(core, []).kind == "report":  # "报给谁的" after "…落款是
        return f"{scope}{_THAT_ONE.sub('', core)}"  # 哪天": another line of the same report, not both asked
    if _things_counted(core, base):  # "具体有哪些？" after a count: the things counted
        return f"{_without_count(base)}，具体有哪些？"
    if (_ASKS_CHANGE.search(core) or TREND_ASKED.search(core)) and not _thing_named(core):
        core = f"{core}增长多少" if _BARE_CHANGE.fullmatch(core) else core  # "同比呢？": how much it changed
        return f"{_without_count(base)}{core}？"  # "增幅多少", "比上年多了还是少了？": of the same thing
    if (nth := NTH_OF_ITS_KIND.fullmatch(core)) and (was := _one_of_the_series(base, nth.group(2))):
        return to_simplified(base).replace(was.group(0), core, 1)  # "第一版呢？" after 第二版's date: 第一版's
    if 2 <= len(core) <= 12 and not _ASKS_WHAT.search(core):
        if money_measured(core) and not money_measured(base) and _COUNT_ASKED.search(to_simplified(base)):
            return f"{scope}{core}是多少？"  # "市财政投入的经费呢" after a count of cases: an amount, not 多少件
        act = _ACT.search(to_simplified(base))
        if act and all(flag == "v" for _, flag in tagged(core)):  # "废止呢？" after "修改了多少件次？"
            return to_simplified(base).replace(act.group(1), core, 1)
        run = _noun_run(to_simplified(base))
        if run and _doing(core):  # "法律顾问参与处理涉法事务呢" after "…提出多少条法律意见": its own count
            return f"{scope}{core}多少？"
        if run:
            said = to_simplified(base)
            after = said[said.find(run) + len(run) :]  # "行政复议|申请" with "政府信息公开申请": its 申请 too
            run += next((tail for tail in (after[:2], after[:1]) if tail and core.endswith(tail)), "")
            if core[0].isdigit() and (code := re.search(rf"[“\"]?\d+[”\"]?(?={re.escape(run)})", said)):
                run = code.group(0) + run  # "12348热线呢" after "12345热线…": the number names the line
            return said.replace(_documents_name(said, core) or _sibling_in_clause(run, core) or run, core, 1)
    if _of_its_thing(core, base):  # "成功了多少？" after 人民调解's rate, "受理了多少？" after 收到: of the same thing
        return f"{_thing_asked(base)}，{core}？"
    if _of_no_thing(core) and case_acts(core) and case_acts(base):  # "审结多少件" after "…受理了多少件": another
        thing = re.sub(rf"(?:{'|'.join(CASE_ACTS)})了?", "", _thing_asked(base)).strip(" ，,的")  # act, same thing
        return f"{thing}{core}？"
    if _ASKS_WHAT.search(core) and not _ASKS_COUNT.search(core) and not _noun_run(to_simplified(core)) and base:
        return f"{_without_count(base)}，{core}？"  # "围绕什么开的": of the last question's thing
    return f"{scope}{core}"


# One of a series named by its place in it ("第一版", "第二批"): a follow-up naming another asks the same of it, and
# an answer must name the one asked (a sentence on 第二版 says nothing of 第一版).
NTH_OF_ITS_KIND = re.compile(rf"第([{NUMERALS}]+|\d+)([版批期届轮])")


def nth_said(nth: re.Match, text: str) -> bool:
    """Whether a text names the member of a series `nth` matched ("第一批", said "第1批" or "首批" too)."""
    value, kind = int(numeral_value(nth.group(1))), nth.group(2)
    numerals = [f"第{NUMERALS[value - 1]}{kind}"] if 1 <= value <= 10 else []
    forms = {nth.group(0), f"第{value}{kind}", *numerals, *([f"首{kind}"] if value == 1 else [])}
    return any(form in text for form in forms)


# The kinds of question asking of a report itself or its parts: nothing in them is a thing asked more of.
_OF_THE_REPORT = frozenset({"report", "outline", "located", "catalogue", "section", "summary"})


def _claimed_of(question: str, earlier: str, scope: str) -> str:
    """A question asking whether the report says a figure ("99.58%这个数是报告原文写的吗", "35.6%这么低，没写错吧"),
    naming no thing of its own, as the figure claimed of the earlier question's thing ("…调解成功率是99.58%，对吗？"),
    which the claim check answers; "" for another question. A figure of another measure than the one asked (a
    percentage after a count) is of no thing asked: the report in scope is looked through for it."""
    text = to_simplified(question)
    claimed = figure_claimed(text)
    rated = claimed and claimed.unit == "%" and _ASKS_RATE.search(to_simplified(earlier))  # the rate's name kept
    if not claimed or not confirm_asked(text) or not (thing := (_without_count if rated else _thing_asked)(earlier)):
        return ""
    rest = _OF_A_FIGURE_SAID.sub("", text.replace(claimed.text, ""))
    if re.search(f"[{CJK}]", rest):
        return ""
    if _of_another_measure(claimed, earlier):
        return f"{scope}{claimed.text}，对吗？"
    return f"{thing}是{claimed.text}，对吗？"


def _also_claimed_of(question: str, earlier: str, named: Scope, old: Scope, issuers: list[str]) -> str:
    """ "汕头23年也是412件吧？" after "兴宁24年复议申请收了多少？": the figure claimed of the thing just asked, of the
    place the question names ("汕头市2023年复议申请收了412件，对吗？"), which the claim check answers; "" when the
    question names a thing of its own, or no other place."""
    text = to_simplified(question)
    claimed = figure_claimed(text)
    if not claimed or "也" not in text or not named.issuers or named.issuers == old.issuers:
        return ""
    rest = without_places(YEAR_NAMED.sub("", text.replace(claimed.text, "")), named, issuers).replace("也", "")
    thing = re.split(r"[，,]", _thing_asked(earlier))[0]  # "…收了多少，其中受理和审结各多少": the first count's
    thing = without_places(YEAR_NAMED.sub("", thing), old, issuers).strip("的 ")
    if re.search(f"[{CJK}]", _OF_A_FIGURE_SAID.sub("", rest)) or len(thing) < 2:
        return ""
    return f"{_scope_said(named)}{thing}{claimed.text}，对吗？"


def _of_another_measure(claimed: Figure, earlier: str) -> bool:
    """Whether a figure claimed is of another measure than the earlier question asked: a percentage after a count
    ("…受理了多少宗？" then "99.58%这个数是报告原文写的吗？": 调解成功率, not the count), a count after a rate."""
    text = to_simplified(earlier)
    percent_asked = bool(_ASKS_RATE.search(text) or _ASKS_CHANGE.search(text) or TREND_ASKED.search(text))
    count_asked = not percent_asked and unit_asked(text, Intent.of(text)) is not None
    return percent_asked if claimed.unit_class != "percent" else count_asked


# The words of a question on whether the report says a figure, naming nothing ("刚才那个…是报告原文写的吗", "…这么低，
# 没写错吧"): "我稿子里写的是全年罚没款…" names a thing and a draft, a claim of its own.
_OF_A_FIGURE_SAID = re.compile(
    r"刚才|上面|前面|那个|这个|这一|数字|数据|数|报告|原文|里面|里|中|是|的|写|错|没|有|吗|吧|呢|对|不|准确|这么|确实|真的"
    r"|[高低大小多少]|[\s，,。？?！!“”\"]"
)
# A measure asked alone, of no thing ("件数", "人次", "金额"): the last question's thing measured so.
_MEASURE_ONLY = re.compile(r"(?:(?:案)?(件|人|户|项|个|次|场|家)数|(人次)|(金额|数量|总数|总量))(?:是|有|为)?(?:多少)?")


def _of_the_report(question: str) -> bool:
    """Whether a question asks of a report itself or a part of it (its date, a section, its summary, an item of a
    list, its honours), so that a question after it asks nothing more of what it asked."""
    plan = make_plan(question, [])
    return plan.kind in _OF_THE_REPORT or plan.intent.honours


def _asks_its_own(question: str) -> bool:
    """Whether a question naming no place asks a thing of its own: a section ("存在什么不足", "不足总共几条"), a
    figure, honours or a named thing; not an item of the list just given ("第三条呢"), nor how many it has."""
    text = to_simplified(question)
    if item_asked(text) or ITEMS_COUNTED.search(text) and not role_asked(text):
        return False
    intent = Intent.of(text)
    return bool(role_asked(text) or intent.figure or intent.rate or intent.honours or _noun_run(text))


def _things_counted(question: str, earlier: str) -> bool:
    """Whether a question asks which things the last one asked of ("具体有哪些？"), or a count just asked counted
    ("具体是哪些领域？" after "…在多少个领域实施了…？": a word the count's question says)."""
    which = _ASKS_WHICH_ONES.match(question)
    rest = question[which.end() :] if which else ""
    if not which or not rest:
        return bool(which)
    return len(rest) <= 4 and rest in to_simplified(earlier) and bool(_ASKS_UNIT.search(to_simplified(earlier)))


def _named_or_noun(question: str) -> str:
    """What a question is about: the name it quotes (“综合查一次”), else its run of nouns."""
    quoted = _NAMED.search(question)
    return quoted.group(0) if quoted else _noun_run(to_simplified(question))


def _doing(core: str) -> bool:
    """Whether a follow-up names a thing, an act and what the act is on ("法律顾问参与处理涉法事务"): a question of
    its own, not another thing put in the last question's place ("…提出多少条法律顾问参与处理涉法事务")."""
    flags = [flag for _, flag in tagged(core)]
    first = next((i for i, flag in enumerate(flags) if _named(flag)), None)
    act = next((i for i, flag in enumerate(flags) if flag == "v" and first is not None and i > first), None)
    return act is not None and any(_named(flag) for flag in flags[act + 1 :])


def _of_its_thing(question: str, earlier: str) -> bool:
    """Whether a question naming no thing asks a measure of the earlier one's thing: a count after a rate or a
    change, a rate, or a count in another unit or none ("受援的有多少人次？" after "…办了多少件？"). A count in the
    same unit is of a part of it ("废止了几件？" after "制定…多少件"), which the earlier count's clause answers."""
    if not _of_no_thing(question):
        return False
    units = [_ASKS_UNIT.search(to_simplified(text)) for text in (question, earlier)]
    same = all(units) and len({u.group(1) or u.group(2) for u in units if u}) == 1
    return bool(_measured(earlier) or _ASKS_RATE.search(question) or not same)


# A part of the count before asked ("其中企业多少户"; "里面…" is tidied to 其中): the one pattern for it.
PART_OF = re.compile(r"^(?:其中|这里面|这当中|这些(?:案件|申请)?里)[，,]?")


def _of_no_thing(question: str) -> bool:
    """Whether a question asks a count or a rate and names no thing ("受理了多少？", "受援的有多少人次？", "办结率是
    多少？"): it asks it of the thing just asked about. "执法投诉举报受理了多少件？" names one, in words jieba tags
    as verbs (`_named_before_act`), and so does "复议收了多少件" (复议, which jieba tags a verb, is 行政复议)."""
    text = BARE_REVIEW.sub("行政复议", to_simplified(question).strip(" ？?"))
    if _ASKS_RATE.search(text):
        text = _RATE_NAMED.sub("", re.sub(r"(?:是|有|为)?多少$", "", text))
        return not re.search(f"[{CJK}]{{2}}", text)
    named = _noun_run(_ASKS_COUNT.sub("", text)) or case_acts(text) and _named_before_act(text)
    named = named or _found(text) or _NAMED.search(text)  # "“穗好办”APP能办多少项": a name quoted is a thing
    acts = [flag for word, flag in tagged(_ASKS_COUNT.sub("", text)) if len(word) >= 2 and flag in ("v", "vn")]
    named = named or acts.count("vn") >= 2 or len(acts) >= 3  # 应急/演练, 帮办/代办/服务: a thing, in verbs
    named = named or _named_before_its_act(text)
    counted = counted_thing(text)  # "应知应会清单涵盖多少部法规": 法规 (jieba tags 清单 an adjective)
    named = named or counted and counted not in GENERIC_THINGS | UNIT_CLASSES.keys()
    return bool(_ASKS_COUNT.search(text)) and not named and not _ASSESSMENT_NAMED.search(text)


_CONTENT_FLAGS = ("n", "v", "a", "j", "l")  # nouns, verbs and adjectives of every kind, abbreviations, phrases
_HOW_MANY_NEXT = re.compile(r"(?:有|是|为)?(?:多少|几)")


def _named_before_its_act(text: str) -> bool:
    """Whether a count names its thing in two words or more before the act it counts ("依申请公开办了多少": 申请,
    公开, though jieba tags neither a noun), not one word of how it was done ("直接纠错了多少件", "成功调解了几宗")."""
    pairs = tagged(text)
    words = [word for word, _ in pairs]
    act = next(
        (
            i - 1
            for i in range(1, len(words) - 1)
            if words[i] in ("了", "的") and _HOW_MANY_NEXT.match("".join(words[i + 1 :]))
        ),
        None,
    )
    if act is None:
        return False
    before = [(w, f) for w, f in pairs[:act] if len(w) >= 2 and f.startswith(_CONTENT_FLAGS) and f != "ns"]
    return len(before) >= 2


def _found(text: str) -> bool:
    """Whether a count asks what an act found, named after it ("督察发现了多少问题"): its thing, though jieba tags the
    act before it (督察) a verb; or what a plan is to act on ("24年打算走访多少家企业": 走访企业, not the thing of
    the question before)."""
    counted = re.search(rf"([{CJK}]{{2}})了?(?:多少|几)(?:{_COUNTERS})?([{CJK}]{{2,}})$", text)
    acted = counted and (counted.group(1) in _FINDING_ACTS or PLANNED_ASKED.search(text[: counted.start()]))
    return bool(acted) and tagged(counted.group(2))[0][1].startswith("n")


_FINDING_ACTS = frozenset("发现 查处 查出 排查 梳理 收集".split())


# An assessment named by what it assesses ("平安广东考评排第几", "法治政府建设考核…"), or a time by what it times
# ("审理周期缩短到多少天"): jieba tags none of it a noun.
_ASSESSMENT_NAMED = re.compile(rf"[{CJK}]{{2,}}(?:考评|考核|评估|测评|评议)|[{CJK}]{{2}}(?:周期|时限|期限|用时)")


def _measured(question: str) -> bool:
    """Whether a question asks a rate or a change, not a count: a count asked after it, of no thing, is of its
    thing (after a count, a count of no thing is of a part of it, "其中…", which the earlier count's clause says)."""
    return bool(_ASKS_RATE.search(question) or _ASKS_CHANGE.search(question))


def _unchanged(question: str, scope: Scope, issuers: list[str]) -> str:
    """What a question asks the change of, without its place and year ("南海区行政诉讼败诉率比上年降了多少" →
    行政诉讼败诉率), or "" when it asks no change."""
    text = to_simplified(question)
    change = _ASKS_CHANGE.search(text)
    if not change:
        return ""
    thing = _CHANGE_BASE.sub("", text[: change.start()])
    return YEAR_NAMED.sub("", without_places(thing, scope, issuers)).strip(" ，,的")


# Days apart asked of the two dates just asked ("落款日期呢" after "…什么时候发布的"): "相隔几天".
_DAYS_APART = re.compile(r"(?:相隔|隔了|间隔|相差|差了?)(?:几|多少)天|(?:相隔|间隔)(?:多久|多长时间)")
# A follow-up asking a share of the thing just asked, naming only what it is a share of ("占收到的比例呢").
_SHARE_OF_IT = re.compile(rf"^(?:这|它|其|这个数?字?)?(?:占|是)[^，。？?]{{1,12}}?的?{_SHARE_WORDS}")


def _scope_said(scope: Scope) -> str:
    """A question's places and years, as a follow-up rewritten in them opens: "惠州市惠阳区2023年"."""
    return "".join(scope.issuers + scope.places + [f"{y}年" for y in scope.years])


def _last_thing(question: str, issuers: list[str]) -> str:
    """The thing a question asked last, as a noun phrase: "…收到行政复议申请，审结了多少？" → 行政复议申请审结 (the
    act asked last, of the thing its first clause names); "…审结的行政复议案件有多少" → 行政复议案件审结."""
    clauses = [c for c in re.split(r"[，,]", _without_count(question)) if c.strip()] or [""]
    first, last = (_thing_of(c, issuers) for c in (clauses[0], clauses[-1]))
    acts = case_acts(clauses[-1])
    if len(clauses) > 1 and acts and all(flag == "v" for _, flag in tagged(last)):
        return re.sub("|".join(CASE_ACTS), "", first) + acts[-1]
    return last


def _thing_asked(question: str) -> str:
    """A question with what it asks of its thing left out: a count ("…收到多少宗行政复议申请？"), a change
    ("…同比增长多少？") or a rate ("…人民调解成功率是多少？"), so that a follow-up can ask another measure of it.
    Of a question of several parts, the first names the thing ("…收到多少件申请，其中直接纠错了多少件？")."""
    question = (asks(question) or [question])[0]
    question = _unclaimed(question) or question  # "…挽回损失2860万元，对吗": the thing the claim is of
    change = _change_asked_at(question)  # before the count goes: "比上年多了多少" is one
    text = _without_count(to_simplified(question)[: change.start()] if change else question)
    rate = _RATE_NAMED.search(text)
    text = text[: rate.start() if rate else len(text)]
    return _TIME_ASKED_LAST.sub("", text).strip(" ？?，,的")  # "…清单是什么时候施行的": 覆盖多少 is of the 清单


def _change_asked_at(question: str) -> re.Match | None:
    """Where a question asks a change ("比上年增加了多少") or which way it went ("比上年高还是低"), if it does."""
    text = to_simplified(question)
    return _ASKS_CHANGE.search(text) or TREND_ASKED.search(text)


_TIME_ASKED_LAST = re.compile(rf"(?:是|在|于)?(?:{_ASKS_TIME.pattern})[^，,。？?]*[？?]?$")


def _without_count(question: str) -> str:
    """A question with its count asked left out ("…收到多少宗行政复议申请？" → "…收到行政复议申请"): what a follow-up
    asks more of."""
    asked = re.sub(r"排名?(?:在|为)?第(?:多少|几)[位名]?", "排名", to_simplified(question))  # "排第几": its 排名
    asked = re.sub(rf"(?:有|是|为|共|一共|总共|累计)?(?:多少|几)(?:{_COUNTERS})?", "", asked)
    return _HOW_IT_WENT_ASKED.sub("", asked).strip(" ？?，,")  # "…行政复议情况怎么样": its 行政复议


# How a thing went, asked of it ("…情况怎么样", "…工作如何"): no part of the thing.
_HOW_IT_WENT_ASKED = re.compile(r"(?:的)?(?:工作)?(?:情况)?(?:怎么样|怎样|如何)[？?]?$")


def lists_things(text: str) -> bool:
    """Whether what a question asks about is several things ("地方性法规和政府规章", "建议、提案")."""
    return things_listed(text) > 1


def things_listed(text: str) -> int:
    """How many things a question asks about ("行政处罚、行政许可、行政检查分别办了多少": 3)."""
    return len(re.split("[、和及]", _noun_run(text)))


# Verbs (to jieba) that name a field before a noun ("执法队伍", "调解组织", "立法项目"): of the thing's name, so a
# follow-up's thing replaces them too ("广州24年法律援助呢" after "成都执法队伍精简情况" is no "执法法律援助").
_NAMING_VERBS = frozenset({"执法", "调解", "复议", "立法", "普法", "审批", "备案"})


def _documents_name(text: str, thing: str) -> str:
    """The name of a document `text` asks of, of the kind a follow-up's `thing` names ("海岸线保护与利用条例" of
    城市绿化条例), as written there after its place and year, or "": replaced whole, as the noun run stops at the
    name's verbs ("保护与利用")."""
    kind = next((k for k in _DOCUMENT_KINDS if thing.endswith(k) and len(thing) > len(k)), None)
    at = text.find(kind) if kind else -1
    if at < 0:
        return ""
    name = _without_scope(re.split(r"[，,。？?]|的|里", text[:at])[-1]).strip(" 《“")
    return f"{name}{kind}" if len(name) >= 2 and f"{name}{kind}" in text else ""


def _sibling_in_clause(run: str, thing: str) -> str:
    """The word of a noun run spanning a clause ("市级部门实现行政处罚全过程电子记录", a verb inside) that a follow-up's
    thing is one more of, of the same length and first two characters ("行政许可" for 行政处罚): only it is replaced,
    the rest of the clause kept ("…实现行政许可全过程电子记录"), or "" when the run has no verb or no such word."""
    pairs = tagged(run)
    if len(thing) < 4 or not any(flag in ("v", "vn") for _, flag in pairs):
        return ""
    return next((w for w, _ in pairs if len(w) == len(thing) and w[:2] == thing[:2] and w != thing), "")


def _noun_run(text: str) -> str:
    """The longest run of nouns in a question (places and one-character words aside; "、" and "和" join, and so
    does a verb between two nouns: "行政应诉案件"): the thing it asks about ("人大代表建议")."""
    pairs = tagged(text)  # (word, flag); not `words`, the module's word splitter

    def is_noun(i: int) -> bool:
        word, flag = pairs[i] if i < len(pairs) else ("", "")
        # jieba tags a few long terms as names (法律援助/nr); a person's name is two or three characters
        # 人大 of 人大建议 is an abbreviation (j) naming the noun after it; 同比 alone is none
        noun = flag.startswith("n") or flag == "j" and i + 1 < len(pairs) and pairs[i + 1][1].startswith("n")
        noun = noun or flag == "l" and len(word) >= 4  # a set phrase naming a thing: 人民调解, 行政诉讼, 公平竞争
        return noun and flag != "ns" and (flag != "nr" or len(word) >= 4) and len(word) >= 2

    runs, current = [], ""
    for i, (word, flag) in enumerate(pairs):
        inner_verb = current and flag in ("v", "vn") and len(word) >= 2 and is_noun(i + 1)
        # a word qualifying the run's first noun is of its name: "重大行政决策" (replaced whole by a follow-up's thing)
        qualifier = not current and flag == "a" and len(word) >= 2 and is_noun(i + 1)
        qualifier = qualifier or not current and word in _NAMING_VERBS and is_noun(i + 1)  # "执法队伍"
        if is_noun(i) or inner_verb or qualifier or current and word in ("、", "和", "及"):
            current += word
        else:
            runs.append(current.rstrip("、和及"))
            current = ""
    runs.append(current.rstrip("、和及"))
    return max(runs, key=len, default="")


# The kinds a place found by its name is written with ("思明" as 思明区): one rule for taking it out and putting it in.
_PLACE_KINDS = "区|县|镇|街道"
# …and with the levels a body is written with ("广东省", "赤坎区", "坭陂镇", "宁新街道").
_WRITTEN_KIND = f"(?:[省市乡]|{_PLACE_KINDS})"


def without_places(text: str, scope: Scope, issuers: list[str], mark: str = "") -> str:
    """`text` with the words it uses for the scope's bodies and places replaced by `mark`, longest first; a place
    with its kind ("思明区": 思明 is the place found), so no stray 区 is left to read as a word."""
    for name in sorted(_names_in(text, scope.issuers, issuers) + scope.places, key=len, reverse=True):
        kind = f"(?:{_PLACE_KINDS})?" if name in scope.places else ""
        text = re.sub(f"{re.escape(name)}{kind}", lambda _: mark, text)
    return text


def _in_text_order(text: str, found_issuers: list[str], issuers: list[str]) -> list[str]:
    """`found_issuers` in the order `text` names them."""
    at = {i: min((text.find(n) for n in _names_in(text, [i], issuers)), default=len(text)) for i in found_issuers}
    return sorted(found_issuers, key=lambda i: at[i])


def _names_in(text: str, found_issuers: list[str], issuers: list[str]) -> list[str]:
    """The exact words `text` uses for each of `found_issuers` (广州 for 广州市, 花都 for 广州市花都区…)."""
    aliases = _aliases(issuers)
    names = []
    for issuer in found_issuers:
        used = [alias for alias, b in aliases.items() if b == issuer and alias in text]
        if used:
            names.append(max(used, key=len))
    return names
