"""The indicator table: every figure a report states (`786宗`, `超1.11万件`, `同比增长68.67%`) as a row.

Questions like "how many 行政复议 cases did X receive in 2023" are answered by a number in one sentence of one
report; a table of (indicator, value, unit, qualifiers, place, year) lets them be found and compared without
reading prose. Reports are full of numbers that are not indicators (years, dates, ordinals, article and
document numbers, slogan codes like `“1310”`), so those are masked before figures are read.

Rules are general (no report-specific words): a figure is a number with a counting unit, a percentage, or an
Arabic number with 万/亿. The numeral 一 before a unit is not read as a count: in these reports it is an article
(`一件事`, `一宗案件`, `一次性`) far more often than a count of one. Sentences are read in simplified form; the
figure's `text` and `sentence` keep the display text (traditional seeds stay traditional).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.dates import RELATIVE, clause_years
from bot.text import DATE_WORDS, split_sentences, tagged, to_simplified

# -- units -------------------------------------------------------------------------------------------------
UNIT_CLASSES: dict[str, str] = {
    **dict.fromkeys(("件", "宗", "起", "件次", "卷"), "cases"),  # 卷: case files ("抽查案卷320卷"), also counted in 宗
    **dict.fromkeys(("名", "人", "人次", "位"), "people"),
    **dict.fromkeys(("户", "户次"), "households"),
    **dict.fromkeys(("家", "家次", "所", "支"), "organisations"),
    **dict.fromkeys(("项", "条", "个", "类", "次", "种", "批", "台", "套", "处", "座", "艘", "辆"), "items"),
    **dict.fromkeys(("份", "篇", "期", "场", "场次", "部", "本", "册"), "docs"),
    **dict.fromkeys(("元", "美元", "港元", "澳门元", "欧元", "日元", "英镑"), "money"),
    **dict.fromkeys(("%", "个百分点"), "percent"),
    "倍": "ratio",
    **dict.fromkeys(("公里", "千米", "平方公里"), "length"),  # "1556公里大陆海岸线"
    **dict.fromkeys(("年", "天", "日", "小时", "个月", "个工作日", "工作日", "周", "分钟"), "time"),
}
# A unit character that starts a longer word is not a unit there (`两项目`, `条例`, `部门`, `人民`).
NOT_UNIT_AFTER = {
    "项": "目",
    "条": "例件款",
    "部": "门署分长",
    "人": "民大员口",
    "个": "人体",
    "件": "事",
    "场": "所景",
    "期": "间限",
    "类": "型",
    "年": "度级龄",
    "家": "庭",
    "名": "单称",
    "所": "有以属",
    "支": "持付部",
    "处": "理置罚分",
    "周": "边年",
    "卷": "宗",
}
APPROXIMATE = frozenset("余 超 近 约 逾 多 以上 左右".split())
_PRE_QUALIFIERS = {  # "是不是超过了800件" claims the bound "超过800件" does
    **{"超过": "超", "超过了": "超", "超": "超", "近": "近", "约": "约", "逾": "逾"},
    **{"达到": "达", "达到了": "达", "高达": "达", "达": "达"},
}
_RISES = ("增长", "增加", "上升", "提高", "提升", "前移", "前进")  # a rank moving up: "较上年前移三位"
_FALLS = ("下降", "减少", "降低", "压缩", "减轻", "后移", "后退")
_CHANGES = _RISES + _FALLS


def direction(text: str) -> int:
    """Which way a change goes as words say it: 1 up (增长, 增加…), -1 down (下降, 减少…), 0 both or neither
    ("上升了还是下降了" asks, it does not say)."""
    up, down = any(w in text for w in _RISES), any(w in text for w in _FALLS)
    return 0 if up == down else 1 if up else -1


_WIDTH = {**{0xFF10 + i: str(i) for i in range(10)}, 0xFF05: "%", 0xFF0E: "."}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_POWERS = {"十": 10, "百": 100, "千": 1000}
_MAGNITUDES = {"万": 1e4, "亿": 1e8, "万亿": 1e12}

_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_AR_NUM = r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?"
_UNIT_ALT = "|".join(
    re.escape(u) + (f"(?![{NOT_UNIT_AFTER[u]}])" if u in NOT_UNIT_AFTER else "")
    for u in sorted(UNIT_CLASSES, key=len, reverse=True)
)
_FIGURE = re.compile(
    rf"(?P<pre>{'|'.join(sorted(_PRE_QUALIFIERS, key=len, reverse=True))})?"
    rf"(?:百分之(?P<pct>{_CN_NUM}(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)"
    rf"|(?P<num>{_AR_NUM}|{_CN_NUM})(?P<inner0>余|多)?(?P<mag>万亿|万|亿)?(?P<inner>余|多)?(?P<unit>{_UNIT_ALT})?)"
    r"(?P<post>以上|左右)?"
)

# -- what is not a figure: masked (same length) before figures are read --------------------------------------
_NOT_FIGURES = [
    r"(?<!\d)(?:19|20)\d{2}\s*(?:年|[-—–~至])",  # 2024年, 2023—2025
    r"(?<=[-—–~至(（])\s*(?:19|20)\d{2}(?!\d)",  # …-2030)
    r"[〇零一二三四五六七八九]{4}年",  # 二〇二四年
    rf"(?:\d{{1,2}}|{_CN_NUM})月(?:(?:\d{{1,2}}|{_CN_NUM})[日号])?",  # 3月, 8月4日
    r"\d{1,2}[:：]\d{2}",  # 16:49
    rf"(?:第|(?<!提)前)(?:\d+|{_CN_NUM})",  # 第三批, 第十二条, 前三名 (not 提前5天)
    rf"(?:\d+|{_CN_NUM})届(?:(?:\d+|{_CN_NUM})[次中])?",  # 二十届三中全会, 十二届八次全会
    r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号",  # 〔2023〕5号
    r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{5}(?=热线)",  # phone numbers
    r"(?<![一二三四五六七八九十两零〇\d.])一(?![二三四五六七八九十百千万亿])",  # 一 alone: an article, not a count
    "千家万户|千方百计|百年大计|百花齐放|百家争鸣|三番五次|三令五申|四面八方|五湖四海|十全十美|七上八下",  # idioms
]
_MASK = re.compile("|".join(f"(?:{p})" for p in _NOT_FIGURES))
_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?!以来|来|版)")
_PLACE_SUFFIX = re.compile(r"(?:市|区|县|州|镇|旗)$")
_NAME_FLAGS = frozenset({"ns", "nr", "nz"})
_GENERIC_PLACE = re.compile(r"^(?:全|我|各|本|该|市|区|县|省|两|三|四|五|六|七|八|九|十|多|每|其|辖)")
_DELIMITERS = "，。；：、,;:！？!?（）()[]【】/\n\t "
_QUOTES = re.compile(r"[“”‘’「」『』《》\"']")
_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外)")
_TRAILING = re.compile(r"(?:均为|均达|共计|总计|累计|共有|同比|分别|为|是|至|共|均|有|了|的)+$")
# The base of a comparison (`较上年增长`, `比去年同期下降`): what changed is named before it.
# A clause saying something of the clauses before it (`antecedents`): 其中 (a part), 均/都 after one measure.
_RUNNING = re.compile(r"^(?:截至[^，]{0,12})?累计")
_CHANGE_OF_BEFORE = re.compile(r"^(?:同比|环比|(?:较|比|与)(?:上一?年度?|去年|前一年))")
# A clause stating the share of the count before it ("…结案398件，占审结案件总数的26.3%").
SHARE_OF_BEFORE = re.compile(r"^(?:约|分别)?占[^，；]{0,20}?\d+(?:\.\d+)?\s*[%％]")
_THIS_IS = re.compile(r"^这(?:也|就|正|更|已)?是")
_REFERS_BACK = re.compile(r"^其中|^[^、和及与，,]{0,8}?[均都](?=[为达是在已])")
_COMPARED = re.compile(r"(?:同比|环比|较|比|与)(?:上年|去年|上一年|前一年|上年度)?(?:同期)?(?:相比)?$")
_LEADING_AFTER = re.compile(r"^(?:以来|来|以内|内|的)")
_AFTER_CUT = re.compile(
    r"(?:实现|获评|获得|被评|被认定|被纳入|提交|参加|参与|接受|开展|纳入|进行|予以|围绕|入选|提供|维护|涉及|完成"
    r"|部署在|已实施|实施|施行|统一|办理|的)"
)


@dataclass(frozen=True)
class Figure:
    indicator: str
    value: float
    text: str
    unit: str
    unit_class: str | None
    qualifiers: tuple[str, ...]
    change: str | None
    sentence: str
    paragraph: int
    place: str | None
    year: int | None


def unit_class(unit: str) -> str | None:
    """The class a unit counts in (件 and 宗 are both `cases`), so figures of one kind can be compared."""
    return UNIT_CLASSES.get(to_simplified(unit))


# The classes of a count of things (not a rate, an amount of money, a time).
COUNT_CLASSES = {"cases", "people", "households", "organisations", "items", "docs"}


def counts_for(asked: str, unit: str, of: str = "") -> bool:
    """Whether a figure in `unit` can answer a count asked in `asked`: units alike, or a count asked in 个, the
    measure word for anything ("几个行政执法监督员" is answered by 18名; a count in 件 is not by 3个). A count in
    件 `of` cases ("行政复议案件多少件", "行政复议收到多少件") is of cases only: 33份 of 裁量权基准文件 is no number
    of cases."""
    if to_simplified(asked) == "件" and (of := to_simplified(of)) and any(noun in of for noun in _OF_CASES):
        return unit_class(unit) == "cases"
    if to_simplified(asked) == "个" and unit_class(unit) == "cases":  # "几个受理点": 受理452件 counts cases
        return not of or any(noun in to_simplified(of) for noun in _CASES_NAMED)
    return counts_alike(unit, asked) or to_simplified(asked) == "个" and unit_class(unit) in COUNT_CLASSES


def counts_alike(unit: str, other: str) -> bool:
    """Whether figures in two units count one kind of thing: units of one class (件 and 宗 both count cases; money
    only in one currency), or 件 beside a unit of documents, since 件 counts documents as well as cases
    (政府规章11件, 2部市政府规章)."""
    a, b = unit_class(unit), unit_class(other)
    if a is None or b is None:
        return False
    units = {to_simplified(unit), to_simplified(other)}
    if a == "money":  # 55亿美元 is not 55亿元
        return len(units) == 1
    return a == b or {a, b} == {"cases", "docs"} and "件" in units and bool(units & _DOCUMENTS)


# The nouns naming cases, which 件 counts (行政复议案件, 矛盾纠纷): asked of them, 件 is not of documents.
CASE_NOUNS = ("案件", "纠纷")
# What 件 counts as cases when a question names it: 行政复议 and 行政诉讼 are cases, as 案件 are.
_OF_CASES = (*CASE_NOUNS, "复议", "诉讼")
# What a count of cases may be asked of in 个 ("多少个行政复议申请"); "几个受理点" asks none of them.
_CASES_NAMED = (*CASE_NOUNS, "案子", "申请", "诉求", "投诉", "举报", "信访", "案卷", "事项")
# Units of documents, which 件 counts too (政府规章11件, 2部市政府规章); not 场 or 期 (sessions, issues).
_DOCUMENTS = {"份", "篇", "部", "本", "册"}


def antecedents(clauses: list[str], at: int) -> list[int]:
    """The clauses before clause `at` that it says something of, which say of what: the one before a part of
    their total ("…合法性审查9000余件（次），其中市本级办理1000余件（次）"), the run of figures before a measure of
    each ("人大代表建议77件，政协委员提案283件，满意率均达100%"). None for a clause saying its own thing
    ("报备率、及时率和规范率均为100%")."""
    clause = to_simplified(clauses[at].strip())
    if at and _CHANGE_OF_BEFORE.match(clause):  # "…败诉率4.1%，较上年下降1.7个百分点": of the figure just before
        return [at - 1]
    if at and SHARE_OF_BEFORE.match(clause):  # "…结案398件，占审结案件总数的26.3%": the share of 398件
        return [at - 1]
    if at and _THIS_IS.match(clause):  # "…位列全省第一，这也是我市连续三年…排名全省首位": what 这 is
        return [at - 1]
    before = to_simplified(clauses[at - 1].strip()) if at else ""
    if _RUNNING.match(before) and _counts(before) and "累计" not in clause:
        return [at - 1]  # "累计公布…419项，办理…21万余件": 累计 counts both
    if at == 0 or not _REFERS_BACK.match(clause):
        return []
    if clause.startswith("其中"):  # of the count before it, not a change between ("…1124件，同比增长42.3%，其中…")
        return next(([i] for i in range(at - 1, -1, -1) if _counts(clauses[i], changes=False)), [at - 1])
    run = [i for i in range(at - 1, max(at - 4, -1), -1) if _counts(clauses[i])]
    before = [i for n, i in enumerate(run) if i == at - 1 - n]  # next to each other, ending just before it
    return sorted(before) or [at - 1]


def _counts(clause: str, changes: bool = True) -> bool:
    return any(f.unit_class not in (None, "time") and (changes or not f.change) for f in extract_figures(clause))


def value_range(f: Figure) -> tuple[float, float]:
    """Where a figure's value may lie, by its qualifiers: 1400余件 is 1400 to 2100, 近300项 240 to 300; an exact
    figure is its value."""
    low, high = 1.0, 1.0
    for qualifier in f.qualifiers:
        low, high = _BOUNDS.get(qualifier, (low, high))
    return f.value * low, f.value * high


# Where a qualified value may lie, as a multiple of the value written: 1400余件 is at least 1400.
_BOUNDS = {
    "余": (1.0, 1.5),
    "超": (1.0, 1.5),
    "逾": (1.0, 1.5),
    "多": (1.0, 1.5),
    "以上": (1.0, 1.5),
    "近": (0.8, 1.0),
    "约": (0.8, 1.2),
    "左右": (0.8, 1.2),
}


def approximate(f: Figure) -> bool:
    """True when a qualifier (余/超/近/约/逾/多/以上/左右) makes the figure a bound, not an exact count;
    达 ("reached") keeps it exact."""
    return any(q in APPROXIMATE for q in f.qualifiers)


# -- numbers ---------------------------------------------------------------------------------------------
def numeral_value(numeral: str) -> float:
    """A number written in digits or in Chinese below 万 ("8", "四", "二十六"): one value either way."""
    return float(numeral.replace(",", "")) if numeral[:1].isdigit() else _cn_value(numeral)


def _cn_value(numeral: str) -> float:
    """A Chinese numeral below 万 (`二十六` → 26, `百` → 100, `两` → 2, `九点二` → 9.2)."""
    if "点" in numeral:
        whole, decimals = numeral.split("点", 1)
        return float(f"{_cn_value(whole):.0f}.{''.join(str(_CN_DIGITS[c]) for c in decimals)}")
    total, digit = 0, 0
    for char in numeral:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_POWERS[char]
            digit = 0
    return float(total + digit)


def _value(match: re.Match) -> float:
    raw = match["pct"] or match["num"]
    base = float(raw.replace(",", "")) if raw[0].isdigit() else _cn_value(raw)
    return round(base * _MAGNITUDES.get(match["mag"] or "", 1), 6)


def _unit(match: re.Match) -> str | None:
    """The unit of a figure match, or None when the match is not a figure (a bare number, a bare 一)."""
    if match["pct"]:
        return "%"
    if match["unit"]:
        return match["unit"]
    return "" if match["mag"] and match["num"][0].isdigit() else None


# -- context: qualifiers, change, indicator, place, year -------------------------------------------------------
def _qualifiers(match: re.Match, unit: str) -> tuple[str, ...]:
    """Qualifiers in reading order; 近 before a time span (`近5年来`, `近三年`) means "recent", not "nearly"."""
    pre = _PRE_QUALIFIERS.get(match["pre"] or "")
    if pre == "近" and UNIT_CLASSES.get(unit) == "time":
        pre = None
    return tuple(q for q in (pre, match["inner0"], match["inner"], match["post"]) if q)


def _change(before: str) -> str | None:
    """The change verb right before a figure (`同比增长68.67%`); `提升至80%` is a level, not a change."""
    stripped = before.rstrip("了 ")
    return next((verb for verb in _CHANGES if stripped.endswith(verb)), None)


# Between two figures, only another year of the same measure: "…2022年为93.4%，2023年为98.2%".
_ANOTHER_YEAR = re.compile(r"^[，,；;、]\s*(?:(?:19|20)\d{2}年度?|上一?年|去年|今年)(?:为|是|达到?)?\s*$")
# "…申请138件，较去年的114件增加24件": the year before's figure of the same measure, its change after it
_YEAR_BEFORES = re.compile(r"^[，,]\s*(?:较|比)(?:去年|上一?年)(?:同期|全年)?的?\s*$")
_ONLY_CHANGED = re.compile(r"^(?:增加|减少|增长|下降|上升|降低|提高)(?:了)?$")


def _has_delimiter(text: str) -> bool:
    return any(char in _DELIMITERS for char in text)


def _clause_start(text: str, end: int, floor: int) -> int:
    start = end
    while start > floor and text[start - 1] not in _DELIMITERS:
        start -= 1
    return start


def _clause_end(text: str, start: int, ceiling: int) -> int:
    end = start
    while end < ceiling and text[end] not in _DELIMITERS:
        end += 1
    return end


def _phrase_before(text: str, start: int, floor: int, change: str | None) -> str:
    phrase = text[_clause_start(text, start, floor) : start]
    if change:
        phrase = _COMPARED.sub("", phrase.rstrip("了 ")[: -len(change)])
    phrase = DATE_WORDS.sub("", _QUOTES.sub("", phrase))
    return _TRAILING.sub("", _LABEL.sub("", phrase)).strip()


def _phrase_after(text: str, end: int, ceiling: int) -> tuple[str, str]:
    """What follows a figure in its clause: up to the first verb (`73名党政一把手|提交…`), and whole."""
    phrase = _LEADING_AFTER.sub("", _QUOTES.sub("", text[end : _clause_end(text, end, ceiling)]))
    cut = _AFTER_CUT.search(phrase)
    short = phrase[: cut.start()] if cut and cut.start() > 0 else phrase
    return _TRAILING.sub("", short).strip(), _TRAILING.sub("", phrase).strip()


def _indicator(text: str, span: tuple[int, int], bounds: tuple[int, int], unit: str, change: str | None) -> str:
    """The noun phrase a figure counts: what follows it (`73名党政一把手`) or, for rates and figures closing
    their clause, what precedes it (`满意率达99%`, `收到行政复议申请786宗`)."""
    before = _phrase_before(text, span[0], bounds[0], change)
    after, whole_after = _phrase_after(text, span[1], bounds[1])
    if UNIT_CLASSES.get(unit) == "percent" or change:
        return before or after
    return after or before or whole_after


def _clause_place(clause_s: str) -> str | None:
    """The place a clause opens with (`新丰县法律援助处…`, `南沙区设立…`): jieba's first word, a proper name
    (place or name tags: jieba tags some districts `nr`) ending, alone or with the next word, in 市/区/县/州/镇."""
    tokens = tagged(clause_s.strip()[:12])[:2]
    if not tokens or tokens[0][1] not in _NAME_FLAGS:
        return None
    name = tokens[0][0]
    if not _PLACE_SUFFIX.search(name) and len(tokens) > 1 and _PLACE_SUFFIX.fullmatch(tokens[1][0]):
        name += tokens[1][0]
    return name if _PLACE_SUFFIX.search(name) and len(name) >= 3 and not _GENERIC_PLACE.match(name) else None


def _place(sentence_s: str, position: int, issuer: str | None) -> str | None:
    """Another place only when the figure's clause, or the sentence, opens with one (`新丰县…为209名农民工`);
    a place within the issuer (花都区 of 广州市花都区) is the issuer."""
    own_clause = sentence_s[_clause_start(sentence_s, position, 0) :]
    for clause in (own_clause, sentence_s):
        name = _clause_place(clause)
        if name and not (issuer and (name in issuer or issuer in name)):
            return name
    return issuer


def _year(prefix_s: str, before_s: str, report_year: int | None, anchor: int | None) -> int | None:
    """The last year named before the figure in its sentence (not `2010年以来`), else the one the clauses of its
    paragraph before it last opened with, a relative one resolved ("去年全年，…。12348热线全年接听…4.6万人次" in a
    2019 article: 2018), else the report's."""
    years = _YEAR_NAMED.findall(prefix_s)
    if years:
        return int(years[-1])
    read = before_s + prefix_s
    heads = clause_years(read, anchor) if anchor and RELATIVE.search(read) else []
    return heads[-1] if heads else report_year


