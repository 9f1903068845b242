"""Rules learnt on the five seeds, checked on two fictional look-alike reports they were not written from
(tests/lookalike): a breadcrumb above the title, counts of a part beside the total, a count asked beside a
sentence holding only a date and a rate, an amount of another money."""

from __future__ import annotations

import pytest

from bot.answer.chain import Answerer

NANHAI, ZHAOQING = "佛山市南海区", "肇庆市"


def test_a_report_under_a_breadcrumb_is_filed_under_the_year_its_title_covers(lookalike):
    years = {doc["body"]: doc["year"] for doc in lookalike.documents()}
    assert years == {NANHAI: 2024, ZHAOQING: 2023}
    answer = Answerer(lookalike, "extractive").ask("肇庆市的报告总结的是哪一年的工作？")
    assert answer.answer.startswith("肇庆市2023年度报告总结的是2023年度的工作[1]")


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # the total, not a part counted by an act the question does not name (撤回申请104件)
        ("南海区行政复议申请多少件？", "收到行政复议申请1124件", "104件"),
        ("南海区行政复议案件经调解后主动撤回申请多少件？", "撤回申请104件", None),  # the part, when asked
        # a sentence with a date and a rate but no count of 件 (the plans' 案件管辖调整) cannot answer a count
        ("肇庆2023年行政复议案件多少件？", "收到行政复议申请1586件", None),
        ("肇庆法律援助为群众挽回经济损失多少万元？", "挽回经济损失6830万元", None),
        # two acts of one thing: each act's count (not 行政复议受理点17个), and the difference computed
        ("南海区2024年行政复议受理数和审结数之间差多少？", "受理比审结多62件", "17个"),
        # the act named marks the clause answering (受理), not the one saying most of the question (收到)
        ("南海区2024年受理行政复议申请多少件？", "其中受理1018件", "非受理数"),
        ("肇庆市2023年行政复议受理的比审结的多多少件？", "受理比审结多82件", None),
    ],
)
def test_a_count_is_answered_by_the_figure_of_what_it_asks(lookalike, question, said, not_said):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert said in answer.answer and (not_said is None or not_said not in answer.answer), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "南海区法律援助为群众挽回经济损失多少万元？",  # the report gives 追回欠薪2860万元: another amount
        "肇庆市2023年人民调解涉及金额是多少？",  # counts in 宗 only
        # 涉及金额3.2亿元 is 人民调解's, and 法律援助's 追回欠薪2860万元 is no 金额: neither half answers
        "南海区2024年法律援助案件涉及金额多少元？",
    ],
)
def test_an_amount_the_report_does_not_give_is_refused(lookalike, question):
    assert Answerer(lookalike, "extractive").ask(question).refused


@pytest.mark.parametrize(
    "question",
    [
        # 南海区 counts 府院联席会议4次 and 行政复议意见书11份, and 听证会3场 of 重大行政决策: none is a 行政复议听证会
        "南海区2024年召开了多少场行政复议听证会？",
        "南海区2024年召开了多少次行政复议听证会？",
    ],
)
def test_a_count_of_a_thing_named_by_two_words_needs_a_sentence_naming_both(lookalike, question):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert answer.refused, answer.answer


def test_a_part_answered_after_the_semicolon_of_the_sentence_naming_its_thing_is_answered(lookalike):
    """ "…审结了多少件，纠错率多少": "…收到行政复议申请1124件…审结956件；…直接纠错92件，纠错率9.6%。" names 行政复议
    only before its ；, and the rate had been said "报告未载明纠错率"."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年行政复议审结了多少件，纠错率多少").answer
    assert "956件" in answer and "纠错率9.6%" in answer and "未载明" not in answer, answer


def test_a_part_counting_an_act_the_report_does_not_count_is_said_not_given(lookalike):
    """ "…多少件，同比增长多少，主动撤回多少件": 肇庆 counts no withdrawals; the third part had been dropped without
    a word (the 1586件 sentence "answered" it); 南海区's 104件 still answers it."""
    answerer = Answerer(lookalike, "extractive")
    answer = answerer.ask("肇庆2023年行政复议申请多少件，同比增长多少，主动撤回多少件").answer
    assert "1586件" in answer and "27.8%" in answer and answer.endswith("报告未载明主动撤回。"), answer
    assert "104件" in answerer.ask("南海区2024年行政复议申请多少件，主动撤回多少件").answer


def test_a_part_of_a_total_the_report_does_not_count_is_refused_not_answered_by_the_total(lookalike):
    """肇庆 counts 收到行政复议申请1586件 and no withdrawals: "主动撤回多少件" was answered with the 1586件; 南海区's
    own 撤回申请104件 is still its answer."""
    answerer = Answerer(lookalike, "extractive")
    assert answerer.ask("肇庆2023年行政复议主动撤回多少件").refused
    assert "104件" in answerer.ask("南海区行政复议主动撤回多少件").answer


def test_a_report_asked_both_its_dates_gives_both(lookalike):
    """“…哪天发布的？落款日期是哪天？”: the 落款 date used to stand for both, the 发布时间 line's left out."""
    answer = Answerer(lookalike, "extractive").ask("肇庆市2023年法治政府建设报告是哪天发布的？落款日期是哪天？")
    assert "落款日期为2024年2月26日" in answer.answer and "发布日期为2024年2月28日" in answer.answer


