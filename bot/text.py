"""Chinese-text primitives, each defined once: simplification and match keys, sentences, tokens, words,
bigrams, and the patterns of citation markers and numbers.

Reports arrive in simplified and traditional characters, with pinyin glosses and mixed-width digits and
punctuation; questions come in simplified Chinese. Everything that compares two texts — retrieval, the
answer checks, highlights, the eval's normalisation — goes through these, so the rules cannot drift apart.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from pathlib import Path

import opencc

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

# `堅(jiān)持`: a pinyin syllable in brackets, after a Han character or carrying a tone mark.
_GLOSS = re.compile(rf"(?<=[{CJK}])[(（][{PINYIN}]{{1,7}}[)）]|[(（][a-zü]{{0,6}}[{TONED}][a-zü]{{0,6}}[)）]")
_WIDE_ALNUM = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_WIDE_ALNUM.update({0x3000: " ", 0xFF05: "%", 0xFF0E: "."})
_TO_WIDE = {",": "，", ";": "；", "?": "？", "!": "！"}
_PUNCT_AND_SPACE = re.compile(r"[\s\W_]+", re.UNICODE)
# A sentence ends at `。！？；` (closing quotes kept with it) or at a line end; in a model's answer also at
# ASCII `!?;`, which cleaning has already turned full-width in reports.
_SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』）]?|\n|$)")
_ANSWER_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;\n]|$)")
_WHOLE_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")

# A citation marker as models write it: `[1]`, `[1, 2]`, `【3】`, `［2］`. The chain rewrites every marker it
# keeps to `[n]`, so what leaves the answer chain matches `MARKER`.
CITATION = re.compile(r"[\[【［]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】］]")
MARKER = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMERALS = "一二三四五六七八九十"  # how reports number their parts and items: 一、 一是 （一）
TITLE = re.compile(r"《[^》]*》")  # a document named in title marks: its words name the document, not the asker's
# A rank or place in a series written in words ("第三批", "排名第一", "首位"): what "第几" asks.
ORDINAL = re.compile(r"第[一二三四五六七八九十]+|首[位个批家]")
# A list marker at the start of a line or after punctuation (`1.`, `2、`, `3）`): not a figure.
LIST_MARKER = re.compile(r"(?:^|(?<=[\s：:；;。]))\d{1,2}[.、．)）](?!\d)", re.MULTILINE)
# A date in a sentence (a year, a month, a day): what a "when" question's answer holds, and no figure.
DATE_WORDS = re.compile(r"(?:19|20)\d{2}\s*年(?:度|底|初|末)?|\d{1,2}月(?:\d{1,2}日)?")
# A rate in a sentence: a percentage, 百分之…, or 成 (九成).
RATE = re.compile(r"%|百分之|成")

_STOPWORDS = frozenset(
    "的 了 和 与 及 等 是 在 对 为 以 将 并 也 把 被 其 之 于 或 由 从 向 中 上 下 个 年 有 我 各 "
    "多少 哪些 什么 怎么 如何 几 吗 呢 请问 请 关于 一 二 三 年度 情况 有关 哪 是否 这 那 一共 总共 "
    "做 搞 弄 干 办 那边 这边 具体 主要 这样 这么 那样 那么 "
    "帮 帮忙 帮看 核 核对 核实 一下 看看 看下 写 稿子 拿 里 真正 实际 以后 之后 上来 多久 多长 能 吧".split()
    # "…搞了多少宗", "考评里拿的什么等次": doing or getting, said any way, is no word of what is asked; "具体有哪些",
    # "主要是哪些" ask for detail, not of 具体部署 or 主要领导; "是这样吗" asks whether, of nothing; nor "帮我核一下",
    # "我写的是"; "收上来以后，真正受理的": the asker's telling, no word of the thing; "多久能审完": how long, asked
)
# How a question asks a count ("几项", "多少件"): the asking, not the thing asked.
_ASKING = re.compile(r"^(?:几|多少)\w{1,2}$")
_WORD = re.compile(r"\w", re.UNICODE)


# -- characters -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified (OpenCC t2s); simplified text passes through unchanged.

    OpenCC matches its phrases greedily, across word boundaries too: in the simplified "报告未载明覆盖" it took
    明覆 (a reply, 明复) and wrote 复盖. So where converting changes anything, each stretch between punctuation
    is converted alone, and one with no character that converts by itself word by word (jieba's words)."""
    converted = _t2s().convert(text)
    if converted == text:
        return text
    return "".join(_simplified_stretch(part) for part in _STRETCHES.split(text))


