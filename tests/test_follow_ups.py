"""Conversations through the chain: each follow-up is rewritten from the turns before it, answered from the
real index, and must answer what the conversation is about — or say the reports do not say it."""

from __future__ import annotations

import pytest

from bot.answer.chain import Answerer
from bot.answer.intent import standalone

HUADU, GUANGZHOU_2017 = "001_bfb673fb5af5df88.txt", "003_29ae86f9fcedda95.txt"


def _converse(library, *questions: str):
    """Ask each question after the ones before it, as the chat does; the last answer."""
    answerer, history = Answerer(library, "extractive"), []
    for question in questions:
        answer = answerer.ask(question, history=history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
    return answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        # the year of the place asked second (花都区 reports on 2023), not the first place's 2024; and the count
        # of the conversation's thing (人民调解), not of another 调解 (行政复议's “复议+调解” 7宗)
        (["韶关市2024年人民调解成功率是多少？", "那花都区呢？", "调解了多少宗？"], "1497宗"),
        # "废止呢？" after "修改了多少件次？": the same question of another act, in the same place
        (["广州市人大常委会到2016年制定了多少件法规？", "修改了多少件次？", "废止呢？"], "废止37件"),
        # of a list of figures ("办理法律援助1.8万余件、公证55万余件、…"), the item asked, with its verb
        (["成都市2024年办理法律援助多少件？", "公证呢？"], "成都市2024年办理公证55万余件[1]。"),
        # "其中…" is a part of the count just asked (行政复议's 调解成功7宗, not 人民调解's 1497宗)
        (["花都区2023年收到多少宗行政复议申请？", "其中调解成功了几宗？"], "调解成功7宗"),
        (["成都市2024年法治政府建设报告是什么时候发布的？", "报告是报给谁的？"], "报送市人大常委会"),
        # "两者相差多少？" after two things of one place: the two things compared, not two places
        (["花都区2023年办理了多少件政协提案？", "人大建议呢？", "两者相差多少？"], "政协提案比人大建议多21件"),
        (["成都市2024年办理法律援助多少件？", "公证呢？", "哪个多？"], "公证更多"),
        # the year of the figure just given: its report's
        (["花都区有多少名公职律师？", "这个数字是哪一年的？"], "花都区2023年度报告总结的是2023年度的工作"),
        (["广州数据交易所累计交易额是多少", "它是哪年报告里的"], "广州市2024年度报告总结的是2024年度的工作"),
        # "刚才说的第一个数字" two turns back: the conversation's report's year (it had been refused)
        (
            ["广州市2024年出台了多少份规范性文件？", "备案审查了各区多少件？", "刚才说的第一个数字是哪一年的？"],
            "广州市2024年度报告总结的是2024年度的工作",
        ),
        # of a figure from an article: the article's year (广州's 2024 report had answered)
        (["法治广州那篇新闻里网络立法听证会的点击量", "总投票数呢", "这是哪一年的？"], "是2017年的报道"),
        # another thing asked of the same count, its name whole ("…政府信息公开申请申请…"), then the two compared
        (
            ["花都区2023年收到行政复议申请多少宗", "政府信息公开申请呢", "这两个数怎么一样"],
            "政府信息公开申请案件786件[2]；两者一样多",
        ),
        # "第二条展开说说" after the plans: that item in full (展开 had not read as asking an item: refused)
        (["广州2024年存在哪些问题？", "明年打算怎么做？", "第二条展开说说"], "编制2025年立法计划和五年立法规划"),
        # "它提了哪些不足" after the report's date: its shortcomings (the date had been given again)
        (["花都的报告是哪个部门发布的", "什么时候发布的", "它提了哪些不足"], "一是镇街综合行政执法工作有待完善"),
        # a place's "类似做法": the thing just asked about, of that place (not another of its measures)
        (["花都区“综合查一次”是怎么做的", "成都有没有类似做法"], "25个领域统筹开展“综合查一次”"),
        # "那…" asking its own thing of a year or place it names: that question, not glued to the last one
        (["广州市2024年清理了多少项职业资格？", "那2024年报告里广州政府透明度排名第几？"], "排名第一"),
        (["广州2017年的文章里出台了多少份规范性文件？", "那2017年的文章里制定了多少件法规？"], "制定法规148件"),
        # a correction naming a place and a thing: that place's count of that thing, not glued on
        (["成都市2024年办理法律援助多少件？", "公证呢？", "不对，我问的是韶关的人民调解"], "14251宗"),
        # which part of the report the figure just given is in: its section's heading path
        (
            ["花都区有多少名公职律师？", "这个数字出自报告哪一部分？"],
            "（三）奋力推进依法行政体系建设，发挥法治固根本、稳预期、利长远的保障作用 > 2.深化行政执法体制改革",
        ),
        # "这个数字出自哪里？": where it is said, not refused nor the report's source
        (["广州数据交易所累计交易额是多少？", "这个数字出自哪里？"], "（二）政府机构职能体系持续优化”部分"),
        # the things counted asked after their count, where the report names some: those it names
        (["成都完成了多少项一件事高效办？", "具体有哪些？"], "“企业迁移”“信用修复”等13项"),
        # "两者增幅相差多少？": the two places' changes compared (增幅 is the measure, no thing of its own)
        (
            ["成都2024年新收的行政复议案件有多少？", "它的同比增长是多少？", "换成花都区的呢？", "两者增幅相差多少？"],
            "20.93个百分点",
        ),
        # "三个地方里哪个最多？": every place the conversation asked about, not the last one
        (["成都2024年调解了多少件各类纠纷？", "韶关呢？", "花都区呢？", "三个地方里哪个最多？"], "成都市最多"),
        # "加上广州，…哪个最多？": the places asked about and the one added
        (
            ["成都市政府2024年召开会议研究法治相关重要事项多少次？", "韶关呢？", "加上广州，三个城市里哪个最多？"],
            "成都市",
        ),
        # "原因呢？" after a shortcoming: what its item goes on to say (the rewrite had been "…花都区原因", refused)
        (["花都区人民调解工作有什么不足？", "原因呢？"], "部分村（居）调解委员会硬件设施不全"),
        # "换成…的呢？" asks the same of another place
        (["花都区2023年收到多少宗行政复议申请？", "换成韶关的呢？"], "830件"),
        # an item of the list just given, by its place in it: that item, told with what it goes on to say
        (["广州报告有哪些不足？", "第二条具体讲的是什么？"], "重点领域、新兴领域立法还有待加强"),
        (["成都下一步工作有几条", "第三条是什么"], "完善依法行政制度体系"),  # short: of the list, not a new topic
        # "这是…吗", "围绕什么开的": of the thing just asked (a sentence saying 这是, or 围绕, had answered)
        (["广州公共数据授权运营是什么模式", "这是全国首创吗"], "运商分离"),
        (["成都府院联席专题会开了几次", "围绕什么开的"], "公安机关治安处罚"),
        # 改废 is 修改、废止, another act on the same documents (the 清理 count had been given again)
        (["成都2024年清理了多少市政府本级文件", "改废了多少"], "修改、废止255件"),
        # "加起来多少" after two things of one place: their sum (it had asked which is more)
        (["花都区2023年办了多少件人大建议", "政协提案呢", "加起来多少"], "合计437件"),
        # "怎么解决这个" after one shortcoming told: next year's item on it, in that place's report
        (["韶关2024年存在的问题有哪些", "具体说说第二个", "2025年打算怎么解决这个"], "基层法治专业人才短缺"),
        (["韶关2024年存在的问题有哪些", "具体说说第二个", "那打算如何改进呢"], "基层法治专业人才短缺"),  # no 这个
        (["成都2024年下一步工作有哪些", "第三条呢", "第五条具体说了什么"], "持续加强行政争议实质性化解"),
        # the section named after the first item ("第五条不足") stays when another item is asked
        (["花都区报告的第五条不足是什么", "第二条呢"], "政务数据应用效率不高"),
        # which reports the archive holds, asked mid-conversation: all of them, not the place talked about
        (["广州2024年召开了多少场行政复议听证会？", "一共有几份报告？"], "共4份"),
        # who did what was just asked: the sentence saying the thing, which names the department
        (["广州在全市设了多少个价格采集点？", "这是哪个部门做的？"], "市场监管部门"),
        (["韶关2024年报告存在哪些问题？", "第三个问题具体是什么？"], "重点领域执法工作仍需持续加强"),
        # how many items a section has: its items counted; then one of them by its place
        (["成都市下一步工作安排一共几项？"], "共5项"),
        (["韶关2025年工作安排有几条，分别是什么"], "共5项"),  # the count and which, asked together
        (["成都市下一步工作安排一共几项？", "第四项具体是什么？"], "着力提升行政执法质量"),
        # "针对这个问题…" after one shortcoming told: next year's item about that shortcoming
        (
            ["广州报告有哪些不足？", "第二条具体讲的是什么？", "针对这个问题下一步打算怎么做？"],
            "加快重点领域、新兴领域立法",
        ),
    ],
)
def test_a_follow_up_answers_what_the_conversation_is_about(seeded, turns, said):
    answer = _converse(seeded, *turns)
    assert said in answer.answer, (answer.standalone, answer.answer)


