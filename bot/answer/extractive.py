"""The `extractive` backend: no model; the passages' sentences that best answer the question, trimmed to
their key clauses, each with its citation. Deterministic and instant, and the fallback when a model fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from bot.answer.arithmetic import (
    apart_asked,
    arithmetic_asked,
    change_asked_of_ends,
    change_between,
    days_said,
    first_dated,
    from_to,
    left_worked_out,
    rank_the_year_before,
    series_start,
)
from bot.answer.checks import (
    CHANGE_SAID,
    CHANGE_WORDS,
    asked_nouns,
    changes_of_the_asked,
    confirmation,
    counted_elsewhere,
    counted_together,
    counts_asked_in,
    counts_standing_or_added,
    kind_listed,
    mentions,
    names_the_thing,
    no_stand_in,
    of_another_act,
    paired_asked,
    rarest,
    running_total,
)
from bot.answer.framing import framed, paragraph_before, part_of, year_of
from bot.answer.intent import (
    CASE_ACTS,
    FIRST_SAID,
    GRADE_ASKED,
    LEFT_SAID,
    PART_OF,
    RANK_BEFORE_ASKED,
    SHARE_OF_ITS_CITY,
    SPEAKER_AFTER,
    SPEAKER_ASKED,
    TREND_ASKED,
    YEAR_NAMED,
    YEAR_PART,
    YEAR_PART_ASKED,
    Intent,
    act_counted,
    acts_asked,
    asked_of,
    asks,
    case_acts,
    change_asked,
    confirm_asked,
    counting_acts,
    done_asked,
    find_scope,
    left_asked,
    level_claimed,
    listed_thing,
    measure,
    names_a_thing,
    part_act,
    part_acts,
    part_first_asked,
    part_of_year,
    place_of_what,
    rates_named,
    role_asked,
    says,
    short_name,
    speaker_said,
    stands_in_for,
    subject_of,
    things_listed,
    unit_asked,
    years_named,
)
from bot.ingest.dates import PERIOD, RELATIVE, clause_years
from bot.ingest.figures import COUNT_CLASSES, SHARE_OF_BEFORE, UNIT_CLASSES, antecedents, counts_for, extract_figures
from bot.ingest.places import asks_its_city, is_local, of_its_city, places_in, stem
from bot.ingest.structure import heading_role
from bot.models import REFUSAL, Passage
from bot.text import (
    CITATION,
    CJK,
    DATE_WORDS,
    NUMBER,
    NUMERALS,
    ORDINAL,
    RATE,
    TITLE,
    bigrams,
    sentence_holding,
    simplified_in_place,
    split_sentences,
    tagged,
    to_simplified,
    tokenize,
)

# The way these reports enumerate: "一是…。二是…。"
_LABEL = re.compile(rf"^[{NUMERALS}]+是")  # an item's label, which reads wrongly outside its list
_ITEM = re.compile(rf"([{NUMERALS}])是([^。；;]{{2,60}})[。；;]")


class Extractive:
    """No model: the passages' sentences that best cover the question, each with its citation."""

    name = "extractive"

    def __init__(self, idf: Callable[[], Callable[[str], float]], max_sentences: int = 2):
        self._idf = idf  # the index's idf now (the reports change)
        self.max_sentences = max_sentences

    def generate(self, question: str, passages: list[Passage], intent: Intent) -> Iterator[str]:
        idf = self._idf()
        asked = TREND_ASKED.sub("", to_simplified(question))  # which way it went: said by the change, not these words
        rates = rates_named(asked)  # "…纠错率是9.2%吗": the rate named measures as "…的点击量是多少" does
        measured = measure(question) or (next(iter(rates)) if len(rates) == 1 else None)
        wants_number, unit = intent.figure, unit_asked(asked, intent)
        norms = role_asked(asked) != "plans"  # a target set for next year is a bound ("走访企业不少于500家次")
        # a change asked: a sentence holding one answers, not a count; "精简了百分之几" asks one, said by its ends
        changed = _changed(asked, passages)
        # every sentence is its place's; "几个百分点" is no word of the thing: its tokens (百分, 分点, 百分点) had
        # outweighed the thing's words, and any change of a rate says them
        unasked = re.sub(r"(?:多少|几)个?百分点|第?几[批届期]", "", asked)  # nor 第 of "第几批", which any batch
        # says ("…省级第二批改革试点" for "广州是第几批试点"); a rank's ("排第几") is its clause's
        terms = _content(set(tokenize(unasked)), passages)
        done, scored, seen = done_asked(question, intent), [], set()
        # what was done: not next year's tasks
        planned = {n for n, p in enumerate(passages, 1) if done and heading_role(p.heading) == "plans"}
        # next year's asked ("打算把…扩大到多少项"): not what was done this year
        planning = role_asked(question) == "plans" and "了" not in question  # not "…工作安排明确了多少项任务"
        unplanned = {n for n, p in enumerate(passages, 1) if planning and heading_role(p.heading) != "plans"}
        dated = intent.time and not wants_number  # a date asked (a duration, "多久", is a figure asked)
        kind = kind_listed(question)  # "哪些立法项目": sentences saying 立法, or under a label saying it
        batch_of = _places_asked(question) if intent.ordinal and not intent.rank else []  # "广州是第几批": 广州
        for n, passage in enumerate(passages, 1):
            for sentence, label in _with_labels(passage.text):
                simplified = to_simplified(sentence)
                if simplified in seen or _PAGE_LINE.search(simplified):  # overlapping chunks repeat sentences; a
                    continue  # page's date-and-source line says nothing of its subject
                seen.add(simplified)
                if kind and kind not in simplified and kind not in label:
                    continue
                score = sum(idf(t) for t in terms if says(simplified, t))
                # the kind a list asks, said by the label of the paragraph a sentence is in, is said by it
                score += sum(idf(t) for t in terms if t in kind and says(label, t) and not says(simplified, t))
                if wants_number and _holds_figure(sentence, intent, unit, asked, changed, rates, norms):
                    score *= 1.2 * (_MEASURED if measured and measured in simplified else 1)
                    score *= _PART if _counts_a_part(simplified, terms, idf, question) else 1
                elif wants_number and (unit or changed or intent.rate):  # a count in 件, a change, a rate: none held
                    score *= _NO_COUNT
                elif dated and not _WHEN.search(simplified):  # "…清单什么时候施行": not its plans' "扩展至20个领域"
                    score *= _UNDATED
                score *= _PLANNED if n in planned or n in unplanned else 1
                counting = wants_number and not (intent.rank or intent.ordinal)  # a place in an order is no count
                score *= _NO_COUNT if batch_of and _ordinal_of_others(simplified, batch_of) else 1
                score *= _NO_COUNT if counting and _counts_another(simplified, asked) else 1
                by_act = counting and not intent.rate and _counts_by_another_act(simplified, question, passage)
                score *= _NO_COUNT if by_act else 1
                score *= _OTHER_LEVEL if wants_number and _not_the_asked_level(sentence, passage, question) else 1
                score *= _of_the_year(sentence, passage, question)
                scored.append((score / (1 + 0.05 * (n - 1)), n, sentence.strip()))
        if part_first_asked(question):  # "哪个区县…最多": only a sentence ranking one says which
            scored = [item for item in scored if FIRST_SAID.search(to_simplified(item[2]))]
        if thing := place_of_what(question):  # "…在哪个城市？": only a sentence saying the thing says where
            scored = [item for item in scored if _says(thing, item[2], passages[item[1] - 1], idf)]
        if owners := _reports_holding_stated(question, passages):  # "1124件复议申请里面受理了几件": 南海's
            scored = [item for item in scored if passages[item[1] - 1].issuer in owners]
        if unplanned and any(n not in unplanned and s > 0 for s, n, _ in scored):  # next year's asked, and the
            scored = [x for x in scored if x[1] not in unplanned]  # plans say something of it: theirs only
        if not scored or max(s for s, _, _ in scored) <= 0:
            yield REFUSAL
            return
        best = max(s for s, _, _ in scored)
        parts = asks(question)
        if len(parts) > 1 and len({p.issuer for p in passages}) == 1:  # "…多少？比上年增长多少？": each part
            done_in = [x for x in scored if x[1] not in planned]
            yield from self._each_ask(parts, passages, done_in, idf, question)  # of the year: not next year's
            return
        if intent.list and not wants_number:
            _, n, sentence = max(scored, key=lambda x: x[0])
            items = _enumeration(passages, n, sentence)
            if len(items) >= 2:
                yield "；".join(f"{marker}是{text}[{n}]" for marker, text, n in items) + "。"
                return
        by_year = len(years_named(question)) > 1  # "2017年和2024年广州…": one place's two reports are two answers
        reports_needed = {_whose(p, by_year) for p in passages}
        # "行政处罚、行政许可、行政检查分别办了多少": a sentence for each thing, if need be
        most = max(self.max_sentences, things_listed(question) if intent.each else 0)
        near = 0.75 if most == self.max_sentences else 0.3  # of the best: each thing's own sentence says less of all
        chosen: list[tuple[float, int, str]] = []
        for item in sorted(scored, key=lambda x: -x[0]):
            new_report = _whose(passages[item[1] - 1], by_year) not in {
                _whose(passages[c[1] - 1], by_year) for c in chosen
            }
            if item[0] >= near * best and len(chosen) < most or new_report and item[0] >= 0.3 * best:
                chosen.append(item)
            if len(chosen) >= max(most, len(reports_needed)):
                break
        if wants_number and not intent.each:
            chosen = _beside_the_figure(chosen, passages, terms, intent, question, idf)
            # a district's figure said, its city's beside it goes ("全市…1203件，同比上升9.6%" before "我区…148件")
            own = [c for c in chosen if not _not_the_asked_level(c[2], passages[c[1] - 1], question)]
            chosen = own or chosen
        chosen = _counting_as_asked(chosen, question) if wants_number and not intent.each else chosen
        chosen = _with_the_rate_judged(chosen, scored, question)
        chosen = _without_others_changes(chosen, question, passages, idf)
        chosen = _without_other_rates(chosen, question)
        lines = self._said(question, chosen, passages, terms, idf, intent)
        yield from [verdict] if (verdict := confirmation(question, "".join(lines), idf)) else []
        yield from lines
        yield from [unsaid] if (unsaid := _way_unsaid(question, "".join(lines))) else []

    def _said(
        self, question: str, chosen: list[tuple[float, int, str]], passages: list[Passage], terms, idf, intent: Intent
    ) -> list[str]:
        """The chosen sentences in reading order, each trimmed to its answering clauses and cited, once each."""
        said: list[tuple[int, str]] = []  # (passage n, the clauses kept)
        speaker = SPEAKER_ASKED.search(to_simplified(question))  # "“…”是谁说的": each quotation with who said it
        content, act, changed = _content(terms, passages), _marked(question), _changed(question, passages)
        nouns = asked_nouns(question, idf, _places(passages))  # what a headline must name (`_with_its_headline`)
        for _, n, sentence in sorted(chosen, key=lambda x: (x[1], passages[x[1] - 1].text.find(x[2]))):
            marked = _left_said(sentence, question) or act
            core = self._core(sentence, content, idf, intent, marked, True, changed, _unit_of(question), question)
            core = _with_the_first_said(_trimmed(_lifted(core, sentence)), sentence, question)
            core = _with_the_asked_level(core, sentence, passages[n - 1], question) if intent.figure else core
            core = _with_the_place_asked(core, sentence, question, passages[n - 1])
            core = _with_its_speaker(core, sentence, passages[n - 1]) if speaker else core
            core = _with_its_headline(core, sentence, passages[n - 1], nouns)
            if _ONLY_WHEN.fullmatch(to_simplified(core).strip(" ，,。；;：:")):
                continue  # "今年上半年，" cut from a sentence on another thing says nothing
            again = next((i for i, (_, earlier) in enumerate(said) if _repeats(core, earlier)), None)
            if again is None:
                said.append((n, core))
            elif len(core) >= 2 * len(said[again][1]):  # "加强重点领域、新兴领域立法", then what it was: that
                said[again] = (n, core)
        named: set[str] = set()
        lines = []
        for n, core in said:
            note = counted_together(core, question) or _other_act(core, question, passages[n - 1].text)
            note = note or running_total(core, question) or paired_asked(core, question) or days_said(core, question)
            note = note or _unit_elsewhere(core, question, intent, idf, _places(passages))
            note = note or left_worked_out(core, question)  # "没按期办结的有多少件": the whole less those done
            note = note if intent.figure and not intent.each else ""
            note = note or change_between(core, question)  # "减少了百分之几" (a rate asked) too
            note = note or rank_the_year_before(core, question)  # "上一年排第几": from "…较上年前移三位"
            note = note or first_dated(core, question)  # "哪个先施行": of the dates said
            lines.append(f"{framed(_quotes_closed(core), passages[n - 1], named)}{note}[{n}]。")
        return lines

    def _each_ask(
        self, parts: list[str], passages: list[Passage], scored: list[tuple[float, int, str]], idf, question: str
    ) -> Iterator[str]:
        """A question of several parts about one report: for each part, the sentence that best answers it,
        trimmed to the clauses about that part (of the level asked: a district's, not its city's figure beside
        it); a sentence answering two parts is said once."""
        said: list[tuple[int, str, str]] = []  # (passage n, source sentence, the clauses kept)
        unsaid: list[str] = []  # parts no sentence answers
        for i, part in enumerate(parts):
            if said and arithmetic_asked(part) == "share" and (stated := _share_stated(*said[-1][1:])):
                said[-1] = (said[-1][0], said[-1][1], f"{said[-1][2]}，{stated}")  # "…398件，占审结案件总数的26.3%"
                continue
            if said and arithmetic_asked(part) == "share" and _STATES_A_SHARE.search(to_simplified(said[-1][2])):
                continue  # "…申请量约占全市（惠州市）…的17%": the share is the report's own, said already
            if said and arithmetic_asked(part) == "share" and SHARE_OF_ITS_CITY.search(to_simplified(part)):
                stating = [  # "…收到多少件，占全市比重多少": "全区…申请量约占全市（惠州市）…总量2860件的17%" says it
                    (n, x)
                    for _, n, x in scored
                    if _STATES_A_SHARE.search(to_simplified(x))
                    and self._answers_part(parts[0], parts[0], x, passages, idf)
                ]
                if stating:
                    said.append((stating[0][0], stating[0][1], _trimmed(stating[0][1].strip().rstrip("。"))))
                    continue
            if said and (arithmetic_asked(part) in ("share", "sum") or apart_asked(part)):  # "占比多少", "相差多少":
                # worked out of the figures said
                if citys := _its_citys(said[-1][2], part, passages[said[-1][0] - 1], passages):  # "占全市比重多少"
                    said.append((citys[0], citys[1], citys[1]))
                unsaid.append(part)  # (`with_worked_out`), not answered by a sentence's own "同比增长6.4%"
                continue
            if said and _year_befores_asked(part, parts[0]):  # "上年是多少件？": the first part's sentence
                n, sentence, core = said[-1]  # says it beside the year's ("…138件，较去年的114件增加24件")
                first = _content(set(tokenize(to_simplified(parts[0]))), passages)
                before = _trimmed(
                    _lifted(self._core(sentence, first, idf, Intent.of(parts[0]), None, changed=True), sentence)
                )
                if (
                    len(NUMBER.findall(before)) > len(NUMBER.findall(core))
                    or len(before) > len(core)
                    and rank_the_year_before(before, part)
                ):  # "去年排第几": "…排名第二，较上年前移三位"
                    said[-1] = (n, sentence, before)
                    continue
            if said and _LAST_YEAR.search(part) and (worked := change_between(said[-1][2], part)):
                # "比上年提高了多少": worked out of the two years' values said for the part before
                said[-1] = (said[-1][0], said[-1][1], f"{said[-1][2]}{worked}")
                continue
            terms = _content(set(tokenize(to_simplified(part))), passages)  # its place names no sentence better
            if not terms:  # "…几部地方性法规，主要是哪些": of the thing before it, whose sentence is said
                continue
            asked = Intent.of(part)
            ranked = sorted(
                (
                    (
                        sum(idf(t) for t in terms if t in to_simplified(x))
                        * _weight(x, terms, idf, part)
                        * (_OTHER_LEVEL if asked.figure and _not_the_asked_level(x, passages[n - 1], question) else 1)
                        * (_NO_COUNT if asked.figure and _counts_by_another_act(x, part, passages[n - 1]) else 1)
                        * _of_the_year(x, passages[n - 1], question),
                        n,
                        x,
                    )
                    for _, n, x in scored
                ),
                key=lambda x: -x[0],
            )
            if asked.figure or change_asked(part) or GRADE_ASKED.search(part):  # its figure, change or grade, of the
                # thing it (or the first) names: "2024年提高了吗" is not answered by "进一步提高全民安全意识"
                ranked = [r for r in ranked if self._answers_part(part, asked_of(parts, i), r[2], passages, idf)]
                ranked = _the_sentence_told_first(ranked, said, terms)
            if not ranked or ranked[0][0] <= 0:
                unsaid.append(part)
                continue
            each_acts = counting_acts(part) if asked.each else []  # "受理、审结各多少件" too
            for _, n, sentence in _each_acts_sentences(each_acts, ranked):
                core = self._core(sentence, terms, idf, asked, _marked(part), unit=_unit_of(part), asked=part)
                core = _trimmed(_lifted(core, sentence))
                core = _with_the_asked_level(core, sentence, passages[n - 1], question) if asked.figure else core
                if any(core in earlier for _, _, earlier in said):
                    if i and part.startswith("其中") and len(NUMBER.findall(core)) == 1:  # "其中人大建议多少件"
                        unsaid.append(part)  # after both's 1407件: the whole's one figure is no part's
                    continue
                # a later sentence holding every figure of an earlier one says it too: keep the later one only
                said = [x for x in said if not set(NUMBER.findall(x[2]) or [""]) <= set(NUMBER.findall(core))]
                said.append((n, sentence, core))
        named: set[str] = set()
        for run in _runs(said):
            n, core = run[0][0], _joined([_quotes_closed(c) for _, _, c in run])
            note = counted_together(core, question) or rank_the_year_before(core, question)  # "其中废止了多少": 修改、
            yield f"{framed(core, passages[n - 1], named)}{note}[{n}]。"  # 废止255件 is both acts' count
        if said:  # a part the report does not answer is said so, not answered with another thing's figure
            yield "".join(f"报告未载明{subject}。" for part in unsaid if (subject := subject_of(part)))

    @staticmethod
    def _answers_part(part: str, first: str, sentence: str, passages: list[Passage], idf) -> bool:
        """Whether a sentence can answer a part asking a figure: it holds one (not a date), names the rate the
        part names, and names the thing the part names ("同比增长多少？" names none: the first part's thing, so
        行政复议申请's growth does not answer for 法律援助案件)."""
        places = _places(passages)
        own = asked_nouns(part, idf, places) or names_a_thing(part)
        rates = rates_named(part) or (set() if own else rates_named(first))  # "比上年变化多少" of the 败诉率 asked
        thing = part if own else f"{first}{part}"
        # the thing is named anywhere in the whole sentence: "…收到行政复议申请1124件…；…纠错率9.6%。" is one; the
        # first part's, before it in its paragraph too ("…收到行政复议申请…。纠错率百分之九点二，直接纠错145件")
        whole = _whole(sentence, passages) if own else _paragraph_up_to(_whole(sentence, passages), passages)
        simplified = to_simplified(sentence)
        if own and _OPENS_WITH_ACT.match(simplified):  # "审结126件，其中…": of the sentence before's
            whole = _paragraph_up_to(whole, passages)
        asked = Intent.of(part)
        # "主动撤回多少件": a withdrawal; "纠错和调解和解各多少": one of them, the others' sentences said beside it
        # (`_each_acts_sentences`)
        acts = [act in simplified for act in part_acts(part)]
        # a part of the count before it ("其中律师有多少" of 人才库's 620名) is in a paragraph naming that count's
        # thing: "全市党政机关公职律师412名" is no part of it
        of_the_whole = own and part.startswith("其中")
        kind = _KIND_OF_PART.match(to_simplified(part))  # "其中企业多少户": a generic word, the part's own thing
        return bool(
            (asked.figure_in(sentence) or ORDINAL.search(sentence))  # a year is no figure asked
            and (not kind or kind.group(1) in simplified)  # 经营主体8436户 has no 企业's count
            and (not rates or any(rate in simplified for rate in rates))
            and (not asked.rate or RATE.search(sentence))  # "占全区律师比例多少": a share, not 68名
            and (not acts or (any if asked.each else all)(acts))
            and counts_asked_in(part, sentence)  # "调解成功多少宗": not the 宗 received beside a 成功率
            and names_the_thing(thing, whole, idf, places)
            and (
                not of_the_whole
                or names_the_thing(first, _paragraph_up_to(_whole(sentence, passages), passages), idf, places)
            )
        )

    def _core(
        self,
        sentence: str,
        terms: set[str],
        idf: Callable[[str], float],
        intent: Intent,
        act: str | None = None,
        items: bool = False,
        changed: bool = False,
        unit: str | None = None,
        asked: str = "",
    ) -> str:
        """The clauses of a sentence that carry the answer, in their order: a drafter pastes the answer, not
        the report's paragraph.

        The clause saying most of the question is kept. When the question asks a figure or a date (`slot`),
        the answer is the part the question does not say: the nearest clause holding one is kept too, and so
        is any other clause holding one that says a part of the question not yet covered ("A和B分别下降多少").
        Otherwise a short sentence is kept whole, and of a long one the neighbouring clauses that say
        something of the question, up to three. `act` marks the clause that answers (`_marked`); with `items`
        (a question of one part), a kept list of figures is cut to the items the question names; `changed`
        (a change asked), the change said is kept ("比2023年多收到多少件": "同比增长35.6%（上年为990件）"); `unit`
        (a count asked in it), of clauses saying as much of the question the one with a figure in it answers
        ("培训了多少执法人员": "培训执法人员2650人次", not "组织执法人员培训班14期"); `asked`, the question, whose
        count a clause counting another way does not hold ("现在一共几个": not "新设立…4个",
        `checks.counts_standing_or_added`).
        """
        clauses = [c for c in re.split(r"(?<=[，；：])", sentence) if c]
        if len(clauses) < 2:
            return sentence
        found = [{t for t in terms if says(to_simplified(c), t)} for c in clauses]

        def weight(words: set[str]) -> float:
            return sum(idf(t) for t in words)

        scores = [weight(f) for f in found]
        best = max(range(len(clauses)), key=lambda i: scores[i])
        slot = _slot(intent)
        acted = [i for i, c in enumerate(clauses) if act and act in to_simplified(c) and slot and slot.search(c)]
        if acted and best not in acted:  # "成功了多少宗": the clause counting that act ("成功调解14155宗")
            best = max(acted, key=lambda i: scores[i])
        listing = [i for i, c in enumerate(clauses) if act and act in to_simplified(c) and "、" in c]
        if slot is None and intent.list and listing and best not in listing:  # "哪些程序": the clause listing them
            best = max(listing, key=lambda i: scores[i])
        if slot is None:
            if len(sentence) <= 60 or len(clauses) < 3:  # short enough to read whole: the answer is in it
                return sentence
            span, went = _span(scores, best), intent.how_it_went
            end = span.stop  # "…怎么样": "组织…学法考试活动，参加率、及格率达到100%" — the rates right after say how
            while (
                went and end < len(clauses) and end - span.start < 4 and _LEVEL_SAID.search(to_simplified(clauses[end]))
            ):
                end += 1
            return "".join(clauses[span.start : end]).rstrip("：，；")
        # a figure asked: a clause's date is none ("…2022年度…考评中获评优秀等次，连续3年获评优秀": the 3年 answers)
        bare = [DATE_WORDS.sub("", c) if intent.figure and not intent.time else c for c in clauses]
        holds = [bool(slot.search(b) or intent.figure and _counted(b)) for b in bare]  # 二千三百余场 too
        narrowed = asked and not intent.each  # "受理和成功调解的…各有多少宗": each act's clause holds its own
        as_asked = [
            h and (not narrowed or counts_standing_or_added(asked, c)) for h, c in zip(holds, clauses, strict=True)
        ]
        holds = as_asked if any(as_asked) else holds
        best = _unnarrowed(clauses, scores, _in_the_unit(bare, scores, best, unit), holds, terms)
        kept = _answering(clauses, found, best, holds, intent, idf, changed)
        kept |= {start - 1 for i in kept if (start := series_start(clauses, i))}  # "复议案件数量…，2024年为1586件"
        kept |= _year_asked_in_series(clauses, kept, terms)  # "出庭应诉率2022年为93.4%，2023年为98.2%": 2023 asked
        if changed and (ends := from_to(sentence)):  # "2022年为93.4%，2023年为98.2%": both ends, to work it out
            first, last, _ = ends
            said = (to_simplified(first.text), to_simplified(last.text))
            kept |= {i for i, c in enumerate(clauses) if any(x in to_simplified(c) for x in said)}
        pick = _items_asked if items else lambda clause, _: clause  # one question: the items it names, of a list
        kept |= _time_frame(clauses, kept) | _year_just_before(clauses, kept)
        return "".join(pick(clauses[i], terms) for i in sorted(kept)).rstrip("：，；")