def test_a_figure_of_each_of_two_things_is_each_things_total(lookalike):
    answer = Answerer(lookalike, "extractive").ask("南海区2024年行政复议申请和行政应诉案件各多少件？")
    assert "收到行政复议申请1124件" in answer.answer and "行政应诉案件413件" in answer.answer
    assert "104件" not in answer.answer  # 撤回申请: a part of the first


def test_a_count_among_a_whole_is_answered_only_by_a_count_with_its_mark(lookalike):
    answerer = Answerer(lookalike, "extractive")
    assert answerer.ask("肇庆市行政执法人员中有多少人取得法律职业资格？").refused  # 持证4120人 is the whole
    assert "持证上岗2985人" in answerer.ask("南海区行政执法人员中有多少人持证上岗？").answer


def test_a_target_not_reached_is_no_value_of_the_rate(lookalike):
    """肇庆's shortcomings say "出庭应诉率尚未实现100%": a target, not its rate (98.6%, in its achievements)."""
    answer = Answerer(lookalike, "extractive").ask("行政机关负责人出庭应诉率是多少？")
    assert "98.6%" in answer.answer and "尚未" not in answer.answer, answer.answer


def test_a_rate_is_said_with_what_it_is_of_and_without_what_follows(lookalike):
    answer = Answerer(lookalike, "extractive").ask("肇庆市2023年行政机关负责人出庭应诉率是多少？")
    assert "出庭应诉率98.6%" in answer.answer and "败诉率" not in answer.answer, answer.answer


def test_a_count_of_those_that_succeeded_is_the_part_not_the_whole(lookalike):
    """ "人民调解成功的有多少宗": 调解成功12199宗, not (only) the 12460宗 taken on."""
    answer = Answerer(lookalike, "extractive").ask("肇庆2023年人民调解成功的有多少宗？")
    assert "调解成功12199宗" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("肇庆2023年涉企行政检查次数同比下降了多少？", "同比下降22.4%"),
        ("南海区2024年涉企行政检查次数同比有什么变化？", "同比下降31.6%"),
        # "比2023年多了多少" asks the change against the year before: the sentence saying it, and only that
        ("南海区2024年行政复议申请比2023年多了多少？", "南海区2024年全区收到行政复议申请1124件，同比增长42.3%[1]。"),
    ],
)
def test_a_change_of_a_count_is_answered_by_its_percentage(lookalike, question, said):
    """ "检查次数" names the count whose change is asked: the answer is a %, not a figure in 次 (refused before)."""
    answer = Answerer(lookalike, "extractive").ask(question)
    assert said in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("南海区行政诉讼败诉率跟上一年比？", "较上年下降1.7个百分点"),  # a change asked without 增长/下降
        ("南海区行政复议申请比2023年多了多少？", "同比增长42.3%"),  # 2023 is what it is measured against
        ("南海区2024年收到多少件行政复议申请？", "南海区2024年全区收到行政复议申请1124件"),  # no law's date as frame
    ],
)
def test_a_change_against_the_year_before_is_the_latest_reports(lookalike, question, said):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert said in answer.answer and "施行后" not in answer.answer, answer.answer


def test_a_figure_stated_in_a_yes_or_no_question_is_checked_against_the_years_own(lookalike):
    """ "…是否达到100%？": 肇庆's plans say "推动…出庭应诉率达到100%" (a target for next year); its year's rate is
    98.6%, so the answer is no, with the rate."""
    answer = Answerer(lookalike, "extractive").ask("肇庆2023年行政机关负责人出庭应诉率是否达到100%？")
    assert answer.answer.startswith("否。") and "98.6%" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # 1586件 were 收到 (received), 1432件 受理 (accepted): a count of another act bears out no claim of this one
        ("肇庆2023年受理行政复议申请1586件，对吗？", "否。"),
        ("肇庆2023年受理行政复议申请1432件，对吗？", "是。"),
        ("南海区2024年受理行政复议申请1124件，对吗？", "否。"),  # 收到1124件，其中受理1018件
        ("南海区2024年收到行政复议申请1124件，对吗？", "是。"),
        # a figure stated and asked back, with no 对吗, asks whether it holds too (收到1124件 had been given as the
        # answer, no verdict, as if 受理 were 1124)
        ("南海受理了1124件？", "否。"),
        ("肇庆审结1586件？", "否。"),
        ("南海收到1124件？", "是。"),
        # a change claimed the other way: the figure is the report's, its direction not ("是。…下降31.6%")
        ("南海涉企检查次数上升31.6%，是吗", "否。"),
        ("南海涉企检查次数下降31.6%，是吗", "是。"),
        # a rate claimed beside a count: 纠错率 names a rate, not a part counted by 纠错 (it had been refused)
        ("肇庆2023复议申请1586件、纠错率9.6%，对吗", "否。"),  # 纠错率7.2%
        ("肇庆2023复议申请1586件、纠错率7.2%，对吗", "是。"),
    ],
)
def test_a_count_claimed_of_one_act_is_judged_by_that_acts_count(lookalike, question, verdict):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert answer.answer.startswith(verdict), answer.answer


