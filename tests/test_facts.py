"""Answers from the report structure: the question plan, facts read by role, comparisons computed in code,
refusals by unit class and grade, relative years, the asker's script, and a model's answer checked against the
facts (replaced when it fails). Questions here are written from the rules, not copied from the gold set."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import pytest
from live_server import serve_handler

from bot.answer.chain import Answerer
from bot.answer.checks import answers_the_asked
from bot.answer.facts import _verdict
from bot.answer.intent import asks, make_plan
from bot.ingest.figures import Figure
from bot.models import REFUSAL
from bot.settings import Settings
from bot.text import to_simplified

BODIES = ["广州市", "广州市花都区", "韶关市", "成都市"]


@pytest.mark.parametrize(
    ("question", "kind", "role"),
    [
        ("广州市报告里提到了哪些短板？", "section", "shortcomings"),
        ("成都明年有什么工作打算？", "section", "plans"),
        ("韶关主要领导怎样履行第一责任人职责？", "section", "duty"),
        ("请概括花都区在法律援助方面的主要做法", "summary", None),
        ("韶关2024年在优化法治化营商环境方面做了哪些工作？", "summary", None),  # what it did: not its plans
        ("成都的报告是以哪个机关的名义发布的？", "report", None),
        ("成都的报告是哪个部门发布的？", "report", None),
        ("这份报告分为哪几个部分？", "outline", None),  # not what the report says of itself
        ("韶关的报告第二部分讲了什么？", "outline", None),
        ("报告的结构是怎样的？", "outline", None),
        ("目录有哪些部分？", "outline", None),
        # a thing's own 目录 or 结构 is no outline of the report
        ("广州重大行政决策事项目录有几项？", "figure", None),
        ("韶关执法队伍年龄结构有什么问题？", "open", None),
        ("韶关和成都谁受理的行政复议案件更多？", "comparison", None),
        ("成都和韶关分别办理了多少件法律援助案件？", "comparison", None),
        ("成都办理了多少件行政应诉案件？", "figure", None),
        ("广州和成都2024年各办理行政复议案件多少件？", "comparison", None),  # a figure of several places: each
        ("韶关的人民调解成功率是多少？", "rate", None),
        ("广州哪一年获得了法治政府建设典范城市称号？", "time", None),
        # a document named in title marks is not the report, nor its title's 工作安排 the report's plans
        ("《成都市人民政府2024年度法治政府建设重点工作安排》是什么时候印发的？", "time", None),
        ("《推进依法治市 建设法治广州》这篇报道出自哪家媒体？", "report", None),
    ],
)
def test_the_plan_reads_the_kind_a_question_asks(question, kind, role):
    plan = make_plan(question, BODIES)
    assert (plan.kind, plan.role) == (kind, role)


def test_a_city_and_its_district_compared_side_by_side_are_both_in_scope():
    assert make_plan("广州市和花都区谁的出庭应诉率更高？", BODIES).scope.issuers == ["广州市", "广州市花都区"]
    district = make_plan("广州市花都区收到多少宗行政复议申请？", BODIES)
    assert district.kind == "figure" and district.scope.issuers == ["广州市花都区"] and district.unit == "宗"


def test_a_city_and_its_district_named_together_are_both_asked(seeded):
    """“广州市和花都区的出庭应诉率是多少？” asks both (each its row); “花都区在广州市的…考评中” names the city as
    the district's context."""
    assert make_plan("广州市和花都区的出庭应诉率是多少？", BODIES).scope.issuers == ["广州市", "广州市花都区"]
    assert make_plan("花都区在广州市的法治建设考评中获得了什么等次？", BODIES).scope.issuers == ["广州市花都区"]
    answer = Answerer(seeded, "extractive").ask("广州市和花都区的出庭应诉率是多少？")
    assert "广州市2024年全市行政机关负责人出庭应诉率达100%[1]" in answer.answer and "花都区2023年" in answer.answer


def test_a_city_and_its_district_each_asked_are_both_in_scope():
    """“广州和花都各自…”: the city is named beside its district, not as the district's city."""
    plan = make_plan("广州和花都在法治建设考评中各自连续几年获评优秀？", BODIES)
    assert plan.kind == "comparison" and plan.scope.issuers == ["广州市", "广州市花都区"]


def test_the_question_frame_tells_two_rows_equal_on_its_subject(seeded):
    """广州 was 连续8年 优秀 in the 法治广东 考评 and 连续7年 in the 平安广东 one: 法治建设考评 is asked."""
    answer = Answerer(seeded, "extractive").ask("广州和花都在法治建设考评中各自连续几年获评优秀？")
    assert "连续8年" in answer.answer and "连续7年" not in answer.answer and "连续四年" in answer.answer


def test_a_shortcomings_question_reads_the_section_whole(seeded):
    answer = Answerer(seeded, "extractive").ask("广州市报告里提到了哪些短板？")
    assert not answer.refused and answer.answer.startswith("广州市2024年度报告所列不足：一是")
    assert all(f"{n}是" in answer.answer for n in "一二三四")
    assert answer.citations[0].heading.startswith("二、存在的") and answer.flagged_numbers == []


def test_a_section_asked_of_two_reports_is_read_in_each_and_cited_to_each(seeded):
    answer = Answerer(seeded, "extractive").ask("韶关和成都下一步在优化法治化营商环境方面准备做些什么？")
    assert [c.doc for c in answer.citations] == ["002_092cc53afba18b30.txt", "004_7cff85eaf4bcf1da.txt"]
    first, second = answer.answer.split("[1]。")
    assert first.startswith("韶关市2024年度报告") and "综合查一次" in first  # each report's own item, in order
    assert second.startswith("成都市2024年度报告") and "蓉易+" in second and second.endswith("[2]。")


def test_plans_for_a_year_come_from_the_report_on_the_year_before(seeded):
    answer = Answerer(seeded, "extractive").ask("成都2025年在优化法治化营商环境方面有什么打算？")
    assert answer.citations and answer.citations[0].doc == "004_7cff85eaf4bcf1da.txt"
    assert "蓉易+" in answer.answer and "一是" not in answer.answer  # the item asked about, not all of them


def test_a_comparison_names_each_place_with_its_cited_figure_and_says_which_is_larger(seeded):
    answer = Answerer(seeded, "extractive").ask("韶关和成都谁受理的行政复议案件更多？")
    first, second = answer.answer.split("[1]")[0], answer.answer.split("[1]")[1].split("[2]")[0]
    assert "韶关市2024年" in first and "830件" in first
    assert "成都市2024年" in second and "1.11万件" in second
    assert answer.answer.endswith("成都市更多。") and answer.flagged_numbers == []
    assert {c.doc for c in answer.citations} == {"002_092cc53afba18b30.txt", "004_7cff85eaf4bcf1da.txt"}


def test_things_asked_together_are_compared_by_their_sum_where_a_report_gives_them_apart(seeded):
    """韶关 gives 人大代表建议77件 and 政协委员提案283件 apart, 广州 one figure of both (1407件): 360 against 1407, not
    77 against 1407; the sum says its parts and is grounded by them."""
    plan = make_plan("韶关和广州办理人大代表建议、政协提案的数量，谁更多？", BODIES)
    assert plan.things == (frozenset({"人大", "代表", "建议"}), frozenset({"政协", "提案"}))
    answer = Answerer(seeded, "extractive").ask(plan.question)
    assert "人大代表建议77件" in answer.answer and "政协委员提案283件，合计360件" in answer.answer
    assert "1407件" in answer.answer and answer.answer.endswith("广州市更多。") and answer.flagged_numbers == []
    # places listed with 、 are no things, and two things summed may be joined by 和
    for asked in (
        "广州、花都区、韶关、成都办理人大代表建议、政协提案的合计数各是多少？",
        "韶关和花都区办理人大代表建议和政协提案合计各多少件？",
    ):
        assert make_plan(asked, BODIES).things == plan.things, asked
    # 花都区 says 人大建议 for 人大代表建议: all but one of a three-word thing's words name it
    four = Answerer(seeded, "extractive").ask("广州、花都区、韶关、成都办理人大代表建议和政协提案的合计数各是多少？")
    assert "政协提案229件，合计437件" in four.answer and "合计360件" in four.answer, four.answer


