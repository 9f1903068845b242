"""Turn scraped report text into clean display text and a simplified form for matching.

Scraped reports carry pinyin glosses (`堅(jiān)持`), page chrome (`分享到:`), mojibake runs
(`?。ㄈ┮婪`) and mixed half/full-width punctuation. The cleaned original (traditional kept) is
what users see and cite; the simplified form (OpenCC t2s) is what search matches against.
"""

from __future__ import annotations

import re
import unicodedata

from bot.text import CJK, PINYIN, TONED, normalize_width, strip_glosses, to_simplified

# What is left of glosses whose opening bracket was eaten by mojibake: `?dāng)?shù)`, `?qū)m?`.
_GLOSS_RESIDUE = re.compile(rf"(?:\?+\(?[{PINYIN}]+\)[a-z]*)+\??")

# Characters that never occur in a clean report: bopomofo, box drawing, Greek, replacement char, PUA.
_MOJIBAKE_CHAR = re.compile(r"[\u3100-\u312f\u2500-\u257f\u0370-\u03ff\ufffd\ue000-\uf8ff]")

# Whole lines that are page furniture, matched on the simplified line with spaces removed.
_CHROME_LINES = [
    r"headerbg",
    r"(?:当前|您现在的|你现在的|您的)位置[:：].*",
    r"[^。，；>＞»›]{1,12}(?:[>＞»›][^。，；>＞»›]{1,12})+",  # a breadcrumb: 首页>政务公开>法治政府
    r"(相关附件|附件下载|分享到|分享|点赞|浏览字号|浏览次数|字号[:：]?[大中小]*)[:：]?",
    r"(扫一扫在手机打开当前页|扫一扫|打印本页|关闭窗口|打印|关闭|返回顶部|【打印】【关闭】)",
    # a footer's row of buttons and share targets: "【打印本页】 【关闭窗口】", "分享到：微信 微博 QQ空间 | 打印本页"
    r"(?:[|｜]?(?:分享到[:：]?|微信|微博|qq空间|打印本页|打印正文|关闭窗口|打印|关闭|返回顶部|【|】))+",
    r"相关附件[:：]无",
    r"网站地图(?:[|｜][^|｜]{2,6})+",  # "网站地图 | 联系我们 | 使用帮助 | 隐私声明"
    r"(?:主办单位|承办单位|网站标识码|版权所有|相关链接)[:：].*|.*icp备\d+号.*",  # the site's owner, links, licence
    r".{2,24}(?:门户网站|政府网站)",  # the site's name above the page: "信丰县人民政府门户网站"
    r"相关新闻[:：]?|[·•].{2,40}[（(](?:19|20)\d{2}-\d{1,2}-\d{1,2}[）)]",  # related links, with their own dates
    r"(上一篇|下一篇)[:：].*",
    r"ai助理",
    r"你好[,，]?我是ai助理",
    r"可以解答问题、推荐解决方案等",
    r"(责任编辑|编辑)[:：].{0,12}",
]
_CHROME_LINE = re.compile("|".join(f"(?:{p})" for p in _CHROME_LINES))

# Fragments inside an otherwise useful line (`发布日期:… 【 字体: 】 访问量: -`).
_CHROME_FRAGMENTS = re.compile(
    r"【\s*字[体體号號][:：][^】]*】|访问量[:：]\s*\S*|瀏覽次數[:：]\s*\S*|\bclock\s*\d+\s*天前"
)


def _is_mojibake_start(text: str, i: int) -> bool:
    char = text[i]
    if _MOJIBAKE_CHAR.match(char):
        return True
    if char != "?":
        return False
    following = text[i + 1 : i + 2]
    return following in ("。", "!", "！", "?", "？") or _MOJIBAKE_CHAR.match(following) is not None


def _is_asciiish(char: str) -> bool:
    return char.isascii() or char in TONED


def _mojibake_end(text: str, start: int) -> int:
    """End of a run of GBK-misaligned text: decoding resynchronises at the first ASCII byte."""
    i, seen_wide = start, False
    while i < len(text):
        char = text[i]
        if char == "\n":
            return i
        if _is_asciiish(char):
            if seen_wide:
                while i < len(text) and _is_asciiish(text[i]) and text[i] not in "\n ,.;:":
                    i += 1
                nearby = text[i : i + 6]
                more = [j for j in range(len(nearby)) if _is_mojibake_start(nearby, j)]
                more += [m.start() + 1 for m in re.finditer(rf"[{CJK}][A-Za-z](?=[{CJK}])", nearby)]
                if not more:
                    return i
                i += min(more)
                continue
        else:
            seen_wide = True
        i += 1
    return i


def drop_mojibake(text: str) -> str:
    """Drop runs of mis-decoded text; the clean text on either side is kept.

    The seeds' mojibake is UTF-8/GBK confusion with bytes already lost (`?`), so it cannot be
    decoded back; a run starts at a character no report contains and ends where the byte stream
    realigns on ASCII.
    """
    out, i = [], 0
    while i < len(text):
        residue = _GLOSS_RESIDUE.match(text, i) if text[i] == "?" else None
        if residue:
            i = residue.end()
            continue
        if _is_mojibake_start(text, i):
            end = _mojibake_end(text, i)
            if _held_a_full_stop(text, i, end):
                out.append("。")
            i = end
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _held_a_full_stop(text: str, start: int, end: int) -> bool:
    """Whether a dropped run stood where a sentence ended: in the seeds a run opening with a lost byte and a
    stop ("空間?!耙黄脚_一系統", "立法??茖W編制") between two sentences' characters on one line is the garbled
    "。“一平台" / "。科", and without its stop an item's headline runs on into the next sentence."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return (
        text[start] == "?"
        and text[start + 1 : start + 2] in ("。", "!", "！", "?", "？")
        and bool(re.match(rf"[{CJK}]", before))
        and bool(re.match(rf"[{CJK}“]", after))
    )


def _is_chrome(line: str) -> bool:
    key = to_simplified(line).replace(" ", "").lower()
    return bool(_CHROME_LINE.fullmatch(key))


def clean_text(raw: str) -> str:
    """The cleaned original: glosses, chrome and mojibake gone; one paragraph per line."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = drop_mojibake(strip_glosses(text))
    lines, seen = [], set()
    for line in text.split("\n"):
        line = _CHROME_FRAGMENTS.sub("", line)
        line = re.sub(r"[ \t\u3000\xa0]+", " ", normalize_width(line)).strip()
        line = re.sub(r"\s*·\s*", "：", line) if line.startswith(("文章来源", "文章來源")) else line
        if not line or _is_chrome(line) or line in seen:
            continue
        seen.add(line)
        lines.append(line)
    return "\n".join(lines)
