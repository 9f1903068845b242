"""A model's answer checked sentence by sentence against the facts it was given, before anyone sees it.

The model writes from numbered facts (`answer.facts.Facts`: each fact a checked sentence citing its passage).
What it writes may be better Chinese and must never be a worse answer, so each sentence it completes is
checked as it arrives: it cites a fact given, every number in it is in the passage it cites (a year and a
date are numbers too), and it names no other place than the one the passage is about. A sentence that fails
is replaced by the facts' own sentences citing the same passage. At the end, every fact must be cited by a
checked sentence, and, for a figure asked, every figure of the facts be in the answer (for a time asked, its
date); a fact left out is added in its own words. A refusal by
the model, when the facts answer, is replaced by the facts. The count of sentences replaced or added is the
fallback rate the eval reports (`answer.llm_replaced`): an answer rebuilt from the facts is not the model's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bot.answer.checks import kept_citations, ungrounded_numbers
from bot.answer.facts import Facts
from bot.answer.framing import framed
from bot.ingest.figures import extract_figures
from bot.models import REFUSAL
from bot.text import MARKER, NUMBER, answer_sentences, bigrams, to_simplified

# What a fact says that an answer from it must keep: its figures and the names it quotes.
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_YEARS = re.compile(r"((?:19|20)\d{2})(?=\s*年)")
# A comparison said: which is larger is computed in code (the facts' derived sentence), never by the model.
_COMPARES = re.compile(
    r"[更最][多高大少低小快慢]|[多高少低大小快慢][于过]|比[^，。；、]{1,30}?[多高少低大小快慢]|一样|相同|相等|持平|差不多|无法"
)
_EQUAL = re.compile(r"一样|相同|相等|持平|差不多")
_UNSAID = re.compile(r"未载明|资料中没有.{0,16}报告")  # what a report does not give, said by the facts
_MORE, _LESS = "多高大快", "少低小慢"
# A difference said by the model ("多307项", "高出5个百分点"): no fact computes one, so none can be checked.
_DIFFERENCE = re.compile(r"[多高少低大小快慢出了]\s*\d")
_SUFFIX = re.compile(r"[省市区县]")
# A sentence is complete at its end mark once something follows its citation marks and closing quote (a mark
# written after the full stop, "…786宗。[1]", may still be on its way).
_MARKS = r"(?:\s*[\[【［]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】］])*"
_COMPLETE = re.compile(rf"[。！？；!?;\n]{_MARKS}[”’」』）)]?(?=\s*[^\s\[【［”’」』）)])")
_ENDS = re.compile(r"[。！？；!?;][”’」』）)]?$")
# A sentence broken off before what it was to say ("满意率是。", "共办理。"): a copula or verb, then the stop.
_HOLLOW = re.compile(r"(?:是|为|达到?|有|共|约|包括|分别)[。！？；!?;]$")
# Citation marks after the end mark, moved before it: "…786宗。[1]" → "…786宗[1]。".
_MARKS_AFTER = re.compile(r"([。！？；!?;]+)((?:\[\d+\])+)")


def fact_sentences(facts: Facts) -> dict[int, list[str]]:
    """The facts' sentences by the passage they cite: fact n, as the model is given it and as a failing
    sentence citing n is replaced."""
    by_source: dict[int, list[str]] = {}
    for sentence in answer_sentences(facts.text):
        said = re.sub(r"[；;，,]$", "。", sentence.strip())  # a clause of the composition, said on its own
        for n in dict.fromkeys(int(m) for m in MARKER.findall(said)):
            by_source.setdefault(n, []).append(said)
    return by_source


def derived(facts: Facts) -> list[str]:
    """The facts' derived sentences: computed in code from the cited rows (which is larger), or saying what a
    report does not give, so they cite no passage of their own ("成都市更多。", "数值为约数，无法精确比较。",
    "报告未载明调解成功率。")."""
    said = [s.strip() for s in answer_sentences(facts.text) if not MARKER.search(s)]
    return [s for s in said if _COMPARES.search(s) or _UNSAID.search(s)]


def _agrees(sentence: str, verdicts: list[str], places: list[str]) -> bool:
    """Whether a comparison the model wrote says what the derived verdict says: "数值…无法精确比较" by saying it
    cannot compare, "两者一样多" by saying they are equal, "成都市更多" by naming 成都 as the place nearest
    before its comparative word, with a word of the same direction (更多, 多于, 比…多). A difference it
    computed itself ("多307项") never agrees: no fact holds one."""
    said = to_simplified(MARKER.sub("", sentence))
    found = _COMPARES.search(said)
    if found is None or _DIFFERENCE.search(said[found.start() :]):
        return False
    for verdict in verdicts:
        if "无法" in verdict:
            if "无法" in said:
                return True
            continue
        if _EQUAL.search(verdict):
            if _EQUAL.search(said):
                return True
            continue
        word = re.search(r"[更最]([多高大少低小快慢])", verdict)
        if word is None or _EQUAL.search(said) or "无法" in said:
            continue
        winner = _SUFFIX.sub("", verdict[: word.start()])
        named = [(said.rfind(p, 0, found.start()), p) for p in places if p in said[: found.start()]]
        nearest = _SUFFIX.sub("", max(named)[1]) if named else ""
        direction = next((c for c in said[found.start() : found.end()][::-1] if c in _MORE + _LESS), "")
        same_way = (direction in _MORE) == (word.group(1) in _MORE)
        if nearest and nearest == winner and direction and same_way:
            return True
    return False


def _kept(fact: str, answer: str, asks: str, year: int | None) -> bool:
    """Whether an answer keeps what a fact says that the question asks: for a figure, every number of the fact
    (the facts hold only the clauses answering, so these are the asked ones); for a time, every number but the
    year of the report it cites (which frames it: "广州市2024年…"), so a date's year, month and day. Other
    questions are answered by a checked sentence citing the fact (`_check`); wording is the model's own."""
    if asks not in ("figure", "rate", "time"):
        return True
    said = set(NUMBER.findall(to_simplified(MARKER.sub("", answer))))
    needed = set(NUMBER.findall(to_simplified(MARKER.sub("", fact))))
    if asks == "rate":  # the rates; the counts a rate is of ("建议77件，提案283件，满意率均达100%") frame it
        needed = set(_PERCENT.findall(to_simplified(MARKER.sub("", fact)))) or needed
    if asks in ("figure", "rate"):
        needed -= set(_YEARS.findall(to_simplified(fact)))
    elif year is not None:
        needed.discard(str(year))
    return needed <= said