def test_a_follow_up_on_the_first_place_keeps_to_the_second_ones_report(seeded):
    answer = _converse(seeded, "韶关市2024年人民调解成功率是多少？", "那花都区呢？", "调解了多少宗？")
    assert {c.doc for c in answer.citations} == {HUADU}


def test_a_question_asking_which_city_does_not_inherit_the_conversations_city(seeded):
    answer = _converse(seeded, "韶关市2024年选聘了多少名行政执法监督员？", "全国首个晒行政执法数据的城市是哪个？")
    assert "韶关" not in answer.standalone and "广州" in answer.answer
    assert {c.doc for c in answer.citations} == {GUANGZHOU_2017}


@pytest.mark.parametrize(
    "turns",
    [
        # 花都区 gives no 败诉率: its 出庭应诉率 (asked first) is no answer to it
        ["花都区2023年行政机关负责人出庭应诉率是多少？", "行政诉讼败诉率呢？"],
        # the report says the figure grew, not why
        ["成都市2024年新收行政复议案件多少件？", "同比增长多少？", "原因是什么？"],
        # 成都 gives no growth of its 经营主体: 行政复议案件's growth is another thing's
        ["广州市2024年全市实有经营主体多少户？", "同比增长多少？", "那成都呢？"],
        # the things counted asked after their count: the report lists none ("13个领域实施了…" says the count again)
        ["花都区在多少个领域实施了信用分级分类监管？", "具体是哪些领域？"],
        ["韶关有多少个高效办成一件事重点事项已实施？", "具体有哪些？"],
        # successes counted: 花都区 gives the total (1497宗) and the rate (98.73%), no count of successes
        ["花都区2023年人民调解调成功了多少宗？"],
        # who did it, where the report names no department ("在全省率先推行…试点"), or nothing was asked before
        ["广州在全省率先推行涉企行政检查什么试点？", "这是哪个部门做的？"],
        ["这是哪个部门做的？"],
    ],
)
def test_a_follow_up_the_reports_do_not_answer_is_refused(seeded, turns):
    answer = _converse(seeded, *turns)
    assert answer.refused, (answer.standalone, answer.answer)


