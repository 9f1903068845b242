"""Facts, not chunks: what a report's structure says for a question's plan, each fact with the passage it cites.

Similar chunks answer a question about one figure well, and a question about a report's structure badly: its
shortcomings span several chunks, its date and source share no words with the question, and a comparison needs
one figure from each of two reports. For those kinds (`report`, `section`, `summary`, `comparison`) the facts
come from the structure stored at indexing time (`ingest.report.Report`): the report's own lines, a section
read whole by its role, the indicator rows of each place. Every fact carries the passage it cites, and the
`extractive` composition of the facts (`Facts.text`) is a complete sentence naming place and year.
Derived facts (which figure is larger) are computed here, in code, from rows the answer cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date

from bot.answer.arithmetic import (
    change_asked_of_ends,
    in_unit_of,
    inexact,
    more_than_the_year_before,
    places_compared,
    plain_number,
    series_start,
    worked_out,
    written,
)
from bot.answer.checks import (
    added_unasked,
    answers_the_asked,
    asked_nouns,
    confirmation,
    counted_together,
    counts_added,
    counts_successes,
    mentions,
    names_the_thing,
    of_another_act,
    pairing,
    rarest,
)
from bot.answer.framing import without_own_place, year_lead
from bot.answer.intent import (
    ADDRESSEE_ASKED,
    ARTICLE_ASKED,
    BARE_REVIEW,
    CASE_ACTS,
    DIFFERENCE_ASKED,
    DISTINCT_KINDS,
    GENERIC_THINGS,
    HONOUR_SAID,
    HOW_MANY,
    ITEMS_COUNTED,
    LATEST_ASKED,
    LOCATION_ASKED,
    NUMBER_NAMES,
    OPENING_ASKED,
    ORDER_ASKED,
    PART_ASKED,
    RATIO_ASKED,
    RELATIVE_YEAR_ASKED,
    RELEASED_FIRST,
    RESULTS_ASKED,
    SHARE_OF_ASKED,
    SUM_ASKED,
    UNITS_ASKED,
    YEARS_FIGURE,
    Plan,
    acts_asked,
    asks,
    case_acts,
    change_asked,
    figure_claimed,
    find_scope,
    honours_listed,
    kind_asked,
    lists_things,
    make_plan,
    mention_asked,
    most_claimed,
    names_a_thing,
    of_another_kind,
    order_claimed,
    part_act,
    places_paired,
    rates_named,
    report_years,
    role_asked,
    share_of_sum,
    short_name,
    subject_of,
    things_summed,
    wider_whole_asked,
    without_places,
)
from bot.index.library import Library
from bot.ingest.dates import relative_dates
from bot.ingest.figures import (
    COUNT_CLASSES,
    Figure,
    antecedents,
    approximate,
    counts_alike,
    counts_for,
    direction,
    extract_figures,
    unreached,
    value_range,
)
from bot.ingest.metadata import SIGNATURE_DATE, release_dated
from bot.ingest.places import asks_its_city, is_local, its_city, of_its_city, opens_with_its_city
from bot.ingest.report import Report
from bot.ingest.structure import Section, items_in, section_at
from bot.models import REFUSAL, Filters, Passage
from bot.text import (
    CITATION,
    CJK,
    MARKER,
    NUMBER,
    NUMERALS,
    TITLE,
    bigrams,
    sentence_holding,
    split_sentences,
    tagged,
    to_simplified,
    tokenize,
)

Idf = Callable[[str], float]

# Words of a question that say what kind it is, not what it is about (they must not pick the sentence).
_FRAME = set(
    "一步 做些 存在 哪些 不足 问题 短板 差距 薄弱 下一步 下一年 明年 今后 打算 安排 计划 准备 工作 方面 报告 "
    "指出 提到 说 部分 需要 一类 报道 文章 措施 采取 "
    "什么 怎样 怎么 如何 做 做了 情况 履行 推进 法治 建设 第一 责任人 职责 主要 负责 同志 领导 概括 总结 请 成效 "
    "做法 举措 成绩 亮点 成果 取得 哪个 谁 更 多 高 哪 一个 相比 比较 数量 一样 年度 全市 全区 政府 市 区 具体 表现 "
    "有何 有 "
    "内容 要点 篇 那篇 这篇 一下 介绍 哪几 几个 哪几个 分为 简要 简单 简述 大致 大概 总体 整体 重点 "
    "分别 各自 各是 各有 各为 "
    "上年 去年 上一年 同比 涨得 降得 快 慢 更快 更慢 "  # a change asked: its row is the thing's change
    # ("较上年减少45件" of 行政诉讼 is no change of 复议申请)
    "的 了 在 上 中 和 与 及 等 是 为 对".split()
)
_ROLE_PHRASE = {  # short: the question named the section already, the answer only says which report's
    "shortcomings": "所列不足",
    "plans": "的工作安排",
    "duty": "关于第一责任人职责",
    "measures": "的举措和成效",
}
# "哪几方面", "哪几项": the parts; "哪几个立法项目" names a thing of one of them
_ASKS_PARTS = re.compile(r"哪几(?:个)?(?:方面|项|条|点|部分|块|[？?]|$)|几个方面|几方面|哪些方面|主要包括|重点有哪些")
_DUTY = re.compile(r"第一责任人|主要负责(?:人|同志)|主要领导")
_ITEM_LABEL = re.compile(rf"^(?:[{NUMERALS}]+是|[（(][{NUMERALS}]+[）)]|\d+[.．、](?!\d))")


@dataclass
class Facts:
    """Numbered passages (the sources) and the extractive composition citing them as [n]."""

    passages: list[Passage]
    text: str
    # figures computed in code from the cited rows (a sum), and the years of reports said not to give a figure
    # (they cite nothing): grounded as they are
    derived: tuple[str, ...] = ()


# What the reports asked about do not say of themselves (a report with no signature asked its date): refused,
# never answered from similar chunks (a sentence on 公安机关 is no report's issuer).
UNSAID = Facts([], REFUSAL)


def gather(plan: Plan, library: Library, filters: Filters | None, idf: Idf) -> Facts | None:
    """The facts for a plan whose kind the structure answers; None for the others (similar chunks answer)."""
    if plan.kind == "comparison":
        return _comparison(plan, library, filters, idf)
    if plan.kind == "mentions":
        return _mentions(plan, library, filters)
    if plan.kind == "catalogue":
        return _catalogue(plan, library)
    reports = reports_for(plan, library, filters)
    if len(reports) == 1 and honours_listed(plan.question, plan.scope, library.issuers()):
        return _honours(*reports[0], library, _level_asked(plan.question), plan.scope.places)
    if len(reports) > 1 and plan.kind == "section" and plan.role:  # "A和B的报告都提到…": each report's part
        return _joined([_section(plan, report, name, idf) for report, name in reports])
    if plan.kind == "report" and reports:  # only a report's own lines say what it is; of several, each one's
        each = [_about_report(plan, report, name, library) for report, name in reports]
        if all(facts is None for facts in each):
            return UNSAID
        joined = _joined([f or _not_said(r, n, library) for f, (r, n) in zip(each, reports, strict=True)])
        if joined and len(reports) > 1 and RELEASED_FIRST.search(plan.question):
            return replace(joined, text=joined.text + _released_first(plan, reports))
        return joined
    if plan.kind == "outline":  # only the report's own headings say how it is divided; similar chunks do not
        return _joined([_outline(plan, report, name, library) for report, name in reports]) or UNSAID
    if not reports and plan.kind in ("figure", "rate") and len(plan.scope.years) == 1:
        return _year_before(plan, library, filters, idf)  # "南海区2023年…" with only its 2024 report
    if len(reports) != 1:
        return None
    report, name = reports[0]
    if plan.kind == "section" and plan.role:
        facts = _section(plan, report, name, idf)
        article = _kind(report, library) == "article"
        return UNSAID if facts is None and article else facts  # a news article lists no 不足: nothing says them
    if plan.kind == "summary":
        return _summary(plan, report, name, idf)
    if plan.kind == "rate":
        return _rate(plan, report, name, idf)
    if plan.kind == "located":
        return _located(plan, report, name, idf, library)
    return None


# "这个数字出自…": the words pointing at the figure, no words of what it counts.
_THIS_FIGURE = re.compile(r"(?:这个|该|这一|此)(?:数字|数据|数值|数)")


def _located(plan: Plan, report: Report, name: str, idf: Idf, library: Library) -> Facts | None:
    """Which part of its report says something ("这个数字出自报告哪一部分？" after a figure was given): the
    sentence saying most of what is asked (holding a figure when a number is asked of), in its deepest
    section, whose heading path is the answer; of an article, which has no headings, the article itself (its
    headline, source and date). None when no sentence says enough of it."""
    asked = make_plan(_THIS_FIGURE.sub("", LOCATION_ASKED.sub("", plan.question)), [])
    names = [to_simplified(n) for n in plan.scope.issuers + plan.scope.places]
    terms = {t for t in _terms(asked) if not any(t in name for name in names)}  # every sentence is its place's
    number = asked.intent.figure or _NUMBER_ASKED.search(plan.question)
    record = library.document(report.doc) or {}
    article = record.get("kind") == "article"
    best, best_key = None, (0.0, 0)
    for section in report.sections:
        for sentence in _body_sentences(section) if section.path or article else []:
            if number and not NUMBER.search(sentence):
                continue
            key = (_score(sentence, terms, idf), len(section.path))
            if key > best_key:
                best, best_key = (section, sentence), key
    if best is None or best_key[0] < 0.6 * _score(report.text, terms, idf):
        return None
    section, sentence = best
    if article:  # "出自哪里": the article, said by its headline, source and date
        source = "，".join(x for x in (record.get("source"), report.published) if x)
        text = f"出自《{report.title}》（{source}）：{_clean(sentence).rstrip('。')}[1]。"
        return Facts([_passage(report, section, sentence)], text, (str(report.covered_year or ""),))
    part = " > ".join(section.path)
    text = f"{name}{report.covered_year or ''}年度报告“{part}”部分：{_clean(sentence).rstrip('。')}[1]。"
    return Facts([_passage(report, section, sentence)], text, (str(report.covered_year or ""),))


# A number asked of ("这个数字", "该数据"): the sentence that says it holds one.
_NUMBER_ASKED = re.compile(r"数字|数据|数值|这个数|该数")


def _mentions(plan: Plan, library: Library, filters: Filters | None) -> Facts | None:
    """Which reports mention the words quoted ("哪些报告提到了“综合查一次”"): each report's first sentence holding
    them, cut to the clause that does, cited; the reports that do not are named. None when none does."""
    said, passages, silent = [], [], []
    reports = reports_for(plan, library, filters)
    if len(reports) == 1:
        report, name = reports[0]
        return _mentioned_in(plan.term, report, _report_name(report, name, _kind(report, library)))
    for report, name in reports:
        found = _first_sentence(report, lambda sentence: plan.term in to_simplified(sentence))
        if found is None:
            silent.append((f"{name}{report.covered_year or ''}年度报告", str(report.covered_year or "")))
            continue
        at, sentence = found
        passages.append(_passage(report, section_at(list(report.sections), at), sentence))
        clause = next(c for c in re.split(r"[，；;：]", _clean(sentence)) if plan.term in to_simplified(c))
        said.append(f"{name}{report.covered_year or ''}年：{clause.strip('。')}[{len(passages)}]")
    if not said:
        return None
    text = f"提到“{plan.term}”的有：" + "；".join(said) + "。"
    text += f"{'、'.join(report for report, _ in silent)}未提及。" if silent else ""
    return Facts(passages, text, tuple(year for _, year in silent if year))  # the silent reports' years


def _honours(
    report: Report, name: str, library: Library, level: str = "", places: Collection[str] = ()
) -> Facts | None:
    """A report's honours: every clause outside its plans saying one was won ("台山市获评…示范地区"), in its order,
    each cited by its sentence; not one building on an honour ("以台山市获评…为契机"); None when it says none.
    Of a `level` asked ("其中国家级的有哪些"), those naming it; when none does, that is said before them all. Of a
    place within the report's asked ("坭陂镇得了什么称号"), those naming it, and UNSAID when none does: the others'
    are not its own."""
    won: list[tuple[Passage, str]] = []  # (the sentence cited, a clause saying an honour)
    for at, paragraph in enumerate(report.text.split("\n")):
        section = section_at(list(report.sections), at)
        if section is not None and section.role == "plans":  # next year's aims, not honours won
            continue
        for sentence in split_sentences(paragraph):
            clauses = [c.strip("；; ") for c in re.split(r"(?<=[；;])", _clean(sentence))]
            honours = [c for c in clauses if HONOUR_SAID.search(to_simplified(c)) and not c.startswith("以")]
            if honours:  # its passage (the report read for its paragraph's opening) only for a sentence cited
                cited = _passage(report, section, sentence)
                won += [(cited, c) for c in honours]
    if not won:
        return None
    if places and not (won := [(p, c) for p, c in won if any(place in to_simplified(c) for place in places)]):
        return UNSAID
    title = f"{_report_name(report, name, _kind(report, library))}所载荣誉"
    if level and (leveled := [(p, c) for p, c in won if re.search(_LEVEL_WORDS[level], to_simplified(c))]):
        passages, said = _cited_in_order(leveled)
        return Facts(passages, f"{title}中{level}级的：{said}。")
    passages, said = _cited_in_order(won)
    return Facts(passages, f"{title}中未见{level}级的；{title}：{said}。" if level else f"{title}：{said}。")


def _cited_in_order(clauses: list[tuple[Passage, str]]) -> tuple[list[Passage], str]:
    """Clauses joined by ；, each cited by its sentence, numbered in order of first appearance."""
    passages: list[Passage] = []
    said = []
    for passage, clause in clauses:
        if passage not in passages:
            passages.append(passage)
        said.append(f"{clause.rstrip('。')}[{passages.index(passage) + 1}]")
    return passages, "；".join(said)


# The level of an honour asked ("国家级的有哪些", "省级荣誉"), and the words a clause saying one of it has.
_LEVEL_ASKED = re.compile(r"(国家|省|市)级")
_LEVEL_WORDS = {"国家": r"全国|国家", "省": r"全省|广东|省级", "市": r"全市|市级"}


def _level_asked(question: str) -> str:
    found = _LEVEL_ASKED.search(to_simplified(question))
    return found.group(1) if found else ""


def _first_sentence(report: Report, holds: Callable[[str], bool]) -> tuple[int, str] | None:
    """A report's first sentence that `holds`, with the number of its paragraph."""
    paragraphs = report.text.split("\n")
    return next(((i, s) for i, p in enumerate(paragraphs) for s in split_sentences(p) if holds(s)), None)


