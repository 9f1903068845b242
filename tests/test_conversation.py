"""The conversation the page keeps in the browser (issue #16): what comes back from localStorage is read
defensively and rendered again, escaped; a long kept conversation goes on being answered; export is plain text.
"""

from __future__ import annotations

from bot.models import Answer, Citation
from bot.serve.conversation import conversation_text, records, turn_record
from bot.serve.render import sources_panel
from bot.serve.service import Service
from bot.serve.ui import browser_secret, chat_turn, restore, save

SCRIPT = "<script>alert(1)</script>"


def _answer() -> Answer:
    passage = f"一、依法行政\n全市办理{SCRIPT}行政复议案件12件。"
    citation = Citation(
        1, "evil.txt", f"测试市报告{SCRIPT}", "一、依法行政", passage, "测试市", 2025, "/reports/evil.txt"
    )
    return Answer(question="q", answer=f"全市办理{SCRIPT}行政复议案件12件[1]。", refused=False, citations=[citation])


def test_what_the_browser_sends_back_is_read_defensively():
    good = turn_record(1, "测试市办理行政复议案件多少件？", _answer())
    junk = [good, {"turn": "x"}, {"question": "q"}, "text", {**good, "turn": 2, "citations": [{"n": "one"}]}]
    assert [turn for turn, _, _ in records(junk)] == [1]
    assert records("not a list") == [] and records(None) == []
    messages, turns, kept, panel, text = restore({"messages": [{"role": "system", "content": "x"}], "turns": 3})
    assert (messages, turns, kept) == ([], [], []) and "提问后" in panel and text.startswith("法治问答")
    saved, _ = save([{"role": "user", "content": "问"}], [], [good])
    assert restore(saved)[0] == [{"role": "user", "content": "问"}] and restore(saved)[2] == [good]


def test_the_panel_renders_kept_turns_escaped_and_links_only_to_report_pages():
    record = turn_record(1, f"问{SCRIPT}", _answer())
    panel = sources_panel([record])
    assert SCRIPT not in panel and "&lt;script&gt;" in panel
    assert 'id="source-1-1"' in panel and 'href="/reports/evil.txt"' in panel and 'target="_blank"' in panel
    hostile = {**record, "citations": [{**record["citations"][0], "report_url": "javascript:alert(1)"}]}
    assert "javascript:" not in sources_panel([hostile])
    two = sources_panel([record, {**record, "turn": 2}])
    assert two.index('id="turn-2"') < two.index('id="turn-1"')  # the newest first


def test_export_is_plain_text_with_sources():
    text = conversation_text([turn_record(1, "测试市办理行政复议案件多少件？", _answer())])
    assert "问：测试市办理行政复议案件多少件？\n答：全市办理" in text
    assert f"来源：\n[1] 测试市报告{SCRIPT} · 一、依法行政：“全市办理{SCRIPT}行政复议案件12件。”" in text


def test_a_long_kept_conversation_is_still_answered(seeded):
    """A conversation kept across reloads outgrows the service's history limit; the chat sends the latest."""
    service = Service(seeded)
    try:
        history = [
            {"role": r, "content": "韶关市选聘了几名行政执法监督员？"} for _ in range(40) for r in ("user", "assistant")
        ]
        *_, (_, messages, turns, _, kept) = chat_turn(
            service, "成都市2024年办理的行政应诉案件有多少件？", [], history, "", ""
        )
        assert "5652" in messages[-1]["content"] and len(kept) == 1
        assert turns[-1]["content"].count("5652") == 1
    finally:
        service.close()


def test_the_browser_key_outlives_a_restart(tmp_path):
    first = browser_secret(tmp_path / "data")
    assert first and browser_secret(tmp_path / "data") == first  # kept conversations stay readable
    assert oct((tmp_path / "data" / "browser-state.key").stat().st_mode & 0o777) == "0o600"
