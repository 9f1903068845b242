import pytest
from conftest import SEED_NAMES, raw_seed

from bot.ingest.clean import clean_text
from bot.ingest.metadata import read_metadata
from bot.ingest.places import Gazetteer, covering, gazetteer, places_in, stem

# issuer, parent, districts/counties named: read from the seeds' own text.
EXPECTED = {
    "000_8fbd729c494b9d50.txt": ("广州市", None, {"天河区", "白云区", "番禺区", "南沙区"}),  # 天河、白云、番禺等区
    "001_bfb673fb5af5df88.txt": ("广州市花都区", "广州市", set()),
    "002_092cc53afba18b30.txt": ("韶关市", None, {"新丰县", "乳源瑶族自治县"}),
    "003_29ae86f9fcedda95.txt": ("广州市", None, {"天河区", "南沙区"}),
    "004_7cff85eaf4bcf1da.txt": ("成都市", None, set()),
}


@pytest.fixture(scope="module")
def gazetteers() -> dict[str, Gazetteer]:
    found = {}
    for name in SEED_NAMES:
        text = clean_text(raw_seed(name))
        found[name[:3]] = gazetteer(text, read_metadata(text)["issuer"])
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_seeds_issuer_parent_and_places(name, gazetteers):
    issuer, parent, places = EXPECTED[name]
    g = gazetteers[name[:3]]
    assert (g.issuer, g.parent) == (issuer, parent)
    assert set(g.places) == places  # no 开发区, 法务区, 社区, 全市, 实现区 (实现区、镇…)


def test_places_are_simplified(gazetteers):
    assert "廣州市" not in gazetteers["000"].places and gazetteers["000"].issuer == "广州市"


def test_a_district_finds_its_own_report_and_its_citys(gazetteers):
    assert covering("花都区", gazetteers) == ["000", "001", "003"]  # via 001's parent 广州市
    assert covering("广州市花都区", gazetteers) == covering("花都区", gazetteers)
    assert covering("番禺区", gazetteers) == ["000"]  # the city report names it
    assert covering("新丰县", gazetteers) == ["002"]


def test_a_city_finds_its_own_reports_and_its_districts(gazetteers):
    assert covering("广州市", gazetteers) == ["000", "001", "003"]
    assert covering("广州", gazetteers) == covering("广州市", gazetteers)
    assert covering("韶关", gazetteers) == ["002"]


def test_a_city_named_in_another_report_is_not_covered_by_it(gazetteers):
    assert covering("成都市", gazetteers) == ["004"]
    assert covering("深圳市", gazetteers) == []


def test_a_district_named_by_a_district_report_is_not_covered_by_it():
    g = {"a": Gazetteer("广州市花都区", "广州市", ("白云区",)), "b": Gazetteer("广州市", None, ())}
    assert covering("白云区", g) == []
    assert covering("花都区", g) == ["a", "b"]


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("花都区2023年行政复议案件有多少？", ["花都区"]),
        ("广州和成都哪个更早？", ["广州", "成都"]),
        ("广州市花都区的报告", ["广州市", "花都区"]),
        ("天河、白云、番禺等区", ["天河区", "白云区", "番禺区"]),
        ("从化区、增城区和黄埔区", ["从化区", "增城区", "黄埔区"]),
        ("廣州市的法治政府", ["广州市"]),
        ("全市各区实现区、镇两级覆盖，市场监管和社区治理", []),
    ],
)
def test_places_in_a_question(question, places):
    assert places_in(question) == places


@pytest.mark.parametrize(
    ("name", "key"), [("广州市", "广州"), ("广州", "广州"), ("广州市花都区", "花都"), ("荆州市沙市区", "沙市")]
)
def test_a_places_stem(name, key):
    assert stem(name) == key


def test_a_districts_parent_is_read_from_the_text_when_the_issuer_is_short():
    text = "2023年，广州市花都区坚持依法行政。花都区推进从化区、增城区和黄埔区协同执法。"
    g = gazetteer(text, "花都区")
    assert (g.issuer, g.parent) == ("花都区", "广州市")
    assert g.places == ("从化区", "增城区", "黄埔区")


@pytest.mark.parametrize(
    ("text", "issuer", "places", "not_places"),
    [
        ("复议案件2024年为1586件。其中，赤坎区受理行政复议申请312件，居全市首位。", "湛江市", ["赤坎区"], []),
        ("思明区、湖里区调解纠纷分别为9000宗和8000宗。", "厦门市", ["思明区", "湖里区"], []),
        # kinds of area, not places, though they end in 区 and jieba does not know them as words of a place
        ("推进汕头经济特区建设，建设高新区和示范区，进社区开展普法。", "汕头市", [], ["汕头经济特区", "高新区"]),
    ],
)
def test_districts_jieba_does_not_tag_are_places_and_kinds_of_area_are_not(text, issuer, places, not_places):
    """jieba tags 赤坎区 and 思明区 `n`: a city's report giving a district's part ("其中，赤坎区…312件") had it read
    as the city's own."""
    found = gazetteer(text, issuer).places
    assert all(p in found for p in places) and not any(p in found for p in not_places), found
