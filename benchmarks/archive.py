"""Archive: the five seeds hidden among N look-alike reports, indexed by the bot's own write path (real e5).

    .venv/bin/python benchmarks/archive.py --n 20               # what RESULTS.md reports (≈ 5 min here)
    .venv/bin/python benchmarks/archive.py --n 100 --json       # ≈ 20 min of e5 on 2 cores
    nohup .venv/bin/python benchmarks/archive.py --n 1000 &     # ≈ 2–3 h: resumable, run it in the background
    .venv/bin/python benchmarks/archive.py --keyword-scale 100000  # the keyword index alone (no model, no Chroma)

A look-alike is a seed (in turn) with its places renamed, its years shifted and its figures perturbed,
all drawn from a random generator seeded by its number, so the archive is the same on every run:

- places: each unit of the issuing body (广州市 | 花都区) and its short form (广州, 花都) becomes a real
  city or district name of the same kind from `CITIES` / `DISTRICTS`, never one a gold question or a seed
  names (those are dropped from the lists at run time);
- years: every year written before 年 or in an ISO date moves by the same shift (−4…+4, not 0);
- figures: every number before a counting unit (宗 件 人 % 万元 …) is scaled by 0.8–1.2, keeping its decimals.

A seed in traditional characters is converted to simplified first. Files and the index live under
`data/bench/archive/n<N>/` with their own embedding cache (so the indexing time is the model's real cost);
an interrupted run resumes where it stopped: finished reports are skipped by their fingerprints and a
keyword-only one gets its vectors (the index is keyword-first).

Measured: indexing time and throughput of this run (and of the keyword stage alone), disk, memory (RSS
now and peak), search latency p50/p95 of the place-naming gold questions with the query embedding (the
scoped search the CLI and API run), hit@5 of those questions where a hit must be an evidence passage from
the question's own report, answer keyword accuracy of the extractive chain on them (against the same on
the seeds alone), and one upload: a new look-alike indexed into the archive, the time until keyword search
finds it and until its vectors are stored, search latency while it is embedded, and its removal time.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import threading
import time
from pathlib import Path

from _common import (
    SEEDS,
    dir_mb,
    emit,
    gold_items,
    latency_ms,
    loadavg,
    machine,
    peak_rss_mb,
    retrieval_hits,
    rss_mb,
    say,
    work_dir,
)

CITIES = (
    "无锡市 常州市 嘉兴市 湖州市 绍兴市 芜湖市 蚌埠市 九江市 赣州市 泉州市 漳州市 莆田市 潍坊市 烟台市 临沂市 "
    "洛阳市 开封市 宜昌市 襄阳市 岳阳市 株洲市 柳州市 桂林市 绵阳市 南充市 遵义市 曲靖市 宝鸡市 天水市 包头市 "
    "大同市 保定市 唐山市 沧州市 盐城市 扬州市 镇江市 泰州市 金华市 台州市 丽水市 安庆市 滁州市 上饶市 宜春市 "
    "三明市 南平市 淄博市 济宁市 新乡市 南阳市 荆州市 衡阳市 常德市 北海市 德阳市 宜宾市 安顺市 汉中市 酒泉市"
).split()
DISTRICTS = (
    "鼓楼区 玄武区 秦淮区 建邺区 西湖区 拱墅区 滨江区 江岸区 江汉区 硚口区 岳麓区 开福区 芙蓉区 天心区 "
    "锦江区 青羊区 金牛区 武侯区 历下区 市中区 槐荫区 雁塔区 碑林区 莲湖区 思明区 湖里区 集美区 海沧区"
).split()
UNIT = re.compile(r".+?[市区县]")  # 广州市花都区 → 广州市 | 花都区
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年|-\d{1,2}-\d{1,2})")  # 2023年, 2024-01-04
FIGURE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:%|％|个百分点|宗|件|人|名|项|家|次|万元|亿元|万|亿|元|条|户|卷|场|所|起|天|个|批|篇|份))"
)


def free_names(names: list[str], taken: str) -> list[str]:
    """The names (and their short forms) that no gold question or seed text contains."""
    return [n for n in names if n not in taken and n[:-1] not in taken]


def rename_map(body: str, rng: random.Random, cities: list[str], districts: list[str]) -> dict[str, str]:
    """Each unit of the issuing body and its short form → a new name of the same kind, longest first."""
    mapping: dict[str, str] = {}
    for unit in UNIT.findall(body):
        new = rng.choice(districts if unit.endswith(("区", "县")) else cities)
        mapping[unit] = new
        if len(unit) >= 3:
            mapping[unit[:-1]] = new[:-1]
    return dict(sorted(mapping.items(), key=lambda kv: -len(kv[0])))


def perturb(value: str, rng: random.Random) -> str:
    """The same number of decimals, scaled by 0.8–1.2 (an integer stays an integer, at least 1)."""
    decimals = len(value.split(".")[1]) if "." in value else 0
    scaled = float(value) * rng.uniform(0.8, 1.2)
    return f"{scaled:.{decimals}f}" if decimals else str(max(1, round(scaled)))


def look_alike(text: str, body: str, i: int, cities: list[str], districts: list[str]) -> tuple[str, str]:
    """(text, new body) of look-alike number `i` of a seed: renamed, years shifted, figures perturbed."""
    from bot.text import to_simplified

    rng = random.Random(i)
    text, body = to_simplified(text), to_simplified(body)
    mapping = rename_map(body, rng, cities, districts)
    pattern = re.compile("|".join(map(re.escape, mapping)))
    text = pattern.sub(lambda m: mapping[m.group(0)], text)
    shift = rng.choice([-4, -3, -2, -1, 1, 2, 3, 4])
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = FIGURE.sub(lambda m: perturb(m.group(1), rng), text)
    return text, pattern.sub(lambda m: mapping[m.group(0)], body)


def seed_bodies() -> dict[str, tuple[str, str]]:
    """Seed file name → (raw text, issuing body)."""
    from bot.index.pipeline import make_document

    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        found[path.name] = (raw, make_document(path, raw).issuer or "")
    return found


def build_archive(folder: Path, n: int, extra: int = 0) -> dict[str, str]:
    """Write the seeds and look-alikes 1…n (+ `extra` more, returned but not in `folder`); doc → body."""
    from bot.text import to_simplified

    seeds = seed_bodies()
    taken = to_simplified("".join(i.question for i in gold_items()) + "".join(raw for raw, _ in seeds.values()))
    cities, districts = free_names(CITIES, taken), free_names(DISTRICTS, taken)
    folder.mkdir(parents=True, exist_ok=True)
    bodies = {}
    for name, (_, body) in seeds.items():
        target = folder / name
        if not target.exists():
            shutil.copy(SEEDS / name, target)
        bodies[name] = body
    names = sorted(seeds)
    for i in range(1, n + extra + 1):
        template = names[(i - 1) % len(names)]
        text, body = look_alike(seeds[template][0], seeds[template][1], i, cities, districts)
        name = f"lookalike_{i:04d}_{template[:3]}.txt"
        target = (folder if i <= n else folder.parent / "extra") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        bodies[name] = body
    return bodies


def place_questions(bodies: dict[str, str]):
    """Answerable single-turn gold questions that name their report's place (its body or short form)."""
    from bot.text import to_simplified

    chosen = []
    for item in gold_items(answerable_only=True):
        if item.history or len(item.docs) != 1:
            continue
        question = to_simplified(item.question)
        units = UNIT.findall(to_simplified(bodies.get(item.docs[0], "")))
        if any(u in question or u[:-1] in question for u in units[-1:]):
            chosen.append(item)
    return chosen