@pytest.mark.parametrize(
    ("question", "given", "unsaid", "compared"),
    [
        # 韶关's report has no 行政应诉 figure: its nearest row of the unit (非现场云巡查案件966宗) is no answer
        ("成都市和韶关市2024年分别办理行政应诉案件多少件？哪个更多？", "5652件", "韶关市", True),
        # 广州's report gives no count of 行政复议案件 (its 减免责案件 are something else)
        ("广州和成都2024年各办理行政复议案件多少件？", "1.11万件", "广州市", False),
        # 韶关 gives 行政复议申请830件 but no growth; its 破案率同比上升 is another thing's
        ("韶关和成都2024年行政复议申请同比增长哪个高？", "89.6%", "韶关市", True),
        # 广州's 全市通办 is not 跨省通办: the rarest word of the thing must be named
        ("广州和成都的政务服务事项跨省通办各有多少项？", "162项", "广州市", False),
    ],
)
def test_a_place_whose_report_lacks_the_compared_figure_is_said_not_to_give_it(
    seeded, question, given, unsaid, compared
):
    answer = Answerer(seeded, "extractive").ask(question)
    assert given in answer.answer and answer.flagged_numbers == [] and len(answer.citations) == 1
    assert f"{unsaid}2024年度报告未载明此项" in answer.answer
    assert ("无法比较" in answer.answer) == compared and "更多" not in answer.answer and "更高" not in answer.answer
    assert not any(x in answer.answer for x in ("966", "21万", "5.91%", "307"))


def test_a_comparison_no_report_gives_is_refused_and_a_year_said_unsaid_is_not_flagged(seeded):
    """Neither 广州's nor 韶关's report counts 法律援助案件: their rows of cases (减免责案件, 人民调解案件, the latter
    in a sentence naming 法律援助 in another clause) are no answer. 花都区's 2023 report, said not to give a
    figure, is named with its year, which no cited passage holds and which is not flagged."""
    answer = Answerer(seeded, "extractive").ask("广州和韶关2024年的法律援助案件，谁更多？")
    assert answer.refused and answer.answer == REFUSAL
    answer = Answerer(seeded, "extractive").ask("花都区和韶关调解和解的行政纠纷各有多少件？")
    assert "208件" in answer.answer and "花都区2023年度报告未载明此项" in answer.answer
    assert answer.flagged_numbers == []


def test_a_thing_named_before_its_count_in_the_same_part_of_the_sentence_is_its_topic(seeded):
    """“全面落实规范性文件合法性审核制度，全年共审核（查）…规范性文件31件”: the count's clause names no 合法性,
    the clause before it (no figure of its own) does."""
    answer = Answerer(seeded, "extractive").ask("韶关和成都的合法性审查各多少件？")
    assert "31件" in answer.answer and "9000余件" in answer.answer and "未载明" not in answer.answer


def test_a_place_row_of_the_unit_asked_but_another_thing_gives_way_to_its_row_of_the_thing(seeded):
    """件 asked: 花都区's 政府信息公开申请案件786件 has the unit, its 法援案件2583宗 the thing (法律援助, in the
    sentence); the thing wins. And one office's two names (主要领导同志 / 主要负责同志) are one thing."""
    answer = Answerer(seeded, "extractive").ask("花都区和成都市各办理了多少件法律援助案件？")
    assert "2583宗" in answer.answer and "1.8万余件" in answer.answer and "786" not in answer.answer
    answer = Answerer(seeded, "extractive").ask("广州和成都的市政府主要负责同志研究法治政府建设的次数，谁更多？")
    assert "34次" in answer.answer and "20次" in answer.answer and answer.answer.endswith("广州市更多。")


def row(value: float, text: str, qualifiers: tuple[str, ...] = (), unit_class: str = "cases") -> Figure:
    return Figure("行政复议申请", value, text, "件", unit_class, qualifiers, None, text, 0, "甲市", 2024)


def test_the_larger_is_said_only_where_qualifiers_leave_the_order_certain():
    plan = make_plan("甲市和乙市谁的行政复议案件更多？", ["甲市", "乙市"])
    assert _verdict(plan, [("甲市", row(1400, "1400余件", ("余",))), ("乙市", row(1200, "1200件"))]) == "甲市更多"
    overlapping = [("甲市", row(1400, "1400余件", ("余",))), ("乙市", row(1500, "约1500件", ("约",)))]
    assert "无法精确比较" in _verdict(plan, overlapping)
    assert _verdict(plan, [("甲市", row(100, "100%", unit_class="percent"))] * 2) == "两者一样高"
    tied = [(name, row(100, "100%", unit_class="percent")) for name in ("甲市", "乙市")]
    third = ("丙市", row(98.6, "98.6%", unit_class="percent"))
    assert _verdict(plan, [*tied, third]) == "甲市、乙市并列最高"  # several at the top, exactly


def test_what_reports_say_of_themselves_is_said_for_each_and_only_from_their_own_lines(seeded):
    """Two reports asked together are each answered; one that does not say it (广州's report has no title,
    signature or date line) is said not to, and alone it is refused, not answered from a sentence on 机关."""
    answerer = Answerer(seeded, "extractive")
    years = answerer.ask("成都和花都区的报告分别总结的是哪一年的工作？")
    assert "2024年度的工作[" in years.answer and "2023年度的工作[" in years.answer and len(years.citations) == 2
    dates = answerer.ask("广州和成都的报告分别是哪天签发的？")
    assert dates.answer.startswith("广州市2024年度报告未载明此项。") and "落款日期为2025年1月6日[1]" in dates.answer
    assert answerer.ask("广州市的报告是以哪个机关的名义发布的？").answer == REFUSAL


