"""The checks around generation: before it, whether the passages cover the question at all (or the chain
refuses); after it, which citations are real, which sentence each passage supports, which numbers are
found in the passages they cite.

Users paste answers into official documents, so nothing a backend writes reaches them unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from bot.answer.arithmetic import arithmetic_asked, counted_from_dates, span_in_days
from bot.answer.intent import (
    ACCOUNT_ASKED,
    ACCOUNT_YEAR,
    AGENT_ASKED,
    ASSESSED,
    BARE_REVIEW,
    CASE_ACTS,
    CHANGE_WORDING,
    DISTINCT_KINDS,
    FIRST_SAID,
    GENERIC_THINGS,
    GRADE_ASKED,
    HONOUR_ASKED,
    HONOUR_SAID,
    HONOUR_WON,
    HOW_MANY,
    LEFT_SAID,
    NTH_OF_ITS_KIND,
    NUMBER_NAMES,
    RANK_VERBS,
    SHARE_OF_ASKED,
    SPEAKER_ASKED,
    TARGET_ASKED,
    TOOK_PART,
    TREND_ASKED,
    WHERE_DONE,
    YEAR_NAMED,
    YEAR_PART,
    YEAR_PART_ASKED,
    Intent,
    Plan,
    Scope,
    act_counted,
    act_of_thing,
    acts_asked,
    added_asked,
    asked_of,
    asks,
    case_acts,
    cause_asked,
    change_asked,
    claims,
    confirm_asked,
    counted_thing,
    direction_claimed,
    document_named,
    figure_claimed,
    in_full,
    kind_asked,
    left_asked,
    level_claimed,
    level_said,
    money_measured,
    names_quoted,
    nth_said,
    of_another_kind,
    part_acts,
    part_first_asked,
    part_of_year,
    quality_asked,
    rates_named,
    role_asked,
    says,
    speaker_said,
    standing_asked,
    stands_in_for,
    there_are_asked,
    thing_of_act,
    unit_asked,
    wider_whole_asked,
    year_of_a_document,
)
from bot.ingest.dates import PERIOD
from bot.ingest.figures import (
    COUNT_CLASSES,
    UNIT_CLASSES,
    approximate,
    counts_alike,
    counts_for,
    direction,
    extract_figures,
    numeral_value,
    unreached,
    value_range,
)
from bot.ingest.places import asks_its_city, is_local, of_its_city, places_in
from bot.models import Passage, with_context
from bot.text import (
    CITATION,
    CJK,
    DATE_WORDS,
    LIST_MARKER,
    MARKER,
    NUMBER,
    NUMERALS,
    ORDINAL,
    RATE,
    answer_sentences,
    bigrams,
    split_sentences,
    tagged,
    to_simplified,
    tokenize,
    whole_sentences,
    words,
)


def coverage(
    question: str, intent: Intent, scope: Scope, passages: list[Passage], idf: Callable[[str], float]
) -> float:
    """The best share (by idf) of the question's words found in one sentence with its heading and title.

    For a question asking a figure only sentences holding a number (a percentage for a rate) count,
    and they must name the other places the question names: the figure has to be about them.
    """
    parts = asks(question)
    kept = _read_parts(parts)
    if len(parts) > 1 and kept and len(kept) < len(parts):
        question = "，".join(kept)  # "…，占比多少": worked out of the figures, or said not given ("占全区律师比例
        intent = Intent.of(question)  # 多少": no count of the whole), its words in no sentence
    scope_words = {to_simplified(x) for x in scope.issuers + scope.places} | {str(y) for y in scope.years}
    asked = TREND_ASKED.sub("", to_simplified(question))  # which way it went is said by the change, not these words
    asked = CHANGE_WORDING.sub("", asked)  # nor "和上年比有什么变化"
    asked = _IN_THE_ARTICLE.sub("", asked)  # nor "那篇报道里": where the asker read it
    for asking in part_first_asked(asked):  # nor "哪个区县…最多": "…居全市各县（市、区）首位" says it
        asked = asked.replace(asking, "")
    terms = {t for t in words(asked) if not any(t in w or w in t for w in scope_words)}
    total = sum(max(idf(t), 0.0) for t in terms)
    if total <= 0:  # nothing asked beyond a place or year ("那成都呢" with no history)
        return 0.0
    best = 0.0
    for p in passages:
        context = to_simplified(with_context(p.title, p.heading, ""))
        for sentence in split_sentences(p.text):
            if intent.figure and not (intent.figure_in(sentence) and (not intent.rate or RATE.search(sentence))):
                continue
            text = to_simplified(sentence)
            if intent.figure and not _of_the_places(text, scope.places):
                continue
            found = sum(max(idf(t), 0.0) for t in terms if _says_or_mentions(text, t) or t in context)
            best = max(best, found / total)
    return best


def _says_or_mentions(text: str, term: str) -> bool:
    """A question's word said by a sentence as it is, or by its own words close together: "政协提案" (one word
    to jieba) by "政协委员提案283件", as `mentions` reads a thing named."""
    return says(text, term) or (len(term) >= 4 and mentions(text, term, close=True))


def _wanted(plan: Plan) -> str | None:
    """The unit a figure answering a plan is in: the one asked, a percentage for a rate (not for a share worked out
    of the counts asked, `_share_worked_out`), or None."""
    return plan.unit or ("%" if plan.kind == "rate" and not _share_worked_out(plan.question) else None)


def _share_worked_out(question: str) -> bool:
    """Whether a question's only rate is a share of the counts its other parts ask ("移送了多少…，立案了多少，占比
    多少？"): worked out of them after the checks (`facts.with_worked_out`), no rate the answer must say."""
    parts = asks(question)
    kept = _read_parts(parts)
    return bool(kept) and len(kept) < len(parts) and not Intent.of("，".join(kept)).rate


def _read_parts(parts: list[str]) -> list[str]:
    """The parts a sentence of a report can answer: not those worked out of the figures given ("占比多少", "相差
    多少"), nor a share of a whole the reports do not name (`_share_of_a_whole`)."""
    return [p for p in parts if not arithmetic_asked(p) and not _share_of_a_whole(p)]


def _share_of_a_whole(part: str) -> bool:
    """Whether a part asks what share a thing is of a whole ("占全区律师比例多少"), no rate the reports name."""
    return bool(SHARE_OF_ASKED.search(to_simplified(part))) and not rates_named(part)


def _of_the_places(sentence: str, places: list[str]) -> bool:
    """Whether a sentence holding a figure is about the places asked: the one asked, or of several ("思明区和湖里区
    …分别是多少") any one (a report gives each its own sentence: "思明区…98.2%；湖里区…97.6%")."""
    return any(p in sentence for p in places) if len(places) > 1 else all(p in sentence for p in places)


def kept_citations(text: str, given: int) -> tuple[str, set[int], list[int]]:
    """`text` with every citation marker written `[n]` and those to passages not given (n > `given`) removed;
    the numbers kept and the numbers removed.
    """
    cited: set[int] = set()
    invalid: list[int] = []

    def keep_valid(match: re.Match) -> str:
        numbers = [int(x) for x in re.findall(r"\d+", match.group(1))]
        good = [n for n in numbers if 1 <= n <= given]
        invalid.extend(n for n in numbers if n not in good)
        cited.update(good)
        return "".join(f"[{n}]" for n in good)

    return CITATION.sub(keep_valid, text), cited, sorted(set(invalid))


def renumbered(text: str) -> tuple[str, list[int]]:
    """`text` with its citation marks numbered in order of first appearance ([3]…[1]… → [1]…[2]…), and the
    old numbers in that order: the sources are listed as a reader meets them."""
    order = list(dict.fromkeys(int(n) for n in MARKER.findall(text)))
    new = {old: i for i, old in enumerate(order, 1)}
    return MARKER.sub(lambda m: f"[{new[int(m.group(1))]}]", text), order


def support(sentence: str, passage: str) -> float:
    """How well a passage backs a sentence: its numbers all there, and its character bigrams."""
    grams = bigrams(sentence)
    overlap = len(grams & bigrams(passage)) / len(grams) if grams else 0.0
    numbers = NUMBER.findall(sentence)
    if numbers and ungrounded_numbers(sentence, [passage]):
        return overlap / 2
    return overlap


def attribute(text: str, passages: list[Passage], threshold: float = 0.5) -> tuple[str, set[int]]:
    """Add `[n]` after each sentence that passage n supports best (if well enough)."""
    out, cited = [], set()
    for sentence in split_sentences(text):
        body = sentence.rstrip("。！？；\n")
        scores = [support(body, p.in_context()) for p in passages]
        best = max(range(len(passages)), key=lambda i: scores[i]) if passages else -1
        if best >= 0 and body.strip() and scores[best] >= threshold:
            out.append(f"{body}[{best + 1}]{sentence[len(body) :]}")
            cited.add(best + 1)
        else:
            out.append(sentence)
    return "".join(out), cited


def ungrounded_numbers(answer: str, cited_texts: list[str]) -> list[str]:
    """Numbers in the answer (citation markers and list markers aside) that occur in none of the cited passages.

    A passage counts with its title and heading, where a report's year and section numbers live.
    """
    plain = LIST_MARKER.sub("", CITATION.sub("", answer))
    sources = [t.replace(",", "") for t in cited_texts]
    flagged = []
    for number in NUMBER.findall(plain):
        bare = number.replace(",", "")
        if not any(re.search(rf"(?<![\d.]){re.escape(bare)}(?![\d]|\.\d)", s) for s in sources):
            flagged.append(number)
    return list(dict.fromkeys(flagged))


# A rank said as a band of the first few ("进入全省前八", "稳居前五"), not one place.
_RANK_BAND = re.compile(r"前[一二三四五六七八九十\d]+[名位强]?")
_PLACE_ASKED = re.compile(r"第(?:几|多少)")
# What a grade or rank question must be answered with: a grade, a rank or a place in an order.
_GRADE_SAID = re.compile(
    r"等次|等级|排名|名次|第[一二三四五六七八九十\d]+名|优秀|良好|合格|A\+|前[一二三四五六七八九十\d]+"
    r"|(?:全国|全省|全市|位居|位列|居|排)第[一二三四五六七八九十\d]+|首位"  # "蝉联全国第一", "居粤东西北首位"
    r"|(?:全国|全省|全市)前列"  # "均排全省前列"
)


# A count of those among a whole with some mark ("行政执法人员中有多少人取得法律职业资格"): the mark is what counts.
_AMONG = re.compile(
    r"中(?:有|共有)?(?:多少|几)[^，。？?\s]{0,2}?(?:人|名|个|家|件|项)?([^，。？?]{2,})"
    r"|其中(?:有|共有)?([^，。？?\d]{2,12}?)的(?:有)?(?:多少|几)"  # "其中有法律职业资格的多少人"
    r"|中(?:有|具有|持有|取得)([^，。？?\d]{2,12}?)的(?:有|共有)?(?:多少|几)"  # "执法人员中有法律职业资格的有多少人"
    r"|[中里](?:有|共有)?(?:多少|几)[个件宗项名人]?是([^，。？?\d]{2,12}?)的"  # "纠错的案件里有几件是公安领域的"
    r"|[中里]([^，。？?\d]{2,12}?)的(?:有|共有)?(?:多少|几)"  # "复议里征地拆迁的有多少件"
)
# What says why: a report that gives a cause says so with one of these.
_CAUSE_SAID = re.compile(r"原因|由于|因为|得益于|归因|受.{1,12}影响|源于|导致|主要是|随着|(?:实施|施行|出台)后")
# The things a count counted, asked after it (the follow-up's "…，具体有哪些？"): answered by a listing of some.
_THINGS_COUNTED_ASKED = re.compile(r"，具体有哪些？$")
_A_LISTING = re.compile(r"[^，,]{2}、|；|[一二三四五六七八九十]是|“[^”]+”“|》[^《]*《")


