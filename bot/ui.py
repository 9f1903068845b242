"""The Gradio web page: search the indexed reports (the chat arrives with the answer chain)."""

from __future__ import annotations

import html

import gradio as gr

from .library import Library
from .retrieve import Filters


def _render(passages) -> str:
    if not passages:
        return "<p>资料中没有相关信息</p>"
    cards = []
    for n, p in enumerate(passages, 1):
        meta = " · ".join(html.escape(str(x)) for x in (p.title, p.body, p.year, p.heading) if x)
        cards.append(
            f'<div class="card"><b>[{n}]</b> <small>{meta}</small><p>{html.escape(p.text)}</p>'
            f"<small>{html.escape(p.doc)} · score {p.score:.4f}</small></div>"
        )
    return "\n".join(cards)


def create_ui(library: Library) -> gr.Blocks:
    bodies = sorted({d.get("body") for d in library.documents() if d.get("body")})

    def search(question: str, body: str | None, year: float | None, k: float) -> str:
        question = (question or "").strip()
        if not question:
            return "<p>请输入问题。</p>"
        filters = Filters(body or None, int(year) if year else None)
        return _render(library.search([question], k=int(k), filters=filters)[0])

    with gr.Blocks(title="法治问答") as ui:
        gr.Markdown("## 法治问答 · 法治政府建设情况报告检索")
        with gr.Row():
            question = gr.Textbox(
                label="问题", placeholder="例如：广州全市多少个单位按期公开了法治政府建设年度报告？", scale=4
            )
            button = gr.Button("检索", variant="primary", scale=1)
        with gr.Row():
            body = gr.Dropdown(choices=[""] + bodies, value="", label="发布机关")
            year = gr.Number(label="年份", precision=0)
            k = gr.Slider(1, 10, value=5, step=1, label="返回段落数")
        results = gr.HTML()
        button.click(search, [question, body, year, k], results)
        question.submit(search, [question, body, year, k], results)
    return ui
