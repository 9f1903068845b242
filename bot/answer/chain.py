"""The answer chain: question → scoped passages → generated text → validated, cited answer.

Users paste answers into official documents, so after generation every citation is checked
against the passages actually given, every number in the answer is looked up in the passages it
cites, and the chain refuses with exactly `资料中没有相关信息` when the question's place or year has
no passage or the passages do not cover what it asks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Protocol

from bot.answer.intent import Scope, find_scope, standalone
from bot.answer.llm import LLM, LLMS, LLMError
from bot.index.keyword import KeywordIndex, tokenize, words
from bot.index.library import Library
from bot.index.search import Filters, scoped_search
from bot.ingest.chunk import split_sentences
from bot.ingest.clean import match_key, to_simplified
from bot.models import Passage
from bot.settings import Settings

REFUSAL = "资料中没有相关信息"
_CITATION = re.compile(r"[\[【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s：:；;。]))\d{1,2}[.、．)）](?!\d)", re.MULTILINE)
# A question asking for a figure ("多少", "几件", "…率", "排名第几"; not "哪几个方面") must be answered by a
# sentence holding a number, and a rate by a percentage.
_ASKS_NUMBER = re.compile(r"多少|(?<!哪)几[个件项次名宗户家人万所批部条年]|率|比例|占比|数量|金额|排名|第几")
_ASKS_RATE = re.compile(r"率|比例|占比|百分")
_HAS_RATE = re.compile(r"%|百分之|成")
# A question asking for an enumeration ("哪些", "哪几个方面"), and the way these reports enumerate: "一是…。二是…。"
_ASKS_LIST = re.compile(r"^(?!.*(?:例子|案例)).*(?:哪些|哪几|有哪|几个方面|几方面|包括什么|分为)")  # not "举了哪些例子"
_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(rf"([{_NUMERALS}])是([^。；;]{{2,60}})[。；;]")


@dataclass
class Citation:
    n: int
    doc: str
    title: str
    heading: str
    text: str
    body: str | None = None
    year: int | None = None


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    flagged_numbers: list[str] = field(default_factory=list)
    invalid_citations: list[int] = field(default_factory=list)
    standalone: str = ""
    attributed: bool = False  # citations added by the chain because the model gave none
    llm: str = ""
    incomplete: bool = False
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    cached: bool = False  # served from memory: the same request was answered on the same index before

    def to_json(self) -> dict:
        return asdict(self)


class Generator(Protocol):
    """Turns a question and numbered passages into answer text citing them as [n]."""

    name: str

    def generate(self, question: str, passages: list[Passage]) -> Iterator[str]: ...


def load_prompt(name: str) -> str:
    """A prompt file (prompts/ in the repository), read as package data so any install has it."""
    return resources.files("bot.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8")


class LLMGenerator:
    def __init__(self, llm: LLM, max_tokens: int = 256):
        self.llm = llm
        self.name = llm.name
        self.max_tokens = max_tokens
        self.system = load_prompt("system").strip()
        self.template = load_prompt("answer")
        self.passage_template = load_prompt("passage").strip()

    def messages(self, question: str, passages: list[Passage]) -> list[dict]:
        numbered = "\n".join(
            self.passage_template.format(n=n, source=_source(p), text=p.text) for n, p in enumerate(passages, 1)
        )
        user = self.template.format(passages=numbered, question=question)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def generate(self, question: str, passages: list[Passage]) -> Iterator[str]:
        return self.llm.stream(self.messages(question, passages), self.max_tokens)


def _source(passage: Passage) -> str:
    parts = [passage.body or "", f"{passage.year}年" if passage.year else "", to_simplified(passage.title)]
    return "·".join(part for part in parts if part)


class Extractive:
    """No model: the passages' sentences that best cover the question, each with its citation."""

    name = "extractive"

    def __init__(self, weights: Callable[[], KeywordIndex], max_sentences: int = 2):
        self._weights = weights
        self.max_sentences = max_sentences

    def generate(self, question: str, passages: list[Passage]) -> Iterator[str]:
        index = self._weights()
        terms = set(tokenize(to_simplified(question)))
        wants_number = bool(_ASKS_NUMBER.search(question))
        scored, seen = [], set()
        for n, passage in enumerate(passages, 1):
            for sentence in split_sentences(passage.text):
                simplified = to_simplified(sentence)
                if simplified in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add(simplified)
                score = sum(index.idf(t) for t in terms if t in simplified)
                if wants_number and _NUMBER.search(sentence):
                    score *= 1.2
                scored.append((score / (1 + 0.05 * (n - 1)), n, sentence.strip()))
        if not scored or max(s for s, _, _ in scored) <= 0:
            yield REFUSAL
            return
        best = max(s for s, _, _ in scored)
        if _ASKS_LIST.search(question) and not wants_number:
            _, n, sentence = max(scored, key=lambda x: x[0])
            items = _enumeration(passages, n, sentence)
            if len(items) >= 2:
                yield "；".join(f"{marker}是{text}[{n}]" for marker, text, n in items) + "。"
                return
        bodies_needed = {p.body for p in passages}
        chosen: list[tuple[float, int, str]] = []
        for item in sorted(scored, key=lambda x: -x[0]):
            body = passages[item[1] - 1].body
            new_body = body not in {passages[c[1] - 1].body for c in chosen}
            if item[0] >= 0.75 * best and len(chosen) < self.max_sentences or new_body and item[0] >= 0.3 * best:
                chosen.append(item)
            if len(chosen) >= max(self.max_sentences, len(bodies_needed)):
                break
        for _, n, sentence in sorted(chosen, key=lambda x: (x[1], passages[x[1] - 1].text.find(x[2]))):
            yield f"{self._core(sentence, terms, index).rstrip('。；，')}[{n}]。"

    def _core(self, sentence: str, terms: set[str], index: KeywordIndex) -> str:
        """The clauses of a long sentence that carry the answer: the best clause and its scoring neighbours."""
        clauses = [c for c in re.split(r"(?<=[，；：])", sentence) if c]
        if len(sentence) <= 60 or len(clauses) < 3:
            return sentence

        def score(clause: str) -> float:
            simplified = to_simplified(clause)
            return sum(index.idf(t) for t in terms if t in simplified) + (0.5 if _NUMBER.search(clause) else 0)

        scores = [score(c) for c in clauses]
        best = max(range(len(clauses)), key=lambda i: scores[i])
        start, end = best, best + 1
        while start > 0 and scores[start - 1] >= 1 and end - start < 3:
            start -= 1
        while end < len(clauses) and scores[end] >= 1 and end - start < 3:
            end += 1
        return "".join(clauses[start:end])