@pytest.mark.parametrize(
    "turns",
    [
        # a count or a rate naming no thing is of the thing just asked, which the reports do not count so:
        # 肇庆's 法律咨询3.9万人次 are no 法律援助 受援人次; 韶关's 按期办结率 is of 信访, not of 行政复议
        ["肇庆23年法援办了多少件？", "受援的有多少人次？"],
        ["韶关市2024年行政复议受理了多少件？", "办结率是多少？"],
        # a change asked that the report does not give: not the counts again
        ["成都24年办理法律援助多少件？", "那公证呢？", "比上年增长了多少？"],
    ],
)
def test_a_measure_of_the_last_thing_the_reports_do_not_give_is_refused(archive, turns):
    answer = _converse(archive, *turns)
    assert answer.refused, (answer.standalone, answer.answer)


@pytest.mark.parametrize(
    ("turns", "said", "not_said"),
    [
        # a rate after a change: the rate of the same thing, not "…同比增长的纠错率"
        (["南海区2024年收到多少件行政复议申请？", "同比增长多少？", "纠错率呢？"], "纠错率9.6%", None),
        # 较上年 measures the change; it is not the year asked (2023, which 南海区 has no report on)
        (["南海区2024年行政诉讼败诉率是多少？", "较上年下降多少？"], "下降1.7个百分点", None),
        # "比上年多了还是少了？" is of the rate just asked (it had lost it, and 行政复议申请's growth came first)
        (["南海区2024年的行政诉讼败诉率", "比上年多了还是少了？"], "较上年下降1.7个百分点", "1124件"),
        (["南海区2024年的行政诉讼败诉率", "比上年多了还是少了？", "那上一年是多少？"], "5.8%", None),
        # "和肇庆比" after a rate: the two places' rates, not their counts of cases (nor the first place's)
        (["成都市2024年办理了多少件行政应诉案件？", "南海区呢？", "败诉率呢？", "和肇庆比呢？"], "肇庆市更高", "413件"),
        # which grew faster, after counts asked: the changes compared, not the counts given again without a verdict
        (["南海区2024年收到多少件行政复议申请？", "那肇庆呢？", "哪个同比增长更快？"], "南海区更快", None),
        # "其中调解成功多少宗？" (no 了): the count of the success, not the total again
        (["肇庆市人民调解组织调解了多少宗矛盾纠纷？", "其中调解成功多少宗？"], "调解成功12199宗", None),
        # a count of another act, naming no thing: of the thing just asked (12345热线受理企业诉求 had answered)
        (["南海区2024年行政复议收到多少申请？", "那受理了多少？"], "受理1018件", "12345"),
    ],
)
def test_a_measure_asked_after_another_replaces_it(lookalike, turns, said, not_said):
    answer = _converse(lookalike, *turns)
    assert said in answer.answer and (not_said is None or not_said not in answer.answer), answer.answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        # "这个" is the rate just asked: 98.6% is no 100% (its plans' "推动…达到100%" is a target)
        (["肇庆2023年行政机关负责人出庭应诉率是多少？", "这个达到100%了吗？"], "否。"),
        # a correction names another place: the same question of it, not its shortcomings
        (["韶关2024年调解和解了多少件行政纠纷？", "不对，我问的是肇庆"], "调解和解结案264件"),
        # "它" after a rate, asking a count: of the rate's thing (行政复议), not of the rate (was refused)
        (["肇庆市2023年行政复议纠错率是多少？", "它直接纠错了多少件？"], "直接纠错97件"),
        # "X呢，有几项？": the same count of another place
        (["南海区2024年下放执法事项多少项？", "肇庆呢，有几项？"], "下放执法事项近300项"),
        # "三地合计多少？": the places asked about, summed
        (["肇庆2023年行政复议调解和解结案多少件？", "南海呢？", "韶关呢？", "三地合计多少？"], "合计659件"),
        (["肇庆2023年行政复议调解和解结案多少件？", "南海呢？", "韶关呢？", "三地一共多少？"], "合计659件"),
        # how many times, naming the places: the last question's thing
        (["南海区2024年收到多少件行政复议申请？", "肇庆呢？", "南海是肇庆的几倍？"], "南海区约是肇庆市的0.71倍"),
        # "花都区那份呢？": the same asked of 花都区's report ("那份" is no thing)
        (["南海区这份报告的标题是什么？", "来源是哪个单位？", "花都区那份呢？"], "来源为花都区司法局"),
        # "2025年针对这个问题…" after one shortcoming told (a one-sentence item): that place's plan item on it
        (
            ["南海区存在的不足有哪些？", "第二条具体讲的是什么？", "2025年针对这个问题打算怎么做？"],
            "健全行政复议案件繁简分流机制",
        ),
    ],
)
def test_pronouns_corrections_and_asks_again_keep_the_conversations_question(archive, turns, said):
    answer = _converse(archive, *turns)
    assert said in answer.answer, (answer.standalone, answer.answer)


