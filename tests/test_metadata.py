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