def test_a_change_the_report_gives_of_other_things_only_is_refused(lookalike):
    """南海 gives 行政复议申请's growth (42.3%) and 败诉率's drop (1.7个百分点), none of 行政应诉案件's count."""
    assert Answerer(lookalike, "extractive").ask("南海区2024年行政应诉案件比上年增长了多少？").refused


def test_a_wrong_amount_stated_is_denied_with_the_reports(lookalike):
    """ "…1.37万元，这个数对吗？": 这个数 asks no count in 个 (it was refused); the report says 1.37亿元."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年罚没款金额1.37万元，这个数对吗？")
    assert answer.answer.startswith("否。") and "1.37亿元" in answer.answer, answer.answer


def test_a_city_with_only_a_districts_report_is_not_answered_by_the_district(lookalike):
    """Only 佛山市南海区 reported: a question on 佛山市 is not answered with the district's figures."""
    assert Answerer(lookalike, "extractive").ask("佛山市2024年行政复议申请多少件？").refused


@pytest.mark.parametrize(
    "turns",
    [
        ["禅城区2024年收到多少行政复议申请"],  # jieba tags 禅城区 `n`: it was no place, and 南海区's 1124件 answered
        ["请问禅城区2024年行政复议申请1124件对吗"],  # it had got "是。南海区…1124件"
        ["南海区2024年收到多少行政复议申请？", "那禅城区呢"],
    ],
)
def test_a_district_of_no_report_that_jieba_does_not_know_is_not_answered_by_another(lookalike, turns):
    answerer, history = Answerer(lookalike, "extractive"), []
    for question in turns:
        answer = answerer.ask(question, history=history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
    assert answer.refused and "1124" not in answer.answer, answer.answer


def test_all_there_are_is_not_answered_by_what_was_added(lookalike):
    """ "共有多少个…示范村": "新增…示范村（社区）5个" is the year's addition; asked what was added, it answers."""
    answerer = Answerer(lookalike, "extractive")
    assert answerer.ask("南海区共有多少个省级民主法治示范村（社区）？").refused
    assert "5个" in answerer.ask("南海区新增多少个省级民主法治示范村").answer


def test_a_service_named_by_where_it_is_done_is_answered_by_its_own_count(lookalike):
    """ "省内通办": 南海 gives 398项 (成都, which gives only 跨省通办 and 川渝通办, is refused: test_extractive)."""
    answer = Answerer(lookalike, "extractive").ask("南海区省内通办事项有多少项？").answer
    assert "398项“省内通办”" in answer, answer


def test_a_district_named_after_its_city_without_suffixes_is_the_district(lookalike):
    """ "佛山南海…": 佛山 is 南海区's city, no other place the passages must name (it had been refused)."""
    assert "3178件" in Answerer(lookalike, "extractive").ask("佛山南海法律援助多少件").answer


def test_a_district_of_a_city_report_is_not_answered_by_the_citys_figure(lookalike):
    """ "肇庆鼎湖区调解成功率": the report gives the city's 97.91% only; it is no 鼎湖区 figure."""
    assert Answerer(lookalike, "extractive").ask("肇庆鼎湖区调解成功率").refused


def test_a_district_named_with_its_city_is_answered_as_the_district(lookalike):
    """ "佛山市南海区…": 佛山市 names the district's place, not a topic (a sentence on 佛山市行政争议调解中心 came
    first, with its part 撤回104件)."""
    answer = Answerer(lookalike, "extractive").ask("佛山市南海区2024年行政复议申请多少件？")
    assert answer.answer.startswith("南海区2024年全区收到行政复议申请1124件[1]"), answer.answer


def test_every_place_asked_of_gives_each_reports_own_figure(lookalike):
    """ "各地的…分别是多少" names no place: each report's own row."""
    answer = Answerer(lookalike, "extractive").ask("各地的调解成功率分别是多少？")
    assert "98.74%" in answer.answer and "97.91%" in answer.answer, answer.answer


def test_success_asked_in_either_order_is_the_part_that_succeeded(lookalike):
    """ "成功调解了多少宗" is answered by "调解成功9712宗", not by the total alone."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年人民调解组织成功调解了多少宗纠纷？")
    assert "调解成功9712宗" in answer.answer, answer.answer


def test_each_of_several_acts_asked_gets_each_ones_count(lookalike):
    """ "收到、受理、审结各多少件": all three counts of the sentence, not the two saying most of the question."""
    answer = Answerer(lookalike, "extractive").ask("肇庆市2023年行政复议收到、受理、审结各多少件？")
    for said in ("1586件", "受理1432件", "审结1350件"):
        assert said in answer.answer, answer.answer


def test_a_part_is_of_the_count_before_it_not_of_a_change_between(lookalike):
    """ "…1124件，同比增长42.3%，其中受理1018件": 其中 is of the 1124件 received."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年行政复议受理了多少件？")
    assert "收到行政复议申请1124件，其中受理1018件" in answer.answer, answer.answer


def test_a_date_asked_of_an_act_said_in_another_word_is_answered(lookalike):
    """ "哪天起实施" is answered by "…实施办法》，自2024年7月1日起施行": 施行 and 实施 are one act."""
    answer = Answerer(lookalike, "extractive").ask("南海区行政执法“观察期”制度哪天起实施？")
    assert "2024年7月1日" in answer.answer, answer.answer