def test_a_report_question_is_answered_from_its_own_lines(seeded):
    answerer = Answerer(seeded, "extractive")
    sent = answerer.ask("成都这份报告是报送给哪个机关的？")
    assert "报送市人大常委会[1]" in sent.answer
    addressed = ("成都的报告是向谁报告的？", "成都的报告主送机关是哪个？", "成都市政府向哪个机关报告法治政府建设情况？")
    for asked in addressed:
        assert "报送市人大常委会[1]" in answerer.ask(asked).answer, asked  # whom it is addressed to, said otherwise
    assert make_plan("广州报送备案市政府规范性文件多少份？", BODIES).kind == "figure"  # 报送 of documents: no addressee
    dated = answerer.ask("花都区的法治政府建设报告是哪天发布的？")
    assert "2024年1月4日（2024-01-04）" in dated.answer and dated.flagged_numbers == []
    # a report named by place and year (its full title is in the citation); an article by its title
    assert dated.answer.startswith("花都区2023年度报告发布日期为")
    article = answerer.ask("那篇介绍广州建设法治政府成就的报道是哪天刊发的？")
    assert article.answer.startswith("《推进依法治市 建设法治广州》")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("成都市2024年法治政府建设报告的标题是什么？", "标题为《成都市人民政府关于2024年度法治政府建设情况的报告》"),
        ("2017年广州那篇报道的标题是什么？", "标题为《推进依法治市 建设法治广州》"),
        ("花都区报告的完整标题是什么？", "标题为《广州市花都区人民政府关于2023年度法治政府建设情况的报告》"),
    ],
)
def test_a_reports_title_asked_is_its_own(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and answer.citations, answer.answer


def test_a_year_asked_of_a_thing_the_report_did_is_no_question_about_the_report(seeded):
    """ "针对哪一年…存在的问题出台了…方案": the year the report's sentence names, not the year the report covers."""
    plan = make_plan("韶关报告说针对哪一年法治政府建设存在的问题出台了攻坚行动方案？", BODIES)
    assert plan.kind != "report"
    assert make_plan("花都区报告里“下一年度的主要安排”是针对哪一年的?", BODIES).kind == "report"


def test_a_figure_of_another_unit_class_or_no_grade_is_refused(seeded):
    answerer = Answerer(seeded, "extractive")
    assert answerer.ask("花都区的公职律师一共办理了多少件法律事务？").answer == REFUSAL  # 68名: people, not cases
    assert answerer.ask("成都市在法治建设考评中获得什么等次？").answer == REFUSAL
    assert not answerer.ask("花都区现有公职律师多少名？").refused
    # 办理 is the act, not the thing counted: 人大建议1407件 does not answer a count of legal-aid cases
    assert answerer.ask("广州市2024年办理了多少件法律援助案件？").answer == REFUSAL
    # 案件 names a kind of thing: 减免加处罚款或滞纳金案件5500余宗 is no count of 行政处罚案件 in 城市管理
    assert answerer.ask("花都区2023年城市管理领域的行政处罚案件有多少宗？").answer == REFUSAL
    assert "2583宗" in answerer.ask("花都区2023年办理了多少宗法律援助案件？").answer


@pytest.mark.parametrize(
    "question",
    [
        "成都2024年的行政复议案件办结率是多少？",  # 85%以上行政争议经复议后未进入诉讼: a rate, not the one asked
        "韶关的行政复议案件办结率是多少？",  # 按期办结率100% is 信访事项's
        "广州12345热线的满意率是多少？",  # 满意率达99% is of 人大代表建议、政协提案
        "广州市2024年的法治政府建设考评得分是多少？",  # a score asked: 排名第一 is a rank
    ],
)
def test_a_rate_or_score_of_another_name_or_of_another_thing_is_refused(seeded, question):
    assert Answerer(seeded, "extractive").ask(question).answer == REFUSAL


def test_a_rate_named_and_of_the_thing_is_answered(seeded):
    answer = Answerer(seeded, "extractive").ask("花都区的出庭应诉率是多少？")
    assert "出庭应诉率达100%" in answer.answer and answer.citations


def test_answers_the_asked_rule():
    plan = make_plan("甲市办理了多少件法律事务？", ["甲市"])
    idf = {"法律事务": 5.0, "办理": 1.0}.get
    assert answers_the_asked(plan, "甲市办理法律事务120宗[1]。", lambda w: idf(w, 0.0))  # 宗 and 件: both cases
    assert not answers_the_asked(plan, "甲市现有法律事务律师68名[1]。", lambda w: idf(w, 0.0))  # 名: people
    assert not answers_the_asked(plan, "甲市受理案件120件[1]。", lambda w: idf(w, 0.0))  # cases, of another thing


def test_a_follow_up_on_another_thing_is_answered_with_that_things_figure(seeded):
    """“政协提案呢？” after 人大代表建议: the report says 政协委员提案283件 (the thing named word by word)."""
    history = [{"role": "user", "content": "韶关市2024年办理人大代表建议多少件？"}]
    answer = Answerer(seeded, "extractive").ask("政协提案呢？", history)
    assert "283件" in answer.answer and "77件" not in answer.answer and not answer.refused


def test_relative_years_are_said_as_years_and_in_the_askers_script(seeded):
    answer = Answerer(seeded, "extractive").ask("广州获得法治政府建设典范城市称号是在什么时候？")
    assert "2017年5月" in answer.answer and "今年" not in answer.answer and answer.flagged_numbers == []
    assert to_simplified(answer.answer) == answer.answer  # a simplified question gets a simplified answer
    assert any("今年" in c.text for c in answer.citations)  # the citation keeps the report's own words


def test_a_sentence_pasted_before_a_question_neither_blocks_it_nor_sets_its_script(seeded):
    """A report's traditional sentence pasted before the asker's simplified question: the question is answered
    (it had been refused), in simplified (the pasted script had set the answer's)."""
    question = "堅(jiān)持把黨的領導貫穿到法治政府建設全過程各方面。  广州市政府主要领导研究法治政府建设多少次"
    answer = Answerer(seeded, "extractive").ask(question)
    assert "34次" in answer.answer and to_simplified(answer.answer) == answer.answer, answer.answer


def test_a_period_counted_back_is_said_with_the_year_it_ends_in(seeded):
    """A 2017 article's "近5年来" read today is not the last five years: the answer says which year they end in."""
    answer = Answerer(seeded, "extractive").ask("广州精简204项行政审批备案事项是在哪段时间内完成的？")
    assert "近5年来（截至2017年）" in answer.answer and answer.flagged_numbers == []
    assert any("近5年來" in c.text and "截至" not in c.text for c in answer.citations)  # the report's own words


SCRIPTS = {
    "good": "成都市2024年办理行政应诉案件5652件[1]。",
    "wrong": "成都市2024年办理行政应诉案件2031件[1]。",
}


class Scripted(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        event = {"choices": [{"delta": {"content": SCRIPTS[body["model"]]}}]}
        self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\ndata: [DONE]\n\n".encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def chat_url():
    with serve_handler(Scripted) as url:
        yield url


@pytest.mark.parametrize(("model", "replaced"), [("good", 0), ("wrong", 1)])
def test_a_models_answer_from_facts_is_checked_and_replaced_when_it_fails(seeded, chat_url, model, replaced):
    settings = Settings(**{**seeded.settings.model_dump(), "openai_url": chat_url, "openai_model": model})
    answer = Answerer(seeded, "openai", settings).ask("成都市2024年办理的行政应诉案件有多少件？")
    assert answer.verification == {"sentences": 1, "replaced": replaced}
    assert "5652件" in answer.answer and "2031" not in answer.answer and answer.flagged_numbers == []


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("韶关市和花都区的人民调解成功率谁更高？", "韶关市更高"),
        ("成都这份报告是报送给哪个机关的？", "报送市人大常委会"),
    ],
)
def test_comparisons_and_what_a_report_says_of_itself_are_served_as_composed(seeded, chat_url, question, said):
    settings = Settings(**{**seeded.settings.model_dump(), "openai_url": chat_url, "openai_model": "wrong"})
    answer = Answerer(seeded, "openai", settings).ask(question)
    assert answer.verification is None and "2031" not in answer.answer  # no model asked
    assert answer.answer == Answerer(seeded, "extractive").ask(question).answer and said in answer.answer


def test_a_new_question_naming_no_place_stays_where_the_conversation_is(seeded):
    history = [
        {"role": "user", "content": "成都2024年新收了多少件行政复议案件？"},
        {"role": "assistant", "content": "超1.11万件"},
    ]
    answer = Answerer(seeded, "extractive").ask("同比增长了多少？", history)
    assert answer.standalone == "成都2024年新收了行政复议案件同比增长了多少？"  # the place, year and thing kept
    assert "89.6%" in answer.answer and "行政复议案件" in answer.answer
    elsewhere = Answerer(seeded, "extractive").ask("韶关的人民调解成功率是多少？", history)
    assert elsewhere.standalone == "韶关的人民调解成功率是多少？"  # a place named: nothing inherited


