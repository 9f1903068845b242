"""Figures worked out from the figures an answer gives, when a part of the question asks what they come to:
their share ("…调解和解多少，占比多少"), difference ("少了几支"), change in % ("减少了百分之几") or sum ("合计").

The reports give counts; a drafter asks what they come to, and "报告未载明占比" is no answer when the two counts
are right there. Computed only from exact counts of one kind, each said with the figures it came from and that it
was computed; where a qualifier (余, 超, 约) leaves the result unsure, that is said instead.
"""

from __future__ import annotations

import re
from datetime import date

from bot.answer.intent import (
    ACT_AFTER_MORE,
    GAP_ASKED,
    LEFT_SAID,
    RANK_BEFORE_ASKED,
    SUM_ASKED,
    TREND_ASKED,
    YEAR_PART,
    counting_acts,
    left_asked,
    names_a_thing,
    part_of_year,
)
from bot.ingest.figures import (
    Figure,
    approximate,
    counts_alike,
    direction,
    extract_figures,
    numeral_value,
    value_range,
)
from bot.text import CITATION, NUMERALS, to_simplified

# What a part asks of the figures before it, by kind: a change from the first in %, a share of the first, a
# difference, a sum. A rate the report names ("成功率") is the report's figure, not one to work out.
# "减了多少支", "比前一年高多少" (not 最高, 提高 and 降低 said whole)
_CHANGED = r"(?:减少|下降|降低|精简|压减|增长|增加|提高|上升|少|多|(?<![最提])高|(?<![最降])低|减(?=了)|降(?=了))了?"
_CHANGE_IN_PERCENT = re.compile(rf"{_CHANGED}(?:百分之几|百分之多少|多少百分比|几成|多少%)")
_ASKED = (
    ("change", _CHANGE_IN_PERCENT),
    ("share", re.compile(r"占比|比例|比重|占.{0,8}?(?:多少|几)|百分之几|百分比")),
    ("difference", re.compile(r"(?:少|多|减少|增加|精简|压减|相差|差)了?(?:多少|几)|差距|相差")),
    ("sum", SUM_ASKED),
)


def arithmetic_asked(part: str) -> str:
    """The kind of working out a part asks of the figures before it ("占比多少": share), or "" — also when it
    names a thing of its own ("行政诉讼案件增长了多少" asks the report's own change)."""
    text = _THE_TWO.sub("", to_simplified(part))  # "两者相差多少": of the figures said, no thing of its own
    if names_a_thing(GAP_ASKED.sub("", text)) or re.search(r"率", text):
        return ""
    return next((kind for kind, asked in _ASKED if asked.search(text)), "")


_THE_TWO = re.compile(r"^(?:这|那)?(?:两者|二者|两项|两个数字?|两个数据|两个|这两项)(?:之间)?(?:的)?")


def apart_asked(part: str) -> bool:
    """Whether a part asks how far apart the figures said are ("两者相差多少", "相差多少件"), not a change the
    report states ("比上年增加了多少": its own "比上年增加31件" answers)."""
    text = to_simplified(part)
    return arithmetic_asked(text) == "difference" and bool(_APART.search(text)) and not _OF_A_YEAR.search(text)


_APART = re.compile(r"相差|差距|差了?多少|差几")
_OF_A_YEAR = re.compile(r"上年|去年|前年|同比|环比|较|比(?:19|20)\d{2}")