def _mentioned_in(term: str, report: Report, title: str) -> Facts:
    """Whether one report mentions a term ("肇庆那份报告提到信访了吗"): its first sentence holding it, cited; else
    that it does not, cited by the report's title lines (a sentence on something else had answered, reading as
    yes). `title`: how the answer names the report."""
    found = _first_sentence(report, lambda sentence: _holds(sentence, term))
    if found is None:
        return Facts([_passage(report, None, "\n".join(_lines(report)[:3]))], f"{title}未提及“{term}”[1]。")
    at, sentence = found
    return Facts(
        [_passage(report, section_at(list(report.sections), at), sentence)],
        f"{title}提到“{term}”：{_clean(sentence).rstrip('。')}[1]。",
    )


def _catalogue(plan: Plan, library: Library) -> Facts:
    """The archive's reports of the years asked (its articles, when those are asked), each by place and year and
    cited by its own title lines: which reports there are, and how many."""
    wanted = "article" if ARTICLE_ASKED.search(plan.question) else "report"
    records = [d for d in library.documents() if not d.get("duplicate_of") and d.get("kind", "report") == wanted]
    records = [d for d in records if not plan.scope.years or d.get("year") in plan.scope.years]
    records = [d for d in records if not plan.scope.issuers or d.get("body") in plan.scope.issuers]
    if LATEST_ASKED.search(plan.question) and records:  # "最新的是哪份报告": those of the latest year
        latest = max(d.get("year") or 0 for d in records)
        records = [d for d in records if (d.get("year") or 0) == latest]
    reports = [(r, short_name(d["body"]), d) for d in records if (r := library.report(d["doc"])) is not None]
    if not reports:
        return UNSAID
    passages, said = [], []
    for n, (report, name, record) in enumerate(reports, 1):
        passages.append(_passage(report, None, "\n".join(_lines(report)[:3])))  # its title lines
        said.append(f"{_report_name(report, name, record.get('kind', 'report'))}[{n}]")
    lead = f"最新的是{reports[0][2].get('year')}年度的报告，" if LATEST_ASKED.search(plan.question) else ""
    return Facts(passages, f"{lead}共{len(reports)}份：{'；'.join(said)}。", (str(len(reports)),))


def _joined(each: list[Facts | None]) -> Facts | None:
    """Several reports' facts as one answer, each report's citations numbered after the ones before; None
    unless every report has its facts (half an answer to "A和B都…" would read as the whole)."""
    if not each or any(facts is None for facts in each):
        return None
    passages: list[Passage] = []
    texts = []
    for facts in each:
        numbers = [_number_of(passage, passages) for passage in facts.passages]  # a passage cited again: its number
        text = MARKER.sub(lambda m, numbers=numbers: f"[{numbers[int(m.group(1)) - 1]}]", facts.text)
        said = "".join(texts)  # a sentence an earlier part's answer gave, with its citation, is not said twice
        kept = "".join(x for x in re.split(r"(?<=。)", text) if not x.strip() or x not in said)
        texts.append(kept if kept.strip() else text)
    return Facts(passages, "".join(texts), tuple(d for facts in each for d in facts.derived))


def _number_of(passage: Passage, passages: list[Passage]) -> int:
    """A passage's number among those cited so far, added if new."""
    at = next((n for n, p in enumerate(passages, 1) if (p.doc, p.text) == (passage.doc, passage.text)), None)
    if at is None:
        passages.append(passage)
        at = len(passages)
    return at


def parts_joined(
    parts: list[str], plans: list[Plan], each: list[Facts | None], library: Library, filters: Filters | None
) -> Facts | None:
    """The answers to a question's parts (as asked, and as planned) as one (`intent.separate_parts`), a part its
    report does not answer said so by name ("花都区2023年度报告未载明满意率。"); None when no part is answered."""
    if all(facts is None for facts in each):
        return None
    said = "".join(facts.text for facts in each if facts is not None)
    asked = [(part, plan, facts) for part, plan, facts in zip(parts, plans, each, strict=True)]
    asked = [x for x in asked if x[2] is not None or not _given_already(x[0], said)]
    return _joined([facts or _part_not_said(part, plan, library, filters) for part, plan, facts in asked])


def _given_already(part: str, said: str) -> bool:
    """Whether a part naming no thing of its own asks the shares ("各占多少") the other parts' answers give
    ("…的案件分别占41%、19%、12%"): saying the report does not give them would gainsay the answer."""
    text = to_simplified(part)
    if names_a_thing(part) or not HOW_MANY.search(text) or not _SHARE_ASKED.search(text) or re.search(r"年|率", text):
        return False  # "满意率是多少", "上年大概多少件": figures of their own
    return any(f.unit_class == "percent" for f in extract_figures(CITATION.sub("", said)))


_SHARE_ASKED = re.compile(r"各占|分别占|占比|比例|比重")


def with_worked_out(question: str, facts: Facts) -> Facts:
    """The facts with what a part of the question asks of their figures worked out ("…调解和解多少，占比多少":
    208÷830) in place of the note that the report does not say it; unchanged when no part asks any, or no such
    note stands (a comparison works out its own difference or sum)."""
    parts = asks(question)
    for i, part in enumerate(parts):
        unsaid = re.search(rf"[^。\]]*未载明{re.escape(subject_of(part))}。", facts.text)
        if unsaid and (worked := worked_out(part, facts.text, parts[:i])):  # a comparison has worked out its own
            text = facts.text.replace(unsaid.group(0), "", 1)
            facts = replace(facts, text=text + worked, derived=(*facts.derived, worked))
    if worked := more_than_the_year_before(question, facts.text):  # "比上一年多了多少件": from "（上年为990件）"
        facts = replace(facts, text=_beside_its_figures(facts.text, worked), derived=(*facts.derived, worked))
    elif (
        _APART_OF_TWO.search(to_simplified(question))
        and not _APART_SAID.search(facts.text)
        and (worked := worked_out("两者相差多少", facts.text))
    ):  # "湖里比思明多多少": "湖里区…4630件，反而略多于思明区的4512件" gives both, not how far apart they are
        facts = replace(facts, text=facts.text + worked, derived=(*facts.derived, worked))
    return facts


# How much more one place's figure is than another's, asked by their names ("湖里区比思明区多多少"), not the year
# before's ("比上年多了多少"); and an answer saying it already ("江门市比南海区多218件", "…据报告数字计算").
_APART_OF_TWO = re.compile(r"比(?!上一?年|去年|同期)[^，,。？?]{1,12}?[多少高低]了?(?:多少|几)")
_APART_SAID = re.compile(r"[多少高低]\d|相差|据报告数字计算|无法")


def with_the_claimed_placed(plan: Plan, facts: Facts, library: Library) -> Facts:
    """A figure claimed of a thing and judged 否 ("成都…取消和调整不合理罚款事项25项，这么写没问题吧"), with what the
    report gives that figure of, where it gives one ("报告中的25件是：推动修改、废止涉企政策文件25件"): a drafter has
    most often taken a neighbouring line's figure. Unchanged when the answer is no 否, or the report gives that
    number neither in the answer's sentence nor once in a unit like the one claimed (24份 claimed: not 24项 of
    another paragraph)."""
    claimed = figure_claimed(plan.question)
    if not facts.text.startswith("否。") or claimed is None or claimed.unit_class not in COUNT_CLASSES:
        return facts
    said = to_simplified(CITATION.sub("", facts.text))
    given = [f.text for f in extract_figures(said)]
    for report, _ in reports_for(plan, library, None):
        rows = [
            row
            for row in report.figures
            if row.value == claimed.value and row.unit_class in COUNT_CLASSES and not row.change
        ]
        near = [row for row in rows if any(text in to_simplified(row.sentence) for text in given)]
        alike = [row for row in rows if counts_alike(row.unit, claimed.unit)]
        rows = near if len(near) == 1 else alike  # beside the figure the answer gives, or else of the unit claimed
        if len(rows) == 1 and to_simplified(rows[0].text) not in said:
            placed = (
                f"报告中的{to_simplified(rows[0].text)}是：{to_simplified(_topic_clause(rows[0])).strip('，,；;。 ')}"
            )
            sentence = to_simplified(rows[0].sentence)  # a passage cited already holding it is cited again
            n = next((i for i, p in enumerate(facts.passages, 1) if sentence in to_simplified(p.text)), None)
            passages = facts.passages if n else [*facts.passages, _row_passage(report, rows[0])]
            return replace(facts, passages=passages, text=f"{facts.text}{placed}[{n or len(passages)}]。")
    return facts


def with_places_compared(plan: Plan, facts: Facts | None) -> Facts | None:
    """The facts of two places one report names, asked one by one (`intent.places_apart`), with which is larger
    and by how much worked out of the figure each was given; unchanged when each was not given one."""
    paired = places_paired(plan.question, plan.scope)
    if facts is None or facts is UNSAID or paired is None:
        return facts
    sentences = re.findall(r"[^。]*。", facts.text)  # a part's sentence another part's says whole is said once
    kept = [s for s in sentences if not any(s != o and _core_of(s) in _core_of(o) for o in sentences)]
    text = "".join(kept) if "".join(sentences) == facts.text else facts.text
    verdict = places_compared(paired[2:], text, plan.intent.rate)
    return replace(facts, text=text + verdict, derived=(*facts.derived, verdict) if verdict else facts.derived)


def _core_of(sentence: str) -> str:
    """A composed sentence without its citation marks and its end."""
    return CITATION.sub("", sentence).rstrip("。")


def _beside_its_figures(text: str, worked: str) -> str:
    """`text` with a sentence worked out of two of its figures ("比上年多352件（1342−990，…）") right after the cited
    sentence giving both: in an answer for several reports it was said last, after another report's sentence."""
    ends = _WORKED_FROM.search(worked)
    sentences = re.split(r"(?<=\]。)", text)
    for i, sentence in enumerate(sentences):
        if ends and all(end in to_simplified(sentence) for end in ends.groups()):
            return "".join([*sentences[: i + 1], worked, *sentences[i + 1 :]])
    return text + worked


_WORKED_FROM = re.compile(r"（([^（）−]+)−([^（）−，]+)，")


def _part_not_said(part: str, plan: Plan, library: Library, filters: Filters | None) -> Facts:
    reports = reports_for(plan, library, filters)
    if not reports and plan.scope.places and not plan.scope.issuers:  # "南海…" with no 南海 report indexed
        note = f"资料中没有{'、'.join(plan.scope.places)}的报告。"
        return Facts([], note, (note,))
    thing = subject_of(part)  # as asked: "满意率是多少", not as made whole ("…办理人大建议、政协提案的满意率")
    thing = without_places(thing, plan.scope, library.issuers())  # 成都 of 成都市 too
    for year in plan.scope.years if not thing.endswith(YEARS_FIGURE) else ():  # "2023年的数字": a year asked
        thing = thing.replace(f"{year}年", "")
    thing = thing.lstrip("的有共在")
    name = f"{reports[0][1]}{reports[0][0].covered_year or ''}年度报告" if len(reports) == 1 else "报告"
    note = f"{name}未载明{thing or '此项'}。"
    return Facts([], note, (note,))


def _rate(plan: Plan, report: Report, name: str, idf: Idf) -> Facts | None:
    """A rate asked of one report: its percentage row about the asked thing (the sentence may give the counts
    first and the rate last: the row is the rate itself). Only when the row says most of what is asked."""
    terms = _terms(plan)
    row = _best_row(plan, report, terms, idf)
    if row is None or row.unit_class != "percent":
        return None
    section = section_at(list(report.sections), row.paragraph)
    whole = _whole_sentence(section, row.sentence)
    if _score(whole, terms, idf) < 0.6 * _score(report.text, terms, idf):  # most of what the report says of it
        return None
    if _RATES.search(plan.question) or len(asks(plan.question)) > 1:  # two things asked: one row cannot say both
        return None
    if len(plan.scope.years) > 1:  # "22年和23年各多少": one row says one year's ("2022年为93.4%，2023年为98.2%")
        return None
    if plan.intent.trend and not row.change:  # "…败诉率比上年多了还是少了": the change beside it says
        return None
    if change_asked_of_ends(plan.question) and not row.change:  # "精简了百分之几": a level is no change
        return None
    if not answers_the_asked(plan, row.sentence, idf, [whole]):
        return None  # another thing's rate, or another rate of the thing: similar chunks are checked instead
    if rival := _same_rate_beside(plan, report, row, terms, idf):
        return _rates_of_two_things(report, name, sorted([row, rival], key=lambda r: r.paragraph))
    said = _clause(row)  # naming what the rate is of, alone; else with the counts before it it is of, if short
    named = asked_nouns(plan.question, idf, [name]) and names_the_thing(plan.question, said, idf, [name])
    if not named and len(head := _up_to(row)) <= 60:  # "满意率是多少" names nothing: the clause would say of what
        said = _clean(head)
    text = f"{name}{year_lead(said, row.year or report.covered_year)}{said}[1]。"
    return Facts([_passage(report, section, whole)], confirmation(plan.question, text, idf) + text)


def _same_rate_beside(plan: Plan, report: Report, row: Figure, terms: set[str], idf: Idf) -> Figure | None:
    """Another row of a report giving the rate asked under the same name, of a thing the question tells no more
    apart than the row's ("江门调解成功率": 人民调解's 98.36% and 商事调解中心's 86%); None when the question names
    one of them ("人民调解成功率") or the report gives one."""
    said = to_simplified(row.indicator)
    for other in report.figures:
        if other is row or other.unit_class != "percent" or to_simplified(other.indicator) != said:
            continue
        if other.sentence == row.sentence or other.year != row.year:  # "…率2022年为93.4%，2023年为98.2%": years
            continue
        if (
            other.value == row.value
            or other.change
            or unreached(other)
            or _planned(report, other) != _planned(report, row)
        ):
            continue
        if _score(_up_to(other), terms, idf) == _score(_up_to(row), terms, idf):
            return other
    return None


