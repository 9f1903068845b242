"""The eval harness: metrics on hand-made Chinese cases, gold validation, compare/check, and real runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval import metrics as m
from eval.cli import main
from eval.compare import check, load_run, parse_bounds, render
from eval.gold import GoldError, load_gold
from eval.harness import cutoffs_for, run, score_answer
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
