"""What figures given come to (`bot.answer.arithmetic`): worked out only from exact counts of one kind."""

import pytest

from bot.answer.arithmetic import (
    apart_asked,
    arithmetic_asked,
    change_between,
    first_dated,
    more_than_the_year_before,
    span_in_days,
    worked_out,
)


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        ("占比多少", "share"),
        ("减少了百分之几", "change"),
        ("少了几支", "difference"),
        ("合计多少", "sum"),
        ("调解成功率是多少", ""),  # a rate the report names is its own figure
        ("行政诉讼案件增长了多少", ""),  # a thing of its own: the report's change
    ],
)
def test_what_a_part_asks_of_the_figures_before_it(part, kind):
    assert arithmetic_asked(part) == kind


def test_a_bound_is_not_worked_out():
    """ "1400余件" is no count: its share of another is unsure, and said so."""
    assert worked_out("占比多少", "办理提案1400余件，其中建议208件[1]。") == "数值为约数，无法精确计算。"


def test_a_sum_the_report_gives_as_one_count_is_not_worked_out_again():
    """ "修改和废止一共多少": "修改、废止255件" is their count; "推动25件涉企政策文件修改、废止" beside it is no addend
    (summed, it would say 合计280件). Things said apart are still summed."""
    said = "推动25件涉企政策文件修改、废止[1]，修改、废止255件[2]。"
    assert worked_out("修改和废止一共多少", said) == ""
    assert worked_out("修改和废止一共多少", "修改地方性法规12件，废止3件[1]。").startswith("合计15件")


def test_counts_of_different_kinds_are_not_worked_out():
    assert worked_out("合计多少", "调解纠纷1497宗，服务群众6381人次[1]。") == ""


@pytest.mark.parametrize(
    ("text", "days"),
    [("于8月1日至8月4日举行", 4), ("自2024年1月30日至2月2日", 4), ("8月1日起施行", None), ("5月1日至4月2日", None)],
)
def test_the_days_a_date_range_spans(text, days):
    assert span_in_days(text) == days


def test_more_than_the_year_before_only_from_exact_counts_with_the_year_befores_stated():
    said = "全市收到行政复议申请1342件，同比增长35.6%（上年为990件）[1]。"
    assert more_than_the_year_before("比上一年多了多少件", said) == "比上年多352件（1342−990，据报告数字计算）。"
    assert more_than_the_year_before("比上一年增长了百分之几", said) == ""  # the report's 35.6% says it
    assert more_than_the_year_before("比上一年多了多少件", "收到1400余件（上年为990件）[1]。") == ""  # a bound


@pytest.mark.parametrize(
    ("text", "question", "said"),
    [
        ("考核权重由上年的4%提高至6%", "考核权重提高了几个百分点", "（提高2个百分点，据报告数字计算）"),
        ("全市执法队伍由167支精简至114支", "执法队伍精简了多少支", "（精简53支，据报告数字计算）"),
        ("全市执法队伍由167支精简至114支", "执法队伍精简了百分之几", "（精简约31.7%，167→114，据报告数字计算）"),
        ("全市执法队伍由167支精简至114支", "执法队伍现在有多少支", ""),  # no change asked
        ("由1400余件减少至900件", "减少了多少件", "（数值为约数，变化无法精确计算）"),
        ("出庭应诉率由95%提高至99.3%，提高4.3个百分点", "提高了几个百分点", ""),  # the report says it
    ],
)
def test_a_change_said_by_its_two_ends_is_worked_out_when_asked(text, question, said):
    assert change_between(text, question) == said


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("《乙办法》和甲条例哪个先施行？", "（《乙办法》施行更早，据报告日期比较）"),
        ("甲条例和乙办法哪个更晚施行", "（《甲条例》施行更晚，据报告日期比较）"),
        ("甲条例什么时候施行", ""),  # no order asked
    ],
)
def test_which_of_two_dated_things_came_first_is_said_when_asked(question, said):
    text = "《甲条例》自2023年11月1日起施行，《乙办法》自2023年7月1日起施行"
    assert first_dated(text, question) == said


@pytest.mark.parametrize(
    ("part", "apart"),
    [
        ("两者相差多少？", True),
        ("相差多少件", True),
        ("二者相差几件", True),
        ("比上年增加了多少", False),
        ("同比相差多少", False),
    ],
)
def test_how_far_apart_the_figures_said_are_is_told_from_a_change_the_report_states(part, apart):
    assert apart_asked(part) is apart