def test_a_count_asked_again_of_another_place_is_the_last_counts_question(lookalike):
    """ "肇庆呢，有几项？" after a name and a date were asked: the count of 重大行政决策事项, not the date again."""
    answerer, history = Answerer(lookalike, "extractive"), []
    for question in [
        "南海区2024年纳入目录管理的重大行政决策事项有几项？",
        "相关的程序规定叫什么名字？",
        "什么时候开始施行的？",
    ]:
        history += [
            {"role": "user", "content": question},
            {"role": "assistant", "content": answerer.ask(question, history).answer},
        ]
    answer = answerer.ask("肇庆呢，有几项？", history)
    assert "重大行政决策事项9项" in answer.answer, (answer.standalone, answer.answer)


def test_a_part_the_years_account_does_not_count_is_said_not_given(lookalike):
    """ "其中法制审核人员多少名？": not next year's target ("不少于3名"), nor a sentence whose only number is a year."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年有多少名持证行政执法人员？其中法制审核人员多少名？")
    assert "2985人" in answer.answer and "报告未载明法制审核人员" in answer.answer, answer.answer
    assert "不少于3名" not in answer.answer


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("南海区和肇庆的行政诉讼败诉率哪个低？", "南海区更低"), ("南海区和肇庆的法律援助案件谁少？", "南海区更少")],
)
def test_which_is_lower_asked_without_geng_says_the_lower(lookalike, question, verdict):
    """ "哪个低？" asks the lower: it was answered "肇庆市更高"."""
    assert Answerer(lookalike, "extractive").ask(question).answer.endswith(f"；{verdict}。")


def test_a_figure_from_next_years_plans_is_said_to_be_planned(lookalike):
    """ "下一步计划每个镇街配备多少名…": 南海区's 2025 plans say 不少于3名; led "南海区2024年…" it read as done in
    2024. A figure from the plans is led by whose plans they are."""
    answer = Answerer(lookalike, "extractive").ask("南海区下一步计划每个镇街配备多少名法制审核人员？")
    assert answer.answer.startswith("南海区2024年度报告的工作安排：") and "不少于3名" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("南海区给新业态企业几个月观察期？", "6个月"),  # 几个月 asks months, not a count in 个
        ("南海区的观察期有多长？", "6个月"),  # a length of time: a figure in a unit of time
        ("南海区执法“观察期”制度实施办法从哪天起施行？观察期多长？", "6个月"),
    ],
)
def test_a_length_of_time_asked_is_answered_by_one(lookalike, question, said):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert said in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "南海“观察期”制度什么时候实施，观察期多长",  # two asks joined by a comma, each a clause of its own
        "南海区执法“观察期”制度什么时候实施？观察期多长？",  # the length is the second part's, not the whole's
    ],
)
def test_a_date_and_a_length_asked_together_are_both_answered(lookalike, question):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert "2024年7月1日" in answer.answer and "6个月" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("南海那边调解纠纷搞了多少宗啊", "9836宗"),  # 那边, 搞了: talk, not what is asked
        ("肇庆去年法援办了多少案子", "4215件"),  # 法援, 案子: the asker's words for 法律援助, 案件
        ("南海区调解纠纷做了多少宗？", "9836宗"),
    ],
)
def test_a_question_in_casual_words_is_answered_as_in_the_reports_words(lookalike, question, said):
    answer = Answerer(lookalike, "extractive").ask(question)
    assert said in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["南海区获得了哪些荣誉？", "南海区在报告开头提到获得了哪些荣誉？"])
def test_honours_asked_are_answered_by_what_was_won(lookalike, question):
    """A report says an honour by what was won ("获评优秀等次", "获评…创新实践案例"), not the word 荣誉."""
    answer = Answerer(lookalike, "extractive").ask(question)
    assert "获评优秀等次" in answer.answer, answer.answer


def test_things_asked_by_which_are_the_clause_listing_them(lookalike):
    """ "需要履行哪些程序": the clause listing the 程序 (公众参与、专家论证…), not the clause saying most of the
    question's other words (出台《…重大行政决策程序规定》)."""
    answer = Answerer(lookalike, "extractive").ask("南海区重大行政决策事项需要履行哪些程序？")
    assert "公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序" in answer.answer, answer.answer


