"""The answer chain: question → what it asks → scoped passages → generated text → checked, cited answer.

Users paste answers into official documents, so after generation every citation is checked
against the passages actually given, every number in the answer is looked up in the passages it
cites, and the chain refuses with exactly `资料中没有相关信息` when the question's place or year has
no passage or the passages do not cover what it asks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import replace

from bot.answer.backends import AnswerBackend, make_backend
from bot.answer.checks import (
    answers_the_asked,
    attribute,
    coverage,
    kept_citations,
    names_every_thing,
    renumbered,
    said_of_year,
    ungrounded_numbers,
)
from bot.answer.facts import (
    UNSAID,
    Facts,
    chinese_date,
    gather,
    parts_joined,
    with_places_compared,
    with_the_claimed_placed,
    with_worked_out,
)
from bot.answer.framing import month_days_dated
from bot.answer.intent import (
    PLANNED_ASKED,
    SHARE_OF_ITS_CITY,
    Intent,
    Plan,
    Scope,
    asked_apart,
    asks,
    asks_a_part,
    find_scope,
    follow_up_apart,
    loosely,
    make_plan,
    of_the_plans_ahead,
    only_another_year,
    only_its_districts,
    place_names,
    places_apart,
    places_left,
    report_apart,
    report_years,
    role_asked,
    separate_parts,
    share_of_its_city_apart,
    standalone,
    targets,
    tidy,
    years_compared,
)
from bot.answer.llm import LLMError
from bot.answer.verify import Verifier, fact_sentences, verified
from bot.index.library import Library
from bot.index.search import Extras, years_by_body
from bot.ingest.dates import periods_dated, relative_dates
from bot.ingest.places import with_suffixes
from bot.ingest.structure import heading_role
from bot.models import REFUSAL, Answer, Citation, Filters, Passage
from bot.settings import Settings
from bot.text import MARKER, NUMBER, answer_sentences, in_script_of, to_simplified

__all__ = ["Answerer", "retrieve", "search_scoped", "ungrounded_numbers"]


def retrieve(
    library: Library, question: str, filters: Filters | None = None, k: int | None = None, default_k: int = 3
) -> tuple[Intent, Scope, list[Passage]]:
    """What the chain reads for a standalone question: what it asks, its scope, and the passages found within
    that scope with the extras its kind calls for; unless `k` is given, an enumeration (which spans chunks)
    gets two passages more than `default_k`.
    """
    intent, scope = Intent.of(question), find_scope(question, library.issuers())
    scope = replace(scope, years=report_years(scope.years, role_asked(question)))  # "2024年准备…": 2023's plans
    extras, where = search_extras(intent), targets(scope, filters)
    k = k or default_k + (2 if intent.list else 0)
    passages = library.scoped_search(question, where, scope.places, k, extras)
    parts = asks(question)
    if len(parts) > 1:  # each part finds its own too: one thing's passages can fill all k ("A和B各多少件")
        seen = {p.chunk_id for p in passages}
        for part in parts:  # "占全市比重多少": the city's count of the thing the first part asks
            query = f"全市{parts[0]}" if SHARE_OF_ITS_CITY.search(part) else part
            found = library.scoped_search(query, where, scope.places, _PER_PART, extras)
            passages += [p for p in found if p.chunk_id not in seen]
            seen |= {p.chunk_id for p in found}
    return intent, scope, passages


# A base's own figure right after it ("较去年的114件"): the year's, said as a year.
_ITS_FIGURE = re.compile(r"(?:同期|全年)?(?:的|为)\s*\d")  # "较去年的114件", "比去年全年的87.3%"
# A figure the extractive composer worked out of those it cites, said so: "（精简53支，据报告数字计算）".
_WORKED_OUT = re.compile(r"（[^（）]*据(?:报告数字|起止日期)计算）")

_PER_PART = 2  # passages each part of a question of several parts adds, when the whole question's lack them


def search_scoped(library: Library, question: str, k: int, filters: Filters | None = None) -> list[Passage]:
    """Search within the places and years a question names, read by the same plan `ask` uses ("花都区…" finds
    花都区's passages, not a look-alike district's); a caller's filters fill in what the question does not name.
    The plan's extras too: a question about a report itself finds its opening, one about its shortcomings
    the words they are written with."""
    plan = make_plan(question, library.issuers())
    scope = replace(plan.scope, years=report_years(plan.scope.years, plan.role))
    return library.scoped_search(question, targets(scope, filters), scope.places, k, search_extras(plan.intent))


def search_extras(intent: Intent) -> Extras:
    """What a question's kind adds to its search: a report's opening for a question about the report, the words
    shortcomings (or ranks) are written with for a question about them."""
    return Extras(tuple(intent.search_terms()), opening=intent.about_report)


# Kinds whose facts are the answer as they stand, so no model is asked to rewrite them:
# - a report's own items ("一是…；二是…"): a model rewriting them drops items (local, 207 gold questions: lists
#   0.38 and sections 0.42 keyword accuracy against 0.92 and 0.83 for the items themselves);
# - a comparison, its figures side by side and the verdict computed in code: the local model's sentences were
#   replaced by that verdict 0.60–0.79 of the time (it named the wrong one larger, or left out a figure or a
#   citation), so what it wrote was slower and never shown;
# - what a report says of itself (its issuer, year, date, source), one sentence from its own lines: the model
#   could only drop a part ("发文机关是谁？总结哪一年？" answered with the year alone; `report` 0.90 against 1.00).
COMPOSED = frozenset(
    {"outline", "section", "summary", "list", "comparison", "report", "mentions", "located", "catalogue"}
)


_QUOTE_OPENS = frozenset("“「‘\"'")


class Answerer:
    """Answers questions over a library with one backend (and the extractive one when it fails)."""

    def __init__(self, library: Library, llm: str | None = None, settings: Settings | None = None):
        self.library = library
        self.settings = settings or library.settings
        self.config = self.settings.answering
        self.backend = make_backend(llm or self.settings.llm, self.settings, self._idf)
        self._fallback: AnswerBackend | None = None

    def ask(
        self, question: str, history: list[dict] | None = None, filters: Filters | None = None, k: int | None = None
    ) -> Answer:
        *_, answer = self.stream(question, history, filters, k)
        return answer

    def stream(
        self, question: str, history: list[dict] | None = None, filters: Filters | None = None, k: int | None = None
    ) -> Iterator[str | Answer]:
        """Text pieces as they are checked, then the final `Answer` (always last)."""
        started = time.perf_counter()
        known = self.library.issuers(), years_by_body(self.library.store)
        base = {"question": question, "llm": self.backend.name}
        question, history = self._places_written_whole(question, history)
        full = base["standalone"] = share_of_its_city_apart(standalone(question.strip(), history, *known))
        plan = make_plan(full, self.library.issuers())
        timings: dict = {}
        if parts := asked_apart(full, self.library.issuers()) or report_apart(full, plan) or follow_up_apart(full):
            facts = self._each_part(parts, filters, k, base, timings, started)
        elif parts := places_apart(full, plan.scope):  # "思明区和湖里区哪个区…更多": each one's, then compared
            facts = with_places_compared(plan, self._each_part(parts, filters, k, base, timings, started))
        else:
            facts = self._facts(plan, filters, k, base, timings, started)
        if (facts is None or facts is UNSAID) and not parts and (parts := separate_parts(full)):
            facts = self._each_part(parts, filters, k, base, timings, started)  # what can be answered, is
        if (facts is None or facts is UNSAID) and (again := loosely(question.strip(), history, *known)) not in (
            None,
            full,
        ):  # "法律援助呢" after a count in 支: the thing asked in the conversation's place, its frame left
            full = base["standalone"] = again
            plan = make_plan(full, self.library.issuers())
            facts = self._facts(plan, filters, k, base, timings, started)
        if facts is not None and any(place in facts.text for place in places_left(question, history, known[0])):
            facts = None  # "那另一个区呢": not the place asked before, whichever the other is
        if facts is not None and facts is not UNSAID and _told_again(question, history, facts.text):
            facts = None  # "19年的呢" after 2018年度's score: the same figures again are no other year's
        if facts is None or facts is UNSAID:
            yield REFUSAL
            yield Answer(answer=REFUSAL, refused=True, timings=_total(timings, started), **base)
            return
        facts = with_the_claimed_placed(plan, with_worked_out(full, facts), self.library)
        yield from self._compose(plan, facts, base, timings, started)

    def _places_written_whole(self, question: str, history: list[dict] | None) -> tuple[str, list[dict] | None]:
        """The question and the asker's turns before it with the districts the reports name written as they write
        them ("湖里和思明" → 湖里区和思明区, `with_suffixes`): the places asked are then found."""
        gazetteers = self.library.gazetteers().values()
        turns = [
            {**turn, "content": with_suffixes(turn["content"], gazetteers)} if turn.get("role") == "user" else turn
            for turn in history or []
        ]
        return with_suffixes(question, gazetteers), turns if history is not None else None

    def _facts(
        self, plan: Plan, filters: Filters | None, k: int | None, base: dict, timings: dict, started: float
    ) -> Facts | None:
        """The facts of a plan: from the reports' structure where its kind is answered so, else from passages."""
        plan = of_the_plans_ahead(plan, years_by_body(self.library.store))
        facts = gather(plan, self.library, filters, self._idf())
        timings.setdefault("facts", time.perf_counter() - started)
        return facts if facts is not None else self._from_passages(plan, filters, k, base, timings, started)

    def _each_part(
        self, parts: list[str], filters: Filters | None, k: int | None, base: dict, timings: dict, started: float
    ) -> Facts | None:
        """Each part of a question asking different things of different places, answered as a question of its
        own (a part naming no place is of the parts before it: "…出庭应诉率各多少"), the answers joined."""
        issuers, years = self.library.issuers(), years_by_body(self.library.store)
        plans: list[Plan] = []
        history: list[dict] = []
        for part in parts:
            plans.append(make_plan(standalone(part, history, issuers, years), issuers))
            history += [{"role": "user", "content": part}, {"role": "assistant", "content": ""}]
        each = [self._facts(plan, filters, k, base, timings, started) for plan in plans]
        each = [None if facts is UNSAID else facts for facts in each]
        return parts_joined(parts, plans, each, self.library, filters)

    def _from_passages(
        self, plan: Plan, filters: Filters | None, k: int | None, base: dict, timings: dict, started: float
    ) -> Facts | None:
        """Facts for the kinds similar chunks answer (a figure, a date, a name): the passages' sentences that
        best answer, trimmed to their clauses and checked (numbers grounded, relative years said as years,
        the unit and thing asked), cited in order of first appearance. None when the passages do not say."""
        if only_its_districts(plan.scope, self.library.issuers()):
            return None  # "佛山市…" with only 佛山市南海区's report: the district's figures are not the city's
        if self._year_missing(plan):
            return None
        # the first passages not answering, deeper ones are read once: a sentence in a long opening's second
        # chunk ("在全省…营商环境评价中排名第九位") ranks below the plans' "排名进入全省前八"
        for depth in (k,) if k else (None, self.config.deeper_k):
            if facts := self._read(plan, filters, depth, base, timings, started, deeper=depth is not k):
                return facts
        return None

    def _read(
        self,
        plan: Plan,
        filters: Filters | None,
        k: int | None,
        base: dict,
        timings: dict,
        started: float,
        deeper: bool = False,
    ) -> Facts | None:
        """The facts `k` passages found give, checked; None when they do not answer. Passages found `deeper` must
        name each thing asked (`names_every_thing`), as they are more often of a neighbouring thing."""
        intent, scope, passages = retrieve(self.library, plan.question, filters, k, self.config.k)
        timings["retrieve"] = time.perf_counter() - started
        covered = coverage(plan.question, intent, scope, passages, self._idf())
        if not passages or covered < (self.config.min_coverage_figure if intent.figure else self.config.min_coverage):
            return None
        composer = self.backend if self.backend.name == "extractive" else self._extractive()
        composing = time.perf_counter()
        composed = "".join(composer.generate(plan.question, passages, intent))
        timings["generate"] = time.perf_counter() - composing
        checked = self.validate(composed, passages, base, {}, 0)
        cited = [c.text for c in checked.citations]
        if checked.refused or not answers_the_asked(plan, checked.answer, self._idf(), cited):
            return None
        if deeper and not names_every_thing(plan, checked.answer, self._idf()):
            return None
        if (year := self._unreported_year(plan)) and not said_of_year(plan, checked.answer, year):
            planned = PLANNED_ASKED.search(to_simplified(plan.question)) and all(
                heading_role(c.heading) == "plans" and c.year == year - 1 for c in checked.citations
            )
            if not planned:  # "汕头2022年…" with only its 2023 report: a 2023 figure is no answer; the 2024
                return None  # report's plans are 2025's ("江门2025年要争创第几批…")
        text, order = renumbered(checked.answer)
        # what the composer (code, not a model) worked out of the cited figures grounds as they do
        return Facts([passages[n - 1] for n in order], text, tuple(_WORKED_OUT.findall(text)))

    def _unreported_year(self, plan: Plan) -> int | None:
        """The one year a question asks of a place with no report of it (its plans aside: "2025年打算" is in the
        2024 report), or None: only a sentence saying that year's figure answers."""
        bodies, years = plan.scope.issuers or ["*"], plan.scope.years  # naming no place: any report of the year
        if len(years) != 1 or role_asked(plan.question) == "plans":
            return None
        return next(iter(self._unreported(years, bodies)), None)

    def _unreported(self, years: list[int], bodies: list[str]) -> list[int]:
        """The years none of the bodies has a report on."""
        reported = years_by_body(self.library.store)
        return [y for y in years if all(y not in reported.get(b, ()) for b in bodies)]

    def _year_missing(self, plan: Plan) -> bool:
        """Whether a year the question asks of has no report of the place asked ("肇庆2024年…比2023年多了多少"
        with only 肇庆's 2023 report: its 同比增长27.8% is 2023's change, no answer for 2024)."""
        compared, bodies = years_compared(plan.question), plan.scope.issuers
        if not compared or not bodies:  # most questions: no store read
            return False
        return bool(self._unreported(list(compared), bodies))

    def _compose(self, plan: Plan, facts: Facts, base: dict, timings: dict, started: float) -> Iterator[str | Answer]:
        """The answer from the facts: their own composition (`extractive`), or a model's, checked sentence by
        sentence as it streams (`verify.Verifier`); what fails is replaced by the facts, and counted."""
        if self.backend.name == "extractive" or plan.kind in COMPOSED:
            answer = self.validate(facts.text, facts.passages, base, timings, started, derived=facts.derived)
            yield answer.answer
            yield answer
            return
        places = place_names(self.library.issuers())
        figure = plan.intent.figure or plan.intent.rate or plan.kind == "comparison"
        asks = "rate" if plan.kind == "rate" else "figure" if figure else "time" if plan.intent.time else "other"
        verifier = Verifier(facts, lambda n: self._grounds(_citation(n, facts.passages[n - 1])), places, asks)
        error, incomplete, generating = None, False, time.perf_counter()
        try:
            pieces = self.backend.compose(plan.question, fact_sentences(facts), facts.passages)
            for sentence in verified(pieces, verifier):
                if sentence:  # the first checked sentence shown (an empty piece only says it is under way)
                    timings.setdefault("first_token", time.perf_counter() - started)
                yield in_script_of(_asked_in(base), sentence)
        except LLMError as exc:  # what was checked stays; the facts not yet said are added
            error = str(exc)
            yield from (in_script_of(_asked_in(base), sentence) for sentence in verifier.finish(cut=True))
            incomplete = verifier.sentences > verifier.replaced  # the model's answer, cut short and completed
            if not incomplete:
                base["llm"] = f"extractive (fallback: {self.backend.name} failed)"
        timings["generate"] = time.perf_counter() - generating
        answer = self.validate(
            verifier.text, facts.passages, base, timings, started, error, incomplete, derived=facts.derived
        )
        answer.attributed = bool(verifier.attributed)
        answer.verification = {"sentences": verifier.sentences, "replaced": verifier.replaced}
        yield answer

    def validate(
        self,
        text: str,
        passages: list[Passage],
        base: dict,
        timings: dict,
        started: float,
        error: str | None = None,
        incomplete: bool = False,
        derived: tuple[str, ...] = (),
    ) -> Answer:
        """Refusal detection, citation checking and the number check (`derived`: figures the facts computed from
        the cited rows, a sum, which ground as the rows do)."""
        text = text.strip()
        text = in_script_of(_asked_in(base), text)
        if not text or REFUSAL in text and not incomplete:
            return Answer(answer=REFUSAL, refused=True, error=error, timings=_total(timings, started), **base)
        text, cited, invalid = kept_citations(text, len(passages))
        text = self._dated(text, passages)
        attributed = False
        if not cited:  # small models answer right but forget to cite: cite what supports each sentence
            text, cited = attribute(text, passages)
            attributed = bool(cited)
        citations = [_citation(n, p) for n, p in enumerate(passages, 1) if n in cited]
        return Answer(
            answer=text,
            refused=False,
            citations=citations,
            flagged_numbers=ungrounded_numbers(text, [self._grounds(c) for c in citations] + list(derived)),
            invalid_citations=invalid,
            attributed=attributed,
            error=error,
            incomplete=incomplete,
            timings=_total(timings, started),
            **base,
        )

    def _dated(self, text: str, passages: list[Passage]) -> str:
        """Relative years (今年, 去年…) in a sentence said as the years they are in the report it cites: a 2017
        article's "今年5月" is 2017年5月 to a reader today, and its "近5年来" ends in 2017. A comparison's base (比上年,
        同比上年) is left as is, unless its figure follows ("较去年的114件")."""
        out = []
        for sentence in answer_sentences(text):
            cited = [int(n) for n in MARKER.findall(sentence) if 0 < int(n) <= len(passages)]
            report = self.library.report(passages[cited[0] - 1].doc) if cited else None
            if report is None or report.anchor_year is None:
                out.append(sentence)
                continue
            for date in reversed(relative_dates(sentence, report.anchor_year)):
                if sentence[date.start - 1 : date.start] in _QUOTE_OPENS:  # “今年”: the word asked about, quoted
                    continue
                base = re.search(r"(?:比|较|同比|高于|低于|多于|少于)$", sentence[: date.start])
                if not base or _ITS_FIGURE.match(sentence[date.end :]):  # "较去年的114件": 2023's figure, said so
                    said = f"{date.year}年度" if date.word.endswith("度") else f"{date.year}年"
                    sentence = sentence[: date.start] + said + sentence[date.end :]
            sentence = month_days_dated(sentence, passages[cited[0] - 1], report.anchor_year, report.published)
            out.append(periods_dated(sentence, report.anchor_year))
        return "".join(out)

    def _grounds(self, citation: Citation) -> str:
        """What a cited passage grounds: its text in context, and its report's own dates (the year it covers,
        its publication date written both ways), which an answer may state for 今年 or a report's date."""
        report = self.library.report(citation.doc)
        dates = ""
        if report is not None:
            published = f"{report.published} {chinese_date(report.published)}" if report.published else ""
            dates = f"\n{report.covered_year or ''}年 {report.anchor_year or ''}年 {published}"
            if report.anchor_year:  # "由上年的4%" is said "由2023年的4%" (`_dated`)
                dates += "".join(f" {d.year}年" for d in relative_dates(citation.text, report.anchor_year))
        return citation.in_context() + dates

    def _extractive(self) -> AnswerBackend:
        if self._fallback is None:
            self._fallback = make_backend("extractive", self.settings, self._idf)
        return self._fallback

    def _idf(self):
        """The index's idf as it is now (the keyword index is rebuilt when the reports change)."""
        return self.library.keyword_index().idf