def test_a_bare_count_after_a_rate_is_of_its_thing(seeded):
    """ "成功了多少？" after 人民调解's rate: 成功调解14155宗, not a sentence on 成功举办 an event in 韶关."""
    answer = _converse(seeded, "韶关2024年人民调解成功率是多少？", "成功了多少？")
    assert "成功调解14155宗" in answer.answer, (answer.standalone, answer.answer)


def test_last_years_figure_asked_after_this_years_is_last_years_report(lookalike):
    """ "上年的败诉率是多少？" after 2024's: 2023's, which no report here gives (the 4.1% of 2024 was given), but
    the 2024 report's change from it does ("较上年下降1.7个百分点"): 5.8%, said to be computed."""
    answer = _converse(lookalike, "南海区2024年行政诉讼败诉率是多少？", "上年的败诉率是多少？")
    assert "2023" in answer.standalone, (answer.standalone, answer.answer)
    assert answer.answer.startswith("南海区2023年行政诉讼败诉率为5.8%（据南海区2024年度报告推算"), answer.answer


def test_a_rate_asked_after_a_count_is_said_with_the_count_it_is_of(seeded):
    answer = _converse(seeded, "广州市2024年办理人大代表建议和政协提案多少件？", "满意率是多少？")
    assert "政协提案1407件，满意率达99%" in answer.answer, answer.answer


