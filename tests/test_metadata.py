import pytest
from conftest import raw_seed

from bot.ingest.clean import clean_text
from bot.ingest.metadata import read_metadata

EXPECTED = {
    "000_8fbd729c494b9d50.txt": {
        "issuer": "广州市",
        "year": 2024,
        "date": None,
        "kind": "report",
        "title": "广州市2024年法治政府建设情况报告",
    },
    "001_bfb673fb5af5df88.txt": {
        "issuer": "广州市花都区",
        "year": 2023,
        "date": "2024-01-04",
        "kind": "report",
        "source": "花都区司法局",
        "title": "广州市花都区人民政府关于2023年度法治政府建设情况的报告",
    },
    "002_092cc53afba18b30.txt": {
        "issuer": "韶关市",
        "year": 2024,
        "date": None,
        "kind": "report",
        "title": "韶关市2024年法治政府建设情况报告",
    },
    "003_29ae86f9fcedda95.txt": {
        "issuer": "广州市",
        "year": 2017,
        "date": "2017-11-13",
        "kind": "article",
        "source": "广州日报",
        "title": "推進依法治市 建設法治廣州",
    },
    "004_7cff85eaf4bcf1da.txt": {
        "issuer": "成都市",
        "year": 2024,
        "date": "2025-01-06",
        "kind": "report",
        "source": "市政府办公厅",
        "title": "成都市人民政府关于2024年度法治政府建设情况的报告",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name):
    meta = read_metadata(clean_text(raw_seed(name)))
    for key, value in EXPECTED[name].items():
        assert meta[key] == value, (key, meta)


def test_district_report_from_title_and_signature():
    text = "某某县人民政府关于2022年度法治政府建设情况的报告\n2022年，我县坚持依法行政。\n某某县人民政府\n2023年2月1日"
    meta = read_metadata(text)
    assert meta["issuer"] == "某某县"
    assert meta["year"] == 2022
    assert meta["date"] == "2023-02-01"


# -- rule-based cases: each builds a text that exercises one rule of `read_metadata` --------------------------
REPORT_TITLE = "成都市人民政府关于2024年度法治政府建设情况的报告"
OPENING = "2024年，成都市坚持以习近平法治思想为指导，深入推进法治政府建设。"


def _read(*lines: str) -> dict:
    return read_metadata("\n".join(lines))


# The title line
def test_the_title_is_the_first_short_line():
    meta = _read(REPORT_TITLE, OPENING, "一、主要工作")
    assert meta["title"] == REPORT_TITLE


def test_date_and_source_lines_before_the_title_are_skipped():
    meta = _read("发布日期：2025-01-06", "来源：市政府办公厅", REPORT_TITLE, OPENING)
    assert meta["title"] == REPORT_TITLE


@pytest.mark.parametrize("line", ["各区人民政府，市政府各部门：", "现将有关情况报告如下。", "一是坚持党的领导；"])
def test_a_line_ending_in_a_colon_or_holding_a_sentence_end_is_no_title(line):
    assert _read(line, REPORT_TITLE, OPENING)["title"] == REPORT_TITLE


def test_no_title_when_the_text_opens_with_its_first_sentence():
    """A text opening with its first sentence (2024年，…) has no title line; one is made up from issuer and year."""
    meta = _read(OPENING, "一、主要工作", "（一）坚持党的领导")
    assert meta["title"] == "成都市2024年法治政府建设情况报告"


def test_a_line_longer_than_60_characters_is_body_text_not_a_title():
    long_line = "成都市深入学习贯彻习近平法治思想全面推进法治政府建设各项工作取得新进展新成效人民群众法治获得感持续增强"
    long_line += "各项改革举措落地见效"
    assert len(long_line) > 60
    meta = _read(long_line, OPENING)
    assert meta["title"] == "成都市2024年法治政府建设情况报告"  # made up: the long line is no title


def test_a_title_of_60_characters_is_still_a_title():
    head, tail = "成都市人民政府关于2024年度法治政府建设", "情况的报告"
    title = head + ("和依法行政工作" * 10)[: 60 - len(head) - len(tail)] + tail
    assert len(title) == 60
    assert _read(title, OPENING)["title"] == title


def test_a_title_in_traditional_characters_is_shown_as_written_and_read_simplified():
    title = "成都市人民政府關於2024年度法治政府建設情況的報告"
    meta = _read(title, "2024年，成都市堅持依法行政。")
    assert meta["title"] == title
    assert (meta["issuer"], meta["year"], meta["kind"]) == ("成都市", 2024, "report")


# The issuing body
@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("成都市人民政府关于2024年度法治政府建设情况的报告", "成都市"),
        ("某某县政府关于2022年度法治政府建设情况的报告", "某某县"),
        ("广州市花都区人民政府关于2023年度法治政府建设情况的报告", "广州市花都区"),
        ("韶关市关于2024年法治政府建设情况的报告", "韶关市"),
    ],
)
def test_the_issuer_is_read_from_the_title_before_guanyu(title, issuer):
    """`…人民政府关于`, `…政府关于`, `…关于`: what comes before is the issuing body."""
    assert _read(title, "2024年，全市坚持依法行政。")["issuer"] == issuer