# A change asked against the year before ("比上年提高了多少", "同比增长多少"), and that year's value asked as a part of
# its own ("上年是多少件？", "去年呢？").
_YEAR_BEFORE = "(?:上一?年|去年|前一年)"
_LAST_YEAR = re.compile(rf"{_YEAR_BEFORE}|同比")
_YEAR_BEFORES_ASKED = re.compile(rf"(?:那)?{_YEAR_BEFORE}度?(?:的|呢|是|为|有)*(?:多少|几|[？?]|$)")
_YEAR_BEFORE_LEAD = re.compile(rf"(?:那)?{_YEAR_BEFORE}度?的?")


def _year_befores_asked(part: str, first: str) -> bool:
    """Whether a part asks the year before's value of what the first part asked: "上年是多少件？", or by the rate the
    first named ("…败诉率多少？上一年的败诉率是多少？")."""
    text = to_simplified(part)
    if _YEAR_BEFORES_ASKED.match(text) or RANK_BEFORE_ASKED.match(text):  # "上年是多少件？", "去年排第几？"
        return True
    lead = _YEAR_BEFORE_LEAD.match(text)
    rates = rates_named(text[lead.end() :]) if lead else set()
    return bool(rates) and rates <= rates_named(first)


def _year_asked_in_series(clauses: list[str], kept: set[int], terms: set[str]) -> set[int]:
    """The clauses giving a year's value that the question names ("2023年为98.2%"), in the run of years' values
    a kept clause is in or starts ("出庭应诉率2022年为93.4%，2023年为98.2%"): the first year's clause names the
    measure and scores best, but the year asked is the answer."""
    years = {t for t in terms if YEAR_NAMED.fullmatch(f"{t}年")}
    starts = {i: start for i in range(len(clauses)) if years and (start := series_start(clauses, i)) is not None}
    return {
        i
        for i, start in starts.items()
        if any(f"{y}年" in to_simplified(clauses[i]) for y in years)
        and any(k == start - 1 or starts.get(k) == start for k in kept)  # the run the kept clause is in or names
    }