def _citation(n: int, passage: Passage) -> Citation:
    return Citation(n, passage.doc, passage.title, passage.heading, passage.text, passage.issuer, passage.year)


def _asked_in(base: dict) -> str:
    """The words the asker wrote of a question, whose script the answer is in: a sentence pasted from a report
    before it ("（五）發揮行政複議主渠道作用…。 肇庆复议申请收了多少") is not theirs."""
    return tidy(base["question"])


def _told_again(question: str, history: list[dict] | None, text: str) -> bool:
    """Whether a follow-up would be told nothing new: asking only of another year ("19年的呢"), the figures of the
    answer before it again, all and only them (a sentence answering both years would say both years' figures);
    asking a part of a count told before ("其中农民工的有多少"), only figures told before and that the report does
    not say the part ("…报告未载明农民工"): no answer to what was asked, which is refused."""
    if not history:
        return False
    answers = [_figures(turn["content"]) for turn in history if turn.get("role") == "assistant"]
    again = _figures(text)
    if only_another_year(question):
        return bool(again) and bool(answers) and answers[-1] == again
    told = bool(again) and again <= set().union(*answers)
    return told and asks_a_part(question) and _NOT_GIVEN.search(text) is not None


def _figures(text: str) -> set[str]:
    return set(NUMBER.findall(re.sub(r"\[\d+\]", "", text)))


_NOT_GIVEN = re.compile(r"报告未载明")  # the facts' note that a report does not give a thing asked


def _total(timings: dict, started: float) -> dict:
    return {**{k: round(v, 4) for k, v in timings.items()}, "total": round(time.perf_counter() - started, 4)}
