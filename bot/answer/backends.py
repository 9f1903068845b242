"""Answer backends: what writes the answer from the checked facts.

`extractive` needs no model (bot/answer/extractive.py): its composition of the passages' best sentences *is*
the facts. The others wrap a chat model (bot/answer/llm.py) that rewrites those facts as an answer, from the
prompt files in prompts/; the chain checks what it writes (bot/answer/verify.py). `BACKENDS` names them;
`make_backend` builds one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from typing import Protocol

from bot.answer.extractive import Extractive
from bot.answer.llm import LLM, LLMS
from bot.models import Passage
from bot.settings import Settings
from bot.text import MARKER, to_simplified


class AnswerBackend(Protocol):
    """Writes an answer citing its sources as [n]: the extractive one `generate`s it from passages, a model
    `compose`s it from the facts (fact n: sentences citing source n)."""

    name: str


def load_prompt(name: str) -> str:
    """A prompt file (prompts/ in the repository), read as package data so any install has it."""
    return resources.files("bot.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8")


class ModelBackend:
    """A chat model given the system prompt, the numbered facts and the question."""

    def __init__(self, llm: LLM, max_tokens: int = 256):
        self.llm = llm
        self.name = llm.name
        self.max_tokens = max_tokens
        self.system = load_prompt("system").strip()
        self.facts_template = load_prompt("facts")
        self.passage_template = load_prompt("passage").strip()

    def compose(self, question: str, facts: dict[int, list[str]], sources: list[Passage]) -> Iterator[str]:
        """The answer written from checked facts alone (fact n: the sentences citing source n): a short prompt
        after the fixed system prompt, which a local model keeps evaluated between questions. The rules are
        all in the system prompt, so only the facts and the question are prefilled per question."""
        numbered = "\n".join(
            self.passage_template.format(
                n=n, source=_source(sources[n - 1]), text="".join(MARKER.sub("", s) for s in said)
            )
            for n, said in sorted(facts.items())
        )
        user = self.facts_template.format(facts=numbered, question=question)
        messages = [{"role": "system", "content": self.system}, {"role": "user", "content": user}]
        return self.llm.stream(messages, self.max_tokens)


def _source(passage: Passage) -> str:
    """Whose fact it is, in few tokens (every token here is prefilled per question): place and year; the
    title only when they are unknown."""
    parts = [passage.issuer or "", f"{passage.year}年" if passage.year else ""]
    return "·".join(part for part in parts if part) or to_simplified(passage.title)


BACKENDS = ["extractive", *LLMS]


def make_backend(name: str, settings: Settings, idf: Callable[[], Callable[[str], float]]) -> AnswerBackend:
    """The backend called `name`; `idf` gives the index's current word weights (the extractive backend's)."""
    if name == "extractive":
        return Extractive(idf)
    if name not in LLMS:
        raise ValueError(f"unknown answer backend '{name}' (choose from {', '.join(BACKENDS)})")
    return ModelBackend(LLMS[name](settings), settings.answering.max_tokens)