@dataclass
class Verifier:
    """Checks a model's answer as it streams: `feed` text pieces, get back the checked sentences to show;
    `finish` gives the rest. `sentences` and `replaced` count what the model wrote and what was replaced."""

    facts: Facts
    grounds: Callable[[int], str]  # what passage n grounds: its text in context and its report's dates
    places: list[str]  # names of the places the library has reports of (short forms: 花都区, 广州市)
    asks: str = "other"  # what the question asks: "figure", "rate", "time" or "other" (what a fact must keep, `_kept`)
    sentences: int = 0
    replaced: int = 0
    attributed: int = 0  # sentences written without a citation, cited here by the fact they restate
    _buffer: str = ""
    _said: list[str] = field(default_factory=list)
    _facts_used: set[str] = field(default_factory=set)
    _named: set[str] = field(default_factory=set)  # places whose year a sentence said (`framing.framed`)

    def feed(self, piece: str) -> list[str]:
        self._buffer += piece
        done: list[str] = []
        while match := _COMPLETE.search(self._buffer):
            sentence, self._buffer = self._buffer[: match.end()], self._buffer[match.end() :]
            done += self._check(sentence)
        return done

    def finish(self, cut: bool = False) -> list[str]:
        """The last sentence, and the facts the answer left out (all of them when it said nothing else). When
        the model was `cut` short, an unfinished last sentence is dropped: it was never shown."""
        ended = re.search(rf"[。！？；!?;]{_MARKS}[”’」』）)]?\s*$", self._buffer)
        rest = self._check(self._buffer) if not cut or ended else []
        self._buffer = ""
        if not self.text.strip():
            self.sentences, self.replaced = max(self.sentences, 1), max(self.replaced, 1)
            self._said = [self.facts.text]
            return rest + [self.facts.text]
        cited = {int(n) for n in MARKER.findall(self.text)}
        for n, group in fact_sentences(self.facts).items():
            year = self.facts.passages[n - 1].year
            for sentence in group:
                if sentence in self._facts_used or n in cited and _kept(sentence, self.text, self.asks, year):
                    continue
                self.sentences += 1
                self.replaced += 1
                self._facts_used.add(sentence)
                self._said.append(sentence)
                rest.append(sentence)
        for verdict in derived(self.facts):
            if not any(_agrees(said, [verdict], self.places) for said in self._said):
                self.sentences += 1
                self.replaced += 1
                self._said.append(verdict)
                rest.append(verdict)
        return rest

    @property
    def text(self) -> str:
        return "".join(self._said)

    def _check(self, sentence: str) -> list[str]:
        text, cited, _ = kept_citations(sentence.strip(), len(self.facts.passages))
        text = _MARKS_AFTER.sub(r"\2\1", text)
        if not text:
            return []
        self.sentences += 1
        if REFUSAL in text:  # the facts answer: a refusal is replaced by them (at the end, if nothing else is said)
            self.replaced += 1
            return []
        if not _ENDS.search(text):  # a line the model ended without a full stop
            text = text.rstrip("，,、：:；; ") + "。"
        if _HOLLOW.search(MARKER.sub("", text)):  # "满意率是[1]。": it says nothing, and is dropped (counted)
            self.replaced += 1
            return []
        verdicts = derived(self.facts)  # a comparison asked: its verdict is the code's
        if verdicts and _COMPARES.search(to_simplified(text)):
            agrees = _agrees(text, verdicts, self.places)
            self.replaced += not agrees
            out = [text] if agrees and not cited else [] if agrees else [v for v in verdicts if v not in self._said]
            if out or not agrees:  # a verdict agreeing, uncited: it cites no passage, like the code's own
                self._said += out
                return out
        if not cited:
            cited = self._supported_by(text)
            self.attributed += bool(cited)
            text = _cite(text, cited) if cited else text
        if text in self._said:  # a model repeating itself
            self.sentences -= 1
            return []
        if cited and not self._holds(text, cited) and (sources := self._grounding(text)):
            text, cited = _cite(MARKER.sub("", text), sources), sources  # right, but cited wrongly: re-cited
            self.attributed += 1
        if cited and self._holds(text, cited):
            out = [framed(text, self.facts.passages[min(cited) - 1], self._named)]
        else:
            self.replaced += 1
            out = self._facts_for(cited)
        self._said += out
        return out

    def _holds(self, sentence: str, cited: set[int]) -> bool:
        """Every number in the passages cited and said of what they say it of, and no place named that they are
        not about."""
        grounds = [self.grounds(n) for n in sorted(cited)]
        if ungrounded_numbers(sentence, grounds) or not _bound(sentence, grounds):
            return False
        issuers = "".join(self.facts.passages[n - 1].issuer or "" for n in cited)
        simplified, grounded = to_simplified(sentence), to_simplified("".join(grounds) + issuers)
        return all(place in grounded for place in self.places if place in simplified)

    def _grounding(self, sentence: str) -> set[int]:
        """The facts' passages that ground a sentence citing the wrong ones ("广州…135项，成都…155项[1]"):
        for each number in it, the passages holding it; empty when a number is in none or no number is said."""
        numbers = NUMBER.findall(to_simplified(MARKER.sub("", sentence)))
        count = len(self.facts.passages)
        sources = {n for n in range(1, count + 1) if any(x in self.grounds(n) for x in numbers)}
        return sources if numbers and sources and self._holds(sentence, sources) else set()

    def _supported_by(self, sentence: str) -> set[int]:
        """The fact a sentence written without a citation restates best (its character bigrams)."""
        grams = bigrams(sentence)
        if not grams:
            return set()
        overlap = {n: len(grams & bigrams("".join(s))) / len(grams) for n, s in fact_sentences(self.facts).items()}
        best = max(overlap, key=overlap.get, default=None)
        return {best} if best is not None and overlap[best] >= 0.5 else set()

    def _facts_for(self, cited: set[int]) -> list[str]:
        """The facts' own sentences for a failing sentence: those citing what it cited, not said before."""
        by_source = fact_sentences(self.facts)
        chosen = [s for n in sorted(cited) for s in by_source.get(n, [])] if cited else []
        fresh = [s for s in dict.fromkeys(chosen) if s not in self._facts_used]
        self._facts_used.update(fresh)
        return fresh