def _simplified_stretch(part: str) -> str:
    converted = _t2s().convert(part)
    if converted == part:
        return converted
    if any(map(_converts, part)):
        return _kept_whole(part, converted)
    return "".join(_t2s().convert(word) for word in segmenter().cut(part, HMM=False))  # 依法答覆 → 答复, 覆盖 kept


# Words OpenCC's phrases cut across in traditional text: in 說明覆蓋 it took 明覆 (a reply) and wrote 复盖.
_KEPT_WHOLE = ("覆盖",)


def _kept_whole(part: str, converted: str) -> str:
    """`converted` with each word of `_KEPT_WHOLE` put back where jieba reads it in `part` converted character by
    character (说明|覆盖面), so a reply (答覆 → 答复) still converts."""
    by_char = "".join(map(_t2s().convert, part))
    if len(by_char) != len(converted) or not any(word in by_char for word in _KEPT_WHOLE):
        return converted
    chars, start = list(converted), 0
    for word in segmenter().cut(by_char, HMM=False):
        for kept in _KEPT_WHOLE:
            at = word.find(kept)
            if at >= 0:
                chars[start + at : start + at + len(kept)] = kept
        start += len(word)
    return "".join(chars)


_STRETCHES = re.compile(r"([，。；：、？！,.;:?!“”‘’「」（）()\s]+)")


@cache
def _converts(char: str) -> bool:
    """Whether a character is traditional (or a variant) that OpenCC converts by itself: 國, 們 (not 覆)."""
    return _t2s().convert(char) != char


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def in_script_of(question: str, text: str) -> str:
    """`text` in the script of the question it answers: simplified for a simplified question, traditional for a
    traditional one, whatever script the reports quoted were in (an answer pasted into a document must not mix
    the two). A question written in characters both scripts share counts as simplified. Where one simplified
    character has several traditional forms (复: 復, 複), the question's own is kept (行政復議, not 行政複議)."""
    if to_simplified(question) == question:
        return to_simplified(text)
    own = {to_simplified(c): c for c in question if to_simplified(c) != c}
    return "".join(own.get(to_simplified(c), c) for c in _s2t().convert(text))


def simplified_in_place(text: str) -> str:
    """`text` simplified for matching, where a match's offsets must hold for the text as written (a phrase that
    OpenCC converts to another length would shift them: then the text as written is matched)."""
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text


def strip_glosses(text: str) -> str:
    return _GLOSS.sub("", text)


_HAN_CHAR = re.compile(rf"[{CJK}]")
_BRACKET_OR_LINE = re.compile(r"[()\n]")


def _widen_brackets(text: str) -> str:
    """ASCII brackets around Han text, on one line, made full-width, nested ones included, in one pass.

    A pair holds Han text when its own text or a pair inside it does, so `((㐀))` is widened whole at once:
    widening only the innermost pair would leave cleaning the cleaned text widening the next pair out.
    """
    if "(" not in text:
        return text
    chars = list(text)
    opened: list[list] = []  # [offset of "(", holds Han text], innermost last
    last = 0
    for mark in _BRACKET_OR_LINE.finditer(text):
        at = mark.start()
        if opened and _HAN_CHAR.search(text, last, at):
            opened[-1][1] = True
        last = at + 1
        if mark[0] == "(":
            opened.append([at, False])
        elif mark[0] == "\n":
            opened.clear()
        elif opened:
            start, has_han = opened.pop()
            if has_han:
                chars[start], chars[at] = "（", "）"
                if opened:
                    opened[-1][1] = True
    return "".join(chars)


def normalize_width(text: str) -> str:
    """Full-width letters/digits to ASCII; ASCII sentence punctuation beside Han text to full-width."""
    text = _widen_brackets(text.translate(_WIDE_ALNUM))
    text = re.sub(rf"(?<=[{CJK}”）》])([,;?!])|([,;?!])(?=[{CJK}“（《])", lambda m: _TO_WIDE[m.group(0)], text)
    text = re.sub(rf"(?<=[{CJK}]):", "：", text)
    return text


def match_key(text: str) -> str:
    """What two texts are compared by: glosses stripped, simplified, no punctuation or spaces."""
    return _PUNCT_AND_SPACE.sub("", to_simplified(normalize_width(strip_glosses(text)))).lower()