def _enumeration(passages: list[Passage], anchor_n: int, sentence: str) -> list[tuple[str, str, int]]:
    """The "一是…二是…" items that the best `sentence` (in passage `anchor_n`) opens: (numeral, item, passage n).

    Only when that sentence is an item or introduces the items (the next one starts "一是"): a question
    about a detail inside one item wants that detail. An enumeration often runs over several chunks, so
    the chunks right after the anchor's (when retrieved too) are read on; the items kept are the run 一,
    二, 三… without gaps, each item's first sentence.
    """
    anchor = passages[anchor_n - 1]
    after = anchor.text[anchor.text.find(sentence) + len(sentence) :].lstrip()
    if not (_ITEM.search(sentence) or after.startswith("一是")):
        return []
    by_position = {(p.doc, p.position): n for n, p in enumerate(passages, 1) if p.position is not None}
    chain, position = [anchor_n], anchor.position
    while position is not None and (anchor.doc, position + 1) in by_position:
        position += 1
        chain.append(by_position[(anchor.doc, position)])
    found: dict[str, tuple[str, int]] = {}
    for n in chain:
        for match in _ITEM.finditer(passages[n - 1].text):
            found.setdefault(match.group(1), (match.group(2).strip(), n))
    items = []
    for numeral in _NUMERALS:
        if numeral not in found:
            break
        items.append((numeral, *found[numeral]))
    return items