def _answering(
    clauses: list[str], found: list[set[str]], best: int, holds: list[bool], intent: Intent, idf, changed: bool
) -> set[int]:
    """The clauses answering a figure or date asked, by index: the best clause; the one holding a figure or date
    that says most of the question (a date leading the act asked, for a time); any other holding one that says a
    part not yet covered; the clause just before naming what the figure is of; the change, for which way it
    went or how much it changed; a period's other end; and the clauses a kept one refers back to."""

    def weight(words: set[str]) -> float:
        return sum(idf(t) for t in words)

    scores = [weight(f) for f in found]
    kept, covered = {best}, set(found[best])
    if not holds[best] and intent.time and not intent.figure and any(holds[:best]):
        # a date leading what the question asks governs it ("2003年起，…都将法规草案…公布，2008年开始还…"):
        # the nearest before, not a later clause's date of another act
        figure = max(i for i in range(best) if holds[i])
        kept.add(figure)
        covered = set(found[figure])
    elif not holds[best] and any(holds):  # the clause holding one that says most of the question, else the nearest
        figure = max((i for i in range(len(clauses)) if holds[i]), key=lambda i: (scores[i], -abs(i - best), i > best))
        kept.add(figure)
        covered = set(found[figure])
    # "维持、驳回和纠错各多少件": a rate's clause ("纠错率8.5%") counts none of them
    counts_each = intent.each and not intent.rate
    dates_each = intent.each and intent.time and not intent.figure  # "哪两部…施行了，各自什么时候": each one's date,
    for i in sorted(range(len(clauses)), key=lambda i: -scores[i]):  # though its clause says no other word asked
        gain = weight(found[i] - covered)
        if holds[i] and (gain > 0 or dates_each and found[i]) and (intent.each or gain >= _WIDEN * scores[best]):
            if counts_each and _a_rate_only(clauses[i]):
                continue
            kept.add(i)
            covered |= found[i]
    first = min(kept)  # the clause just before naming what the figure is of ("做大做强广州数据交易所，累计交易额…")
    if first and not holds[first - 1] and weight(found[first - 1] - covered) >= _WIDEN * scores[best]:
        kept.add(first - 1)
        covered |= found[first - 1]
    changes = [i for i, c in enumerate(clauses) if _CHANGE_SAID.search(to_simplified(c))]  # 增長 too
    way = set()  # which way it went: the nearest change said, whatever else the answer says
    if (intent.trend or changed) and changes and not kept & set(changes):
        way = {min(changes, key=lambda i: (abs(i - best), i < best))}
    if intent.span:  # a period: the dates next to one kept are its other end ("从1986年…，到2016年…")
        kept |= {j for i in kept if holds[i] for j in (i - 1, i + 1) if 0 <= j < len(clauses) and holds[j]}
    kept |= {i + 1 for i in kept if i + 1 < len(clauses) and _same_count(clauses[i], clauses[i + 1])}
    said = set().union(*(found[i] for i in kept if holds[i]))
    kept = {i for i in kept if holds[i] or not found[i] <= said} | way  # a clause the answer's own clauses say again
    kept |= {j for i in kept for j in antecedents(clauses, i)}  # "其中…", "…均达100%": of what, before it
    return kept


