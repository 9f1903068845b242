"""An append-only log of administrative actions: `$BOT_DATA_DIR/audit.jsonl`, one JSON object per line.

Who uploaded or removed which report, and how each job ended, must be answerable after the fact, also
after a crash: each record is appended and flushed at once. Keys are secrets, so a record names the key
that acted by `key_id` (a short hash), never by the key itself. Writing the log must never fail the action
it records: a full disk costs a warning in the server log, not the upload.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from bot.serve.security import key_id

__all__ = ["AuditLog", "key_id"]

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def record(self, action: str, **fields) -> None:
        """Append `{"time", "action", **fields}` as one line; thread-safe; never raises (logs a warning instead)."""
        entry = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "action": action, **fields}
        try:
            line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as out:
                    out.write(line)
                    out.flush()
        except (OSError, ValueError) as exc:
            log.warning("could not write the audit log %s (%s): %s", self.path, action, exc)