_CLAUSE = re.compile(r"[，,；;。！？!?：:\n]")  # not 、: "分别赋予A、B31项、12项" pairs across it


def _bound(sentence: str, grounds: list[str]) -> bool:
    """Whether each figure a sentence gives is said of what the passages say it of. A model may pair a grounded
    number with a neighbour's thing ("共制定了122件地方法规" from "已制定法规148件，另外还修改地方法规122件次"):
    its clause then keeps much more of the passage clause of another figure of the same kind than of the clause
    of its own (character bigrams, figures aside). Years and other spans of time are dates, not things counted,
    and are not checked."""
    sources = [(c, extract_figures(c)) for g in grounds for c in _CLAUSE.split(to_simplified(g))]
    for clause in _CLAUSE.split(to_simplified(MARKER.sub("", sentence))):
        for figure in extract_figures(clause):
            if figure.unit_class in (None, "time"):
                continue
            own = [c for c, figures in sources if any(f.value == figure.value for f in figures)]
            own += [p for c in own for p in c.split("、") if figure.text in p]  # its item of a list, too
            others = [
                c
                for c, figures in sources
                if c not in own and any(f.unit_class == figure.unit_class and f.value != figure.value for f in figures)
            ]
            if own and others and _kept_of(clause, others) >= max(_BOUND, _kept_of(clause, own) + _MARGIN):
                return False
    return True