_SHORT_REST = 6  # what a clause counting the same thing again says besides the count: "获评三等奖"
_COUNT_OF_A_THING = re.compile(rf"{NUMBER.pattern}\s*([个件项名家宗])([{CJK}]{{2}})")  # "2个项目": unit, thing


def _same_count(clause: str, after: str) -> bool:
    """Whether the clause after one is short and counts the same thing in the same unit ("1个项目获评…二等奖，2个
    项目获评三等奖"): the two are one answer, and the second is not left out. Not a clause of its own thing
    ("21个市级部门实现行政处罚…，35个市级部门实现行政许可…")."""
    first, second = _COUNT_OF_A_THING.search(to_simplified(clause)), _COUNT_OF_A_THING.search(to_simplified(after))
    if not (first and second and first.groups()[-2:] == second.groups()[-2:]):
        return False
    return len(to_simplified(after).replace(second.group(0), "").strip("，；。 ")) <= _SHORT_REST


def _reports_holding_stated(question: str, passages: list[Passage]) -> set[str]:
    """The bodies whose passages hold a figure a question states as known, not as a claim ("1,124件复议申请里面受理
    了几件"): the question is about that report, whatever others say of the thing; empty when none does."""
    if confirm_asked(question):
        return set()
    stated = {
        re.sub(r"\D", "", f.text)
        for f in extract_figures(to_simplified(question))
        if f.unit_class not in (None, "time")
    }
    stated = {n for n in stated if len(n) >= 3}
    return {p.issuer for p in passages if stated and any(n in p.text.replace(",", "") for n in stated)}


def _other_act(core: str, question: str, passage: str) -> str:
    """A note when the count given is of a later stage of the handling than the one asked ("收到多少宗" answered by
    "受理行政复议申请830件") and the passage cited counts none of that act: pasted as that count, it is wrong. An
    earlier stage's count, or another body's, is no answer at all (`checks.no_stand_in`)."""
    asked = acts_asked(question)
    if len(asked) != 1 or asked[0] in case_acts(passage):
        return ""
    said = [act for act in CASE_ACTS if act in to_simplified(core)]  # as the report says it (新收)
    return f"（所引为{said[0]}数，非{asked[0]}数）" if said and stands_in_for(case_acts(core)[0], asked[0]) else ""


def _unit_elsewhere(core: str, question: str, intent: Intent, idf, places: list[str]) -> str:
    """A note when the answer's count in the unit asked is another thing's, and the clause naming the thing asked
    counts it in another unit: "提供法律咨询服务35.8万人次，办理法律援助1.8万余件" reads as legal aid's 人次, which
    the report does not give (`checks.counted_elsewhere`). Asked of that sentence alone, the question is refused
    (`checks.coverage`); the note is for an answer covered by another sentence that also cites this one."""
    unit, nouns = unit_asked(to_simplified(question), intent), asked_nouns(question, idf, places)
    if unit is None or not nouns or len(asks(question)) > 1:
        return ""
    held = [f.text for f in extract_figures(to_simplified(core)) if counts_for(unit, f.unit, question)]
    return (
        f"（报告未载明{nouns[0]}的{unit}数）"
        if held and counted_elsewhere(core, held[0], question, unit, nouns[0])
        else ""
    )


_COUNTED_AFTER = 6  # the characters after an item's figure naming what it counts: "8个市直部门"


def _items_asked(clause: str, terms: set[str]) -> str:
    """Of a clause listing figures ("办理法律援助1.8万余件、公证55万余件、司法鉴定13万余件"), the items the question
    names, after the verb they share ("办理公证55万余件" for "公证呢？"); the clause as it is when the question names
    every item, or none."""
    items = clause.split("、")
    if len(items) < 2 or not all(NUMBER.search(item) for item in items):
        return clause
    lead = next((w for w, flag in tagged(items[0])[:1] if flag == "v" and len(w) >= 2), "")
    if any(flag == "v" for item in items[1:] for _, flag in tagged(item.strip())[:1]):
        lead = ""  # "废止11件、修改6件": each item's own act, none shared ("废止修改6件" had been said)
    # an item is itself up to its figure and what the figure counts; the words after the last one are what all of
    # them share ("对6个镇、8个市直部门开展法治建设专项督察": 督察 is no item's of its own)
    heads = [to_simplified(item[: m.end() + _COUNTED_AFTER]) for item in items if (m := NUMBER.search(item))]
    named = [i for i, head in enumerate(heads) if any(t in head for t in terms if len(t) >= 2 and t != lead)]
    if not named or len(named) == len(items):
        return clause
    ending = clause[len(clause.rstrip("，；：")) :]
    said = "、".join(items[i].rstrip("，；：") for i in named)
    return f"{'' if said.startswith(lead) else lead}{said}{ending}"


def _beside_the_figure(
    chosen: list[tuple[float, int, str]], passages: list[Passage], terms: set[str], intent: Intent, question: str, idf
) -> list[tuple[float, int, str]]:
    """One figure asked and the best sentence gives one: its report's other sentences stay only when they say a
    word of the question it does not ("主动撤回…多少宗": 撤回 is in the second alone) and name the thing asked
    as it does ("办理…行政复议案件多少件": not "办理非现场云巡查案件966宗", which says 办理 and 案件 alone); another
    report's figure stays (which is whose is the answer's to say)."""
    best = chosen[0]
    if not intent.figure_in(best[2]):
        return chosen
    said = {t for t in terms if t in to_simplified(best[2])}
    doc = passages[best[1] - 1].doc
    places = _places(passages)

    def of_the_thing(sentence: str) -> bool:
        return names_the_thing(question, _whole(sentence, passages), idf, places)

    named = of_the_thing(best[2])
    return [
        c
        for c in chosen
        if c is best
        or passages[c[1] - 1].doc != doc
        or {t for t in terms if t in to_simplified(c[2])} - said
        and (not named or of_the_thing(c[2]))
    ]


def _places(passages: list[Passage]) -> list[str]:
    """The places the passages are of, by their short names (the words a thing asked is not named by)."""
    return [short_name(p.issuer) for p in passages if p.issuer]


def _whole(sentence: str, passages: list[Passage]) -> str:
    """The whole sentence a clause is of, in the passage holding it (the clause itself when none does)."""
    return next((h for p in passages if (h := sentence_holding(p.text, sentence)) != sentence), sentence)


def _each_acts_sentences(acts: list[str], ranked: list[tuple[float, int, str]]) -> list[tuple[float, int, str]]:
    """The sentences answering a part: the best; with the acts a part asks each of ("其中纠错和调解和解各多少") whose
    counts are in sentences of their own ("…纠错决定17件…；通过调解、和解方式结案29件。"), the best for each act the
    ones before leave out, in reading order."""
    chosen = ranked[:1]
    for act in acts:
        if not any(act in to_simplified(c[2]) for c in chosen):
            chosen += [r for r in ranked if act in to_simplified(r[2])][:1]
    return sorted(chosen, key=lambda c: c[1]) if len(chosen) > 1 else chosen


