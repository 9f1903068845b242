"""The heading tree and the parts (roles) of the real seeds, read by `bot.ingest.structure`."""

import pytest
from conftest import SEED_NAMES, SEEDS

from bot.index.pipeline import make_document
from bot.ingest.chunk import chunk_document
from bot.ingest.clean import clean_text
from bot.ingest.structure import ROLES, SYNTHETIC, heading_path, items_in, read_sections, section_at, top_sections
from bot.text import match_key, split_sentences

GUANGZHOU, HUADU, SHAOGUAN, NEWS, CHENGDU = SEED_NAMES
REPORTS = [GUANGZHOU, HUADU, SHAOGUAN, CHENGDU]


@pytest.fixture(scope="module")
def texts():
    return {name: clean_text((SEEDS / name).read_text()) for name in SEED_NAMES}


def path_of(text: str, words: str) -> tuple[str, ...]:
    paragraphs = text.split("\n")
    index = next(i for i, line in enumerate(paragraphs) if words in line)
    return heading_path(text)[index]


# Known passages and their heading paths. The Guangzhou (三), (五), (六) lost their labels to scraping
# mojibake (`?。ㄈ┮婪…`), so main read the 人大建议 passage as under (四).
PASSAGES = [
    (GUANGZHOU, "辦理人大代表建議、政協提案1407件", ("一、主要工作成效", "（六）…力制約和監督全面加強")),
    (GUANGZHOU, "推進制定地方性法規18件", ("一、主要工作成效", "（三）…系日益健全")),
    (GUANGZHOU, "544個單位", ("一、主要工作成效", "（一）黨對法治政府建設的領導不斷加強")),
    (GUANGZHOU, "鎮（街）綜合行政執法工作有待進一步加強", ("二、存在的問題",)),
    (
        HUADU,
        "共办理人大建议208件",
        (
            "一、2023年法治政府建设主要举措和成效",
            "（五）强化对行政权力的制约和监督，让权力在阳光下运行",
            "1.加强协作凝聚合力，放大监督效应",
        ),
    ),
    (  # a whole-line heading longer than 40 characters is no longer cut short
        HUADU,
        "编辑整理《中心组学习参考》",
        (
            "一、2023年法治政府建设主要举措和成效",
            "（一）深入学习贯彻习近平法治思想和党的二十大关于法治建设重大部署，推进法治政府建设工作高质量发展",
            "1.强化思想淬炼，坚持党对依法治区的全面领导",
        ),
    ),
    (SHAOGUAN, "全年共办理人大代表建议77件", ("一、2024年主要工作情况", "（七）强化监督制约，权力运行更加规范透明")),
    (SHAOGUAN, "执法队伍年龄结构老化", ("二、存在的问题", "（二）法治人才队伍建设有待加强")),
    (CHENGDU, "办理人大代表、政协委员提案1400余件", ("五、强化权力制约监督，促进行政权力规范透明运行",)),
    (CHENGDU, "成都市人民政府", ()),  # the title line is the preface
    (CHENGDU, "2025年1月6日", (SYNTHETIC["other"],)),
    (NEWS, "網上立法聽證於8月1日至8月4日舉行", ("科學民主立法 網上立法聽證會獲千萬點擊",)),
]


@pytest.mark.parametrize(("name", "words", "path"), PASSAGES)
def test_heading_paths_of_known_passages(texts, name, words, path):
    assert path_of(texts[name], words) == path


def test_guangzhou_lost_labels_are_inferred_in_sequence(texts):
    labels = [s.path[1][:3] for s in read_sections(texts[GUANGZHOU]) if len(s.path) == 2]
    assert labels == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]


# Each report's shortcomings and plans parts: how their text begins.
PARTS = {
    GUANGZHOU: ("二、存在的問題\n我市法治政府建設工作取得一定成績，但還存在", "三、下一步工作安排\n下一步，我市將堅持"),
    HUADU: (
        "二、存在的不足和原因\n2023年我区法治政府建设工作取得了一定的成绩，但仍然存在不足之处",
        "三、下一年度的主要安排\n2024年，我区将",
    ),
    SHAOGUAN: (
        "二、存在的问题\n2024年，我市法治政府建设各项工作取得了一定成效",
        "三、2025年工作安排\n2025年，我市将坚持",
    ),
    CHENGDU: ("2024年，全市法治政府建设虽取得一定成效，但仍存在一些需解决的问题", "下一步，成都市政府将坚持"),
}


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_has_one_shortcomings_and_one_plans_part(texts, name):
    tops = top_sections(texts[name])
    shortcomings = [s for s in tops if s.role == "shortcomings"]
    plans = [s for s in tops if s.role == "plans"]
    assert len(shortcomings) == len(plans) == 1
    assert shortcomings[0].text.startswith(PARTS[name][0])
    assert plans[0].text.startswith(PARTS[name][1])
    assert tops.index(shortcomings[0]) + 1 == tops.index(plans[0])


def test_chengdu_unheaded_paragraph_is_split_between_shortcomings_and_plans(texts):
    """One paragraph, no heading, holds both parts: each gets a synthetic section over its own characters."""
    text = texts[CHENGDU]
    shortcomings, plans = [s for s in read_sections(text) if s.role in {"shortcomings", "plans"}]
    assert (shortcomings.path, plans.path) == ((SYNTHETIC["shortcomings"],), (SYNTHETIC["plans"],))
    assert shortcomings.start == plans.start == 16 and shortcomings.end == plans.end == 17
    assert shortcomings.span[1] == plans.span[0]
    assert shortcomings.text.endswith("涉外法律服务能级还需进一步增强。")
    assert shortcomings.text + plans.text == text.split("\n")[16]
    assert section_at(read_sections(text), 16) == shortcomings  # the paragraph starts in the shortcomings