def _rates_of_two_things(report: Report, name: str, rows: list[Figure]) -> Facts:
    """Two rates of one name, each with the clauses saying what it is of, each cited."""
    year = rows[0].year or report.covered_year or ""
    passages = [
        _passage(report, section_at(list(report.sections), r.paragraph), _sentence_whole(report, r)) for r in rows
    ]
    said = "；".join(f"{_clean(_up_to(r))}[{n}]" for n, r in enumerate(rows, 1))
    return Facts(passages, f"{name}{year}年{said}。")


def _year_before(plan: Plan, library: Library, filters: Filters | None, idf: Idf) -> Facts | None:
    """A figure of the year before a body's report, a year it has no report on ("南海区2023年行政诉讼败诉率"):
    computed from the next year's figure and its change from the year before when both are exact counts or a
    rate and points ("4.1%，较上年下降1.7个百分点": 5.8%), said to be computed, the sentence cited; None else."""
    year = plan.scope.years[0]
    later = replace(plan, scope=replace(plan.scope, years=[year + 1]))
    reports = reports_for(later, library, filters)
    if len(plan.scope.issuers) != 1 or len(reports) != 1:
        return None
    report, name = reports[0]
    row = _best_row(later, report, _terms(later), idf)
    stated = next((f for f in report.figures if row and _stated_for_year_before(row, f, year)), None)
    step = next((f for f in report.figures if row and _change_from_year_before(row, f)), None)
    if row is None or not (stated or step) or not answers_the_asked(later, row.sentence, idf, [row.sentence]):
        return None
    if of_another_act(row, later.question):  # "审结了多少件": the year before of 收到…1342件 is no 审结 count
        return None
    held = stated or step
    counted = _named_by(row)  # "复议案件数量大幅上升，2023年为1209件，2024年为1586件": the series' measure said
    said = "，".join(
        c.strip() for c in re.split(r"[，；;。]", row.sentence) if row.text in c or held.text in c or c == counted
    )
    section = section_at(list(report.sections), row.paragraph)
    passage = _passage(report, section, _whole_sentence(section, row.sentence))
    if stated:  # "…486件，同比增长21.5%（上年为400件）": said by the report, not worked out
        text = f"{name}{year}年{row.indicator or '为'}{stated.text}（{name}{year + 1}年度报告：{_clean(said)}）[1]。"
        return Facts([passage], text, (stated.text, str(year)))
    unit = "%" if step.unit == "个百分点" else row.unit
    before = plain_number(row.value - direction(step.change or "") * step.value) + unit
    text = f"{name}{year}年{row.indicator}为{before}（据{name}{year + 1}年度报告推算：{said}）[1]。"
    return Facts([passage], text, (before, str(year)))


def _stated_for_year_before(row: Figure, other: Figure, year: int) -> bool:
    """Whether `other` is `row`'s figure of the year before, stated beside it ("（上年为400件）", "2023年为990件")."""
    if other is row or other.change or row.change or other.sentence != row.sentence:
        return False
    at, own = row.sentence.find(other.text), row.sentence.find(row.text) + len(row.text)
    between = to_simplified(row.sentence[own:at]) if at >= own else None
    if other.indicator != row.indicator and (between is None or NUMBER.search(_CHANGE_CLAUSE.sub("", between))):
        return False  # of the row's measure ("出庭应诉率2022年为93.4%，2023年为98.2%"), or said after it with no
        # other count between: "…1342件，同比增长35.6%（2023年为990件），审结1139件" gives no 审结 of 2023
    before = to_simplified(row.sentence[:at])
    return counts_alike(other.unit, row.unit) and bool(
        re.search(rf"(?:上年|上一年|去年|{year}年)(?:同期)?为?$", before)
    )


# A change said between a figure and its year before's ("486件，同比增长21.5%（上年为400件）").
_CHANGE_CLAUSE = re.compile(r"(?:同比|较上年|比上年)?(?:增长|增加|上升|提高|下降|减少|降低)了?\s*\d+(?:\.\d+)?\s*[%％]")


def _change_from_year_before(row: Figure, step: Figure) -> bool:
    """Whether `step` is the exact change of `row` from the year before, said next to it: points of a rate,
    or a count in its unit class ("356起，比上年增加45件")."""
    if row.change or not step.change or step.sentence != row.sentence or step.indicator != row.indicator:
        return False
    if approximate(row) or approximate(step) or not direction(step.change):
        return False
    clause = next((c for c in re.split(r"[，；;]", step.sentence) if step.text in c), "")
    same = step.unit == "个百分点" if row.unit_class == "percent" else counts_alike(step.unit, row.unit)
    return same and bool(_YEAR_BEFORE.search(clause))


_YEAR_BEFORE = re.compile(r"上年|上一年|去年|同比")


def _up_to(row: Figure) -> str:
    """A row's sentence up to the clause holding its rate: what the rate is of comes before it ("办理…提案1407件，
    满意率达99%"); what follows is another matter ("，推动乡村风景道建设…落地落实")."""
    clauses = re.split(r"(?<=[，；;])", row.sentence)
    at = next((i for i, c in enumerate(clauses) if row.text in c), len(clauses) - 1)
    return "".join(clauses[: at + 1]).rstrip("，；;。")


def reports_for(plan: Plan, library: Library, filters: Filters | None) -> list[tuple[Report, str]]:
    """One report per issuing body the plan names (its year if named, else its latest), with the body's name.

    A question about an article ("那篇报道") takes the body's articles, any other its reports; a copy of a
    report published twice is skipped.
    """
    issuers = list(plan.scope.issuers) or ([filters.issuer] if filters and filters.issuer else [])
    years = report_years(list(plan.scope.years) or ([filters.year] if filters and filters.year else []), plan.role)
    wanted_kind = "article" if ARTICLE_ASKED.search(plan.question) else "report"
    records = [d for d in library.documents() if not d.get("duplicate_of")]
    found = []
    for issuer in issuers:
        own = [d for d in records if d.get("body") == issuer and (not years or d.get("year") in years)]
        own = [d for d in own if d.get("kind", "report") == wanted_kind] or own
        if own:
            latest = max(own, key=lambda d: (d.get("year") or 0, d["doc"]))
            report = library.report(latest["doc"])
            if report is not None:
                found.append((report, short_name(issuer)))
    return found


def _row_passage(report: Report, row: Figure) -> Passage:
    """The passage citing a row: its sentence, under its section."""
    return _passage(report, section_at(list(report.sections), row.paragraph), row.sentence)


def _passage(report: Report, section: Section | None, text: str) -> Passage:
    heading = " > ".join(section.path) if section and section.path else ""
    return Passage(
        text=text,
        doc=report.doc,
        title=report.title,
        heading=heading,
        score=1.0,
        issuer=report.gazetteer.issuer,
        year=report.covered_year,
        opening=report.opening(text),  # a sentence after "去年全年，…" in its paragraph is of that year
    )


_OWN_TITLE = re.compile(rf"{TITLE.pattern}(?=(?:这|那)?(?:篇|份)?(?:报道|文章|新闻|报告))")


def _terms(plan: Plan) -> set[str]:
    """What the question is about: its words beyond the frame, the places and the years it names."""
    names = {to_simplified(n) for n in plan.scope.issuers + plan.scope.places} | {
        short_name(i) for i in plan.scope.issuers
    }
    terms = set()
    question = _OWN_TITLE.sub("", plan.question)  # "《推进依法治市 建设法治广州》这篇报道": the document asked of
    for token in tokenize(question):
        if token in _FRAME or re.fullmatch(r"\d+年?", token) or len(token) < 2:
            continue
        if any(token in n or n.startswith(token) for n in names):
            continue
        terms.add(token)
    return terms


def _frame_words(plan: Plan) -> set[str]:
    """The question's frame words ("法治", "建设"): they say what kind a question is, not what it is about,
    yet between two rows equal on the question's subject ("法治广东建设考评" / "平安广东建设考评") they tell."""
    return {t for t in tokenize(plan.question) if t in _FRAME and len(t) >= 2}


def _score(text: str, terms: set[str], idf: Idf) -> float:
    simplified = to_simplified(text)
    return sum(max(idf(t), 0.0) for t in terms if t in simplified)


def _body_sentences(section: Section) -> list[str]:
    """The sentences of a section, its heading line left out."""
    lines = section.text.split("\n")
    body = lines[1:] if section.path and lines and lines[0].strip() == section.path[-1].strip() else lines
    return [s.strip() for s in split_sentences("\n".join(body)) if s.strip()]


def _headline(text: str) -> str:
    """An item's first sentence, without its label and end mark: what the item is."""
    first = split_sentences(text)[0] if text else ""
    return _ITEM_LABEL.sub("", first.strip()).rstrip("。；;，")


# -- the report itself ------------------------------------------------------------------------------------
_ASKS_ISSUER = re.compile(r"名义|发文机关|发布机关|哪个机关|发布单位|印发|谁(?:发|报|出|写|印发|发布)")
_ASKS_YEAR = re.compile(r"哪一?(?:个)?年|年度|针对")
_ASKS_DATE = re.compile(rf"哪天|哪一天|什么时候|何时|日期|时间|{RELEASED_FIRST.pattern}")
_ASKS_SIGNED = re.compile(r"落款|签发|成文")
_ASKS_SIGNER = re.compile(r"落款(?:的|是|为)*(?:哪个|哪家|什么)?(?:单位|机关|部门)|落款(?:的|是|为)*谁")
_NO_SIGNED_DATE = "未载明落款日期"  # said beside the other lines asked, so none is silently left out
_ASKS_SOURCE = re.compile(r"来源|媒体|出自|哪个部门|哪个单位|哪(?:家|个|份)报|什么报")
_ASKS_TITLE = re.compile(r"标题|题目|全称")
_ASKS_AUTHOR = re.compile(r"作者|记者|撰稿|谁写|哪位.{0,3}写")
_AUTHOR_LINE = re.compile(r"作者[：:]\s*(\S.*?)\s*$")  # "作者：本报记者 郑雅琳 通讯员 厦司宣"
_ASKS_EDITOR = re.compile(r"编辑")
_EDITOR_LINE = re.compile(r"责任编辑[：:]\s*([^】\]\s]{2,8})")  # "【责任编辑：陈思敏】"
_ASKS_RELEASED = re.compile(r"发布|公布|网上|上网|刊发")
_ASKS_GAP = re.compile(r"隔|相差|差了|同一天|几天|多少天|多久")
# The bodies a report is addressed to, on a line of their own after its title: "市人大常委会：", "市人民政府：",
# "省委依法治省办、省司法厅：", "县人大常委会，市人民政府："
_ADDRESSEE = re.compile(r"^([^。：:]{1,40}?(?:常委会|人民政府|委员会|办公室|依法治[省市县区]办|司法厅|司法局))[：:]$")


def _lines(report: Report) -> list[str]:
    """A report's non-blank lines: its opening ones are its title, date and source."""
    return [line.strip() for line in report.text.split("\n") if line.strip()]


def _about_report(plan: Plan, report: Report, name: str, library: Library) -> Facts | None:
    """A report's own lines answer questions about it: title, issuer, year covered, date, source, addressee."""
    record = library.document(report.doc) or {}
    lines = _lines(report)
    signature = next((s for s in report.tops if s.path and s.path[0].startswith("〔落款")), None)
    issuer = _issuer_line(report, signature)
    wants = re.sub(r"(?:19|20)\d{2}年度?", "", plan.question)
    said: list[str] = []
    addressed = ADDRESSEE_ASKED.search(wants)
    if addressed:
        addressee = next((m.group(1) for line in lines[:4] if (m := _ADDRESSEE.match(line))), None)
        if addressee:  # "谁向谁报告": by whom too
            said.append(f"由{issuer}报送{addressee}" if issuer and "谁向谁" in wants else f"报送{addressee}")
    if _ASKS_TITLE.search(wants) and report.title:
        said.append(f"标题为《{report.title.strip('《》')}》")
    if (_ASKS_ISSUER.search(wants) or _ASKS_SIGNER.search(wants)) and issuer and not addressed:
        said.append(f"以{issuer}的名义发布")
    wants = _ASKS_SIGNER.sub("", wants)  # "落款是哪个单位": who signed it, not its date nor its source
    if _ASKS_SOURCE.search(wants) and record.get("source"):
        said.append(f"来源为{record['source']}")
    author = next((m.group(1) for line in lines[:4] if (m := _AUTHOR_LINE.search(to_simplified(line)))), None)
    if _ASKS_AUTHOR.search(wants) and author:  # "哪位记者写的": an article's byline
        said.append(f"作者为{author.strip()}")
    editor = next((m.group(1) for line in lines[-4:] if (m := _EDITOR_LINE.search(to_simplified(line)))), None)
    if _ASKS_EDITOR.search(wants) and editor:  # "责任编辑是谁": the page's last line names them
        said.append(f"责任编辑为{editor}")
    signed = next(
        (x for x in (signature.text.split("\n") if signature else []) if SIGNATURE_DATE.match(x.strip())), None
    )
    dated = [part for part in asks(wants) or [wants] if _ASKS_DATE.search(part) and not _ASKS_SIGNED.search(part)]
    if _ASKS_SIGNED.search(wants):  # a report signed with no date: said, not left out
        said.append(f"落款日期为{signed.strip()}" if signed else _NO_SIGNED_DATE)
    both = bool(_ASKS_SIGNED.search(wants) and _ASKS_RELEASED.search(wants))  # "落款到网上发布隔了几天"
    released = report.published if release_dated(lines[:8]) or not signed else None  # not the signature's date
    if (dated if _ASKS_SIGNED.search(wants) else _ASKS_DATE.search(wants)) or both:  # both dates, if asked
        said.append(f"发布日期为{chinese_date(released)}（{released}）" if released else "")
        if report.published and not released:  # "江门…哪天发布的": only the date it was signed is given
            said.append("未载明发布日期" + ("" if _ASKS_SIGNED.search(wants) else f"，落款日期为{signed.strip()}"))
    if both and signed and released and _ASKS_GAP.search(wants):
        said.append(_days_between(signed.strip(), released))
    said = [x for x in said if x]
    planned = bool(re.search(r"安排|下一|计划|打算", wants))
    article = record.get("kind") == "article"
    if relative := RELATIVE_YEAR_ASKED.search(to_simplified(wants)):  # "文中的“今年”是哪一年": as answers read it
        said.append(_relative_year(relative.group(1), report, article))
    elif _ASKS_YEAR.search(wants) and article and report.published:
        said.append(f"是{report.published[:4]}年的报道")  # an article sums up no year's work
    elif _ASKS_YEAR.search(wants) and report.covered_year:
        year = report.covered_year + 1 if planned else report.covered_year
        said.append(f"{'工作安排针对的是' if planned else '总结的是'}{year}年{'' if planned else '度的工作'}")
    if not said or said == [_NO_SIGNED_DATE]:  # only what it does not say asked: refused, as ever
        return None
    plans = report.by_role("plans")
    if planned and plans:  # the year of the plans is in their own heading or opening ("2025年，我区将…")
        cited = _passage(report, plans[0], plans[0].text)
    else:
        cited = _passage(report, None, "\n".join([*lines[:3], *(signature.text.split("\n") if signature else [])]))
    subject = _report_name(report, name, record.get("kind", "report"))
    if subject == f"《{report.title}》" and said[0].startswith("标题为"):  # an article named by the title asked
        subject = f"{name}{report.published[:4] + '年' if report.published else ''}的这篇报道"
    return Facts([cited], f"{subject}{'，'.join(said)}[1]。")


