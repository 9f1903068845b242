import pytest
from conftest import raw_seed

from bot.ingest.clean import clean_text
from bot.ingest.dates import anchor_year, annotate, periods_dated, relative_dates, report_dates
from bot.ingest.metadata import read_metadata

# (covered year, publication date): a report's year is the year it covers, whenever it was published.
SEED_DATES = {
    "000_8fbd729c494b9d50.txt": (2024, None),
    "001_bfb673fb5af5df88.txt": (2023, "2024-01-04"),
    "002_092cc53afba18b30.txt": (2024, None),
    "003_29ae86f9fcedda95.txt": (2017, "2017-11-13"),
    "004_7cff85eaf4bcf1da.txt": (2024, "2025-01-06"),
}


def _seed(name: str) -> tuple[str, dict]:
    text = clean_text(raw_seed(name))
    return text, read_metadata(text)


@pytest.mark.parametrize("name", sorted(SEED_DATES))
def test_covered_year_and_publication_date_of_each_seed(name):
    assert report_dates(_seed(name)[1]) == SEED_DATES[name]


def test_a_2024_report_signed_in_2025_is_anchored_on_2024():
    assert anchor_year(_seed("004_7cff85eaf4bcf1da.txt")[1]) == 2024


def test_the_2017_articles_relative_dates_resolve_to_2017():
    text, meta = _seed("003_29ae86f9fcedda95.txt")
    dates = relative_dates(text, anchor_year(meta))
    assert len(dates) == 4
    assert {d.year for d in dates} == {2017}
    assert all(text[d.start : d.end] == d.word == "今年" for d in dates)
    assert "今年（2017年）5月" in annotate(text, anchor_year(meta))


def test_an_article_is_anchored_on_its_publication_year_not_the_years_it_mentions():
    meta = read_metadata("2016年依法治市成效显著\n2017-11-13 来源：广州日报\n今年，广州坚持依法治市。")
    assert meta["kind"] == "article"
    assert anchor_year(meta) == 2017


def test_a_reports_next_year_section_resolves_from_the_covered_year():
    text, meta = _seed("001_bfb673fb5af5df88.txt")
    dates = relative_dates(text, anchor_year(meta))
    assert [(d.word, d.year) for d in dates] == [("下一年度", 2024)]


@pytest.mark.parametrize(
    ("text", "annotated"),
    [
        ("今年3月", "今年（2017年）3月"),
        ("同比上年增长5%", "同比上年（2016年）增长5%"),
        ("今年以来", "今年（2017年）以来"),
        ("去年同期", "去年（2016年）同期"),
        ("上年度", "上年度（2016年）"),
        ("上一年度", "上一年度（2016年）"),
        ("本年度报告", "本年度（2017年）报告"),
        ("次年1月", "次年（2018年）1月"),
        ("前年", "前年（2015年）"),
        ("明年", "明年（2018年）"),
        ("上半年比上年", "上半年比上年（2016年）"),
    ],
)
def test_relative_words_are_annotated_with_their_year(text, annotated):
    assert annotate(text, 2017) == annotated


@pytest.mark.parametrize(
    "text", ["应当年满18周岁", "以上年龄", "目前年均", "人次年均", "多年来，近年来", "说明年度报告", "全年", "上半年"]
)
def test_words_that_only_contain_the_characters_are_no_dates(text):
    assert relative_dates(text, 2017) == []
    assert annotate(text, 2017) == text


def test_traditional_text_keeps_its_characters_and_offsets():
    text = "當年完成立法，去年開始施行。"
    dates = relative_dates(text, 2020)
    assert [(d.word, d.year) for d in dates] == [("當年", 2020), ("去年", 2019)]
    assert annotate(text, 2020) == "當年（2020年）完成立法，去年（2019年）開始施行。"


def test_no_anchor_without_a_year_or_a_date():
    meta = read_metadata("成都市法治政府建设情况报告\n成都市坚持依法行政。")
    assert report_dates(meta) == (None, None)
    assert anchor_year(meta) is None


def test_a_relative_year_after_a_preposition_is_a_date_though_jieba_joins_them():
    # jieba reads 于今年 as 于今|年; the preposition before it says 今年 is the word
    assert [(d.word, d.year) for d in relative_dates("条例于今年5月1日起施行", 2017)] == [("今年", 2017)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("近5年来，广州市精简204项事项", "近5年来（截至2017年），广州市精简204项事项"),
        ("近5年來，廣州市精簡204項事項", "近5年來（截至2017年），廣州市精簡204項事項"),  # traditional kept
        ("近三年办理案件", "近三年（截至2017年）办理案件"),
        ("近5年来（2013—2017年）", "近5年来（2013—2017年）"),  # already says its years
        ("接近5000件", "接近5000件"),  # 近 before a figure is no period
    ],
)
def test_a_period_counted_back_is_said_with_the_year_it_ends_in(text, said):
    assert periods_dated(text, 2017) == said
