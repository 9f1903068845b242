"""Evaluation harness for 法治问答: `python -m eval run|compare|check` (see eval/cli.py).

Modules: gold (read and validate a gold set), metrics (pure per-question scores), harness (run questions
through retrieval and the answer chain), report (report.md and plot), compare (run vs run, CI floors),
judge (optional LLM grading, off by default).
"""
