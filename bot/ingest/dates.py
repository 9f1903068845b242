"""The year a report covers, its publication date, and the relative dates (今年, 上年…) it uses.

A 2024 report is signed in January 2025 and a 2017 article is dated 2017-11-13: "2024年的…" must find the
report, not what was published in 2024. Inside the text, 今年/上年 mean years relative to the report's own
year (the covered year for a report, the publication year for an article); they are resolved into an
annotation for matching and for models, while the display text stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import segmenter, simplified_in_place

# Longest spellings first, so 上年度 is one word and not 上年 + 度. Simplified forms: text is matched simplified.
_OFFSETS = {
    "上一年度": -1,
    "上一年": -1,
    "上年度": -1,
    "去年": -1,
    "上年": -1,
    "前年": -2,
    "去年度": -1,
    "本年度": 0,
    "今年度": 0,
    "当年度": 0,
    "今年": 0,
    "当年": 0,
    "本年": 0,
    "明年": 1,
    "次年": 1,
    "下一年度": 1,
    "下一年": 1,
    "来年": 1,
}
_PREPOSITIONS = "于在至到自从"
RELATIVE = re.compile("|".join(sorted(_OFFSETS, key=len, reverse=True)))
# A period counted back from the text's own year ("近5年来", "近三年"): it ends in that year, which a reader
# years later must be told.
PERIOD = re.compile(r"近(?:\d+|[一二三四五六七八九十]+)年(?:以来|来|间)?")
# A year a text names ("2023年"), its number captured: the one pattern for it, in questions, reports and answers.
YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年")
# The clause around a match, as jieba splits text: its segmentation of a clause is that of the whole text.
_CLAUSE_END = re.compile(r"[\s。！？；，、：（）“”《》,;:()]")


@dataclass(frozen=True)
class RelativeDate:
    start: int
    end: int
    word: str  # as written (traditional text keeps its characters)
    year: int


def report_dates(meta: dict) -> tuple[int | None, str | None]:
    """(covered year, publication date ISO) from `read_metadata`'s dict.

    metadata reads the year from the title or the opening `2024年，…` for a report, and an article's year
    from its date; the publication date is `发布日期`, the date/source line or the signature.
    """
    return meta.get("year"), meta.get("date")


def anchor_year(meta: dict) -> int | None:
    """What 今年 means: the covered year in a report, the publication year in an article (news is dated)."""
    year, date = report_dates(meta)
    if meta.get("kind") == "article" and date:
        return int(date[:4])
    return year


def _word_starts(text_s: str, start: int) -> set[int]:
    """Offsets (in `text_s`) where jieba starts a word, in the clause around `start`."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text_s, max(0, start - 40), start)), default=max(0, start - 40))
    right_m = _CLAUSE_END.search(text_s, start)
    right = right_m.start() if right_m else len(text_s)
    offsets, at = set(), left
    for word in segmenter().lcut(text_s[left:right], HMM=True):
        offsets.add(at)
        at += len(word)
    return offsets


def relative_dates(text: str, anchor_year: int) -> list[RelativeDate]:
    """Relative year words resolved against `anchor_year`, with offsets into `text`.

    A match counts only where jieba starts a word there, so 应当年满 (应当|年满), 以上年龄 and 目前年均 are
    no dates, while 同比上年, 今年以来 and 去年同期 (one jieba word starting with the date) are.
    """
    text_s = simplified_in_place(text)  # offsets must hold for the display text
    found = []
    for m in RELATIVE.finditer(text_s):
        after_preposition = m.start() > 0 and text_s[m.start() - 1] in _PREPOSITIONS  # 于今年 (jieba: 于今|年)
        if after_preposition or m.start() in _word_starts(text_s, m.start()):
            word = text[m.start() : m.end()]
            found.append(RelativeDate(m.start(), m.end(), word, anchor_year + _OFFSETS[m.group()]))
    return found


def periods_dated(text: str, anchor_year: int) -> str:
    """`近5年来` → `近5年来（截至2017年）`: a period counted back, said with the year it ends in (simplified or
    traditional text; one already followed by a bracket is left as it is)."""
    text_s = simplified_in_place(text)
    parts, at = [], 0
    for m in PERIOD.finditer(text_s):
        if not text_s.startswith(("（", "("), m.end()):
            parts += [text[at : m.end()], f"（截至{anchor_year}年）"]
            at = m.end()
    return "".join(parts) + text[at:]


def annotate(text: str, anchor_year: int) -> str:
    """`今年3月` → `今年（2017年）3月`: the resolved year after each relative word, for matching and models."""
    parts, at = [], 0
    for date in relative_dates(text, anchor_year):
        parts += [text[at : date.end], f"（{date.year}年）"]
        at = date.end
    return "".join(parts) + text[at:]


def clause_years(text: str, anchor: int) -> list[int]:
    """The years the clauses of a simplified text opening with a year open with, in order, relative ones resolved
    against `anchor` ("据统计，去年全年，…" in a 2019 article: 2018); a written one, or one a period runs from
    ("2022年以来，…", "去年以来，…": up to the text's own), is the text's own year, and one inside a clause
    ("较去年的114件") is none."""
    relative = {d.start: d.year for d in relative_dates(text, anchor)}
    heads = CLAUSE_HEAD_YEAR.finditer(text)
    return [anchor if text.startswith("以来", m.end(1)) else relative.get(m.start(1), anchor) for m in heads]


# A clause opening with a year, written or relative ("据统计，去年全年，…", "2023年，…"); not one giving the year
# before's figure beside this year's ("调解纠纷2.15万宗，上年为1.87万宗，调解成功率98.3%"): what follows is not of it.
CLAUSE_HEAD_YEAR = re.compile(
    rf"(?:^|[，；。：])({YEAR_NAMED.pattern}|{RELATIVE.pattern})(?!度?(?:为|是|的|同期|相比|比))"
)