def test_a_summary_tells_each_item_by_what_it_did_and_its_figures_and_names(seeded):
    answer = Answerer(seeded, "extractive").ask("请概括韶关2024年在多元化解矛盾方面的主要做法和成效。")
    said = answer.answer
    assert said.startswith("韶关市2024年：完善调解机制") and answer.flagged_numbers == []
    # every sentence of an item that holds a figure or a name is told, not only the item's first one
    assert all(x in said for x in ("庭所共建", "99.58%", "市域通办", "830件", "普法站", "96.7%"))
    assert "推动形成办事依法" not in said  # the purpose around them is left to the citation


def test_an_items_headline_the_question_says_again_is_left_out(seeded):
    """ "…推动镇街综合执法标准化规范化有哪些打算": the answer is what the item plans, not its headline again."""
    answer = Answerer(seeded, "extractive").ask("花都区2024年推动镇街综合执法标准化规范化有哪些打算？")
    assert answer.answer.startswith("花都区2023年度报告的工作安排：全面提升镇（街）执法人员办案能力")
    other = Answerer(seeded, "extractive").ask("花都区报告里人民调解方面有什么不足？")  # its headline says more
    assert other.answer.startswith("花都区2023年度报告所列不足：人民调解工作质量仍需提升：")


def test_a_rate_asked_with_another_part_answers_both_parts(seeded):
    """One percentage row cannot say "立案数下降多少？破案率上升多少？": each part is answered."""
    answer = Answerer(seeded, "extractive").ask("韶关涉林木案件立案数下降了多少？破案率上升了多少？")
    assert "42.53%" in answer.answer and "5.91%" in answer.answer and answer.flagged_numbers == []


def test_how_the_duty_was_performed_is_told_in_full(seeded):
    """The first-responsible-person duty: the whole item about it (广州: its 述法 sentence too), or, where the
    report keeps it inside a paragraph of its measures (花都区), that paragraph from the sentence naming it on."""
    guangzhou = Answerer(seeded, "extractive").ask("广州市主要领导怎样履行法治建设第一责任人职责？").answer
    assert all(x in guangzhou for x in ("44次", "34次", "73名", "述法"))
    huadu = Answerer(seeded, "extractive").ask("花都区党政主要负责人怎样履行推进法治建设第一责任人职责？").answer
    assert all(x in huadu for x in ("1+N", "述法全覆盖", "学法讲座", "旁听庭审")) and "花企诉求通" not in huadu


def test_the_item_that_says_the_topic_in_one_clause_is_chosen(seeded):
    """ "哪一类执法需要加强": 韶关's item on 行政执法规范化 says "重点领域执法工作仍需持续加强" in one clause; the
    item on 法治人才队伍 has 加强 in its headline and 执法 only elsewhere (执法队伍), which is not the topic."""
    answer = Answerer(seeded, "extractive").ask("韶关报告的不足部分提到哪一类执法需要加强？")
    assert "重点领域执法工作仍需持续加强" in answer.answer and "法治人才缺乏" not in answer.answer
    both = Answerer(seeded, "extractive").ask("花都区和韶关在报告的问题部分都提到了哪一类执法需要加强?")
    assert "针对重点领域执法有待加强" in both.answer and "重点领域执法工作仍需持续加强" in both.answer


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("花都区2024年工作安排的第二项是什么？", "推动镇街综合执法标准化规范化", "争创法治政府建设示范区"),
        ("韶关报告所列不足的第2条是什么？", "法治人才队伍建设有待加强", "法治政府建设深度有待拓展"),
        # the section named after the place ("第三条不足", "第二条不足"), items said inline ("一是…二是…")
        ("广州那份报告里第三条不足是什么", "行政执法工作有待进一步提质增效", "法治政府建设深度"),
        ("花都第二条不足", "政务数据应用效率不高", "镇街综合行政执法工作有待完善"),
        ("花都报告第四条不足说的啥", "人民调解工作质量仍需提升", "政务数据应用效率不高"),
    ],
)
def test_an_item_asked_by_its_place_in_the_list_is_that_item(seeded, question, said, not_said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and not_said not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("韶关存在问题第四条是啥", "共3项，没有第四项"),
        ("广州2024年报告的第五个问题是什么？", "共4项，没有第五项"),  # "第N个问题" of a report: its shortcomings
        ("花都区2024年工作安排有第九条吗？", "没有第九项"),
    ],
)
def test_an_item_past_the_end_of_the_list_is_said_not_to_be_there(seeded, question, said):
    """Not an unrelated sentence (广州's 白名单 had been given as its fifth problem), nor the list as if it were one."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and not answer.refused, answer.answer


@pytest.mark.parametrize(
    "question", ["花都区报告认为政务数据应用效率不高的原因是什么？", "花都区政务数据应用效率为什么不高？"]
)
def test_why_a_shortcoming_is_so_is_what_its_item_goes_on_to_say(seeded, question):
    """The report gives no cause as such ("由于…"), but its item on the shortcoming says how it is so: "各类跨系统…
    数据资源共享交换体制尚不完善" (refused, as a cause asked with none said)."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert "数据资源共享交换体制尚不完善" in answer.answer and "人民调解" not in answer.answer, answer.answer


def test_the_item_whose_headline_says_the_topic_is_chosen():
    """Words of the topic in an item's headline count twice: the item on 执法 is about it, not the one that
    mentions 执法 in passing more often."""
    from bot.answer.facts import _about_topic
    from bot.ingest.structure import Item, Section

    items = (
        Item("一是", "人民调解工作有待加强。部分调解员执法意识不强，调解与执法衔接不够，执法部门参与不足。"),
        Item("二是", "重点领域执法有待加强。执法力度不足。"),
    )
    section = Section(("二、存在的不足",), "shortcomings", 0, 1, "", items)
    weights = {"执法": 1.0, "加强": 1.0}
    said = _about_topic([section], set(weights), lambda t: weights.get(t, 0.0), "哪一类执法有待加强？")
    assert said.startswith("重点领域执法有待加强") or said == "执法力度不足"


def test_a_count_asked_without_its_unit_is_in_the_unit_of_what_it_counts():
    """“…法律援助案件，谁更多？” asks a count of cases: a row of 个 (先进集体3个) is no answer; a change or a rate
    asked of 案件 is not a count."""
    assert make_plan("广州和韶关的法律援助案件，谁更多？", BODIES).unit == "件"
    assert make_plan("成都的行政应诉案件有多少？", BODIES).unit == "件"
    assert make_plan("成都的行政复议案件同比增长多少？", BODIES).unit is None
    assert make_plan("花都区的案件办结率是多少？", BODIES).unit is None


def test_which_is_larger_asked_after_two_places_is_answered_by_their_rows(seeded):
    history = [
        {"role": "user", "content": "韶关的人民调解成功率是多少？"},
        {"role": "assistant", "content": "韶关市2024年调解成功率为99.58%[1]。"},
        {"role": "user", "content": "花都区呢？"},
        {"role": "assistant", "content": "花都区2023年…成功率达98.73%[1]。"},
    ]
    answer = Answerer(seeded, "extractive").ask("哪个更高？", history)
    assert "98.73%" in answer.answer and "99.58%" in answer.answer and answer.answer.endswith("韶关市更高。")
    assert len(answer.citations) == 2 and answer.flagged_numbers == []


