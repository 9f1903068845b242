import itertools
import re

import opencc
import pytest
from conftest import SEED_NAMES, raw_seed

from bot.ingest.clean import clean_text
from bot.ingest.duplicates import THRESHOLD, _candidates, _split, fingerprint, group, similarity
from bot.text import to_simplified

# Each seed's place and the place its look-alike is renamed to.
PLACES = {
    "000": ("广州", "佛山"),
    "001": ("花都", "番禺"),
    "002": ("韶关", "清远"),
    "003": ("广州", "深圳"),
    "004": ("成都", "绵阳"),
}


def _text(name: str) -> str:
    return clean_text(raw_seed(name))


def _other_script(text: str) -> str:
    return to_simplified(text) if to_simplified(text) != text else opencc.OpenCC("s2t").convert(text)


def _scraped_again(text: str) -> str:
    """The other script, other page chrome (with its own figures), spaces after commas."""
    body = _other_script(text).replace("，", "， ")
    return f"首页 > 政务公开 > 法治政府\n发布日期：2024-05-06 访问量：1234\n{body}\n分享到：微信 微博\n"


def _changed_figures(text: str) -> str:
    """Every figure changed (years too): 12 → 13, 2024 → 2025, 7.97 → 8.98."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text)


def _lookalike(name: str) -> str:
    old, new = PLACES[name[:3]]
    return _changed_figures(to_simplified(_text(name)).replace(old, new))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_seed_scraped_again_in_the_other_script_is_a_duplicate(name):
    text = _text(name)
    assert similarity(fingerprint(text), fingerprint(_scraped_again(text))) >= 0.88  # measured 0.89–0.99


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_lookalike_with_another_place_and_other_figures_is_not(name):
    """Same template and wording (Jaccard of the wording alone ≈ 0.75–0.83), but figures and place differ."""
    assert similarity(fingerprint(_text(name)), fingerprint(_lookalike(name))) < 0.5


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_place_alone_or_the_figures_alone_make_a_different_report(name):
    text = to_simplified(_text(name))
    old, new = PLACES[name[:3]]
    fp = fingerprint(text)
    assert similarity(fp, fingerprint(text.replace(old, new))) < THRESHOLD  # measured 0.40–0.73
    assert similarity(fp, fingerprint(_changed_figures(text))) < THRESHOLD


def test_different_seeds_are_far_apart():
    fps = [fingerprint(_text(name)) for name in SEED_NAMES]
    assert max(similarity(a, b) for a, b in itertools.combinations(fps, 2)) < 0.1


def test_fingerprints_are_stable_across_processes():
    """crc32, not Python's salted str hash: a fingerprint stored by one process is compared by another."""
    assert fingerprint("广州市2024年法治政府建设情况报告") == fingerprint("廣州市2024年法治政府建設情況報告")
    assert fingerprint("广州市 2024年，法治政府。") == fingerprint("广州市2024年法治政府")


def test_group_lists_each_report_once_under_its_earliest_name():
    fps = {name: fingerprint(_text(name)) for name in SEED_NAMES}
    fps["900_copy_of_001.txt"] = fingerprint(_scraped_again(_text(SEED_NAMES[1])))
    fps["000_copy_of_002.txt"] = fingerprint(_scraped_again(_text(SEED_NAMES[2])))
    fps["901_lookalike_of_002.txt"] = fingerprint(_lookalike(SEED_NAMES[2]))
    assert group(fps) == {"900_copy_of_001.txt": SEED_NAMES[1], SEED_NAMES[2]: "000_copy_of_002.txt"}


def test_group_of_distinct_reports_is_empty():
    assert group({name: fingerprint(_text(name)) for name in SEED_NAMES}) == {}


def test_look_alikes_are_not_compared_pair_by_pair_yet_copies_are_found():
    """An archive of one template's look-alikes: only copies become candidates (not every pair of look-alikes,
    which made grouping 1,005 reports take 45 s), and a copy among them is still found."""
    text = _text(SEED_NAMES[2])
    fps = {
        f"{n:03d}.txt": fingerprint(re.sub(r"\d+", lambda m, n=n: str(int(m.group()) * 7 + n), text)) for n in range(40)
    }
    fps["900_copy.txt"] = fingerprint(_scraped_again(re.sub(r"\d+", lambda m: str(int(m.group()) * 7 + 3), text)))
    kinds = {doc: _split(fp) for doc, fp in fps.items()}
    assert _candidates(kinds, THRESHOLD) <= {("003.txt", "900_copy.txt")} | {
        (x, y) for x, y in itertools.combinations(sorted(fps), 2) if similarity(fps[x], fps[y]) >= THRESHOLD
    }
    assert group(fps) == {"900_copy.txt": "003.txt"}