def worked_out(part: str, said: str, before: list[str] | None = None) -> str:
    """The sentence working out what `part` asks of the two counts `said` gives ("占比约25.1%（208÷830，据报告
    数字计算）。"): the ones the parts `before` it ask by their acts ("受理多少件，其中纠错多少件，占比多少": 17÷138,
    not the 审结 126件 said between them), else the first two; "" when the part asks none, or the counts are not two
    of one kind."""
    kind = arithmetic_asked(part)
    counts = _counted_by_acts(before or [], said) or _counts(said)
    if not kind or len(counts) < 2 or not counts_alike(counts[0].unit, counts[1].unit):
        return ""
    if kind == "sum" and _one_count_of_all(part, said):
        return ""  # "修改和废止一共多少": "修改、废止255件" is the sum the report gives; another count is no addend
    first, second = counts[:2]
    if inexact(first) or inexact(second):
        return "数值为约数，无法精确计算。"
    a, b = first.value, second.value
    if kind == "sum":
        return f"合计{in_unit_of(a + b, first)}（据报告数字计算）。"
    if kind == "difference":
        return f"相差{in_unit_of(abs(a - b), first)}（据报告数字计算）。"
    if not a:
        return ""
    if kind == "share":  # of the larger: a part said before its whole ("148件", then 全市's "1203件") too
        part, whole = sorted([second, first], key=lambda figure: figure.value)
        share = plain_number(round(part.value / whole.value * 100, 1))
        return f"占比约{share}%（{written(part)}÷{written(whole)}，据报告数字计算）。"
    way = "减少" if b < a else "增加"
    change = plain_number(round(abs(a - b) / a * 100, 1))
    return f"{way}约{change}%（{written(first)}→{written(second)}，据报告数字计算）。"


def places_compared(places: tuple[str, str], said: str, rate: bool = False) -> str:
    """Which of two places one report names is larger, and by how much ("思明区比湖里区多459件（据报告数字计算）。"),
    of the first figure `said` gives each (a percentage when a rate is compared, else a count): a figure is the
    place's named last before it in its sentence; "" unless each has one, of one kind."""
    each: dict[str, Figure] = {}
    periods: dict[str, tuple[str, str]] = {}  # the year and part of it each figure's sentence opens with ("2018年全年")
    for sentence in re.split(r"。", CITATION.sub("", to_simplified(said))):
        place = None  # the place last named before a figure in its sentence is whose it is ("思明区…，调解成功率98.2%")
        for clause in re.split(r"[，；]", sentence):
            named = [p for p in places if p in clause]
            place = named[0] if len(named) == 1 else None if named else place
            found = [f for f in extract_figures(clause) if (f.unit_class == "percent") == rate and f.unit_class]
            if place and found and place not in each:
                each[place] = found[0]
                periods[place] = _period(sentence[: sentence.find(clause)] + clause)
    if len(each) != 2 or not counts_alike(each[places[0]].unit, each[places[1]].unit):
        return ""
    if _apart(periods[places[0]], periods[places[1]]):  # 2018's whole year beside 2019's first half
        return "两个数字所属时段不同，无法比较。"
    (first, a), (second, b) = ((place, each[place]) for place in places)
    if inexact(a) or inexact(b):
        return "数值为约数，无法精确比较。"
    if a.value == b.value:
        return f"{first}与{second}一样（据报告数字计算）。"
    (larger, x), (smaller, y) = sorted([(first, a), (second, b)], key=lambda item: -item[1].value)
    word = "高" if rate else "多"
    gap = f"{plain_number(round(x.value - y.value, 2))}个百分点" if rate else in_unit_of(x.value - y.value, x)
    return f"{larger}比{smaller}{word}{gap}（据报告数字计算）。"


def _period(text: str) -> tuple[str, str]:
    """The year and part of it a composed sentence says last before a figure ("厦门市2019年1至6月，…": 2019,
    上半年); "" for each not said (a whole year, 全年, is the year's)."""
    said = _PERIOD_SAID.findall(text)
    year, part = said[-1] if said else ("", "")
    return year, "" if part == "全年" else part_of_year(part)


