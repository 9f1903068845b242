"""The admin view at /admin: the conversation log with filters, its counts, and hit-testing, as one plain page.

Server-rendered HTML with every logged text escaped (questions and answers are user input: a question holding
`<script>` must show as text). It reads only what the admin API reads (`ConversationLog`, `Service.hit_test`);
the admin key reaches it by the admin sign-in cookie (bot/serve/access.py), as a browser cannot send a header.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape

from fastapi.responses import HTMLResponse, Response, StreamingResponse

from bot.errors import FazhiError
from bot.serve.conversations import CHANNELS, LogQuery
from bot.serve.service import Service

PAGE_SIZE = 50
_STYLE = """body{font-family:sans-serif;margin:1.5rem;color:#1f2937}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #d1d5db;padding:.25rem .5rem;vertical-align:top;font-size:.9rem;text-align:left}
th{background:#f3f4f6}.refused{color:#a11}.down{color:#a11;font-weight:bold}.up{color:#166534}
form{margin:.5rem 0}input,select,button{font-size:.9rem;margin-right:.4rem}h2{margin-top:2rem}.small{color:#6b7280}"""


def _bool(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _day(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def page_query(params: dict[str, str]) -> LogQuery:
    """The page's filters (bad values are ignored, not errors: it is a form)."""
    channel = params.get("channel") if params.get("channel") in CHANNELS else None
    rating = params.get("rating") if params.get("rating") in ("up", "down") else None
    offset = int(params["offset"]) if params.get("offset", "").isdigit() else 0
    return LogQuery(
        _day(params.get("since")),
        _day(params.get("until")),
        channel,
        _bool(params.get("refused")),
        _bool(params.get("flagged")),
        rating,
        PAGE_SIZE,
        offset,
    )


def admin_response(service: Service, params: dict[str, str]) -> Response:
    """The page, or with `format=jsonl` the filtered log as JSON lines."""
    log = service.conversations
    query = page_query(params)
    if params.get("format") == "jsonl":
        log.flush(1.0)
        lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in log.iter_entries(query, limit=False))
        headers = {"Content-Disposition": 'attachment; filename="conversations.jsonl"'}
        return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)
    question = (params.get("q") or "").strip()[:500]
    if log.enabled:
        log.flush(1.0)
        parts = [_stats(log.stats()), _filters_form(params), _entries(log.entries(query))]
    else:
        parts = ["<p>对话记录未开启（BOT_CONVERSATION_LOG=false）。</p>"]
    parts.append(_hittest(service, question))
    body = "\n".join(parts)
    return HTMLResponse(
        f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>管理 · 法治问答</title>
<style>{_STYLE}</style></head><body><h1>法治问答 · 管理</h1>
<p class="small"><a href="#stats">统计</a> · <a href="#log">对话记录</a> · <a href="#hittest">命中测试</a> ·
<a href="/admin/logout">退出</a></p>{body}</body></html>"""
    )


def _select(name: str, label: str, value: str, options: list[tuple[str, str]]) -> str:
    shown = "".join(
        f'<option value="{escape(v)}"{" selected" if v == value else ""}>{escape(label)}</option>'
        for v, label in options
    )
    return f'<label>{escape(label)} <select name="{name}">{shown}</select></label>'


def _filters_form(params: dict[str, str]) -> str:
    get = lambda name: params.get(name) or ""  # noqa: E731
    yes_no = [("", "全部"), ("yes", "是"), ("no", "否")]
    return (
        '<h2 id="log">对话记录</h2><form method="get" action="/admin">'
        f'<label>从 <input type="date" name="since" value="{escape(get("since"))}"></label>'
        f'<label>到 <input type="date" name="until" value="{escape(get("until"))}"></label>'
        + _select("channel", "渠道", get("channel"), [("", "全部"), *((c, c) for c in CHANNELS)])
        + _select("refused", "拒答", get("refused"), yes_no)
        + _select("flagged", "存疑数字", get("flagged"), yes_no)
        + _select("rating", "反馈", get("rating"), [("", "全部"), ("down", "差评"), ("up", "好评")])
        + '<button type="submit" id="filter">筛选</button>'
        '<button type="submit" name="format" value="jsonl">导出 JSONL</button></form>'
    )


def _entries(entries: list[dict]) -> str:
    rows = []
    for e in entries:
        feedback = e.get("feedback") or {}
        rating = {"up": '<span class="up">好评</span>', "down": '<span class="down">差评</span>'}.get(
            feedback.get("rating"), ""
        )
        note = " ".join(escape(feedback.get(k) or "") for k in ("comment", "correct_answer", "report"))
        plan = e.get("plan") or {}
        rows.append(
            f"<tr><td>{escape(e['time'])}<br><span class='small'>{escape(e['id'])}</span></td>"
            f"<td>{escape(e['channel'])}</td><td>{escape(e['question'])}</td>"
            f"<td>{escape(str(plan.get('kind', '')))}</td>"
            f"<td class='{'refused' if e['refused'] else ''}'>{escape(e['answer'] or '')[:300]}</td>"
            f"<td>{escape(', '.join(e['flags'].get('flagged_numbers', [])) if e.get('flags') else '')}</td>"
            f"<td>{rating} {note}</td></tr>"
        )
    head = "<tr><th>时间</th><th>渠道</th><th>问题</th><th>类型</th><th>回答</th><th>存疑数字</th><th>反馈</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p>没有符合条件的记录。</p>"


def _counts(title: str, rows: list[dict]) -> str:
    cells = "".join(
        f"<tr><td>{escape(r['question'])}</td><td>{r['count']}</td><td>{r['refused']}</td></tr>" for r in rows
    )
    return f"<h3>{title}</h3><table><tr><th>问题</th><th>次数</th><th>拒答</th></tr>{cells}</table>"


def _stats(stats: dict) -> str:
    days = "".join(
        f"<tr><td>{escape(d['day'])}</td><td>{d['answers']}</td><td>{d['refused']}</td><td>{d['flagged']}</td>"
        f"<td>{d['up']}</td><td>{d['down']}</td></tr>"
        for d in stats["per_day"]
    )
    head = "<tr><th>日期</th><th>回答</th><th>拒答</th><th>存疑数字</th><th>好评</th><th>差评</th></tr>"
    return (
        f'<h2 id="stats">统计（自 {escape(stats["since"])} 起）</h2><table>{head}{days}</table>'
        + _counts("最常见的问题", stats["frequent_questions"])
        + _counts("最常被拒答的问题（资料缺口）", stats["frequent_refusals"])
    )


def _hittest(service: Service, question: str) -> str:
    form = (
        '<h2 id="hittest">命中测试</h2><form method="get" action="/admin#hittest">'
        f'<input name="q" size="60" value="{escape(question)}" placeholder="输入一个问题">'
        '<button id="hittest-run">测试</button></form>'
    )
    if not question:
        return form
    try:
        found = service.hit_test(question)
    except FazhiError as exc:
        return form + f"<p class='refused'>{escape(exc.public)}</p>"
    return form + _hittest_result(found)


def _hittest_result(found: dict) -> str:
    plan, scope, cover = found["plan"], found["scope"], found["coverage"]
    decision = {"facts": "由报告结构直接回答", "answer": "回答", "refuse": "拒答"}[found["decision"]]
    summary = (
        f"<p>类型 <b>{escape(plan['kind'])}</b>；单位/机关 {escape('、'.join(scope['issuers']) or '—')}；"
        f"地名 {escape('、'.join(scope['places']) or '—')}；"
        f"年份 {escape('、'.join(map(str, scope['years'])) or '—')}</p>"
        f"<p>覆盖度 {cover['value']} / 阈值 {cover['threshold']}{'（数字问题）' if cover['figure'] else ''}"
        f" → <b>{decision}</b></p>"
    )
    parts = [summary]
    for target in found["targets"]:
        applied = target["filters_applied"]
        parts.append(f"<h3>范围：{escape(str(applied['body'] or '全部'))} {escape(str(applied['year'] or ''))}</h3>")
        for name, hits in target["rankings"].items():
            rows = "".join(
                f"<tr><td>{h['rank']}</td><td>{h['score']}</td><td>{escape(h['doc'])}</td>"
                f"<td>{'✓' if h['in_scope'] else '✗'}</td><td>{escape(h['text'])}</td></tr>"
                for h in hits
            )
            parts.append(
                f"<h4>{escape(name)}</h4><table><tr><th>名次</th><th>分数</th><th>报告</th><th>在范围内</th>"
                f"<th>段落</th></tr>{rows}</table>"
            )
    return "".join(parts)