def test_a_rate_of_a_sentence_naming_its_thing_before_a_semicolon_is_answered(lookalike):
    """ "…收到行政复议申请1124件…；…直接纠错92件，纠错率9.6%。": the 纠错率 is 行政复议's, said before the ；."""
    answer = Answerer(lookalike, "extractive").ask("南海区2024年行政复议纠错率是多少？")
    assert "纠错率9.6%" in answer.answer and "行政复议" in answer.citations[0].text


def test_thousands_of_full_questions_before_a_follow_up_are_rewritten_without_recursing_through_all():
    bodies = ["广州市", "成都市"]
    history = [{"role": "user", "content": f"广州市{2000 + i % 20}年办理人大代表建议多少件？"} for i in range(5000)]
    assert standalone("那成都呢？", history, bodies) == "成都市2019年办理人大代表建议多少件？"


def test_when_asked_of_no_thing_is_of_the_thing_just_asked(lookalike):
    """ "什么时候开始施行" after the 观察期: its date, not also 重大行政决策程序规定's (2024年3月1日), said with no
    subject."""
    answer = _converse(lookalike, "南海区行政执法“观察期”是怎么规定的", "什么时候开始施行")
    assert "2024年7月1日" in answer.answer and "2024年3月1日" not in answer.answer, (answer.standalone, answer.answer)


def test_a_word_asking_for_detail_adds_no_sentence_of_its_own(seeded):
    """ "规章具体有哪些": 具体 asks for detail, it is no word of the thing ("认真落实省委“1310”具体部署" was added)."""
    answer = _converse(seeded, "韶关2024年出台了哪些地方性法规", "规章具体有哪些")
    assert "古树名木保护管理规定" in answer.answer and "1310" not in answer.answer, answer.answer


def test_why_asked_of_no_thing_after_a_figure_is_of_that_thing(lookalike):
    """ "为什么要设" after 肇庆's 行政复议受理点: why they were set up, not 肇庆's shortcomings (a cause asked of no
    thing had been read as "原因是什么？" after "有哪些不足？")."""
    answer = _converse(lookalike, "肇庆设了多少个行政复议受理点", "为什么要设")
    assert "所列不足" not in answer.answer, (answer.standalone, answer.answer)