def _lists_the_counted(text: str) -> bool:
    """Whether an answer names things a count in it counts: a listing in the count's clause or the one after
    ("“企业迁移”“信用修复”等13项"); "建成市、县两级…专窗，13个…事项已实施" lists none of the 13."""
    clauses = re.split(r"[，,。；;]", text)
    at = [i for i, c in enumerate(clauses) if any(f.unit_class not in (None, "time") for f in extract_figures(c))]
    return any(_A_LISTING.search("，".join(clauses[i : i + 2])) for i in at) if at else bool(_A_LISTING.search(text))


# The words a change is said with ("同比增长89.6%", "较上年下降2.6个百分点"): one list for the checks and the composer.
CHANGE_WORDS = "增长|增加|上升|提高|提升|下降|减少|降低"
CHANGE_SAID = re.compile(rf"{CHANGE_WORDS}|持平|翻番|倍")
_AGENT_SAID = re.compile(
    r"部门|机关|单位|机构|中心|小组|政府|法院|检察院|公安|司法所|[^\s，。]{1,6}(?:局|厅|处|委员会|办公室|领导小组)"
)


def _agent_said(text: str, question: str) -> bool:
    """Whether a text names who did something, beyond the words of the question's thing ("政府透明度…是哪个机构评的":
    "…地级市政府中排名第一" names no one)."""
    asked = AGENT_ASKED.sub("", to_simplified(question))
    return any(m.group(0) not in asked for m in _AGENT_SAID.finditer(to_simplified(text)))


_SCORE_ASKED = re.compile(r"得分|分数|多少分|几分")
_SCORE_SAID = re.compile(r"\d(?:\.\d+)?\s*分(?![之钟别类期批])")


def answers_the_asked(plan: Plan, answer: str, idf: Callable[[str], float], sources: Sequence[str] = ()) -> bool:
    """Whether an answer gives what the question asks, not a neighbour of it: a count asked in 件 needs a figure
    of the cases class (宗 will do, 名 will not); a grade or rank needs a grade or rank, a score a score. A
    sentence on the right topic with the wrong kind of figure is the tempting unanswerable, and is refused. The
    figure must be in a sentence naming what is asked (`names_the_thing`): the answer's, or the sentence of the
    cited `sources` it was trimmed from ("主动撤回申请90宗" from "…“复议+调解”新模式，…主动撤回申请90宗"). A rate
    named ("办结率") must be named by the answer."""
    text = CITATION.sub("", answer)
    named = [to_simplified(x) for x in plan.scope.issuers + plan.scope.places]
    # whole sentences: "…收到行政复议申请1124件…；…直接纠错92件，纠错率9.6%。" is about 行政复议 throughout
    said = _opened_by_a_rate([s for src in sources for s in whole_sentences(to_simplified(src))])
    figures = extract_figures(text)
    if cause_asked(plan.question) and plan.role != "shortcomings" and not _CAUSE_SAID.search(text):
        return text.startswith(PREMISE_WRONG)  # why it grew: a sentence saying only that it grew does not say,
        # but one showing the figure asked about is not the report's does
    if _of_another_years_account(plan.question, text):
        return False
    return _figures_answer(plan, text, figures, said, idf, named) and _kind_answered(plan, text, said, idf, named)


def _of_another_years_account(question: str, text: str) -> bool:
    """Whether a year's account asked ("2019年度…考评拿了多少分") is answered only by sentences saying they are of
    another year's ("在福建省2018年度…考评中，厦门市以96.8分…": a 2019 article giving the 2018 score)."""
    asked = set(ACCOUNT_ASKED.findall(to_simplified(question)))
    assessing = [s for s in split_sentences(to_simplified(text)) if ASSESSED.search(s)]  # not a filler beside it
    sentences = [set(ACCOUNT_YEAR.findall(s)) for s in assessing]
    return len(asked) == 1 and bool(sentences) and all(years and not years & asked for years in sentences)


def _figures_answer(plan: Plan, text: str, figures: list, said: list[str], idf, named: list[str]) -> bool:
    """The figure checks: how many needs a figure, a change a change of the thing, a count in a unit one of that
    class naming the thing (`_counts_the_asked`), a rate its level, a level of government that level, a rate
    named that rate."""
    wanted = _wanted(plan)
    changes = [f for f in figures if f.change]
    lengths = UNIT_CLASSES.get(plan.unit or "") == "time"  # "观察期多长": 6个月 says it
    spanned = lengths and span_in_days(text)  # "举行了几天": "于8月1日至8月4日举行" says it, its days counted
    figures = [f for f in figures if not counted_from_dates(f)]  # the days counted are no figure of the report's
    counted = any(f.unit_class and (f.unit_class != "time" or lengths) for f in figures) or ORDINAL.search(text)
    # "排名的目标是什么": "排名进入全省前八" says a rank, which does not say which place ("排第几")
    counted = (
        counted or spanned or plan.intent.rank and not _PLACE_ASKED.search(plan.question) and _RANK_BAND.search(text)
    )
    if plan.kind in ("figure", "rate") and not counted:
        return False  # "…立法多少？": a sentence holding no figure does not say how many
    codes = NUMBER_NAMES.findall(to_simplified(plan.question))  # "12348热线接了多少咨询" (no unit asked): "上半年，
    if codes and not any(all(c in to_simplified(s) for c in codes) for s in [text, *said]):  # 共有3860人参加" is
        return False  # of no line of that number
    where = _WHERE_DONE_ASKED.search(to_simplified(plan.question))  # "成都的省内通办多少": 跨省通办162项 is another
    if where and not any(where.group(0) in to_simplified(s) for s in [text, *said]):
        return False
    counted_as = [f for f in figures if f.unit_class and f.unit_class != "time"]
    # of the unit asked: "2019年上半年，共有3860人参加" does not put 2018年全年's 7235件 in the half-year asked
    counted_as = [f for f in counted_as if counts_for(wanted, f.unit, plan.question)] if wanted else counted_as
    if not _of_the_scope(plan, counted_as, said):
        return False
    if _count_by_a_rate(plan, figures):
        return False
    if (acted := [f for f in counted_as if f.unit_class in COUNT_CLASSES]) and all(
        no_stand_in(f, plan.question) or _a_part_not_asked(f, plan.question) for f in acted
    ):  # "花都23年行政复议受理了多少宗": 收到786宗 counts more than was accepted (主动撤回申请90宗 a part of it), "公安
        return False  # 立案了多少": 移送18件 what was handed on; pasted as the count asked, either is wrong
    if (
        plan.scope.years
        and not PERIOD.search(to_simplified(plan.question))
        and counted_as
        and all(PERIOD.search(_own_clause(f, 1)) for f in counted_as)
    ):  # "2017年当年精简了多少项": "近5年来（截至2017年），…精简204项" is five years' count, not the year's
        return False
    if counted_as and not any(counts_added(plan.question, _own_clause(f)) for f in counted_as):
        return False  # "全年新设立了多少": "对1890家次经营主体依法不予处罚" counts nothing added
    if counted_as and not any(counts_left(plan.question, _own_clause(f)) for f in counted_as):
        return False  # "还有几个没改完": "发现问题29个" counts all found
    if change_asked(plan.question) and HOW_MANY.search(plan.question) and not (changes or CHANGE_SAID.search(text)):
        return False  # "比上年增长了多少？": the counts said again do not say how they changed
    if changes and not changes_of_the_asked(plan.question, changes, said, idf, named):
        return False
    if lengths and not _timed_thing_said(plan.question, text):
        return False  # "企业开办时间压到几个工作日": "…项目审批时间压缩至15个工作日" is another thing's time
    if wanted and _unit_claimed_wrong(plan.question, figures) or spanned:
        wanted = None  # "…推送1553万家，对吗": 1553万次 answers it, with "否。"; a date range, with its days
    if wanted:
        part = _part_counted(plan)
        counts = [f for f in figures if counts_for(wanted, f.unit, part)]
        # a count asked, by a count of another thing: "法律援助服务了多少人次" answered "公共法律服务中心…1.1万人次",
        # or "提供法律咨询服务35.8万人次，办理法律援助1.8万余件" (legal aid is counted in 件 alone; a rate beside
        # counts is the thing's)
        nouns = asked_nouns(part, idf, named) if UNIT_CLASSES.get(wanted) in COUNT_CLASSES else []
        if nouns:
            counts = [f for f in counts if not _anothers_count(f, said, part, wanted, nouns[0])]
        if nouns and _STOCK_ASKED.search(part):  # "实有经营主体多少户": not "…经营主体…，开展信用预警提示31.4万户"
            counts = [f for f in counts if not _counts_another_thing(f, nouns, idf, named)]
        if there_are_asked(part):  # "信丰有多少家企业": not "帮助112家企业完成信用修复", those helped
            counts = [f for f in counts if not _acted_on(f)]
        if not any(_counts_the_asked(part, _holding([f], said), wanted, idf, named) for f in counts):
            return False
        counting = UNIT_CLASSES.get(wanted) in COUNT_CLASSES and role_asked(part) != "plans"  # a count done, not a
        # rate, an amount or a target ("打算扩到多少个领域": "推动…扩展至20个执法领域")
        if (
            counting
            and not nouns
            and (acts := _acts_of_the_thing(part))
            and not any(a in to_simplified(x) for a in acts for x in _holding(counts, said))
        ):  # "兴宁参演多少人次" (no noun of its own): 12348热线's 1.2万人次 says no 参演
            return False
        if not any(counts_as_asked(part, _own_clause(f)) for f in counts):
            return False  # "调成功了多少宗": the total 调解矛盾纠纷1497宗 beside a 成功率 counts no success
        by = _COUNTED_BY.search(to_simplified(part))
        if by and not any(by.group(1) in _own_clause(f, 1) for f in counts):
            return False  # "受援人数": 注册人数达66876人, 法律咨询服务35.8万人次 count others
        if (acts := part_acts(part)) and not _acts_counted(acts, counts, Intent.of(part).each):
            return False  # "行政复议主动撤回多少件": 收到行政复议申请1586件 counts no withdrawal
        if (act := act_of_thing(part)) and not any(act in s for s in _holding(counts, said)):
            return False  # "信用修复了多少户企业": 信用预警提示31.4万户 counts another act on 信用
        if (quality := quality_asked(part)) and not any(says(_own_clause(f, 1), quality) for f in counts):
            return False  # "持证的行政执法人员": "抽考行政执法人员4000余人" counts those examined
        for kinds in DISTINCT_KINDS:  # "修改了几件政府规章": "推进制定…政府规章11件" counts what was made
            if (kind := kind_asked(part, kinds)) and not any(_of_the_kind(f, said, kind, kinds) for f in counts):
                return False
    if (
        plan.kind == "rate"
        and len(asks(plan.question)) < 2  # of several parts, the one no sentence answers is said not given
        and not change_asked(plan.question)
        and not any(f.unit_class == "percent" and not f.change for f in figures)
    ):
        return False  # "破案率是多少": "破案率同比上升5.91%" says how it changed, not what it is
    level, counted = _LEVEL.search(to_simplified(plan.question)), [f for f in figures if f.unit_class]
    wider = wider_whole_asked(plan.question)  # "全省平均是多少": the province's, said so
    if wider and counted and not any(wider in _own_clause(f, 1) for f in counted):
        return False  # "湛江市…平均减少办事环节62%" is the city's
    if level and counted and not any(_at_level(f, level.group(0)) for f in counted):
        return False  # "市级行政职权" asked: "23项省级行政职权" are of another level
    if level and not counted and _level_named(level) not in map(_level_named, _LEVEL.finditer(to_simplified(text))):
        return False  # "市一级还设执法队伍吗": answered by a sentence of that level ("市级原则上不设…")
    return _rate_of_the_thing(plan, text, said, idf, named)


# A thing told from others like it by where it is done ("省内通办", not 跨省通办 or 川渝通办): the answer must say it.
_WHERE_DONE_ASKED = re.compile(rf"(?:{'|'.join(WHERE_DONE)})[{CJK}]{{2}}")