def bigrams(text: str) -> set[str]:
    """The character bigrams of `text`'s match key (the key itself when it is one character)."""
    key = match_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)} or ({key} if key else set())


# -- sentences and tokens -------------------------------------------------------------------------------
def split_sentences(text: str) -> list[str]:
    """Sentences ending in `。！？；` (closing quotes kept with them); nothing is dropped."""
    return [s for s in _SENTENCE.findall(text) if s]


def whole_sentences(text: str) -> list[str]:
    """Sentences up to their 。！？, a ； not ending one: a sentence may name its topic only before its ；
    ("…收到行政复议申请1124件…；…直接纠错92件，纠错率9.6%。")."""
    return _WHOLE_SENTENCE.findall(text)


def sentence_holding(text: str, part: str) -> str:
    """The whole sentence of `text` (`whole_sentences`) that a part of one (up to a ；) is in; else the part."""
    return next((s for s in whole_sentences(text) if part.strip() in s), part)


def answer_sentences(text: str) -> list[str]:
    """A written answer's sentences: like `split_sentences`, but ASCII `!?;` end one too."""
    return _ANSWER_SENTENCE.findall(text)


def _tiktoken_cache_dir() -> str:
    """The encodings llama-index-core ships, so tiktoken never reaches for the internet."""
    import llama_index.core

    return str(Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache")


@lru_cache(maxsize=1)
def encoding():
    """tiktoken's cl100k_base, loaded from the copy llama-index-core ships (offline)."""
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", _tiktoken_cache_dir())
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(encoding().encode(text))


# -- words (jieba) --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def segmenter():
    """jieba, initialised once and quiet."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


# The search tokens' version, in every report's fingerprint and chunk's id: bump it when `tokenize` changes what
# it gives for a text (2: a year apart from the word after it), so that stored chunks are tokenized again.
TOKENS_VERSION = "2"


def tokenize(text_s: str) -> list[str]:
    """Search-mode jieba tokens of simplified text, lower-cased, without punctuation and stopwords."""
    return [
        token.lower()
        for token in segmenter().cut_for_search(_YEAR_APART.sub(r"\1 ", text_s))  # "2023年免申即享": not 年免
        if _WORD.search(token) and token not in _STOPWORDS and token.strip()
    ]


def words(text_s: str) -> list[str]:
    """Precise-mode jieba words of simplified text, without punctuation and stopwords: what a question asks."""
    jieba = segmenter()
    return [
        word.lower()
        for word in (_without_locative(w, jieba.dt.FREQ) for w in jieba.lcut(_YEAR_APART.sub(r"\1 ", text_s)))
        if _WORD.search(word) and word not in _STOPWORDS and word.strip() and not _ASKING.match(word)
    ]


def _without_locative(word: str, known: dict[str, int]) -> str:
    """A word jieba's guesser made of a locative and the verb after it ("考核里排第几": 里排), not in its dictionary
    `known`, as the verb (排): no sentence says 里排, and the report's "考核中排名第二" says 排."""
    unknown = not known.get(word)
    return word[1:] if unknown and len(word) == 2 and word[0] in _LOCATIVES else word


_LOCATIVES = "里中内上"
# A year written ("2024年"), apart from the word after it: jieba's guesser had joined them ("2024年川渝通办": 年川渝通).
_YEAR_APART = re.compile(r"(\d{4}年度?)(?=[\u4e00-\u9fff])")


# jieba's dictionary mistags some words of the reports: these verbs as nouns ("办理…案件": 办理 is the act, not
# the thing), and these nouns as place names ("法治化营商环境" names no place).
_VERBS = frozenset({"办理"})
_NOT_PLACE_NAMES = frozenset({"法治化"})


def tagged(text_s: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs by jieba: `ns…` flags mark place names."""
    import jieba.posseg

    segmenter()
    return [(word, _corrected(word, flag)) for word, flag in jieba.posseg.cut(text_s)]


def _corrected(word: str, flag: str) -> str:
    if word in _VERBS:
        return "v"
    if flag == "z" and len(word) >= 4 and _dictionary_tag(word[-2:]).startswith("n"):
        return "n"  # jieba's dictionary tags "医疗纠纷" a state word (z); it names a kind of 纠纷
    return "n" if word in _NOT_PLACE_NAMES else flag


def _dictionary_tag(word: str) -> str:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word, "")