_MARGIN = 0.2  # how much more of another figure's clause it keeps: paraphrase moves a clause's words a little
_BOUND = 0.5  # and at least this share of it


def _kept_of(clause: str, sources: list[str]) -> float:
    """The largest share of a source clause's character bigrams (figures aside) the clause keeps."""
    grams = bigrams(NUMBER.sub("", clause))
    shares = [len(grams & b) / len(b) for b in (bigrams(NUMBER.sub("", c)) for c in sources) if b]
    return max(shares, default=0.0)


def _cite(sentence: str, cited: set[int]) -> str:
    """A sentence with its citation marks before its closing punctuation."""
    marks = "".join(f"[{n}]" for n in sorted(cited))
    body = sentence.rstrip()
    end = re.search(r"[。！？；!?;]+[”’」』）)]?$", body)
    return f"{body[: end.start()]}{marks}{body[end.start() :]}" if end else f"{body}{marks}"


def verified(pieces: Iterator[str], verifier: Verifier) -> Iterator[str]:
    """The checked sentences of a model's streamed answer, as each completes, then what `finish` adds. While a
    sentence is being written, an empty piece for each piece the model sent: a server answering a client that
    left can notice it between pieces (an answer can take a minute) and stop."""
    for piece in pieces:
        yield from verifier.feed(piece) or [""]
    yield from verifier.finish()