def test_the_issuer_is_read_from_the_first_sentence_when_the_title_names_none():
    meta = _read("2024年法治政府建设情况报告", "2024年，韶关市坚持依法行政，深入推进法治政府建设。")
    assert meta["issuer"] == "韶关市"


def test_the_issuer_is_read_from_the_first_sentence_when_there_is_no_title():
    assert _read("2023年，韶关市坚持依法行政。", "一、主要工作")["issuer"] == "韶关市"


@pytest.mark.xfail(
    strict=True,
    reason="_PLACE_IN_TEXT is lazy ({2,8}?), so in 2023年，广州市花都区… it stops at the city (广州市): a district's "
    "report without a title is filed under its city, while the same report with its title is 广州市花都区",
)
def test_a_districts_first_sentence_names_the_district_as_issuer():
    """The issuing body is the same whether read from the title or from the first sentence."""
    titled = _read("广州市花都区人民政府关于2023年度法治政府建设情况的报告", "2023年，广州市花都区坚持依法行政。")
    assert titled["issuer"] == "广州市花都区"
    assert _read("2023年，广州市花都区坚持依法行政。", "一、主要工作")["issuer"] == titled["issuer"]


def test_otherwise_the_issuer_is_the_place_named_most():
    text = _read(
        "推进依法治市 建设法治广州",
        "广州日报讯 近年来，广州坚持依法治市，广州的法治环境持续改善，深圳也在学习广州经验。",
    )
    assert text["issuer"] == "广州市"  # 市 added to a place named without it


def test_the_place_named_most_keeps_its_own_suffix():
    meta = _read("依法行政见成效", "佛山市坚持依法行政，佛山市各部门认真落实，成都也有类似做法。")
    assert meta["issuer"] == "佛山市"


def test_the_country_and_the_province_are_not_issuers():
    meta = _read("依法行政见成效", "广东省委要求，广东省各地、广东省各部门学习中国各地经验，中国、中国，广州率先落实。")
    assert meta["issuer"] == "广州市"


# The date and the source
@pytest.mark.parametrize(
    "line",
    ["发布日期：2024-01-04", "发布时间：2024年1月4日", "日期：2024/1/4", "发布日期: 2024.01.04", "發佈日期：2024-1-4"],
)
def test_the_date_from_a_published_line(line):
    assert _read(REPORT_TITLE, line, OPENING)["date"] == "2024-01-04"


@pytest.mark.parametrize(
    "line", ["2017-11-13 來源：廣州日報", "2017-11-13来源：广州日报", "2017-11-13  来源: 广州日报"]
)
def test_date_and_source_from_a_date_source_line(line):
    meta = _read("推進依法治市 建設法治廣州", line, "本报讯 广州坚持依法治市。")
    assert (meta["date"], meta["source"]) == ("2017-11-13", "广州日报")  # read on the simplified text


def test_the_date_from_a_signature_in_the_last_lines():
    meta = _read(REPORT_TITLE, OPENING, "一、主要工作", "成都市人民政府", "2025年1月6日")
    assert meta["date"] == "2025-01-06"


def test_a_date_line_early_in_the_text_is_no_signature():
    lines = [REPORT_TITLE, "2025年1月6日", OPENING, *[f"（{n}）工作继续推进。" for n in "一二三四五六"]]
    assert _read(*lines)["date"] is None


def test_a_date_inside_a_sentence_is_no_signature():
    assert _read(REPORT_TITLE, OPENING, "会议于2025年1月6日召开。")["date"] is None


def test_a_published_date_wins_over_the_signature():
    meta = _read(REPORT_TITLE, "发布日期：2025-01-10", OPENING, "成都市人民政府", "2025年1月6日")
    assert meta["date"] == "2025-01-10"


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("来源：市政府办公厅", "市政府办公厅"),
        ("文章来源：花都区司法局", "花都区司法局"),
        ("文章来源：广州日报 【字体：大 中 小】", "广州日报"),  # ends at a space or 【
        ("来源: 市司法局", "市司法局"),
    ],
)
def test_the_source(line, source):
    assert _read(REPORT_TITLE, line, OPENING)["source"] == source


def test_no_date_or_source_when_the_text_gives_none():
    meta = _read(REPORT_TITLE, OPENING)
    assert meta["date"] is None and meta["source"] is None


# The year
def test_the_year_from_the_title_comes_first():
    assert _read("成都市人民政府关于2023年度法治政府建设情况的报告", OPENING)["year"] == 2023


def test_the_year_from_the_leading_sentence_when_the_title_has_none():
    assert _read("成都市法治政府建设情况报告", OPENING)["year"] == 2024


def test_a_report_with_no_year_of_its_own_takes_its_dates():
    meta = _read("成都市法治政府建设情况报告", "发布日期：2025-01-06", "成都市坚持依法行政。")
    assert meta["year"] == 2025


def test_an_articles_year_is_its_dates_not_the_years_it_mentions():
    meta = _read("2016年依法治市成效显著", "2017-11-13 来源：广州日报", "2016年，广州坚持依法治市。")
    assert (meta["kind"], meta["year"]) == ("article", 2017)


