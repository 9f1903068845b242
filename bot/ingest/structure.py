"""Read a report's heading tree and tell what each part of it is for.

Reports on rule-of-law government follow a regulated outline (《法治政府建设与责任落实督察工作规定》):
the year's measures and results, how the principal leaders performed their duty as first responsible
persons, the shortcomings and their causes, and next year's plans. Questions ask for one of these parts
("存在哪些不足"), so each section carries the role of the top-level part it belongs to.

The reader works on the cleaned text; paragraphs are `text.split("\\n")`. It copes with what the seeds do:

- Numbering styles nest in the standard order (`一、` > `（一）` > `1.` > `（1）`); a report that starts at
  `（一）` or skips a level still gets a consistent tree.
- Scraping can eat a heading's label (`?。ㄈ┮婪…` mojibake, cleaned away, leaves `系日益健全。一是…`). A
  paragraph that starts a fresh `一是…` series right after a sibling run-in heading that had its own series,
  while the numbering of that level has a gap there (or no later sibling), is read as the lost sibling; its
  path element is the inferred label, `…`, then what is left of its first sentence (`（三）…系日益健全`).
- A news article without numbered headings uses short unpunctuated lines as subtitles.
- Parts a report gives no heading are found by wording and get a synthetic path in `〔〕` brackets, which
  never occur in report headings: `〔存在的不足和原因〕` (a paragraph opening "…仍存在…问题"),
  `〔下一步工作安排〕` (a sentence opening "下一步", "今后", "20xx年，…将"), `〔落款〕` (the trailing
  signature lines: issuer, date, source). A paragraph holding both shortcomings and plans is split at the
  sentence where the plans begin: the two sections then share that paragraph index and `span` tells apart
  the characters each one holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import groupby

from bot.text import split_sentences, to_simplified

ROLES = {
    "measures": "主要举措和成效",
    "duty": "第一责任人职责履行情况",
    "shortcomings": "存在的不足和原因",
    "plans": "下一步工作安排",
    "other": "其他",
}
SYNTHETIC = {"shortcomings": "〔存在的不足和原因〕", "plans": "〔下一步工作安排〕", "other": "〔落款〕"}

_CN_DIGITS = "一二三四五六七八九十"
# Heading label styles, outermost first (the order of the national standard for official documents, GB/T 9704:
# 一、 > （一） > 1. > （1））. A report may start at any level or skip one; a heading closes every open heading of
# its own level or deeper, so appending a section never moves the headings before it.
_HEADING_STYLES = {
    "chapter": re.compile(rf"^第([{_CN_DIGITS}]+)(?:部分|章|节|節)"),
    "cn": re.compile(rf"^([{_CN_DIGITS}]+)、"),
    "paren_cn": re.compile(rf"^[（(]([{_CN_DIGITS}]+)[）)]"),
    "num": re.compile(r"^(\d{1,2})[.．、](?!\d)"),
    "paren_num": re.compile(r"^[（(](\d{1,2})[）)]"),
}
_RANK = {style: rank for rank, style in enumerate(_HEADING_STYLES)}
_LABEL_FORMATS = {
    "chapter": "第{cn}部分",
    "cn": "{cn}、",
    "paren_cn": "（{cn}）",
    "num": "{n}.",
    "paren_num": "（{n}）",
}
# Item labels inside running text: after a paragraph start or a punctuation mark.
_ITEM_BOUNDARY = r"(?:^|(?<=[\n。；：！？，,;:!?]))"
_ITEM_STYLES = {
    "shi": re.compile(rf"{_ITEM_BOUNDARY}([{_CN_DIGITS}]+)是"),
    "di": re.compile(rf"{_ITEM_BOUNDARY}第([{_CN_DIGITS}]+)[，,、：:]"),
    "paren_cn": re.compile(rf"{_ITEM_BOUNDARY}[（(]([{_CN_DIGITS}]+)[）)]"),
    "num": re.compile(rf"{_ITEM_BOUNDARY}(\d{{1,2}})[.．、](?!\d)"),
    "paren_num": re.compile(rf"{_ITEM_BOUNDARY}[（(](\d{{1,2}})[）)]"),
}
_SERIES_START = re.compile(r"(?:^|[。；：！？，])一是")
_HEADING_MAX_CHARS = 40  # a run-in heading's title is cut here
_WHOLE_LINE_MAX_CHARS = 60  # a line this short without a sentence after its first is a heading by itself
_SHORT_LINE = 30
_SENTENCE_PUNCT = re.compile(r"[。！？；，：:,;!?]")
_SIGNATURE_PUNCT = re.compile(r"[。！？；，,;!?]")

# Role words, matched on the simplified heading.
_SHORTCOMING_WORDS = re.compile(r"问题|不足|短板|差距|薄弱")
_PLAN_WORDS = re.compile(
    r"下一步|下步|下一年|下一阶段|今后|明年|工作安排|主要安排|工作打算|工作计划|工作思路|\d{4}年[^，。]{0,12}将"
)
_DUTY_WORDS = re.compile(r"第一责任人|主要负责人|履行[^，。]{0,12}职责")
# Wording that opens an unheaded part, matched on the simplified sentence.
_SHORTCOMING_OPENING = re.compile(
    r"(?:仍|还|也|尚|依然|仍然|但)[^。；]{0,4}存在[^。；]{0,20}?(?:问题|不足|短板|差距|薄弱|弱项)|^存在的?(?:问题|不足)"
)
_PLAN_OPENING = re.compile(r"^(?:下一步|下步|今后|明年|下一年度|\d{4}年[，,]?[^。；]{0,20}?将)")
# The label and mark an inferred heading's title opens with ("（十一）…"), before its first sentence.
_LOST_LABEL = re.compile(rf"^[（(][{_CN_DIGITS}]+[）)]…")


@dataclass(frozen=True)
class Item:
    """A numbered item inside a section ("一是…", "（一）…", "1.…", "第一，…"); `text` follows the label."""

    label: str
    text: str


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]  # heading path, top level first (() for the preface before the first heading)
    role: str  # a key of ROLES: the role of its TOP-LEVEL section
    start: int  # first paragraph index (into text.split("\n")), inclusive
    end: int  # exclusive
    text: str  # its paragraphs joined by "\n" (headings included), display text unchanged
    items: tuple[Item, ...]
    span: tuple[int, int] | None = None  # character offsets into the text; None: whole paragraphs start..end


@dataclass(frozen=True)
class _Heading:
    index: int  # paragraph index
    style: str
    number: int
    label: str
    title: str  # the path element


@dataclass(frozen=True)
class _Leaf:
    """One heading's own span, in characters, before roles are known."""

    path: tuple[str, ...]
    label: str
    begin: int
    end: int


