"""How far an indexing run is, in chunks to embed, and when it should end: one object the CLI bar and the jobs API read.

The embedding is the whole cost of indexing, so progress is counted in chunks embedded. Files are read
while earlier ones are embedded, so the total grows as files are read; the ETA counts a file not read yet
as the average of those read (an unchanged file costs nothing and lowers that average). Chunks found in
the embedding cache are done but not measured: they would make the pace look faster than it is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

MIN_MEASURED = 1  # chunks embedded before a pace is believed


class Progress:
    """Thread-safe counters (the embedding thread advances them) and an ETA from an injectable clock."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[Progress], None] | None = None,
        files: int = 0,
    ):
        self._clock = clock
        self._listeners = [on_change] if on_change else []
        self._lock = threading.Lock()
        self.files_total = files  # files this run will read (set by its owner or by `expect_files`)
        self.files_read = 0
        self.total = 0  # chunks to embed in the files read so far
        self.done = 0  # of those, embedded or found in the cache
        self._measured = 0  # chunks actually embedded, and the time they took
        self._since: float | None = None  # when embedding started (the pace is measured from there)

    def listen(self, on_change: Callable[[Progress], None]) -> None:
        """Also call `on_change(progress)` after every change (from whichever thread made it)."""
        self._listeners.append(on_change)

    def expect_files(self, n: int) -> None:
        """`n` more files will be read by this call; a total set by the owner (a job's files) is kept."""
        with self._lock:
            self.files_total = max(self.files_total, self.files_read + n)
        self._changed()

    def file_read(self, chunks: int) -> None:
        """A file was read; `chunks` of its chunks wait for vectors (0 if unchanged)."""
        with self._lock:
            self.files_read += 1
            self.total += chunks
        self._changed()

    def started(self) -> None:
        """Embedding begins now: the pace is measured from here (not from reading the first file)."""
        with self._lock:
            if self._since is None:
                self._since = self._clock()

    def embedded(self, n: int) -> None:
        """`n` chunks were embedded (measured)."""
        with self._lock:
            self.done += n
            self._measured += n
        self._changed()

    def cached(self, n: int) -> None:
        """`n` chunks came from the embedding cache (done, not measured)."""
        with self._lock:
            self.done += n
        self._changed()

    def estimated_total(self) -> int:
        """Chunks known plus, for each file not read yet, the average of the files read."""
        with self._lock:
            unread = max(0, self.files_total - self.files_read)
            average = self.total / self.files_read if self.files_read else 0
            return self.total + round(unread * average)

    def eta(self) -> float | None:
        """Seconds left at the pace measured so far; None until a chunk was embedded (or nothing is known)."""
        remaining = self.estimated_total() - self.done
        with self._lock:
            if remaining <= 0 and self.files_read >= self.files_total:
                return 0.0
            if self._since is None or self._measured < MIN_MEASURED:
                return None
            elapsed = self._clock() - self._since
            if elapsed <= 0:
                return None
            return max(0, remaining) * elapsed / self._measured

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self)