def open_library(data: Path, cache: Path):
    """The archive is built as a batch (every engine thread, like the CLI's `index`); `serving` puts back the
    server's yielding settings before the upload is measured."""
    from bot import Library, Settings

    settings = Settings(data_dir=data, embed_cache=cache)
    return Library(settings.model_copy(update={"index_threads": settings.threads, "index_nice": 0}))


def warm_up(chunk_tokens: int, overlap: int) -> None:
    from bot.ingest.chunk import warm_up as load_splitter

    load_splitter(chunk_tokens, overlap)


def serving(library) -> None:
    """The indexer's settings as a server runs it: yielding the CPU to questions."""
    from bot import Settings

    for name in ("index_threads", "index_nice"):
        setattr(library.settings, name, Settings.model_fields[name].default)


def index_timed(library, folder: Path) -> dict:
    """Index the folder (resuming), timing the keyword stage and the whole."""
    from bot.index.store import KEYWORD_ONLY

    searchable: list[float] = []
    started = time.perf_counter()
    report = library.index(
        [folder], show_progress=False, on_searchable=lambda d: searchable.append(time.perf_counter())
    )
    seconds = time.perf_counter() - started
    keyword_only = [d for d in library.documents() if d.get("status") == KEYWORD_ONLY]
    chunks = sum(d.get("chunks", 0) for d in library.documents())
    return {
        "reports": len(library.documents()),
        "chunks": chunks,
        "indexed_now": len(report.added) + len(report.updated),
        "embedded_now": report.embedded,
        "seconds": round(seconds, 1),
        "keyword_stage_s": round(searchable[-1] - started, 2) if searchable else 0.0,
        "chunks_per_s": round(report.embedded / seconds, 2) if report.embedded else None,
        "keyword_only_left": len(keyword_only),
        "errors": [str(e) for e in report.errors],
    }