def _the_sentence_told_first(
    ranked: list[tuple[float, int, str]], said: list[tuple[int, str, str]], terms: set[str]
) -> list[tuple[float, int, str]]:
    """The sentences answering a later part, the one that answered the part before first when it answers this
    one and says all its words: "潮阳区…收到行政复议申请多少件？同比增长多少？" asks 潮阳区's own change, in its
    count's sentence ("…421件，同比增长37.1%"), not the city's 29.6% a sentence before, which says 同比增长 as
    well. "其中台山市多少" names a place the city's sentence does not: its own sentence answers. A word is said
    when the words it is made of are (`tokenize` gives both)."""
    if not said:
        return ranked
    words = {t for t in terms if not any(u != t and u in t for u in terms)}  # 挽回损失 is said as 挽回经济损失
    told = [r for r in ranked if r[2] == said[-1][1] and r[0] > 0 and all(says(to_simplified(r[2]), w) for w in words)]
    return told + [r for r in ranked if r not in told]


# A sentence opening with an act on cases ("审结126件，其中…"): of the thing the sentence before it names.
# A part of a count naming a kind among its whole by a word the checks take as generic ("其中企业多少户" of 经营主体):
# only a sentence naming that kind answers it.
_KIND_OF_PART = re.compile(rf"{PART_OF.pattern}[^，,。？?]{{0,4}}?(企业|单位|机关|部门|人员)")
_OPENS_WITH_ACT = re.compile(rf"^(?:全年|共|依法)?(?:{'|'.join(CASE_ACTS)})")


def _paragraph_up_to(sentence: str, passages: list[Passage]) -> str:
    """The paragraph of the passage holding a sentence, up to the sentence's end (`framing.paragraph_before`); of
    overlapping passages, the one holding most of it. A sentence opening its chunk ("通过调解、和解方式结案29件。"
    after a chunk ending "…纠错率13.5%；") continues the chunk before it, when that was found too."""
    holding = [p for p in passages if sentence in p.text]
    before = max((paragraph_before(to_simplified(sentence), p) for p in holding), key=len, default="")
    if holding and not before:
        before = next((_unfinished(q) for p in holding for q in passages if _just_before(q, p)), "")
    return f"{before}{sentence}" if holding else sentence


def _just_before(earlier: Passage, passage: Passage) -> bool:
    """Whether one passage is the chunk right before another of the same report."""
    return earlier.doc == passage.doc and passage.position is not None and earlier.position == passage.position - 1


def _unfinished(passage: Passage) -> str:
    """The last paragraph of a chunk that ends within it (not at a full stop), simplified; "" else."""
    text = passage.text.rstrip()
    return "" if text.endswith(("。", "！", "？")) else to_simplified(text.rsplit("\n", 1)[-1])


def _a_rate_only(clause: str) -> bool:
    """Whether a clause gives a rate and no count ("行政复议纠错率8.5%"; a change in %, "下降16.22%", is no rate)."""
    figures = extract_figures(clause)
    rates = [f for f in figures if f.unit_class == "percent" and not f.change]
    return bool(rates) and not any(f.unit_class in COUNT_CLASSES or f.change for f in figures)


def _counted(text: str) -> bool:
    """Whether a text holds a count in Chinese numerals ("二千三百余场", "一百二十万人次"), as one in digits would:
    two numeral characters at least, so a name ("百场优秀庭审", "千家万户") is none."""
    return bool(_CN_COUNT.search(text))


_CN_COUNT = re.compile(rf"[{NUMERALS}百千两零〇]{{2,}}[余多]?(?:万|亿)?(?:[个件项名家宗场次人户条份]|人次)")


def _weight(sentence: str, terms: set[str], idf: Callable[[str], float], part: str) -> float:
    """How a sentence's match with a part of a question asking a figure is weighed: up for holding a number,
    down for counting a part of the total by an act the part does not name (`_counts_a_part`)."""
    held = 1.2 if NUMBER.search(sentence) or _counted(sentence) else 1.0
    return held * (_PART if _counts_a_part(to_simplified(sentence), terms, idf, part) else 1.0)


def _says(thing: str, sentence: str, passage: Passage, idf: Callable[[str], float]) -> bool:
    """Whether a sentence says a thing: its rarest word and its numbers, and most of its words, which may be
    in the part of the whole sentence before its first ； ("…收到行政复议申请…；…纠错率9.6%。"): "获评…示范市" is
    not said by "…获评为全国信访工作示范区", which has its rarest word but half of its words."""
    words = [t for t in tokenize(thing) if len(t) >= 2]
    text = to_simplified(sentence)
    if not words or rarest(words, idf) not in text or any(n not in text for n in NUMBER.findall(thing)):
        return False
    topic = to_simplified(split_sentences(sentence_holding(passage.text, sentence))[0])
    return sum(w in text or w in topic for w in words) > _SAYS_THE_THING * len(words)


def _holds_figure(
    sentence: str, intent: Intent, unit: str | None, question: str, changed: bool, rates: set[str], norms: bool
) -> bool:
    """Whether a sentence holds a figure of the kind asked: of the unit asked when one is ("…出庭应诉率达到100%"
    holds no count of 案件), of the rate named when one is (`rates`, read once per question); a change when one is
    asked ("比2023年多了多少": "同比增长42.3%", not 受理点17个); no rule's bound, unless `norms` is off (next year's
    plans asked)."""
    if changed:  # said by its two ends too ("由上年的4%提高至6%"): `change_between` works it out
        return any(f.change for f in extract_figures(sentence)) or from_to(sentence) is not None
    if rates and not any(rate in to_simplified(sentence) for rate in rates):
        return False  # "…收到申请，纠错率是多少": "纠错率百分之九点二", not the 收到 sentence's 同比增长29.6%
    if unit is None:
        return intent.figure_in(sentence)
    figures = extract_figures(sentence)
    return any(counts_for(unit, f.unit, question) and not (norms and _a_norm(f.text, sentence)) for f in figures)


def _counting_as_asked(chosen: list[tuple[float, int, str]], question: str) -> list[tuple[float, int, str]]:
    """The sentences chosen without those whose counts are all of another kind than the question asks (what
    stands, not what was added, or the other way: `checks.counts_standing_or_added`), when another's count is of
    it: "持证执法人员多少" is answered by "全区持有行政执法证件人员1068名", not beside it by "…新增持证人员97名"; a
    sentence holding no count stays (the hearing's "…于8月1日至8月4日举行" beside its 点击量)."""
    counting = [_counting_clauses(c[2]) for c in chosen]
    passes = [any(counts_standing_or_added(question, clause) for clause in clauses) for clauses in counting]
    if not any(passes):
        return chosen
    return [c for c, clauses, ok in zip(chosen, counting, passes, strict=True) if ok or not clauses]


def _counting_clauses(sentence: str) -> list[str]:
    """A sentence's comma clauses holding a count."""
    return [
        c for c in re.split(r"[，,；;]", sentence) if any(f.unit_class in COUNT_CLASSES for f in extract_figures(c))
    ]


def _places_asked(question: str) -> list[str]:
    """The places a question names, by the stem two spellings share (广州市/广州 → 广州)."""
    scope = find_scope(question, [])
    return [stem(p) for p in scope.issuers + scope.places]


def _ordinal_of_others(sentence: str, asked: list[str]) -> bool:
    """Whether a place asked its place in a series ("广州是第几批试点？", `asked` its stems) is answered by a clause
    giving other places' ("开展天河区、南沙区…省级第二批改革试点"), not its own ("广州是首批试点之一"); districts,
    counties and towns, not the province or city giving the title."""
    clause = next((c for c in re.split(r"[，,；;]", sentence) if ORDINAL.search(c)), "")
    others = [p for p in places_in(clause) if re.search(r"[区县镇乡街]$|街道$", p)]  # not a giver: 广东省, 广州市
    return bool(others) and not any(a in clause for a in asked)


def _counts_another(sentence: str, question: str) -> bool:
    """Whether every count in the clauses of a sentence naming a word of the question is of a noun written after it
    that the question does not name ("实现涉侨公证、…等43项事项…": 事项, not the 公证 "江门公证办了多少" asks)."""
    asked = [w for w in tokenize(question) if len(w) >= 2]
    clauses = [c for c in re.split(r"[，；。]", sentence) if any(w in c for w in asked)]
    counts = [(c, f) for c in clauses for f in extract_figures(c) if f.unit_class in COUNT_CLASSES and f.text in c]
    after = [tagged(c[c.find(f.text) + len(f.text) :][:6])[:1] for c, f in counts]
    return bool(counts) and all(
        a and a[0][1].startswith("n") and len(a[0][0]) >= 2 and a[0][0] not in question for a in after
    )


def _with_the_first_said(core: str, sentence: str, part: str) -> str:
    """A part asking which of a place's parts is first ("湛江哪个县区…最多？多少件？"), answered by its count's clause
    with the clause ranking it beside ("赤坎区受理…312件，居全市各县（市、区）首位"): that clause says it is first."""
    if not part_first_asked(part) or FIRST_SAID.search(to_simplified(core)):
        return core
    ranking = next((c for c in re.split(r"[，；。]", sentence) if FIRST_SAID.search(to_simplified(c))), "")
    if not ranking.strip() or ranking in core:
        return core
    return f"{core}，{ranking}" if sentence.find(ranking) > sentence.find(core[-4:]) else f"{ranking}，{core}"


def _counts_by_another_act(sentence: str, question: str, passage: Passage) -> bool:
    """Whether a sentence counts cases by another act than the one a count asked names, never naming it, while its
    passage does ("审结了多少件": "全年受理行政复议申请138件" counts what was received; "审结126件" in the next
    sentence, naming no 复议, says it). Where the passage counts no such act, a later stage's count is said with a note
    (`_other_act`); an earlier stage's or another body's is no answer (收到786宗 for 受理, 移送 for 立案:
    `checks.no_stand_in`)."""
    asked = acts_asked(question)
    if len(asked) != 1 or asked[0] in sentence:
        return False
    counts = [f for f in extract_figures(sentence) if f.unit_class in COUNT_CLASSES]
    if counts and all(no_stand_in(f, question) for f in counts):
        return True
    return asked[0] in to_simplified(passage.text) and any(of_another_act(f, question) for f in counts)