def test_which_is_more_right_after_a_full_question_compares_it_with_the_one_before(lookalike):
    """ "肇庆12345受理了多少" is a full question; "哪个多？" after it compares it with 南海's, asked before (only
    肇庆's figure had been given again). The hotline is named by a number: its rows, not 行政复议's 受理."""
    turns = ["南海区12345热线受理企业诉求多少件", "按时办结率呢", "肇庆12345受理了多少", "哪个多？"]
    answer = _converse(lookalike, *turns).answer
    assert "1.1万件" in answer and "46.3万件" in answer and "肇庆市更多" in answer, answer
    assert "行政复议" not in answer, answer


def test_another_place_then_a_count_of_no_thing_is_that_places_count_of_the_last_thing(lookalike):
    """ "那南海呢，调解成功多少宗" after 韶关's 人民调解成功率: 南海's 人民调解 successes (the two questions had been
    glued together, "…成功率是多少 调解成功多少宗", and refused)."""
    answer = _converse(lookalike, "韶关市人民调解成功率是多少", "那南海呢，调解成功多少宗")
    assert "调解成功9712宗" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("turns", "not_said"),
    [
        # another act counted in the same unit is of the same thing: 韶关 counts no 审结 (审核…规范性文件31件 had
        # answered for it)
        (["韶关2024年行政复议受理了多少件", "审结多少件"], "规范性文件"),
        (["韶关市2024年受理了多少件行政复议申请？", "审结了多少件？"], "规范性文件"),  # 7 characters: a follow-up too
        # "全市" names no thing: 广州 gives no such growth (经营主体's had answered)
        (["花都区2023年收到多少行政复议申请", "同比增长多少", "广州全市呢"], "经营主体"),
    ],
)
def test_a_follow_up_keeps_the_thing_it_does_not_name(archive, turns, not_said):
    answer = _converse(archive, *turns)
    assert not_said not in answer.answer, (answer.standalone, answer.answer)


def test_a_part_counted_by_another_act_is_not_given_that_acts_count(seeded):
    """ "其中审结了多少件？" after 成都's 新收 count: 成都 gives no 审结 count; the 新收 figure said again (it had been,
    bare, read as the cases closed, then with a note, "（所引为收到数，非审结数）") counts more than were closed, and is
    refused (a later stage's count may stand for an earlier one's with its note, not the other way)."""
    answer = _converse(seeded, "成都2024年新收行政复议案件多少件？同比增长多少？", "其中审结了多少件？")
    assert answer.refused, (answer.standalone, answer.answer)


@pytest.mark.parametrize(
    ("turns", "verdict"),
    [
        # the follow-up's own figure is claimed, not the last question's (1124件 had been judged: "否。…1586件")
        (["南海2024复议申请1124件对吗", "那肇庆的呢？是1586件吧"], "是。"),
        (["韶关调解成功率99.58%对吗", "南海的呢？是98.74%对吗"], "是。"),  # the figure after "？" was dropped
        # a figure from the asker's draft after the question asking it: "…同比增长86.67%，对吗？"
        (["花都区2023年收到多少行政复议申请", "同比增长多少？我写的是86.67%"], "否。"),  # 68.67%
    ],
)
def test_a_figure_claimed_in_a_follow_up_is_the_one_judged(archive, turns, verdict):
    answer = _converse(archive, *turns)
    assert answer.answer.startswith(verdict), (answer.standalone, answer.answer)


def test_a_year_asked_after_a_span_is_not_answered_by_the_span(seeded):
    """ "那2017年制定了多少？" after the 1986–2016 count: the article gives no 2017 count (the span's 148件 had been
    said again)."""
    answer = _converse(seeded, "广州人大常委会制定了多少件法规", "那2017年制定了多少？")
    assert answer.refused and "148件" not in answer.answer, (answer.standalone, answer.answer)