def test_a_figure_of_the_year_before_is_computed_from_the_next_years_report(lookalike):
    """南海区 has no 2023 report; its 2024 one says "行政诉讼败诉率4.1%，较上年下降1.7个百分点": 2023's was 5.8%,
    computed and said so, the sentence cited. A change in % of a count (1124件，同比增长42.3%) gives no exact
    count of the year before: not computed."""
    answer = Answerer(lookalike, "extractive").ask("南海区2023年行政诉讼败诉率是多少？")
    assert answer.answer.startswith("南海区2023年行政诉讼败诉率为5.8%") and "推算" in answer.answer, answer.answer
    assert answer.citations and answer.flagged_numbers == []
    assert Answerer(lookalike, "extractive").ask("南海区2023年收到多少件行政复议申请？").refused


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the order asked of several places, where their figures are exact
        (
            "韶关、成都、南海、肇庆四地实现的“跨省通办”事项，从多到少怎么排？",
            "从多到少依次为韶关市、南海区、肇庆市、成都市",
        ),
        # 南海区's count of 行政复议申请, not the part of them withdrawn ("主动撤回申请104件")
        ("把成都、肇庆、南海、韶关的行政复议申请数量从多到少排个序。", "从多到少依次为成都市、肇庆市、南海区、韶关市"),
        # the most and the least, both asked
        ("南海、肇庆、韶关、花都四个地方里，哪个的人民调解成功率最高？最低的是哪个？", "韶关市最高，肇庆市最低"),
        # the most, and by how much it exceeds the least
        (
            "韶关、南海、肇庆三地的“省内通办”事项哪个最多？比最少的多多少项？",
            "南海区最多，肇庆市最少，南海区比肇庆市多93项",
        ),
        # a difference asked with the act between ("多兑现了多少"), of money
        ("南海比肇庆多兑现了多少惠企资金？", "南海区比肇庆市多1.73亿元"),
        # the sum of two places' figures
        ("南海和肇庆新增的省级民主法治示范村（社区）加起来有几个？", "合计9个"),
        # how many times the other's: 超1.11万件 against 1586件, about 7 (a bound: not exact)
        ("成都2024年行政复议案件是肇庆2023年的几倍", "成都市约是肇庆市的7倍"),
        ("成都2024年新收行政复议案件是肇庆2023年的多少倍？", "成都市约是肇庆市的7倍"),
        ("南海区2024年收到的行政复议申请是肇庆市2023年的几倍？", "南海区约是肇庆市的0.71倍"),
        # of a time taken, the shorter is the faster (0.5个工作日 against 1个工作日)
        ("南海区和肇庆企业开办时间哪个短？", "南海区更短"),
        ("南海区和肇庆开办企业哪个更快？", "南海区更快"),
        ("肇庆2023年收到的行政复议申请是南海区2024年的几倍？", "肇庆市约是南海区的1.4倍"),  # in the order asked
    ],
)
def test_several_places_compared_are_ranked_differenced_and_summed_as_asked(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question)
    assert said in answer.answer and answer.flagged_numbers == [], answer.answer


def test_each_part_of_a_question_is_answered_by_the_clause_counting_its_act(lookalike):
    """ "受理了多少件？审结多少件？": the 受理 part by "其中受理1018件", not by the 收到1124件 before it."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年的行政复议申请受理了多少件？审结多少件？")
    assert "受理1018件" in answer.answer and "审结956件" in answer.answer, answer.answer


def test_a_target_asked_of_next_year_is_the_plans_figure(lookalike):
    """ "打算下一年把出庭应诉率提到多少": 肇庆's plans say "推动…出庭应诉率达到100%"; its 2023 figure (98.6%) is what
    the year reached, not the target."""
    answer = Answerer(lookalike, "extractive").ask("肇庆打算下一年把出庭应诉率提到多少？")
    assert "100%" in answer.answer and "98.6%" not in answer.answer, answer.answer


def test_a_counter_joined_to_its_noun_is_no_part_of_the_thing_counted(lookalike):
    """jieba reads "多少份文件" as 多少 / 份文件: the thing is 文件, which "…等文件11份" names."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年审议通过了多少份文件？")
    assert "文件11份" in answer.answer, answer.answer


def test_the_year_before_named_without_a_year_is_the_one_before_the_bodys_latest_report(lookalike):
    """ "南海区行政诉讼败诉率上年是多少？": 上年 is the year before its report's (2023), not the report's own 4.1%;
    上年 after 较/比 is what a change is measured against, no year asked."""
    answer = Answerer(lookalike, "extractive").ask("南海区行政诉讼败诉率上年是多少？")
    assert "5.8%" in answer.answer and "2023" in answer.standalone, (answer.standalone, answer.answer)
    changed = Answerer(lookalike, "extractive").ask("南海区行政诉讼败诉率较上年下降了多少？")
    assert "1.7个百分点" in changed.answer, changed.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("花都和肇庆的报告哪个先发布？", "花都区的报告发布更早"),  # 2024-01-04 against 2024-02-28
        ("成都和南海的报告谁先出？", "成都市的报告发布更早"),  # 2025-01-06 against 2025-01-10
        ("成都和南海的报告哪份发布得更晚？", "南海区的报告发布更晚"),
    ],
)
def test_which_report_was_published_first_is_computed_from_their_dates(archive, question, said):
    """Each report's date, cited, and which came first: it had been answered by a sentence saying 发布."""
    answer = Answerer(archive, "extractive").ask(question)
    assert said in answer.answer and len(answer.citations) == 2 and answer.flagged_numbers == [], answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("哪些是2023年度的报告", ["共2份", "花都区", "肇庆市"]),
        ("一共有几份报告？", ["共6份", "成都市", "南海区"]),  # reports; the 2017 news page is an article
    ],
)
def test_which_reports_the_archive_holds_is_its_catalogue(archive, question, said):
    """The reports themselves, each cited by its title lines (one report's title had answered the year's)."""
    answer = Answerer(archive, "extractive").ask(question)
    assert all(s in answer.answer for s in said) and len(answer.citations) >= 2, answer.answer