def _of_the_scope(plan: Plan, counted: list, said: list[str]) -> bool:
    """Whether the figures given are of the place and year asked: a district of the reporting city needs a
    figure said of it ("肇庆鼎湖区调解成功率": the city's 97.91% is none), and the one year asked a figure not
    said of a span leaving it out ("2017年制定了多少": "从1986年…到2016年的30年之间…148件" is none)."""
    holding = [(to_simplified(s), f) for f in counted for s in _holding([f], said)]
    held = [(s, to_simplified(f.text)) for s, f in holding]
    if plan.scope.places and counted and not any(all(p in s for p in plan.scope.places) for s, _ in held):
        return False
    asked = to_simplified(plan.question)
    # a district, county or town named so ("番禺区", "新丰县"), or a county-level city (台山市 in 江门's report)
    districts = [p for p in plan.scope.places if re.search(rf"{re.escape(p)}[区县镇市]", asked)]
    acts = case_acts(asked)  # "赤坎区…审结了多少件": the count of 审结 must be the district's, not its 受理312件
    acted = [(s, to_simplified(f.text)) for s, f in holding if len(acts) == 1 and _act_of(f) == acts[0]]
    if districts and counted and not any(all(p in _as_said(s, f) for p in districts) for s, f in acted or held):
        return False  # "番禺区…": "全市…出庭应诉率达100%，番禺区区长…" names it after the city's figure
    if _of_the_other_level(plan, [(s, f) for s, f in held if _as_asked(plan, f)]):
        return False  # "涪城区…收到多少件": "全市各级行政复议机构共收到…1203件" is 绵阳市's, and the other way
    return not counted or not all(_of_another_span(f, said, plan.scope.years, plan.question) for f in counted)


def _as_asked(plan: Plan, figure: str) -> bool:
    """Whether a figure (as written) is of the unit asked: a rate of a rate asked, a count of a count."""
    wanted = _wanted(plan)
    return not wanted or any(counts_for(wanted, f.unit, plan.question) for f in extract_figures(figure))


def _of_the_other_level(plan: Plan, held: list[tuple[str, str]]) -> bool:
    """Whether the figures given of the one district asked are all its city's (`places.of_its_city`), or, its
    city asked ("全市的纠错率呢"), none is."""
    issuer = plan.scope.issuers[0] if len(plan.scope.issuers) == 1 else None
    if not held or not is_local(issuer):
        return False
    citys = [of_its_city(sentence, figure, issuer) for sentence, figure in held]
    return not any(citys) if asks_its_city(plan.question, issuer) else all(citys)


def _count_by_a_rate(plan: Plan, figures: list) -> bool:
    """Whether a count of a thing asked ("12345热线受理了多少诉求") is answered by rates alone ("信访事项及时
    受理率100%"): a share says how many of something were so, not how many there were."""
    question = to_simplified(plan.question)
    asked = _COUNT_OF.search(question)
    if not asked or plan.intent.rate or change_asked(plan.question):
        return False  # "压缩了多少": a share may answer
    last = not question[asked.end() :].strip(" ？?。")  # "…多少诉求？" (jieba: a verb)
    if not (last or tagged(asked.group(1))[0][1].startswith("n")):
        return False  # "有多少放在了县镇两级", "连续几年": a share or a length may answer
    counted = [f for f in figures if f.unit_class]
    return bool(counted) and all(f.unit_class == "percent" for f in counted)


# How many of a thing ("多少诉求", "几个受理点"): the noun after the asking word.
_COUNT_OF = re.compile(rf"(?:多少|几)[个件宗条项名人户家支份]?([{CJK}]{{2}})")


def _as_said(sentence: str, held: str) -> str:
    """The part of a sentence that can say whose a figure is: up to the end of its clause ("…调解成功率为99.58%；…
    新丰县法律援助处…": a county named in a later clause is that clause's), and for a figure of a whole city
    ("全市…出庭应诉率达100%，番禺区区长…") only up to it — a district named after is not the figure's."""
    at = sentence.find(held)
    if at < 0:
        return sentence
    if _WHOLE.search(re.split(r"[，；;]", sentence[:at])[-1] + held):
        return sentence[: at + len(held)]
    return sentence[: at + len(held)] + re.split(r"[；;]", sentence[at + len(held) :])[0]


_WHOLE = re.compile(r"全(?:市|区|县|省)")


def _rate_of_the_thing(plan: Plan, text: str, said: list[str], idf, named: list[str]) -> bool:
    """Whether a rate the question names is said, in a sentence naming the thing asked: "信访事项群众满意率" is
    not answered by 建议提案's "满意率均达100%". Of a question of several parts, each part's is checked with it."""
    rates = rates_named(plan.question)
    if not rates or len(asks(plan.question)) > 1:
        return True
    sentences = [*_opened_by_a_rate(split_sentences(to_simplified(text))), *said]
    return any(r in s and names_the_thing(plan.question, s, idf, named) for s in sentences for r in rates)


def _opened_by_a_rate(sentences: list[str]) -> list[str]:
    """The sentences, one opening with a rate ("纠错率百分之九点二，直接纠错145件") or a count of cases by an act
    ("审结126件，其中…纠错率13.5%") read with the one before it, whose thing it goes on about ("…行政复议机关收到
    行政复议申请…1836件…。", "全年受理行政复议申请138件…。")."""
    return [f"{sentences[i - 1]}{s}" if i and _OPENS_WITH_A_RATE.match(s) else s for i, s in enumerate(sentences)]


_OPENS_WITH_A_RATE = re.compile(rf"[{CJK}]{{1,6}}率|(?:{'|'.join(CASE_ACTS)})(?:案件)?\d")


def _part_counted(plan: Plan) -> str:
    """The part of a question that asks the count ("…什么时候实施？观察期多长？": the second), else the whole."""
    parts = asks(plan.question)
    return next((a for a in parts if len(parts) > 1 and unit_asked(a, Intent.of(a)) == plan.unit), plan.question)


def _kind_answered(plan: Plan, text: str, said: list[str], idf, named: list[str]) -> bool:
    """The checks by what else is asked: a date of an act, which way a thing changed, who did it, a score, the
    things counted, a grade or rank of the thing."""
    quoted = [_QUOTES.sub("", q) for q in names_quoted(plan.question)]  # a quotation asked without its inner ‘’
    if quoted and not any(_quoted_in(q, _QUOTES.sub("", to_simplified(x))) for q in quoted for x in [text, *said]):
        return False  # "…获得“法治政府建设典范城市”称号的吗": sentences not naming it say nothing of it
    if SPEAKER_ASKED.search(to_simplified(plan.question)) and not speaker_said(text):
        return False  # "“…”是谁说的": the quotation given back names no one
    act = _DATED_ACT.search(to_simplified(plan.question)) if plan.intent.time else None
    document = document_named(plan.question) if act else []
    if act and not any(_dates(to_simplified(s), act.group(0), document) for s in said or [text]):
        return False  # "…条例什么时候施行": a sentence naming the law but no date it took effect
    if plan.kind == "time" and not (DATE_WORDS.search(text) or _ACT_DATE.search(text)):
        return False  # "…什么时候发的": "发布日期" without the date says no time
    if direction_claimed(plan.question) and not any(
        names_the_thing(plan.question, s, idf, named) for s in [text, *said]
    ):
        return False  # "…是否比上年减少了？": a sentence on what else decreased does not say ("纠错率13.5%" is cut
        # from a sentence on 行政复议)
    if AGENT_ASKED.search(plan.question) and plan.kind != "report" and not _agent_said(text, plan.question):
        return False  # "…是哪个部门做的？": a sentence saying it was done, by no one named, does not say
    if _SCORE_ASKED.search(plan.question) and not _SCORE_SAID.search(text):  # a score: a rank will not do
        return False
    if part_first_asked(plan.question) and not FIRST_SAID.search(to_simplified(text)):
        return False  # "哪个区县…最多": "其中，台山市收到…214件" names a district, not the first
    if _THINGS_COUNTED_ASKED.search(plan.question) and not _lists_the_counted(text):
        return False  # "…，具体有哪些？" after a count: a sentence giving the count again names none of them
    if (kind := kind_listed(plan.question)) and not any(kind in to_simplified(x) for x in [text, *said]):
        return False  # "完成了哪些立法项目": 审计's "完成审计项目138个" names another kind of 项目
    if (acts := _acts_claimed(plan.question, idf, named)) and not any(
        a in to_simplified(x) for a in acts for x in [text, *said]
    ):
        return False  # "南海…不予处罚了413件，对吗？": "办理行政应诉案件413件" holds the figure, of another act
    if (ever := _EVER_DONE.search(to_simplified(plan.question))) and not _says_act(ever, [text, *said]):
        return False  # "这个条例后来修订过没有": a sentence saying when it took effect says nothing of it
    if (honour := _honour_words(plan.question, idf)) and not any(honour in to_simplified(x) for x in [text, *said]):
        return False  # "哪两个镇街获评…第二批法治镇街": "…省级第二批改革试点" is another batch of another thing
    if honour and confirm_asked(plan.question) and not _won_said(honour, text):
        return False  # "坭陂镇获评法治镇街了吗": "…坭陂镇等4个镇（街道）开展法治镇街创建试点" says no honour won
    places = plan.scope.places if HONOUR_ASKED.search(to_simplified(plan.question)) else []  # "坭陂镇呢，也评上了吗":
    if places and not any(_won_said(place, text) for place in places):  # the place's own, said won
        return False
    if (nth := NTH_OF_ITS_KIND.search(to_simplified(plan.question))) and not any(
        nth_said(nth, to_simplified(x)) for x in [text, *said]
    ):
        return False  # "…清单第一版什么时候印发的": the sentence on 第二版 says nothing of 第一版
    if _WHICH_MEETING.search(to_simplified(plan.question)) and not _MEETING_SAID.search(to_simplified(text)):
        return False  # "…条例是人大常委会哪次会议通过的": "提请市人大常委会审议通过…" says no session
    if (others := _OTHERS_ASKED.search(to_simplified(plan.question))) and len(
        _names_besides(text, others.group("besides") or "")
    ) < numeral_value(others.group("n")):
        return False  # "除了珠玑古巷那部，另外两部叫什么": "…《…珠玑古巷保护条例》等3部" names neither
    if GRADE_ASKED.search(plan.question):  # a grade or rank of the thing asked, not of another
        graded = [s for s in split_sentences(text) if _GRADE_SAID.search(s)]
        asked = set(_RANKED_AMONG.findall(to_simplified(plan.question)))  # "在全省…排第几": not a rank in 全市
        graded = [
            s for s in graded if not asked or asked & set(_RANKED_AMONG.findall(s)) or not _RANKED_AMONG.search(s)
        ]
        return any(names_the_thing(plan.question, s, idf, named) for s in graded)
    return True


def _acts_claimed(question: str, idf: Callable[[str], float], named: list[str]) -> list[str]:
    """The acts a claim names when it names no thing ("不予处罚了413件，对吗？": 不予, 处罚): one must be said."""
    if not confirm_asked(question) or figure_claimed(question) is None or asked_nouns(question, idf, named):
        return []
    return [w for w, flag in tagged(to_simplified(question)) if flag == "v" and len(w) >= 2 and w not in _ASKING_WORDS]


def _says_act(asked: re.Match, texts: list[str]) -> bool:
    """Whether one of the texts says the act asked of ("修订过没有": 修订, or 修改, 修正)."""
    acts = _same_acts(next(g for g in asked.groups() if g))
    return any(a in to_simplified(x) for a in acts for x in texts)


# Whether a thing was ever done, asked ("修订过没有", "有没有修改过", "是否调整过"): the act must be said.
_EVER_DONE = re.compile(rf"([{CJK}]{{2}})过(?:没有|没|吗|了吗)|(?:有没有|是否|有无)([{CJK}]{{2}})过")