def _relative_year(word: str, report: Report, article: bool) -> str:
    """What a relative year ("今年", "去年") in a document is read as: from the year its relative dates are read
    from (an article's year of publication), as answers read them; "" when the document has none."""
    read = relative_dates(word, report.anchor_year) if report.anchor_year else []
    if not read:
        return ""
    when = f"（报道发布于{chinese_date(report.published)}）" if article and report.published else ""
    return f"文中的“{word}”指{read[0].year}年{when}"


def _released_first(plan: Plan, reports: list[tuple[Report, str]]) -> str:
    """Which report came out first, or last when that is asked ("哪份发布得更晚"), by their dates of publication;
    said only where every report has one and they differ."""
    dated = sorted((report.published, name) for report, name in reports if report.published)
    if len(dated) < len(reports) or dated[0][0] == dated[-1][0]:
        return "无法比较发布先后。" if len(dated) < len(reports) else "发布日期相同。"
    found = RELEASED_FIRST.search(plan.question)
    late = bool(found) and "晚" in found.group(0)
    extreme = "更" if len(reports) == 2 else "最"
    return f"{dated[-1][1] if late else dated[0][1]}的报告发布{extreme}{'晚' if late else '早'}。"


def _outline(plan: Plan, report: Report, name: str, library: Library) -> Facts | None:
    """A report's parts, its top-level headings in order; one part asked ("第二部分"), that part's heading and
    its own sub-headings (or its items' headlines). A part the report gives no heading of its own (its
    shortcomings, told by their words) is named by what it is."""
    tops = [s for s in report.tops if s.path and not s.path[0].startswith("〔落款")]
    if not tops:
        return None
    whose = _report_name(report, name, _kind(report, library))
    part = PART_ASKED.search(plan.question)
    if part is None:
        heads = "；".join(_part_name(top) for top in tops)
        cited = _passage(report, None, "\n".join(top.text.split("\n")[0] for top in tops))
        count = NUMERALS[len(tops) - 1] if len(tops) <= len(NUMERALS) else str(len(tops))
        return Facts([cited], f"{whose}分为{count}个部分：{heads}[1]。", (str(len(tops)),))
    n = int(part.group(1)) if part.group(1).isdigit() else NUMERALS.index(part.group(1)) + 1
    if not 1 <= n <= min(len(tops), len(NUMERALS)):
        return None
    top = tops[n - 1]
    subs = [s.path[1] for s in report.sections if len(s.path) == 2 and s.path[0] == top.path[0]]
    said = "；".join(_clean(x) for x in subs) if subs else _headlines([top])
    return Facts([_passage(report, top, top.text)], f"{whose}第{NUMERALS[n - 1]}部分是“{_part_name(top)}”：{said}[1]。")


def _part_name(top: Section) -> str:
    return _clean(top.path[0]).strip("〔〕")


def _not_said(report: Report, name: str, library: Library) -> Facts:
    """One of several reports asked about does not say it of itself: said so, beside what the others say."""
    return Facts([], f"{_report_name(report, name, _kind(report, library))}未载明此项。")


def _kind(report: Report, library: Library) -> str:
    """What a document is, as indexed: "report", or "article" (a news page)."""
    return (library.document(report.doc) or {}).get("kind", "report")


def _report_name(report: Report, name: str, kind: str) -> str:
    """How an answer names a report: by place and year (the full title is in the citation), an article by its
    title (it has no year of its own to be named by)."""
    if kind == "report" and report.covered_year:
        return f"{name}{report.covered_year}年度报告"
    return f"《{report.title}》" if report.title else f"{name}的报告"


def _issuer_line(report: Report, signature: Section | None) -> str | None:
    """The body a report speaks as: its signature's first line, or its title before 关于."""
    if signature:
        first = next((line.strip() for line in signature.text.split("\n") if line.strip()), "")
        if first and not re.search(r"\d", first) and "来源" not in first:
            return first
    match = re.match(r"^(.{2,30}?)关于", to_simplified(report.title))
    return match.group(1) if match else None


def _days_between(signed: str, published: str) -> str:
    """How long after it was signed a report was published ("相隔2天"), or that it was the same day."""
    found = SIGNATURE_DATE.match(signed)
    if not found:
        return ""
    gap = (date.fromisoformat(published) - date(*map(int, found.groups()))).days
    return "二者是同一天" if gap == 0 else f"二者不是同一天，相隔{abs(gap)}天"


def chinese_date(iso: str) -> str:
    """2024-01-04 → 2024年1月4日: how an answer writes a report's date."""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


# -- a section by its role, and a summary of the measures -------------------------------------------------
def _role_sections(report: Report, role: str) -> list[Section]:
    """The sections of a role; the first-responsible-person duty, which reports keep inside their measures,
    is the measures' sentences about it."""
    found = report.by_role(role)
    if found or role != "duty":
        return found
    return [s for s in report.sections if s.role == "measures" and _DUTY.search(to_simplified(s.text))]


def _section(plan: Plan, report: Report, name: str, idf: Idf) -> Facts | None:
    """A section question reads the section whole: the item about what it asks, else all its items' headlines."""
    sections = _role_sections(report, plan.role or "")
    if not sections:
        return None
    terms = _terms(plan)
    text = "\n".join(s.text for s in sections)
    if (topic := _topic_named(plan.question)) and not _speaks_of(text, topic, idf):  # "广州明年在行政复议方面…"
        said = f"{name}{report.covered_year or ''}年度报告{_ROLE_PHRASE.get(plan.role or '', '')}未涉及{topic}"
        return Facts([_passage(report, sections[0], text)], f"{said}[1]。")  # (an unrelated item had answered)
    if plan.role == "duty":
        said = _duty(sections)
    elif plan.item:  # "第二条具体讲的是什么": that item; "有几项？第四项具体说说": how many, and that item
        said = _nth_item(sections, plan.item, plan.question)
        count = sum(len(s.items) for s in sections)
        counted = any(ITEMS_COUNTED.search(f"{part}？") for part in asks(plan.question))
        said = f"共{count}项，第{plan.item}项：{said}" if counted and said and plan.item <= count else said
    elif ITEMS_COUNTED.search(plan.question) and (count := sum(len(s.items) for s in sections)):
        said = f"共{count}项：{_headlines(sections)}"  # "一共几项？": how many, and which
    elif _ASKS_PARTS.search(plan.question):  # "哪几个方面": the parts, not one of them
        said = _headlines(sections)
    elif _ASKS_DETAIL.search(plan.question):  # "原因是什么", "具体表现": the item on what it names, told on, or
        said = _about_topic(sections, terms, idf, plan.question) or _detailed(sections)  # each item so
    else:
        said = (
            _about_topic(sections, terms, idf, plan.question)
            or _said_of_it(sections, terms, idf)
            or _headlines(sections)
        )
    if not said:
        return None
    subject = f"{name}{report.covered_year or ''}年度报告{_ROLE_PHRASE.get(plan.role or '', '')}"
    subject += "" if said.startswith("共") else "："  # "…的工作安排共3项：一是…", not "…的工作安排：共3项："
    counted = tuple(re.findall(r"^共(\d+)项", said))  # the items counted here, grounded by the items cited
    return Facts([_passage(report, sections[0], text)], f"{subject}{said.rstrip('。')}[1]。", counted)


_ASKS_DETAIL = re.compile(r"原因|具体表现|具体(?:是|有)|详细|为什么")
# A topic a section question names ("在行政复议方面", "关于数字政府的"): what the items must speak of.
# "在重点领域执法方面": the whole of what comes before 方面, not 重点 before 领域.
# "在…方面", "关于…": not the 在 of 存在, 现在 ("存在的问题有几个方面" names no topic), nor a count asked
_TOPIC_NAMED = re.compile(rf"(?:(?<![存现所实])在|关于|针对|就)((?:(?!几|多少)[{CJK}]){{2,10}}?)(?:方面|工作上)")
_FIELD_NAMED = re.compile(rf"(?:(?<![存现所实])在|关于|针对|就)((?:(?!几|多少)[{CJK}]){{2,10}}?)领域")


def _topic_named(question: str) -> str:
    text = to_simplified(question)
    found = _TOPIC_NAMED.search(text) or _FIELD_NAMED.search(text)
    return found.group(1) if found else mention_asked(question)  # "这些问题里有没有提到数字政府"


def _speaks_of(text: str, topic: str, idf: Idf) -> bool:
    """Whether a text speaks of a topic: the rarest of its words (of two characters or more, not generic) is in
    it ("地方立法": 立法, not 地方)."""
    words = {w for w in tokenize(topic) if len(w) >= 2 and w not in GENERIC_THINGS}
    return not words or rarest(words, idf) in to_simplified(text)


def _said_of_it(sections: list[Section], terms: set[str], idf: Idf) -> str:
    """No item about what the question names, but a sentence of the section's own saying its rarest word (the
    plans' opening: "全力争创全国第三批法治政府建设示范市"): that sentence."""
    if not terms:
        return ""
    word = rarest(terms, idf)
    items = "".join(item.text for s in sections for item in s.items)
    said = [x for s in sections for x in _body_sentences(s) if word in to_simplified(x) and x not in items]
    return _clean(said[0]) if said else ""


def _detailed(sections: list[Section]) -> str:
    """Each item's headline and the sentence after it, which says how it shows or why ("一是镇街综合行政执法工作
    有待完善：各镇（街）的执法仍主要集中在个别领域…"); a section without items, its sentences."""
    told = []
    for item in (item for s in sections for item in s.items):
        sentences = [x.strip() for x in split_sentences(item.text) if x.strip()]
        head = f"{item.label}{_headline(item.text)}"
        told.append(f"{head}：{_clean(sentences[1]).rstrip('。')}" if len(sentences) > 1 else head)
    return "；".join(told) or "；".join(_clean(x) for s in sections for x in _body_sentences(s)[:3])


def _duty(sections: list[Section]) -> str:
    """How the principal leaders performed the duty: the item about it (reports keep it in the measures), else
    the sentences naming it."""
    items = [item for s in sections for item in s.items if _DUTY.search(to_simplified(item.text))]
    if items:
        item = max(items, key=lambda i: (len(_DUTY.findall(to_simplified(i.text))), -len(i.text)))
        sentences = [x.strip() for x in split_sentences(item.text) if x.strip()]
        if len(sentences) > 1 and len(sentences[0]) <= 30:
            sentences = sentences[1:]
        return "；".join(_clean(x) for x in sentences[:_DUTY_SENTENCES])
    for paragraph in (line for s in sections for line in s.text.split("\n")):  # the paragraph naming it, on
        sentences = [x.strip() for x in split_sentences(paragraph) if x.strip()]
        first = next((n for n, x in enumerate(sentences) if _DUTY.search(to_simplified(x))), None)
        if first is not None:
            return "；".join(_clean(x) for x in sentences[first : first + _DUTY_SENTENCES])
    return ""


# How the duty was performed is told in full up to this many sentences (an item is one paragraph).
_DUTY_SENTENCES = 6


def _about_topic(sections: list[Section], terms: set[str], idf: Idf, question: str) -> str:
    """When the question names a topic the section has an item on: that item, its headline (unless it only says
    the question again: "…镇街综合执法有哪些打算" is not answered "推动镇街综合执法…：") and what follows."""
    items = [item for s in sections for item in s.items]
    within = to_simplified("".join(item.text for item in items))
    total = sum(max(idf(t), 0.0) for t in terms if t in within)  # words the section never uses cannot choose
    if total <= 0 or not items:
        return ""
    scored = sorted(((_item_score(item.text, terms, idf), n) for n, item in enumerate(items)), reverse=True)
    best, n = scored[0]
    # no item is clearly about it: the best uses too few of the topic's words (a headline's count three times:
    # twice, and once in its text), or another is as much about it
    if _uses(items[n].text, terms, idf) < 0.5 * total or len(scored) > 1 and best <= scored[1][0]:
        return ""
    return _item_told(items[n].text, question)


def _item_told(text: str, question: str) -> str:
    """An item told: its headline (unless the question says it already) and what it goes on to say."""
    sentences = [x.strip() for x in split_sentences(text) if x.strip()]
    if len(sentences) > 1 and len(sentences[0]) <= _HEADLINE_CHARS:  # a headline, then what it covers
        told = "；".join(_clean(x) for x in sentences[1:4])
        return told if _restates(sentences[0], question) else f"{_clean(sentences[0])}：{told}"
    return "；".join(_clean(x) for x in sentences[:3])


