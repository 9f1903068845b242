import re

import pytest
from conftest import SEED_NAMES, raw_seed

from bot.ingest.clean import clean_text, drop_mojibake
from bot.text import match_key, normalize_width, strip_glosses, to_simplified

GUANGZHOU = "000_8fbd729c494b9d50.txt"
NEWS = "003_29ae86f9fcedda95.txt"
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
CHROME = [
    "headerBg",
    "发布日期:2024-01-04 16:49    文章来源",
    "分享到",
    "瀏覽次數",
    "AI助理",
    "相关附件",
    "字体",
    "访问量: -",
    "掃一掃",
    "當前位置",
    "clock 157天前",
]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {name: clean_text(raw_seed(name)) for name in SEED_NAMES}


def test_glosses_are_stripped_everywhere(cleaned):
    assert len(PINYIN.findall(raw_seed(GUANGZHOU))) > 600
    for name, text in cleaned.items():
        assert not PINYIN.findall(text), name
        assert not re.search(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", text), name


def test_gloss_forms():
    assert strip_glosses("堅(jiān)持設(shè)") == "堅持設"
    assert strip_glosses("機(jī)構(gòu)") == "機構"
    # Real brackets survive: years, English abbreviations, Chinese asides.
    assert strip_glosses("規劃(2026-2030年)") == "規劃(2026-2030年)"
    assert strip_glosses("平台(APP)上線") == "平台(APP)上線"
    assert strip_glosses("鎮(街)執法") == "鎮(街)執法"


def test_page_chrome_is_dropped(cleaned):
    for name, text in cleaned.items():
        for chrome in CHROME:
            assert chrome not in text, (name, chrome)


def test_a_pages_footer_of_buttons_and_site_lines_is_dropped():
    """Footers the look-alike pages end with, below the signature, which had hidden it (the last line was no date)."""
    footer = [
        "【打印本页】 【关闭窗口】",
        "分享到： 微信 微博 QQ空间",
        "分享到：微信 微博 QQ空間 | 打印本頁 | 關閉窗口",
        "相關附件：無",
        "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
        "主办单位：湛江市人民政府办公室  承办单位：湛江市政务服务数据管理局",
        "网站标识码：4408000001  粤ICP备05012345号  粤公网安备 44080202000123号",
    ]
    text = clean_text("\n".join(["特此报告。", "湛江市人民政府", "2025年3月20日", *footer]))
    assert text == "特此报告。\n湛江市人民政府\n2025年3月20日"
    # a sentence naming a unit that hosts something is no footer
    assert clean_text("主办单位为市司法局，承办单位为各区司法局。") == "主办单位为市司法局，承办单位为各区司法局。"


def test_date_and_source_lines_are_kept(cleaned):
    assert "2017-11-13 來源：廣州日報" in cleaned[NEWS]
    assert "发布日期：2024-01-04 16:49 文章来源：花都区司法局" in cleaned["001_bfb673fb5af5df88.txt"]
    assert cleaned["004_7cff85eaf4bcf1da.txt"].endswith("成都市人民政府\n2025年1月6日")
    assert "文章来源：市政府办公厅" in cleaned["004_7cff85eaf4bcf1da.txt"]


def test_duplicate_caption_kept_once(cleaned):
    assert cleaned[NEWS].count("“一窗式”集成服務改革事項清單二維碼極大方便了市民辦理業務。") == 1


def test_mojibake_runs_are_dropped_and_neighbours_kept(cleaned):
    text = cleaned[GUANGZHOU]
    assert not re.search(r"[\u3100-\u312f\u2500-\u257f\u0370-\u03ff?？]", text.replace("？據悉", ""))
    # The clean text around each garbled run survives.
    for survivor in [
        "日益健全。以高質量立法為重要保障",
        "社會公平正義，完善共建共治共享",
        "力制約和監督全面加強。",
        "市容環境秩序執法，市場監管部門",
        "仍有提升空間",
        "立法。編制2025年立法計劃",  # the garbled run stood where the sentence ended
    ]:
        assert survivor in text, survivor


def test_mojibake_runs_in_isolation():
    assert drop_mojibake("雙十佳。\n?。ㄈ┮婪ㄐ姓贫润w系日益健全。") == "雙十佳。\n系日益健全。"
    # a run between two sentences' characters stood where one ended: the stop is kept
    assert drop_mojibake("提升空間?!耙黄脚_一系統”") == "提升空間。一系統”"
    assert drop_mojibake("新興領域立法??茖W編制2025年") == "新興領域立法。編制2025年"
    # A real question mark followed by text is not mojibake.
    assert drop_mojibake("還需要做哪些努力?據悉，廣州") == "還需要做哪些努力?據悉，廣州"


def test_no_real_sentence_is_lost(cleaned):
    """Every sentence of the raw seeds that carries no mojibake is findable in the cleaned text."""
    for name in SEED_NAMES:
        raw_key = match_key(cleaned[name])
        raw = strip_glosses(raw_seed(name))
        sentences = [s for s in re.split(r"[。！？；\n]", raw) if len(s) >= 8]
        clean_sentences = [s for s in sentences if not re.search(r"[?\u3100-\u312f\u2500-\u257f\u0370-\u03ff]", s)]
        missing = [s for s in clean_sentences if match_key(s) not in raw_key and not _is_chrome_sentence(s)]
        assert not missing, (name, missing[:3])
    assert "全市全部544個單位按期公開率為100%" in cleaned[GUANGZHOU]


def _is_chrome_sentence(sentence: str) -> bool:
    return any(
        c in sentence for c in ("headerBg", "字体", "访问量", "clock", "當前位置", "掃一掃", "AI助理", "解答问题")
    )


def test_simplified_form_for_matching():
    assert to_simplified("全市全部544個單位按期公開率為100%") == "全市全部544个单位按期公开率为100%"
    assert match_key("研究部署法治建設(shè)44次,推動") == match_key("研究部署法治建设44次，推动")
    assert match_key("發布日期 : 2024") == "发布日期2024"


def test_simplified_text_is_not_changed_by_a_phrase_across_its_words():
    """OpenCC took 明覆 (a reply) out of the simplified "报告未载明覆盖" and an answer said "未载明复盖"; traditional
    text is still converted with its phrases."""
    for simplified in ("报告未载明覆盖。", "说明覆盖面广", "清单覆盖18个执法领域146项事项"):
        assert to_simplified(simplified) == simplified
    assert to_simplified("行政復議機構收到申請1203件，我區148件。") == "行政复议机构收到申请1203件，我区148件。"
    assert to_simplified("反覆研究，廣泛徵求意見") == "反复研究，广泛征求意见"


def test_traditional_text_keeps_a_word_a_phrase_cuts_across():
    """In the traditional "說明覆蓋面" OpenCC took 明覆 (a reply) and wrote 说明复盖面; 覆蓋 is kept whole as jieba
    reads it, while a reply still converts (答覆, 批覆)."""
    assert to_simplified("這說明覆蓋面擴大了") == "这说明覆盖面扩大了"
    assert to_simplified("證明覆蓋率達100%，表明覆蓋到位") == "证明覆盖率达100%，表明覆盖到位"
    assert to_simplified("依法答覆申請人，批覆同意") == "依法答复申请人，批复同意"


def test_width_normalisation():
    assert normalize_width("２０２４年,廣州(三)依法") == "2024年，廣州（三）依法"
    assert normalize_width("16:49 and 1,000 人") == "16:49 and 1,000 人"
    assert normalize_width("发布日期:2024") == "发布日期：2024"


def test_nested_brackets_around_han_text_are_widened_whole():
    """Only the innermost pair had been widened, so cleaning the cleaned text widened the next pair out (CI's
    hypothesis run found `((㐀))`). A pair holds Han text through a pair inside it; brackets never pair across
    lines, and a pair around ASCII only stays ASCII."""
    assert normalize_width("((㐀))") == "（（㐀））"
    assert normalize_width("见(附件(一))") == "见（附件（一））"
    assert normalize_width("(a(中)b)(x)") == "（a（中）b）(x)"
    assert normalize_width("((中)\n)") == "(（中）\n)"
    assert normalize_width("(中") == "(中" and normalize_width("1) 第(2)条") == "1) 第(2)条"