def test_no_year_without_a_year_or_a_date():
    assert _read("成都市法治政府建设情况报告", "成都市坚持依法行政。")["year"] is None


# The kind
def test_a_title_with_baogao_and_qingkuang_is_a_report():
    assert _read(REPORT_TITLE, OPENING)["kind"] == "report"


@pytest.mark.parametrize("title", ["推进依法治市 建设法治广州", "成都市法治政府建设情况通报"])
def test_a_title_naming_no_report_is_an_article(title):
    assert _read(title, OPENING)["kind"] == "article"


@pytest.mark.parametrize("title", ["成都市法治政府建设工作报告", "汕头市人民政府2023年法治政府建设年度报告"])
def test_a_title_naming_a_law_based_government_report_without_qingkuang_is_a_report(title):
    """Reports are titled "…年度报告" or "…工作报告" too: read as articles, they were dated by their publication
    (汕头's 2023 report answered as 2024's)."""
    assert _read(title, OPENING)["kind"] == "report"


def test_a_text_without_a_title_is_a_report():
    assert _read(OPENING, "一、主要工作")["kind"] == "report"


# A title made up when there is none
def test_a_missing_title_is_made_up_from_issuer_and_year():
    meta = _read("2023年，韶关市坚持依法行政。", "一、主要工作")
    assert meta["title"] == "韶关市2023年法治政府建设情况报告"


def test_without_a_year_the_title_is_the_texts_first_line_cut():
    first = (
        "成都市深入学习贯彻习近平法治思想全面推进法治政府建设各项工作取得新进展新成效人民群众法治获得感持续增强，"
        "各项改革举措落地见效。"
    )
    meta = _read(first, "成都市坚持依法行政。")
    assert meta["year"] is None
    assert meta["title"] == first[:40]


def test_an_empty_text_has_no_metadata():
    meta = read_metadata("")
    assert meta["title"] == ""
    assert meta["issuer"] is meta["year"] is meta["date"] is meta["source"] is None


def test_a_breadcrumb_above_the_title_is_page_chrome_not_the_title():
    """A scraped page opening with its site's breadcrumb ("首頁 > 政務公開 > 法治政府") took it for the title: the
    report was read as an article dated by its 发布时间 (2024), not the year its title covers (2023)."""
    raw = (
        "首頁 > 政務公開 > 法治政府\n"
        "肇慶市人民政府關於2023年度法治政府建設工作情況的報告\n"
        "發佈時間：2024-02-28 10:15　來源：肇慶市司法局　【字號：大 中 小】\n"
        "分享到：\n"
        "　　2023年，肇慶市堅(jiān)持以習近平新時代中國特色社會主義思想為指導，加快建設法治政府。\n"
        "　　肇慶市人民政府\n　　2024年2月26日\n打印本頁　關閉窗口\n"
    )
    cleaned = clean_text(raw)
    assert "首頁" not in cleaned and "字號" not in cleaned
    meta = read_metadata(cleaned)
    assert meta["title"] == "肇慶市人民政府關於2023年度法治政府建設工作情況的報告"
    assert (meta["year"], meta["issuer"], meta["kind"]) == (2023, "肇庆市", "report")
    assert (meta["date"], meta["source"]) == ("2024-02-28", "肇庆市司法局")


BREADCRUMBS = ["首页 > 新闻中心 > 工作动态", "您现在的位置：首页 > 政务公开", "首页»政务公开»法治政府"]


@pytest.mark.parametrize("line", BREADCRUMBS)
def test_breadcrumb_lines_are_chrome(line):
    assert clean_text(f"{line}\n某市2024年法治政府建设情况报告\n正文。") == "某市2024年法治政府建设情况报告\n正文。"


def test_a_sites_name_above_the_title_is_no_title():
    """ "信丰县人民政府门户网站" over the title had made the report an article of its publication year (2025)."""
    raw = "信丰县人民政府门户网站\n首页 > 政务公开 > 年度报告\n信丰县人民政府关于2024年度法治政府建设情况的报告\n"
    raw += "发布时间：2025-02-18 10:32　　信息来源：信丰县司法局\n2024年，信丰县坚持…。\n信丰县人民政府\n2025年2月14日"
    meta = read_metadata(clean_text(raw))
    assert (meta["kind"], meta["year"], meta["issuer"]) == ("report", 2024, "信丰县"), meta


def test_an_articles_date_line_with_a_time_and_the_city_its_headline_names():
    """An article's "2019-07-09 08:35 來源：廈門日報 作者：…" had given no date (nor year); its most named place in
    the opening (湖里区) had been its issuer, not the city its headline names."""
    raw = "廈門法治政府建設考評連續三年居全省第一\n2019-07-09 08:35 來源：廈門日報 作者：本報記者\n"
    raw += "本報訊 湖里區、思明區…湖里區司法局局長介紹，湖里區…。"
    meta = read_metadata(clean_text(raw))
    assert (meta["kind"], meta["year"], meta["date"], meta["source"], meta["issuer"]) == (
        "article",
        2019,
        "2019-07-09",
        "厦门日报",
        "厦门市",
    ), meta