def _honour_words(question: str, idf: Callable[[str], float]) -> str:
    """The rarest word of an honour a question names as won ("获评广州市第二批法治镇街": 镇街), not its giver's place,
    level or batch, which another honour shares; "" when none is named ("入选了什么")."""
    won = HONOUR_WON.search(to_simplified(question))
    if not won or re.search(r"什么|啥|哪|几|多少", won.group(1)):
        return ""
    title = won.group(1)
    for place in places_in(title):
        title = title.replace(place, "")
    title = _GIVEN_BY.sub("", title)
    found = [w for w in tokenize(title) if len(w) >= 2 and w not in GENERIC_THINGS]
    return rarest(found, idf) if found else ""


def _won_said(honour: str, text: str) -> bool:
    """Whether an answer says an honour named by its word (or of a place named) was won: a sentence of it with both
    (`HONOUR_SAID`)."""
    return any(honour in s and HONOUR_SAID.search(s) for s in answer_sentences(to_simplified(text)))


# An honour's giver, level and batch ("广州市", "省级", "第二批", "2024年"): other honours share them.
_GIVEN_BY = re.compile(rf"(?:19|20)\d{{2}}年度?|{ORDINAL.pattern}批?|全国|国家级?|省级?|市级?|[县区]级")


# Among whom a rank or grade is given: the whole country, province or city.
_RANKED_AMONG = re.compile(r"全([国省市])")


def _quoted_in(quote: str, text: str) -> bool:
    """Whether a quotation is in a text as said, or as an asker recalls it: its characters in order, a few apart
    ("纠错不是挑刺" in "纠错不是给政府挑刺")."""
    if quote in text:
        return True
    return len(quote) >= 4 and re.search(".{0,4}".join(map(re.escape, quote)), text) is not None


# The kind of a thing listed, asked before a word any thing is ("哪些立法项目": 立法; not "哪些创新举措"): the
# answer's sentences, or those they were trimmed from, must say it.
_KIND_LISTED = re.compile(rf"哪些([{CJK}]{{2,6}}?)(?:{'|'.join(sorted(GENERIC_THINGS, key=len, reverse=True))})")


def kind_listed(question: str) -> str:
    """The kind of the things a list question asks ("哪些立法项目": 立法), or ""."""
    found = _KIND_LISTED.search(to_simplified(question))
    return found.group(1) if found else ""


def _dates(sentence: str, act: str, document: list[str] | None = None) -> bool:
    """Whether a sentence dates an act, said in any of its words (施行 or 实施): a date in a clause saying it or
    before ("2003年起，…都将法规草案…公布"; "…实施办法》，自2024年7月1日起施行"). Of a `document` asked (its
    words, `intent.document_named`), a clause naming other documents only dates them ("其中《湛江市海岸线保护与
    利用条例》自…起施行" does not date 城市绿化条例), and so does one naming none after a clause naming one
    ("出台《…备案办法》，自2024年10月1日起施行" does not date a 首违不罚清单)."""
    for found in re.finditer("|".join(_same_acts(act)), sentence):
        end = min((i for i in (sentence.find(p, found.start()) for p in "，；;。") if i >= 0), default=len(sentence))
        start = max(sentence.rfind(p, 0, found.start()) for p in "，；;。") + 1
        # the document the clause names, else the last one named before it ("出台《…备案办法》，自…起施行")
        names = _DOCUMENT_NAME.findall(sentence[start:end]) or _DOCUMENT_NAME.findall(sentence[:start])[-1:]
        if names and document and not any(_names_document(name, document) for name in names):
            continue
        if _ACT_DATE.search(sentence[:end]):
            return True
    return False


_DOCUMENT_NAME = re.compile(r"《([^》]+)》")


def _names_document(name: str, document: list[str]) -> bool:
    """Whether a document's name is the one a question names by these words: most of them in it ("国务院那个重大
    行政决策程序暂行条例": its issuer is no word of 《重大行政决策程序暂行条例》)."""
    return 2 * sum(w in name for w in document) > len(document)


# A session asked ("哪次会议通过的"): said by its number ("第五次会议").
_WHICH_MEETING = re.compile(r"(?:哪|第几)一?次(?:会议|常委会|常务会)")
_MEETING_SAID = re.compile(rf"第[{NUMERALS}\d]+次")
# The others of a set asked by name, one named left out ("除了珠玑古巷那部，另外两部叫什么"): as many names besides it.
_OTHERS_ASKED = re.compile(
    rf"(?:除了?(?P<besides>[^，,]{{2,16}}?)(?:那|这)?(?:部|个|项|件|条)?(?:以外|之外|外)?[，,])?"
    rf"(?:另外|其他|其余)(?:的)?(?P<n>[两{NUMERALS}\d]+)(?:部|个|项|件|条)"
)


def _names_besides(text: str, besides: str) -> list[str]:
    """The documents a text names (《…》) other than the one `besides` names ("珠玑古巷": 《韶关市珠玑古巷保护
    条例》)."""
    words = [w for w in tokenize(besides) if len(w) >= 2]
    names = dict.fromkeys(_DOCUMENT_NAME.findall(to_simplified(text)))
    return [n for n in names if not (words and all(w in n for w in words))]


def confirmation(question: str, answer: str, idf: Callable[[str], float]) -> str:
    """What an answer says first of a figure the question states: a yes-or-no question's "是。"/"否。"
    (`_verdict`); for a why-question's figure the report does not bear out, that it is not the report's."""
    parts = claims(question)
    verdicts = [_verdict(claim, answer, idf, len(parts) > 1) for claim in parts]  # one wrong of several: 否
    verdict = "否。" if "否。" in verdicts else "是。" if set(verdicts) == {"是。"} else ""
    denied = _run_denied(question, answer) or _first_denied(question, answer) or _reversed(question, answer)
    if verdict != "否。" and denied:
        verdict = "否。"  # "连续10年100%公示": the 100% holds, the run not (连续8年); "全国首家": 全省首家
    if verdict == "是。" and (_claimed_besides(question, answer) or _rank_unsaid(question, answer)):
        verdict = ""  # the figure holds; what else is claimed ("…是给企业提供的吧", "排名第一"), unsaid
    verdict = verdict or _rank_verdict(question, answer)  # "…考核中是不是第一名？": "排名第二" says 否
    if cause_asked(question):
        return PREMISE_WRONG if verdict == "否。" else ""
    return verdict


# Said before the report's figure when a why-question takes another for granted ("同比增长了50%，为什么…").
PREMISE_WRONG = "问题中的数字与报告不符。"


def _verdict(question: str, answer: str, idf: Callable[[str], float], one_of_several: bool = False) -> str:
    """Whether a figure a yes-or-no question states is the report's ("…办理了2000件，对吗？", "是否达到100%？"):
    "是。" when a figure the answer gives of its unit class, in a clause naming the thing asked, equals it, "否。"
    when they all differ or are in another currency; for an approximate one (余, 超, 以上), "是。" only when
    claimed with the same bound, "否。" when the figure claimed is not where it may lie (`value_range`), else
    nothing; a bound claimed ("超过3000项") is borne out by a figure at least that ("超2000项" is not);
    nothing when none is of its class and thing. A
    change claimed without a figure ("是否比上年减少了？") is judged by the way the thing's changes go. One claim
    `one_of_several` naming no thing, only an act ("、废止73件"), is judged by the figures that act labels."""
    claimed = figure_claimed(question)
    nouns, rates = asked_nouns(question, idf, []), rates_named(question)
    figures = [f for f in extract_figures(CITATION.sub("", answer)) if not unreached(f)]
    verbs = [w for w, flag in tagged(to_simplified(question)) if flag == "v" and len(w) >= 2]  # tagged once
    figures = [
        f
        for f in figures
        if _of_the_thing(f, nouns, rates) or _of_the_act_asked(f, question, nouns) or _by_a_verb_asked(f, verbs, nouns)
    ]
    figures = [f for f in figures if not of_another_act(f, question)]  # 收到1586件 is no 受理 count
    figures = [f for f in figures if not _cumulative_for_a_year(f, question)]
    figures = [f for f in figures if counts_as_asked(question, _own_clause(f))]  # 全市 is no 市本级
    if claimed is None and (level := level_claimed(question)):  # "…是不是低于全省平均水平": the side said
        sides = {level_said(s) for s in answer_sentences(to_simplified(CITATION.sub("", answer)))} - {0}
        return "" if len(sides) != 1 else "是。" if sides == {level} else "否。"
    if claimed is None:
        way = direction_claimed(question)
        ways = {direction(f.change) for f in figures if f.change}
        return "" if not way or len(ways) != 1 else "是。" if ways == {way} else "否。"
    said = [f for f in figures if counts_alike(f.unit, claimed.unit)]
    said = [f for f in said if not _paired_elsewhere(f, question)]  # "分别赋予A、B31项、12项": 12项 is B's
    said = [f for f in said if _labelled(f, nouns)] or said  # "法规18件、规章11件": 11件 is 规章's alone
    if one_of_several and not nouns and not rates and not claimed.change:
        acts = [w for w in words(question) if re.fullmatch(rf"[{CJK}]{{2,}}", w)]
        said = [f for f in said if _labelled(f, acts)]  # "、废止73件": 修改122件次 says nothing of it
    if claimed.change and _went_the_other_way(claimed, said):
        return "否。"  # "…同比上升16.22%对吧": the report's 16.22% is a fall
    if not said and claimed.unit_class == "money" and any(f.unit_class == "money" for f in figures):
        return "否。"  # the amount is given in another currency: "55亿美元" is not the report's 55亿元
    if not said and _unit_claimed_wrong(question, figures):
        return "否。"  # "35.8万件": the report's 35.8万 are 人次
    if said and claimed.change and not any(f.unit == claimed.unit for f in said):
        return "否。"  # "同比下降0.9%": the report's rate fell 0.9个百分点, which is not 0.9%
    if any(_end_of_change(f) for f in said):  # "由167支精简至114支": "精简到167支" claims the end, which is 114支,
        end = _end_of_change(claimed) or "to"  # as "有114支" does
        said = [f for f in said if _end_of_change(f) == end]
        if not said:
            return "否。"
    if said and any(_same_bound(f, claimed) for f in said):
        return "是。"  # the bound the report gives, as it gives it ("超55亿元")
    if said and approximate(claimed):  # "超过3000项" claimed: borne out only by a figure at least that
        if value_range(claimed)[0] != claimed.value:
            return ""  # "近/约…" claimed: no bound to hold the report's figure to
        return "是。" if any(value_range(f)[0] >= claimed.value for f in said) else "否。"
    if not said:
        return ""
    if any(approximate(f) for f in said):  # "近300项" leaves 327 out, "超1.11万件" 1万: not where any may lie
        return "" if any(low <= claimed.value <= high for low, high in map(value_range, said)) else "否。"
    return "是。" if any(f.value == claimed.value for f in said) else "否。"


def _end_of_change(figure) -> str:
    """Which end of a change from one figure to another a figure is ("由167支精简至114支"): "from" (由, 从),
    "to" (到, 至), or "" for a figure said alone."""
    before = figure.sentence[: figure.sentence.find(figure.text)]
    end = _CHANGE_END.search(before)
    return "" if end is None else "from" if end.group(1) else "to"


_CHANGE_END = re.compile(r"(由|从)(?:[^，,。；;由从到至]{0,10}?的)?$|(到|至)了?$")  # "由2023年的4%提高至6%"


def _timed_thing_said(question: str, text: str) -> bool:
    """Whether an answer to a length of time asked names what is timed, when the question names it with its word of
    time ("企业开办时间": 开办; not "…听证举行了几天", whose thing its paragraph may name before). A question of several
    parts names other things too: not held to it."""
    timed = _TIMED.search(to_simplified(question))
    return len(asks(question)) > 1 or not timed or says(to_simplified(text), timed.group(1))