def test_a_reports_parts_are_its_top_level_headings_in_order(seeded):
    """成都's report heads six parts and gives its shortcomings and plans no heading of their own: they are named
    by what they are; the count is said in words, not a figure to be found in the text."""
    answer = Answerer(seeded, "extractive").ask("成都市2024年的报告分为哪几个部分？")
    assert answer.answer.startswith("成都市2024年度报告分为八个部分：一、深入学习贯彻习近平法治思想")
    assert (
        answer.answer.index("六、深化矛盾纠纷")
        < answer.answer.index("存在的不足和原因")
        < answer.answer.index("下一步工作安排")
    )
    assert "落款" not in answer.answer and answer.flagged_numbers == [] and len(answer.citations) == 1


def test_one_part_asked_is_its_heading_and_its_own_sub_headings(seeded):
    answer = Answerer(seeded, "extractive").ask("韶关的报告第二部分讲了什么？")
    assert "第二部分是“二、存在的问题”" in answer.answer
    assert "法治政府建设深度有待拓展" in answer.answer and "行政执法规范化水平有待提升" in answer.answer
    assert "2025年工作安排" not in answer.answer
    assert Answerer(seeded, "extractive").ask("韶关的报告第九部分讲了什么？").refused  # it has three


def test_measures_on_a_topic_are_read_from_the_measures_not_from_the_plans_heading(seeded):
    """“在…方面做了哪些工作” asks what was done: the measures' item on the topic, not the plans' heading
    “（三）持续优化法治化营商环境” that shares its words."""
    answer = Answerer(seeded, "extractive").ask("韶关2024年在优化法治化营商环境方面做了哪些工作？")
    assert "非禁即入" in answer.answer and "13份" in answer.answer and "（三）" not in answer.answer


def test_a_topic_several_items_are_headed_by_is_told_by_those_items(seeded):
    answer = Answerer(seeded, "extractive").ask("成都在行政执法方面采取了哪些措施？")
    for headline in ("行政执法体制改革稳妥推进", "行政执法方式不断优化", "行政执法监督持续加强"):
        assert headline in answer.answer
    assert "综合查一次" in answer.answer and "5477个" in answer.answer  # each item's gist: its figures and names