def test_the_2017_news_article_has_no_shortcomings_or_plans(texts):
    """Seed 003 is a news article, not a report: it has neither part, and none is made up for it."""
    roles = {s.role for s in read_sections(texts[NEWS])}
    assert roles == {"other", "measures"}


TOP_ROLES = {
    GUANGZHOU: ["other", "measures", "shortcomings", "plans"],
    HUADU: ["other", "measures", "shortcomings", "plans"],
    SHAOGUAN: ["other", "measures", "shortcomings", "plans"],
    NEWS: ["other"] + ["measures"] * 5 + ["other"],
    CHENGDU: ["other"] + ["measures"] * 6 + ["shortcomings", "plans", "other"],
}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_roles_of_top_level_sections(texts, name):
    tops = top_sections(texts[name])
    assert [s.role for s in tops] == TOP_ROLES[name]
    assert all(s.role in ROLES for s in tops)
    by_span = {s.span: s.role for s in tops}
    for section in read_sections(texts[name]):  # a subsection has its top-level section's role
        top = next(t for t in tops if t.span[0] <= section.span[0] and section.span[1] <= t.span[1])
        assert section.role == by_span[top.span] and section.path[:1] == top.path


def test_roles_from_heading_words_and_a_heading_over_two_parts():
    text = "\n".join(
        [
            "一、主要工作",
            "（一）加强领导。一是完善制度。二是强化考核。",
            "二、党政主要负责人履行推进法治建设第一责任人职责情况",
            "主要负责人带头学法。",
            "三、存在的问题和下一步工作打算",
            "但仍存在一些不足。下一步，我们将继续努力。一是加强学习。二是完善机制。",
        ]
    )
    tops = top_sections(text)
    assert [(s.path, s.role) for s in tops] == [
        (("一、主要工作",), "measures"),
        (("二、党政主要负责人履行推进法治建设第一责任人职责情况",), "duty"),
        (("三、存在的问题和下一步工作打算",), "shortcomings"),
        ((SYNTHETIC["plans"],), "plans"),
    ]
    assert [i.label for i in tops[-1].items] == ["一是", "二是"]


def test_items_of_sections(texts):
    guangzhou = top_sections(texts[GUANGZHOU])
    assert [i.label for i in guangzhou[1].items] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert guangzhou[1].items[5].text.startswith("力制約和監督全面加強。")
    first = next(s for s in read_sections(texts[GUANGZHOU]) if s.path[-1:] and s.path[-1].startswith("（一）"))
    assert [i.label for i in first.items] == ["一是", "二是", "三是"]
    assert first.items[0].text.startswith("切實履行推進法治建設第一責任人職責。")
    assert first.items[2].text.endswith("協同打造區域法治共同體。")
    chengdu_plans = next(s for s in top_sections(texts[CHENGDU]) if s.role == "plans")
    assert [i.label for i in chengdu_plans.items] == ["一是", "二是", "三是", "四是", "五是"]
    assert chengdu_plans.items[0].text.startswith("坚定践行习近平法治思想。")
    shaoguan = next(s for s in top_sections(texts[SHAOGUAN]) if s.role == "shortcomings")
    assert [i.label for i in shaoguan.items] == ["（一）", "（二）", "（三）"]


def _assert_tiles(text: str, sections) -> None:
    """Spans cover the text in order, separated by the paragraph breaks or meeting inside a split paragraph."""
    assert sections[0].span[0] == 0 and sections[-1].span[1] == len(text)
    for section in sections:
        assert section.text == text[section.span[0] : section.span[1]]
    for before, after in zip(sections, sections[1:]):
        if before.span[1] == after.span[0]:  # a paragraph split by wording: both hold it
            assert after.start == before.end - 1
        else:
            assert after.span[0] == before.span[1] + 1 and text[before.span[1]] == "\n"
            assert after.start == before.end


@pytest.mark.parametrize("name", SEED_NAMES)
def test_paragraph_ranges_cover_the_text_in_order(texts, name):
    text = texts[name]
    for sections in (read_sections(text), top_sections(text)):
        _assert_tiles(text, sections)
        assert sections[-1].end == len(text.split("\n"))
        assert all(s.start < s.end for s in sections)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_chunk_headings_agree_with_heading_path(name):
    document = make_document(SEEDS / name, (SEEDS / name).read_text())
    paths = heading_path(document.text)
    sections = read_sections(document.text)
    keys = [match_key(line) for line in document.text.split("\n")]
    index = 0
    for chunk in chunk_document(document):  # chunks come in document order: look from the last one on
        first = match_key(split_sentences(chunk.text)[0])
        index = next(i for i, key in enumerate(keys) if i >= index and first in key)
        holding = [" > ".join(s.path) for s in sections if s.start <= index < s.end]
        if len(holding) > 1:  # a split paragraph: the chunk is in the section whose part it quotes
            assert chunk.heading in holding
        else:
            assert chunk.heading == " > ".join(paths[index])
    hit = next(c for c in chunk_document(document) if "人大代表建議" in c.text) if name == GUANGZHOU else None
    assert hit is None or hit.heading.split(" > ")[1].startswith("（六）")


def test_lists_numbering_nothing_are_items_from_their_first_label():
    """ "——…" paragraphs and a run opening "首先，" are items; "此外，…最后，…" in running text is no list (its
    items had dropped the text before "此外")."""
    assert [i.label for i in items_in("——抓好学习贯彻。\n——优化营商环境。")] == ["——", "——"]
    assert [i.label for i in items_in("首先，能力不足。其次，力量薄弱。此外，争议增长。")] == [
        "首先，",
        "其次，",
        "此外，",
    ]
    assert items_in("部分干部能力不足。此外，基层薄弱。最后，争议增长。") == ()