def _cn_number(digits: str) -> int:
    """`一`..`九十九` as an int; the numbering of these reports never goes higher."""
    if "十" not in digits:
        return _CN_DIGITS.index(digits) + 1 if len(digits) == 1 else 0
    tens, _, ones = digits.partition("十")
    return (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_CN_DIGITS.index(ones) + 1 if ones else 0)


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else _cn_number(raw)


def _cn_digits(number: int) -> str:
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens - 1] + "十")
    return head + (_CN_DIGITS[ones - 1] if ones else "")


def _title(line: str) -> str:
    """A whole short line is its own title; a run-in heading (`（一）标题。正文…`) is titled by its first sentence."""
    first = split_sentences(line)[0].rstrip("。；")
    whole = first == line.rstrip("。；") and len(line) <= _WHOLE_LINE_MAX_CHARS
    return line if whole else first[:_HEADING_MAX_CHARS]


def _numbered(index: int, line: str) -> _Heading | None:
    for style, pattern in _HEADING_STYLES.items():
        match = pattern.match(line)
        if match:
            return _Heading(index, style, _number(match.group(1)), match.group(0), _title(line))
    return None


def _is_run_in(heading: _Heading, line: str) -> bool:
    return heading.title != line


_DATED = re.compile(r"(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})")


def _signature_start(paragraphs: list[str]) -> int:
    """Where the trailing signature (issuer, date, source: short lines without sentence punctuation) begins.

    A signature is dated; a short last line without a date is the end of the text, not a signature (so text
    appended later cannot turn it back into body and move what came before)."""
    start = len(paragraphs)
    while start > 1:
        line = paragraphs[start - 1].strip()
        if len(line) > _SHORT_LINE or _SIGNATURE_PUNCT.search(line) or _numbered(0, line):
            break
        start -= 1
    dated = any(_DATED.search(line) for line in paragraphs[start:])
    return start if start > 1 and dated else len(paragraphs)


