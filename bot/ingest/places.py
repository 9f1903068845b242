"""The places a report names, so a question about a district finds its city's report and vice versa.

A district's report (广州市花都区…) belongs to a city; a city's report names its districts (番禺区、南沙区…).
Questions name places loosely (广州, 花都区, 广州市花都区), so names are compared by their stem (the name
without its 市/区/县 suffix). Names come from jieba's place tag (`ns`) plus two patterns jieba misses: items
of a list that end in a suffix (、从化区、) and bare names before `等区` (天河、白云、番禺等区).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.text import CJK, segmenter, simplified_in_place, tagged, to_simplified

# 州 alone is part of a name (广州, 杭州); only 自治州 is a level.
_SUFFIX = re.compile(r"(?:自治州|省|市|区|县|旗|盟)$")
_LOCAL_SUFFIX = ("区", "县", "旗")  # a district or county: reported on by its city too
_CITY_SUFFIX = ("市", "自治州", "盟")
# `广州市花都区`: a city then one of its districts (the city takes the shortest prefix: 荆州市沙市区).
_COMPOUND = re.compile(r"^(.{2,}?(?:市|自治州|盟))(.{2,}[区县旗市])$")
# An item of a list of districts, beside a `、`: `、从化区、`, `、增城区和`.
_ITEM = rf"([{CJK}]{{2,4}}?(?:区|县|旗))"
# Before a `、` the item's start is unknown (推进从化区、): the common words before it are cut later.
_LIST_ITEM = re.compile(rf"(?<=、){_ITEM}(?=[、，,：:）)”和及与。；\s]|$)|{_ITEM}(?=、)")
# Not places though they end in a suffix or carry jieba's `ns` tag: kinds of areas and common words.
_NOT_A_PLACE = re.compile(
    r"开发区|示范|园区|跨|地区$|社区|特区|高新区|小区|湾区|法务区|辖区|片区|景区|保税区|试验区|功能区|先行区|合作区|新区$"
    r"|^(?:全|各|我|本|该|等|个|城|都|超|地级|县级|自治|中国|全国)|[各全我本该等]区$"
    r"|^(?:法治化|深度|广度|依法治国|满意度|治安|城市|镇街|镇村|宜居|并联|关联|河湖|粤港澳|大湾|海岛)$"
)
_ENUMERATION_END = ("等区", "等县")
_COMMON = 2000  # jieba dictionary frequency of common words (实现 15301, 部分 27619; 天河 655, 朝阳 767)


@dataclass(frozen=True)
class Gazetteer:
    issuer: str | None  # the issuing body as read (simplified): 广州市花都区
    parent: str | None  # the city a district's or county's report belongs to: 广州市
    places: tuple[str, ...]  # districts/counties/cities the text names, simplified, issuer and parent excluded


def stem(name: str) -> str:
    """What two spellings of a place share: 广州市/广州 → 广州; 广州市花都区 → 花都."""
    own = own_name(name)
    short = _SUFFIX.sub("", own)
    return short if len(short) >= 2 else own


def rare_district(word: str) -> bool:
    """Whether a word is a district or county jieba does not tag as a place (禅城区 `n`, 高明区 `nr`): a rare name
    ending in 区 or 县; common words ending so (开发区, 示范区) start with a common word (开发, 示范)."""
    found = re.fullmatch(rf"([{CJK}]{{2,4}})[区县]", word)
    return bool(found) and segmenter().dt.FREQ.get(found.group(1), 0) < _COMMON


_TOWN_SUFFIXES = ("镇", "街道", "乡")
_NAME_STOPS = "mqpucrdf"  # jieba tags no town's name is made of: numbers, counters, particles, pronouns, adverbs


def rare_towns(tokens: list[tuple[str, str]]) -> list[str]:
    """Towns and streets whose names jieba does not know, in a text's `tagged` words, as it splits them ("坭|陂|镇",
    "宁|新|街道"): the one or two words right before 镇, 街道 or 乡, two or three characters together, no common
    word ("重点镇", "示范镇") and no count ("17个镇")."""
    towns = []
    for at, (word, _) in enumerate(tokens):
        if word not in _TOWN_SUFFIXES:
            continue
        name = ""
        for before, flag in reversed(tokens[max(0, at - 2) : at]):
            if not re.fullmatch(rf"[{CJK}]+", before) or flag[:1] in _NAME_STOPS or len(name + before) > 3:
                break
            name = before + name
        if len(name) >= 2 and segmenter().dt.FREQ.get(name, 0) < _COMMON and not _NOT_A_PLACE.search(name):
            towns.append(name)
    return towns


def own_name(name: str) -> str:
    """The last level of a compound name: 广州市花都区 → 花都区; a simple name is itself."""
    m = _COMPOUND.match(name)
    return m.group(2) if m else name


def _is_place(name: str) -> bool:
    return len(name) >= 2 and not _NOT_A_PLACE.search(name) and len(_SUFFIX.sub("", name)) >= 2


def _tagged_places(text_s: str) -> list[tuple[str, bool]]:
    """(name, has suffix) in order: `ns` words, `ns` + a lone suffix (南沙 区), bare names before 等区."""
    tokens = tagged(text_s)
    found: list[tuple[str, bool]] = []
    for i, (word, flag) in enumerate(tokens):
        after = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if flag.startswith("ns") and after in _LOCAL_SUFFIX + _CITY_SUFFIX and not _SUFFIX.search(word):
            found.append((word + after, True))
        elif flag.startswith("ns"):
            found.append((word, bool(_SUFFIX.search(word))))
        elif word in _ENUMERATION_END:
            found.extend((name + word[1], True) for name in _enumerated(tokens, i))
        elif rare_district(word):
            found.append((word, True))  # "其中，赤坎区受理…": 赤坎区 is jieba's `n`
    return [(name, suffixed) for name, suffixed in found if _is_place(name)]


def _enumerated(tokens: list[tuple[str, str]], end: int) -> list[str]:
    """The bare names of `天河、白云、番禺等区`, read backwards from 等区 over `name 、` pairs."""
    names: list[str] = []
    i = end - 1
    while i >= 0 and 2 <= len(tokens[i][0]) <= 4 and re.fullmatch(rf"[{CJK}]+", tokens[i][0]):
        names.insert(0, tokens[i][0])
        if i < 1 or tokens[i - 1][0] != "、":
            break
        i -= 2
    return names


def _list_items(text_s: str) -> list[str]:
    """Suffixed list items, cut after the last common word before them: 推进从化区 → 从化区; 实现区 → none."""
    names = []
    for m in _LIST_ITEM.finditer(text_s):
        name = m.group(1) or m.group(2)
        suffix = _SUFFIX.search(name)
        name = _after_common_words(name[: suffix.start()]) + suffix.group() if suffix else name
        if _is_place(name):
            names.append(name)
    return names


def _after_common_words(stem_s: str) -> str:
    """What follows the last frequent non-place word (推进, 实现, 部分) in the stem; rare words may be a place
    jieba mis-tags (增城 as `v`), so only common ones cut."""
    freq = segmenter().dt.FREQ
    tokens = tagged(stem_s)
    common = [
        i for i, (w, f) in enumerate(tokens) if len(w) >= 2 and not f.startswith("ns") and freq.get(w, 0) >= _COMMON
    ]
    return "".join(w for w, _ in tokens[common[-1] + 1 :]) if common else stem_s


def places_in(text: str) -> list[str]:
    """Place names in a question or sentence, simplified, in order of first mention, each once."""
    text_s = to_simplified(text)
    found = [name for name, _ in _tagged_places(text_s)]
    found += _list_items(text_s)
    suffixed = {stem(name) for name in found if _SUFFIX.search(name)}
    names = [name for name in dict.fromkeys(found) if _SUFFIX.search(name) or name not in suffixed]
    return sorted(names, key=lambda name: text_s.find(stem(name)))


def _named(text_s: str) -> list[str]:
    """Suffixed names in the text, and bare names that the text also writes with a suffix (广州 → 广州市)."""
    found = _tagged_places(text_s) + [(name, True) for name in _list_items(text_s)]
    suffixed = {name for name, has in found if has}
    full = {stem(name): name for name in suffixed}
    names = [name if has else full.get(name) for name, has in found]
    return [name for name in names if name and not name.endswith("省")]


def _parent(text_s: str, issuer: str) -> str | None:
    """The city before the issuer: in the issuer itself (广州市花都区) or the text (…广州市 花都区…)."""
    if m := _COMPOUND.match(issuer):
        return m.group(1)
    if not issuer.endswith(_LOCAL_SUFFIX):
        return None
    tokens = [word for word, _ in tagged(text_s)]
    before = Counter(
        tokens[i - 1] for i in range(1, len(tokens)) if tokens[i] == issuer and tokens[i - 1].endswith(_CITY_SUFFIX)
    )
    return next((name for name, _ in before.most_common() if _is_place(name)), None)


def gazetteer(text: str, issuer: str | None) -> Gazetteer:
    """The issuing body, its parent city (for a district/county) and the places the text names."""
    text_s = to_simplified(text)
    issuer_s = to_simplified(issuer) if issuer else None
    parent = _parent(text_s, issuer_s) if issuer_s else None
    own = {stem(name) for name in (issuer_s, parent) if name}
    places = [name for name in dict.fromkeys(_named(text_s)) if stem(name) not in own]
    places.sort(key=lambda name: text_s.find(stem(name)))
    return Gazetteer(issuer=issuer_s, parent=parent, places=tuple(places))


def with_suffixes(text: str, gazetteers: Iterable[Gazetteer]) -> str:
    """The districts, counties and county-level cities the reports name, written bare in `text`, with their suffix
    as the reports write them ("湖里和思明谁调解的纠纷多" → "湖里区和思明区…", "吴川" → 吴川市, not an issuer's own 市:
    "广州" stays as asked): jieba tags few by their stem alone (吴川 it tags a person's name), so the question had named
    no place. Only a stem jieba reads as a word of its own there (not 白云 of 白云山), rare, and no verb or adjective
    (健全县 is a misread of "健全县乡…")."""
    suffixes = {
        stem(name): own_name(name)[-1]
        for g in gazetteers
        for name in (*g.places, g.issuer or "")
        if own_name(name).endswith(_LOCAL_SUFFIX) or name in g.places and own_name(name).endswith("市")
    }
    text_s = simplified_in_place(text)  # the asker's script kept: offsets hold for both
    pieces, at = [], 0
    tokens = tagged(text_s)
    for i, (word, _) in enumerate(tokens):
        at += len(word)
        pieces.append(text[at - len(word) : at])
        after = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if word in suffixes and not after.startswith(("区", "县", "旗", "市", "镇", "街")) and _rare_stem(word):
            pieces.append(suffixes[word])
    return "".join(pieces)


def _rare_stem(word: str) -> bool:
    """Whether a place's stem names only it: rare in jieba's dictionary, and no verb, adjective or adverb."""
    return len(word) >= 2 and segmenter().dt.FREQ.get(word, 0) < _COMMON and tagged(word)[0][1][0] not in "avd"


def covering(place: str, gazetteers: dict[str, Gazetteer]) -> list[str]:
    """Doc ids whose report covers `place`: its own; for a district, its city's (the parent of the district's
    own report, or a city report naming it); for a city, its districts' reports (parent == city)."""
    key = stem(to_simplified(place))
    own = [doc for doc, g in gazetteers.items() if g.issuer and stem(g.issuer) == key]
    cities = {stem(gazetteers[doc].parent) for doc in own if gazetteers[doc].parent}
    found = set(own)
    for doc, g in gazetteers.items():
        issuer_key = stem(g.issuer) if g.issuer else None
        city_report = bool(g.issuer) and own_name(g.issuer).endswith(_CITY_SUFFIX)
        names_it = any(stem(p) == key and p.endswith(_LOCAL_SUFFIX) for p in g.places)
        if issuer_key in cities or (city_report and names_it) or (g.parent and stem(g.parent) == key):
            found.add(doc)
    return [doc for doc in gazetteers if doc in found]


