"""Whose figure a sentence gives: an answer pasted into a document must say the place and year it is about
("花都区2023年收到…"). One rule for the sentences the extractive backend composes and those a model writes."""

from __future__ import annotations

import re

from bot.answer.intent import YEAR_NAMED, YEAR_PART, short_name
from bot.ingest.dates import CLAUSE_HEAD_YEAR, PERIOD, RELATIVE, clause_years, relative_dates
from bot.ingest.places import its_city, opens_with_its_city
from bot.ingest.structure import heading_role
from bot.models import Passage
from bot.text import CJK, TITLE, to_simplified


def framed(sentence: str, passage: Passage, named: set[str]) -> str:
    """`sentence` led by the place and year of the passage it cites when it does not say them, once per place and
    year (`named` holds those said); one from next year's plans by whose plans they are ("南海区2024年度报告的工作
    安排："). A sentence opening with the place ("韶关有5个镇…") has the year said after it
    when it names no year anywhere ("韶关市2024年有5个镇…"), and one naming it inside is led by both."""
    text = to_simplified(sentence)
    in_force = _year_in_force(text, passage)
    whose = f"{passage.issuer}{in_force}"
    if not passage.issuer or whose in named or _OPENS_WITH_OTHER_BODY.match(text):
        return sentence
    named.add(whose)
    sentence = re.sub(r"^其中[，,]", "", sentence)  # "其中，赤坎区…首位": the total it is of is not said before it
    text = to_simplified(sentence)
    unquoted = TITLE.sub(lambda m: "《" + "　" * (len(m.group()) - 2) + "》", text)  # a title names no one
    city = its_city(passage.issuer) if opens_with_its_city(text) else None
    name = short_name(city or passage.issuer)  # "2023年，全市各级…1203件" in 涪城区's report: 绵阳市's
    stem = re.sub(r"[市区县]$", "", name)
    if heading_role(passage.heading) == "plans":  # next year's tasks: not done in the year ("南海区2024年…配备")
        return sentence if stem in unquoted else f"{name}{passage.year or ''}年度报告的工作安排：{sentence}"
    year = year_lead(text, in_force)  # "我县在2024年度…考核中": its own year, once its own place is left out
    if stem not in unquoted:
        lead = f"{name}{year}"
        if year and (period := _part_in_force(text, passage)):  # "…今年1至6月，思明区…；湖里区共调解…1927件"
            return f"{lead}{period}，{sentence}"
        sentence = without_own_place(sentence)  # "我区收到…": said as 涪城区
        return f"{lead}，{sentence}" if _OPENS_WITH_FIGURE.match(text) else f"{lead}{sentence}"  # not "2024年86.15%…"
    if not year or _NAMES_A_YEAR.search(text) or PERIOD.match(text):  # "近5年来，…" is left as it is
        return sentence
    opening = re.match(rf"{re.escape(stem)}[市区县]?(?:的)?", text)
    if opening is None:  # named inside ("做大做强广州数据交易所，…"): whose, and which year, still
        return f"{name}{year}{sentence}"
    if re.match(f"[{CJK}]", text[opening.end() :]):
        return f"{name}{year}{sentence[opening.end() :]}"
    return sentence  # "广州1200件…", "广州：…": a model's own way of saying whose


def _year_in_force(text: str, passage: Passage) -> int | None:
    """The year a sentence is of: its passage's, unless the last clause of its paragraph before it that opens with a
    year opens with a relative one resolving to another ("去年全年，全市共办理…。12348热线全年接听…" in a 2019
    article is 2018's)."""
    before = clause_years(paragraph_before(text, passage), passage.year) if passage.year else []
    return before[-1] if before else passage.year


def _part_in_force(text: str, passage: Passage) -> str:
    """The part of the year a sentence is of when an earlier clause of its paragraph says it ("今年1至6月，思明区…；
    湖里区共调解…": 1至6月), "" for none."""
    paragraph = paragraph_before(text, passage)
    heads = list(CLAUSE_HEAD_YEAR.finditer(paragraph))
    part = YEAR_PART.match(paragraph, heads[-1].end()) if heads else None
    return part.group(0) if part else ""


def part_of(sentence: str, passage: Passage) -> str:
    """The part of its year a sentence of a passage is of: its own ("去年全年，…": 全年), else the one an earlier clause
    of its paragraph says ("今年1至6月，思明区…；湖里区共调解…": 1至6月); "" for none said."""
    text = to_simplified(sentence)
    own = YEAR_PART.search(text)
    return own.group(0) if own else _part_in_force(text, passage)