def test_main_measures_asked_with_no_topic_are_the_measures_headings(seeded):
    answer = Answerer(seeded, "extractive").ask("花都区2023年法治政府建设的主要举措有哪些？")
    assert answer.answer.startswith("花都区2023年的主要举措：")
    assert "奋力推进依法行政体系建设" in answer.answer and "让权力在阳光下运行" in answer.answer
    assert "存在的不足" not in answer.answer and len(answer.citations) == 1


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("成都的免申即享事项比广州多多少项？", "成都市比广州市多20项。"),  # 155项 against 135项
        ("韶关和花都区的人民调解成功率相差多少？", "韶关市比花都区高0.85个百分点。"),  # percentage points
        ("韶关和花都区的行政复议申请相差多少？", "韶关市比花都区多44件。"),  # 830件 against 786宗: both cases
        # 超1.11万件 has no exact value: which is more is certain, by how much is not
        ("成都2024年新收的行政复议案件比韶关多多少件？", "成都市更多，数值为约数，相差多少无法精确计算。"),
    ],
)
def test_a_difference_asked_is_computed_from_the_two_cited_rows(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert answer.answer.endswith(said) and answer.flagged_numbers == [] and len(answer.citations) == 2


def test_how_much_more_after_a_comparison_is_its_difference(seeded):
    history = [
        {"role": "user", "content": "广州和成都的免申即享事项哪个多？"},
        {"role": "assistant", "content": "…成都市更多。"},
    ]
    answer = Answerer(seeded, "extractive").ask("多多少？", history)
    assert answer.answer.endswith("成都市比广州市多20项。")


def test_a_place_with_no_report_of_the_year_asked_is_said_to_have_none(seeded):
    """花都区 reported on 2023: asked of 2024 beside 韶关, its part says it has no report of that year, and nothing
    is compared with it (no 2023 figure passed off as 2024's)."""
    answer = Answerer(seeded, "extractive").ask("花都区和韶关2024年调解和解的行政纠纷各有多少件？")
    assert answer.answer == "韶关市2024年调解和解行政纠纷208件[1]。资料中没有花都区2024年的报告。"
    assert answer.flagged_numbers == []
    compared = Answerer(seeded, "extractive").ask("花都区和成都2024年的法律援助案件谁更多？")
    assert compared.answer.endswith("资料中没有花都区2024年的报告，无法比较。") and "2583" not in compared.answer


def test_a_date_leading_the_act_asked_is_its_date(seeded):
    """“2003年起，廣州市制定任何一部地方性法規，都將法規草案在市人大信息網上公布，2008年開始還在各大網站征求民意”:
    the act asked is dated by the clause before it; the answer was cut to the act and led by the article's
    own year (“广州市2017年都将法规草案…公布”), a wrong date."""
    answer = Answerer(seeded, "extractive").ask("广州什么时候开始在网上公布地方性法规草案？")
    assert "2003年起" in answer.answer and "2017年" not in answer.answer
    assert "2008年" in Answerer(seeded, "extractive").ask("广州从哪一年开始在各大网站征求民意？").answer


@pytest.mark.parametrize(
    ("question", "framed_by"),
    [
        # thirty years' laws, not the article's year's: “广州市2017年人大常委会已制定法规148件” was a wrong date
        ("广州市人大常委会共制定了多少件地方法规？", "从1986年具备地方立法权之后，到2016年的30年之间，"),
        ("广州精简了多少项行政审批备案事项？", "近5年来（截至2017年），"),
    ],
)
def test_a_figure_keeps_the_clauses_opening_its_sentence_that_say_when(seeded, question, framed_by):
    answer = Answerer(seeded, "extractive").ask(question)
    assert answer.answer.startswith(framed_by) and "广州市2017年" not in answer.answer


def test_a_counter_starting_a_longer_word_is_no_unit_asked(seeded):
    """“有多少部署在县镇两级”: 部 starts 部署 (the figures' own rule), so no count in 部 is asked and the share is
    the answer; 支 is a counter asked (“精简到多少支”)."""
    assert make_plan("成都2024年执法力量有多少部署在县镇两级？", BODIES).unit is None
    assert make_plan("成都2024年全市执法队伍精简到多少支？", BODIES).unit == "支"
    answer = Answerer(seeded, "extractive").ask("成都2024年全市执法队伍精简到多少支？执法力量有多少部署在县镇两级？")
    assert "114支" in answer.answer and "86.15%" in answer.answer


def test_a_grade_or_rank_must_be_of_the_thing_asked(seeded):
    """广州's report ranks its 政府透明度 and its 法治广东建设考评, not a 数字政府建设: asked that, refused; asked
    beside a rank it gives, the rank given and the other part said not to be in the report."""
    answerer = Answerer(seeded, "extractive")
    assert answerer.ask("广州的数字政府建设排名第几？").answer == REFUSAL
    both = answerer.ask("广州的政府透明度排第几？数字政府建设排名呢？")
    assert "政府透明度在全国106个地级市政府中排名第一" in both.answer
    assert both.answer.endswith("报告未载明数字政府建设排名。") and "法治广东" not in both.answer
    # a rank said without 名 ("蝉联全国第一") answers "排名如何" as it answers "排第几"
    ranked = answerer.ask("广州在知识产权行政保护绩效考核中排名如何？").answer
    assert "蝉联全国第一" in ranked, ranked


def test_why_after_the_shortcomings_tells_each_with_what_it_goes_on_to_say(seeded):
    history = [
        {"role": "user", "content": "花都区2023年有哪些不足？"},
        {"role": "assistant", "content": "花都区2023年度报告所列不足：一是镇街综合行政执法工作有待完善；…[1]。"},
    ]
    answer = Answerer(seeded, "extractive").ask("原因是什么？", history)
    assert "一是镇街综合行政执法工作有待完善：各镇（街）的执法仍主要集中在个别领域" in answer.answer
    assert "四是人民调解工作质量仍需提升：部分村（居）调解委员会硬件设施不全" in answer.answer
    assert make_plan("成都行政复议案件增长的原因是什么？", BODIES).role is None  # a cause of a thing named


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("花都区如何推进政务公开？", "共办理政府信息公开申请案件786件"),  # the measures' item, not its heading alone
        ("成都市如何推进府院联动？", "召开府院联席专题会7次"),
    ],
)
def test_how_a_place_advanced_a_topic_is_told_from_its_measures(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and len(answer.citations) == 1


def test_how_a_topic_no_measure_is_about_was_advanced_is_not_told_from_another_measure(seeded):
    """韶关's measures say nothing of 法治人才队伍: no measures' part (its 政务服务 item matched 加强 and 队伍) is
    told."""
    answer = Answerer(seeded, "extractive").ask("韶关市是怎样加强法治人才队伍建设的？")
    assert "跨省通办" not in answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("成都2024年行政复议案件数量是增加还是减少？", "同比增长89.6%"),  # was refused: 增加/减少 are in no sentence
        ("韶关2024年电诈案件是上升还是下降？", "电诈及关联犯罪案件同比下降38.24%"),
    ],
)
def test_which_way_a_figure_went_is_answered_by_its_change(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and "道路交通事故" not in answer.answer


@pytest.mark.parametrize(
    ("question", "given", "unsaid"),
    [
        # “同比增长多少？” names no thing: the first part's. 68.67% is 行政复议申请's growth, not 法律援助's
        ("花都区2023年法律援助案件有多少宗？同比增长多少？", "2583宗", "报告未载明同比增长。"),
        # a rate part asks that rate named: the count is given, the rate said not to be in the report
        ("成都2024年调解各类纠纷多少件？调解成功率多少？", "50万余件", "报告未载明调解成功率。"),
    ],
)
def test_a_part_no_sentence_answers_of_its_thing_is_said_not_to_be_in_the_report(seeded, question, given, unsaid):
    answer = Answerer(seeded, "extractive").ask(question)
    assert given in answer.answer and answer.answer.endswith(unsaid) and "68.67%" not in answer.answer
    both = Answerer(seeded, "extractive").ask("花都区2023年收到多少宗行政复议申请？同比增长多少？")
    assert "786宗" in both.answer and "68.67%" in both.answer


@pytest.mark.parametrize(
    ("question", "said", "unsaid"),
    [
        # a part the report does not answer (满意率) had refused the whole question, 208件 and 229件 with it
        (
            "花都区2023年办理人大建议、政协提案各多少件，满意率是多少",
            ["208件", "229件"],
            "花都区2023年度报告未载明满意率。",
        ),
        (
            "成都行政机关负责人出庭应诉率是多少，另外办理行政应诉案件多少件",
            ["5652件"],
            "未载明行政机关负责人出庭应诉率",
        ),
        # a part of a place the archive holds no report of says so (found walking the page: "报告未载明…")
        ("广州2024年出台多少份规范性文件，南海2024年制定区政府规范性文件多少件", ["155份"], "资料中没有南海的报告。"),
        # a "谁" part is a part of its own: each of the three is answered
        (
            "花都区人民调解组织调解了多少宗矛盾纠纷，成功率多少，还有谁获评了全国模范人民调解员",
            ["1497宗", "98.73%", "刘凯"],
            None,
        ),
    ],
)
def test_the_parts_answered_are_given_when_another_part_is_not(seeded, question, said, unsaid):
    answer = Answerer(seeded, "extractive").ask(question).answer
    assert all(x in answer for x in said) and (unsaid is None or unsaid in answer), answer


def test_a_row_naming_the_rarest_word_of_the_thing_comes_first_and_is_said_with_its_topic(seeded):
    """规范性文件备案审查: 成都's 合法性审查9000余件 names 规范性 and 审查, its “加强行政规范性文件备案审查，纠正问题
    文件6件” names 备案, the rarest; that row is taken and said with the clause naming its topic."""
    answer = Answerer(seeded, "extractive").ask("韶关和成都的规范性文件备案审查，各审查了多少件？")
    assert "36件" in answer.answer and "加强行政规范性文件备案审查，纠正问题文件6件" in answer.answer
    assert "9000" not in answer.answer


def test_of_three_places_those_giving_the_figure_are_compared_and_the_other_said_not_to(seeded):
    """广州's report counts no 行政复议申请: its 33份 (a clause naming 行政裁量权 and, far off, 复议诉讼) is no answer.
    韶关 and 花都区 give theirs and are compared; 广州 is said not to give it."""
    answer = Answerer(seeded, "extractive").ask("韶关、花都区和广州的行政复议申请谁最多？")
    assert "786宗" in answer.answer and "830件" in answer.answer and "韶关市更多" in answer.answer
    assert answer.answer.endswith("广州市2024年度报告未载明此项。") and "33份" not in answer.answer
    three = Answerer(seeded, "extractive").ask("广州、韶关和成都办理的人大代表建议谁最多？")
    assert "1407件" in three.answer and "77件" in three.answer and "1400余件" in three.answer


def test_a_thing_is_named_by_its_words_only_close_together():
    from bot.answer.checks import mentions

    assert mentions("全年共办理人大代表建议77件，政协委员提案283件", "政协提案", close=True)
    assert not mentions("创新行政裁量权基准与立法项目同步制定、复议诉讼撤改败诉案件同步抄告", "行政复议", close=True)
    assert mentions("坚持运用“复议+调解”新模式，调解成功7宗，主动撤回申请90宗", "复议申请")  # a sentence, loosely


def test_a_trimmed_answer_is_checked_against_the_sentence_it_was_trimmed_from(seeded):
    """“主动撤回申请90宗” names no 行政复议, the sentence it comes from does (“复议+调解”新模式…): answered, not
    refused; a figure of another thing still is (城市管理领域's 行政处罚案件)."""
    answerer = Answerer(seeded, "extractive")
    assert "主动撤回申请90宗" in answerer.ask("花都区2023年主动撤回了多少宗行政复议申请？").answer
    assert answerer.ask("花都区2023年城市管理领域的行政处罚案件有多少宗？").answer == REFUSAL


def test_a_count_of_one_act_of_several_is_the_clause_naming_that_act(seeded):
    """“共受理人民调解案件14251宗，成功调解14155宗”: “成功了多少宗” asks the second; a count trimmed to its act's
    clause (“办理法援案件2583宗”) is still checked against its whole sentence, which names 法律援助."""
    answerer = Answerer(seeded, "extractive")
    assert "成功调解14155宗" in answerer.ask("韶关市2024年人民调解成功了多少宗？").answer
    assert "2583宗" in answerer.ask("花都区2023年办理了多少宗法律援助案件？").answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("韶关2024年出台了多少件市政府规章？", "2部市政府规章"),  # 件 asked, the report counts in 部
        ("韶关2024年完成了多少件地方性法规？", "3部地方性法规"),
        ("广州2024年制定了多少部政府规章？", "政府规章11件"),  # 部 asked, the report counts in 件
    ],
)
def test_laws_counted_in_jian_or_bu_answer_a_count_asked_in_the_other(seeded, question, said):
    """件 counts documents as well as cases: a count of 规章 asked in 件 is answered by a figure in 部, and the
    other way round (both were refused as the wrong kind of figure)."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert not answer.refused and said in answer.answer and answer.flagged_numbers == []


def test_laws_counted_in_jian_and_in_bu_are_compared(seeded):
    """广州 gives 政府规章11件, 韶关 2部市政府规章: one kind of thing, so which is more and by how much are said."""
    answer = Answerer(seeded, "extractive").ask("2024年出台的政府规章，广州和韶关谁更多？")
    assert "11件" in answer.answer and "2部市政府规章" in answer.answer and answer.answer.endswith("广州市更多。")
    apart = Answerer(seeded, "extractive").ask("广州和韶关2024年出台的政府规章相差多少？")
    assert "广州市比韶关市多9件" in apart.answer and apart.flagged_numbers == []


def test_a_rate_of_each_of_the_figures_before_it_is_said_with_them(seeded):
    """“…人大代表建议77件，政协委员提案283件，满意率均达100%”: the rate's clause alone ("韶关市2024年满意率均达100%")
    says of nothing; the figures it is of come with it. A rate naming its own things keeps its clause alone."""
    answer = Answerer(seeded, "extractive").ask("韶关人大代表建议和政协提案的满意率是多少？")
    assert "人大代表建议77件，政协委员提案283件，满意率均达100%[1]" in answer.answer
    own = Answerer(seeded, "extractive").ask("花都区规范性文件报备率是多少？")
    assert own.answer == "花都区2023年规范性文件报备率、及时率和规范率均为100%[1]。"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("广州数据交易所累计交易额是多少？", "55亿元"),  # an amount asked without its unit: in 元
        ("韶关2024年人民调解涉及金额是多少？", None),  # counts of cases (宗) are no amount of money
        ("广州数据交易所为企业挽回经济损失多少？", None),  # an amount of another thing (交易额) is no 损失
    ],
)
def test_an_amount_of_money_asked_needs_an_amount_of_that_money(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question)
    assert (said in answer.answer) if said else answer.refused, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("成都2024年行政应诉案件和法律援助案件各多少件？", ("行政应诉案件5652件", "法律援助1.8万余件")),  # was refused
        ("韶关2024年行政复议申请和人民调解案件各多少？", ("行政复议申请830件", "人民调解案件14251宗")),
    ],
)
def test_a_figure_of_each_of_two_things_gives_each(seeded, question, said):
    """“A和B各多少件” of one place asks two figures: each part finds its own passages (A's filled all k, so B was
    refused) and its own sentence (B names its thing: 应诉案件, not the first part's 行政复议)."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert all(s in answer.answer for s in said) and "未载明" not in answer.answer, answer.answer


def test_two_acts_of_one_thing_and_two_places_are_not_two_things():
    assert asks("韶关市各级人民调解组织2024年受理和成功调解的人民调解案件各有多少宗？") == [
        "韶关市各级人民调解组织2024年受理和成功调解的人民调解案件各有多少宗"
    ]
    assert len(asks("花都区和韶关的法律援助案件分别是多少？")) == 1
    each = asks("成都2024年行政应诉案件和法律援助案件各多少件？")
    assert each == ["成都2024年行政应诉案件多少件", "法律援助案件多少件"]


@pytest.mark.parametrize(
    "question", ["花都区公职律师中有多少人获得表彰？", "韶关行政执法监督员中有多少人取得法律职业资格？"]
)
def test_a_count_of_those_among_a_whole_with_a_mark_needs_the_mark(seeded, question):
    """“公职律师中有多少人获得表彰”: the report's 公职律师68名 counts the whole, not those with the mark asked."""
    assert Answerer(seeded, "extractive").ask(question).refused


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("花都区2023年办理的政协提案和人大建议相差多少件？", "政协提案比人大建议多21件"),
        ("成都2024年法律援助和公证哪个多？", "公证更多"),
        ("广州市2024年推进制定的地方性法规比政府规章多多少件？", "地方性法规比政府规章多7件"),
        ("花都区2023年人大建议和政协提案加起来多少件？", "合计437件"),
        ("成都2024年法律援助和公证合计多少件？", "合计无法精确计算"),  # 1.8万余件, 55万余件
    ],
)
def test_two_things_of_one_report_are_compared_by_their_rows(seeded, question, said):
    """Two things of one place ("政协提案和人大建议"): each thing's row, cited, and which is larger computed."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and answer.citations, answer.answer


def test_is_one_place_more_than_another_compares_them(seeded):
    """ "成都…比广州多吗？" is a comparison: 广州 gives no count of 行政应诉案件, so it cannot be made."""
    answer = Answerer(seeded, "extractive").ask("成都2024年行政应诉案件比广州多吗？")
    assert answer.answer == "成都市2024年办理行政应诉案件5652件[1]。广州市2024年度报告未载明此项，无法比较。"


def test_how_many_more_asked_with_ji_is_computed(seeded):
    """ "多几件" asks the difference as "多多少件" does."""
    answer = Answerer(seeded, "extractive").ask("韶关2024年政协委员提案比人大代表建议多几件？")
    assert "政协委员提案比人大代表建议多206件" in answer.answer, answer.answer


def test_two_things_of_one_report_with_no_row_each_are_not_compared(seeded):
    """花都区 gives no count of 公证: no verdict is made up from one row."""
    answer = Answerer(seeded, "extractive").ask("花都区2023年公证和法律援助哪个多？")
    assert "更多" not in answer.answer, answer.answer


def test_which_place_is_most_asked_of_no_place_compares_every_place(seeded):
    """ "哪个地方…最多": each place's report, its row or 未载明, and which is larger — not two passages' places."""
    answer = Answerer(seeded, "extractive").ask("哪个地方办理的法律援助案件最多？")
    assert "2583宗" in answer.answer and "1.8万余件" in answer.answer and "成都市更多" in answer.answer
    assert "韶关市2024年度报告未载明此项" in answer.answer, answer.answer


def test_every_place_asked_of_gives_each_reports_row_or_says_it_is_not_given(seeded):
    """ "各地的…分别是多少" names no place: each report's row or 未载明, not the first passages' places."""
    answer = Answerer(seeded, "extractive").ask("各地的调解成功率分别是多少？")
    for said in ("98.73%", "99.58%", "广州市2024年度报告未载明此项", "成都市2024年度报告未载明此项"):
        assert said in answer.answer, answer.answer


def test_a_rate_compared_is_the_rate_named_not_another_share(seeded):
    """成都 gives no 纠错率: its "85%以上行政争议经复议后未进入诉讼程序" is a share of another thing."""
    answer = Answerer(seeded, "extractive").ask("成都和花都区的行政复议纠错率分别是多少？")
    assert "85%" not in answer.answer, answer.answer


def test_a_name_with_most_in_it_is_no_comparison_of_places(seeded):
    """最多跑一次 is a reform's name, not "which is most"."""
    assert make_plan("推行最多跑一次改革的是哪个城市？", seeded.issuers()).kind != "comparison"