# The longest first sentence of an item read as its headline ("全面落实行政执法“三项制度”").
_HEADLINE_CHARS = 30


def _nth_item(sections: list[Section], n: int, question: str) -> str:
    """The item asked by its place in the list ("第二条"); past the list's end, that there is no such item, and
    the items there are (the last is not the one asked)."""
    items = [item for s in sections for item in s.items]
    if not items:
        return ""
    if n > len(items):
        return f"共{len(items)}项，没有第{NUMERALS[n - 1] if n <= len(NUMERALS) else n}项：{_headlines(sections)}"
    return _item_told(items[n - 1].text, question)


def _item_score(text: str, terms: set[str], idf: Idf) -> float:
    """How much an item is about the question's topic: an item whose headline says it is about it (as a
    summary's unit is, `_summary`), and so is one with a clause saying the topic's words together ("重点领域执法
    工作仍需持续加强" for "哪一类执法需要加强"), more than one using them apart (执法队伍…, …有待加强)."""
    clauses = re.split(r"[，,；;。]", text)
    together = max((_score(c, terms, idf) for c in clauses), default=0.0)
    return _uses(text, terms, idf) + 2 * together


def _uses(text: str, terms: set[str], idf: Idf) -> float:
    """The topic's words an item uses, its headline's counting three times (twice, and once in its text)."""
    return 2 * _score(_headline(text), terms, idf) + _score(text, terms, idf)


def _restates(headline: str, question: str) -> bool:
    """A headline the question mostly says already (its character pairs)."""
    pairs = bigrams(_clean(headline))
    return bool(pairs) and len(pairs & bigrams(question)) >= _RESTATES * len(pairs)


_RESTATES = 0.4


def _headlines(sections: list[Section]) -> str:
    items = [item for s in sections for item in s.items]
    if items:
        return "；".join(f"{item.label}{_headline(item.text)}" for item in items)
    return "；".join(_clean(x) for s in sections for x in _body_sentences(s)[:3])


def _summary(plan: Plan, report: Report, name: str, idf: Idf) -> Facts | None:
    """ "请概括…主要做法/成效": the part of the report about the topic (a section by its heading, or one item),
    told by its items' headlines and key sentences."""
    terms = {t for t in _terms(plan) if not OPENING_ASKED.fullmatch(t)}
    opening = OPENING_ASKED.search(plan.question)  # "开头提到的主要成效": the results its preface lists
    if (opening or not terms and RESULTS_ASKED.search(plan.question)) and (results := _preface_results(report, name)):
        return results  # "主要成效有哪些": the year's results, as the report sums them up before its parts
    if not terms:  # "主要举措有哪些": the measures, by their headings
        return _measures(report, name)
    named = [t for t in terms if t in to_simplified(report.text)]
    topic = _topic_named(plan.question)
    if not named or topic and not _speaks_of(report.text, topic, idf):
        return UNSAID  # a topic the report never names (人才培养 in 广州's; 立法 in 南海区's): nothing is about it
    units: list[tuple[Section, str, str]] = []  # (section, heading words, text)
    for section in report.sections:
        if section.path and section.role == "measures":
            below = _numbered_below(report, section)  # "（二）…" over "1.…。" paragraphs: read with them
            units.append((section, section.path[-1], "\n".join([section.text, *(s.text for s in below)])))
            units.extend((section, _headline(item.text), item.text) for item in section.items)
            for aspect in _aspects(section):  # "在优化法治化营商环境方面，…五是开展“法治护企”行动。": its items too
                units.append((aspect, aspect.path[-1], aspect.text))
                units.extend((aspect, _headline(item.text), item.text) for item in aspect.items)
    if not units:
        return None

    def fit(unit: tuple[Section, str, str]) -> float:
        return 2 * _score(unit[1], terms, idf) + _score(unit[2], terms, idf)

    word = rarest(named, idf)  # of the words the report names: "多元解纷" is its "多元化解矛盾纠纷"

    def about(unit: tuple[Section, str, str]) -> tuple[float, float, int]:
        """Between units fitting alike, the one headed by the topic the most ("在行政执法方面" over "（四）坚持…，提升
        行政执法质效"), then the one speaking of it the most (an item counting 行政复议's cases over a part naming
        行政复议 once among three bodies): its heading's share that is the topic, its word's occurrences."""
        heading = to_simplified(unit[1])
        covered = sum(len(t) for t in terms if t in heading and not any(t in u for u in terms - {t} if u in heading))
        return fit(unit), covered / max(len(heading), 1), to_simplified(unit[2]).count(word)

    section, heading, text = max(units, key=about)
    if not any(word in to_simplified(unit[2]) for unit in units):
        return UNSAID  # named only among shortcomings or plans (韶关's 法治人才): what was done is not said
    if fit((section, heading, text)) <= 0 or word not in to_simplified(text):
        return None  # no part of the measures is about the topic: similar chunks are read, and checked
    if text != section.text and _several_items_about(section, terms, idf):
        text = section.text  # a topic several of the section's items are about: the section, told by its items
    whole = text == section.text and section.items
    local = its_city(report.gazetteer.issuer) is not None
    said = _told_by_items(section) if whole else _key_sentences(text, terms, idf, local=local)
    if below := _numbered_below(report, section):  # its own text is its heading: told by the paragraphs below
        text = "\n".join([section.text, *(s.text for s in below)])
        said = "；".join(_key_sentences(s.text, terms, idf, budget=80) for s in below)
    return Facts([_passage(report, section, text)], f"{name}{report.covered_year or ''}年：{said}[1]。")


def _aspects(section: Section) -> list[Section]:
    """The paragraphs of a section each opening with the aspect it is about ("在优化法治化营商环境方面，…一是…"),
    as sections of their own, with their items: a report written so has no heading over them, and its section
    read whole had told its first paragraph for any aspect asked."""
    found = []
    for paragraph in section.text.split("\n"):
        paragraph = paragraph.strip()
        aspects = list(_ASPECT.finditer(paragraph))
        for aspect, after in zip(aspects, [*aspects[1:], None], strict=False):  # "在行政复议方面，…。在行政应诉方面，"
            text = paragraph[aspect.start() : after.start() if after else len(paragraph)]
            path = (*section.path, aspect.group(1))
            found.append(replace(section, path=path, text=text, items=items_in(text[aspect.end() - aspect.start() :])))
    return found


# A sentence opening with what it and those after it are about: "在优化法治化营商环境方面，", at a paragraph's start
# or after a heading run into it ("（五）坚持多元化解，…。在行政复议方面，…").
_ASPECT = re.compile(r"(?:^|(?<=[。；]))在([^，。；,]{2,30}?)方面[，,]")


def _numbered_below(report: Report, section: Section) -> list[Section]:
    """The sections right under one below the top whose own text is its heading alone ("（二）深化…改革" over
    "1.推进…。", "2.兑现…。"), when they are the last level: what it says is theirs. Empty for any other."""
    depth = len(section.path)
    if depth < 2:  # a part of the report ("一、主要举措和成效") is told by its sections, not summed up whole
        return []
    below = [s for s in report.sections if len(s.path) == depth + 1 and s.path[:depth] == section.path]
    if (
        "\n" in section.text.strip()
        or not below
        or any(len(s.path) > depth + 1 for s in report.sections if s.path[:depth] == section.path)
    ):
        return []
    return below


def _several_items_about(section: Section, terms: set[str], idf: Idf) -> bool:
    """Whether two or more of a section's items are headed by the topic as much as its best one ("行政执法体制
    改革稳妥推进", "行政执法方式不断优化", "行政执法监督持续加强" of 行政执法)."""
    scores = [_score(_headline(item.text), terms, idf) for item in section.items]
    return bool(scores) and max(scores) > 0 and scores.count(max(scores)) >= 2


def _preface_results(report: Report, name: str) -> Facts | None:
    """The results a report lists in its preface, after the sentence saying the year's work went well ("…法治政府建设
    取得新成效。全市荣获…先进集体3个…；专利授权数居粤东西北首位；…"): its sentences holding an honour, a rank or a
    figure. None when the preface lists none (its sentence says only how the work was done)."""
    preface = next((s for s in report.sections if not s.path), None)
    if preface is None:
        return None
    sentences = [x.strip() for line in preface.text.split("\n") for x in split_sentences(line) if x.strip()]
    listed = [
        x
        for x in sentences[1:]
        if _RESULT_SAID.search(to_simplified(x)) and not _REPORTED_BELOW.search(to_simplified(x))
    ]
    if not listed:
        return None
    said = "；".join(_clean(x).rstrip("。；") for x in listed)
    return Facts([_passage(report, preface, preface.text)], f"{name}{report.covered_year or ''}年：{said}[1]。")


# A result a preface lists: an honour, a rank, a figure of a thing (not the year it opens with, nor a date line).
_RESULT_SAID = re.compile(
    rf"{HONOUR_SAID.pattern}|首位|第一|前列|前[{NUMERALS}\d]名?|优秀|\d+(?:\.\d+)?\s*[个人项件家%]"
)
_REPORTED_BELOW = re.compile(r"报告如下|发布(?:日期|时间)|来源|浏览次数")


def _measures(report: Report, name: str) -> Facts | None:
    """A report's measures told by their headings: the sub-headings of its measures part ("（一）…"), else the
    aspects its paragraphs open with ("在优化法治化营商环境方面，…"), or its measures parts' own headings where it
    has several ("一、…；二、…")."""
    tops = report.by_role("measures")
    if not tops:
        return None
    subs = [s.path[1] for s in report.sections if len(s.path) == 2 and s.role == "measures"]
    subs = subs or [aspect.path[-1] for top in tops for aspect in _aspects(top)]  # "在…方面，" paragraphs
    parts = [top.path[0] for top in tops if top.path]
    heads = parts if len(parts) > 1 else subs or parts  # several parts: theirs, not one part's sub-headings
    if not heads:
        return None
    cited = _passage(report, None, "\n".join(heads))
    return Facts([cited], f"{name}{report.covered_year or ''}年的主要举措：{'；'.join(_clean(h) for h in heads)}[1]。")


def _told_by_items(section: Section) -> str:
    """A section told by its items: each item's headline and the gist of its sentences that hold one, after the
    gist of what it says before them ("在行政执法方面，全区…办理行政处罚案件2847件…。一是…"), when that holds one."""
    first = section.text.find(section.items[0].text) if section.items else -1
    lead = _body_sentences(replace(section, text=section.text[:first])) if first > 0 else []
    told = [gist for gist in map(_gist, lead) if gist]
    for item in section.items:
        sentences = [x.strip() for x in split_sentences(item.text) if x.strip()]
        gists = [g for g in map(_gist, sentences[1:]) if g][:_GISTS_PER_ITEM]
        told.append("，".join([_clean(sentences[0]), *gists]))
    return "；".join(told)


def _key_sentences(text: str, terms: set[str], idf: Idf, budget: int = 220, local: bool = False) -> str:
    """An item's headline and, in order, the gist of its sentences (the whole sentence where it has none) until
    the budget: what a summary of it says. A first sentence longer than a headline ("在行政复议方面，为做好…准备，…
    设立…受理点15个") is told by its gist too; a `local` (district's, county's) report's sentences about its city's
    whole ("2023年，全市各级…共收到…1203件") are left out, with the "其中，" of the next: said under the district's
    name, they read as its."""
    sentences = [x for x in split_sentences(text) if x.strip()]
    if local:
        city = [bool(n) and opens_with_its_city(to_simplified(x.strip())) for n, x in enumerate(sentences)]
        sentences = [
            re.sub(r"^\s*其中[，,]", "", x) if n and city[n - 1] else x for n, x in enumerate(sentences) if not city[n]
        ]
    kept, used = [], 0
    for n, sentence in enumerate(sentences):
        headline = n == 0 and len(_clean(sentence)) <= _HEADLINE_CHARS
        said = _clean(sentence) if headline else _gist(sentence) or _clean(sentence)
        if kept and used + len(said) > budget:
            break
        kept.append(said)
        used += len(said)
    return "；".join(kept)


def _gist(sentence: str) -> str:
    """What a summary keeps of a report's sentence: what it did (its first clause) and its clauses holding a
    figure or a name in quotes or title marks ("积极推动“庭所共建”", "调解成功率为99.58%"), in order; the ways
    and purposes around them are left to the citation. Empty when it holds none."""
    clauses = [c.rstrip("，,；;。") for c in re.split(r"[，,]", _clean(sentence))]
    if not any(_GIST.search(c) for c in clauses[1:]):
        return _clean(sentence) if _GIST.search(clauses[0]) else ""
    return "，".join(c for n, c in enumerate(clauses) if n == 0 or _GIST.search(c))


_GIST = re.compile(rf"\d|“[^”]+”|{TITLE.pattern}")
_GISTS_PER_ITEM = 2


def _after(lead: str, said: str) -> str:
    """A subject and what is said of it; a comma where a figure follows ("成都市2024年，86.15%的…")."""
    return f"{lead}，{said}" if re.match(r"[\d（(“]", said) else f"{lead}{said}"


def _clean(sentence: str) -> str:
    return _ITEM_LABEL.sub("", sentence.strip()).rstrip("。；;，")


# -- comparisons between reports ---------------------------------------------------------------------------
_RATES = re.compile(r"率.{0,10}(?:和|与|及).{0,10}率|分别")
_TWO_ASKS = re.compile(r"(?:数量|多少|件数|人数).{0,6}和.{0,8}(?:率|比例)|率.{0,4}和.{0,6}(?:数量|件数)")
# The way asked ("谁更快", "谁增长得快": 快, not the 长 of 增长).
_MORE = re.compile(r"(?:[更最]|哪个|哪一个|谁)[^，。？?]{0,4}?(多|高|少|低|快|慢|大|小|短|(?<![增成延])长)")
# …or at the end of its clause, a long thing between ("谁的行政诉讼败诉率低")
_WAY_AT_CLAUSE_END = re.compile(
    r"(?:哪个|哪一个|谁)[^，。？?]{5,14}?(多|高|(?<!多)少|低|快|慢|大|小|短|(?<![增成延])长)(?:一些|一点)?(?=[，。？?]|$)"
)
_CHANGE_WAY = re.compile(r"[降跌减增涨升](?=得|了|幅)")  # "谁降得多", "涨幅谁大": which way the changes went