# "企业开办时间": 开办; not the question's own words ("给企业多长时间")
_TIMED = re.compile(r"(?!多长|多少|多久|什么|哪些|几个)([\u4e00-\u9fff]{2})(?:时间|时限|时长|用时|期限|周期)")


def _labelled(figure, nouns: list[str]) -> bool:
    """Whether the words right before a figure, from the last 、 or figure before it, name one of the nouns: of
    "地方性法规18件、政府规章11件" one clause, 11件 is 政府规章's alone. The end of a change from one figure to
    another ("执法队伍由167支精简至114支") has the label of its start."""
    clause, held = _own_clause(figure), to_simplified(figure.text)
    pieces = re.split(r"、|\d[\d.]*\s*(?:万|亿)?[^\s\d、，]?", clause[: clause.find(held)])
    while len(pieces) > 1 and _CHANGED_TO.search(pieces[-1]):
        pieces.pop()
    return any(mentions(pieces[-1], noun, close=True) for noun in nouns)


_CHANGED_TO = re.compile(r"^[^，]{0,6}(?:到|至)$")


def _unit_claimed_wrong(question: str, figures: list) -> bool:
    """Whether a yes-or-no question claims a figure the answer gives, of the same value, in another kind of unit
    ("穗@i企推送1553万家" of 1553万次): the claim is wrong in its unit."""
    claimed = figure_claimed(question) if confirm_asked(question) else None
    return claimed is not None and any(
        f.value == claimed.value and not counts_alike(f.unit, claimed.unit) and f.unit_class for f in figures
    )


def _went_the_other_way(claimed, said: list) -> bool:
    """Whether the changes an answer gives went the other way from the one claimed, none the same way."""
    ways = {direction(f.change) for f in said if f.change}
    return bool(ways) and direction(claimed.change) not in ways


def counted_together(text: str, question: str) -> str:
    """A note when a figure counts the thing asked together with another the question does not ask
    ("办理人大代表、政协委员提案1400余件" for "政协提案多少件"; "修改、废止255件" for "废止了多少件"): pasted as the
    thing's own count, or set against another place's count of it, it is wrong. Not for examples of one kind
    ("公安、交通运输…等执法案卷")."""
    figures = [f for f in extract_figures(text) if f.unit_class not in (None, "time")]
    return next((note for f in figures if (note := _together(f, text, question))), "")


def _together(figure, text: str, question: str) -> str:
    """The note of `counted_together` for one figure, if the things listed right before it call for one."""
    if pairing(figure):
        return ""  # "分别赋予A、B31项、12项": each its own, not counted together
    before = re.split(r"[，；：]", to_simplified(text).split(to_simplified(figure.text))[0])[-1]
    before = re.sub(r"^.*\d[^、]*、", "", before)  # "法律援助1.8万余件、公证55万余件": 公证 alone is before 55万
    listed = _LISTED_BEFORE.search(before)
    if not listed:
        return ""
    items = listed.group(1).split("、")
    items[0] = items[0].removeprefix("等")  # "《…》等地方性法规草案、政府规章12件": 等 ends the names before
    kind = ""  # "确认违法、撤销、变更、责令履行等纠错11件": examples, then the kind they are of, counted
    if "等" in items[-1] and not any("等" in item for item in items[:-1]):
        items[-1], kind = items[-1].split("等", 1)
        if kind[:2] in to_simplified(question) or len(items[-1]) < 2:
            return ""  # the kind asked ("纠错了多少件"; "公安、交通运输等执法案卷" asked as 执法案卷)
    if any("等" in item for item in items):
        return ""
    examples = f"{'、'.join(items)}等{kind}" if kind else ""  # as listed: "确认违法", not its verb taken off
    items[0] = _without_its_verb(items[0]) or items[0]  # "办理人大代表建议…": the thing; "修改、废止255件": acts
    asked = _EXCLUDED.sub("", to_simplified(question))  # "（不含政协提案）" asks it left out, not counted in
    asked, keys = _QUOTES.sub("", asked), [_QUOTES.sub("", item) for item in items]  # “穗@i企” or "穗@i企"
    named = [item for item, key in zip(items, keys, strict=True) if key[:2] in asked]
    if not named or not kind and len(named) == len(items):
        return ""
    return f"（{examples or '、'.join(items)}合计，报告未单列）"


def _without_its_verb(item: str) -> str:
    """The first item of a list without the verb or preposition it opens with ("办理人大代表建议" → 人大代表建议,
    "通过调解" → 调解): what is listed."""
    pairs = tagged(item)
    while pairs and pairs[0][1] == "p":
        pairs = pairs[1:]
    if len(pairs) > 1 and pairs[0][1].startswith("v"):
        pairs = pairs[1:]
    return "".join(w for w, _ in pairs)


class Pairing(NamedTuple):
    """A figure's place in a 分别 pairing: its item, all the items paired, and what the figures count."""

    item: str
    items: list[str]
    of: str


def pairing(figure) -> Pairing | None:
    """The item "分别" pairs a figure with: of "分别赋予南沙区、增城经济开发区31项、12项市级行政职权" (or "A、B分别为
    31项、12项") the two lists pair in order, so 12项 is 增城经济开发区's alone. None when the figure's clause pairs
    no list with it."""
    clause = _own_clause(figure)
    if "分别" not in clause:
        return None
    spans, at = [], 0
    for f in extract_figures(clause):
        start = clause.find(to_simplified(f.text), at)
        if start < 0:
            return None
        spans.append((start, at := start + len(to_simplified(f.text))))
    runs: list[list[tuple[int, int]]] = []
    for span in spans:  # figures joined by 、 (or 和, 及: "分别达99.5%和98.9%") are one list
        if runs and clause[runs[-1][-1][1] : span[0]] in ("、", "和", "及"):
            runs[-1].append(span)
        else:
            runs.append([span])
    held = clause.find(to_simplified(figure.text))
    run = next((r for r in runs if any(start == held for start, _ in r)), [])
    before = re.sub(r"\d+[年月日]度?", "，", clause[: run[0][0]] if len(run) > 1 else "")  # "2024年分别…"
    listed = _PAIRED_BEFORE.search(before)
    items = listed.group(1).split("分别")[-1].split("、") if listed else []
    if len(items) != len(run):
        return None
    items[0] = _without_its_verb(items[0])  # "赋予南沙区": 南沙区
    of = re.match(rf"[{CJK}]{{0,12}}", clause[run[-1][1] :]).group(0)
    return Pairing(items[[start for start, _ in run].index(held)], items, of)


_PAIRED_BEFORE = re.compile(rf"((?:[{CJK}“”]{{2,14}}、)+[{CJK}“”]{{2,14}}?)(?:分别(?:为|是|达到?|有)?)?$")


def _paired_elsewhere(figure, question: str) -> bool:
    """Whether 分别 pairs a figure with an item the question does not name while it names another of them."""
    paired, asked = pairing(figure), to_simplified(question)
    return bool(paired) and paired.item not in asked and any(other in asked for other in paired.items)


def paired_asked(text: str, question: str) -> str:
    """A note naming the one figure of a 分别 pairing the question asks ("（增城经济开发区为12项市级行政职权）"):
    the sentence gives every item's, and pasted as it stands the asked one is left to the reader to pair."""
    asked = to_simplified(question)
    for figure in extract_figures(text):
        paired = pairing(figure)
        if paired and paired.item in asked and not any(o in asked for o in paired.items if o != paired.item):
            return f"（{paired.item}为{to_simplified(figure.text)}{paired.of}）"
    return ""


def running_total(text: str, question: str) -> str:
    """A note when a question asks a year's own figure ("2024年全年交易额多少") and the figure given is a running
    total ("累计交易额超55亿元"): pasted as the year's, it is wrong."""
    if not _ONE_YEAR_ASKED.search(to_simplified(question)) or _CUMULATIVE.search(to_simplified(question)):
        return ""
    figure = next((f for f in extract_figures(text) if f.unit_class not in (None, "time")), None)
    return "（报告所载为累计数，非一年之数）" if figure and _CUMULATIVE.search(_own_clause(figure, 1)) else ""


_ONE_YEAR_ASKED = re.compile(r"全年|当年|这一年|一年(?:内|里|中)?")


_QUOTES = re.compile(r"[“”\"'‘’「」]")
# A thing a question leaves out of its count ("人大代表建议多少件（不含政协提案）", "除政协提案外").
_EXCLUDED = re.compile(rf"(?:不含|不包括|不计|除(?:去|了)?)[{CJK}“”、]{{2,16}}?(?:外|以外|之外|[）)，,？?]|$)")
# Things listed with 、 right before a figure ("人大代表建议、政协提案1407件").
_LISTED_BEFORE = re.compile(  # a name with letters in it ("“穗@i企”平台…") is listed whole
    rf"((?:[{CJK}“”@A-Za-z]{{2,14}}、)+[{CJK}“”@A-Za-z]{{2,14}}?)(?:共|合计)?$"
)


def _cumulative_for_a_year(figure, question: str) -> bool:
    """A running total ("累计交易额超55亿元") where a year's figure is claimed ("2024年交易额超过55亿元"): it is no
    figure of that year, and neither confirms nor denies it."""
    text = to_simplified(question)
    before = to_simplified(figure.sentence).split(to_simplified(figure.text))[0]  # 累计 governs what follows it
    return bool(_CUMULATIVE.search(before)) and not _CUMULATIVE.search(text) and bool(_YEAR_SAID.search(text))


def _at_level(figure, level: str) -> bool:
    """Whether a figure's clause is of the level of government asked (市级, 镇街一级), or names none. A clause
    counting several levels together ("市、区、镇（街）三级综治中心189个") gives no one level's count."""
    clause = _own_clause(figure)
    if _SEVERAL_LEVELS.search(clause):
        return False
    named = {_level_named(m) for m in _LEVEL.finditer(clause)}
    return not named or _level_named(level) in named


def _level_named(found: re.Match | str) -> str:
    """The level a match of `_LEVEL` names, by its first character: 街 is the 镇 level ("镇街一级", "镇（街）级")."""
    text = found.group(0) if isinstance(found, re.Match) else found
    return "镇" if text[0] == "街" else text[0]


_LEVEL = re.compile(r"[省市区县镇乡村街](?:（街）)?一?级")
_SEVERAL_LEVELS = re.compile(r"(?:[省市区县镇乡村街](?:（街）)?、?){2,}[两二三四五]级|各级")
_CUMULATIVE = re.compile(r"累计|累积|总计")  # not 截至…年底: a stock at the year's end is the year's
_YEAR_SAID = re.compile(r"(?:19|20)\d{2}\s*年")


def _act_of(figure) -> str | None:
    """The act on cases the clause holding a figure names ("受理1432件": 受理), if one."""
    return next(iter(case_acts(_own_clause(figure))), None)


def counts_as_asked(question: str, clause: str) -> bool:
    """Whether the clause holding a figure counts what the question narrows it to: what stands or what was added
    (`counts_standing_or_added`), successes, one level ("市本级": not 全市)."""
    if not counts_standing_or_added(question, clause):
        return False
    return counts_successes(question, clause) and ("本级" not in to_simplified(question) or "本级" in clause)


def counts_standing_or_added(question: str, clause: str) -> bool:
    """Whether a clause counts all that stands where the question asks that ("共有多少个示范村", "现在一共几个": not
    "新增…示范村5个", nor those who took part in something, unasked), and what was added where it asks that
    (`counts_added`)."""
    if not counts_added(question, clause):
        return False
    if not standing_asked(question):
        return True
    text = to_simplified(clause)  # "一共有多少执法人员": not "共有3860人参加" a training's exam
    return not (_NEWLY_SAID.search(text) or (TOOK_PART.search(text) and not TOOK_PART.search(to_simplified(question))))


def counts_added(question: str, clause: str) -> bool:
    """Whether a clause counts what was added, where the question asks that ("新增经营主体多少户", "全年新设立了
    多少"): "实有经营主体367.07万户" is what stands, "对1890家次经营主体依法不予处罚" another act on the thing."""
    return not added_asked(question) or bool(_ADDED_SAID.search(to_simplified(clause)))