def _subtitles(paragraphs: list[str], stop: int) -> list[_Heading]:
    """Unnumbered subtitles of a news-style text: short unpunctuated lines between body paragraphs."""
    found: list[_Heading] = []
    seen_body = False
    for index, line in enumerate(paragraphs[:stop]):
        following = paragraphs[index + 1] if index + 1 < stop else ""
        short = 0 < len(line) <= _SHORT_LINE and not _SENTENCE_PUNCT.search(line)
        if seen_body and short and "。" in following:
            found.append(_Heading(index, "plain", 0, "", line))
        seen_body = seen_body or "。" in line
    return found


def _gap_follows(heading: _Heading, later: list[_Heading]) -> bool:
    """True when the next heading at `heading`'s level (before its parent closes) skips a number, or none comes."""
    for other in later:
        if _RANK[other.style] <= _RANK[heading.style]:
            return other.style != heading.style or other.number > heading.number + 1
    return True


def _lost_sibling(index: int, line: str, top: _Heading, top_line: str, later: list[_Heading]) -> _Heading | None:
    """The sibling whose label was eaten, or None: see the module docstring for the evidence required."""
    fresh_series = _SERIES_START.search(line) and not line.startswith("一是")
    if not (fresh_series and _is_run_in(top, top_line) and _SERIES_START.search(top_line)):
        return None
    if top.style not in _LABEL_FORMATS or not _gap_follows(top, later):
        return None
    number = top.number + 1
    label = _LABEL_FORMATS[top.style].format(cn=_cn_digits(number), n=number)
    first = split_sentences(line)[0].rstrip("。；")
    return _Heading(index, top.style, number, label, f"{label}…{first[: _HEADING_MAX_CHARS - len(label)]}")


def _headings(paragraphs: list[str], stop: int) -> list[tuple[_Heading, tuple[str, ...]]]:
    """Every heading with its path; label styles nest in the standard order (`_RANK`); a numbered heading
    closes an unnumbered subtitle before it."""
    numbered = [h for i, line in enumerate(paragraphs[:stop]) if (h := _numbered(i, line))]
    # Before the first numbered heading (in a news-style text: everywhere), unnumbered subtitles; so numbered
    # sections added later leave the subtitles before them as they were.
    found: list[tuple[_Heading, tuple[str, ...]]] = [
        (h, (h.title,)) for h in _subtitles(paragraphs, numbered[0].index if numbered else stop)
    ]
    stack: list[_Heading] = []
    position = 0  # the next numbered heading
    for index, line in enumerate(paragraphs[:stop]):
        heading = None
        if position < len(numbered) and numbered[position].index == index:
            heading, position = numbered[position], position + 1
        elif stack:
            top = stack[-1]
            heading = _lost_sibling(index, line, top, paragraphs[top.index], numbered[position:])
        if heading is None:
            continue
        stack = [h for h in stack if _RANK[h.style] < _RANK[heading.style]] + [heading]
        found.append((heading, tuple(h.title for h in stack)))
    return found