def _apart(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether two figures' periods are said to differ: two years, or two parts of a year, each said."""
    return any(a and b and a != b for a, b in zip(one, other, strict=True))


_PERIOD_SAID = re.compile(rf"((?:19|20)\d{{2}})年(?:度)?((?:{YEAR_PART.pattern})?)")


def more_than_the_year_before(question: str, said: str) -> str:
    """How many more (or fewer) than the year before, asked ("比上一年多了多少件") of a count given with the year
    before's stated beside it ("1342件，同比增长35.6%（上年为990件）"): their difference, said computed; "" else."""
    asked = _MORE_THAN_BEFORE.search(to_simplified(question))
    if not asked:
        return ""
    text = to_simplified(CITATION.sub("", said))
    if _before_stated(text):
        return ""  # "2.15万宗，上年为1.87万宗": its two ends, worked out where said (`change_between`)
    counts = _counts(text)
    before = next((f for f in counts if _STATED_BEFORE.search(text[: text.find(f.text)])), None)
    now = next((f for f in counts if before and f is not before and f.sentence == before.sentence), None)
    if now is None or before is None or not counts_alike(now.unit, before.unit) or inexact(now) or inexact(before):
        return ""
    if asked.group(1) and asked.group(1) not in re.split(r"[，；;]", text[: text.find(now.text)])[-1]:
        return ""  # "比上年多受理了多少件": 收到's 486 against 400 is no count of 受理
    way = "多" if now.value >= before.value else "少"
    difference = in_unit_of(abs(now.value - before.value), now)
    return f"比上年{way}{difference}（{written(now)}−{written(before)}，据报告数字计算）。"


# A count's difference from the year before, asked; the year before's count, stated ("（上年为990件）").
_MORE_THAN_BEFORE = re.compile(
    rf"(?:比|较)(?:上一?年|去年|\d{{4}}年)[^，。？?]{{0,8}}?(?:多|少|增加|减少)({ACT_AFTER_MORE})?了?"
    r"(?:多少|几)(?![%％])"
)
_STATED_BEFORE = re.compile(r"(?:上一?年|去年|\d{4}年)(?:同期)?为$")


def from_to(text: str) -> tuple[Figure, Figure, str] | None:
    """The two ends of a change a text says by them ("考核权重由上年的4%提高至6%", "执法队伍由167支精简至114支"):
    (from, to, the verb), of one unit; None else."""
    simplified = to_simplified(CITATION.sub("", text))
    found = _FROM_TO.search(simplified)
    if not found:
        return _years_stated(simplified) or _before_stated(simplified)
    ends = [extract_figures(found.group(g)) for g in ("from", "to")]
    if not all(ends):
        return None
    first, last = ends[0][-1], ends[1][0]
    return (first, last, found.group("verb")) if first.unit == last.unit and first.unit else None


def _years_stated(text: str) -> tuple[Figure, Figure, str] | None:
    """The two ends of a change a text says by two years' figures ("出庭应诉率2022年为93.4%，2023年为98.2%"), the
    verb by which way it went; None else."""
    found = _YEARS_STATED.search(text)
    if not found or int(found.group("later")) <= int(found.group("earlier")):
        return None
    ends = [extract_figures(found.group(g)) for g in ("from", "to")]
    if not all(ends) or ends[0][0].unit != ends[1][0].unit or not ends[0][0].unit:
        return None
    first, last = ends[0][0], ends[1][0]
    return first, last, _way(first, last)


def _before_stated(text: str) -> tuple[Figure, Figure, str] | None:
    """The two ends of a change a text says by the year's figure and the year before's after it ("调解纠纷2.15万宗，
    上年为1.87万宗"), the verb by which way it went; None else."""
    found = _BEFORE_STATED.search(text)
    ends = [extract_figures(found.group(g)) for g in ("from", "to")] if found else []
    if not ends or not all(ends) or not counts_alike(ends[0][0].unit, ends[1][-1].unit):
        return None
    first, last = ends[0][0], ends[1][-1]
    return first, last, _way(first, last)


def _way(first: Figure, last: Figure) -> str:
    """The verb of a change from one figure to another: a rate 提高/下降, a count 增加/减少."""
    rose = last.value >= first.value
    return ("提高" if rose else "下降") if first.unit_class == "percent" else ("增加" if rose else "减少")


def change_between(text: str, question: str) -> str:
    """A note working out a change a question asks ("提高了几个百分点", "精简了多少支", "减少了百分之几") of a text
    giving only its two ends: "（提高2个百分点，据报告数字计算）"; "" when none is asked, or the text says it."""
    asked = to_simplified(question)
    ends = from_to(text)
    if (
        not ends
        or not (change_asked_of_ends(asked) or TREND_ASKED.search(asked))
        or any(f.change for f in extract_figures(text))
    ):
        return ""
    first, last, verb = ends
    if inexact(first) or inexact(last):
        return "（数值为约数，变化无法精确计算）"
    a, b = first.value, last.value
    if first.unit_class == "percent":
        return f"（{verb}{plain_number(round(abs(b - a), 2))}个百分点，据报告数字计算）"
    if re.search(r"百分之|%|百分比|几成", asked) and a:
        change = plain_number(round(abs(b - a) / a * 100, 1))
        return f"（{verb}约{change}%，{written(first)}→{written(last)}，据报告数字计算）"
    return f"（{verb}{in_unit_of(abs(b - a), first)}，据报告数字计算）"


def change_asked_of_ends(question: str) -> bool:
    """Whether a question asks by how much a thing changed ("提高了几个百分点", "精简了多少支")."""
    return bool(_CHANGE_AMOUNT_ASKED.search(to_simplified(question)))


# "由上年的4%提高至6%": a change said by its two ends, the verb saying which way.
_FROM_TO = re.compile(
    r"由(?P<from>[^，。；由至到]{0,12}?\d+(?:\.\d+)?[^，。；由至到\d]{0,4}?)"
    r"(?P<verb>提高|提升|增加|增长|上升|降低|下降|减少|精简|压减|压缩|缩短|扩大)(?:至|到)(?P<to>[^，。；]{1,12})"
)
# "2022年为93.4%，2023年为98.2%": a change said by two years' figures.
_YEARS_STATED = re.compile(
    r"(?P<earlier>(?:19|20)\d{2})年为(?P<from>\d+(?:\.\d+)?\s*[%％件宗项个人]?)[，,]\s*"
    r"(?P<later>(?:19|20)\d{2})年为(?P<to>\d+(?:\.\d+)?\s*[%％件宗项个人]?)"
)
# "2023年为1209件": one year's value of a measure named in a clause before the years ("复议案件数量大幅上升，2023年为
# 1209件，2024年为1586件")
_YEAR_VALUE = re.compile(
    r"\s*(?:19|20)\d{2}年(?:全年)?(?:为|是|达到?)?\d+(?:\.\d+)?[万亿]?[^\d，,；;]{0,3}[，,；;：]?$"
)


def series_start(clauses: list[str], at: int) -> int | None:
    """Where the run of years' values holding the clause at `at` starts ("2023年为1209件，2024年为1586件"): the
    clause before it names their measure. None when that clause gives no year's value."""
    if not _YEAR_VALUE.match(clauses[at]):
        return None
    start = at
    while start > 0 and _YEAR_VALUE.match(clauses[start - 1]):
        start -= 1
    return start


# "调解纠纷2.15万宗，上年为1.87万宗": the year's figure, then the year before's (its year said in an answer); not
# the first of two years' figures ("2023年为1209件，2024年为1586件", `_YEARS_STATED`).
_BEFORE_STATED = re.compile(
    r"(?<![\d.])(?<!年为)(?P<to>\d+(?:\.\d+)?\s*万?\s*[%％件宗项个人户]?)[，,（(]\s*(?:上一?年|去年|(?:19|20)\d{2}年)(?:同期)?为"
    r"(?P<from>\d+(?:\.\d+)?\s*万?\s*[%％件宗项个人户]?)"
)
_CHANGE_AMOUNT_ASKED = re.compile(rf"{_CHANGED}(?:多少|几)|{_CHANGE_IN_PERCENT.pattern}")


def first_dated(text: str, question: str) -> str:
    """Which of the things a text dates came first (or last), when a question asks ("…和…哪个先施行"): "（《…》
    施行更早，据报告日期比较）"; "" when none is asked, or the text dates fewer than two things apart."""
    asked = _FIRST_ASKED.search(to_simplified(question))
    if not asked:
        return ""
    found = _TITLED_DATE.finditer(to_simplified(CITATION.sub("", text)))
    dated = [(m.group(1), (int(m.group(2)), int(m.group(3)), int(m.group(4)))) for m in found]
    if len({when for _, when in dated}) < 2:
        return ""
    early = asked.group(1) in ("先", "早")
    name, _ = (min if early else max)(dated, key=lambda x: x[1])
    act = _ACT_DATED.search(to_simplified(question))
    return f"（{name}{act.group(0) if act else ''}{'更早' if early else '更晚'}，据报告日期比较）"


# Which came first or last, asked: "哪个先施行", "哪部更早", "谁后出台".
_FIRST_ASKED = re.compile(r"(?:哪|谁)(?:个|一个|部|项|份)?(?:更)?(先|早|晚|后)")
# A title and the date said of it ("《…》自2023年11月1日起施行").
_TITLED_DATE = re.compile(r"(《[^》]{2,40}》)[^《》。；]{0,20}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_ACT_DATED = re.compile(r"施行|实施|出台|发布|印发|通过|公布")


def span_in_days(text: str) -> int | None:
    """The days a date range in a text spans, both ends counted ("8月1日至8月4日": 4), or None: the length a
    "举行了几天" asks, which the report gives as its dates. A range within one year (which is not said)."""
    found = _RANGE.search(text)
    if not found:
        return None
    first, last = found.group("m1", "d1"), (found.group("m2") or found.group("m1"), found.group("d2"))
    try:  # a leap year: 2月29日 is a date
        start, end = (date(2024, int(m), int(d)) for m, d in (first, last))
    except ValueError:
        return None
    return (end - start).days + 1 if end >= start else None


def days_said(text: str, question: str) -> str:
    """A note counting the days of a date range a text gives, when a question asks how many days ("举行了几天")
    and the text names none: "（共4天，据起止日期计算）"."""
    if not _DAYS_ASKED.search(to_simplified(question)) or re.search(r"\d+\s*天", text):
        return ""
    days = span_in_days(text)
    return f"（共{days}天，{_FROM_DATES}）" if days else ""


def counted_from_dates(figure: Figure) -> bool:
    """Whether a figure is the days `days_said` counted from a date range, not a figure the report gives."""
    return f"共{to_simplified(figure.text)}，{_FROM_DATES}" in to_simplified(figure.sentence)


_FROM_DATES = "据起止日期计算"


_DAYS_ASKED = re.compile(r"(?:几|多少)天|多长时间|多久")
_RANGE = re.compile(
    r"(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:起)?(?:至|到|—|-|～|~)(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日"
)


def left_worked_out(text: str, question: str) -> str:
    """What is left undone asked ("没按期办结的有多少件") of a clause giving the whole and those done ("接收涉企诉求
    1905件，按期办结1889件") and no word of the rest: their difference, worked out ("（其余16件，1905件−1889件，据报告
    数字计算）"); "" otherwise."""
    plain = to_simplified(CITATION.sub("", text))
    if not left_asked(question) or LEFT_SAID.search(plain):
        return ""
    counts = _counts(plain)
    if len(counts) != 2 or not counts_alike(counts[0].unit, counts[1].unit) or any(map(inexact, counts)):
        return ""
    whole, done = counts
    if done.value >= whole.value:
        return ""
    rest = in_unit_of(whole.value - done.value, whole)
    return f"（其余{rest}，{written(whole)}{whole.unit}−{written(done)}{done.unit}，据报告数字计算）"


def _one_count_of_all(part: str, said: str) -> bool:
    """Whether a clause said counts all the things a sum asks together ("修改和废止一共多少": "修改、废止255件"). The
    note for a count of several things given as one's is `checks.counted_together`."""
    asked = re.sub(r"^(?:那么?|其中)", "", SUM_ASKED.split(to_simplified(part))[0])
    things = [thing for thing in re.split(r"和|与|及|、", asked) if len(thing) >= 2]
    clauses = re.split(r"[，；。]", to_simplified(CITATION.sub("", said)))
    return len(things) > 1 and any(all(t in c for t in things) and _counts(c) for c in clauses)


def _counted_by_acts(parts: list[str], said: str) -> list[Figure]:
    """The counts of the last two parts asking a count by an act ("受理…多少件", "其中纠错多少件"), each the first
    count `said` gives in a clause saying its act, in the parts' order; [] unless both are found, and differ."""
    acts = [found[-1] for p in parts if (found := counting_acts(p))][-2:]
    clauses = [c for c in re.split(r"[，；。]", to_simplified(CITATION.sub("", said))) if c]
    counts = [next((f for c in clauses if act in c for f in _counts(c)), None) for act in acts]
    found = [f for f in counts if f is not None]
    return found if len(found) == 2 and found[0].text != found[1].text else []


def _counts(said: str) -> list[Figure]:
    """The counts a text gives, in order, each once (a sentence answering two parts says both of its figures)."""
    figures = [f for f in extract_figures(CITATION.sub("", said)) if f.unit_class not in (None, "time", "percent")]
    once: dict[tuple[float, str], Figure] = {}
    for figure in figures:
        once.setdefault((figure.value, figure.unit), figure)
    return list(once.values())


def in_unit_of(value: float, like: Figure) -> str:
    """A value in a figure's unit and magnitude (1.73亿元 beside 4.68亿元, not 173000000元); below the magnitude,
    the next one down or none (2800宗 of 2.15万宗 less 1.87万宗, not 0.28万宗)."""
    text = to_simplified(like.text)  # 367.07萬戶 of a traditional report
    if "亿" in text and abs(value) >= 1e8:
        return f"{plain_number(value / 1e8)}亿{like.unit}"
    if re.search("[亿万]", text) and abs(value) >= 1e4:
        return f"{plain_number(value / 1e4)}万{like.unit}"
    return f"{plain_number(value)}{like.unit}"


def written(figure: Figure) -> str:
    """A figure's number as the report writes it, without its unit: 17.9万 (of 17.9万户), 830 (of 830件)."""
    return in_unit_of(figure.value, figure).removesuffix(figure.unit)


def inexact(row: Figure) -> bool:
    """Whether a row's value is a bound, not a count (1400余件, 超1.11万件): no sum or difference is exact."""
    return approximate(row) or value_range(row) != (row.value, row.value)


def plain_number(value: float) -> str:
    """A value as a report writes it: 53, 25.1, not 53.0."""
    return str(int(round(value))) if abs(value - round(value)) < 1e-9 else f"{value:.2f}".rstrip("0").rstrip(".")


def rank_the_year_before(text: str, question: str) -> str:
    """The year before's rank, when asked, from the year's and how far it moved ("排名第二，较上年前移三位": 上年排名
    第五), as a note saying it was worked out; "" when not asked or not said so."""
    said = _RANK_MOVED.search(to_simplified(text)) if RANK_BEFORE_ASKED.search(to_simplified(question)) else None
    if said is None:
        return ""
    rank, moved = (int(numeral_value(x)) for x in (said["rank"], said["moved"]))
    before = rank + moved if direction(said["way"]) >= 0 else rank - moved  # 进步, no word `direction` knows: up
    written = NUMERALS[before - 1] if 0 < before <= len(NUMERALS) else str(before)
    return f"（上年排名第{written}，据报告数字计算）" if before > 0 else ""


_RANK_MOVED = re.compile(
    r"第(?P<rank>\d{1,2}|[一二三四五六七八九十]{1,3})[位名]?[^，。；]{0,4}[，,]?较上年(?:度)?"
    r"(?P<way>前移|提升|上升|前进|进步|提高|后移|下降|后退)了?(?P<moved>\d{1,2}|[一二三四五六七八九十]{1,3})[位名个]"
)