def make_generator(name: str, settings: Settings, library: Library) -> Generator:
    if name == "extractive":
        return Extractive(library.store.keyword_index)
    if name not in LLMS:
        raise ValueError(f"unknown LLM backend '{name}' (choose from extractive, {', '.join(LLMS)})")
    return LLMGenerator(LLMS[name](settings), settings.max_answer_tokens)


class Answerer:
    def __init__(self, library: Library, llm: str | None = None, settings: Settings | None = None):
        self.library = library
        self.settings = settings or library.settings
        self.generator = make_generator(llm or self.settings.llm, self.settings, library)
        self._fallback: Generator | None = None

    def ask(
        self, question: str, history: list[dict] | None = None, filters: Filters | None = None, k: int | None = None
    ) -> Answer:
        *_, answer = self.stream(question, history, filters, k)
        return answer

    def stream(
        self, question: str, history: list[dict] | None = None, filters: Filters | None = None, k: int | None = None
    ) -> Iterator[str | Answer]:
        """Text pieces as they are generated, then the final `Answer` (always last)."""
        started = time.perf_counter()
        bodies = [d["body"] for d in self.library.documents() if d.get("body")]
        full = standalone(question.strip(), history, bodies)
        scope = find_scope(full, bodies)
        passages = scoped_search(
            self.library.store,
            self.library.embedder,
            full,
            scope,
            k or self.settings.answer_k + (2 if _ASKS_LIST.search(full) else 0),  # enumerations span chunks
            filters,
            self.settings.candidates,
            self.settings.rrf_k,
            self.settings.keyword_weight,
        )
        timings = {"retrieve": time.perf_counter() - started}
        base = {"question": question, "standalone": full, "llm": self.generator.name}
        if not passages or self.coverage(full, scope, passages) < self.min_coverage(full):
            yield REFUSAL
            yield Answer(answer=REFUSAL, refused=True, timings=_total(timings, started), **base)
            return

        pieces: list[str] = []
        error, incomplete = None, False
        generating = time.perf_counter()
        try:
            for piece in self.generator.generate(full, passages):
                if not pieces:
                    timings["first_token"] = time.perf_counter() - started
                pieces.append(piece)
                yield piece
        except LLMError as exc:
            error, incomplete = str(exc), bool(pieces)
            if not pieces:  # nothing streamed yet: answer without a model rather than not at all
                base["llm"] = f"extractive (fallback: {self.generator.name} failed)"
                pieces = list(self._extractive().generate(full, passages))
                yield from pieces
        timings["generate"] = time.perf_counter() - generating
        yield self.validate("".join(pieces), passages, base, timings, started, error, incomplete)

    def coverage(self, question: str, scope: Scope, passages: list[Passage]) -> float:
        """The best share (by idf) of the question's words found in one sentence with its heading and title.

        For a question asking a figure only sentences holding a number (a percentage for a rate) count,
        and they must name the other places the question names: the figure has to be about them.
        """
        index = self.library.store.keyword_index()
        scope_words = {to_simplified(x) for x in scope.bodies + scope.places} | {str(y) for y in scope.years}
        terms = {t for t in words(to_simplified(question)) if not any(t in w or w in t for w in scope_words)}
        total = sum(max(index.idf(t), 0.0) for t in terms)
        if total <= 0:  # nothing asked beyond a place or year ("那成都呢" with no history)
            return 0.0
        figure, rate = bool(_ASKS_NUMBER.search(question)), bool(_ASKS_RATE.search(question))
        best = 0.0
        for p in passages:
            context = to_simplified(f"{p.title}\n{p.heading}")
            for sentence in split_sentences(p.text):
                if figure and not (_NUMBER.search(sentence) and (not rate or _HAS_RATE.search(sentence))):
                    continue
                text = to_simplified(sentence)
                if figure and not all(place in text for place in scope.places):
                    continue
                found = sum(max(index.idf(t), 0.0) for t in terms if t in text or t in context)
                best = max(best, found / total)
        return best

    def min_coverage(self, question: str) -> float:
        s = self.settings
        return s.min_coverage_figure if _ASKS_NUMBER.search(question) else s.min_coverage

    def validate(
        self,
        text: str,
        passages: list[Passage],
        base: dict,
        timings: dict,
        started: float,
        error: str | None = None,
        incomplete: bool = False,
    ) -> Answer:
        """Refusal detection, citation checking and the number check."""
        text = text.strip()
        if not text or REFUSAL in text and not incomplete:
            return Answer(answer=REFUSAL, refused=True, error=error, timings=_total(timings, started), **base)
        cited, invalid = set(), []

        def keep_valid(match: re.Match) -> str:
            numbers = [int(x) for x in re.findall(r"\d+", match.group(1))]
            good = [n for n in numbers if 1 <= n <= len(passages)]
            invalid.extend(n for n in numbers if n not in good)
            cited.update(good)
            return "".join(f"[{n}]" for n in good)

        text = _CITATION.sub(keep_valid, text)
        attributed = False
        if not cited:  # small models answer right but forget to cite: cite what supports each sentence
            text, cited = attribute(text, passages)
            attributed = bool(cited)
        citations = [
            Citation(n, p.doc, p.title, p.heading, p.text, p.body, p.year)
            for n, p in enumerate(passages, 1)
            if n in cited
        ]
        return Answer(
            answer=text,
            refused=False,
            citations=citations,
            flagged_numbers=ungrounded_numbers(text, [f"{c.title}\n{c.heading}\n{c.text}" for c in citations]),
            invalid_citations=sorted(set(invalid)),
            attributed=attributed,
            error=error,
            incomplete=incomplete,
            timings=_total(timings, started),
            **base,
        )

    def _extractive(self) -> Generator:
        if self._fallback is None:
            self._fallback = make_generator("extractive", self.settings, self.library)
        return self._fallback