def test_two_things_of_a_place_asked_with_yigong_are_summed(lookalike):
    """ "…跨省通办和省内通办一共多少项": their sum, as "加起来" asks (the two counts had been given unsummed)."""
    answer = Answerer(lookalike, "extractive").ask("南海区跨省通办和省内通办一共多少项").answer
    assert "合计613项" in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("讲法治广州的那篇新闻标题叫什么？", "推进依法治市 建设法治广州"),  # 新闻 is an article, as 报道 is
        ("有哪些新闻？", "共1份"),
    ],
)
def test_a_news_item_is_an_article(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question)
    assert said in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("肇庆报告落款到网上发布隔了几天？", "相隔2天"),  # signed 2024年2月26日, published 2024-02-28
        ("肇庆报告的落款日期和发布日期是同一天吗？", "不是同一天"),
    ],
)
def test_a_reports_signature_and_publication_dates_are_compared(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question)
    assert said in answer.answer and "发布日期为" in answer.answer and "落款日期为" in answer.answer, answer.answer


def test_a_page_with_no_publication_line_is_not_said_published_on_its_signatures_day(archive):
    """成都's page says only "157天前": the date read off its signature (2025年1月6日) is when it was signed; it had
    been said to be its publication date, "是同一天"."""
    answer = Answerer(archive, "extractive").ask("成都的报告发布时间和落款是同一天吗？").answer
    assert "落款日期为2025年1月6日" in answer and "未载明发布日期" in answer and "同一天" not in answer, answer


def test_is_that_so_asks_whether_and_weighs_no_word(lookalike):
    """ "…38个，是这样吗？": 这样 is no word of the thing (its weight had left every sentence short of the question,
    and it was refused); the report's 26个 is given."""
    answer = Answerer(lookalike, "extractive").ask("肇庆2023年法治督察反馈问题38个，是这样吗？")
    assert "督促整改问题26个" in answer.answer, answer.answer