def quality(library, items) -> dict:
    """Scoped-search latency (query embedding included), hit@5 from the right report, extractive keyword accuracy."""
    from bot.answer.chain import Answerer, search_scoped
    from eval.metrics import keyword_accuracy

    seconds, hits, accuracy = [], 0, []
    answerer = Answerer(library, "extractive")
    search_scoped(library, items[0].question, 5)  # the model loaded, not timed
    for item in items:
        started = time.perf_counter()
        passages = search_scoped(library, item.question, 5)
        seconds.append(time.perf_counter() - started)
        own = [p.text for p in passages if p.doc == item.docs[0]]
        hits += bool(retrieval_hits(own, item.evidence))
        answer = answerer.ask(item.question).to_json()
        accuracy.append(keyword_accuracy(answer.get("answer", ""), item.answer_keywords) or 0.0)
    return {
        "questions": len(items),
        "hit@5_own_report": round(hits / len(items), 3),
        "keyword_accuracy": round(sum(accuracy) / len(accuracy), 3),
        "search_ms": latency_ms(seconds),
    }


def upload_one(library, path: Path, body: str, questions: list[str]) -> dict:
    """Index one new report into the archive: time to keyword-searchable and to complete; search meanwhile.

    The upload's vectors are computed (an empty embedding cache of its own, as for a report never seen), and
    each search meanwhile is a scoped search of a question text not asked before (its embedding computed)."""
    import tempfile

    from bot.answer.chain import search_scoped
    from bot.index.embed import EmbeddingCache
    from bot.text import tokenize

    marks: dict[str, float] = {}
    during: list[float] = []
    done = threading.Event()

    def searching() -> None:
        n = 0
        while not done.is_set():
            n += 1
            started = time.perf_counter()
            search_scoped(library, f"{questions[n % len(questions)]}（{n}）", 5)
            during.append(time.perf_counter() - started)

    def found() -> None:
        marks["searchable"] = time.perf_counter()
        hits = library.keyword_index().search(tokenize(body), 20)
        marks["found"] = time.perf_counter()
        stored = library.store.get_chunks([cid for cid, _ in hits])
        marks["found_it"] = any(meta["doc"] == path.name for _, meta in stored.values())

    kept, library.cache = library.cache, EmbeddingCache(Path(tempfile.mkdtemp()) / "upload.sqlite")
    searcher = threading.Thread(target=searching, daemon=True)
    searcher.start()
    started = time.perf_counter()
    library.index([path], show_progress=False, on_searchable=lambda doc: found())
    complete = time.perf_counter() - started
    done.set()
    searcher.join()
    library.cache = kept
    removing = time.perf_counter()
    library.remove(path.name)
    return {
        "keyword_searchable_s": round(marks["searchable"] - started, 3),
        "keyword_found_s": round(marks["found"] - started, 3),
        "found_by_keyword": bool(marks.get("found_it")),
        "complete_s": round(complete, 2),
        "search_during_indexing_ms": latency_ms(during),
        "remove_s": round(time.perf_counter() - removing, 3),
    }