def is_local(issuer: str | None) -> bool:
    """Whether an issuer is a district or county (广州市花都区), whose city's figures its report may give too."""
    return bool(issuer) and own_name(to_simplified(issuer)).endswith(_LOCAL_SUFFIX)


def of_its_city(sentence: str, held: str, issuer: str | None) -> bool:
    """Whether a figure a district's or county's report holds (`held`, as written in `sentence`) is its city's:
    said after "全市" in its clause run, the district not named again between ("2023年，全市各级行政复议机构共收到
    …1203件，同比上升9.6%；其中，我区收到…148件": 1203件 and 9.6% are 绵阳市's; "…保持100%，高于全市97.3%的平均
    水平": 97.3% only). In a county-level city's report (兴宁市) 全市 is the issuer itself."""
    if not is_local(issuer):
        return False
    text = to_simplified(sentence)
    at = text.find(to_simplified(held))
    run = re.split(r"[；;。]", text[: max(at, 0)])[-1]
    after = text[at + len(to_simplified(held)) :] if at >= 0 else ""
    if _SHARE_OF_WHOLE.search(run) and after.startswith("的") and not held.endswith("%"):
        return True  # "约占全市（惠州市）行政复议申请总量2860件的17%": the whole the district's share is of
    wholes = list(_WHOLE_CITY.finditer(run))
    own = re.escape(stem(to_simplified(issuer)))
    return at >= 0 and bool(wholes) and not re.search(rf"[我全本该][区县旗]|{own}", run[wholes[-1].start() :])