def _comparison(plan: Plan, library: Library, filters: Filters | None, idf: Idf) -> Facts | None:
    """One indicator row per place, cited, and which is larger, computed here where the order is certain; a
    place whose report does not give the figure, or that has no report of the year asked, is said so."""
    if plan.pair:
        return _things_compared(plan, library, filters, idf)
    if SHARE_OF_ASKED.search(plan.question):  # "南海是肇庆的百分之几": the places' counts, their share worked out
        plan = replace(plan, intent=replace(plan.intent, rate=False))
    reports = reports_for(plan, library, filters)
    found = {name for _, name in reports}
    named = find_scope(plan.question, library.issuers()).issuers  # "哪个地方…最多" names none: no report, no row
    missing = [short_name(i) for i in plan.scope.issuers if short_name(i) not in found and i in named]
    if len(reports) + len(missing) < 2 or not reports or wider_whole_asked(plan.question):
        return None  # "全省平均败诉率是多少": the province's one figure, no place's row (checked as chunks)
    if (
        not plan.compare
        and not SUM_ASKED.search(plan.question)
        and (_TWO_ASKS.search(plan.question) or lists_things(plan.question))
    ):  # "数量和满意率分别…", "分别…多少件法规和规章": two figures per place, not one row; "…合计" is one
        return None
    if pair := things_summed(plan.question, library.issuers()):  # "地方性法规加政府规章，广州和成都谁多"
        return _sums_compared(plan, reports, pair, idf)
    picked, unsaid, keys = _rows_compared(plan, reports, idf)
    if picked is None:
        return None
    summed = [(report, name, *_of_all(plan, report, row, keys)) for report, name, row in picked]
    passages, parts = [], []
    together = [counted_together(said, plan.question) for *_, said in summed]  # with a thing not asked: no count
    for n, (report, name, row, said) in enumerate(summed, 1):  # of it to compare
        passages.append(_row_passage(report, row))
        lead = f"{name}{row.year or report.covered_year or ''}年"
        parts.append(f"{_after(lead, said)}{together[n - 1]}[{n}]")
    comparable = len(summed) > 1 and all(counts_alike(summed[0][2].unit, row.unit) for *_, row, _ in summed)
    comparable = comparable and not any(together)
    times = {row.unit: _counts_times(row.unit) for *_, row, _ in summed}  # 家 beside 家次: firms, and visits to them
    comparable = comparable and len(set(times.values())) == 1
    rows = [(name, row) for _, name, row, _ in summed]
    verdict, difference = _verdicts(plan, rows) if comparable else ("", "")
    absent = [_not_said_row(report, name) for report, name in unsaid]
    absent += [f"资料中没有{name}{'、'.join(str(y) for y in plan.scope.years)}年的报告。" for name in missing]
    judged = _order_judged(plan, rows) if comparable and not absent else ""  # of all the places claimed of
    text = judged + "，".join(parts) + (f"；{verdict}" if verdict else "") + "。"
    if plan.compare and len(summed) > 1 and not comparable and not any(together):  # 135项 beside 4.68亿元
        units = f"（{'、'.join(times)}，按次计的同一对象可计多次）" if len(set(times.values())) > 1 else ""
        text = text[:-1] + f"；二者计量单位不同{units}，无法比较。"
    elif UNITS_ASKED.search(plan.question) and comparable:  # "单位一样吗": it is said either way
        text = text[:-1] + "；二者计量单位相同。"
    if absent or any(together):
        text += "".join(absent)
        text = text[:-1] + ("，无法比较。" if plan.compare and not verdict else "。")
    sums = tuple(row.text for (_, _, row, _), (_, _, first) in zip(summed, picked, strict=True) if row is not first)
    years = tuple(f"{report.covered_year}年度" for report, _ in unsaid if report.covered_year)
    years += tuple(str(y) for y in plan.scope.years if missing)
    return Facts(passages, text, sums + years + tuple(NUMBER.findall(difference)))


def _counts_times(unit: str) -> bool:
    """Whether a unit counts times, not things (人次, 家次, 件次): one person or firm may be counted in it twice."""
    return len(unit) > 1 and unit.endswith("次")


def _sums_compared(plan: Plan, reports: list[tuple[Report, str]], pair: tuple[str, str], idf: Idf) -> Facts | None:
    """Each place's sum of two things, compared ("地方性法规加政府规章，广州和成都谁多"): each row cited, the sums
    and which is larger computed here; a place whose report does not give both is said so. None when no place's
    report gives both (one thing alone compared had answered, with a verdict on half the sum)."""
    passages: list[Passage] = []
    parts, sums, unsaid = [], [], []
    for report, name in reports:
        rows = _rows_of_things(pair, "", plan.unit, report, idf)
        if rows is None or not counts_alike(rows[0][1].unit, rows[1][1].unit):
            both = _best_row(plan, report, _terms(plan), idf)  # "地方性法规草案、政府规章12件": counted together
            if both is None or not all(mentions(to_simplified(_clause(both)), thing) for thing in pair):
                unsaid.append(_not_said_row(report, name))
                continue
            n = _number_of(_row_passage(report, both), passages)
            parts.append(f"{name}{both.year or report.covered_year or ''}年{_clause(both)}[{n}]（二者合计）")
            sums.append((name, both))
            continue
        numbers = [_number_of(_row_passage(report, row), passages) for _, row in rows]
        (_, x), (_, y) = rows
        said = "，".join(f"{_clause(row)}[{n}]" for (_, row), n in zip(rows, numbers, strict=True))
        total = replace(x, value=x.value + y.value, qualifiers=x.qualifiers + y.qualifiers)
        parts.append(f"{name}{x.year or report.covered_year or ''}年{said}，{_sum(rows)}")
        sums.append((name, total))
    if not sums:
        return None
    verdict = _verdict(plan, sums) if len(sums) > 1 else ""
    text = "；".join(parts) + (f"；{verdict}" if verdict else "") + "。" + "".join(unsaid)
    computed = tuple(NUMBER.findall("".join(parts)))
    return Facts(passages, text, computed + tuple(f"{r.covered_year}年度" for r, _ in reports if r.covered_year))


def _things_compared(plan: Plan, library: Library, filters: Filters | None, idf: Idf) -> Facts | None:
    """Two things of one report compared ("花都区政协提案和人大建议相差多少"): each thing's row, cited, and which is
    larger (or by how much) computed here; None unless the report gives a row naming each, in one unit class."""
    reports = reports_for(plan, library, filters)
    if len(reports) != 1:
        return None
    report, name = reports[0]
    subject, things = _acts_of_one_thing(plan.pair)
    rows = _rows_of_things(things, subject, plan.unit, report, idf)
    if rows is None or not counts_alike(rows[0][1].unit, rows[1][1].unit):
        return None
    if SUM_ASKED.search(plan.question) and (both := _counted_as_both(rows, things, plan.question, report)):
        year = both.year or report.covered_year or ""  # "修改和废止一共多少": "修改、废止255件", no sum of two rows
        return Facts([_row_passage(report, both)], f"{name}{year}年{_clause(both)}[1]（二者合计）。")
    if SHARE_OF_ASKED.search(plan.question) and not _share_read_off(plan, rows, report):
        return None
    sentences = list(dict.fromkeys(row.sentence for _, row in rows))
    passages = [
        _row_passage(report, r)
        for r in [next(row for _, row in rows if row.sentence == sentence) for sentence in sentences]
    ]
    year = rows[0][1].year or report.covered_year or ""
    clauses = [(_clause(row), sentences.index(row.sentence) + 1) for _, row in rows]
    # "…分别为1836件、1652件、1571件": both rows' clause, said once; a clause another says whole, not again
    # ("收到行政复议申请1124件" beside "收到行政复议申请1124件，其中受理1018件")
    kept = [(c, n) for c, n in clauses if not any(c != other and c in other for other, _ in clauses)]
    said = "，".join(dict.fromkeys(f"{c}[{n}]" for c, n in kept))
    if SUM_ASKED.search(plan.question) and not share_of_sum(plan.question):  # "…合计多少": their sum, both exact
        total = _sum(rows)
        return Facts(passages, f"{name}{year}年{said}；{total}。", tuple(NUMBER.findall(total)))
    verdict, difference = _verdicts(plan, rows)
    judged = _order_judged(plan, rows)
    return Facts(passages, f"{judged}{name}{year}年{said}；{verdict}。", tuple(NUMBER.findall(difference)))


def _counted_as_both(rows: list[tuple[str, Figure]], things: tuple[str, str], question: str, report: Report):
    """The row, of two things' rows, whose clause names both ("修改、废止255件"): the report counts them together, so
    a sum of the rows would count each twice; of such rows, the one whose sentence says more of the question's
    words (清理…市政府本级文件, not "25件涉企政策文件"). None when each row counts one thing."""
    together = [row for _, row in rows if all(mentions(to_simplified(_clause(row)), t) for t in things)]
    words = [w for w in tokenize(to_simplified(question)) if len(w) >= 2]

    def said(row: Figure) -> int:
        return sum(w in to_simplified(_sentence_whole(report, row)) for w in words)

    return max(together, key=said, default=None)


def _share_read_off(plan: Plan, rows: list[tuple[str, Figure]], report: Report) -> bool:
    """Whether one thing's share of another may be worked out from their rows: both of one sentence (a part is
    said with its whole; "成功化解51件" is no part of "调解矛盾纠纷4380宗"), which states no rate of what is asked
    (its "调解成功率为99.58%" answers; 14155÷14251 would not say it)."""
    (_, x), (_, y) = rows
    if x.sentence != y.sentence:
        return False
    # a growth ("行政复议申请…同比增长21.5%") is no share of what is asked
    rates = [f for f in report.figures if f.sentence == x.sentence and f.unit_class == "percent" and not f.change]
    asked = to_simplified(plan.question)
    return not any(re.sub(r"率$", "", to_simplified(f.indicator))[-2:] in asked for f in rates)


def _rows_of_things(
    things: tuple[str, str], subject: str, unit: str | None, report: Report, idf: Idf
) -> list[tuple[str, Figure]] | None:
    """Each thing's row, in order; None when the report gives no figure naming one. Acts of one thing asked
    with no unit ("受理数和审结数之间差多少") are counted in the unit of the last act's row, so 受理 is not read
    off "行政复议受理点17个"; where that gives no rows of one unit class, in the first act's. Acts' rows are of
    sentences about the thing (受理 of 行政复议案件: not "受理仲裁案件980件"), one sentence saying both first; of a
    thing named only generically ("审结案件是受理案件的百分之几"), of that one sentence only."""
    if not subject:
        return _rows_among(things, subject, unit, report, idf, last_first=False)
    whole = [(f, to_simplified(_sentence_whole(report, f))) for f in report.figures]
    about = [(f, s) for f, s in whole if mentions(s, subject)]
    both = tuple(f for f, s in about if all(mentions(s, t) for t in things))
    generic = all(w in GENERIC_THINGS for w in tokenize(subject))
    sets = [both] if generic else [both, tuple(f for f, _ in about)]

    def first_found(last_first: bool) -> list[tuple[str, Figure]] | None:
        among = (_rows_among(things, subject, unit, replace(report, figures=f), idf, last_first) for f in sets)
        return next((rows for rows in among if rows), None)

    rows = first_found(last_first=True)
    return rows if rows and counts_alike(rows[0][1].unit, rows[1][1].unit) else first_found(last_first=False)


def _rows_among(
    things: tuple[str, str], subject: str, unit: str | None, report: Report, idf: Idf, last_first: bool
) -> list[tuple[str, Figure]] | None:
    """`_rows_of_things` among the report's rows as given."""
    rows: dict[str, Figure] = {}
    for thing in reversed(things) if subject and last_first else things:
        asked = make_plan(f"{subject}{thing}多少{unit or ''}", [])
        keys = {thing} if subject else frozenset()  # an act (受理) is no word of the thing: its row names it
        row = _best_row(replace(asked, unit=unit), report, _terms(asked), idf, keys)
        if row is None or not _of_the_thing(row, thing) or row in rows.values():
            return None  # a thing the report gives no figure of: similar chunks are read instead
        rows[thing] = row
        unit = unit or (row.unit if subject else None)
    return [(thing, rows[thing]) for thing in things]


def _of_the_thing(row: Figure, thing: str) -> bool:
    """Whether a row counts a thing as named: its clause says it (its words of a kind of thing aside:
    "跨省通办事项"), or the thing as asked says the row's own name whole ("政务服务事项实现跨省通办" of "政务服务
    跨省通办162项"; names of four characters or more, so a bare act does not count any thing)."""
    indicator, clause = to_simplified(row.indicator), to_simplified(_topic_clause(row))
    if mentions(clause, thing) or len(indicator) >= 4 and mentions(thing, indicator):
        return True
    own = "".join(w for w in tokenize(thing) if w not in GENERIC_THINGS)  # "跨省通办事项": 事项 says no more
    return len(own) >= 4 and mentions(clause, own)


def _sentence_whole(report: Report, row: Figure) -> str:
    """A row's whole sentence, up to its 。"""
    return _whole_sentence(section_at(list(report.sections), row.paragraph), row.sentence)


def _acts_of_one_thing(pair: tuple[str, str]) -> tuple[str, tuple[str, str]]:
    """Two acts of one thing ("行政复议受理和审结相差多少": 行政复议, (受理, 审结)), or no subject and the pair as
    it is: the thing leads the first act only, and each act's figure is in a sentence about the thing."""
    acts = [next((act for act in CASE_ACTS if act in thing), "") for thing in pair]
    if all(acts) and acts[0] != acts[1] and (subject := pair[0].replace(acts[0], "")):  # "审结案件占受理案件…"
        return _without_its_kind(subject), (acts[0], acts[1])
    first, second = tagged(pair[0]), tagged(pair[1])
    if len(first) > 1 and first[-1][1] == "v" and all(flag == "v" for _, flag in second):
        return "".join(word for word, _ in first[:-1]), (first[-1][0], pair[1])
    return "", pair