def keyword_scale(chunks: int) -> dict:
    """The keyword index alone at `chunks` chunks (the seeds' real token lists repeated as other reports; no
    model, no Chroma): build, one report put and dropped, and search latency, against a full build."""
    from bot.index.keyword import KeywordIndex, Segment
    from bot.index.pipeline import make_document
    from bot.ingest.chunk import chunk_document
    from bot.settings import Settings
    from bot.text import tokenize

    settings, templates = Settings(), []
    for path in sorted(SEEDS.glob("*.txt")):
        found = chunk_document(
            make_document(path, path.read_text(encoding="utf-8")), settings.chunk_tokens, settings.chunk_overlap
        )
        templates.append([tokenize(c.embed_text()) for c in found])
    segments, total = [], 0
    while total < chunks:
        tokens = templates[len(segments) % len(templates)]
        doc = f"r{len(segments):05d}.txt"
        ids = [f"{doc}#{i}" for i in range(len(tokens))]
        segments.append(Segment.of(doc, "1", ids, tokens, {"body": [doc] * len(ids), "year": [2024] * len(ids)}))
        total += len(tokens)
    started = time.perf_counter()
    index = KeywordIndex("g", ("body", "year"))
    for segment in segments[:-1]:
        index.put(segment)
    build = time.perf_counter() - started
    put, drop = [], []
    for _ in range(5):
        started = time.perf_counter()
        index.put(segments[-1])
        put.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.drop(segments[-1].doc)
        drop.append(time.perf_counter() - started)
    index.put(segments[-1])
    questions = [i.question for i in gold_items()][:100]
    seconds = []
    for question in questions:
        started = time.perf_counter()
        index.search(tokenize(question), 60)
        seconds.append(time.perf_counter() - started)
    return {
        "chunks": total,
        "reports": len(segments),
        "build_s": round(build, 2),
        "put_one_report_ms": round(1000 * sorted(put)[2], 2),
        "drop_one_report_ms": round(1000 * sorted(drop)[2], 2),
        "keyword_search_ms": latency_ms(seconds),
        "rss_mb": rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20, help="look-alike reports beside the five seeds")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keyword-scale", type=int, default=0, help="only the keyword index at this many chunks")
    args = parser.parse_args()
    if args.keyword_scale:
        result = {"machine": machine(), "keyword_index": keyword_scale(args.keyword_scale)}
        emit(result, args.json, [("keyword index alone", "keyword_index", None)])
        return
    base = work_dir(f"archive/n{args.n}")
    result = {"machine": machine(), "n_lookalikes": args.n, "load_at_start": loadavg()}
    say(f"archive: building {args.n} look-alikes …")
    bodies = build_archive(base / "reports", args.n, extra=1)
    items = place_questions(bodies)
    say(f"archive: indexing {args.n + 5} reports (resumable) …")
    cache = base.parent / "embeddings.sqlite"  # the archive's own: seeds and look-alikes embedded once
    library = open_library(base / "data", cache)
    result["index"] = index_timed(library, base / "reports")
    result["disk_mb"] = {"total": dir_mb(base / "data"), "keyword": dir_mb(base / "data" / "keyword")}
    result["memory_mb"] = {"rss": rss_mb(), "peak": peak_rss_mb()}
    say("archive: questions on the archive …")
    result["archive"] = quality(library, items)
    say("archive: questions on the seeds alone …")
    seeds_only = open_library(work_dir("archive/seeds-only") / "data", cache)
    seeds_only.index([SEEDS], show_progress=False)
    result["seeds_only"] = quality(seeds_only, items)
    extra = next((base / "extra").glob("*.txt"))
    say(f"archive: one upload ({extra.name}), the indexer yielding as in a server …")
    serving(library)
    warm_up(library.settings.chunk_tokens, library.settings.chunk_overlap)  # a server did at its start
    body = bodies[extra.name]
    result["upload"] = upload_one(library, extra, body, [i.question for i in items])
    result["load_at_end"] = loadavg()
    result["questions"] = [{"on": key, **result[key]} for key in ("archive", "seeds_only")]
    sections = [
        (f"indexing {args.n} look-alikes + 5 seeds", "index", None),
        ("disk (MB)", "disk_mb", None),
        ("memory (MB)", "memory_mb", None),
        ("place-naming gold questions (scoped search k=5, extractive answers)", "questions", None),
        ("one upload into the archive", "upload", None),
    ]
    emit(result, args.json, sections)


if __name__ == "__main__":
    main()
