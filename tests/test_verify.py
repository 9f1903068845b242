"""Unit tests of the per-sentence verification of a model's answer (bot/answer/verify.py), with hand-made facts:
what passes, what is replaced, what is added, and what is streamed when."""

from __future__ import annotations

from dataclasses import replace

from bot.answer.facts import Facts
from bot.answer.verify import Verifier, derived, fact_sentences, verified
from bot.models import REFUSAL, Passage

GZ = Passage(
    text="全市办理行政复议案件1200件，纠错120件。",
    doc="gz",
    title="",
    heading="",
    score=1.0,
    issuer="广州市",
    year=2024,
)
CD = Passage(text="全市办理行政复议案件1500件。", doc="cd", title="", heading="", score=1.0, issuer="成都市", year=2024)
ONE = Facts([GZ], "广州市2024年办理行政复议案件1200件[1]。")
TWO = Facts([GZ, CD], "广州市2024年办理行政复议案件1200件[1]，成都市2024年办理行政复议案件1500件[2]；成都市更多。")
PLACES = ["广州", "广州市", "成都", "成都市"]


def verifier(facts: Facts, asks: str = "figure") -> Verifier:
    return Verifier(facts, lambda n: f"{facts.passages[n - 1].text}\n2024年", PLACES, asks)


def run(facts: Facts, written: list[str], asks: str = "figure") -> tuple[str, Verifier]:
    v = verifier(facts, asks)
    return "".join(verified(iter(written), v)), v


def test_a_faithful_answer_passes_as_written():
    text, v = run(ONE, ["广州市2024年共办理", "行政复议案件1200件[1]。"])
    assert text == "广州市2024年共办理行政复议案件1200件[1]。" and (v.sentences, v.replaced) == (1, 0)


def test_a_wrong_figure_is_replaced_by_its_fact():
    text, v = run(ONE, ["广州市2024年办理行政复议案件1300件[1]。"])
    assert text == ONE.text and (v.sentences, v.replaced) == (1, 1)


def test_a_place_the_cited_passage_is_not_about_is_replaced():
    text, v = run(ONE, ["成都市办理行政复议案件1200件[1]。"])
    assert "成都" not in text and "1200件[1]" in text and v.replaced == 1


def test_an_uncited_sentence_is_cited_by_the_fact_it_restates():
    text, v = run(ONE, ["广州市2024年办理行政复议案件1200件。"])
    assert text == "广州市2024年办理行政复议案件1200件[1]。" and v.attributed == 1 and v.replaced == 0


def test_a_sentence_broken_off_before_saying_anything_is_dropped_and_counted():
    """ "满意率是[1]。" (a local model's, after a right sentence): it says nothing, so it is not shown, and it counts
    as replaced; the right sentence stays."""
    text, v = run(ONE, ["广州市2024年办理行政复议案件1200件[1]。", "纠错率是[1]。"])
    assert text == "广州市2024年办理行政复议案件1200件[1]。" and (v.sentences, v.replaced) == (2, 1)


def test_a_mark_written_after_the_full_stop_is_moved_before_it():
    text, _ = run(ONE, ["广州市2024年办理行政复议案件1200件。", "[1]"])
    assert text == "广州市2024年办理行政复议案件1200件[1]。"


def test_a_figure_left_out_is_added_in_the_facts_words():
    text, v = run(TWO, ["广州市2024年办理行政复议案件1200件[1]。成都市更多[2]。"])
    assert "1500件[2]" in text and (v.sentences, v.replaced) == (3, 1)


def test_a_comparison_disagreeing_with_the_codes_verdict_is_replaced_by_it():
    assert derived(TWO) == ["成都市更多。"]
    text, v = run(TWO, ["广州1200件[1]，成都1500件[2]。广州更多[1]。"])
    assert "广州更多" not in text and text.endswith("成都市更多。") and v.replaced == 1


def test_a_comparison_agreeing_with_the_verdict_passes():
    text, v = run(TWO, ["广州1200件[1]，成都1500件[2]，成都更多[2]。"])
    assert text == "广州1200件[1]，成都1500件[2]，成都更多[2]。" and v.replaced == 0


def test_a_refusal_when_the_facts_answer_is_overruled():
    text, v = run(ONE, [REFUSAL])
    assert text == ONE.text and (v.sentences, v.replaced) == (1, 1)


def test_other_questions_need_each_fact_cited_not_each_detail():
    """A name asked: the model's sentence citing the fact answers; the fact's other figures are not asked."""
    facts = Facts([GZ], "广州市2024年办理行政复议案件1200件，纠错120件[1]。")
    text, v = run(facts, ["广州市2024年纠错120件[1]。"], asks="other")
    assert text == "广州市2024年纠错120件[1]。" and v.replaced == 0
    text, v = run(Facts([GZ, CD], "广州市…1200件[1]。成都市…1500件[2]。"), ["广州市1200件[1]。"], asks="other")
    assert text.endswith("成都市…1500件[2]。") and v.replaced == 1


def test_a_time_asked_needs_the_date_but_not_the_reports_own_year():
    rule = Passage(
        text="条例于2017年5月1日起施行。", doc="gz", title="", heading="", score=1.0, issuer="广州市", year=2024
    )
    facts = Facts([rule], "广州市2024年，条例于2017年5月1日起施行[1]。")
    assert run(facts, ["条例于2017年5月1日起施行[1]。"], asks="time")[1].replaced == 0
    assert run(facts, ["条例于5月起施行[1]。"], asks="time")[1].replaced == 1