_ADDED_SAID = re.compile(r"新|增(?!长|幅|速)")  # not "同比增长6.4%": a change, of what stands


def added_unasked(question: str, clause: str) -> bool:
    """Whether a clause counts what was added ("全年新设立经营主体9.7万户") where the question asks neither that nor
    what stands ("湛江和江门经营主体谁多"): what stands ("经营主体总量达68.4万户") answers it first."""
    return not added_asked(question) and bool(_NEWLY_SAID.search(to_simplified(clause)))


def counts_left(question: str, clause: str) -> bool:
    """Whether a clause counts what is left undone, where the question asks that ("还有几个没改完"): "发现问题29个"
    counts all found, "其余2个正在按计划整改中" what is left."""
    return not left_asked(question) or bool(LEFT_SAID.search(to_simplified(clause)))


_NEWLY_SAID = re.compile(r"新增|新建|新设|新认定|新创建")


def counts_asked_in(part: str, sentence: str) -> bool:
    """Whether a sentence holds a count in the unit a part asks, in a clause counting what it asks ("调解成功多少宗":
    not "受理涉港澳商事纠纷57宗，调解成功率达86%", whose 宗 are those received); true when the part asks no count."""
    unit = unit_asked(to_simplified(part), Intent.of(part))
    if not unit or UNIT_CLASSES.get(unit) == "percent":
        return True
    counts = [f for f in extract_figures(sentence) if counts_for(unit, f.unit, part)]
    return any(counts_successes(part, _own_clause(f)) for f in counts)


def counts_successes(question: str, clause: str) -> bool:
    """Whether a clause counts what a question asks of settlements: the successes when it asks them ("调成功了多少
    宗", "成功的宗数": the total beside a 成功率 counts none), else not only those ("一共调解了多少宗纠纷": "共调解
    成功矛盾纠纷18642宗" leaves out those that failed)."""
    if act_counted(question) == "成功":
        return "成功" in clause
    return not _SETTLED.search(to_simplified(clause))


# A count of the settlements that succeeded ("调解成功14155宗", "成功化解51件"); not a 成功率.
_SETTLED = re.compile(r"(?:调解|化解|调处|和解)成功(?!率)|成功(?:调解|化解|调处|和解)(?!率|成功率)")


# How many of a thing there are ("实有经营主体多少户", "现有公职律师多少名"): a report states it with the thing
# ("全市实有经营主体58.6万户"). Not 共有: "普法活动一共有多少人参加" is a total of those who took part.
_STOCK_ASKED = re.compile(r"实有|现有|拥有")


def _counts_another_thing(figure, nouns: list[str], idf, named: list[str]) -> bool:
    """Whether a figure's own clause names a thing of its own, not the one asked: "开展信用预警提示31.4万户（次）"
    counts warnings, though the clause before names 经营主体. A clause naming nothing ("现有68名") may count what
    the clause before names."""
    clause = _own_clause(figure)
    before = clause[: clause.find(to_simplified(figure.text))]
    return bool(asked_nouns(before, idf, named)) and not any(mentions(clause, n) for n in nouns)


def _own_clause(figure, before: int = 0) -> str:
    """The clause of its sentence holding a figure (simplified), with the `before` clauses before it: a rate's
    clause often names no act, the count's before it does ("…调解矛盾纠纷1497宗，成功率达98.73%")."""
    held, clauses = to_simplified(figure.text), re.split(r"[，；;]", to_simplified(figure.sentence))
    whole = re.compile(rf"(?<![\d.]){re.escape(held)}")  # "2个" is not in "12个市直部门"
    at = next((i for i, c in enumerate(clauses) if whole.search(c)), None)
    return "" if at is None else "，".join(clauses[max(0, at - before) : at + 1])


def _acted_on(figure) -> bool:
    """Whether a figure counts those something was done to ("帮助112家企业…", "惠及企业1300余家次"), not how many
    there are: a count of people or bodies, by visits (家次) or after a verb of helping or reaching them. Not a count
    of cases or acts ("2024年为1586件", "涉企行政检查1391次")."""
    if figure.unit not in _ENTITIES:
        return False
    clause = _own_clause(figure)
    before = clause[: clause.find(to_simplified(figure.text))]
    return figure.unit.endswith("次") or bool(_ACTS_ON_THEM.search(before))


_ENTITIES = {"家", "户", "名", "人", "位", "个", "家次", "户次", "人次"}
# Acts done to those a count counts, just before it ("帮助112家企业", "走访企业300家").
_ACTS_ON_THEM = re.compile(r"(?:帮助|帮扶|服务|走访|指导|培训|惠及|支持|引导|扶持|约谈)[\u4e00-\u9fff]{0,4}$")


def _of_another_span(figure, said: list[str], years: list[int], question: str) -> bool:
    """Whether a figure is said of a span of years ("从1986年…，到2016年的30年之间…制定法规148件") that leaves out
    the one year a question asks (2017): it is no figure of that year. A document's year ("2017年的文章里…") asks
    none."""
    part_asked = YEAR_PART_ASKED.search(to_simplified(question)) if not years else None  # "今年上半年…", no year named
    if len(years) != 1 and not part_asked or year_of_a_document(question):
        return False
    held = to_simplified(figure.text)
    for sentence in [*_as_reported(figure, said), figure.sentence]:  # the answer's: its relative years said
        before = re.split(r"[。；;]", to_simplified(sentence).split(held)[0])[-1]
        if part_asked:  # "2018年全年湖里区…4630件" is no first half's (the source's "去年全年" says no year)
            if periods := _YEAR_PERIOD.findall(before):
                return part_of_year(periods[-1][1]) != part_of_year(part_asked.group(1))
            continue
        if span := _SPAN.search(before):
            return not int(span.group(1)) <= years[0] <= int(span.group(2))
        periods = _YEAR_PERIOD.findall(before)
        if periods and (asked := _YEAR_PERIOD.search(to_simplified(question))):  # "2018年全年…" asked of its 上半年
            return (int(periods[-1][0]), part_of_year(periods[-1][1])) != (years[0], part_of_year(asked.group(2)))
        if _last_year_in(before) == years[0]:
            return False  # "…138件，较2023年的114件": the year asked is the last said before it
        if periods:  # "2018年全年湖里区调解…4630件" asked of 2019's first half
            return int(periods[-1][0]) != years[0]
    return False


_SPAN = re.compile(r"((?:19|20)\d{2})\s*年[^。；]{0,20}?(?:到|至|—|-)\s*((?:19|20)\d{2})\s*年")
# A year's own period said before a figure: "2018年全年", "2019年上半年", "2019年1至6月".
_YEAR_PERIOD = re.compile(rf"{YEAR_NAMED.pattern}({YEAR_PART.pattern})")


def said_of_year(plan: Plan, answer: str, year: int) -> bool:
    """Whether an answer gives a figure (of the unit asked) with `year` the last year its sentence names before
    it: "出庭应诉率2022年为93.4%", "…138件，较2023年的114件"; not a figure of the report's own year beside another
    sentence's 2022 ("惠阳区2023年区政府收到…486件" with "2022年为93.4%" of 汕头). An answer holding no such
    figure (a date, a grade: "在2022年度法治广东建设考评中获评良好等次") need only name the year."""
    text, counted, wanted = CITATION.sub("", answer), False, _wanted(plan)  # a rate asked: a count of 2023 is none
    for sentence in answer_sentences(text):
        for figure in extract_figures(sentence):
            if not figure.unit_class or wanted and not counts_for(wanted, figure.unit, plan.question):
                continue
            counted = True
            if _last_year_in(to_simplified(sentence).split(to_simplified(figure.text))[0]) == year:
                return True
    return not counted and f"{year}年" in text


def _last_year_in(text: str) -> int | None:
    """The last year a text names ("…较2023年的" → 2023), or None; not one in a closed aside ("…（2023年为990件），
    纠错率7.4%": the rate is of the year the sentence is of), nor one of an earlier clause giving that year's figure
    ("…2.15万宗，2023年为1.87万宗，调解成功率98.3%": the rate is not 2023's)."""
    clauses = re.split(r"[，；]", re.sub(r"[（(][^（()）]*[)）]", "", text))
    kept = [c for c in clauses[:-1] if not _YEARS_FIGURE.match(c)] + clauses[-1:]
    named = YEAR_NAMED.findall("，".join(kept))
    return int(named[-1]) if named else None


# A clause giving a year's figure beside the year's own ("2023年为1.87万宗").
_YEARS_FIGURE = re.compile(rf"{YEAR_NAMED.pattern}度?(?:为|是)")


