"""Optional LLM judge (`python -m eval run --judge`): the openai chat backend grades answer vs gold.

Off by default: the deterministic metrics need no model, and a judge's grades drift with its model and
prompt. It uses the bot's own `openai` backend (bot.answer.llm), so it is configured like the bot:
BOT_OPENAI_URL, BOT_OPENAI_MODEL, BOT_OPENAI_API_KEY. Any callable `(question, gold, answer) -> float | None`
can be passed to `harness.run(judge=...)` instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PROMPT = (
    "你是评测员。根据标准答案判断回答是否正确：关键事实和数字与标准答案一致即为正确，措辞不同不影响。\n"
    "问题：{question}\n标准答案：{gold}\n回答：{answer}\n"
    "只输出一个数字：正确输出 1，错误或不完整输出 0。"
)

Judge = Callable[[str, str, str], float | None]


def parse_verdict(text: str) -> float | None:
    """The first 0/1 (or 正确/错误) in the judge's reply; None when it gave neither."""
    m = re.search(r"[01]|正确|错误", text or "")
    if not m:
        return None
    return 1.0 if m[0] in ("1", "正确") else 0.0


def make_judge(chat: Callable[[list[dict]], str]) -> Judge:
    """A judge over any chat function (messages → reply); a failing call gives None, not a dead run."""

    def judge(question: str, gold: str, answer: str) -> float | None:
        messages = [{"role": "user", "content": PROMPT.format(question=question, gold=gold, answer=answer)}]
        try:
            return parse_verdict(chat(messages))
        except Exception:  # the judge is advisory: one failed grade must not end a long run
            return None

    return judge


def openai_judge(settings) -> Judge:
    """The judge through the bot's openai chat backend (imported late: only `--judge` needs it)."""
    from bot.answer.llm import LLMS, complete

    llm = LLMS["openai"](settings)
    return make_judge(lambda messages: complete(llm, messages, 8))