# The whole city as what is counted or asked; not a first or a place in it, which the district took ("在全市首创…
# 信用修复服务，已帮助企业修复信用28300余条" is 花都区's; "在2022年度全市法治政府建设考评中…位列全市9个县（市、区）
# 第二名"), nor a kind of service named by its reach ("全市通办").
_WHOLE_CITY = re.compile(  # not a rank in it ("居全市第一"), nor a share of it ("占全市比重": the district's)
    r"(?<![在列排居占])全市(?!率先|首|第|前|唯一|通办|[^，。；]{0,12}(?:考评|考核|评比|评估|评价|排名))"
)


_SHARE_OF_WHOLE = re.compile(r"占全市[^，。；;]*$")
_OPENS_WITH_WHOLE_CITY = re.compile(rf"^(?:(?:19|20)\d{{2}}年(?:以来)?[，,]?)?(?={_WHOLE_CITY.pattern})")


def opens_with_its_city(text: str) -> bool:
    """Whether a district's or county's sentence (simplified) opens with its city's whole, after its year at most
    ("2023年，全市各级行政复议机构共收到…"): the sentence is about the city (`_WHOLE_CITY`: not a rank in it)."""
    return bool(_OPENS_WITH_WHOLE_CITY.match(text))


def its_city(issuer: str | None) -> str | None:
    """The city a district's or county's report is of (绵阳市涪城区 → 绵阳市), or None for a city's own."""
    found = _COMPOUND.match(to_simplified(issuer)) if is_local(issuer) else None
    return found.group(1) if found else None


def asks_its_city(question: str, issuer: str | None) -> bool:
    """Whether a question about a district's report asks its city's whole: "全市的纠错率呢", or the city named
    without the district ("绵阳2023年收到多少行政复议申请" of 绵阳市涪城区's report)."""
    text = to_simplified(question)
    city = _COMPOUND.match(to_simplified(issuer)) if issuer else None
    named = bool(city) and stem(city.group(1)) in text and stem(to_simplified(issuer)) not in text
    return bool(_WHOLE_CITY.search(text)) or named