def _line_starts(paragraphs: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in paragraphs:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _leaves(text: str) -> list[_Leaf]:
    """Each heading's own span, plus the preface and the signature, in characters."""
    paragraphs = text.split("\n")
    starts = _line_starts(paragraphs)
    signature = _signature_start(paragraphs)
    found = _headings(paragraphs, signature)
    bounds = [(0, (), "")] + [(h.index, path, h.label) for h, path in found]
    if signature < len(paragraphs):
        bounds.append((signature, (SYNTHETIC["other"],), ""))
    ends = [starts[b[0]] - 1 for b in bounds[1:]] + [len(text)]
    leaves = [_Leaf(path, label, starts[i], end) for (i, path, label), end in zip(bounds, ends)]
    return [leaf for leaf in leaves if leaf.path or leaf.end > leaf.begin]


def _heading_role(title: str) -> str:
    """The role a top-level heading announces; "both" for one heading over shortcomings and plans."""
    words = to_simplified(title)
    shortcomings, plans = _SHORTCOMING_WORDS.search(words), _PLAN_WORDS.search(words)
    if _PLAN_OPENING.match(_LOST_LABEL.sub("", words)):
        return "plans"  # a lost heading's first sentence, "下一步，我区将…聚焦以上问题，重点抓好以下工作": plans
    if shortcomings and plans:
        return "both"
    if shortcomings or plans:
        return "shortcomings" if shortcomings else "plans"
    return "duty" if _DUTY_WORDS.search(words) else "measures"


def heading_role(heading: str) -> str:
    """The role of the part a chunk's heading path (`一、… > （二）…`, as chunks carry it) is in."""
    return _group_role(tuple(heading.split(" > ")) if heading else ())


def _group_role(key: tuple[str, ...]) -> str:
    if not key:
        return "other"
    synthetic = {name: role for role, name in SYNTHETIC.items()}
    return synthetic.get(key[0]) or _heading_role(key[0])


def _groups(leaves: list[_Leaf]) -> list[tuple[tuple[str, ...], list[_Leaf], str]]:
    """Top-level sections: (path, leaves, role), in order."""
    grouped = [(key, list(group)) for key, group in groupby(leaves, key=lambda leaf: leaf.path[:1])]
    return [(key, group, _group_role(key)) for key, group in grouped]


def _sentence_starts(text: str, begin: int, end: int, skip_first: bool, every_sentence: bool):
    """(offset, simplified sentence) for each paragraph start (or each sentence start) in text[begin:end]."""
    offset = begin
    for number, line in enumerate(text[begin:end].split("\n")):
        at = offset
        for place, sentence in enumerate(split_sentences(line)):
            first_of_group = number == 0 and (place == 0 or not every_sentence)
            if (place == 0 or every_sentence) and not (skip_first and first_of_group):
                yield at, to_simplified(sentence)
            at += len(sentence)
        offset += len(line) + 1


def _find_cut(text: str, group: list[_Leaf], opening: re.Pattern, every_sentence: bool) -> int | None:
    """Where an unheaded part opens inside a top-level section: the first sentence its wording opens."""
    begin, end = group[0].begin, group[-1].end
    for offset, sentence in _sentence_starts(text, begin, end, skip_first=True, every_sentence=every_sentence):
        if opening.search(sentence):
            return offset
    return None


def _cut(text: str, leaves: list[_Leaf], at: int, name: str) -> list[_Leaf]:
    """Everything from `at` to the end of its top-level section moves under the synthetic heading `name`."""
    top = next(leaf.path[:1] for leaf in leaves if leaf.begin <= at < leaf.end)
    out: list[_Leaf] = []
    for leaf in leaves:
        if leaf.path[:1] != top or leaf.end <= at:
            out.append(leaf)
        elif leaf.begin >= at:
            out.append(replace(leaf, path=(name, *leaf.path[1:])))
        else:
            first_end = at - 1 if text[at - 1] == "\n" else at
            out += [replace(leaf, end=first_end), _Leaf((name,), "", at, leaf.end)]
    return out


def _split_unheaded(text: str, leaves: list[_Leaf]) -> tuple[list[_Leaf], dict[tuple[str, ...], str]]:
    """Give shortcomings and plans a section of their own where no heading announces them."""
    groups = _groups(leaves)
    roles = [role for _, _, role in groups]
    body = [g for g in groups if g[2] != "other"]
    if body and not {"shortcomings", "both"} & set(roles):
        first_plans = next((i for i, g in enumerate(body) if g[2] == "plans"), len(body))
        _, group, role = body[max(first_plans - 1, 0)]  # shortcomings come before the plans
        at = _find_cut(text, group, _SHORTCOMING_OPENING, every_sentence=False)
        if at is not None and role in {"measures", "duty"}:
            leaves = _cut(text, leaves, at, SYNTHETIC["shortcomings"])
    groups = _groups(leaves)
    body = [g for g in groups if g[2] != "other"]
    if body and not any(role == "plans" for _, _, role in groups):
        _, group, role = next((g for g in body if g[2] == "both"), body[-1])
        at = _find_cut(text, group, _PLAN_OPENING, every_sentence=role != "measures")
        if at is not None:
            leaves = _cut(text, leaves, at, SYNTHETIC["plans"])
    roles = {key: ("shortcomings" if role == "both" else role) for key, _, role in _groups(leaves)}
    return leaves, roles


def _paragraph(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def items_in(text: str) -> tuple[Item, ...]:
    """Items of the outermost label style used in a stretch of running text ("一是…二是…"): the style whose "1"
    label comes first."""
    firsts = [
        (m.start(), style) for style, p in _ITEM_STYLES.items() for m in p.finditer(text) if _number(m.group(1)) == 1
    ]
    if not firsts:
        return _unnumbered_items(text)
    style = min(firsts)[1]
    accepted, expected = [], 1
    for match in _ITEM_STYLES[style].finditer(text):
        number = _number(match.group(1))
        if number == expected or (number == 1 and (match.start() == 0 or text[match.start() - 1] == "\n")):
            accepted.append(match)
            expected = number + 1
    ends = [m.start() for m in accepted[1:]] + [len(text)]
    return tuple(Item(m.group(0), text[m.end() : end].strip()) for m, end in zip(accepted, ends))


def _unnumbered_items(text: str) -> tuple[Item, ...]:
    """Items labelled without numbers, two at least: paragraphs opening "——", or a run of "首先，…其次，…"."""
    for pattern in _UNNUMBERED:
        found = list(pattern.finditer(text))
        if len(found) >= 2 and found[0].group(0).strip() in ("——", "首先，", "首先,"):  # from its first: not "此外，…"
            ends = [m.start() for m in found[1:]] + [len(text)]
            return tuple(Item(m.group(0).strip(), text[m.end() : end].strip()) for m, end in zip(found, ends))
    return ()


# Item labels of lists that number nothing: "——抓好学习贯彻。…", "首先，…。其次，…。".
_UNNUMBERED = (
    re.compile(r"(?:^|(?<=\n))——"),
    re.compile(rf"{_ITEM_BOUNDARY}(?:首先|其次|再次|此外|最后)[，,]"),
)


def _own_items(text: str, leaf: _Leaf) -> tuple[Item, ...]:
    """Items inside one heading's own span, not counting the heading's own label."""
    body = text[leaf.begin : leaf.end]
    return items_in(body[len(leaf.label) :] if leaf.label and body.startswith(leaf.label) else body)


def _child_items(text: str, group: list[_Leaf], end: int) -> tuple[Item, ...]:
    """Items of a top-level section with subsections: one per direct child, running to the next one."""
    children = [leaf for leaf in group if len(leaf.path) == 2]
    ends = [child.begin - 1 for child in children[1:]] + [end]
    items = []
    for child, stop in zip(children, ends):
        body = text[child.begin : stop]
        label = child.label or child.path[1]
        items.append(Item(label, (body[len(label) :] if body.startswith(label) else body).strip()))
    return tuple(items)


def _section(text: str, starts: list[int], path, role: str, begin: int, end: int, items) -> Section:
    first, last = _paragraph(starts, begin), _paragraph(starts, max(end - 1, begin))
    return Section(tuple(path), role, first, last + 1, text[begin:end], items, (begin, end))


def _structure(text: str) -> tuple[list[_Leaf], dict[tuple[str, ...], str], list[int]]:
    leaves = _leaves(text)
    leaves, roles = _split_unheaded(text, leaves)
    return leaves, roles, _line_starts(text.split("\n"))


def read_sections(text: str) -> list[Section]:
    """Every section (each heading's own span, children not included) in document order."""
    leaves, roles, starts = _structure(text)
    return [
        _section(text, starts, leaf.path, roles[leaf.path[:1]], leaf.begin, leaf.end, _own_items(text, leaf))
        for leaf in leaves
    ]


def top_sections(text: str) -> list[Section]:
    """The top-level sections, whole (children included): the report's parts, each with its role."""
    leaves, roles, starts = _structure(text)
    out = []
    for key, group, _ in _groups(leaves):
        begin, end = group[0].begin, group[-1].end
        items = _child_items(text, group, end) if len(group) > 1 else _own_items(text, group[0])
        out.append(_section(text, starts, key, roles[key], begin, end, items))
    return out


def section_at(sections: list[Section], paragraph: int) -> Section | None:
    """The deepest section holding a paragraph; of two sharing a split paragraph, the one it starts in."""
    holding = [s for s in sections if s.start <= paragraph < s.end]
    return max(holding, key=lambda s: len(s.path), default=None)


def heading_path(text: str) -> list[tuple[str, ...]]:
    """The heading path of every paragraph of `text.split("\\n")` (what chunk headings show)."""
    sections = read_sections(text)
    return [found.path if (found := section_at(sections, i)) else () for i in range(len(text.split("\n")))]
