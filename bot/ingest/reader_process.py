"""Read one PDF, DOCX or HTML file in a child process, under a time, memory and text-size budget.

pypdf, python-docx and trafilatura do their work in Python: a small hostile file (a 7 kB PDF, a 37 kB
.docx) keeps them busy for minutes, and a thread cannot be stopped. A process can. The parent waits at
most `seconds` (wall clock, the child's start included) and then kills it; the child limits its own
address space (a decompression bomb ends in MemoryError, not in the server's memory) and CPU time (in
case the parent is gone). Nothing is forked: the child is a fresh interpreter started by `subprocess`,
which is safe from the server's worker thread, from pytest and from the CLI alike.

The child (`bot.ingest.reader_child`) imports only itself, `bot.ingest.load` and the one parser it needs, not the
`bot` package (whose Chroma import costs about 2 s). Measured cost of the child per file on this 2-core
machine (load average 2, median of 10): 0.28 s for DOCX, 0.36 s for PDF, 0.47 s for HTML more than
reading in-process, nearly all of it starting Python and importing the parser again. That is small next
to reading a real report, so each file gets a fresh child rather than a pool of warm ones to look after
(a file refused for time or memory would spoil a warm child anyway).
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.ingest.reader_child import Refused, too_big, too_slow

log = logging.getLogger(__name__)

# Run by the child: `bot` as a bare namespace, so `bot/__init__.py` (the library, Chroma) is not imported.
_BOOT = (
    "import sys, types\n"
    "package = types.ModuleType('bot')\n"
    "package.__path__ = [sys.argv[1]]\n"
    "sys.modules['bot'] = package\n"
    "from bot.ingest.reader_child import child_main\n"
    "child_main(sys.argv[2:])\n"
)
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # bot/
# Return codes of a child its own CPU limit stopped (SIGXCPU at the soft limit, SIGKILL at the hard one).
_KILLED_FOR_CPU = {-getattr(signal, name) for name in ("SIGXCPU", "SIGKILL") if hasattr(signal, name)}


def read_in_child(path: Path, reader: str, seconds: float, memory_mb: int, max_chars: int) -> str:
    """The text `bot.ingest.load.<reader>` reads from `path`, read in a child; `Refused` past a budget or on a crash."""
    command = [sys.executable, "-P", "-c", _BOOT, str(_PACKAGE_DIR), reader, str(path)]
    command += [repr(seconds), str(memory_mb), str(max_chars)]
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors) as process,
    ):
        try:
            out, _ = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise Refused(too_slow(seconds)) from None
        except BaseException:  # Ctrl-C in the CLI, or anything else: never leave a reader running
            process.kill()
            raise
        errors.seek(max(0, errors.seek(0, 2) - 4000))  # the end of what it wrote: a traceback, if any
        return _answer(process.returncode, out, errors.read(), seconds, memory_mb)


def _answer(returncode: int, out: bytes, errors: bytes, seconds: float, memory_mb: int) -> str:
    """What the child said (`ok\\n<text>` or `refused\\n<reason>`), or why it said nothing."""
    status, _, payload = out.partition(b"\n")
    if returncode == 0 and status == b"ok":
        return payload.decode("utf-8", "surrogatepass")
    if returncode == 0 and status == b"refused":
        raise Refused(payload.decode())
    if returncode in _KILLED_FOR_CPU:
        raise Refused(too_slow(seconds))
    if b"MemoryError" in errors:  # ran out of its address space before it could answer
        raise Refused(too_big(memory_mb))
    log.warning("reader process ended with %s: %s", returncode, errors.decode(errors="replace")[-1000:])
    raise Refused(f"the reader stopped unexpectedly (exit code {returncode}); re-save the file")