def test_a_follow_up_naming_a_sibling_service_replaces_the_last_one(seeded):
    """ "那成都跨省通办呢" after 韶关's 省内通办: 跨省通办 replaces 省内通办 (it had been appended, and "哪个多" then
    compared 省内通办, which 成都 does not give)."""
    answer = _converse(seeded, "韶关的跨省通办事项有多少项", "省内通办呢", "那成都跨省通办呢", "哪个多")
    assert "283项跨省通办" in answer.answer and "162项" in answer.answer and "韶关市更多" in answer.answer, (
        answer.standalone,
        answer.answer,
    )


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        # after a question on the report itself (its date), a new question is asked in its place and year alone
        (["花都区2023年度报告哪天发布的", "存在什么不足"], "花都区2023年度报告所列不足"),
        (["花都区2023年度报告哪天发布的", "拿了哪些荣誉", "调解了多少纠纷"], "1497宗"),
        # after a section and one of its items, a figure or another question of the section is its own
        (["花都区2023年存在哪些不足", "第四点展开说说", "调解了多少纠纷"], "1497宗"),
        (["花都区2023年存在哪些不足", "第四点展开说说", "不足总共几条"], "共4项"),
    ],
)
def test_a_question_after_one_on_the_report_or_a_section_is_asked_in_its_scope_alone(seeded, turns, said):
    """A question about the report itself, a section or an item has no thing a later question asks more of:
    "调解了多少纠纷" after "…哪天发布的" had been glued to it and answered with the date again."""
    answer = _converse(seeded, *turns)
    assert said in answer.answer and "发布日期" not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        (["南海区存在哪些不足", "第二条展开说说", "复议申请收了多少件"], "1124件"),
        (["南海区那份报告哪年的？谁发的，哪天发的？", "主要成绩概括一下", "存在哪些不足", "不足总共几条"], "共3项"),
    ],
)
def test_a_drafter_reading_one_report_is_answered_turn_by_turn(lookalike, turns, said):
    assert said in _converse(lookalike, *turns).answer


def test_a_change_of_review_cases_asked_of_a_city_not_reporting_it_is_refused(seeded):
    """ "复议" is the asker's 行政复议: 广州's report gives no change in its review cases, and its 经营主体's
    同比增长7.97% is another thing's (it had been given for "那广州呢")."""
    answer = _converse(seeded, "成都2024年复议新收多少", "同比增长多少", "那广州呢")
    assert answer.refused, answer.answer


def test_the_year_before_asked_after_a_question_naming_no_year_is_before_the_latest_report(seeded):
    """ "那上一年是多少件" after "花都行政复议申请收了多少" (花都区's latest report: 2023) asks of 2022, which no
    report counts (its 同比增长68.67% gives no exact count): refused, not 2023's 786宗 again."""
    answer = _converse(seeded, "花都行政复议申请收了多少", "同比呢", "那上一年是多少件")
    assert answer.refused, answer.answer


def test_the_year_before_of_a_rate_asked_with_no_year_is_worked_out_from_its_change(lookalike):
    """ "那上一年呢" after 南海区's 败诉率 (4.1%，较上年下降1.7个百分点), no year named: 2023's 5.8% (was refused)."""
    answer = _converse(lookalike, "南海区行政复议纠错率", "那行政诉讼败诉率呢", "那上一年呢")
    assert "5.8%" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        (["肇庆复议案件收了多少", "同比呢"], "同比增长27.8%"),  # bare 同比: the change of the count just given
        (["南海区行政复议申请多少件", "增幅多少"], "同比增长42.3%"),  # 增幅 is a measure, no thing of its own
    ],
)
def test_a_bare_change_asked_after_a_count_is_the_counts_change(lookalike, turns, said):
    answer = _converse(lookalike, *turns)
    assert said in answer.answer, answer.answer