def _without_its_kind(subject: str) -> str:
    """A thing named with a word of its kind, without it where that leaves a name of its own ("行政复议案件" →
    行政复议): a report counting 行政复议申请 says nothing of 行政复议案件 by those words."""
    for kind in GENERIC_THINGS:
        rest = subject[: -len(kind)]
        if subject.endswith(kind) and len(rest) >= 2 and not set(tokenize(rest)) <= GENERIC_THINGS:
            return rest
    return subject


def _whole_sentence(section: Section | None, sentence: str) -> str:
    """The sentence up to its 。 that a row's sentence (up to a ；) is part of, as the citation shows it."""
    return sentence_holding(section.text, sentence) if section else sentence


def _sum(rows: list[tuple[str, Figure]]) -> str:
    """Two rows' sum, said ("合计228件"); said to be inexact where a qualifier leaves it so."""
    (_, x), (_, y) = rows
    if inexact(x) or inexact(y):
        return "数值为约数，合计无法精确计算"
    return f"合计{plain_number(x.value + y.value)}{x.unit}"


def _verdicts(plan: Plan, rows: list[tuple[str, Figure]]) -> tuple[str, str]:
    """What the comparison concludes (which is larger, their order, or by how much when asked; their sum when
    asked), and the figure computed."""
    summed = SUM_ASKED.search(plan.question) and not share_of_sum(plan.question)
    if not plan.compare and summed and not plan.things:
        total = _total(rows)  # "南海和肇庆…加起来有几个": the places' figures summed
        return total, total
    if RATIO_ASKED.search(plan.question):  # "是…的几倍": the ratio, said as asked
        ratio = _ratio(plan, rows)
        return ratio, ratio
    if SHARE_OF_ASKED.search(plan.question):  # "审结案件占受理案件的比例": the first's share of the second
        share = _share(plan, rows)
        return share, share
    verdict, difference = (_verdict(plan, rows), _difference(plan, rows)) if plan.compare else ("", "")
    if difference and not difference.startswith("数值"):  # of several, which is the most too
        return (f"{verdict}，{difference}" if len(rows) > 2 else difference), difference
    if difference and not verdict.startswith("数值"):
        return f"{verdict}，{difference}", difference
    return verdict, difference


def _rows_compared(
    plan: Plan, reports: list[tuple[Report, str]], idf: Idf
) -> tuple[list[tuple[Report, str, Figure]] | None, list[tuple[Report, str]]]:
    """Each place's row of what is compared, and the places whose reports do not give it (None when no place's
    report does).

    A row must name what is counted in the clause holding its figure: a place's best row whose clause names
    none of the specific words the best-matching place's clause names ("应诉" of "行政应诉案件") counts
    something else (云巡查案件 is no 行政应诉案件); its best row that does is taken instead, and without one
    its report is said not to give it. A long sentence naming the thing in another clause is no answer
    ("…法律援助…；…人民调解案件14251宗" is no count of 法律援助案件). A row naming the rarest of those words comes
    before one naming two others ("备案审查…纠正问题文件6件" before "合法性审查9000余件" for 规范性文件备案审查)."""
    terms = _terms(plan)
    picked = [(report, name, _best_row(plan, report, terms, idf)) for report, name in reports]
    picked = [(report, name, _alike_row(plan, report, terms, idf, row, picked)) for report, name, row in picked]
    keys = _key_terms(terms, [_topic_clause(row) for *_, row in picked if row is not None], idf)
    found, unsaid = [], []
    word = rarest(keys, idf) if keys else None
    for report, name, row in picked:
        if row is not None and word and not _holds(_topic_clause(row), word):
            row = _best_row(plan, report, terms, idf, {word}) or row  # its row naming the rarest, if it has one
        if row is not None and keys is not None and not _names_the_thing(_topic_clause(row), keys, idf):
            row = _best_row(plan, report, terms, idf, keys) if keys else None
        if row is None:
            unsaid.append((report, name))
        else:
            found.append((report, name, row))
    return found or None, unsaid, keys or set()


def _alike_row(
    plan: Plan, report: Report, terms: set[str], idf: Idf, row: Figure | None, picked: list
) -> Figure | None:
    """A place's row, of those matching the question alike, the one most like the other places' rows: "调解成功率"
    of a report giving 商事调解's and 人民调解's is the one said like another's 人民调解 row."""
    others = [other for _, _, other in picked if other is not None and other is not row]
    if row is None or not others:
        return row
    alike = frozenset(w for other in others for w in tokenize(to_simplified(other.sentence)) if len(w) >= 2)
    return _best_row(plan, report, terms, idf, alike=alike) or row


# Words of a comparison's question that say how a figure came about or how it is measured, not what it counts
# (another report may say 受理 for 收到, 上升 for 增长; the row's unit says 次数), and words naming the kind of
# thing, not which one (`intent.GENERIC_THINGS`): a place's row need not hold them.
_NOT_THE_THING = re.compile(
    r"^(?:办理|受理|收到|新收|审结|办结|出台|开展|完成|实现|推动|推进|组织|举办|发布|制定|印发|累计|全年|"
    r"增长|增幅|增速|同比|上升|下降|降幅|提高|减少|"
    r"[次人件个项户]数|数量|总数|数目|总量|城市|地方)$"
)
# One thing, several names: a report says 主要领导同志 where the question says 主要负责同志, 法援 for 法律援助.
_SAME_AS = {"领导同志": "负责同志", "负责人": "负责同志", "一把手": "负责同志", "法援": "法律援助"}


def _key_terms(terms: set[str], clauses: list[str], idf: Idf) -> set[str] | None:
    """The specific words of what a comparison counts that the best-matching place's row says (None when the
    question names nothing specific; empty when no place's row names any of it)."""
    thing = {t for t in terms if not _NOT_THE_THING.match(t) and t not in GENERIC_THINGS}
    if not thing:
        return None
    best = max(clauses, key=lambda c: sum(max(idf(t), 0.0) for t in thing if _holds(c, t)), default="")
    return {t for t in thing if _holds(best, t)}


def _names_the_thing(clause: str, keys: set[str], idf: Idf) -> bool:
    """Whether a row's clause names what is counted: the rarest of the key words ("跨省" of 跨省通办: "全市通办"
    is another thing), or two of them that are not one within the other (“一件事”高效办 for 高效办成一件事)."""
    held = {key for key in keys if _holds(clause, key)}
    if not held:
        return False
    apart = {key for key in held if not any(key != other and key in other for other in held)}
    return rarest(keys, idf) in held or len(apart) >= 2


def _holds(sentence: str, term: str) -> bool:
    """Whether a text names a term: the term itself, or each of its finer words ("政协提案" in
    "政协委员提案"), one office's other names counted as the same."""
    return mentions(_same_names(to_simplified(sentence)), _same_names(term), close=True)


def _same_names(text: str) -> str:
    for other, name in _SAME_AS.items():
        text = text.replace(other, name)
    return _REVIEW_CASES.sub("行政复议", text)  # "复议案件数量大幅上升，同比增长31.2%": of 行政复议


# A report's 复议 of cases or applications, short for 行政复议 (not "复议诉讼撤改败诉案件同步抄告", of both).
_REVIEW_CASES = re.compile(rf"{BARE_REVIEW.pattern}(?=案件|申请)")


def _not_said_row(report: Report, name: str) -> str:
    return f"{name}{report.covered_year or ''}年度报告未载明此项。"


def _of_all(plan: Plan, report: Report, row: Figure, keys: set[str]) -> tuple[Figure, str]:
    """The figure a place is compared by, and how it is said. Asked of several things together
    ("人大代表建议、政协提案") where the report gives them apart in one sentence ("人大代表建议77件，政协委员提案
    283件"), it is their sum, said with its parts ("…，合计360件"): both against another place's figure of both,
    not one of them against it."""

    def about(text: str, thing: frozenset[str]) -> bool:  # a thing of three words or more by all but one of them
        said = sum(token in to_simplified(text) for token in thing)  # ("人大建议" for 人大代表建议)
        return said == len(thing) or len(thing) >= 3 and said >= len(thing) - 1

    if len(plan.things) < 2 or all(about(_clause(row), thing) for thing in plan.things):
        return row, _said(row, keys)
    apart = [r for r in report.figures if r.sentence == row.sentence and r.unit == row.unit and not r.change]
    found = [next((r for r in apart if about(_clause(r), thing)), None) for thing in plan.things]
    each = [r for r in found if r is not None]
    if len({id(r) for r in each}) < len(found):  # a thing with no row of its own, or two things in one row
        return row, _clause(row)
    total = sum(r.value for r in each)
    text = f"{int(total) if total == int(total) else round(total, 2)}{row.unit}"
    qualifiers = tuple(dict.fromkeys(q for r in each for q in r.qualifiers))
    said = "，".join(_clause(r) for r in each) + f"，合计{text}"
    indicator = "、".join(r.indicator for r in each)
    return replace(row, value=total, text=text, qualifiers=qualifiers, indicator=indicator), said


def _said(row: Figure, keys: set[str]) -> str:
    """A row's clause, with the clauses before it naming its topic when only they name what is compared
    ("加强行政规范性文件备案审查，纠正问题文件6件": the 6件 alone would not say of what)."""
    said = _clause(row)
    if not keys or any(_holds(said, k) for k in keys):
        return said
    if not row.indicator and any(_holds(counted := _named_by(row), k) for k in keys):
        return _clean(f"{counted}，{said}")  # "复议案件数量大幅上升，为1586件": the series' measure, not the sentence
    topic = _topic_clause(row)
    return _clean(topic) if any(_holds(topic, k) for k in keys) else said


def _best_row(
    plan: Plan,
    report: Report,
    terms: set[str],
    idf: Idf,
    keys: set[str] | frozenset[str] = frozenset(),
    alike: frozenset[str] = frozenset(),
) -> Figure | None:
    """The row of a report that best matches what the question compares (its words, its unit class); with
    `keys`, only a row whose sentence names one of them. A rate named ("纠错率") is a row naming it: 85%以上行政
    争议经复议后未进入诉讼程序 is a share of another thing. Of rows matching alike, the one whose sentence says
    more of the words `alike` (another place's row's): 人民调解's 调解成功率 beside another's, not 商事调解's."""
    wanted = plan.unit or ("%" if plan.intent.rate else None)
    change, rates = change_asked(plan.question), rates_named(plan.question)
    frame = _frame_words(plan)
    next_year = role_asked(plan.question) == "plans"
    named = NUMBER_NAMES.findall(to_simplified(plan.question))
    acts = [(kind, kinds) for kinds in DISTINCT_KINDS if (kind := kind_asked(plan.question, kinds))]
    best, best_key = None, (0.0, 0.0, 0.0, 0)
    asked = [to_simplified(p) for p in plan.scope.places]
    gazetteer = report.gazetteer
    others = [p for p in [*gazetteer.places, gazetteer.parent or ""] if p and not any(a in p for a in asked)]
    city_asked = asks_its_city(plan.question, gazetteer.issuer)
    for row in report.figures:
        if any(place in to_simplified(_clause(row)) for place in others):
            continue  # "其中，台山市收到…214件" is a county's part of the city's; "全市（惠州市）…2860件", the city's
        if is_local(gazetteer.issuer) and of_its_city(row.sentence, row.text, gazetteer.issuer) != city_asked:
            continue  # a district's report: "全市各级…收到…1203件" is its city's, asked of the district or not
        if any(of_another_kind(to_simplified(_clause(row)), kind, kinds) for kind, kinds in acts):
            continue  # 备案审查 asked: "报送备案…24份" counts another act
        if wanted and not counts_for(wanted, row.unit, plan.question):
            continue
        if not all(number in row.sentence for number in named):  # "12345受理了多少": the hotline's, not 行政复议's
            continue
        if not counts_successes(plan.question, to_simplified(_clause(row))):  # "成功的宗数": not the total
            continue
        if not counts_added(plan.question, _clause(row)):  # "新设立了多少": not what stands, nor another act
            continue
        said = f"{row.indicator}{to_simplified(_clause(row))}"  # "…率2022年为93.4%，2023年为98.2%": the same rate
        if rates and row.unit_class == "percent" and not any(rate in said for rate in rates):
            continue
        if bool(row.change) != change and (change or row.change):
            continue
        if change and not rates and not plan.intent.rate and row.unit == "个百分点":
            continue  # "哪个涨得快" of counts: "全程网办率较上年提高3.4个百分点" is a rate's move
        if keys and not _names_the_thing(_topic_clause(row), keys, idf) or unreached(row):
            continue
        if next_year != _planned(report, row):  # "推动…出庭应诉率达到100%": a target for next year, the answer
            continue  # when next year's is asked ("打算下一年把…提到多少"), and only then
        paired = pairing(row)  # "收到…申请、受理、审结案件分别为1836件、1652件、1571件": 1652件 is 受理's
        if paired and any(k in CASE_ACTS and k not in paired.item for k in keys):
            continue  # 受理 asked of that row: 1836件 is 收到's
        counted = paired.item if paired else _named_by(row)
        score = (
            2 * _score(counted, terms, idf)
            + _score(paired.item if paired else counted + _clause(row), terms, idf)
            + _score(row.sentence, terms, idf) / 2
        )
        if plan.unit and row.unit == plan.unit:  # 次 asked: a count of times before a count of things
            score *= 1.5
        if part_act(_clause(row), plan.question):  # "主动撤回申请104件" is a part of the 行政复议申请, not them
            score *= 0.5
        if added_unasked(plan.question, _clause(row)):  # "经营主体谁多": what stands, not "新设立…9.7万户"
            score *= 0.5
        if of_another_act(row, plan.question) or _closes_unasked(row, plan.question):
            score *= 0.5  # 收到 asked, or none: "审结行政复议案件1512件" counts cases closed, not the caseload
        if _of_another_year(row, report, plan.scope.years[0] if plan.scope.years else report.covered_year):
            score *= 0.5  # "2022年为93.4%，2023年为98.2%": another year's figure than the one asked
        # ties: the row saying more of the question's frame, then the one whose indicator is the closest phrase
        key = (score, _score(row.sentence, alike, idf), _score(row.sentence, frame, idf), -len(row.indicator))
        if score > 0 and key > best_key:
            best, best_key = row, key
    return best