def test_which_place_won_said_in_everyday_words_is_answered(lookalike):
    """ "哪个地方评上了…": 评上 is the reports' 获评 (the sentence saying 获评 had not said the question's thing)."""
    answer = Answerer(lookalike, "extractive").ask("肇庆哪个地方评上了第三批全国法治政府建设示范项目？")
    assert "四会市" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # each place's own thing: 广州's 出台155份, not the 各区政府文件78件 that the 南海 part's words pointed to
        ("广州2024年出台多少份规范性文件，南海2024年制定区政府规范性文件多少件", ["155份", "23件"], "78件"),
        # 花都's 公职律师68名 had been said not to be in its report
        ("花都2023年有公职律师多少名，南海2024年持证上岗执法人员多少人", ["68名", "2985人"], "未载明"),
        # two places and two asks: the second ask (the rates) had been dropped for both
        ("南海区和肇庆市办理行政应诉案件各多少件，负责人出庭应诉率各多少", ["413件", "527件", "100%", "98.6%"], None),
    ],
)
def test_different_things_asked_of_different_places_are_each_answered_on_their_own(archive, question, said, not_said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert all(x in answer for x in said) and (not_said is None or not_said not in answer), answer


def test_a_yes_or_no_part_beside_another_part_is_judged_by_its_own_figure(lookalike):
    """ "败诉率多少，出庭应诉率到100%了吗": "否。" had been said before the 败诉率 alone (5.3% is not 100%), with no
    出庭应诉率; both parts are answered now, each by its own figure."""
    answer = Answerer(lookalike, "extractive").ask("肇庆行政诉讼败诉率多少，出庭应诉率到100%了吗").answer
    assert "5.3%" in answer and "98.6%" in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("南海重大决策程序规定几号生效", "自2024年3月1日起施行"),  # 生效 is 施行 (a 严格落实… sentence had answered)
        ("肇庆报告讲的是哪年的事", "肇庆市2023年度报告总结的是2023年度的工作"),  # a lecture count had answered
        ("南海复议结了多少件", "审结956件"),  # 结了 is 审结
        ("南海区2024年行政复议结案多少件", "审结956件"),  # 结案 too (收到1124件 had answered)
        ("花都区公职律师几个人", "68名"),  # 几个人 counts people (it was no figure asked)
        ("肇庆负责人出庭率100%了吧", "否。肇庆市2023年行政机关负责人出庭应诉率98.6%"),  # 出庭率: 出庭应诉率
        ("广州数交所累计成交了多少钱", "累计交易额超55亿元"),  # 数交所: 数据交易所
        ("韶关帮209个农民工讨薪的是哪个单位", "新丰县法律援助处"),  # a 处 is a body that does things
        ("花都报告啥时候发的", "发布日期为2024年1月4日"),  # 发的: published ("发布日期" with no date had answered)
    ],
)
def test_a_question_in_everyday_words_gets_the_answer_of_its_formal_wording(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert said in answer, answer


def test_a_count_of_people_the_report_does_not_give_is_refused(lookalike):
    """肇庆 gives no count of 公职律师: "几个人" had answered with 监督员22名 and 持证执法人员4120人."""
    assert Answerer(lookalike, "extractive").ask("肇庆公职律师几个人").refused


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # everyday ways of asking which and by how much: each had got no verdict, or was refused
        ("涉企行政检查次数，南海和肇庆谁降得多？", "南海区降幅更大"),
        ("行政诉讼败诉率南海和肇庆，哪个高，差几个点", "肇庆市比南海区高1.2个百分点"),
        ("常务会议研究法治建设议题次数，南海和肇庆差了多少", "肇庆市比南海区多5次"),
        ("南海区和肇庆市的行政复议申请哪边多？", "肇庆市更多"),
        # successes compared are each place's successes, not the totals beside them (调解矛盾纠纷9836宗)
        ("南海和肇庆人民调解成功的宗数哪个多", "南海区2024年调解成功9712宗[1]，肇庆市2023年调解成功12199宗"),
        # a sum of two things is each place's sum, compared (one thing alone had been: 398 against 342)
        ("韶关跨省通办加省内通办一共多少？比南海多吗", "合计625项；南海区2024年"),
        ("南海和肇庆人大建议加政协提案各一共多少？哪个多", "合计228件；肇庆市2023年"),
        # a place counting the two together gives that figure, said so (成都: 地方性法规草案、政府规章12件)
        ("地方性法规加政府规章，广州和成都2024年谁多", "政府规章12件[2]（二者合计）；广州市更多"),
    ],
)
def test_a_comparison_asked_in_everyday_words_gets_its_verdict(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert said in answer, answer


def test_a_year_set_against_another_with_no_report_of_its_own_is_refused(lookalike):
    """ "肇庆2024年…比2023年多了多少": the archive holds no 肇庆 2024 report; 2023's 同比增长27.8% (its change on
    2022) had answered. 南海区 2024, which has its report, still gets its own change on the year before."""
    answerer = Answerer(lookalike, "extractive")
    assert answerer.ask("肇庆2024年的行政复议申请比2023年多了多少？").refused
    assert "同比增长42.3%" in answerer.ask("南海2024年行政复议申请比2023年多了多少？").answer


def test_figures_in_different_units_compared_are_said_not_comparable(archive):
    """广州's 135项 事项 beside 南海区's 兑现资金4.68亿元: a count of items and an amount of money; both had been
    given with no word that they cannot be compared."""
    answer = Answerer(archive, "extractive").ask("广州和南海的免申即享事项哪个多？").answer
    assert "135项" in answer and answer.endswith("二者计量单位不同，无法比较。"), answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a topic the section never speaks of: said so, the section cited (an unrelated item, or the whole list,
        # had answered as if it were about it)
        ("广州明年在行政复议方面打算怎么做？", "广州市2024年度报告的工作安排未涉及行政复议[1]。"),
        ("肇庆2023年在数字政府方面存在哪些不足", "肇庆市2023年度报告所列不足未涉及数字政府[1]。"),
        # one it speaks of: its item
        ("南海明年在行政复议方面打算怎么做", "深化行政复议主渠道建设"),
        # "在…方面取得了哪些成效" is a summary: the topic's measures, not a heading or a vacuous line
        ("广州2024年在行政复议方面取得了哪些成效？", "成立市行政复议委员会"),
        ("南海区2024年在行政执法方面取得了哪些成效", "向7个镇（街道）下放执法事项327项"),
        # without a topic, the results its preface lists (the 存在的问题 list had answered "取得了哪些成绩"); its
        # measures by their headings when asked so
        ("广州法治政府建设取得了哪些成绩", "政府透明度在全国106个地级市政府中排名第一"),
        ("广州法治政府建设的主要举措有哪些", "党对法治政府建设的领导不断加强"),
        # "还有啥问题" asks the shortcomings (sentences holding 问题 had answered: 反馈问题38个)
        ("南海区还有啥问题", "南海区2024年度报告所列不足：一是镇街执法队伍专业化水平有待提高"),
    ],
)
def test_a_topic_asked_of_a_section_or_the_measures_gets_what_they_say_of_it(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question)
    assert said in answer.answer and answer.citations, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "南海区2024年在地方立法方面取得了哪些成效",  # 南海区's report never speaks of 立法 ("取得新成效" had answered)
        "2017年广州日报那篇法治广州报道里列了哪些不足？",  # an article lists none (its page line had answered)
    ],
)
def test_a_topic_or_section_the_document_does_not_have_is_refused(archive, question):
    answer = Answerer(archive, "extractive").ask(question)
    assert answer.refused, answer.answer


def test_a_pages_date_and_source_line_is_no_answer(archive):
    """ "2017-11-13 来源：广州日报" is page chrome: "…新闻里说的“今年”指哪一年" had been answered "广州市2017年日报"."""
    answer = Answerer(archive, "extractive").ask("那篇广州日报的新闻里说的“今年”指哪一年").answer
    assert "来源" not in answer and "日报[1]" not in answer, answer


def test_a_city_by_its_one_character_name_is_that_city(archive):
    """ "穗2024年…": 广州 (it had been no place, and 南海区's 法律援助3178件 answered); 广州 gives no such count."""
    answer = Answerer(archive, "extractive").ask("穗2024年法律援助办了多少宗")
    assert answer.refused and "3178" not in answer.answer, answer.answer


def test_an_amount_asked_in_everyday_words_is_answered(lookalike):
    """ "几个亿" asks an amount in 亿元 (it had been refused as a count in 个)."""
    assert "4.68亿元" in Answerer(lookalike, "extractive").ask("南海免申即享兑现资金几个亿").answer
    assert "4.68亿元" in Answerer(lookalike, "extractive").ask("南海免申即享兑现了多少钱").answer


