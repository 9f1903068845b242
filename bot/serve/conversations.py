"""The conversation log: every answered question and its 👍/👎 feedback, in `$BOT_DATA_DIR/conversations.sqlite`.

Questions and the answers they got are how the office learns what its reports do not answer, and how the
maintainers grow the gold set from what users actually ask (`python -m eval candidates`). The answer path
must never wait on it: an answer only puts its record on a queue, and one writer thread writes the queue in
batches (SQLite in WAL mode, so the admin view reads while it writes). A full queue drops the record and
counts it, rather than holding an answer. Keys are named by `key_id`, never by the key; uploaded reports'
text is never logged (only the passages an answer cited, as the user saw them).
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, TextIO

from bot.answer.quotes import cited_sentences
from bot.errors import Busy, NotFound
from bot.lru import LRU
from bot.models import Answer

Rating = Literal["up", "down"]
CHANNELS = ("page", "embed", "api", "openai")
QUEUE_SIZE = 10_000
BATCH = 200
RECENT_IDS = 20_000  # answers whose record may still be queued: feedback on them is accepted at once
DAY_SECONDS = 86_400
log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, time REAL NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, key_id TEXT,
    question TEXT NOT NULL, standalone TEXT, plan TEXT, answer TEXT, citations TEXT, refused INTEGER NOT NULL,
    flagged INTEGER NOT NULL, flags TEXT, backend TEXT, timings TEXT
);
CREATE INDEX IF NOT EXISTS answers_day ON answers(day);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, answer_id TEXT NOT NULL, time REAL NOT NULL, rating TEXT NOT NULL,
    comment TEXT, correct_answer TEXT, report TEXT, key_id TEXT
);
CREATE INDEX IF NOT EXISTS feedback_answer ON feedback(answer_id);
"""
_ANSWER_COLUMNS = (
    "id, time, day, channel, key_id, question, standalone, plan, answer, citations, refused, flagged, flags,"
    " backend, timings"
)
# The latest rating of each answer (a user may change their mind): the admin view and the candidates read this.
_LATEST = (
    "SELECT f.* FROM feedback f JOIN (SELECT answer_id, MAX(id) AS id FROM feedback GROUP BY answer_id) m"
    " ON f.id = m.id"
)


@dataclass(frozen=True)
class LogQuery:
    """The admin view's filters: days (ISO dates, inclusive), channel, refused or not, flagged numbers, 👎."""

    since: str | None = None
    until: str | None = None
    channel: str | None = None
    refused: bool | None = None
    flagged: bool | None = None
    rating: Rating | None = None
    limit: int = 100
    offset: int = 0

    def where(self) -> tuple[str, list]:
        """The SQL condition over `a` (answers) and `f` (latest feedback) with its parameters."""
        parts, params = ["1=1"], []
        for clause, value in (("a.day >= ?", self.since), ("a.day <= ?", self.until), ("a.channel = ?", self.channel)):
            if value:
                parts.append(clause)
                params.append(value)
        if self.refused is not None:
            parts.append("a.refused = ?")
            params.append(int(self.refused))
        if self.flagged is not None:
            parts.append("a.flagged > 0" if self.flagged else "a.flagged = 0")
        if self.rating:
            parts.append("f.rating = ?")
            params.append(self.rating)
        return " AND ".join(parts), params


def citation_records(answer: Answer) -> list[dict]:
    """What an answer cited, as the user saw it: report, heading, passage and the sentences the answer rests on."""
    return [
        {
            "n": c.n,
            "doc": c.doc,
            "heading": c.heading,
            "text": c.text,
            "sentences": cited_sentences(answer.answer, c.n, c.text),
        }
        for c in answer.citations
    ]


def answer_record(answer: Answer, answer_id: str, channel: str, key_id: str | None, when: float) -> dict:
    """One answer as logged; made by the writer thread (with the plan), never on the answer path."""
    flags = {
        "flagged_numbers": answer.flagged_numbers,
        "invalid_citations": answer.invalid_citations,
        "attributed": answer.attributed,
        "incomplete": answer.incomplete,
        "error": answer.error,
        "cached": answer.cached,
        "verification": answer.verification,
    }
    return {
        "id": answer_id,
        "time": when,
        "day": datetime.fromtimestamp(when, UTC).date().isoformat(),
        "channel": channel,
        "key_id": key_id,
        "question": answer.question,
        "standalone": answer.standalone or answer.question,
        "answer": answer.answer,
        "citations": citation_records(answer),
        "refused": answer.refused,
        "flagged": len(answer.flagged_numbers),
        "flags": flags,
        "backend": answer.llm,
        "timings": answer.timings,
    }


def _row(record: dict) -> tuple:
    dumped = {k: json.dumps(record.get(k), ensure_ascii=False) for k in ("plan", "citations", "flags", "timings")}
    return (
        record["id"],
        record["time"],
        record["day"],
        record["channel"],
        record["key_id"],
        record["question"],
        record["standalone"],
        dumped["plan"],
        record["answer"],
        dumped["citations"],
        int(record["refused"]),
        record["flagged"],
        dumped["flags"],
        record["backend"],
        dumped["timings"],
    )