@pytest.mark.parametrize(
    "question",
    [
        "请概括2017年广州那篇报道的主要内容",  # was read as a question about the article itself, and refused
        "请概括《推进依法治市 建设法治广州》这篇报道的主要内容",  # its own title is no topic
    ],
)
def test_a_summary_of_a_whole_article_is_its_parts(seeded, question):
    answer = Answerer(seeded, "extractive").ask(question)
    assert "网上立法听证会获千万点击" in answer.answer and "汇集各部门信息超17亿条" in answer.answer, answer.answer


def test_which_reports_mention_the_words_quoted_reads_every_report(seeded):
    """ "哪些报告提到了“综合查一次”": every report that does, its clause cited, and the one that does not named —
    similar chunks listed two of the four."""
    answer = Answerer(seeded, "extractive").ask("哪些报告提到了“综合查一次”？")
    for place in ("广州市2024年", "花都区2023年", "韶关市2024年", "成都市2024年"):
        assert place in answer.answer, answer.answer
    assert len(answer.citations) == 4 and all("综合查一次" in to_simplified(c.text) for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("哪些报告提到了行政执法减免责清单？", "行政执法减免责清单"),
        ("哪几个地方的报告提到了枫桥经验？", "枫桥经验"),
        ("哪些报告提及公职律师？", "公职律师"),
        ("哪个城市的报告里说到了“观察期”？", "观察期"),
    ],
)
def test_the_words_after_mentioned_are_the_term_quoted_or_not(question, term):
    plan = make_plan(question, BODIES)
    assert (plan.kind, plan.term) == ("mentions", term)


