"""The Gradio web page (`/`) and the compact chat made for portal iframes (`/embed`).

Answers stream into the chat; the cited passages appear beside it as numbered source cards. All
report text goes through `render`, which escapes it. Failures become a message in the chat, never
a traceback. UI events are private: scripts use the keyed HTTP API, not Gradio's own endpoints.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import gradio as gr

from bot.answer.intent import MAX_TURNS
from bot.errors import BackendUnavailable, BadInput, Busy, FazhiError, RateLimited
from bot.index import store
from bot.ingest.load import READERS
from bot.lru import LRU
from bot.models import Answer, Filters
from bot.serve.access import asker
from bot.serve.conversation import MAX_RECORDS, conversation_text, turn_record
from bot.serve.embed_scope import BadEmbedLink, EmbedScope, initial_scope, notice, outside, scope_for, title_html
from bot.serve.render import answer_html, answer_text_html, error_html, escape, sources_panel, turn_sources_html
from bot.serve.schemas import MAX_QUESTION_CHARS
from bot.serve.service import Service

log = logging.getLogger(__name__)
DOCUMENTS_JS = (Path(__file__).parent / "static" / "documents.js").read_text(encoding="utf-8")
HEADERS = ["标题", "发布机关", "年份", "成文日期", "段落数", "上传时间", "状态", "编号"]
BODY, YEAR, STATUS = (HEADERS.index(name) for name in ("发布机关", "年份", "状态"))
BUNDLED = "随附（内置）"  # the upload time of a bundled seed report
INDEXING = "索引中"  # the status of an uploaded file not indexed yet
KEYWORD_ONLY = "可关键词检索（向量生成中）"  # searchable by keyword, its dense vectors not stored yet
# Example questions drawn from the bundled seeds; one shows only while its report is indexed.
EXAMPLES = [
    ("000_8fbd729c494b9d50.txt", "广州全市有多少个单位按期公开了法治政府建设年度报告？"),
    ("001_bfb673fb5af5df88.txt", "花都区2023年一共收到多少宗行政复议申请？"),
    ("002_092cc53afba18b30.txt", "韶关市选聘了几名行政执法监督员？"),
    ("004_7cff85eaf4bcf1da.txt", "成都市2024年办理的行政应诉案件有多少件？"),
    ("003_29ae86f9fcedda95.txt", "广州把多少类基础信息纳入了政府信息共享范畴？"),
]


def _filters(body: str | None, year: str | None) -> Filters | None:
    if not body and not year:
        return None
    return Filters(body or None, int(year) if year else None)


def _choices(service: Service) -> tuple[list, list]:
    documents = service.documents()
    bodies = sorted({d["body"] for d in documents if d.get("body")})
    years = sorted({str(d["year"]) for d in documents if d.get("year")}, reverse=True)
    return [("全部", "")] + bodies, [("全部", "")] + years


def document_rows(
    documents: list[dict], uploaded: dict[str, float], pending: dict[str, str], body: str = "", year: str = ""
) -> list[list]:
    """The report list as people read it: title first, then body, year, date, chunks, upload time and status;
    the file's id last, as a small secondary column. `uploaded` maps an uploaded file to its upload time (a
    report not in it came with the seeds); `pending` maps a file to the job still working on it ("index" or
    "remove"). `body` and `year` (as shown in the filters, "" for all) narrow the list.
    """
    rows = []
    for d in documents:
        indexed = KEYWORD_ONLY if d.get("status") == store.KEYWORD_ONLY else "已索引"  # vectors still to come
        status = {"remove": "删除中"}.get(pending.get(d["doc"], ""), indexed)
        if d.get("duplicate_of"):
            status = f"重复（同 {d['duplicate_of']}）"
        when = uploaded.get(d["doc"])
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(when)) if when else BUNDLED
        row = [d.get("title") or d["doc"], d.get("body", ""), d.get("year", ""), d.get("date", "")]
        rows.append([*row, d.get("chunks", ""), stamp, status, d["doc"]])
    listed = {d["doc"] for d in documents}
    for name, kind in sorted(pending.items()):
        if kind == "index" and name not in listed:
            rows.append([name, "", "", "", "", "", INDEXING, name])
    return [r for r in rows if (not body or r[BODY] == body) and (not year or str(r[YEAR]) == str(year))]


def _rows(service: Service, body: str = "", year: str = "") -> list[list]:
    uploaded = {path.name: path.stat().st_mtime for path in service.uploads.files()}
    pending = {name: job.kind for job in service.jobs.list() if not job.over for name in job.files}
    return document_rows(service.documents(), uploaded, pending, body or "", year or "")


def _removable(rows: list[list]) -> list[tuple[str, str]]:
    """Delete choices: the title with the id in full-width brackets (documents.js reads the id from them)."""
    return [(f"{row[0]}（{row[-1]}）", row[-1]) for row in rows if row[STATUS] != INDEXING]


# What a reader sees when a question cannot be answered now, by the service's error code: plain Chinese,
# never the exception's own text (that goes to the server log). The exception tree (bot/errors.py) as the page
# says it, in this one place.
UNAVAILABLE = "服务暂时不可用，请稍后再试。管理员可在服务器日志中查看原因。"


def service_message(error: FazhiError) -> str:
    if isinstance(error, RateLimited):
        return f"提问太频繁，请 {error.retry_after or 60} 秒后再试。"
    if isinstance(error, Busy):
        return "提问的人较多，暂时无法回答，请稍后再试。"
    if isinstance(error, BackendUnavailable):
        return "检索服务暂时不可用，请稍后再试。"
    if isinstance(error, BadInput):
        return f"问题无法处理：请输入不超过 {MAX_QUESTION_CHARS} 字的问题。"
    return UNAVAILABLE


def _next_turn(kept: list) -> int:
    numbers = [r.get("turn") for r in kept if isinstance(r, dict)]
    return 1 + max((n for n in numbers if isinstance(n, int)), default=0)


_UNCHANGED = tuple(gr.skip() for _ in range(5))  # a piece of `chat_turn` that leaves every output as it is


def chat_turn(
    service: Service,
    question: str,
    messages: list,
    turns: list,
    body: str | None,
    year: str | None,
    asker: str | None = None,
    kept: list | None = None,
    channel: str = "page",
    wanted: Callable[[], bool] = lambda: True,
) -> Iterator[tuple]:
    """One question: (textbox, chat messages, history turns, source panel HTML, conversation log) as the answer
    streams in. `kept` holds one record per answered turn (`conversation.turn_record`): the panel shows every
    turn's own cards, so the markers of an earlier answer still lead to that turn's passages.

    `asker` (who asks: an address or key) is held to the rate limit here, where the refusal can be a Chinese
    sentence. Whatever goes wrong ends as a short Chinese message in the chat (the trace goes to the log), and
    the question box stays usable: this generator never raises. The box is cleared once, when the question is
    taken; later pieces leave it alone, so a next question typed while this answer streams is kept (`gr.skip()`).
    Once `wanted()` is false (the chat was cleared: `Clears`), the answer is closed and its last piece changes
    nothing: Gradio shows a finished generator's last piece once more, which had put the answer back.
    """
    question, kept = (question or "").strip(), list(kept or [])
    if not question:
        yield "", messages, turns, sources_panel(kept), kept
        return
    turn = _next_turn(kept)
    turns = turns[-(MAX_TURNS - MAX_TURNS % 2) :]  # the latest exchanges: a kept conversation grows past the limit
    messages = [*messages, {"role": "user", "content": escape(question)}, {"role": "assistant", "content": "…"}]
    yield "", messages, turns, sources_panel(kept, "正在检索相关报告…"), kept
    text, answer, failure = "", None, None
    try:
        if asker and (wait := service.question_allowed(asker)):
            raise RateLimited("too many questions from this address", retry_after=wait)
        with service.stream(question, turns, _filters(body, year), channel=channel) as events:
            for event in events:
                if isinstance(event, Answer):
                    answer = event
                elif not wanted():
                    yield _UNCHANGED  # leaving the `with` closes the answer and frees its slot
                    return
                elif event:  # an empty piece says only that the answer is under way
                    text += event
                    messages[-1] = {"role": "assistant", "content": answer_text_html(text) + " ▌"}
                    yield gr.skip(), messages, turns, sources_panel(kept, "正在生成回答…"), kept
    except FazhiError as exc:
        failure = service_message(exc)
    except Exception:
        log.exception("answer failed in the web UI")
        failure = UNAVAILABLE
    if not wanted():
        yield _UNCHANGED
        return
    if failure or answer is None:
        messages[-1] = {"role": "assistant", "content": error_html(f"暂时无法回答：{failure or UNAVAILABLE}")}
        yield gr.skip(), messages, turns, sources_panel(kept, "这一问没有结果。"), kept
        return
    messages[-1] = {"role": "assistant", "content": answer_html(answer, turn)}
    turns = [*turns, {"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
    kept = [*kept, turn_record(turn, question, answer)][-MAX_RECORDS:]
    yield gr.skip(), messages, turns, sources_panel(kept), kept


EMPTY_CONVERSATION = {"messages": [], "turns": [], "kept": []}
# The 导出 button: the conversation text (made by the server: `conversation_text`) downloaded as a .txt file.
DOWNLOAD_JS = """(text) => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: "text/plain;charset=utf-8"}));
    link.download = "法治问答对话记录.txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 5000);
    return [];
}"""


def _stored_messages(value: object) -> list:
    """Chat messages or history turns the browser kept, if every one has the shape the chat takes (else none)."""
    if not isinstance(value, list):
        return []
    ok = all(isinstance(m, dict) and m.get("role") in ("user", "assistant") for m in value)
    return value if ok else []


def restore(saved: object) -> tuple:
    """The conversation this browser kept (localStorage), back on the screen after a reload."""
    saved = saved if isinstance(saved, dict) else {}
    turns = [t for t in _stored_messages(saved.get("turns")) if isinstance(t.get("content"), str)]
    kept = saved.get("kept") if isinstance(saved.get("kept"), list) else []
    kept = [r for r in kept if isinstance(r, dict)]
    return _stored_messages(saved.get("messages")), turns, kept, sources_panel(kept), conversation_text(kept)


def save(messages: list, turns: list, kept: list) -> tuple[dict, str]:
    """What the browser keeps after each turn, and the text the 导出 button downloads."""
    return {"messages": messages[-2 * MAX_RECORDS :], "turns": turns, "kept": kept}, conversation_text(kept)


def cleared() -> tuple:
    """Clearing the chat forgets everything: screen, the history a follow-up is read against, kept copy."""
    return "", [], [], [], sources_panel([]), dict(EMPTY_CONVERSATION), conversation_text([])


class Clears:
    """How many times each page session has cleared its chat, so that an answer begun before a clear is dropped.

    An answer still finishing when 清空对话 was clicked had gone on and put its message back into the emptied
    chat (seen in CI under load), and the next question was answered as a second turn of the old conversation.
    Gradio's own `cancels=` was tried first: in CI the question asked after a cancelled answer went unanswered.
    """

    def __init__(self, size: int = 4096):
        self._counts: LRU[str, int] = LRU(size)

    def clear(self, session: str | None) -> None:
        if session:
            self._counts.put(session, self._count(session) + 1)

    def watch(self, session: str | None) -> Callable[[], bool]:
        """True while the session has not cleared its chat since this call."""
        begun = self._count(session)
        return lambda: self._count(session) == begun

    def _count(self, session: str | None) -> int:
        return (self._counts.get(session) if session else None) or 0


def _session(request: gr.Request | None) -> str | None:
    """The page session an event comes from (what `Clears` counts by)."""
    return request.session_hash if request else None


def browser_secret(data_dir: Path) -> str:
    """The key the kept conversations are encrypted with in the browser, the same across server restarts (a
    fresh one each start would make every kept conversation unreadable, so lost, after each restart)."""
    path = data_dir / "browser-state.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another server process made it just now
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(secrets.token_urlsafe(24))
    return path.read_text(encoding="ascii").strip()


def _chat_panel(
    service: Service,
    body,
    year,
    height: int = 460,
    storage_key: str = "fazhi-chat",
    embed_scope: gr.State | None = None,
):
    """Chatbot, question box, buttons and the source panel, wired to `chat_turn`; the conversation is kept in
    the browser (`gr.BrowserState`, localStorage) across reloads, and 导出 downloads it as text. With
    `embed_scope` (the iframe chat) wired to `embed_turn` instead, its sources folded under each answer rather
    than beside it."""
    turns, kept = gr.State([]), gr.State([])
    secret = browser_secret(service.settings.data_dir)
    saved = gr.BrowserState(dict(EMPTY_CONVERSATION), storage_key=storage_key, secret=secret)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="对话",
                height=height,
                latex_delimiters=[],
                elem_id="chat",
                placeholder="向报告提问，例如某市某年办理了多少件行政复议案件。",
                feedback_options=("Like", "Dislike"),  # 👍/👎 under each answer: page_feedback
                buttons=["copy", "copy_all"],  # no "share" (to Hugging Face: nowhere on an intranet; it has no label)
            )
            question = gr.Textbox(
                show_label=False, placeholder="输入问题，按回车提问", elem_id="question", lines=1, max_lines=4
            )
            with gr.Row():
                ask = gr.Button("提问", variant="primary", elem_id="ask")
                clear = gr.Button("清空对话", elem_id="clear")
                export = gr.Button("导出", elem_id="export")
        with gr.Column(scale=2, visible=embed_scope is None):
            gr.Markdown("#### 引用来源")
            sources = gr.HTML(sources_panel([]), elem_id="sources")
    export_text = gr.Textbox(conversation_text([]), visible=False, elem_id="export-text")

    clears = Clears()

    def run(question, messages, history, body, year, kept, request: gr.Request):
        scope = request.request.scope if request and request.request else {}
        wanted = clears.watch(_session(request))
        yield from chat_turn(service, question, messages, history, body, year, asker(scope), kept, wanted=wanted)

    def run_embedded(question, messages, history, embedded, kept, request: gr.Request):
        scope = request.request.scope if request and request.request else {}
        wanted = clears.watch(_session(request))
        yield from embed_turn(service, question, messages, history, embedded, asker(scope), kept, wanted)

    def clear_chat(request: gr.Request):
        clears.clear(_session(request))
        return cleared()

    with gr.Group(visible=False, elem_id="feedback-form") as form:
        gr.Markdown("这条回答有什么问题？以下各项都可不填。")
        comment = gr.Textbox(
            label="说明", max_lines=3, max_length=FEEDBACK_LIMITS["comment"], elem_id="feedback-comment"
        )
        correct = gr.Textbox(
            label="正确答案是", max_lines=3, max_length=FEEDBACK_LIMITS["correct_answer"], elem_id="feedback-correct"
        )
        where = gr.Textbox(
            label="在哪份报告中", max_lines=1, max_length=FEEDBACK_LIMITS["report"], elem_id="feedback-report"
        )
        send = gr.Button("提交反馈", elem_id="feedback-send")
    said = gr.Markdown("", elem_id="feedback-status")  # outside the form: it stays when the form closes
    rated = gr.State(None)

    def rate(messages, history, liked: gr.LikeData):  # Gradio passes LikeData by this annotation
        try:
            channel = "page" if embed_scope is None else "embed"
            answer_id = page_feedback(service, messages, history, liked.index, liked.liked, channel)
        except Exception:  # a rating that cannot be recorded costs the page nothing
            log.exception("page feedback failed")
            answer_id = None
        return answer_id, gr.Group(visible=bool(answer_id) and liked.liked is False), ""

    def details(answer_id, comment_text, correct_text, report_text):
        try:
            message = page_feedback_details(service, answer_id, comment_text, correct_text, report_text)
        except FazhiError as exc:
            message = service_message(exc)
        done = message == FEEDBACK_THANKS
        cleared_box = "" if done else gr.skip()
        return message, gr.Group(visible=not done), cleared_box, cleared_box, cleared_box

    limit = max(1, service.settings.max_concurrent_answers)
    outputs = [question, chatbot, turns, sources, kept]
    handler, inputs = run, [question, chatbot, turns, body, year, kept]
    if embed_scope is not None:
        handler, inputs = run_embedded, [question, chatbot, turns, embed_scope, kept]
    for trigger in (ask.click, question.submit):
        trigger(
            handler,
            inputs,
            outputs,
            api_visibility="private",
            concurrency_limit=limit,
            trigger_mode="always_last",  # asked while the last answer finishes: asked after it, not dropped
        ).then(save, [chatbot, turns, kept], [saved, export_text], api_visibility="private")
    everything = [question, chatbot, turns, kept, sources, saved, export_text]
    for trigger in (clear.click, chatbot.clear):  # the button and the chat's own trash icon alike
        trigger(clear_chat, None, everything, api_visibility="private")  # an answer under way is dropped
    # after the ask events, which are the page's first (fn_index 0: benchmarks/attack.py drives them)
    chatbot.like(rate, [chatbot, turns], [rated, form, said], api_visibility="private")
    send.click(
        details, [rated, comment, correct, where], [said, form, comment, correct, where], api_visibility="private"
    )
    export.click(None, [export_text], None, js=DOWNLOAD_JS)
    return question, (restore, saved, [chatbot, turns, kept, sources, export_text])


def _message_text(message: dict) -> str:
    content = message.get("content")
    if isinstance(content, list):  # Gradio's normalised form: [{"type": "text", "text": …}]
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def page_feedback(service: Service, messages: list, turns: list, index, liked, channel: str = "page") -> str | None:
    """A 👍/👎 under a page answer, recorded against that answer in the conversation log.

    The chat holds rendered HTML, so the answer is found by its question: the user turn whose escaped text is
    the message before the rated one, and the newest page answer to it in the log (two page users asking the
    very same question within a moment may rate each other's identical answer).
    """
    at = index[0] if isinstance(index, (list, tuple)) else index
    if not isinstance(at, int) or at < 1 or at >= len(messages) or not isinstance(liked, bool):
        return None
    shown = _message_text(messages[at - 1])
    asked = next((t["content"] for t in turns if t.get("role") == "user" and escape(t["content"]) == shown), None)
    answer_id = service.conversations.latest_id(asked, channel) if asked else None
    if answer_id:
        service.feedback(answer_id, "up" if liked else "down")
    return answer_id


# What a 👎 may add (the API's limits: schemas.FeedbackRequest), and what the page says when it is sent.
FEEDBACK_LIMITS = {"comment": 2000, "correct_answer": 2000, "report": 300}
FEEDBACK_THANKS = "已收到，谢谢。维护人员会据此核对答案。"


def page_feedback_details(service: Service, answer_id: str | None, comment: str, correct: str, report: str) -> str:
    """What a 👎 adds from the page (why, the right answer, the report it is in), recorded against the rated
    answer like `POST /api/v1/feedback`'s fields, within the same lengths; a Chinese line saying what happened."""
    if not answer_id:
        return "请先点击回答下方的 👎。"
    given = {"comment": comment, "correct_answer": correct, "report": report}
    if any(len(text or "") > FEEDBACK_LIMITS[name] for name, text in given.items()):
        return "内容过长：说明和正确答案各不超过 2000 字，报告名称不超过 300 字。"
    if not any((text or "").strip() for text in given.values()):
        return "没有填写内容。"
    service.feedback(answer_id, "down", *(((text or "").strip() or None) for text in given.values()))
    return FEEDBACK_THANKS


DOCUMENT_ACTIONS = """<div class="document-actions">
<label class="admin-key" {key_hidden}>管理密钥（BOT_ADMIN_KEYS）
<input id="admin-key" type="password" autocomplete="off"></label>
<div id="upload"><label>上传报告（{types}）<input type="file" multiple accept="{accept}"></label></div>
<div class="buttons"><button id="upload-button" type="button" class="primary">上传并索引</button>
<button id="remove" type="button" class="stop">删除所选报告</button></div>
<div id="documents-status" role="status" aria-live="polite"></div></div>"""


def _documents_tab(service: Service, body, year) -> list:
    """The report list (from the page's own events), filterable by body and year, and upload/delete through
    the keyed API (a script in the page: bot/static/documents.js), so document changes meet the same keys
    and limits as any client; a delete is confirmed first, naming the report's title.
    """
    gr.Markdown("上传的报告在后台索引，期间可以照常提问。同名文件会替换原有报告。")
    bodies, years = _choices(service)
    with gr.Row():
        shown_body = gr.Dropdown(label="按发布机关筛选", choices=bodies, value="", elem_id="documents-body")
        shown_year = gr.Dropdown(label="按年份筛选", choices=years, value="", elem_id="documents-year")
    rows = _rows(service)
    table = gr.Dataframe(headers=HEADERS, value=rows, interactive=False, wrap=True, elem_id="documents")
    doc = gr.Dropdown(
        label="选择要删除的报告", choices=_removable(rows), value=None, elem_id="remove-doc", interactive=True
    )
    keys_set = bool(service.settings.api_keys or service.settings.admin_keys)
    form = DOCUMENT_ACTIONS.format(
        key_hidden="" if keys_set else "hidden",
        types=" ".join(READERS),
        accept=",".join(READERS),
    )
    gr.HTML(form, js_on_load=DOCUMENTS_JS, elem_id="document-actions", apply_default_css=True)
    refresh = gr.Button("刷新列表", elem_id="refresh-documents")

    def lists(chosen_body: str | None = "", chosen_year: str | None = ""):
        bodies, years = _choices(service)
        rows = _rows(service, chosen_body or "", chosen_year or "")
        choices = (gr.Dropdown(choices=bodies), gr.Dropdown(choices=years))
        return rows, gr.Dropdown(choices=_removable(rows), value=None), *choices, *choices

    outputs = [table, doc, body, year, shown_body, shown_year]
    listed = guarded(lists, outputs)
    for event in (refresh.click, shown_body.change, shown_year.change):
        event(listed, [shown_body, shown_year], outputs, api_visibility="private")
    return [guarded(lambda: lists(), outputs), outputs]


def guarded(handler, outputs: list):
    """`handler`, but a failure leaves the outputs as they were (logged with its trace) instead of showing
    Gradio's error badges and exception text.
    """

    def run(*args):
        try:
            return handler(*args)
        except Exception:
            log.exception("page event failed")
            return tuple(gr.skip() for _ in outputs)

    return run


def create_ui(service: Service) -> gr.Blocks:
    bodies, years = _choices(service)
    indexed = {d["doc"] for d in service.documents()}
    with gr.Blocks(title="法治问答", analytics_enabled=False) as ui:
        gr.Markdown(
            "## 法治问答 · 法治政府建设情况报告\n回答只依据已收录的报告，每句标注来源；右侧来源卡片可展开查看原文。"
        )
        with gr.Tabs():
            with gr.Tab("问答"):
                with gr.Row():
                    body = gr.Dropdown(label="发布机关", choices=bodies, value="", elem_id="filter-body")
                    year = gr.Dropdown(label="年份", choices=years, value="", elem_id="filter-year")
                question, restoring = _chat_panel(service, body, year)
                examples = [q for doc, q in EXAMPLES if doc in indexed] or [q for _, q in EXAMPLES]
                with gr.Column(elem_id="examples"):  # one place to find them (a kept chat repeats their text)
                    gr.Examples(examples=examples, inputs=[question], label="示例问题")
            with gr.Tab("报告管理"):
                refresh, outputs = _documents_tab(service, body, year)
        ui.load(refresh, None, outputs, api_visibility="private")
        ui.load(*restoring, api_visibility="private")
    return ui


def embed_turn(
    service: Service,
    question: str,
    messages: list,
    turns: list,
    scope: EmbedScope,
    asker: str | None = None,
    kept: list | None = None,
    wanted: Callable[[], bool] = lambda: True,
) -> Iterator[tuple]:
    """One question in the iframe chat: a notice when a locked scope does not cover it (read from the question
    plan), else `chat_turn` within the scope, with the turn's sources folded under its answer as a <details>
    来源, so a narrow iframe (400×640) has them right below the answer instead of below the fold.
    """
    text, kept = (question or "").strip(), list(kept or [])
    scope = scope if isinstance(scope, EmbedScope) else initial_scope(service.settings)  # a page never loaded
    issuers = [d["body"] for d in service.documents() if d.get("body")]
    if text and outside(scope, text, issuers):
        reply = f'<span class="note scope-notice">{escape(notice(scope))}</span>'
        messages = [*messages, {"role": "user", "content": escape(text)}, {"role": "assistant", "content": reply}]
        yield "", messages, turns, sources_panel(kept), kept
        return
    before = len(kept)
    for cleared_box, shown, history, panel, now in chat_turn(
        service, question, messages, turns, scope.body, scope.year_text, asker, kept, "embed", wanted
    ):
        folded = _folded_sources(shown, now[-1]) if isinstance(now, list) and len(now) > before else shown
        yield cleared_box, folded, history, panel, now


def _folded_sources(messages: list, record: dict) -> list:
    """The messages with the last turn's source cards appended to its answer as a collapsible 来源 section."""
    cards = turn_sources_html(record)
    if not messages or 'class="source-card"' not in cards:
        return messages
    count = cards.count('class="source-card"')
    folded = f'<details class="answer-sources"><summary>来源（{count}）</summary>{cards}</details>'
    last = messages[-1]
    return [*messages[:-1], {**last, "content": f"{last['content']}\n\n{folded}"}]


def create_embed(service: Service) -> gr.Blocks:
    """The chat alone, for an iframe, under a title bar naming its scope (bot/serve/embed_scope.py): pre-set by
    `?body=成都市&year=2024`, or locked by the server's settings or a signed link.
    """
    settings = service.settings
    with gr.Blocks(title="法治问答", analytics_enabled=False, fill_height=True) as embed:
        first = initial_scope(settings)
        title = gr.HTML(title_html(first), elem_id="embed-title")
        scope = gr.State(first)
        _, restoring = _chat_panel(service, None, None, height=360, storage_key="fazhi-embed-chat", embed_scope=scope)
        embed.load(*restoring, api_visibility="private")

        def from_query(request: gr.Request):
            params = dict(request.query_params) if request else {}
            try:
                chosen = scope_for(params, settings)
            except BadEmbedLink:  # the page itself was refused (403); an event sent anyway answers nothing
                chosen = EmbedScope(locked=True, refused=True)
            return chosen, title_html(chosen)

        embed.load(from_query, None, [scope, title], api_visibility="private")
    return embed
