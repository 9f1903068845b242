"""HTML for the web page: answers with marked citations and numbers, and numbered source cards.

Report text is scraped from the web and may carry HTML or script, so every piece of it is escaped
here; the only markup in the output is the markup this module writes itself. Chat messages are
also rendered as Markdown by Gradio, so Markdown punctuation is backslash-escaped too.
"""

from __future__ import annotations

import html
import re

from bot.answer.quotes import cited_sentences
from bot.models import REFUSAL, Answer, Citation
from bot.text import MARKER

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")
REFUSAL_HINT = "已检索的报告中没有能回答这个问题的内容。可以换个问法，或调整发布机关、年份筛选。"


def escape(text: str) -> str:
    """Safe as HTML text and as Markdown: shows exactly `text` (never used inside an attribute, so quotes stay
    quotes: the chat showed `&#x27;` for an apostrophe).
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _number_pattern(numbers: list[str]) -> re.Pattern | None:
    if not numbers:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,])({alternatives})(?![\d]|[.,]\d)")


def answer_text_html(text: str, flagged: list[str] | None = None) -> str:
    """The answer with [n] as superscript links to source cards and unverified numbers marked."""
    numbers = _number_pattern(flagged or [])
    out = []
    for i, part in enumerate(MARKER.split(text)):
        if i % 2:
            out.append(f'<sup class="cite"><a href="#source-{part}">[{part}]</a></sup>')
        elif numbers:
            for j, piece in enumerate(numbers.split(part)):
                title = "这个数字在所引段落中没有找到，请核对原文"
                out.append(f'<mark class="flagged" title="{title}">{escape(piece)}</mark>' if j % 2 else escape(piece))
        else:
            out.append(escape(part))
    return "".join(out)


def answer_html(answer: Answer) -> str:
    """The final chat message for an answer: text, then notes on refusals, fallbacks and numbers."""
    if answer.refused:
        return f'{escape(REFUSAL)}\n\n<span class="note">{escape(REFUSAL_HINT)}</span>'
    parts = [answer_text_html(answer.answer, answer.flagged_numbers)]
    if answer.flagged_numbers:
        listed = "、".join(answer.flagged_numbers)
        parts.append(f'<span class="note warn">⚠ 以下数字未在所引段落中找到，请核对原文：{escape(listed)}</span>')
    if answer.error:  # the reason is in the server log and the API's `error`; the reader needs what it means
        what = "回答不完整：语言模型中途出错，请核对原文或稍后再问。" if answer.incomplete else ""
        what = what or "语言模型暂时不可用，以下为原文摘录。"
        parts.append(f'<span class="note warn">⚠ {escape(what)}</span>')
    return "\n\n".join(parts)


def error_html(message: str) -> str:
    return f'<span class="note error">⚠ {escape(message)}</span>'


def _highlighted(text: str, sentences: list[str]) -> str:
    """Escaped passage with each cited sentence wrapped in <mark class="cited">."""
    spans = []
    for sentence in sentences:
        start = text.find(sentence)
        if start >= 0:
            spans.append((start, start + len(sentence)))
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [html.escape(text[at:start]), f'<mark class="cited">{html.escape(text[start:end])}</mark>']
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def source_card(citation: Citation, answer_text: str) -> str:
    sentences = cited_sentences(answer_text, citation.n, citation.text)
    meta = [citation.issuer, f"{citation.year}年" if citation.year else None, citation.heading]
    meta_html = " · ".join(html.escape(str(m)) for m in meta if m)
    quote = "".join(f"<p>{html.escape(s)}</p>" for s in sentences) or f"<p>{html.escape(citation.text[:120])}…</p>"
    return (
        f'<div class="source-card" id="source-{citation.n}">'
        f'<div class="source-head"><span class="source-n">[{citation.n}]</span> '
        f'<span class="source-title">{html.escape(citation.title or citation.doc)}</span></div>'
        f'<div class="source-meta">{meta_html}</div>'
        f'<blockquote class="source-quote">{quote}</blockquote>'
        f"<details><summary>查看原文段落 · {html.escape(citation.doc)}</summary>"
        f'<div class="source-text">{_highlighted(citation.text, sentences)}</div></details>'
        "</div>"
    )


def sources_html(answer: Answer | None, status: str | None = None) -> str:
    """The source panel: a status line, or the cited passages as numbered cards."""
    if status:
        return f'<div class="sources-empty">{html.escape(status)}</div>'
    if answer is None:
        return '<div class="sources-empty">提问后，这里显示答案引用的原文段落。</div>'
    if not answer.citations:
        return '<div class="sources-empty">这个回答没有引用任何段落。</div>'
    cards = "".join(source_card(c, answer.answer) for c in answer.citations)
    warn = ""
    if answer.flagged_numbers:
        listed = html.escape("、".join(answer.flagged_numbers))
        warn = f'<div class="flag-warning">⚠ 数字 <mark class="flagged">{listed}</mark> 未在所引段落中找到</div>'
    return f'<div class="sources">{warn}{cards}</div>'


CSS = """
.source-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; }
.source-card { margin: 0 0 10px; }
.source-head { font-weight: 600; }
.source-n { color: var(--color-accent); margin-right: 4px; }
.source-meta { font-size: 0.85em; opacity: 0.75; margin: 2px 0 6px; }
.source-quote { margin: 6px 0; padding-left: 10px; border-left: 3px solid var(--color-accent); }
.source-quote p { margin: 0 0 4px; }
.source-text { white-space: pre-wrap; font-size: 0.92em; margin-top: 6px; }
mark.cited { background: #fff1a8; color: inherit; }
mark.flagged { background: #ffd0cc; color: #8a1000; font-weight: 600; }
sup.cite a { text-decoration: none; }
.note { font-size: 0.88em; opacity: 0.85; }
.note.warn, .note.error, .flag-warning { color: #a33a00; }
.sources-empty { opacity: 0.7; padding: 8px 0; }
.document-actions { display: grid; gap: 10px; padding: 12px; border: 1px solid var(--border-color-primary); }
.document-actions { border-radius: 8px; }
.document-actions input[type=password] { display: block; margin-top: 4px; padding: 6px 8px; width: min(28rem, 100%); }
.document-actions .buttons { display: flex; gap: 8px; }
.document-actions button { padding: 8px 16px; border-radius: 6px; border: 1px solid var(--border-color-primary); }
.document-actions button.primary { background: var(--button-primary-background-fill); }
.document-actions button.primary { color: var(--button-primary-text-color); }
.document-actions button.stop { background: var(--button-cancel-background-fill); }
.document-actions button.stop { color: var(--button-cancel-text-color); }
#documents-status { white-space: pre-line; }
"""
