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
from bot.serve.conversation import records
from bot.serve.reports import PAGE_PREFIX
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


def card_id(n: int | str, turn: int | None = None) -> str:
    """A source card's element id: per turn, so markers of an earlier answer keep pointing at that turn's cards."""
    return f"source-{turn}-{n}" if turn else f"source-{n}"


def _marker(n: str, turn: int | None, previews: dict[int, str]) -> str:
    """[n] linking to its card; with a preview, the passage shows beside it on hover or keyboard focus."""
    link = f'<a href="#{card_id(n, turn)}">[{n}]</a>'
    preview = previews.get(int(n))
    tip = f'<span class="cite-preview" role="tooltip">{escape(preview)}</span>' if preview else ""
    return f'<sup class="cite">{link}{tip}</sup>'


def answer_text_html(
    text: str, flagged: list[str] | None = None, turn: int | None = None, previews: dict[int, str] | None = None
) -> str:
    """The answer with [n] as superscript links to source cards and unverified numbers marked."""
    numbers = _number_pattern(flagged or [])
    out = []
    for i, part in enumerate(MARKER.split(text)):
        if i % 2:
            out.append(_marker(part, turn, previews or {}))
        elif numbers:
            for j, piece in enumerate(numbers.split(part)):
                title = "这个数字在所引段落中没有找到，请核对原文"
                out.append(f'<mark class="flagged" title="{title}">{escape(piece)}</mark>' if j % 2 else escape(piece))
        else:
            out.append(escape(part))
    return "".join(out)


def preview(citation: Citation, answer_text: str, limit: int = 160) -> str:
    """What hovering a marker shows: the sentences the answer rests on (else the passage's opening), shortened."""
    sentences = cited_sentences(answer_text, citation.n, citation.text)
    text = "".join(sentences) or citation.text
    return text if len(text) <= limit else text[:limit] + "…"


def answer_html(answer: Answer, turn: int | None = None) -> str:
    """The final chat message for an answer: text, then notes on refusals, fallbacks and numbers."""
    if answer.refused:
        return f'{escape(REFUSAL)}\n\n<span class="note">{escape(REFUSAL_HINT)}</span>'
    previews = {c.n: preview(c, answer.answer) for c in answer.citations} if turn else {}
    parts = [answer_text_html(answer.answer, answer.flagged_numbers, turn, previews)]
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


def _report_link(url: str | None) -> str:
    """The card's link to the whole report at this passage (a new tab); only ever a link to our report page."""
    if not url or not url.startswith(PAGE_PREFIX):
        return ""
    href = html.escape(url, quote=True)
    return f'<a class="report-link" href="{href}" target="_blank" rel="noopener">在报告全文中查看（新窗口）</a>'