# -- extraction ----------------------------------------------------------------------------------------------
def _display(sentence: str, simplified: str, start: int, end: int) -> str:
    """The figure as written: the display span when simplification kept lengths, else the simplified span."""
    return sentence[start:end] if len(sentence) == len(simplified) else simplified[start:end]


def _text_start(match: re.Match, qualifiers: tuple[str, ...]) -> int:
    """Where the figure as written starts: at its qualifier, unless that was read as no qualifier (近5年来)."""
    dropped = match["pre"] and _PRE_QUALIFIERS[match["pre"]] not in qualifiers
    return match.end("pre") if dropped else match.start()


def _reading_form(sentence: str) -> str:
    """Simplified, with full-width digits, `％` and `．` as ASCII: one character for one, so spans map back."""
    return to_simplified(sentence).translate(_WIDTH)


def _masked(simplified: str) -> str:
    return _MASK.sub(lambda m: "\x00" * len(m.group(0)), simplified)


def _sentence_figures(
    sentence: str, paragraph: int, place: str | None, year: int | None, before: str = "", anchor: int | None = None
) -> list[Figure]:
    """Every figure of one sentence, in reading order; `before` is its paragraph before it (simplified), whose
    relative years `anchor` resolves."""
    simplified = _reading_form(sentence)
    masked = _masked(simplified)
    matches = [(m, u) for m in _FIGURE.finditer(masked) if (m["num"] or m["pct"]) and (u := _unit(m)) is not None]
    figures: list[Figure] = []
    for i, (m, unit) in enumerate(matches):
        floor = matches[i - 1][0].end() if i else 0
        ceiling = matches[i + 1][0].start() if i + 1 < len(matches) else len(simplified)
        num_start = m.start("pct") - 3 if m["pct"] else m.start("num")
        change = None if m["pre"] else _change(simplified[floor:num_start])
        qualifiers = _qualifiers(m, unit)
        indicator = _indicator(simplified, (m.start(), m.end()), (floor, ceiling), unit, change)
        between = simplified[floor : m.start()]
        indicator = "" if _ONLY_CHANGED.match(indicator) else indicator  # "较去年的114件增加…": no measure
        unit = unit or _counted_by_name(indicator)
        same = _ANOTHER_YEAR.match(between) or _YEAR_BEFORES.match(between)
        if figures and (same or not indicator and (change or not _has_delimiter(between))):
            indicator = figures[-1].indicator  # "出庭应诉率2022年为93.4%，2023年为98.2%": the same measure
        figures.append(
            Figure(
                indicator=indicator,
                value=_value(m),
                text=_display(sentence, simplified, _text_start(m, qualifiers), m.end()),
                unit=unit,
                unit_class=UNIT_CLASSES.get(unit),
                qualifiers=qualifiers,
                change=change,
                sentence=sentence,
                paragraph=paragraph,
                place=_place(simplified, m.start(), place),
                year=_year(simplified[: m.start()], before, year, anchor),
            )
        )
    return figures


