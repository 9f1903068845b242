"""The child side of `bot.ingest.reader_process`: limit itself, read one file, answer on stdout, exit.

Started as a fresh interpreter with `bot` as a bare namespace, it imports only this module, `bot.ingest.load`
and the one parser it needs: every import here is paid again for every PDF, DOCX or HTML file read.
"""

from __future__ import annotations

import logging
import math
import sys
from pathlib import Path


class Refused(Exception):
    """The file is not read: `reason` says which budget it passed, or what went wrong, and what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def too_slow(seconds: float) -> str:
    return f"took longer than {seconds:g} s to read (BOT_PARSE_SECONDS); split or re-save the file"


def too_big(memory_mb: int) -> str:
    return f"needs more than {memory_mb} MB of memory to read (BOT_PARSE_MEMORY_MB); split or re-save the file"


def too_much_text(max_chars: int) -> str:
    return f"holds more than {max_chars:,} characters of text (BOT_MAX_EXTRACTED_CHARS); split the file"


def child_main(argv: list[str]) -> None:
    """Write `ok\\n<text>` or `refused\\n<reason>` to stdout; the parent reads nothing else from it."""
    reader, path, seconds, memory_mb, max_chars = argv
    answer = sys.stdout.buffer
    sys.stdout = sys.stderr  # a parser that prints cannot garble the answer
    logging.disable(logging.CRITICAL)  # nor fill the disk: pypdf can log a warning for each of a million operators
    _limit_self(float(seconds), int(memory_mb))
    try:
        text = _read(reader, Path(path), int(memory_mb))
        if len(text) > int(max_chars):  # refused, not cut: a cut report would be indexed without saying so
            raise Refused(too_much_text(int(max_chars)))
        status, payload = b"ok", text.encode("utf-8", "surrogatepass")
    except Refused as exc:
        status, payload = b"refused", exc.reason.encode()
    answer.write(status + b"\n" + payload)
    answer.flush()


def _read(reader: str, path: Path, memory_mb: int) -> str:
    """Run the reader; every failure becomes a one-line reason, running out of memory the memory budget's."""
    from bot.ingest import load

    try:
        return load.ISOLATED_READERS[reader](path)
    except MemoryError:
        raise Refused(too_big(memory_mb)) from None
    except load.LoadError as exc:
        if _out_of_memory(exc):  # a parser may wrap running out of memory in its own error
            raise Refused(too_big(memory_mb)) from None
        raise Refused(exc.reason) from None
    except Exception as exc:  # a parser failure the reader did not expect (deep recursion, an odd structure)
        raise Refused(f"could not be read ({exc.__class__.__name__}); re-save the file") from None


def _out_of_memory(exc: BaseException | None) -> bool:
    for _ in range(20):  # the chain of causes; bounded, in case it loops
        if exc is None:
            return False
        if isinstance(exc, MemoryError) or any(e.type_name == "ERR_NO_MEMORY" for e in getattr(exc, "error_log", ())):
            return True  # libxml2 (python-docx, trafilatura) says only "unknown error" but logs ERR_NO_MEMORY
        exc = exc.__cause__ or exc.__context__
    return False


def _limit_self(seconds: float, memory_mb: int) -> None:
    """Kernel-kept limits: CPU time (a backstop if the parent is gone) and address space (against bombs)."""
    try:
        import resource
    except ImportError:  # not a Unix: the parent's deadline still holds, memory is not limited
        return
    cpu = math.ceil(seconds) + 1  # CPU time never runs ahead of wall time: the parent's deadline comes first
    _lower(resource, resource.RLIMIT_CPU, cpu, cpu + 1)
    _lower(resource, resource.RLIMIT_AS, memory_mb * 1024 * 1024, memory_mb * 1024 * 1024)


def _lower(resource, which: int, soft: int, hard: int) -> None:
    _, current = resource.getrlimit(which)
    if current != resource.RLIM_INFINITY:
        soft, hard = min(soft, current), min(hard, current)
    resource.setrlimit(which, (soft, hard))