def _bigrams(text: str) -> set[str]:
    key = match_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


def support(sentence: str, passage: str) -> float:
    """How well a passage backs a sentence: its numbers all there, and its character bigrams."""
    grams = _bigrams(sentence)
    overlap = len(grams & _bigrams(passage)) / len(grams) if grams else 0.0
    numbers = _NUMBER.findall(sentence)
    if numbers and ungrounded_numbers(sentence, [passage]):
        return overlap / 2
    return overlap


def attribute(text: str, passages: list[Passage], threshold: float = 0.5) -> tuple[str, set[int]]:
    """Add `[n]` after each sentence that passage n supports best (if well enough)."""
    out, cited = [], set()
    for sentence in split_sentences(text):
        body = sentence.rstrip("。！？；\n")
        scores = [support(body, f"{p.title}\n{p.heading}\n{p.text}") for p in passages]
        best = max(range(len(passages)), key=lambda i: scores[i]) if passages else -1
        if best >= 0 and body.strip() and scores[best] >= threshold:
            out.append(f"{body}[{best + 1}]{sentence[len(body) :]}")
            cited.add(best + 1)
        else:
            out.append(sentence)
    return "".join(out), cited


def ungrounded_numbers(answer: str, cited_texts: list[str]) -> list[str]:
    """Numbers in the answer (citation markers and list markers aside) that occur in none of the cited passages.

    A passage counts with its title and heading, where a report's year and section numbers live.
    """
    plain = _LIST_MARKER.sub("", _CITATION.sub("", answer))
    sources = [t.replace(",", "") for t in cited_texts]
    flagged = []
    for number in _NUMBER.findall(plain):
        bare = number.replace(",", "")
        if not any(re.search(rf"(?<![\d.]){re.escape(bare)}(?![\d]|\.\d)", s) for s in sources):
            flagged.append(number)
    return list(dict.fromkeys(flagged))


def _total(timings: dict, started: float) -> dict:
    return {**{k: round(v, 4) for k, v in timings.items()}, "total": round(time.perf_counter() - started, 4)}