def test_a_figure_stated_as_known_keeps_the_answer_to_its_report(archive):
    """ "1,124件复议申请里面受理了几件" names no place, but 1124件 is 南海区's: 肇庆's 1586件/1432件 had been added."""
    answer = Answerer(archive, "extractive").ask("1,124件复议申请里面受理了几件").answer
    assert "受理1018件" in answer and "肇庆" not in answer, answer


def test_a_figure_in_chinese_numerals_is_looked_up_as_the_reports_write_it(archive):
    """ "一千一百二十四件复议申请是哪个区的": the reports write 1124件 (it had been refused; "1124件…" was answered)."""
    assert "南海区" in Answerer(archive, "extractive").ask("一千一百二十四件复议申请是哪个区的").answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a section asked of several places: each report's own section (an unrelated sentence, or a refusal, had
        # answered)
        ("广州和韶关问题分别有几条", ["广州市2024年度报告所列不足共4项", "韶关市2024年度报告所列不足共3项"]),
        ("成都和南海下一步在行政复议上的打算分别是什么", ["成都市2024年度报告的工作安排", "南海区2024年度报告的"]),
        ("广州报告分几部分", ["分为三个部分"]),  # the report's parts (a shortcoming's sentence had answered)
    ],
)
def test_a_reports_sections_asked_of_several_places_or_as_parts_are_read_from_its_structure(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert all(s in answer for s in said), answer


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("肇庆那份报告提到信访工作了吗", "肇庆市2023年度报告未提及“信访”", "312份"),  # 信访 is in no line of it
        ("南海区报告有没有提到观察期", "提到“观察期”", "资料中没有"),
    ],
)
def test_whether_one_report_mentions_something_is_read_from_its_whole_text(lookalike, question, said, not_said):
    """ "…提到X了吗": the report's text is read for X; a sentence on something else (its 重大行政决策 and 合同) had
    answered "肇庆那份报告提到信访工作了吗", reading as yes."""
    answer = Answerer(lookalike, "extractive").ask(question).answer
    assert said in answer and not_said not in answer, answer


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # a different thing of each place, in one clause: each place's own ("合格率99.6%" is 南海's 学法考试's)
        ("南海执法案卷的优秀率和肇庆的案卷合格率分别是多少", ["87.5%", "95.3%"], "99.6%"),
        ("南海的法律援助案件数和肇庆的调解成功率分别是多少？", ["3178件", "97.91%"], "资料中没有"),
    ],
)
def test_a_different_thing_asked_of_each_place_is_each_places_own(archive, question, said, not_said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert all(s in answer for s in said) and not_said not in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the change is the report's; the year before's rate worked out from it (the whole had been refused)
        ("南海区行政诉讼败诉率比上年降了多少？上年是多少？", ["1.7个百分点", "5.8%"]),
        # the count of the year before is not given: said so plainly, not "报告未载明大概" nor "…未载明此项"
        ("南海区行政复议申请同比增长多少？上年大概多少件？", ["42.3%", "未载明2023年的数字"]),
        ("花都23年收到多少宗复议申请？上年呢", ["786宗", "报告未载明上年的数字"]),
    ],
)
def test_a_change_and_the_year_befores_figure_asked_together_are_each_answered(archive, question, said):
    answer = Answerer(archive, "extractive").ask(question).answer
    assert all(s in answer for s in said) and "大概" not in answer, answer


def test_a_field_said_as_zhekuai_is_that_field(lookalike):
    """ "执法这块" is the asker's 执法方面 (it was refused)."""
    answer = Answerer(lookalike, "extractive").ask("南海区执法这块主要做法有哪些").answer
    assert "327项" in answer, answer


def test_who_issued_a_report_asked_with_its_year_and_date_is_said(lookalike):
    answer = Answerer(lookalike, "extractive").ask("南海区那份报告哪年的？谁发的，哪天发的？").answer
    assert "佛山市南海区人民政府" in answer and "2025年1月10日" in answer and "2024年度" in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("肇庆那份报告是哪个年度的", "2023年度的工作"),  # 那份报告: the report itself (its 年度目录 had answered)
        ("肇庆报告是哪一年的", "2023年度的工作"),  # it was refused
        ("肇庆那份报告来源单位", "肇庆市司法局"),
    ],
)
def test_a_reports_own_lines_are_asked_as_a_drafter_words_it(lookalike, question, said):
    answer = Answerer(lookalike, "extractive").ask(question).answer
    assert said in answer, answer


@pytest.mark.parametrize("question", ["最新的是哪份报告", "库里最新的报告是哪一年度的"])
def test_the_latest_reports_are_those_of_the_latest_year(archive, question):
    """ "最新的…报告": the archive's reports of its latest covered year, each named (it was refused)."""
    answer = Answerer(archive, "extractive").ask(question).answer
    assert "2024年度" in answer and "南海区" in answer and "肇庆" not in answer and "花都" not in answer, answer


def test_how_big_the_gap_is_asked_of_two_places_is_their_difference(archive):
    """ "…各评了多少宗，差距多大": 差距多大 asks the difference as 差距多少 does (肇庆's 842宗 had been said not given,
    with the question pasted after 未载明)."""
    answer = Answerer(archive, "extractive").ask("执法案卷评查韶关和肇庆各评了多少宗，差距多大").answer
    assert "2579宗" in answer and "842宗" in answer and "1737宗" in answer and "未载明" not in answer, answer