def _a_norm(figure: str, sentence: str) -> bool:
    """Whether a figure is a rule's bound, not a count of what was done ("…原则上一年内检查不超过2次")."""
    number = re.sub(r"^(?:超过了?|超|达到了?|高达|达|近|约|逾)", "", figure)
    return bool(re.search(rf"{_NORM}\s*{re.escape(number)}", sentence))


_NORM = r"(?:不超过|不少于|不低于|不高于|不多于|不得超过|至少|最多)"


def _counts_a_part(sentence: str, terms: set[str], idf: Callable[[str], float], question: str) -> bool:
    """Whether every clause holding a figure that says most of the question counts a part of a total by an act
    the question does not name: "行政复议申请多少件" is answered by "收到行政复议申请1124件", not by "…行政复议案件
    经调解后申请人主动撤回申请104件", which names as much of it."""
    held = [c for c in re.split(r"[，；;：]", sentence) if NUMBER.search(c)]
    weights = [sum(idf(t) for t in terms if t in c) for c in held]
    top = max(weights, default=0.0)
    best = [c for c, w in zip(held, weights, strict=True) if top > 0 and w >= top]
    return bool(best) and all(part_act(c, question) for c in best)


def _changed(question: str, passages: list[Passage]) -> bool:
    """Whether the change a sentence says is asked: a change or its ends, which way it went ("比上一年是多了还是
    少了": the ends said, "…2.15万宗，上年为1.87万宗", show it), or the year before's figure, which is said in the
    change beside the year's (`_year_before_asked`)."""
    asked = change_asked(question) or change_asked_of_ends(question) or TREND_ASKED.search(to_simplified(question))
    asked = asked or RANK_BEFORE_ASKED.search(to_simplified(question))  # "…排名第二，较上年前移三位": its move
    return bool(asked) or _year_before_asked(question, passages)


def _year_before_asked(question: str, passages: list[Passage]) -> bool:
    """Whether the one year asked is the year before the passages' reports' (all of one year) and none opens a clause
    with it ("去年全年，…" in a 2019 article says 2018's own figures): its figure is said in the change beside the
    year's ("…138件，较去年的114件增加24件"), so the change is kept."""
    years = years_named(question)
    if len(years) != 1 or not passages or any(p.year != years[0] + 1 for p in passages):
        return False
    return all(years[0] not in clause_years(to_simplified(p.text), p.year) for p in passages)


def _share_stated(sentence: str, core: str) -> str:
    """The clause right after an answer's last clause stating its share ("通过调解、和解方式结案398件，占审结案件
    总数的26.3%"): a share asked of the count said is the report's own, not worked out; "" when none follows."""
    after = _clause_after(core, sentence)
    return after if SHARE_OF_BEFORE.match(to_simplified(after)) else ""


def _clause_after(core: str, sentence: str) -> str:
    """The clause of a sentence right after the last one a core holds, "" when none follows."""
    clauses = re.split(r"[，；;。]", sentence)
    last = max((i for i, c in enumerate(clauses) if c and c in core), default=None)
    return clauses[last + 1] if last is not None and last + 1 < len(clauses) else ""


def _with_the_asked_level(core: str, sentence: str, passage: Passage, question: str) -> str:
    """A core giving only the other level's figure of a district's report with the clause right after it giving the
    level asked: the district's own ("全市共办理法律援助案件9860件，我县办理812件"), or asked of the city ("全市呢"),
    the city's ("出庭应诉率连续三年保持100%，高于全市97.3%的平均水平"): the thing is named in the first, the figure
    asked in the second."""
    if not _not_the_asked_level(core, passage, question):
        return core
    after = _clause_after(core, sentence)
    citys = [of_its_city(sentence, f.text, passage.issuer) for f in extract_figures(after) if f.unit_class]
    if citys and (any(citys) if asks_its_city(question, passage.issuer) else not any(citys)):
        return f"{core}，{after}"
    return core


def _of_the_year(sentence: str, passage: Passage, question: str) -> float:
    """A sentence's weight by its year, of a question asking one: half for a sentence of another year than the one
    asked ("去年全年湖里区调解…4630件" in a 2019 article, asked of 2019's first half), or of another part of the
    year, of one asking a part ("今年上半年…")."""
    asked = years_named(question)
    if len(asked) == 1 and year_of(sentence, passage) not in (*asked, None):
        return _OTHER_YEAR
    part = YEAR_PART_ASKED.search(to_simplified(question)) if not asked else None  # "今年上半年…": not "去年全年…"
    own = part_of(sentence, passage) if part else ""
    return _OTHER_YEAR if own and part and part_of_year(own) != part_of_year(part.group(1)) else 1.0


def _with_the_place_asked(core: str, sentence: str, question: str, passage: Passage) -> str:
    """A core led by the place the question asks of, as its sentence names it, when the clause naming it was cut
    ("大塘埠镇依托…，全年调处纠纷386件": a town's figure, not its county's); the report's own place is said by
    its frame."""
    text, said = to_simplified(sentence), to_simplified(core)
    at = text.find(re.split(r"[，；]", said, maxsplit=1)[0])
    for place in find_scope(question, [passage.issuer] if passage.issuer else []).places:
        named = re.search(rf"{re.escape(place)}[市区县镇乡]", text[: max(at, 0)])  # a place, by its level, before it
        if named and place not in said and named.group(0) not in to_simplified(passage.issuer or ""):
            return f"{named.group(0)}{core}"  # not one named after it ("…达100%，番禺区区长…")
    return core


def _with_its_speaker(core: str, sentence: str, passage: Passage) -> str:
    """A quotation whose speaker is asked, with the speaker named right after it ("“…治病。”市司法局副局长吴海涛说，
    对…": the next sentence opens with who said it), after its closing mark when the sentence ends inside it
    ("“…找关系；现在…怎么说。”…负责人感慨道"), or before it when its sentence opens with who speaks; a core naming
    one ("林志远介绍说：“…") as it is."""
    if speaker_said(core):
        return core
    if (opens := SPEAKER_AFTER.match(to_simplified(sentence))) and core.strip() != sentence.strip():
        return f"{opens.group(1)}，{core}"  # "市司法局局长林志远介绍说，示范市…，“不能把参评当成已经评上…”"
    at = passage.text.find(sentence)
    end = at + len(sentence)
    if at >= 0 and sentence.count("“") > sentence.count("”") and (close := passage.text.find("”", end)) >= 0:
        end = close + 1
    after = SPEAKER_AFTER.match(to_simplified(passage.text[end : end + 40])) if at >= 0 else None
    return f"{_quotes_closed(core)}，{after.group(1)}" if after else core


def _its_citys(core: str, question: str, passage: Passage, passages: list[Passage]) -> tuple[int, str] | None:
    """Of a district's count asked with its share of its city ("…收到多少件，占全市比重多少"), its city's count of
    the same thing, which its report gives in a sentence of its own ("全市各级行政复议机构共收到行政复议申请1203件…；
    其中，我区收到…148件"), so the share is worked out of the two: (its passage's number, its clause); None when no
    passage of the report gives it."""
    own = [f for f in extract_figures(core) if f.unit_class in COUNT_CLASSES]
    if not SHARE_OF_ITS_CITY.search(to_simplified(question)) or not is_local(passage.issuer) or not own:
        return None
    if any(of_its_city(core, f.text, passage.issuer) for f in own):  # "全市共办理…9860件，我县办理812件": both said
        return None
    thing = _OWN_PLACE.sub("", own[0].indicator)  # "我区收到行政复议申请": 收到行政复议申请
    for m, other in enumerate(passages, 1):
        for clause in re.split(r"(?<=[，；。])", other.text) if other.issuer == passage.issuer else []:
            citys = [f for f in extract_figures(clause) if f.unit == own[0].unit and thing in f.indicator]
            if citys and of_its_city(clause, citys[0].text, passage.issuer):
                return m, _trimmed(clause.strip())
    return None


# A share a clause states ("约占全市（惠州市）行政复议申请总量2860件的17%").
_STATES_A_SHARE = re.compile(r"占[^，；。]{0,30}?\d+(?:\.\d+)?\s*[%％]")
# How a report names its own place before what it counts ("其中，我区收到…"): no part of the thing counted.
_OWN_PLACE = re.compile(r"^(?:其中)?(?:我|本|全)[区县市]")


def _not_the_asked_level(sentence: str, passage: Passage, question: str) -> bool:
    """Whether a sentence of a district's report gives figures of the other level than the one asked: only its
    city's (`places.of_its_city`) for the district, none of its city's for the city ("全市的纠错率呢")."""
    if not is_local(passage.issuer):  # first: it is asked of every sentence a figure question scores
        return False
    unit = _unit_of(question)  # of the unit asked: the district's 3275宗 beside its city's average rate (97.8%) is
    # no city's count
    figures = [f.text for f in extract_figures(sentence) if f.unit_class and (not unit or counts_for(unit, f.unit))]
    if not figures:
        return False
    citys = [of_its_city(sentence, figure, passage.issuer) for figure in figures]
    return not any(citys) if asks_its_city(question, passage.issuer) else all(citys)


