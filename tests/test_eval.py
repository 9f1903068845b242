"""The eval harness: metrics on hand-made Chinese cases, gold validation, compare/check, and real runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from eval import metrics as m
from eval.cli import main
from eval.compare import check, load_run, parse_bounds, render
from eval.gold import GoldError, GoldItem, load_gold
from eval.harness import (
    QuestionResult,
    cutoffs_for,
    evaluate,
    history_turns,
    question_places,
    run,
    score_answer,
    summarise,
)
from eval.judge import make_judge, parse_verdict

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"

# --- answer text metrics ------------------------------------------------------------------------------


def test_char_f1_known_values():
    assert m.char_f1("收到行政复议申请786宗", "收到行政复议申请786宗") == 1.0
    assert m.char_f1("依法行政", "公职律师") == 0.0
    assert m.char_f1("依法行政", "行政复议") == pytest.approx(0.5)  # 行政 shared: P = R = 2/4
    assert m.char_f1("法治政府", "法治政府建设") == pytest.approx(0.8)  # P = 1, R = 4/6
    assert m.char_f1("", "法治") == 0.0


def test_char_f1_ignores_punctuation_traditional_glosses_and_citation_marks():
    assert m.char_f1("法治政府建設(shè)。[1]", "法治政府建设") == 1.0


def test_rouge_l_known_values():
    assert m.lcs_length(list("abcd"), list("acdef")) == 3
    assert m.rouge_l_tokens(list("abcd"), list("acdef")) == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    # jieba: 收到/行政复议/申请/786/宗/同比/增长/6867 against the first five: P = 5/8, R = 1
    assert m.rouge_l("收到行政复议申请786宗，同比增长68.67%。", "收到行政复议申请786宗") == pytest.approx(10 / 13)
    # 全区 vs 花都区, the other five tokens shared: P = R = 5/6
    assert m.rouge_l("全区现有公职律师68名", "花都区现有公职律师68名") == pytest.approx(5 / 6)
    assert m.rouge_l("依法行政", "依法行政") == 1.0


def test_keyword_accuracy_and_recall():
    assert m.keyword_accuracy("收到行政复议申请786宗，同比增长68.67％[1]。", ["786宗", "68.67%"]) == 1.0
    assert m.keyword_accuracy("收到行政复议申请786宗。", ["786宗", "68.67%"]) == 0.0
    assert m.keyword_recall("收到行政复议申请786宗。", ["786宗", "68.67%"]) == 0.5
    assert m.keyword_accuracy("全市現有公職律師", ["公职律师"]) == 1.0  # traditional answer
    assert m.keyword_accuracy("任何回答", []) is None
    assert m.keyword_accuracy("调解矛盾纠纷1497宗", ["7宗"]) == 0.0  # a figure keyword must start a figure
    assert m.keyword_accuracy("成功率达98.5%", ["5%"]) == 0.0
    assert m.keyword_accuracy("调解成功7宗", ["7宗"]) == 1.0
    # a figure written with a thousands comma ("5,236宗", as 汕头's report writes it) is one figure
    assert m.keyword_accuracy("查处违法案件5,236宗，罚没款1.92亿元[1]。", ["5,236宗", "1.92亿元"]) == 1.0
    assert m.keyword_accuracy("查处违法案件5236宗", ["5,236宗"]) == 1.0
    assert m.keyword_accuracy("查处违法案件5,236宗", ["236宗"]) == 0.0


@pytest.mark.parametrize(
    ("answer", "keyword", "expected"),
    [
        ("报告于2024年1月4日发布", "2024-01-04", 1.0),
        ("落款日期为2025-01-06", "2025年1月6日", 1.0),
        ("2024年01月04日", "2024-1-4", 1.0),
        ("自2017-05-01起施行", "5月1日", 1.0),
        ("2017/03印发", "2017年3月", 1.0),
        ("报告于2024年1月5日发布", "2024-01-04", 0.0),
    ],
)
def test_keyword_accuracy_with_date_formats(answer, keyword, expected):
    assert m.keyword_accuracy(answer, [keyword]) == expected


def test_normalize_dates_leaves_ranges_and_numbers_alone():
    assert m.normalize_dates("2026-2030年，增长68.67%") == "2026-2030年，增长68.67%"
    assert m.normalize_dates("2024-01-04 16:49") == "2024年1月4日 16:49"


def test_refusal_detection():
    assert m.is_refusal({"answer": "资料中没有相关信息", "refused": True})
    assert m.is_refusal({"answer": "资料中没有相关信息。", "refused": False})
    assert not m.is_refusal({"answer": "收到行政复议申请786宗[1]。", "refused": False})


def test_grounded_numbers():
    source = ["收到行政复议申请786宗,同比增长68.67%", "已帮助企业修复信用28300余条"]
    assert m.grounded_numbers("收到786宗，增长68.67%[1]。", source) == 1.0
    assert m.grounded_numbers("收到8宗[2]。", source) == 0.0  # 8 is in 786, but is not a number there
    assert m.grounded_numbers("修复28,300条，满意率99%。", source) == 0.5
    assert m.grounded_numbers("全面推进依法行政[1]。", source) is None
    assert m.numbers("第[2]条：28,300条，68.67%") == ["28300", "68.67"]


def test_citation_precision():
    evidence = ["全区现有公职律师68名"]
    assert m.citation_precision(["……全區現有公職律師68名，……", "无关段落"], evidence) == 0.5
    assert m.citation_precision([], evidence) is None


# --- retrieval metrics -------------------------------------------------------------------------------


def test_evidence_hit_normalises_glosses_traditional_and_punctuation():
    evidence = ["發(fā)布135項(xiàng)“免申即享”事項"]  # verbatim from a seed, glosses and all
    assert m.evidence_hit("广州发布135项「免申即享」事项，惠及企业。", evidence)
    assert m.evidence_hit("收到行政复议申请786宗，同比增长68.67％", ["收到行政复议申请786宗,同比增长68.67%"])
    assert not m.evidence_hit("广州发布136项“免申即享”事项", evidence)
    assert not m.evidence_hit("任何段落", [""])


def test_retrieval_scores():
    passages = [
        {"text": "无关", "doc": "a.txt"},
        {"text": "全区现有公职律师68名", "doc": "a.txt"},
        {"text": "其他", "doc": "c.txt"},
    ]
    scores = m.retrieval_scores(passages, ["全区现有公职律师68名"], ["a.txt", "b.txt"], (1, 3))
    assert scores == {"hit@1": 0.0, "hit@3": 1.0, "mrr": 0.5, "doc_coverage": 0.5, "context_chars": 15.0}
    assert m.retrieval_scores(passages, ["没有的证据句子"], ["a.txt"])["doc_coverage"] is None
    assert m.retrieval_scores(passages, ["没有的证据句子"], ["a.txt"])["mrr"] == 0.0
    assert cutoffs_for(5) == (1, 3, 5) and cutoffs_for(3) == (1, 3) and cutoffs_for(8) == (1, 3, 5, 8)


def test_aggregate_skips_what_does_not_apply():
    rows = [{"a": 1.0, "b": None}, {"a": 0.0, "b": None}]
    assert m.aggregate(rows, "type.x.") == {"type.x.a": 0.5}


def test_score_answer_refusals():
    items = {item.id: item for item in load_gold(GOLD)}
    refusal = {"answer": "资料中没有相关信息", "refused": True, "citations": []}
    unanswerable = score_answer(items["q106"], refusal, 0.1)
    assert unanswerable == {"answer.seconds": 0.1, "answer.refusal_accuracy": 1.0}
    wrongly_refused = score_answer(items["q001"], refusal, 0.1)
    assert wrongly_refused["answer.false_refusal_rate"] == 1.0
    assert wrongly_refused["answer.keyword_accuracy"] == 0.0
    assert wrongly_refused["answer.citation_precision"] is None
    answered = score_answer(items["q106"], {"answer": "约55亿元[1]。", "refused": False}, 0.1)
    assert answered["answer.refusal_accuracy"] == 0.0


def test_judge_hook():
    assert parse_verdict("1") == 1.0 and parse_verdict("错误") == 0.0 and parse_verdict("不确定") is None
    assert make_judge(lambda messages: "1")("问", "答", "答") == 1.0

    def down(messages):
        raise ConnectionError("no server")

    assert make_judge(down)("问", "答", "答") is None


# --- gold validation ---------------------------------------------------------------------------------

GOOD = {
    "id": "x1",
    "question": "花都区目前有多少名公职律师?",
    "answer": "68名。",
    "doc": "001_bfb673fb5af5df88.txt",
    "evidence": ["全区现有公职律师68名"],
    "type": "number",
    "answer_keywords": ["68名"],
}


def _gold_file(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines))
    return path


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "invalid JSON"),
        ({**GOOD, "id": "x2", "type": "opinion"}, "'type' is 'opinion'"),
        ({k: v for k, v in GOOD.items() if k != "evidence"} | {"id": "x2"}, "missing field(s) evidence"),
        ({**GOOD, "id": "x2", "doc": None}, "null exactly when 'type' is unanswerable"),
        ({**GOOD, "id": "x2", "evidence": []}, "needs at least one evidence"),
        ({**GOOD, "id": "x2", "doc": []}, "'doc' must be"),
        ({**GOOD, "id": "x2", "answer_keywords": "68名"}, "'answer_keywords' must be a list"),
        (GOOD, "duplicate id 'x1' (first on line 1)"),
        ([GOOD], "not a JSON object"),
    ],
)
def test_gold_validation_errors(tmp_path, bad, message):
    path = _gold_file(tmp_path, GOOD, bad)
    with pytest.raises(GoldError) as error:
        load_gold(path)
    assert str(error.value).startswith(f"{path}:2: ")
    assert message in str(error.value)


def test_gold_file_loads(tmp_path):
    items = load_gold(GOLD)
    assert len(items) >= 100 and {i.type for i in items} >= {"number", "multi_doc", "unanswerable"}
    assert len(load_gold(_gold_file(tmp_path, GOOD, "", {**GOOD, "id": "x2"}))) == 2
    with pytest.raises(GoldError, match="no questions"):
        load_gold(_gold_file(tmp_path, ""))
    with pytest.raises(GoldError, match="no such file"):
        load_gold(tmp_path / "missing.jsonl")


def test_cli_bad_gold_is_one_line_and_non_zero(tmp_path):
    path = _gold_file(tmp_path, GOOD, '{"id": "x2", "question": ')
    done = subprocess.run(
        [sys.executable, "-m", "eval", "run", "--gold", str(path), "--data", str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {path}:2: invalid JSON")


# --- compare and check -------------------------------------------------------------------------------


def _run_dir(path: Path, metrics: dict, questions: list[dict]) -> Path:
    path.mkdir()
    (path / "metrics.json").write_text(json.dumps({"run.llm": "none", "run.k": 5, **metrics}))
    (path / "answers.jsonl").write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions))
    return path


def _q(qid: str, **scores: float) -> dict:
    return {"id": qid, "type": "number", "question": f"问题{qid}", "metrics": scores}


@pytest.fixture
def two_runs(tmp_path):
    a = _run_dir(
        tmp_path / "a",
        {
            "retrieval.hit@5": 0.9,
            "retrieval.mrr": 0.8,
            "answer.false_refusal_rate": 0.2,
            "type.number.retrieval.mrr": 0.8,
        },
        [
            _q("q1", **{"retrieval.mrr": 1.0, "retrieval.seconds": 0.1}),
            _q("q2", **{"retrieval.mrr": 0.5}),
            _q("q3", **{"retrieval.mrr": 1.0, "answer.char_f1": 0.5}),
            _q("q4", **{"retrieval.mrr": 0.5}),
        ],
    )
    b = _run_dir(
        tmp_path / "b",
        {
            "retrieval.hit@5": 0.8,
            "retrieval.mrr": 0.85,
            "answer.false_refusal_rate": 0.1,
            "type.number.retrieval.mrr": 0.9,
        },
        [
            _q("q1", **{"retrieval.mrr": 0.5, "retrieval.seconds": 0.9}),
            _q("q2", **{"retrieval.mrr": 1.0}),
            _q("q3", **{"retrieval.mrr": 0.5, "answer.char_f1": 0.9}),
            _q("q5", **{"retrieval.mrr": 1.0}),
        ],
    )
    return a, b


def test_compare_runs(two_runs):
    text = render(load_run(two_runs[0]), load_run(two_runs[1]))
    lines = text.splitlines()
    assert "| retrieval.hit@5 | 0.900 | 0.800 | -0.100 | worse |" in lines
    assert "| retrieval.mrr | 0.800 | 0.850 | +0.050 | better |" in lines
    assert "| answer.false_refusal_rate | 0.200 | 0.100 | -0.100 | better |" in lines  # lower is better
    assert "| number.retrieval.mrr | 0.800 | 0.900 | +0.100 | better |" in lines
    assert "## Questions regressed (1)" in lines and "- q1 [number] 问题q1: retrieval.mrr 1.000 → 0.500" in lines
    assert "## Questions improved (1)" in lines and any(line.startswith("- q2 ") for line in lines)
    assert "## Questions mixed (1)" in lines and any(line.startswith("- q3 ") for line in lines)
    assert "Only in A: q4" in lines and "Only in B: q5" in lines
    assert lines[-1] == "Summary: overall metrics 2 better, 1 worse; questions 1 improved, 1 regressed, 1 mixed."


def test_compare_cli(two_runs, tmp_path, capsys):
    assert main(["compare", str(two_runs[0]), str(two_runs[1])]) == 0
    assert "Questions regressed (1)" in capsys.readouterr().out
    assert main(["compare", str(two_runs[0]), str(tmp_path / "nothing")]) == 2
    assert "no metrics.json" in capsys.readouterr().err


def test_check_floors(two_runs, capsys):
    run_b = str(two_runs[1])
    assert main(["check", run_b, "--min", "retrieval.mrr=0.8"]) == 0
    assert main(["check", run_b, "--min", "retrieval.hit@5=0.9", "--min", "retrieval.mrr=0.8"]) == 1
    assert "FAIL retrieval.hit@5 = 0.8000 < 0.9" in capsys.readouterr().err
    assert main(["check", run_b, "--max", "answer.false_refusal_rate=0.05"]) == 1
    assert main(["check", run_b, "--min", "answer.judge=0.5"]) == 1
    assert "missing" in capsys.readouterr().err
    assert main(["check", run_b, "--min", "retrieval.mrr"]) == 2
    assert parse_bounds(["retrieval.hit@5=0.9"]) == [("retrieval.hit@5", 0.9)]
    assert check({"a": 0.5}, [("a", 0.5)])[1] == []


# --- real runs over the seeds ------------------------------------------------------------------------


def test_cli_run_retrieval_only(tmp_path, seeded, embed_cache):
    """`python -m eval run --llm none --limit 8` end to end (the `seeded` fixture has warmed the cache)."""
    out = tmp_path / "run"
    env = {k: v for k, v in os.environ.items() if k != "BOT_DATA_DIR"} | {"BOT_EMBED_CACHE": str(embed_cache)}
    command = [sys.executable, "-m", "eval", "run", "--llm", "none", "--limit", "8", "--quiet"]
    command += ["--out", str(out), "--data", str(tmp_path / "data"), "--min", "retrieval.hit@5=0.5"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["run.llm"] == "none" and metrics["run.k"] == 5 and metrics["run.n"] == 8
    assert metrics["run.gold"].endswith("gold.jsonl")
    for key in ("retrieval.hit@1", "retrieval.hit@3", "retrieval.hit@5", "retrieval.mrr", "retrieval.context_chars"):
        assert 0 <= metrics[key] <= (1 if "hit" in key or "mrr" in key else 10_000), key
        assert f"type.number.{key}" in metrics
    assert not any(k.startswith("answer.") for k in metrics)
    assert (out / "metrics_by_type.png").stat().st_size > 1000
    report = (out / "report.md").read_text()
    assert "![metrics per question type](metrics_by_type.png)" in report and "## 10 worst questions" in report
    rows = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    assert len(rows) == 8 and {"id", "type", "question", "gold", "passages", "answer", "metrics"} <= set(rows[0])
    assert {"doc", "chunk_id", "hit"} <= set(rows[0]["passages"][0])
    assert main(["check", str(out), "--min", "retrieval.hit@5=1.01"]) == 1


class GoldAnswerer:
    """Answers with the gold answer, citing the evidence: every answer metric must come out perfect."""

    def __init__(self, items):
        self.items = {item.question: item for item in items}

    def ask(self, question, history=None, filters=None, k=None):
        item = self.items[question]
        if not item.answerable:
            return {"answer": "资料中没有相关信息", "refused": True, "citations": []}
        citations = [{"n": 1, "doc": item.docs[0], "title": "", "heading": "", "text": "；".join(item.evidence)}]
        return {"answer": item.answer + "[1]", "refused": False, "citations": citations}


def test_run_with_answers(tmp_path, seeded):
    """The answer path on a mixed gold subset, through the shared seeded library (no bot.answer.chain needed)."""
    items = [i for i in load_gold(GOLD) if i.id in {"q001", "q081", "q093", "q106", "q063"}]
    flat = run(items, seeded, tmp_path / "run", "fake", 3, "subset", answerer=GoldAnswerer(items), progress=False)
    flat_judged = run(
        items[:1], seeded, tmp_path / "judged", "fake", 3, answerer=GoldAnswerer(items), judge=lambda *a: 1.0
    )
    assert flat["run.k"] == 3 and "retrieval.hit@5" not in flat and "retrieval.hit@3" in flat
    for key in ("answer.keyword_accuracy", "answer.char_f1", "answer.rouge_l", "answer.refusal_accuracy"):
        assert flat[key] == 1.0, key
    assert flat["answer.false_refusal_rate"] == 0.0 and flat["answer.citation_precision"] == 1.0
    assert flat["answer.grounded_numbers"] == 1.0 and flat["answer.errors"] == 0
    assert flat["type.unanswerable.answer.refusal_accuracy"] == 1.0 and "type.unanswerable.retrieval.mrr" not in flat
    assert "type.multi_doc.retrieval.doc_coverage" in flat and flat["retrieval.n"] == 4
    assert flat_judged["answer.judge"] == 1.0
    assert "| answer.keyword_accuracy | 1.000 |" in (tmp_path / "run" / "report.md").read_text()


# --- bootstrap intervals, answer length, parts, places, verification (issue #15) ---------------------


def test_bootstrap_interval_known_values_and_determinism():
    assert m.bootstrap_interval([0.5] * 10) == (0.5, 0.5)
    assert m.bootstrap_interval([1.0]) == (1.0, 1.0)
    assert m.bootstrap_interval([]) is None
    # two items: resampled means are 0, 0.5, 1 with chances 1/4, 1/2, 1/4, so the 95% interval is [0, 1]
    assert m.bootstrap_interval([0.0, 1.0]) == (0.0, 1.0)
    half = [1.0, 0.0] * 10  # p = 0.5, n = 20: the normal approximation gives 0.5 ± 0.22
    low, high = m.bootstrap_interval(half)
    assert 0.25 <= low <= 0.32 and 0.68 <= high <= 0.75
    lengths = [3.0, 50.0, 7.0, 120.0, 9.0, 11.0, 40.0, 8.0]
    assert m.bootstrap_interval(lengths) == m.bootstrap_interval(lengths)  # fixed seed: the same run, the same figures
    assert m.bootstrap_interval(lengths, seed=1) != m.bootstrap_interval(lengths)
    wide = m.bootstrap_interval([1.0, 0.0] * 4)
    assert wide[1] - wide[0] > high - low  # 8 questions say less than 20


@pytest.mark.parametrize("statistic", ["mean", "median", "p90"])
@pytest.mark.parametrize(
    "values", [[1.0] * 7 + [0.0], [0.0] * 29 + [1.0], [3.0, 50.0, 7.0, 120.0, 9.0, 11.0, 40.0, 8.0]]
)
def test_bootstrap_interval_contains_the_point_estimate(values, statistic):
    low, high = m.bootstrap_interval(values, statistic)
    assert low <= m.statistic(values, statistic) <= high
    assert min(values) <= low <= high <= max(values)


def test_statistics():
    assert m.statistic([1, 2, 3, 100], "median") == 2.5
    assert m.statistic(list(range(1, 11)), "p90") == pytest.approx(9.1)  # linear between the 9th and 10th
    assert m.statistic([0.0, 1.0, 1.0, 1.0]) == 0.75
    assert m.statistic([]) is None


def test_summarise_scores_means_medians_and_intervals():
    rows = [
        {"answer.keyword_accuracy": 1.0, "answer.length": 10.0, "answer.length_ratio": 1.0, "answer.judge": None},
        {"answer.keyword_accuracy": 0.0, "answer.length": 30.0, "answer.length_ratio": 3.0, "answer.judge": None},
        {"answer.keyword_accuracy": 1.0, "answer.length": 20.0, "answer.length_ratio": 2.0},
        {"answer.keyword_accuracy": None, "answer.length": 400.0, "answer.length_ratio": 20.0},
    ]
    out = m.summarise_scores(rows, "type.x.")
    assert out["type.x.answer.keyword_accuracy"] == pytest.approx(0.6667)
    low, high = out["type.x.answer.keyword_accuracy.ci95"]
    assert low == 0.0 and high == 1.0
    assert out["type.x.answer.length_median"] == 25.0  # a median: the pasted section (400) does not drag it
    assert out["type.x.answer.length_p90"] == pytest.approx(289.0)  # 30 + 0.7 × 370
    assert out["type.x.answer.length_ratio"] == 2.5
    assert "type.x.answer.length" not in out and "type.x.answer.judge" not in out
    assert all(v[0] <= out[k[: -len(m.CI_SUFFIX)]] <= v[1] for k, v in out.items() if k.endswith(m.CI_SUFFIX))


def test_answer_length_and_ratio():
    assert m.answer_chars(" 收到786宗[1]。[2, 3]\n") == 7
    assert m.length_ratio("收到行政复议申请786宗[1]。", "786宗。") == pytest.approx(13 / 5)
    assert m.length_ratio("786宗", "") is None


def test_parts_answered():
    parts = [["786宗", "68.67%"], ["1497宗"]]
    assert m.parts_answered("收到786宗，同比增长68.67％[1]；调解1497宗[2]。", parts) == 1.0
    assert m.parts_answered("收到786宗[1]；调解1497宗[2]。", parts) == 0.5  # a part needs all its keywords
    assert m.parts_answered("收到786宗，增長68.67%。", parts) == 0.5  # traditional, same rules as keywords
    assert m.parts_answered("资料中没有相关信息", parts) == 0.0
    assert m.parts_answered("任何回答", []) is None and m.parts_answered("任何回答", [[]]) is None


def _issuers() -> list[str]:
    from bot.ingest.clean import clean_text
    from bot.ingest.metadata import read_metadata

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [read_metadata(clean_text(p.read_text(encoding="utf-8")))["issuer"] for p in seeds]


def test_places_named_in_questions_from_the_seed_issuers():
    issuers = _issuers()
    assert "广州市花都区" in issuers and "成都市" in issuers
    assert m.place_units("广州市花都区") == ["广州市", "花都区"]
    assert m.places_named("花都区2023年收到多少宗行政复议申请?", issuers) == ["花都区"]
    assert m.places_named("广州市花都区的公职律师有多少名?", issuers) == ["花都区"]  # the district, not its city
    assert sorted(m.places_named("广州和成都2024年哪个市的复议案件更多?", issuers)) == ["广州市", "成都市"]
    assert m.places_named("韶關市的行政復議", issuers) == ["韶关市"]  # traditional question
    assert m.places_named("全区现有多少名公职律师?", issuers) == []


def test_names_places():
    assert m.names_places("花都区收到行政复议申请786宗[1]。", ["花都区"]) == 1.0
    assert m.names_places("花都收到786宗。", ["广州市花都区"]) == 1.0  # short form of the district
    assert m.names_places("全区收到786宗[1]。", ["花都区"]) == 0.0
    assert m.names_places("廣州市收到1000宗，成都市收到900宗。", ["广州市", "成都市"]) == 1.0
    assert m.names_places("广州市收到1000宗，多于另一市。", ["广州市", "成都市"]) == 0.0
    assert m.names_places("任何回答", []) is None


def test_llm_replaced():
    assert m.llm_replaced({"answer": "…", "verification": {"sentences": 4, "replaced": 1, "backend": "local"}}) == 0.25
    assert m.llm_replaced({"answer": "…", "verification": {"sentences": 0, "replaced": 0}}) is None
    assert m.llm_replaced({"answer": "…"}) is None
    assert m.llm_replaced({"answer": "…", "verification": None}) is None


@dataclass(frozen=True)
class TurnItem(GoldItem):
    """A gold item with the fields the extended schema adds (history, parts, place), whatever gold.py has now."""

    history: tuple = ()
    parts: tuple = ()
    place: tuple = ()


FOLLOW_UP = TurnItem(
    id="t1",
    question="那成都市呢？",
    answer="成都市收到行政复议申请……",
    docs=("004_7cff85eaf4bcf1da.txt",),
    evidence=("行政复议",),
    type="multi_turn",
    answer_keywords=("成都",),
    history=(("user", "广州市2024年收到多少件行政复议申请？"), ("assistant", "广州市收到……[1]。")),
)


def test_score_answer_new_metrics():
    item = TurnItem(**{**GOOD_ITEM, "parts": (("786宗",), ("68.67%",)), "place": ("花都区",)})
    scores = score_answer(item, {"answer": "花都区收到786宗[1]。", "refused": False, "citations": []}, 0.1)
    assert scores["answer.parts_answered"] == 0.5 and scores["answer.names_place"] == 1.0
    assert scores["answer.length"] == 10.0 and scores["answer.length_ratio"] == pytest.approx(10 / 5)
    assert "answer.llm_replaced" not in scores
    refused = score_answer(item, {"answer": "资料中没有相关信息", "refused": True}, 0.1)
    assert refused["answer.parts_answered"] == 0.0 and refused["answer.names_place"] is None
    assert refused["answer.length"] is None
    verified = {"answer": "786宗。", "refused": False, "verification": {"sentences": 2, "replaced": 1}}
    assert score_answer(item, verified, 0.1)["answer.llm_replaced"] == 0.5
    # no `place` list: the places named in the question, or in the turn a follow-up continues
    plain = TurnItem(**{**GOOD_ITEM, "question": "花都区有多少名公职律师?"})
    assert (
        score_answer(plain, {"answer": "全区68名。", "refused": False}, 0.1, ["广州市花都区"])["answer.names_place"]
        == 0.0
    )
    assert question_places(FOLLOW_UP, _issuers()) == ["成都市"]
    assert question_places(
        TurnItem(**{**GOOD_ITEM, "question": "政协提案呢？", "history": FOLLOW_UP.history}), _issuers()
    ) == ["广州市"]


GOOD_ITEM = {
    "id": "x1",
    "question": "花都区收到多少宗行政复议申请?",
    "answer": "786宗。",
    "docs": ("001_bfb673fb5af5df88.txt",),
    "evidence": ("收到行政复议申请786宗",),
    "type": "multipart",
    "answer_keywords": ("786宗", "68.67%"),
}


class RecordingLibrary:
    """What evaluate() needs of a library, recording the retrieval questions."""

    def __init__(self):
        self.searched: list[str] = []

    def search(self, questions, k=5, filters=None, extras=None):
        self.searched += questions
        return [[] for _ in questions]

    def issuers(self):
        return _issuers()


class RecordingAnswerer:
    def __init__(self):
        self.asked: list[tuple] = []

    def ask(self, question, history=None, filters=None, k=None):
        self.asked.append((question, history))
        return {"answer": "成都市收到……[1]。", "refused": False, "citations": []}


def test_harness_passes_history_as_the_api_does():
    library, answerer = RecordingLibrary(), RecordingAnswerer()
    single = TurnItem(**GOOD_ITEM)
    results = evaluate(library, [FOLLOW_UP, single], k=5, answerer=answerer, progress=False)
    assert answerer.asked[0] == (
        "那成都市呢？",
        [
            {"role": "user", "content": "广州市2024年收到多少件行政复议申请？"},
            {"role": "assistant", "content": "广州市收到……[1]。"},
        ],
    )
    assert answerer.asked[1] == (single.question, None)
    # retrieval is scored on the follow-up made standalone: the place replaced, the topic kept
    query = library.searched[1]  # [0] warms the models up
    assert "成都" in query and "行政复议" in query and "广州" not in query
    record = results[0].to_json()
    assert record["history"][0]["role"] == "user" and record["retrieval_question"] == query
    assert "history" not in results[1].to_json() and "retrieval_question" not in results[1].to_json()
    assert results[0].scores["answer.names_place"] == 1.0


def test_history_turns_accepts_pairs_and_dicts_and_drops_a_repeated_question():
    item = TurnItem(
        **{**GOOD_ITEM, "history": (["user", "广州市呢？"], {"role": "user", "content": GOOD_ITEM["question"]})}
    )
    assert history_turns(item) == [{"role": "user", "content": "广州市呢？"}]
    assert history_turns(TurnItem(**GOOD_ITEM)) == []


def test_summary_reports_intervals_and_llm_replaced_na():
    item = TurnItem(**GOOD_ITEM)
    answers = [{"answer": "花都区786宗[1]。", "refused": False}, {"answer": "786宗。", "refused": False}]
    results = [QuestionResult(item, [], a, score_answer(item, a, 0.1, ["广州市花都区"])) for a in answers]
    flat = summarise(results)
    assert flat["answer.llm_replaced"] == "n/a" and flat["answer.names_place"] == 0.5
    assert flat["type.multipart.answer.names_place.ci95"] == [0.0, 1.0]
    assert flat["answer.length_median"] == 6.5 and flat["answer.length_ratio"] == pytest.approx(1.3)  # 8 and 5 chars
    verified = {**answers[0], "verification": {"sentences": 4, "replaced": 1}}
    flat = summarise([QuestionResult(item, [], verified, score_answer(item, verified, 0.1))])
    assert flat["answer.llm_replaced"] == 0.25 and flat["answer.llm_replaced.ci95"] == [0.25, 0.25]


def test_report_shows_intervals_and_compare_flags_changes_beyond_them(tmp_path):
    from eval.report import per_type_table
    from eval.report import render as render_report

    flat = {
        "run.llm": "x",
        "run.n": 20,
        "answer.keyword_accuracy": 0.5,
        "answer.keyword_accuracy.ci95": [0.3, 0.7],
        "type.number.n": 20,
        "type.number.answer.keyword_accuracy": 0.5,
        "type.number.answer.keyword_accuracy.ci95": [0.3, 0.7],
        "type.number.answer.length_median": 12.0,
        "type.number.answer.length_median.ci95": [9.0, 15.0],
    }
    text = render_report(flat, [], plotted=False)
    assert "| answer.keyword_accuracy | 0.500 | 0.300–0.700 |" in text
    assert "| number | 20 | 0.500 (0.300–0.700) |" in text
    assert "| number | 20 | 12 (9–15) |" in text  # lengths in whole characters
    assert "answer.keyword_accuracy.ci95" not in text
    assert "| overall | 20 | 0.500 (0.300–0.700) |" in per_type_table(flat, ["answer.keyword_accuracy"])
    a = _run_dir(tmp_path / "a", {"answer.keyword_accuracy": 0.9, "answer.length_median": 10.0}, [])
    b = _run_dir(tmp_path / "b", {**flat, "answer.length_median": 90.0}, [])
    lines = render(load_run(a), load_run(b)).splitlines()
    assert "| answer.keyword_accuracy | 0.900 | 0.500 | -0.400 | worse (A outside B's 95% interval) |" in lines
    assert "| answer.length_median | 10 | 90 | +80 |  |" in lines  # longer is neither better nor worse


def test_scoring_stays_independent_of_the_bots_own_checks():
    """Grounding and citation scores must be able to disagree with the bot: no eval module imports its checks."""
    for path in (ROOT / "eval").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "bot.answer.checks" not in source and "bot.answer.verify" not in source, path.name


def test_a_year_before_a_count_is_not_read_as_a_month():
    from eval.metrics import answer_key, keyword_accuracy

    assert keyword_accuracy("韶关市2024年5个镇、58个村被评为示范镇（村）[1]。", ["5个镇", "58个村"]) == 1.0
    assert answer_key("2024-01") == answer_key("2024年1月") == answer_key("2024年01月")
    assert keyword_accuracy("成都市2024年86.15%的执法力量部署在县镇两级", ["86.15%"]) == 1.0
    assert answer_key("2024-01-04") == answer_key("2024年1月4日") == answer_key("2024/1/4")