def _counted_by_name(indicator: str) -> str:
    """The unit a bare number is in when what it measures names it ("关注人数突破20万": 人; "曝光量超过3.69亿":
    次), else ""."""
    named = _COUNT_NAMED.search(indicator)
    return (named.group(1) or "次") if named else ""


# A count of times a page was seen or used ("页面曝光量超过3.69亿", "点击量"): named by itself, with no unit.
VIEWS_COUNTED = r"(?:曝光|点击|访问|浏览|阅读|播放|下载|投票)(?:量|数)"
# A count named by its unit ("关注人数", "案件数") right before a bare number, or one of views.
_COUNT_NAMED = re.compile(rf"(?:(人|件|户|宗)数|{VIEWS_COUNTED})(?:已|共|累计)?(?:突破|达到|达|超过|超|为|是|约)?$")


def unreached(figure: Figure) -> bool:
    """Whether a figure is a target the sentence says was not reached ("出庭应诉率尚未实现100%", "未达到90%"):
    no value of the thing, though it holds a number of the unit asked."""
    before = to_simplified(figure.sentence).split(to_simplified(figure.text))[0]
    return bool(_UNREACHED.search(before))


_UNREACHED = re.compile(r"(?:尚未|未能|还未|仍未|没有|未)(?:全面)?(?:实现|达到|达|完成)?$")


def extract_figures(
    text: str, place: str | None = None, year: int | None = None, anchor: int | None = None
) -> list[Figure]:
    """All figures of a cleaned report, paragraph by paragraph (`paragraph` indexes `text.split("\\n")`).

    `place` and `year` are the report's issuer and year (`read_metadata`); a sentence naming another place at
    the head of a clause, or a year before the figure or opening a clause before it in its paragraph (今年, 去年:
    of `anchor`, the year its relative dates are of), overrides them for its figures."""
    figures: list[Figure] = []
    for index, paragraph in enumerate(text.split("\n")):
        before = ""
        for sentence in split_sentences(paragraph):
            if sentence.strip():
                figures.extend(_sentence_figures(sentence.strip(), index, place, year, before, anchor))
            before += _reading_form(sentence)
    return figures