def _closes_unasked(row: Figure, question: str) -> bool:
    """Whether a row counts cases closed (审结, 办结) when the question names no act on cases: "行政复议案件有多少"
    asks the caseload ("复议案件数量…1586件", 收到…), not "审结…1512件"."""
    return not acts_asked(question) and any(act in _CLOSING_ACTS for act in case_acts(_clause(row)))


_CLOSING_ACTS = ("审结", "办结")


def _of_another_year(row: Figure, report: Report, year: int | None) -> bool:
    """Whether a row is another year's figure of a measure its sentence also gives for `year` ("出庭应诉率2022年
    为93.4%，2023年为98.2%": 93.4% is 2022's)."""
    if not year or row.year in (None, year):
        return False
    return any(f.sentence == row.sentence and f.indicator == row.indicator and f.year == year for f in report.figures)


def _planned(report: Report, row: Figure) -> bool:
    """Whether a row is in the report's plans for the next year: a target, not what the year achieved."""
    section = section_at(list(report.sections), row.paragraph)
    return section is not None and section.role == "plans"


def _clause(row: Figure) -> str:
    """The clause of the row's sentence that holds its figure (the sentence when it has one clause); of a list
    of figures ("法律援助1.8万余件、公证55万余件"), its own item; with the clauses it says something of
    (`antecedents`); a leading year is said by the answer itself."""
    clauses = re.split(r"[，；;]", row.sentence)
    at = next((i for i, c in enumerate(clauses) if row.text in c), None)
    clause = row.sentence if at is None else clauses[at]
    pieces = clause.split("、")
    if len(pieces) > 1 and all(re.search(r"\d", p) for p in pieces):
        clause = next(p for p in pieces if row.text in p)
    elif at is not None and not row.change and (before := antecedents(clauses, at)):  # "…均达100%": the figures
        # it is of, too (a change is said with what it is of, below)
        clause = "，".join(clauses[i] for i in [*before, at])
    elif at and row.change and _AGAINST_THE_BEFORE.match(clause.strip()) and re.search(r"\d", clauses[at - 1]):
        clause = f"{clauses[at - 1]}，{clause}"  # "…出庭应诉率达到96.5%，比去年全年的87.3%提高了9.2个百分点": the
        # level it moved to, with the change
    said = re.sub(r"^(?:截至)?(?:19|20)\d{2}年(?:底|末)?[，,]?", "", _clean(clause)) or _clean(clause)
    said = without_own_place(said)  # "我区收到…" said after the place's name
    indicator = without_own_place(row.indicator or "")
    if row.change and indicator and indicator not in to_simplified(said):  # "同比增长68.67%": of what
        said = f"{indicator}{said}"
    return said


_AGAINST_THE_BEFORE = re.compile(r"(?:比|较)(?:去年|上年|上一年|前一年|(?:19|20)\d{2}年)")


def _topic_clause(row: Figure) -> str:
    """The row's clause with the clauses before it that hold no figure, within its part of the sentence (up to
    a ；): where a sentence names its topic before counting it ("全面落实规范性文件合法性审核制度，全年共审核…
    规范性文件31件")."""
    clauses, at = _clauses_around(row)
    end = series_start(clauses, at) or at  # "…数量大幅上升，2023年为1209件，2024年为1586件": not 2023's clause
    if row.change and at > 0 and (series := series_start(clauses, at - 1)):  # "…复议案件数量大幅上升，2023年
        return f"{clauses[series - 1].strip()}，{_clause(row)}"  # 为1209件，2024年为1586件，同比增长31.2%": the run's
    start, own = end, _clause(row)
    if start > 0 and without_own_place(clauses[at].strip()) != clauses[at].strip():
        start -= 1  # "全市共办理法律援助案件9860件，我县办理812件": 我县's count is of the thing counted before,
        own = clauses[at].strip()  # and is said as 我县's beside the city's
    while start > 0 and not re.search(r"\d", clauses[start - 1]):
        start -= 1
    return "，".join([*clauses[start:end], own])


def _named_by(row: Figure) -> str:
    """What a row counts: its indicator; for a figure of a year in a series ("复议案件数量大幅上升，2023年为1209件，
    2024年为1586件", no indicator of its own), the clause before the series."""
    if row.indicator:
        return row.indicator
    clauses, at = _clauses_around(row)
    start = series_start(clauses, at)
    return clauses[start - 1] if start else ""


def _clauses_around(row: Figure) -> tuple[list[str], int]:
    """The clauses of the row's part of its sentence (up to a ；) and the index of the one holding its figure."""
    part = next((p for p in re.split(r"[；;]", row.sentence) if row.text in p), row.sentence)
    clauses = re.split(r"[，,]", part)
    return clauses, next((i for i, c in enumerate(clauses) if row.text in c), 0)


def _difference(plan: Plan, rows: list[tuple[str, Figure]]) -> str:
    """How much the larger of two exact figures of one unit class exceeds the smaller ("成都市比广州市多20项", "高0.85个
    百分点"), when asked; of several, the largest the smallest ("比最少的多多少"); a figure with a qualifier
    (超1.11万件) leaves it unsaid, and why."""
    if len(rows) < 2 or not DIFFERENCE_ASKED.search(plan.question) or len(rows) > 2 and "最" not in plan.question:
        return ""
    ordered = sorted(rows, key=lambda r: -r[1].value)
    (a, x), (b, y) = ordered[0], ordered[-1]
    if inexact(x) or inexact(y):
        return "数值为约数，相差多少无法精确计算"
    if x.unit_class == "percent":
        return f"{a}比{b}高{plain_number(x.value - y.value)}个百分点"
    if not counts_alike(x.unit, y.unit):  # 件 and 宗 both count cases: said in the larger's unit
        return ""
    return f"{a}比{b}多{in_unit_of(x.value - y.value, x)}"


def _as_named(name: str) -> str:
    """A place or thing as a question may name it: "南海" of 南海区."""
    return re.sub(r"[市区县]$", "", name)


def _as_asked(plan: Plan, rows: list[tuple[str, Figure]]) -> list[tuple[str, Figure]]:
    """The rows in the order the question names their places or things."""
    at = {name: plan.question.find(_as_named(name)) for name, _ in rows}
    return sorted(rows, key=lambda r: at[r[0]] if at[r[0]] >= 0 else len(plan.question))


def _two_alike(plan: Plan, rows: list[tuple[str, Figure]]) -> list[tuple[str, Figure]] | None:
    """The two rows in the order asked, where they count alike and the second is not zero (a ratio's or a
    share's figures); None otherwise."""
    asked = _as_asked(plan, rows)
    if len(asked) != 2 or not counts_alike(asked[0][1].unit, asked[1][1].unit) or not asked[1][1].value:
        return None
    return asked


def _order_judged(plan: Plan, rows: list[tuple[str, Figure]]) -> str:
    """ "是。" or "否。" for the order a yes-or-no question claims of two figures (`order_claimed`: "人大建议比政协提案
    多，对吧"), said first; "" when it claims none, or the qualifiers (余, 超, 约) leave the order unsure."""
    if (most := most_claimed(plan.question)) and len(rows) > 1:
        return _most_judged(most, rows)
    claimed = order_claimed(plan.question)
    if not claimed or len(rows) != 2 or not counts_alike(rows[0][1].unit, rows[1][1].unit):
        return ""
    (_, x), (_, y) = _as_asked(plan, rows)
    (x_low, x_high), (y_low, y_high) = value_range(x), value_range(y)
    if x_low == x_high == y_low == y_high:
        return "否。"  # as many: neither is more
    first = 1 if x_low > y_high else -1 if x_high < y_low else 0
    return "" if not first else "是。" if first == claimed else "否。"


def _most_judged(most: tuple[str, int], rows: list[tuple[str, Figure]]) -> str:
    """ "是。" or "否。" for the one claimed the most (or least) of the rows ("韶关最高，对吧"), where the qualifiers
    leave it certain; "" when the claim names none of them or their units differ."""
    named, way = most
    claimed = [row for name, row in rows if _as_named(name) in named or name in named]
    if len(claimed) != 1 or not all(counts_alike(rows[0][1].unit, row.unit) for _, row in rows):
        return ""
    low, high = value_range(claimed[0])
    others = [value_range(row) for _, row in rows if row is not claimed[0]]
    if all((low > o_high) if way > 0 else (high < o_low) for o_low, o_high in others):
        return "是。"
    if any((o_low > high) if way > 0 else (o_high < low) for o_low, o_high in others):
        return "否。"
    return ""


def _ratio(plan: Plan, rows: list[tuple[str, Figure]]) -> str:
    """How many times the second place named's figure the first's is ("成都市约是肇庆市的7倍"), of two figures counting
    alike; "约" where it is rounded or a figure is a bound (超1.11万件)."""
    if not (asked := _two_alike(plan, rows)):
        return ""
    (a, x), (b, y) = asked
    ratio = x.value / y.value
    said = round(ratio, 2 if ratio < 1 else 1)
    about = "约" if inexact(x) or inexact(y) or said != ratio else ""
    return f"{a}{about}是{b}的{plain_number(said)}倍{_computed(written(x), written(y))}"


def _share(plan: Plan, rows: list[tuple[str, Figure]]) -> str:
    """The first figure asked as a share of the second ("审结约占受理的95.1%"), of two exact figures counting alike."""
    if not (asked := _two_alike(plan, rows)):
        return ""
    (a, x), (b, y) = asked
    if x.unit_class == "percent":
        return ""  # a rate is no part of another
    if inexact(x) or inexact(y):
        return "数值为约数，占比无法精确计算"
    whole, of = (x.value + y.value, f"{a}和{b}合计") if share_of_sum(plan.question) else (y.value, b)
    share = x.value / whole * 100
    about = "约" if round(share, 1) != share else ""
    said = in_unit_of(whole, y).removesuffix(y.unit)  # the sum, or the second as the report writes it
    return f"{a}{about}占{of}的{plain_number(round(share, 1))}%{_computed(written(x), said)}"


def _computed(x: str, y: str) -> str:
    """How a ratio of two figures was worked out, said after it with the figures as the report writes them:
    "（187÷134，据报告数字计算）", "（62.8万÷9.6万，…）"."""
    return f"（{x}÷{y}，据报告数字计算）"


def _total(rows: list[tuple[str, Figure]]) -> str:
    """The places' figures summed ("合计9个"), where all are exact and count one kind of thing; else unsaid, and why."""
    if any(inexact(row) for _, row in rows):
        return "数值为约数，合计无法精确计算"
    if not all(counts_alike(rows[0][1].unit, row.unit) for _, row in rows) or rows[0][1].unit_class == "percent":
        return ""
    return f"合计{in_unit_of(sum(row.value for _, row in rows), rows[0][1])}"


def _order(plan: Plan, bounds: list[tuple], percent: bool) -> str:
    """Several places in the order asked ("从多到少"), where each one's figure lies clear of the next one's."""
    rising = bool(re.search(r"从(?:少|低|小)到", plan.question))
    falling = sorted(bounds, key=lambda b: b[1], reverse=True)  # (name, low, high, approximate)
    if not all(upper[1] > lower[2] for upper, lower in zip(falling, falling[1:], strict=False)):
        return "数值为约数，无法精确排序"
    ranked = falling[::-1] if rising else falling
    words = ("低", "高") if percent else ("少", "多")
    way = f"从{words[0]}到{words[1]}" if rising else f"从{words[1]}到{words[0]}"
    return f"{way}依次为{'、'.join(b[0] for b in ranked)}"


_LEAST = re.compile(r"最(?:低|少|小)")


def _verdict(plan: Plan, rows: list[tuple[str, Figure]]) -> str:
    """Which is larger, said only where the qualifiers (余, 超, 近, 约…) leave the order certain."""
    bounds = [(name, *value_range(row), approximate(row)) for name, row in rows]
    degree, all_of = ("更", "两者") if len(rows) == 2 else ("最", "各地")  # of three or more: the most
    if ORDER_ASKED.search(plan.question) and len(rows) > 2:
        return _order(plan, bounds, rows[0][1].unit_class == "percent")
    if len({(lo, hi) for _, lo, hi, _ in bounds}) == 1 and not any(a for *_, a in bounds):
        return f"{all_of}一样高" if rows[0][1].unit_class == "percent" else f"{all_of}一样多"
    top = max(bounds, key=lambda b: b[1])
    tied = [b for b in bounds if b[1:3] == top[1:3] and not b[3]]
    if len(tied) > 1 and not top[3] and all(b in tied or top[1] > b[2] for b in bounds):  # 100% of several
        return f"{'、'.join(b[0] for b in tied)}并列{degree}{'高' if rows[0][1].unit_class == 'percent' else '多'}"
    if all(top is b or top[1] > b[2] for b in bounds):
        asked = _MORE.search(plan.question) or _WAY_AT_CLAUSE_END.search(plan.question)
        said = asked.group(1) if asked else ""
        timed = rows[0][1].unit_class == "time"  # of a time taken the shorter is the faster: 0.5个工作日
        word = f"{degree}{said}" if said else (f"{degree}高" if rows[0][1].unit_class == "percent" else f"{degree}多")
        if (
            all(row.change for _, row in rows)
            and said in ("", "多", "大")
            and (way := _CHANGE_WAY.search(plan.question))
        ):
            word = f"{'降' if way.group(0) in '降跌减' else '增'}幅{degree}大"  # "谁降得多": the larger fall
        low_one = min(bounds, key=lambda b: b[2])
        if said and (said in "少低小短" or said == "快" and timed or said == "慢" and not timed):
            return f"{low_one[0]}{degree}{said}"
        least = _LEAST.search(plan.question)  # "最高？最低的是哪个？": both
        if least and len(rows) > 2 and all(low_one is b or low_one[2] < b[1] for b in bounds):
            return f"{top[0]}{word}，{low_one[0]}{least.group(0)}"
        return f"{top[0]}{word}"
    return "数值为约数，无法精确比较"
