"""Read a report's title, issuing body, year, date and source from its own text.

Questions filter by city and year, and "when" questions need the publication date, so these
come from the content itself (the title line, the first sentence, `发布日期`, `来源`, the signature).
"""

from __future__ import annotations

import re
from collections import Counter

from bot.text import tagged, to_simplified

_TITLE_BODY = re.compile(r"^(.{2,20}?)(?:人民政府|政府)?关于")
_BODY_SUFFIX = re.compile(r"(?:省|市|区|县|自治州|旗)$")
_PLACE_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:市|区|县))")
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年度?")
_LEADING_YEAR = re.compile(r"^((?:19|20)\d{2})年[，,]")
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|日期)[:：]\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")
# "2017-11-13 来源：广州日报", "2019-07-09 08:35 来源：厦门日报 作者：…"
_DATE_SOURCE_LINE = re.compile(
    r"^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*来源[:：]\s*(\S+)"
)
SIGNATURE_DATE = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$")
_SOURCE = re.compile(r"(?:文章来源|来源)[:：]\s*([^\s【]+)")
# A report's title: "…关于2024年度法治政府建设情况的报告", "…2023年法治政府建设年度报告" (no 情况: still the
# report on 2023, not an article of the year it was published).
_REPORT_TITLE = re.compile(r"情况.*报告|法治政府建设.*报告")


def _date(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _title_line(lines: list[str]) -> str | None:
    """The first short line before the body starts that reads like a headline."""
    for line in lines[:4]:
        if _LEADING_YEAR.match(line) or len(line) > 60:
            return None
        if re.search(r"[。；]|[:：]$", line) or _PUBLISHED.search(line) or _SOURCE.search(line):
            continue
        return line
    return None


def _main_place(text: str) -> str | None:
    """The place named most in the opening of the text, by jieba's place-name tag."""
    places = Counter(word for word, flag in tagged(text[:1500]) if flag == "ns" and len(word) >= 2)
    for place, _ in places.most_common():
        if place not in _NOT_A_BODY:
            return place if _BODY_SUFFIX.search(place) else place + "市"
    return None


def _place_named(line: str) -> str | None:
    """The first place a line names (jieba's place tag), as a body: 厦门 → 厦门市."""
    place = next((w for w, flag in tagged(line) if flag == "ns" and len(w) >= 2 and w not in _NOT_A_BODY), None)
    return None if place is None else place if _BODY_SUFFIX.search(place) else place + "市"


_NOT_A_BODY = ("中国", "中华人民共和国", "全国", "广东", "四川", "广东省", "四川省")


def release_dated(lines: list[str]) -> bool:
    """Whether a page gives its date of publication on a line of its own ("发布日期：…", "2017-11-13 来源：…"): where
    it does not, `read_metadata` takes the signature's date, which says when the report was signed, not put out."""
    return any(_PUBLISHED.search(line) or _DATE_SOURCE_LINE.match(line) for line in map(to_simplified, lines))


def read_metadata(text: str) -> dict:
    """Title, issuing body, year, date, source and kind ('report' or 'article') of cleaned text."""
    simplified = to_simplified(text)
    lines = [line.strip() for line in simplified.split("\n") if line.strip()]
    title_s = _title_line(lines)
    display_lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = display_lines[lines.index(title_s)] if title_s else None
    is_report = bool(title_s and _REPORT_TITLE.search(title_s)) or title_s is None

    body = None
    if title_s and (m := _TITLE_BODY.match(title_s)):
        body = m.group(1)
    if body is None and title_s and not is_report:  # a headline naming its city: "厦门法治政府建设考评…"
        body = _place_named(title_s)
    if body is None:
        first_sentence = next((line for line in lines if _LEADING_YEAR.match(line)), "")
        m = _PLACE_IN_TEXT.search(first_sentence[:30])
        body = m.group(1) if m else _main_place(simplified)

    date = source = None
    for line in lines:
        if m := _PUBLISHED.search(line):
            date = date or _date(*m.groups())
        if m := _DATE_SOURCE_LINE.match(line):
            date, source = date or _date(*m.groups()[:3]), source or m.group(4)
        elif m := _SOURCE.search(line):
            source = source or m.group(1)
    if date is None:
        for line in reversed(lines[-5:]):
            if m := SIGNATURE_DATE.match(line):
                date = _date(*m.groups())
                break

    year = None
    if is_report:
        title_year = _YEAR_IN_TITLE.search(title_s) if title_s else None
        leading = next((m for line in lines if (m := _LEADING_YEAR.match(line))), None)
        if found := title_year or leading:
            year = int(found.group(1))
    if year is None and date:
        year = int(date[:4])

    if title is None and body and year:
        title = f"{body}{year}年法治政府建设情况报告"
    return {
        "title": title or (display_lines[0][:40] if display_lines else ""),
        "issuer": body,
        "year": year,
        "date": date,
        "source": source,
        "kind": "report" if is_report else "article",
    }