@pytest.mark.parametrize(
    "turns",
    [
        ["韶关存在的问题里有没有提到数字政府"],
        ["韶关存在哪些问题", "这些问题里有没有提到数字政府"],  # part 一's 数字政府 sentence had answered
        ["花都区2023年明年有什么打算", "有没有提到人民调解"],  # the 不足 and 成效 sentences had answered
    ],
)
def test_whether_a_section_mentions_something_is_read_in_that_section(seeded, turns):
    answer = _converse(seeded, *turns).answer
    assert "未涉及" in answer, answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        # "比南海高还是低": the last thing of both places, compared (was an unrelated 占比偏低 sentence)
        (["肇庆2023年人民调解成功率是多少", "比南海高还是低"], "南海区更高"),
        # "南海比肇庆多，对吧" after both were asked: the two figures compared
        (["南海区跨省通办多少项", "肇庆呢", "南海比肇庆多，对吧"], "南海区更多"),
        # "换成韶关看看": the same question of 韶关 ("看看" is no thing asked)
        (["成都市2024年法律援助办了多少件", "换成南海看看"], "3178件"),
        # "我是说南海的" is a correction, as "不对，我问的是…" is: the same question of 南海
        (["肇庆法律援助办了多少件", "我是说南海的"], "3178件"),
        # "回到刚才那个区": the district asked before the city just asked (was the city's 7.2%)
        (["南海区去年行政复议收了多少案子？", "那肇庆呢", "回到刚才那个区，纠错率多少"], "9.6%"),
        # a comparison claim naming its own rate, after turns on another thing: that rate of both
        (["南海区去年行政复议收了多少案子？", "那肇庆呢", "所以南海的败诉率也比肇庆低，对吧"], "肇庆市更高"),
        # a difference claimed: the one worked out (was read as 南海's own count, 39项, and said 否)
        (["肇庆跨省通办多少项", "南海呢", "所以南海比肇庆多39项，对吧"], "南海区比肇庆市多39项"),
        # "行吧那就…": words of assent, not of the question
        (["肇庆2023年法律援助办了多少件", "行吧那就南海的呢"], "3178件"),
    ],
)
def test_comparisons_claims_and_corrections_said_briefly_keep_the_conversations_thing(archive, turns, said):
    answer = _converse(archive, *turns)
    assert said in answer.answer, (answer.standalone, answer.answer)


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        # another topic of the same place, after a count in 支: 普法 is not counted in 支 (was refused)
        (["成都执法队伍精简到多少支了", "法律援助呢"], "1.8万余件"),
        (["成都执法队伍精简到多少支了", "那普法方面呢"], "2万余场"),
        # after a question the reports do not answer (its 平均审理 is no part of the next ones)
        (["南海区24年复议案件平均审理多少天", "那审结了多少件", "调解和解结案呢", "主动撤回的呢"], "104件"),
        # "宪法日那几天呢": those days (the report's 国家宪法日期间), not how many days
        (["佛山南海区2024年普法活动开展了多少场？", "宪法日那几天呢"], "120场"),
        # "12348热线呢" after 12345's count: the other hotline (was 12345's figure again), counted in its own unit
        (["肇庆12345热线受理了多少件", "12348热线呢"], "3.9万人次"),
    ],
)
def test_a_new_topic_the_last_questions_frame_does_not_fit_is_asked_in_the_conversations_place(archive, turns, said):
    answer = _converse(archive, *turns)
    assert said in answer.answer, (answer.standalone, answer.answer)


def test_those_among_a_count_with_a_mark_the_report_does_not_count_are_said_not_given(archive):
    """ "其中有法律职业资格的多少人" after 南海's 持证上岗2985人: the report says only that their share is 偏低; the
    2985 (all who hold a permit) had been given alone, reading as those with the qualification. Asked with the
    count it is a part of, the part is said not given (or the whole refused)."""
    answer = _converse(archive, "南海执法人员持证的有多少", "其中有法律职业资格的多少人")
    assert answer.refused or "未载明法律职业资格" in answer.answer, (answer.standalone, answer.answer)


def test_counts_of_one_thing_said_side_by_side_are_kept_together(seeded):
    """ "创新项目拿了几个奖": "1个项目获评…二等奖，2个项目获评三等奖" counts one thing twice; the second had been
    cut, under-reporting the prizes."""
    answer = _converse(seeded, "花都区2023年获得了哪些荣誉", "创新项目拿了几个奖")
    assert "1个项目" in answer.answer and "2个项目获评三等奖" in answer.answer, (answer.standalone, answer.answer)