def test_an_unquoted_term_is_searched_in_every_report(seeded):
    """ "哪些报告提到了行政执法减免责清单？" unquoted: similar chunks gave 成都's 执法事项清单 sentence, which does
    not mention it, and left 韶关 out."""
    answer = Answerer(seeded, "extractive").ask("哪些报告提到了行政执法减免责清单？")
    assert "广州市2024年" in answer.answer and "韶关市2024年" in answer.answer, answer.answer
    assert "花都区2023年度报告、成都市2024年度报告未提及" in answer.answer, answer.answer
    assert all("减免责清单" in to_simplified(c.text) for c in answer.citations)


def test_words_no_report_mentions_are_not_listed(seeded):
    answer = Answerer(seeded, "extractive").ask("哪些地方提到了“观察期”？")
    assert "韶关市2024年：探索实施执法“观察期”制度[1]" in answer.answer
    assert "广州市2024年度报告、花都区2023年度报告、成都市2024年度报告未提及" in answer.answer, answer.answer


def test_where_in_its_report_a_thing_is_said_is_its_sections_heading_path(seeded):
    """ "报告在哪一部分讲了…": the part whose sentence says it, cited, not similar chunks."""
    answer = Answerer(seeded, "extractive").ask("韶关2024年报告在哪一部分讲了法治人才队伍建设？")
    assert answer.answer.startswith("韶关市2024年度报告“二、存在的问题 > （二）法治人才队伍建设有待加强”部分")
    assert [c.doc for c in answer.citations] == ["002_092cc53afba18b30.txt"], answer.answer


def test_a_figure_counting_the_thing_together_with_another_is_not_compared(seeded):
    """成都 counts "人大代表、政协委员提案1400余件" together: it is no count of 政协提案 to set against 韶关's 283件."""
    answer = Answerer(seeded, "extractive").ask("韶关和成都2024年谁办理的政协提案多").answer
    assert "283件" in answer and "合计，报告未单列" in answer and "无法比较" in answer, answer
    assert "更多" not in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # what was done on a topic, asked without "在…方面" or with "做了什么": the measures' item on it, told
        ("成都执法改革做了哪些工作", ["167支精简至114支", "261个镇（街道）", "102项"]),
        ("成都涉外法治方面做了什么", ["法商融合", "服务企业5000余家"]),
    ],
)
def test_what_was_done_on_a_topic_asked_in_everyday_words_is_its_item_told(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question).answer
    assert all(s in answer for s in said), answer


@pytest.mark.parametrize(("question", "said"), [("韶关的主要工作分哪几个方面", "强化监督制约，权力运行更加规范透明")])
def test_the_parts_a_reports_work_is_divided_into_are_its_measures_headings(seeded, question, said):
    """ "成效分哪几个方面": the measures' headings (its "哪几个" asked nothing about; it had been a topic)."""
    answer = Answerer(seeded, "extractive").ask(question).answer
    assert "主要举措：坚持政治引领" in answer and said in answer, answer


def test_a_plan_said_before_the_items_answers_what_it_names(seeded):
    """ "广州下一步要争创什么": the plans' opening says "全力争创全国第三批法治政府建设示范市", no item does; the
    items' headlines had answered."""
    answer = Answerer(seeded, "extractive").ask("广州下一步要争创什么").answer
    assert "第三批法治政府建设示范市" in answer, answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the share of the second count in the first, computed from the figures the parts before it gave
        ("韶关受理行政复议多少件，调解和解多少，占比多少", "占比约25.1%"),
        ("成都清理了多少件市政府本级文件，修改废止了多少件，占比多少", "占比约15.3%"),
        ("花都区人大建议多少件，政协提案多少件，合计多少", "合计437件"),
        # one figure changed into another ("由167支精简至114支"): by how much, and by what share
        ("成都执法队伍精简前后各多少，减少了百分之几", "减少约31.7%"),
        ("成都执法队伍精简前后各多少，少了几支", "相差53支"),
    ],
)
def test_arithmetic_asked_of_the_figures_given_is_worked_out(seeded, question, said):
    """A part asking a share, a difference or a change in % of the figures the parts before it gave, naming no
    thing of its own: computed from them and said to be (it had been "报告未载明占比", or the garbled
    "未载明减少了百分之")."""
    answer = Answerer(seeded, "extractive").ask(question)
    assert said in answer.answer and "据报告数字计算" in answer.answer and not answer.flagged_numbers, answer.answer
    assert "未载明" not in answer.answer, answer.answer


def test_a_comparison_takes_each_places_row_of_the_act_asked(seeded):
    """ "备案审查…谁最多": 广州's "备案审查各区政府文件78件", not the "报送备案市政府规范性文件24份" beside it (filing
    upward is another act), which had made 韶关's 36件 the larger."""
    answer = Answerer(seeded, "extractive").ask("备案审查下级规范性文件，广州和韶关谁多").answer
    assert "78件" in answer and "24份" not in answer and "广州市更多" in answer, answer


@pytest.mark.parametrize("question", ["花都区2023年报告一共几个部分", "花都区的报告总共几部分"])
def test_how_many_parts_asked_with_yigong_is_the_outline(seeded, question):
    """ "一共几个部分" asks the outline as "有几部分" does (it was refused)."""
    answer = Answerer(seeded, "extractive").ask(question).answer
    assert "部分" in answer and not answer.startswith("资料中没有"), answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("法治广州那篇新闻哪天的，哪家报的", ["2017年11月13日", "广州日报"]),  # 哪家报: its paper
        ("韶关报告哪年的？落款哪天？", ["2024年度", "未载明落款日期"]),  # no signature date: said, not skipped
        ("成都报告是谁报的？", ["成都市人民政府"]),
    ],
)
def test_every_line_asked_of_a_report_is_answered(seeded, question, said):
    answer = Answerer(seeded, "extractive").ask(question).answer
    assert all(s in answer for s in said), answer


def test_whether_an_article_mentions_something_names_the_article(seeded):
    """An article is named by its title, not as a year's report ("广州市2017年度报告未提及…" is no report there is)."""
    answer = Answerer(seeded, "extractive").ask("2017年那篇法治广州新闻有没有提到行政复议").answer
    assert answer.startswith("《推进依法治市 建设法治广州》未提及“行政复议”"), answer