@lru_cache(maxsize=64)  # read for every sentence a figure question scores (`_not_the_asked_level`)
def _unit_of(question: str) -> str | None:
    """The unit a question asks a count or measure in ("多少宗": 宗), or None."""
    return unit_asked(to_simplified(question), Intent.of(question))


def _whose(passage: Passage, by_year: bool) -> tuple[str | None, int | None]:
    """Whose a passage is: its place, and its year when the question asks of several."""
    return passage.issuer, passage.year if by_year else None


def _joined(cores: list[str]) -> str:
    """Cores of one sentence joined, a clause the one before ends with said once ("…败诉率4.3%" and "败诉率4.3%，
    较上年下降2.6个百分点": "…败诉率4.3%，较上年下降2.6个百分点")."""
    text = cores[0]
    for core in cores[1:]:
        clauses = core.split("，")
        while clauses and text.endswith(clauses[0]):
            clauses = clauses[1:]
        text = f"{text}，{'，'.join(clauses)}" if clauses else text
    return text


def _runs(said: list[tuple[int, str, str]]) -> list[list[tuple[int, str, str]]]:
    """Parts answered by clauses of one sentence, next to each other, are said as that one sentence again."""
    runs: list[list[tuple[int, str, str]]] = []
    for item in said:
        if runs and runs[-1][-1][:2] == item[:2]:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _repeats(core: str, earlier: str) -> bool:
    """Two reports (or an article and a report) often say one thing in nearly the same words: said once. Same
    figures, and most of the shorter one's character pairs in the other."""
    if set(NUMBER.findall(core)) != set(NUMBER.findall(earlier)):
        return False
    pairs = [bigrams(core), bigrams(earlier)]
    shorter = min(pairs, key=len)
    return bool(shorter) and len(pairs[0] & pairs[1]) >= _REPEAT * len(shorter)


_REPEAT = 0.6


def _lifted(core: str, sentence: str) -> str:
    """Clauses lifted out of their sentence without the "其中" that tied them to a clause left behind ("制定政府
    规章2部，其中《…》自…起施行"); a whole sentence keeps it, the one before it said too."""
    return re.sub(r"^其中[，,]?", "", core) if core.strip() != sentence.strip() else core


def _trimmed(core: str) -> str:
    """A kept clause as an answer's sentence: without its list label, its tying word or closing punctuation."""
    core = _LABEL.sub("", core)
    tie = _CONNECTIVE.match(simplified_in_place(core))  # 並於 too; the display text keeps its characters
    return core[tie.end() if tie else 0 :].rstrip("。；，")


def _quotes_closed(core: str) -> str:
    """A clause cut out of a quotation closes what it opens ("介绍说：“…共列入12项" + ”) and drops a closing mark
    whose opening was left behind, so an answer pasted into a document has no stray quotation mark; the clause's
    own closing punctuation goes, inside the quotation too, as the answer's citation and 。 follow."""
    kept, depth = [], 0
    for char in core:
        if char == "”" and not depth:
            continue
        depth += (char == "“") - (char == "”")
        kept.append(char)
    return re.sub(r"[。；，]+(?=”*$)", "", "".join(kept)) + "”" * depth  # "…执法。”" closes as "…执法”[1]。"


# A web page's own line ("2017-11-13 来源：广州日报", "发布日期：2024-01-04 16:49 文章来源：…"): the report kind
# reads it (`facts._about_report`); as an answer to anything else it is page chrome.
_PAGE_LINE = re.compile(r"(?:文章)?来源[:：]|发布日期[:：]|\d{4}-\d{2}-\d{2}")


# A clause saying only when ("今年上半年", "2019年1至6月", "去年以来").
_ONLY_WHEN = re.compile(rf"(?:{RELATIVE.pattern}|{YEAR_NAMED.pattern}度?)?(?:{YEAR_PART.pattern})?(?:以来)?")


def _content(terms: set[str], passages: list[Passage]) -> set[str]:
    """The question's words about its subject, without the place it names: every sentence of a report is
    about its place, so a clause naming it says nothing more about what is asked."""
    places = {short_name(p.issuer) for p in passages if p.issuer}
    places |= {to_simplified(p.issuer) for p in passages if p.issuer}  # its city too: 佛山市 of 佛山市南海区
    stems = [re.sub(r"[市区县]$", "", name) for name in places]
    terms = {t for t in terms if not _POINTING.fullmatch(t)}  # "停车场那次网上听证…": 那次 points, names nothing
    return {t for t in terms if not any(t in name or stem in t for name, stem in zip(places, stems, strict=True))}


# A word pointing back at what was said ("那次", "这个", "该项"): no word of what is asked.
_POINTING = re.compile(r"[这那该此](?:次|个|项|份|篇|些|场|回|种|类)")


def _time_frame(clauses: list[str], kept: set[int]) -> set[int]:
    """The clauses opening a sentence that say only when ("近5年来，", "从1986年…之后，到2016年的30年之间，"),
    kept with a figure that follows them when the kept clauses name no date of their own: without them the
    figure reads as the report's year's ("广州市2017年…已制定法规148件" for thirty years' laws)."""
    if not kept or any(_WHEN.search(clauses[i]) for i in kept):
        return set()
    frame, lead = set(), 0
    for i in range(min(kept)):
        said = clauses[i]
        if _LEAD_IN.match(to_simplified(said).strip()):  # "据统计，去年全年，…": the frame after it, said without it
            lead += 1
            continue
        if not _WHEN.search(said) or TITLE.search(said) or any(f.unit_class != "time" for f in extract_figures(said)):
            break  # a law's date ("新修订的《行政复议法》于2024年1月1日起施行后") frames no figure of the year
        frame.add(i)
    return frame if frame and len(frame) + lead == min(kept) else set()


def _year_just_before(clauses: list[str], kept: set[int]) -> set[int]:
    """The clause just before the kept ones when it names the year they are of and they name none ("…获悉，在福建省
    2018年度法治政府建设考评中，厦门市以96.8分的成绩位列全省第一"): without it the figure reads as the year of the
    article ("厦门市2019年以96.8分…")."""
    first = min(kept) if kept else 0
    if not first or any(YEAR_NAMED.search(clauses[i]) for i in kept):
        return set()
    before = clauses[first - 1]
    others = [f for f in extract_figures(before) if f.unit_class != "time"]
    return {first - 1} if _A_YEAR_OF.match(before) and not others and not TITLE.search(before) else set()


# A frame naming the year a figure is of ("在福建省2018年度法治政府建设考评中，"), not another act of a year
# ("公布2024年…清单，") nor a day something took effect ("自2024年1月1日起施行后").
_A_YEAR_OF = re.compile(r"^(?:在|于)[^，；]*?(?:19|20)\d{2}年(?!\d{1,2}月)[^，；]*?(?:中|上|里|期间)[，；]?$")


def _unnarrowed(clauses: list[str], scores: list[float], best: int, holds: list[bool], terms: set[str]) -> int:
    """Of the clauses holding a figure and saying as much of the question as the best, one whose thing no adjective
    the question does not say narrows ("汕头评了多少宗案卷": "全年共评查案卷1480宗", not "评出优秀案卷1237宗", a part
    of them); the best when it is one, or when none is."""

    def narrowed(clause: str) -> bool:
        return any(flag == "a" and word not in terms for word, flag in tagged(to_simplified(clause)))

    if not holds[best] or not narrowed(clauses[best]):
        return best
    tied = (i for i in range(len(clauses)) if holds[i] and scores[i] >= scores[best] and not narrowed(clauses[i]))
    return next(tied, best)


def _in_the_unit(clauses: list[str], scores: list[float], best: int, unit: str | None) -> int:
    """The clause answering a count asked in `unit`: of those saying as much of the question as the best, the first
    with a figure in it ("培训了多少执法人员": "培训执法人员2650人次", not "组织执法人员培训班14期"), else the
    clause right beside the best with one, saying at least half as much, or being the sentence's only one. A length
    asked keeps the best: the clause naming the thing leads its 6个月."""
    if not unit or UNIT_CLASSES.get(unit) == "time":
        return best
    held = [any(counts_for(unit, f.unit) for f in extract_figures(c)) for c in clauses]
    tied = [i for i in range(len(clauses)) if held[i] and scores[i] >= scores[best]]
    if held[best] or tied:
        return best if held[best] else tied[0]
    # "镇街执法人员培训了多少人次": "组织镇街执法人员业务培训班5期" says more of it, the clause right after it counts
    beside = [i for i in (best + 1, best - 1) if 0 <= i < len(clauses) and held[i] and scores[i] >= scores[best] / 2]
    only = [i for i, h in enumerate(held) if h]  # "…培训和考试，共有3860人参加，考试合格率为94.3%": its one count in 人
    if beside or len(only) == 1 and abs(only[0] - best) == 1:
        return beside[0] if beside else only[0]
    # "行政复议纠错了多少件": the best says "行政复议纠错率8.5%"; "…等纠错11件", two clauses before, counts what
    # the rate is of
    rate = _RATE_OF.search(to_simplified(clauses[best]))
    counting = [i for i in only if rate and rate.group(1) in to_simplified(clauses[i])]
    return min(counting, key=lambda i: abs(i - best)) if counting else best


_RATE_OF = re.compile(rf"([{CJK}]{{2}})率")  # what a rate is of: 纠错 of 纠错率