def test_a_rate_asked_needs_the_rate_not_the_counts_it_is_of():
    """The fact of a rate carries the counts it is of ("…建议77件，提案283件，满意率均达100%"): a model sentence
    giving the rate answers; one leaving the rate out does not (the fact was added again after a right answer)."""
    passage = Passage(
        text="全年共办理人大代表建议77件，政协委员提案283件，满意率均达100%。",
        doc="sg",
        title="",
        heading="",
        score=1.0,
        issuer="韶关市",
        year=2024,
    )
    facts = Facts([passage], "韶关市2024年全年共办理人大代表建议77件，政协委员提案283件，满意率均达100%[1]。")
    text, v = run(facts, ["韶关市2024年建议和提案的满意率是100%[1]。"], asks="rate")
    assert text == "韶关市2024年建议和提案的满意率是100%[1]。" and v.replaced == 0
    assert run(facts, ["韶关市2024年办理人大代表建议77件[1]。"], asks="rate")[1].replaced == 1


def test_only_checked_sentences_stream_and_a_cut_sentence_is_dropped():
    v = verifier(ONE)
    assert v.feed("广州市2024年办理行政复议案件") == []
    assert v.feed("1200件[1]。广州") == ["广州市2024年办理行政复议案件1200件[1]。"]
    assert v.finish(cut=True) == [] and v.text == "广州市2024年办理行政复议案件1200件[1]。"


def test_a_sentence_repeated_is_said_once():
    text, v = run(ONE, ["广州市2024年办理行政复议案件1200件[1]。"] * 3)
    assert text == "广州市2024年办理行政复议案件1200件[1]。" and v.sentences == 1


def test_the_facts_clauses_are_said_as_sentences_by_source():
    assert fact_sentences(TWO) == {
        1: ["广州市2024年办理行政复议案件1200件[1]，成都市2024年办理行政复议案件1500件[2]。"],
        2: ["广州市2024年办理行政复议案件1200件[1]，成都市2024年办理行政复议案件1500件[2]。"],
    }


def test_a_comparison_is_read_by_the_place_nearest_before_its_word():
    """“成都的受理数更多” says the verdict 成都市更多 in other words; “两者相同” or a difference the model
    computed itself (no fact holds one) does not."""
    assert run(TWO, ["广州1200件[1]，成都1500件[2]。成都的行政复议案件更多。"])[1].replaced == 0
    text, v = run(TWO, ["广州1200件[1]，成都1500件[2]。两者数量相同。"])
    assert "相同" not in text and text.endswith("成都市更多。") and v.replaced == 1
    text, v = run(TWO, ["广州1200件[1]，成都1500件[2]。成都比广州多400件[1][2]。"])
    assert "400" not in text and text.endswith("成都市更多。") and v.replaced == 1


def test_a_line_without_a_full_stop_gets_one():
    text, _ = run(ONE, ["广州：1200件[1]\n", "广州市2024年办理行政复议案件1200件[1]。"])
    assert text.startswith("广州：1200件[1]。")


def test_a_right_sentence_citing_the_wrong_fact_is_cited_by_the_facts_that_ground_it():
    text, v = run(TWO, ["广州1200件，成都1500件[1]。成都市更多。"])
    assert text.startswith("广州1200件，成都1500件[1][2]。") and v.replaced == 0 and v.attributed == 1


def test_a_sentence_not_saying_whose_figure_it_is_is_led_by_its_place_and_year():
    """Once per place: the year after the place it opens with, or place and year before it; not before a figure."""
    assert run(TWO, ["广州办理行政复议案件1200件[1]。成都办理1500件[2]。成都市更多。"])[0] == (
        "广州市2024年办理行政复议案件1200件[1]。成都市2024年办理1500件[2]。成都市更多。"
    )
    assert run(ONE, ["全市办理行政复议案件1200件[1]。"])[0] == "广州市2024年全市办理行政复议案件1200件[1]。"
    assert run(ONE, ["广州1200件[1]。"])[0] == "广州1200件[1]。"  # not "广州市2024年1200件"


def test_a_grounded_number_said_of_a_neighbours_thing_is_replaced():
    """Every number is in the passage, yet 纠错120件 is not 办理120件: the model's clause for 120 is the clause of
    1200 in the passage, so the sentence is replaced by its fact."""
    text, v = run(ONE, ["广州市2024年办理行政复议案件120件[1]。"])
    assert text == ONE.text and v.replaced == 1
    text, v = run(ONE, ["广州市2024年办理行政复议案件1200件，其中纠错120件[1]。"])  # each said of its own thing
    assert "纠错120件" in text and v.replaced == 0


def test_a_pair_given_together_is_no_neighbours_thing():
    """“分别赋予南沙区、增城经济开发区31项、12项市级行政职权”: 南沙区's is 31项. A clause giving a pair is one clause
    (、 does not split it), so “南沙区被赋予31项市级行政职权” is not taken for 12项's words."""
    passage = replace(
        GZ, text="推动中新广州知识城获得23项省级行政职权，分别赋予南沙区、增城经济开发区31项、12项市级行政职权。"
    )
    facts = Facts([passage], "广州市2024年分别赋予南沙区、增城经济开发区31项、12项市级行政职权[1]。")
    text, v = run(facts, ["广州市2024年南沙区被赋予31项市级行政职权[1]。"])
    assert text.startswith("广州市2024年南沙区被赋予31项市级行政职权[1]。") and v.sentences - v.replaced == 1


def test_what_the_facts_say_a_report_does_not_give_is_added_when_the_model_leaves_it_out():
    facts = Facts([GZ], "广州市2024年办理行政复议案件1200件[1]。报告未载明调解成功率。")
    text, v = run(facts, ["广州市2024年共办理行政复议案件1200件[1]。"])
    assert text == "广州市2024年共办理行政复议案件1200件[1]。报告未载明调解成功率。"