def paragraph_before(text: str, passage: Passage) -> str:
    """The part of its paragraph before a simplified sentence of a passage (simplified), its opening before the
    passage included (`Passage.opening`), "" when the sentence is not found in it: what the sentence continues."""
    opening = to_simplified(passage.opening)
    whole = opening + to_simplified(passage.text)
    at = whole.find(re.split(r"[，；。]", text, maxsplit=1)[0], len(opening))
    return whole[whole.rfind("\n", 0, at) + 1 : at] if at > 0 else ""


def year_of(sentence: str, passage: Passage) -> int | None:
    """The year a sentence of a passage is of: the first its own clauses open with ("值得注意的是，去年全年…": 2018 in a
    2019 article), else the one in force where it stands (`_year_in_force`)."""
    text = to_simplified(sentence)
    own = clause_years(text, passage.year) if passage.year else []
    return own[0] if own else _year_in_force(text, passage)


# A month and day said with no year ("于8月1日至8月4日举行"): the year is the one in force where it stands.
_MONTH_DAY = re.compile(r"(?<![年\d])(?=\d{1,2}月\d{1,2}日)")


def month_days_dated(sentence: str, passage: Passage, anchor: int, published: str | None = None) -> str:
    """A sentence naming no year (beyond the place and year it is led by), its month-day dates said with the year
    its paragraph opened with when that was a relative one ("今年，《…规定》再一次采取了网络立法听证的方式。网上立法
    听证于8月1日至8月4日举行" in a 2017 article: 2017年8月1日, as 今年 itself is said), or, with none opened, in a
    text published in its own year (an article), that year for a date on or before its publication ("本报讯 7月8日，
    记者从…推进会上获悉" of 2019-07-09: 2019年7月8日); a written year there is not carried so far."""
    text = to_simplified(sentence)
    lead = re.match(rf"{re.escape(short_name(passage.issuer))}{YEAR_NAMED.pattern}", text) if passage.issuer else None
    if _NAMES_A_YEAR.search(text[lead.end() if lead else 0 :]) or not _MONTH_DAY.search(text):
        return sentence
    heads = list(CLAUSE_HEAD_YEAR.finditer(paragraph_before(text, passage)))
    relative = relative_dates(heads[-1].group(1), anchor) if heads else []
    year = relative[0].year if relative else None if heads else _published_that_year(text, anchor, published)
    first = _MONTH_DAY.search(sentence, lead.end() if lead else 0)
    return f"{sentence[: first.start()]}{year}年{sentence[first.start() :]}" if year and first else sentence


def _published_that_year(text: str, anchor: int, published: str | None) -> int | None:
    """`anchor` when the text was published that year, on or after the first month-day it names ("7月8日" in an
    article of 2019-07-09), else None: a report published the year after its own cannot tell."""
    day = re.search(r"(\d{1,2})月(\d{1,2})日", text)
    out = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    if not day or not out or int(out.group(1)) != anchor:
        return None
    return anchor if (int(day.group(1)), int(day.group(2))) <= (int(out.group(2)), int(out.group(3))) else None


# A sentence about what a higher body did ("国务院推出…") is not the place's: "广州市2017年国务院推出…" would
# say the city did it.
_OPENS_WITH_OTHER_BODY = re.compile(
    rf"^(?:{YEAR_NAMED.pattern})?(?:中共中央|党中央|国务院|全国人大|司法部|省委|省政府|省人大)"
    r"|^《"  # nor is a sentence about a document ("《…条例》于2017年5月1日起施行")
)
# A sentence that opens with its own year (今年 too: the chain writes it as the year) is not given another.
_OPENS_WITH_YEAR = re.compile(rf"^(?:截至|自|从|于|在)?(?:{YEAR_NAMED.pattern}|{RELATIVE.pattern})")
_NAMES_A_YEAR = re.compile(rf"{YEAR_NAMED.pattern}|{RELATIVE.pattern}")
# How a report calls its own place ("我区收到…"): said by the place's name when the sentence is led by it.
_ITSELF = re.compile(r"^(?:我|本)[省市区县](?![\d])")


def year_lead(text: str, year: int | None) -> str:
    """The year said before a clause that is its place's ("2024年"), none when the clause opens with its own
    ("今年1至6月，思明区…": not "厦门市2019年今年1至6月"; "我县在2024年度…", once 我县 is left out)."""
    return "" if not year or _OPENS_WITH_YEAR.match(without_own_place(to_simplified(text))) else f"{year}年"


def without_own_place(sentence: str) -> str:
    """A sentence without the "我区", "本市" the report opens it with, for an answer that leads it by the place's
    name ("涪城区2023年" + "收到行政复议申请148件")."""
    own = _ITSELF.match(to_simplified(sentence))
    return sentence[own.end() :] if own else sentence


# …nor run into a figure or bracket: "2024年86.15%…" reads as one number.
_OPENS_WITH_FIGURE = re.compile(rf"^(?!{YEAR_NAMED.pattern})[\d（(“]")