def _with_labels(text: str) -> list[tuple[str, str]]:
    """Each sentence of a passage with the label its paragraph opens with ("1.加强重点领域立法。" before "《…条例》…
    施行；出台…规章2部": those are the 立法 done, though they say no 立法), or ""; a label followed by what it
    labels is no sentence of its own (it says nothing done)."""
    pairs = []
    for paragraph in text.split("\n"):
        sentences = split_sentences(paragraph)
        if len(sentences) >= 2 and _ITEM_LABEL.match(sentences[0].strip()):  # said by what it labels
            pairs += [(sentence, to_simplified(sentences[0])) for sentence in sentences[1:]]
        else:
            pairs += [(sentence, "") for sentence in sentences]
    return pairs


def _with_its_headline(core: str, sentence: str, passage: Passage, nouns: list[str]) -> str:
    """A clause led by the headline of the item it is in, when the clause names none of the things asked
    (`nouns`) and the headline does ("一是落实公共法律服务实体平台规范化管理。共接待群众来访来电2184人次。")."""
    head = _headline_of(sentence, passage)
    simplified = to_simplified(core)
    if not head or any(mentions(simplified, n) for n in nouns) or not any(mentions(head, n) for n in nouns):
        return core
    return f"{head}，{core}"


def _headline_of(sentence: str, passage: Passage) -> str:
    """The headline of the "一是…。" item a sentence of a passage is in (simplified, without its label), "" when
    it is in none or is the headline itself."""
    for paragraph in to_simplified(passage.text).split("\n"):
        sentences = [s.strip() for s in split_sentences(paragraph)]
        if to_simplified(sentence).strip() not in sentences:
            continue
        for earlier in reversed(sentences[: sentences.index(to_simplified(sentence).strip())]):
            if head := _HEADLINE.match(earlier):
                return head.group(1)
            if _LABEL.match(earlier):  # another item's text: not this item's headline
                return ""
    return ""


# An item's headline, its own sentence: "一是落实公共法律服务实体平台规范化管理。"
_HEADLINE = re.compile(rf"^[{NUMERALS}]是([^，。；,;]{{2,30}})。$")
# A paragraph's short numbered label ending its own sentence: "1.加强重点领域立法。", "（二）推进侨乡特色领域立法。"
_ITEM_LABEL = re.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])[^，。；]{2,24}。$")


def _slot(intent: Intent) -> re.Pattern | None:
    """What the answer to the question holds that the question does not: a figure, a date (今年 too: the
    chain says it as a year), or unknown."""
    if intent.figure:
        return re.compile(f"{NUMBER.pattern}|{ORDINAL.pattern}") if intent.ordinal else NUMBER
    return _WHEN if intent.time else None


# A rate's level said ("及格率达到100%"), not its change ("同比下降38.24%").
_LEVEL_SAID = re.compile(r"^(?!.*(?:同比|增长|下降|上升|提高|降低|减少|增加)).*率[^，；。]{0,6}?\d+(?:\.\d+)?%")
_CHANGE_SAID = re.compile(rf"(?:{CHANGE_WORDS}|前移|后移)(?:了)?\s*[\d一二两三四五六七八九十]")
# A clause only leading into what follows ("据统计，"): no frame, nor an end of one.
_LEAD_IN = re.compile(r"^(?:据统计|据了解|据介绍|数据显示|统计显示)[，,]?$")
_WHEN = re.compile(f"{DATE_WORDS.pattern}|{RELATIVE.pattern}|{PERIOD.pattern}")


def _span(scores: list[float], best: int) -> slice:
    """For a "what" question: the best clause and its neighbours that say something of the question, at most
    three (the answer is the part the question does not say, and no pattern finds it: narrower spans lost
    answers in the gold set)."""
    start, end = best, best + 1
    while start > 0 and scores[start - 1] >= 1 and end - start < 3:
        start -= 1
    while end < len(scores) and scores[end] >= 1 and end - start < 3:
        end += 1
    return slice(start, end)


# A sentence holding a figure and naming the measure asked ("点击量") outweighs its neighbours on the same topic.
_MEASURED = 1.5
# One whose figure counts a part of the total asked (`_counts_a_part`) weighs less than one counting the total.
_PART = 0.8
# One holding no figure of the unit a count is asked in weighs half.
_NO_COUNT = 0.5
_UNDATED = 0.5  # a sentence dating nothing, for a question asking a date
# Asked where something is ("…在哪个城市？"), a sentence must say more than this share of the thing's words.
_SAYS_THE_THING = 0.5
# A question on what was done ("完成了哪些立法") weighs a sentence of next year's plans by this much: "完成《…》
# 立法项目" among the tasks is no account of the year's work.
_PLANNED = 0.5
# Asked a district's figure, a sentence of its report giving only its city's ("全市…共收到…1203件") weighs half;
# asked its city's, one giving none of the city's.
_OTHER_LEVEL = 0.5
_OTHER_YEAR = 0.5
# A clause holding a figure is kept when the question words it adds weigh this share of the best clause's.
_WIDEN = 0.3


# A clause lifted out of its sentence does not keep the word that tied it to the one before.
_CONNECTIVE = re.compile(
    r"^(?:并且|而且|同时|此外|另外|值得(?:注意|一提)的是|需要指出的是|据(?:统计|了解|介绍)|并(?=于))[，,]?(?=.{6})"
)


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
    for numeral in NUMERALS:
        if numeral not in found:
            break
        items.append((numeral, *found[numeral]))
    return items


def _marked(question: str) -> str | None:
    """The word that marks the clause answering: the act counted ("成功了多少宗": 成功), the things listed ("哪些
    程序": 程序), the one rate named ("纠错率是多少": the clause saying 纠错率, not the one saying most of the
    question's other words, "新修订的《行政复议法》…施行后"), or the change asked."""
    rates = rates_named(question)
    changed = _CHANGE_WORD.search(to_simplified(question)) if not rates else None
    if changed:  # "新收…增长多少": the clause saying 同比增长89.6%, not the one counting what was 新收
        return changed.group(0)
    acts = part_acts(question)  # "一审行政诉讼案件败诉几件": the clause saying 败诉, not the one counting the cases
    parted = acts[0] if len(set(acts)) == 1 and not rates else None
    return act_counted(question) or parted or listed_thing(question) or (next(iter(rates)) if len(rates) == 1 else None)


def _left_said(sentence: str, question: str) -> str | None:
    """What is left undone asked ("还有几个没改完"): the word a sentence says it by ("其余2个正在按计划整改中"), which
    marks the clause answering."""
    found = LEFT_SAID.search(to_simplified(sentence)) if left_asked(question) else None
    return found.group(0) if found else None


# The word of a change asked ("…增长多少", "下降了多少"; not one claimed): the clause saying it holds the answer.
_CHANGE_WORD = re.compile(r"(增长|下降|上升|提高|减少)(?=了?(?:多少|几))")


def _without_others_changes(
    chosen: list[tuple[float, int, str]], question: str, passages: list[Passage], idf
) -> list[tuple[float, int, str]]:
    """Which way a thing went asked ("成都…行政应诉案件比上年增加还是减少"): a sentence beside its own giving another
    thing's change ("全市新收行政复议案件…同比增长89.6%") would read as the answer, and goes."""
    if not TREND_ASKED.search(to_simplified(question)):
        return chosen
    named = [to_simplified(p.issuer) for p in passages if p.issuer] + _places(passages)

    def of_another(sentence: str) -> bool:
        changes = [f for f in extract_figures(sentence) if f.change]
        return not changes_of_the_asked(question, changes, [to_simplified(sentence)], idf, named)

    return [c for c in chosen if not of_another(c[2])] or chosen


def _without_other_rates(chosen: list[tuple[float, int, str]], question: str) -> list[tuple[float, int, str]]:
    """One rate named ("上半年直接纠错率是多少"): a sentence naming only other rates ("上半年，考试合格率为94.3%")
    is chosen for the rest of the question's words, and read beside the answer it says a figure of another
    thing; it goes. A sentence naming no rate ("占比65%") stays."""
    asked = rates_named(question)
    if len(asked) != 1:
        return chosen

    def of_another(sentence: str) -> bool:
        named = rates_named(sentence)
        return bool(named) and not any(r in to_simplified(sentence) for r in asked)

    return [c for c in chosen if not of_another(c[2])] or chosen


def _way_unsaid(question: str, said: str) -> str:
    """Which way a thing went asked, and the answer giving its figure but no change, nor the year before's to work
    one out of: that the report does not give it, rather than the figure alone read as the answer."""
    text = CITATION.sub("", said)
    if not said or not TREND_ASKED.search(to_simplified(question)) or "据报告数字计算" in text:
        return ""
    if any(f.change for f in extract_figures(text)) or from_to(text) or CHANGE_SAID.search(to_simplified(text)):
        return ""
    rates = sorted(rates_named(question))
    return f"报告未载明上年的{rates[0] if len(rates) == 1 else '数字'}，无法比较。"


def _with_the_rate_judged(
    chosen: list[tuple[float, int, str]], scored: list[tuple[float, int, str]], question: str
) -> list[tuple[float, int, str]]:
    """A rate claimed above or below an average ("败诉率是不是低于全省平均水平") is judged by the sentence saying
    its side ("行政诉讼败诉率仍高于全省平均水平", in the shortcomings), which often gives no figure: the best
    sentence giving the rate ("…，行政诉讼败诉率6.8%") is said beside it."""
    rates = rates_named(question)
    if not level_claimed(question) or not rates:
        return chosen

    def gives_rate(sentence: str) -> bool:
        return bool(RATE.search(sentence)) and any(r in to_simplified(sentence) for r in rates)

    if any(gives_rate(c[2]) for c in chosen):
        return chosen
    giving = [x for x in scored if x not in chosen and x[0] > 0 and gives_rate(x[2])]
    return [*chosen, max(giving)] if giving else chosen