def source_card(citation: Citation, answer_text: str, turn: int | None = None) -> str:
    sentences = cited_sentences(answer_text, citation.n, citation.text)
    meta = [citation.issuer, f"{citation.year}年" if citation.year else None, citation.heading]
    meta_html = " · ".join(html.escape(str(m)) for m in meta if m)
    quote = "".join(f"<p>{html.escape(s)}</p>" for s in sentences) or f"<p>{html.escape(citation.text[:120])}…</p>"
    return (
        f'<div class="source-card" id="{card_id(citation.n, turn)}">'
        f'<div class="source-head"><span class="source-n">[{citation.n}]</span> '
        f'<span class="source-title">{html.escape(citation.title or citation.doc)}</span></div>'
        f'<div class="source-meta">{meta_html}</div>'
        f'<blockquote class="source-quote">{quote}</blockquote>'
        f"<details><summary>查看原文段落 · {html.escape(citation.doc)}</summary>"
        f'<div class="source-text">{_highlighted(citation.text, sentences)}</div></details>'
        f"{_report_link(citation.report_url)}</div>"
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


def _turn_sources(turn: int, question: str, answer: Answer) -> str:
    if answer.refused or not answer.citations:
        cards = '<div class="sources-empty">这一问没有引用段落。</div>'
    else:
        cards = "".join(source_card(c, answer.answer, turn) for c in answer.citations)
    head = f'<div class="turn-head">第 {turn} 问：{html.escape(question)}</div>'
    return f'<section class="turn-sources" id="turn-{turn}" aria-label="第 {turn} 问的来源">{head}{cards}</section>'


def turn_sources_html(record: object) -> str:
    """One kept turn's source cards (`conversation.turn_record`), as the embed folds them under its answer."""
    found = records([record])
    return _turn_sources(*found[0]) if found else ""


def sources_panel(stored: object, status: str | None = None) -> str:
    """Every turn's own source cards, the newest first (an earlier answer's markers still find theirs), under a
    status line while an answer is being made."""
    groups = [_turn_sources(*r) for r in reversed(records(stored))]
    top = f'<div class="sources-empty" role="status">{html.escape(status)}</div>' if status else ""
    if not groups and not status:
        top = '<div class="sources-empty">提问后，这里显示答案引用的原文段落。</div>'
    return f'<div class="sources">{top}{"".join(groups)}</div>'


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
.turn-sources { margin: 0 0 14px; }
.turn-head { font-size: 0.9em; color: var(--body-text-color-subdued); margin: 0 0 6px; }
.source-card:target { outline: 2px solid var(--color-accent); }
.report-link { display: inline-block; margin-top: 6px; font-size: 0.9em; }
/* The preview opens as a block under the marker's line, inside the message: the chat's scroll area clips any
   box positioned out of the message, so a floating tooltip was cut off at the chat's edge. */
sup.cite .cite-preview { display: none; margin: 4px 0 6px; padding: 6px 10px; border-radius: 6px;
  border: 1px solid var(--border-color-primary); border-left: 3px solid var(--color-accent); line-height: 1.6;
  background: var(--background-fill-primary); color: var(--body-text-color); font-size: 0.85rem;
  font-weight: normal; vertical-align: baseline; white-space: normal; }
sup.cite:hover .cite-preview, sup.cite:focus-within .cite-preview { display: block; }
"""


# -- the report page (/reports/{doc}) ---------------------------------------------------------------------
REPORT_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2933;
  background: #f5f7fa; margin: 0; line-height: 1.9; }
main { max-width: 52rem; margin: 0 auto; padding: 24px 28px 64px; background: #fff; min-height: 100vh; }
h1 { font-size: 1.5rem; color: #12355b; margin: 8px 0 12px; line-height: 1.5; }
dl.report-meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 16px;
  padding: 10px 14px; background: #eef3f8; border-left: 4px solid #12355b; font-size: 0.95rem; }
dl.report-meta dt { color: #52606d; }
dl.report-meta dd { margin: 0; }
.cited-note { margin: 0 0 16px; padding: 8px 12px; border: 1px solid #e0c46c; background: #fffbea; }
.report-text { white-space: pre-wrap; font-size: 1.05rem; }
.passage { scroll-margin-top: 3rem; }
.passage:target { background: #fff3c4; outline: 2px solid #e0c46c; }
mark.cited { background: #ffe58a; color: inherit; padding: 1px 0; }
a { color: #12355b; }
"""


def _report_text_html(text: str, spans: tuple, highlight) -> str:
    """The whole text, escaped, each passage opening `<span class="passage" id="p-N">` at its start and the
    highlighted passage's characters in <mark class="cited"> (chunks overlap, so a passage may run into the
    next one's span; the mark follows the characters, the anchors the starts)."""
    starts: dict[int, list[int]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span.position)
    marked = (highlight.start, highlight.end) if highlight else ()
    cuts = sorted({0, len(text), *starts, *marked})
    out, inside = [], False
    for a, b in zip(cuts, cuts[1:]):
        if a in starts:
            *empty, last = starts[a]
            out += ["</span>"] if inside else []
            out += [f'<span id="p-{p}"></span>' for p in empty]
            out.append(f'<span class="passage" id="p-{last}">')
            inside = True
        piece = html.escape(text[a:b])
        if highlight and highlight.start <= a and b <= highlight.end:
            piece = f'<mark class="cited">{piece}</mark>'
        out.append(piece)
    return "".join(out) + ("</span>" if inside else "")


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · 法治问答</title><style>{REPORT_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def report_page_html(view, highlight: int | None = None) -> str:
    """The whole cleaned report (a `reports.ReportView`): title, issuing body, year covered, date, source, then
    the text with every passage anchored (#p-N) and passage `highlight` marked."""
    target = next((s for s in view.spans if s.position == highlight), None)
    meta = [
        ("发布机关", view.body),
        ("报告年度", f"{view.year}年" if view.year else None),
        ("发布日期", view.date),
        ("来源", view.source),
        ("报告编号", view.doc),
    ]
    rows = "".join(f"<dt>{k}</dt><dd>{html.escape(str(v))}</dd>" for k, v in meta if v)
    note = ""
    if target is not None:
        where = f"（{html.escape(target.heading)}）" if target.heading else ""
        note = (
            f'<p class="cited-note" role="note">黄色标出的是回答引用的段落{where}。'
            f'<a href="#p-{target.position}">跳到引用段落</a></p>'
        )
    text = _report_text_html(view.text, view.spans, target)
    body = (
        f"<header><h1>{html.escape(view.title)}</h1>"
        f'<dl class="report-meta">{rows}</dl></header>{note}'
        f'<article class="report-text" aria-label="报告全文">{text}</article>'
    )
    return _page(view.title, body)


def report_missing_html() -> str:
    body = '<h1>没有找到这份报告</h1><p>报告可能已被删除，或链接有误。<a href="/">返回法治问答</a></p>'
    return _page("没有找到这份报告", body)