def _of_the_kind(figure, said: list[str], kind: tuple[str, ...], kinds: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the clause saying a figure, with the one before it, in a cited sentence (else the answer's), counts
    the kind asked, or names none of its `kinds` (then the figure may still be its count)."""
    held = to_simplified(figure.text)
    for sentence in _as_reported(figure, said):
        clauses = re.split(r"[，；;。]", to_simplified(sentence))
        at = next((i for i, c in enumerate(clauses) if held in c), None)
        near = "".join(clauses[max(0, at - 1) : at + 1]) if at is not None else ""
        if not of_another_kind(near, kind, kinds):
            return True
    return False


def _a_part_not_asked(figure, question: str) -> bool:
    """Whether a figure counts a part a question asking an act on cases does not ask ("主动撤回申请90宗" for "受理了
    多少宗")."""
    return bool(acts_asked(question)) and bool(part_acts(_own_clause(figure))) and not part_acts(question)


def of_another_act(figure, question: str) -> bool:
    """Whether a figure counts another act on cases than the one a question names (收到1586件 for "受理…1586件")."""
    asked = acts_asked(question)
    return len(asked) == 1 and _act_of(figure) not in (None, asked[0])


def no_stand_in(figure, question: str) -> bool:
    """Whether a figure counts another act on cases that cannot stand, even with a note, for the one asked: an
    earlier stage of the handling (收到 for 受理), or another body's act (移送 for 立案; `intent.stands_in_for`)."""
    asked, act = acts_asked(question), _act_of(figure)
    return of_another_act(figure, question) and not stands_in_for(act, asked[0])


def _of_the_act_asked(figure, question: str, nouns: list[str]) -> bool:
    """Whether a figure counts the one act a question names, in a sentence about the thing: "收到行政复议申请1586件，
    受理1432件" says 受理's count in a clause of its own."""
    asked = acts_asked(question)
    return asked == [_act_of(figure)] and any(mentions(to_simplified(figure.sentence), n, close=True) for n in nouns)


def _by_a_verb_asked(figure, verbs: list[str], nouns: list[str]) -> bool:
    """Whether a figure's own clause says one of the question's `verbs`, in a sentence about the thing: "…开展法治
    督察，发现问题47个" for "法治督察发现的问题…是47个": the clause before, naming the thing, holds figures of its
    own."""
    clause = _own_clause(figure)
    return any(w in clause for w in verbs) and any(
        mentions(to_simplified(figure.sentence), n, close=True) for n in nouns
    )


def _claimed_and_said(question: str, answer: str, read: Callable[[str], set]) -> tuple[set, set]:
    """What a yes-or-no question claims and what its answer says, as `read` finds them in each; nothing
    claimed unless the question asks whether, and both are needed to judge."""
    claimed, said = read(to_simplified(question)), read(to_simplified(answer))
    return (claimed, said) if claimed and said and confirm_asked(question) else (set(), set())


def _run_denied(question: str, answer: str) -> bool:
    """Whether a run of years a yes-or-no question claims ("连续10年100%公示") is not the report's (连续8年)."""
    claimed, said = _claimed_and_said(question, answer, lambda x: set(map(numeral_value, _RUN.findall(x))))
    return bool(claimed) and not claimed & said  # 连续4年 is 连续四年


_RUN = re.compile(r"连续(\d+|[一二三四五六七八九十]+)(?:年|届|次)")


def _first_denied(question: str, answer: str) -> bool:
    """Whether a yes-or-no question claims a thing first in a wider area ("全国首家") than the report does
    (全省首家, 全市率先): a first in the country is one in the province too, not the other way."""
    claimed, said = _claimed_and_said(question, answer, lambda x: {_AREAS.index(m) for m in _FIRST_IN.findall(x)})
    return bool(claimed) and min(claimed) > max(said)


_AREAS = ("全区", "全市", "全省", "全国")  # narrowest first
_FIRST_IN = re.compile(rf"({'|'.join(_AREAS)})(?:首|第一|唯一|率先)")


def _reversed(question: str, answer: str) -> bool:
    """Whether a change claimed from one figure to another ("由114支增加到167支") is the report's the other way
    round ("由167支精简至114支")."""
    claimed, said = _claimed_and_said(question, answer, lambda x: set(_FROM_TO.findall(x)))
    return bool(claimed) and not claimed & said and bool({(b, a) for a, b in claimed} & said)


_FROM_TO = re.compile(r"由(\d+(?:\.\d+)?)[^，。；\d]{0,7}?(?:到|至)(\d+(?:\.\d+)?)")


def _rank_unsaid(question: str, answer: str) -> bool:
    """Whether a rank a yes-or-no question claims ("排名第一") is not the rank its answer gives ("稳居前五")."""
    claimed, said = _claimed_and_said(question, answer, lambda x: set(_RANK.findall(x)))
    return bool(claimed - said)


_RANK = re.compile(rf"(?:{RANK_VERBS})[^，。；\d]{{0,4}}?(第[{NUMERALS}\d]+|前[{NUMERALS}\d]+|首位)")


def _rank_verdict(question: str, answer: str) -> str:
    """A place in a ranking a yes-or-no question claims and nothing else ("是不是第一名", "排名第二，对吗"), judged by
    the places the answer says ("排名第二", "居…首位"): "是。" when it says the one claimed, "否。" when it says
    only others, "" when it says none or the question claims a figure too."""
    if figure_claimed(question) is not None:
        return ""
    claimed, said = _claimed_and_said(question, answer, _places_ranked)
    return "" if len(claimed) != 1 or not said else "是。" if claimed <= said else "否。"


def _places_ranked(text: str) -> set[str]:
    """The places in a ranking a text says or claims ("排名第二", "是不是第一名", "居首位" → 第一)."""
    ranks = {m.group(1) for m in _RANK_CLAIMED.finditer(text)} | {r for r in _RANK.findall(text) if r.startswith("第")}
    return ranks | ({"第一"} if "首位" in text else set())


# A place in a ranking, claimed ("是不是第一名", "排第一吗") or said; not a batch or a count (第三批, 第一次).
_RANK_CLAIMED = re.compile(
    rf"(?:排名|排|位居|位列|居|名列|是)[^，。；\d]{{0,4}}?(第[{NUMERALS}\d]+)(?:名|位)?(?![批次届个项条部季期])"
)


def _claimed_besides(question: str, answer: str) -> bool:
    """Whether a yes-or-no question's last clause claims, beside the figure stated before it, a thing the answer
    does not name ("…提供服务6381件，是给企业提供的吧？": 企业, where the report's were for 村（社区）)."""
    *before, last = re.split(r"[，,]", to_simplified(question))
    if not before or figure_claimed(last):
        return False
    return any(not mentions(answer, noun) for noun in _nouns(last) - _ASKING_WORDS)


def _same_bound(figure, claimed) -> bool:
    """An approximate figure claimed as the report gives it: the same value, qualified the same way."""
    return approximate(figure) and figure.value == claimed.value and set(figure.qualifiers) == set(claimed.qualifiers)


def _of_the_thing(figure, nouns: list[str], rates: set[str]) -> bool:
    """Whether the clause holding a figure, or a figure-less clause before it, or the figure's indicator (what a
    change is of: "收到行政复议申请786宗，同比增长68.67%"), names one of the nouns closely, or the rate asked."""
    clauses = re.split(r"[，；;]", to_simplified(figure.sentence))
    at = next((i for i, c in enumerate(clauses) if to_simplified(figure.text) in c), len(clauses) - 1)
    start = at
    while start > 0 and not re.search(r"\d", clauses[start - 1]):
        start -= 1
    near = "，".join(clauses[start : at + 1])
    said = f"{near}，{to_simplified(figure.indicator or '')}"
    return not nouns or any(mentions(said, n, close=True) for n in nouns) or any(rate in near for rate in rates)


def changes_of_the_asked(question: str, changes: list, said: list[str], idf, named: list[str]) -> bool:
    """Whether the changes an answer says are of what a question asks the change (or which way it went) of: 经营主体's
    growth asked, 行政复议案件's is another thing's; "纠错率和上年比", "…收到…1124件，同比增长42.3%" is 收到's. True
    when no change is asked."""
    text = to_simplified(question)
    if not changes or not (change_asked(text) or TREND_ASKED.search(text)):
        return True
    parts = asks(question)
    at = next((i for i, a in enumerate(parts) if change_asked(a) or TREND_ASKED.search(to_simplified(a))), None)
    part = question if at is None else parts[at]
    thing = part if asked_nouns(part, idf, named) or at is None else asked_of(parts, at)  # "比上年增长了多少"
    nouns = asked_nouns(thing, idf, named)  # of one thing, all: 交通事故死亡人数's change is no 交通事故数's
    each = any if re.search(r"[和与及、，,]|呢", thing) else all  # of several things, one's
    said_of = [s for f in changes for s in _changed(f, said)]
    rated = any(r in to_simplified(s) for r in rates_named(thing) for s in said_of)  # "…败诉率多少？比上年变化多少"
    if nouns and not rated and not any(each(mentions(to_simplified(s), n) for n in nouns) for s in said_of):
        return False
    acts = [] if nouns else _acts_of_the_thing(thing)  # "调解各类纠纷…同比增长多少": 纠纷 a word of any kind, 调解
    if acts and not rated and not any(a in to_simplified(s) for a in acts for s in said_of):  # tells it (新收行政复议
        return False  # 案件's growth is another thing's)
    rates = rates_named(part)  # "败诉率…下降1.7个百分点" is 败诉率's: the rate in the change's clause or the one before
    return not rates or any(r in _own_clause(f, 1) for r in rates for f in changes)


def _acts_of_the_thing(question: str) -> list[str]:
    """The verbs a question names its thing by when it names no noun of its own ("调解各类纠纷…": 调解), not those
    asking how it changed (增长, 下降) or how many."""
    pairs = tagged(to_simplified(question))
    return [
        w
        for w, flag in pairs
        if flag == "v" and len(w) >= 2 and w not in _ASKING_WORDS | _LIGHT_VERBS and not _CHANGE_VERB.match(w)
    ]


# Verbs that say little of what is done ("涉及多少个单位", "开展了多少次"): no act a thing is told by.
_LIGHT_VERBS = frozenset(
    "涉及 包括 包含 覆盖 达到 实现 进行 开展 组织 推动 推进 完成 办理 处理 共有 拥有 打算 计划 准备".split()
)


# The verbs saying a change ("同比增长多少"): no verb of the thing changed.
_CHANGE_VERB = re.compile(rf"{CHANGE_WORDS}|变化|变动|扩大|缩小|多了|少了")


def _acts_counted(acts: list[str], counts: list, each: bool) -> bool:
    """Whether the counts count the acts a question names: all in one count's clause ("调解和解多少件": "调解和解结案
    187件"), or, asked each ("维持、驳回和纠错各多少件"), each in a count's clause of its own."""
    if each and len(acts) > 1:
        return all(any(act in _own_clause(f, 1) for f in counts) for act in acts)
    return any(all(act in _own_clause(f, 1) for act in acts) for f in counts)


def _changed(change, said: list[str]) -> list[str]:
    """What a change is of, by the cited sentences saying it (their indicator: "…败诉率4.1%，较上年下降1.7个百分点"
    is 败诉率's drop, whatever clauses the answer kept around it), else the sentences themselves."""
    held = to_simplified(change.text)
    of = [
        s[: s.find(held)] if f"其中{f.indicator}" in s else f.indicator  # "…行政复议申请…，其中收到申请数
        for s in said  # 同比增长29.6%": of what the sentence counted before it
        if held in s
        for f in extract_figures(s)
        if f.change and f.text == held
    ]
    return [i for i in of if i] or _holding([change], said)


def _as_reported(figure, said: list[str]) -> list[str]:
    """The cited sentences saying a figure, as the report says them, else the answer's own sentence: what the
    figure is said of is read where it was not trimmed away."""
    return [s for s in said if to_simplified(figure.text) in s] or [figure.sentence]


def _anothers_count(figure, said: list[str], question: str, unit: str, noun: str) -> bool:
    """Whether a count in the unit asked is another thing's by the whole sentence it was trimmed from: "办理法律援助
    案件1026件…；公共法律服务中心全年接待群众咨询1.1万人次" for 法律援助's 人次 (`counted_elsewhere`)."""
    whole = [s for s in said if to_simplified(figure.text) in s]
    return any(counted_elsewhere(s, to_simplified(figure.text), question, unit, noun) for s in whole)


def counted_elsewhere(text: str, held: str, question: str, unit: str, noun: str) -> bool:
    """Whether `held`, a count in the unit asked, is another thing's than `noun`'s: its clause does not name the
    thing, which another clause counts in another unit, and no clause before it in its part of the text (up to a
    ；) counts the thing. A count going on from the thing's is of it ("开展专项执法行动15次，查处违法案件5,236宗");
    one in a part of its own, of another subject, is not ("办理法律援助案件1026件…；公共法律服务中心…咨询1.1万人次")."""
    parts = [re.split(r"[，,：]", part) for part in re.split(r"[；;]", to_simplified(text))]
    clauses = [(c, k, extract_figures(c)) for k, part in enumerate(parts) for c in part]
    at = next((i for i, (c, *_) in enumerate(clauses) if held in c), None)
    if at is None or says(clauses[at][0], noun):
        return False
    in_unit = [c for c, _, figures in clauses if any(counts_for(unit, f.unit, question) for f in figures)]
    counted = [
        (i, c, k) for i, (c, k, figures) in enumerate(clauses) if any(f.unit_class in COUNT_CLASSES for f in figures)
    ]
    if any(says(c, noun) for c in in_unit) or not any(says(c, noun) for _, c, _ in counted):
        return False
    return not any(says(c, noun) for i, c, k in counted if i < at and k == clauses[at][1])


def _holding(figures: list, said: list[str]) -> list[str]:
    """The sentences saying these figures: the answer's own, and the cited sources' they were trimmed from."""
    return [sentence for f in figures for sentence in [f.sentence, *(s for s in said if to_simplified(f.text) in s)]]


def _counts_the_asked(part: str, sentences: list[str], wanted: str, idf, named: list[str]) -> bool:
    """Whether one figure, by the sentences saying it, counts what a part asks: they name the thing; of those
    among a whole with a mark, the mark's rarest word; of an amount, the money named ("涉及金额3.2亿元" of
    人民调解 is no 法律援助 amount, and 法律援助's 追回欠薪2860万元 is no 金额: neither answers, not each half)."""
    money = money_measured(part) if counts_alike(wanted, "元") else None
    sentences = [_CONCENTRATED_IN.sub("", s) for s in sentences]  # "…138件，主要集中在征地拆迁…等领域" counts none
    # of an amount, what it is of: not 金额 itself, nor the act measuring it ("挽回经济损失": 审计's 挽回损失 is none)
    thing = re.sub(rf"{_MONEY_ACT}(?:经济)?{re.escape(money)}", "", part) if money else part
    if not any(names_the_thing(thing, s, idf, named) for s in sentences):
        return False
    if money and not asked_nouns(thing, idf, named) and not _says_a_word(thing, money, sentences, named):
        return False  # "罚没款金额是多少" (罚没款 tagged a verb, no noun asked): "…合同148份，涉及金额216.5亿元"
    # "多少场行政复议听证会": the rarest word the reports use of what is counted (听证会), not 行政复议 alone; not
    # a word of a kind of thing (信用记录: 修复信用…条), nor the asker's own ("案子")
    words = [w for w in _words_of(counted_thing(part)) if idf(w) < idf("") and w not in GENERIC_THINGS | _ASKING_WORDS]
    if len(words) > 1 and not _says_rarest(words, sentences, idf):
        return False
    named_before = [  # not the asker's word for the count ("法律援助件数")
        w for w in _words_of(thing_of_act(part)) if w not in GENERIC_THINGS | _WHEN_PLANNED | _ASKING_WORDS
    ]
    if len(named_before) > 1 and not any(all(mentions(s, w) for w in named_before) for s in sentences):
        return False  # "行政复议听证会开了几场": "…重大行政决策…，其中召开听证会1场" is of another thing's
    among = _AMONG.search(to_simplified(part))  # "执法人员中有多少人取得法律职业资格": those of them who did
    mark = next((g for g in among.groups() if g), "") if among else ""
    marks = [t for t in tokenize(mark) if len(t) >= 2 and t not in GENERIC_THINGS]
    if marks and not _says_rarest(marks, sentences, idf):  # its rarest word: 表彰, 法律职业
        return False
    return not money or any(money in s for s in sentences)  # 挽回经济损失 asked: 追回欠薪 is another amount


# Where a count's items mostly lie ("主要集中在征地拆迁、劳动和社会保障、治安管理等领域"), or the fields a whole is
# of ("对征地拆迁、劳动保障、工伤认定等领域的行政争议"): the fields named so are no count of their own, so
# "复议里征地拆迁的有多少件" is not answered by the whole's 138件.
_CONCENTRATED_IN = re.compile(
    r"(?:主要)?集中(?:在|于)[^，,。；;]{2,40}|[^，,。；;、]{2,10}(?:、[^，,。；;、]{2,10})+等(?:重点)?(?:领域|方面|行业)"
)


# What an amount asked is measured by doing, said before it: "挽回(经济)损失", "追回欠薪", "兑现…资金".
_MONEY_ACT = "(?:挽回|追回|涉及|兑现|节约|减少|促进)?"


# Words saying when or that a thing is planned ("下一年计划走访…"): the asker's, no name of what is counted.
_WHEN_PLANNED = frozenset("一年 计划 打算 准备 明年 今年 全年 当年 下一年".split())


def _says_a_word(thing: str, money: str, sentences: list[str], named: list[str]) -> bool:
    """Whether a sentence says a word of what an amount is asked of, when jieba reads none as a noun: "罚没款"."""
    words = {w for w in tokenize(to_simplified(thing)) if len(w) >= 2 and not any(w in x or x in w for x in named)}
    words -= _ASKING_WORDS | GENERIC_THINGS | {money}
    return not words or any(w in s for w in words for s in sentences)


def _says_rarest(words: list[str], sentences: list[str], idf: Callable[[str], float]) -> bool:
    """Whether one of the sentences says the rarest of the words."""
    word = rarest(words, idf)
    return any(word in s for s in sentences)


def rarest(words: Iterable[str], idf: Callable[[str], float]) -> str:
    """The rarest of some words by the index's idf; of equally rare, the longer, then the first in code order.
    Never the order of a set, which Python changes with each process's hash seed: the answer would change too."""
    return max(sorted(words), key=lambda w: (idf(w), len(w)))


def names_the_thing(question: str, sentence: str, idf: Callable[[str], float], named: list[str]) -> bool:
    """Whether a sentence names what a question asks about: one of its two rarest nouns (`asked_nouns`); true
    when the question names no such noun."""
    nouns = asked_nouns(question, idf, named)
    if any(code not in sentence for code in NUMBER_NAMES.findall(to_simplified(question))):
        return False  # "12348热线": 12345's sentence is of another line
    return not nouns or any(mentions(to_simplified(sentence), n) for n in nouns)


def names_every_thing(plan: Plan, answer: str, idf: Callable[[str], float]) -> bool:
    """Whether one clause of an answer names each of a question's rarest nouns (`asked_nouns`), and holds the
    figure when one is asked: what passages found deeper must show, as they are more often of a neighbouring
    thing ("行政复议听证会开了几场": the 听证会 of 重大行政决策; "立法搞了多少": "…与立法项目同步制定…，…基准
    文件33份" counts 文件; "执法人员中有法律职业资格的": 持证执法人员 in one sentence, 职业资格认可 in another)."""
    named = [to_simplified(x) for x in plan.scope.issuers + plan.scope.places]
    nouns = asked_nouns(plan.question, idf, named)
    clauses = re.split(r"[，；;。]", to_simplified(CITATION.sub("", answer)))
    return bool(nouns) and any(  # naming none, a question is too loose for passages found deeper
        all(mentions(clause, n) for n in nouns)
        and (plan.kind not in ("figure", "rate") or plan.intent.figure_in(clause))
        for clause in clauses
    )


def asked_nouns(question: str, idf: Callable[[str], float], named: list[str]) -> list[str]:
    """The two rarest nouns of a question (by the index's idf): places, words of a kind of thing (案件) and
    rates and units aside ("人次" names no thing: any count in 人次 says it)."""
    question = _ARTICLE_LOCATED.sub("", to_simplified(question))  # "广州日报那篇…的文章里，": where, not what
    nouns = _nouns(BARE_REVIEW.sub("行政复议", question)) - GENERIC_THINGS - _ASKING_WORDS - UNIT_CLASSES.keys()
    nouns -= set(CASE_ACTS)  # 受理 of "热线受理企业诉求": an act any count of cases says, not the thing
    nouns -= {"计划", "目标", "打算"} if TARGET_ASKED.search(question) else set()  # "…计划扩到多少项": plans asked
    things = [_MEASURE_OF.sub("", n) for n in nouns if not any(n in x for x in named) and not n.endswith("率")]
    return sorted(things, key=lambda n: (-idf(n), n))[:2]  # ties in code order, not the set's (see `rarest`)


# Where the asker read it, inside the question ("厦门那篇报道里2019年上半年…"): no word a sentence must say.
_IN_THE_ARTICLE = re.compile(r"(?:那|这)篇(?:新闻|报道|文章)(?:里|中|上)[，,]?")
# Where the asker read it, an article named before the question ("广州日报那篇讲广州法治建设的文章里，"): nothing asked.
_ARTICLE_LOCATED = re.compile(r"^[^，,。？?]*?(?:那|这)篇[^，,。？?]*?(?:新闻|报道|文章)(?:里|中|上)?[，,]")
# An asker's word for how much of a thing ("申请量", "办件量"): the thing the reports count (申请, 办件).
_MEASURE_OF = re.compile(r"(?<=[\u4e00-\u9fff]{2})量$")


# Acts a question asks the date of ("什么时候施行"): the answer's clause saying the act must hold a date.
_DATED_ACT = re.compile(
    r"施行|实施|举行|召开|开通|成立|设立|组建|建立|挂牌|上线|启用|启动|推行|印发|通过|批准|公布|发布|颁布|评为|获评"
    r"|开始(?=的?[？?]?$)"  # "试点是哪年开始的"; not "从哪一年开始拥有…", which dates 拥有
)
# A date an act took place on (2003年起, 2012年底, 7月1日); "2024年度立法工作计划" names a plan's year.
_ACT_DATE = re.compile(r"(?:19|20)\d{2}\s*年(?!度)|\d{1,2}月")
# One act, several words: a report may say 施行 where the question says 实施.
_SAME_ACTS = (
    ("施行", "实施", "开始", "启动", "推行"),
    ("成立", "设立", "组建", "建立", "挂牌"),
    ("举行", "召开", "会上", "开始"),  # "…推进会上获悉": what was said at a meeting dates it; an event held, its start
    ("印发", "发布", "公布", "颁布"),
    ("评为", "获评"),
    ("修订", "修改", "修正"),
)


def _same_acts(act: str) -> tuple[str, ...]:
    """An act and the other words the reports say it with (`_SAME_ACTS`): 施行 → 施行, 实施, 开始…; 开始 → what
    starts a rule's force and what holds an event."""
    return tuple(dict.fromkeys(word for group in _SAME_ACTS if act in group for word in group)) or (act,)


# Words jieba may tag as nouns that ask, or measure, and name no thing ("执法队伍数量是不是减少了").
_ASKING_WORDS = frozenset(
    "是不是 有没有 对不对 数量 数目 总数 总量 人数 件数 宗数 次数 个数 户数 家数 项数 场数 变化 变动 幅度 "
    "参加 参与".split()  # "有多少人参加年度述法": those counted take part in the thing, they are not it
)
# A count named by what is counted before its counting word ("受援人数", "述法的人数"): those, not any people counted.
_COUNTED_BY = re.compile(rf"([{CJK}]{{2}})的?(?:人数|件数|宗数|户数|家数|群众(?=多少|几))")  # "受援群众多少人"


def mentions(text: str, noun: str, close: bool = False) -> bool:
    """Whether a sentence names a thing: the noun itself, or each of its words ("政协提案" in "政协委员提案").
    `close`: its words in order and close together, where a clause naming other things with them must not count
    ("行政复议" is not in "行政裁量权基准…复议诉讼"); the refusal check reads a whole sentence and keeps the
    looser rule (“复议+调解”…主动撤回申请90宗 is about 行政复议申请)."""
    text = in_full(text)
    if noun in text:
        return True
    parts = _words_of(noun)
    if close:
        return len(parts) > 1 and bool(re.search(".{0,4}".join(re.escape(p) for p in parts), text))
    return len(parts) > 1 and all(part in text for part in parts)


@lru_cache(maxsize=4096)  # asked of the same nouns for every sentence `coverage` reads
def _words_of(noun: str) -> tuple[str, ...]:
    """A noun's words of two characters or more, left to right, not overlapping (人民调解 → 人民, 调解)."""
    found = sorted((noun.find(t), t) for t in set(tokenize(noun)) if len(t) >= 2 and t != noun and t in noun)
    words, end = [], 0
    for start, token in found:
        if start >= end:
            words.append(token)
            end = start + len(token)
    return tuple(words)


def _nouns(question: str) -> set[str]:
    """The things a question names (jieba's noun tags, places aside, and its fixed expressions, which here are
    names of things: 人民调解 is tagged `l`), and a verb inside a noun's name (应诉 of 行政/应诉/案件: what tells
    行政应诉案件 from 政府信息公开申请案件): what the answer's figure must count."""
    pairs = tagged(to_simplified(question))

    def noun(i: int) -> bool:
        return 0 <= i < len(pairs) and pairs[i][1].startswith("n") and pairs[i][1] not in ("ns", "vn")

    def counted(i: int) -> str:  # a counter jieba joins to its noun ("多少份文件" → 份文件) is no part of it
        w = pairs[i][0]
        return w[1:] if i and pairs[i - 1][0] in ("多少", "几") and w[0] in UNIT_CLASSES and len(w) >= 3 else w

    found, joined = set(), set()
    for i, (w, flag) in enumerate(pairs):
        if w in WHERE_DONE and i + 1 < len(pairs) and (noun(i + 1) or pairs[i + 1][1] in ("l", "j")):
            found.add(w + pairs[i + 1][0])  # "省内通办": where it is done tells it from 跨省通办, 川渝通办
            joined.add(i + 1)
        elif w == "涉" and i + 1 < len(pairs) and len(pairs[i + 1][0]) == 1 and noun(i + 1):
            found.add(w + pairs[i + 1][0])  # "涉侨的调解成功率" (涉/vg 侨/ng): what the cases are of, a thing
            joined.add(i + 1)
        elif (
            i not in joined
            and len(w) >= 2
            and (noun(i) or flag == "l" or flag in ("v", "vn") and noun(i - 1) and noun(i + 1))
        ):
            found.add(counted(i))
    return found