def _from_row(row: sqlite3.Row) -> dict:
    """An answer row (joined with its latest feedback) as JSON."""
    data = dict(zip(row.keys(), row, strict=True))
    for key in ("plan", "citations", "flags", "timings"):
        data[key] = json.loads(data[key]) if data.get(key) else None
    data["refused"] = bool(data["refused"])
    data["time"] = datetime.fromtimestamp(data["time"], UTC).isoformat(timespec="seconds")
    rating = data.pop("rating", None)
    feedback = {k: data.pop(k, None) for k in ("comment", "correct_answer", "report")}
    when = data.pop("feedback_time", None)
    feedback["time"] = datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds") if when else None
    data["feedback"] = {"rating": rating, **feedback} if rating else None
    return data


class ConversationLog:
    """The log of answers and feedback: `record` and `feedback` only enqueue; one writer thread writes."""

    def __init__(
        self,
        path: Path,
        retention_days: int = 90,
        enabled: bool = True,
        planner: Callable[[str], dict] | None = None,
        writer: bool = True,
    ):
        self.path, self.retention_days, self.enabled = path, retention_days, enabled
        self.planner = planner  # the plan of a standalone question (kind, places, years), computed by the writer
        self.dropped = 0  # records lost to a full queue (the answers were not held for them)
        self._queue: queue.Queue = queue.Queue(QUEUE_SIZE)
        self._recent: LRU[str, bool] = LRU(RECENT_IDS)
        self._writer: threading.Thread | None = None
        self._purged = 0.0
        if enabled and writer:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.executescript(_SCHEMA)
            self._writer = threading.Thread(target=self._write_loop, name="conversation-log", daemon=True)
            self._writer.start()

    # -- the answer path: enqueue only --------------------------------------------------------------
    def record(self, answer: Answer, answer_id: str, channel: str, key_id: str | None = None) -> None:
        """Queue one answer's record; never blocks and never raises (a full queue drops it, counted)."""
        if not self.enabled:
            return
        try:
            self._queue.put_nowait(("answer", (answer, answer_id, channel, key_id, time.time())))
            self._recent.put(answer_id, True)
        except queue.Full:
            self.dropped += 1
            if self.dropped % 100 == 1:  # once per hundred: a stuck disk must not flood the server log too
                log.warning("conversation log queue full: %d answer(s) not logged so far", self.dropped)
        except Exception:  # a record that cannot be made must not fail the answer it records
            log.exception("could not log answer %s", answer_id)

    def feedback(
        self,
        answer_id: str,
        rating: Rating,
        comment: str | None = None,
        correct_answer: str | None = None,
        report: str | None = None,
        key_id: str | None = None,
    ) -> None:
        """Queue a rating of a logged answer; `NotFound` (in Chinese, for the page too) for an unknown answer."""
        if not self.enabled or not (self._recent.get(answer_id) or self._exists(answer_id)):
            raise NotFound(f"没有编号为 {answer_id[:64]} 的回答记录（可能已过保存期限，或对话记录未开启）")
        fields = {"comment": comment, "correct_answer": correct_answer, "report": report, "key_id": key_id}
        try:  # a rating is asked for, so it may wait a moment for room; never for long
            self._queue.put(
                ("feedback", {"answer_id": answer_id, "time": time.time(), "rating": rating, **fields}), timeout=5
            )
        except queue.Full:
            raise Busy("对话记录繁忙，反馈未能保存，请稍后再试", retry_after=5) from None

    # -- the writer -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.row_factory = sqlite3.Row
        return db

    def _write_loop(self) -> None:
        db = self._connect()
        try:
            while True:
                batch = [self._queue.get()]
                while len(batch) < BATCH:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                stop = any(kind == "stop" for kind, _ in batch)
                self._write(db, [item for item in batch if item[0] != "stop"])
                for _ in batch:
                    self._queue.task_done()
                if stop:
                    return
        finally:
            db.close()

    def _write(self, db: sqlite3.Connection, batch: list[tuple[str, Any]]) -> None:
        """One transaction per batch; an error costs the batch a warning, never the writer thread."""
        try:
            records = [
                answer_record(*given) for kind, given in batch if kind == "answer"
            ]  # made here, not in the answer
            answers = [_row({**r, "plan": self._plan(r["standalone"])}) for r in records]
            ratings = [r for kind, r in batch if kind == "feedback"]
            with db:
                db.executemany(
                    f"INSERT OR REPLACE INTO answers ({_ANSWER_COLUMNS}) VALUES ({','.join('?' * 15)})", answers
                )
                db.executemany(
                    "INSERT INTO feedback (answer_id, time, rating, comment, correct_answer, report, key_id)"
                    " VALUES (:answer_id, :time, :rating, :comment, :correct_answer, :report, :key_id)",
                    ratings,
                )
            self._purge(db)
        except Exception:
            log.exception("could not write %d conversation log record(s)", len(batch))

    def _plan(self, question: str) -> dict | None:
        try:
            return self.planner(question) if self.planner else None
        except Exception:
            log.exception("could not plan a logged question")
            return None

    def _purge(self, db: sqlite3.Connection) -> None:
        """Drop answers (and their feedback) older than the retention, at most once an hour."""
        now = time.time()
        if self.retention_days <= 0 or now - self._purged < 3600:
            return
        self._purged = now
        cutoff = now - self.retention_days * DAY_SECONDS
        with db:
            db.execute("DELETE FROM feedback WHERE answer_id IN (SELECT id FROM answers WHERE time < ?)", (cutoff,))
            db.execute("DELETE FROM answers WHERE time < ?", (cutoff,))

    def flush(self, seconds: float = 5.0) -> bool:
        """Wait until what is queued now is written (the admin view and exports read after this)."""
        deadline = time.monotonic() + seconds
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self._queue.unfinished_tasks

    def close(self) -> None:
        if self._writer is not None and self._writer.is_alive():
            self._queue.put(("stop", {}))
            self._writer.join(10)

    # -- reading (the admin view, exports) -----------------------------------------------------------
    def _exists(self, answer_id: str) -> bool:
        with self._reader() as db:
            return db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is not None

    def _reader(self) -> sqlite3.Connection:
        if not self.enabled:
            raise NotFound("对话记录未开启（BOT_CONVERSATION_LOG=false）")
        return self._connect()

    def latest_id(self, question: str, channel: str) -> str | None:
        """The newest logged answer to `question` through `channel` (the page's 👍/👎 name their answer so)."""
        self.flush(1.0)
        with self._reader() as db:
            row = db.execute(
                "SELECT id FROM answers WHERE question = ? AND channel = ? ORDER BY time DESC LIMIT 1",
                (question, channel),
            ).fetchone()
        return row["id"] if row else None

    def entries(self, query: LogQuery | None = None) -> list[dict]:
        """Logged answers, newest first, each with its latest feedback, filtered by `query`."""
        return list(self.iter_entries(query or LogQuery()))

    def iter_entries(self, query: LogQuery, limit: bool = True) -> Iterator[dict]:
        where, params = query.where()
        page = " LIMIT ? OFFSET ?" if limit else ""
        sql = (
            "SELECT a.*, f.rating, f.comment, f.correct_answer, f.report, f.time AS feedback_time FROM answers a"
            f" LEFT JOIN ({_LATEST}) f ON f.answer_id = a.id WHERE {where} ORDER BY a.time DESC{page}"
        )
        db = self._reader()
        try:
            for row in db.execute(sql, [*params, query.limit, query.offset] if limit else params):
                yield _from_row(row)
        finally:
            db.close()

    def export(self, out: TextIO, query: LogQuery | None = None) -> int:
        """Every matching answer as one JSON line (no paging); the number written."""
        count = 0
        for entry in self.iter_entries(query or LogQuery(), limit=False):
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            count += 1
        return count

    def stats(self, days: int = 30, top: int = 20) -> dict:
        """Per-day counts (answers, refused, flagged, 👍, 👎), the most frequent questions and refusals."""
        since = (datetime.now(UTC).date() - timedelta(days=max(days, 1) - 1)).isoformat()
        db = self._reader()
        try:
            per_day = db.execute(
                "SELECT a.day, COUNT(*) AS answers, SUM(a.refused) AS refused, SUM(a.flagged > 0) AS flagged,"
                " SUM(f.rating = 'up') AS up, SUM(f.rating = 'down') AS down FROM answers a"
                f" LEFT JOIN ({_LATEST}) f ON f.answer_id = a.id WHERE a.day >= ? GROUP BY a.day ORDER BY a.day",
                (since,),
            ).fetchall()
            frequent = _frequent(db, since, top, refused_only=False)
            refusals = _frequent(db, since, top, refused_only=True)
        finally:
            db.close()
        rows = [{k: (row[k] or 0) if k != "day" else row[k] for k in row.keys()} for row in per_day]  # noqa: SIM118 (a sqlite3.Row)
        return {"since": since, "per_day": rows, "frequent_questions": frequent, "frequent_refusals": refusals}


def _frequent(db: sqlite3.Connection, since: str, top: int, refused_only: bool) -> list[dict]:
    """The questions asked most often (by their standalone form), with how many of them were refused."""
    only = " AND refused = 1" if refused_only else ""
    rows = db.execute(
        "SELECT standalone AS question, COUNT(*) AS count, SUM(refused) AS refused FROM answers"
        f" WHERE day >= ?{only} GROUP BY standalone ORDER BY count DESC, MAX(time) DESC LIMIT ?",
        (since, top),
    ).fetchall()
    return [{"question": r["question"], "count": r["count"], "refused": r["refused"] or 0} for r in rows]


def open_log(path: Path) -> ConversationLog:
    """A log file opened for reading and exporting only (the command line, the eval candidates): no writer."""
    if not path.is_file():
        raise NotFound(f"no conversation log at {path}")
    return ConversationLog(path, retention_days=0, writer=False)
