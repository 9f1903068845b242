"""Read report files of every format users have into plain text.

Each reader returns raw text (chrome and glosses still in); a file that cannot be read raises
`LoadError` with a one-line reason, so a batch can report it and go on. PDF, DOCX and HTML are read in
a child process under a time, memory and text-size budget (`bot.ingest.reader_process`): their parsers can be
kept busy for minutes by a small hostile file. Plain text is read here.

The child imports this module without the `bot` package, so it imports nothing of `bot` at the top.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import BadFile

if TYPE_CHECKING:
    from bot.settings import Settings


class LoadError(BadFile):
    """A file that cannot be read as a report; `reason` says why (without the path: that is the caller's)."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason

    @property
    def public(self) -> str:
        return self.reason


_ENCODINGS = ["utf_8", "gb18030", "big5"]
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# At most this share of a decoded text may be control or private-use characters: more is binary.
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
# What a file really is, by its first bytes: people rename files, portals mislabel them.
_SIGNATURES = [
    (b"%PDF-", ".pdf"),
    (b"PK\x03\x04", ".docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc/.xls) file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
]
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 when it is; otherwise the best of GB18030 / Big5 by charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # here: the reader child for PDF and DOCX does not need it

    match = from_bytes(data, cp_isolation=_ENCODINGS).best()
    if match is None:
        raise LoadError(path, "not text in UTF-8, GB18030 or Big5")
    return str(match)


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if _looks_binary(data):
        raise LoadError(path, "binary content in a text file")
    text = _decode(data, path)
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise LoadError(path, "binary content in a text file")
    return text


def read_html(path: Path) -> str:
    import trafilatura

    data = path.read_bytes()
    html = _decode(data, path)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise LoadError(path, "no main text found in the HTML page")
    return text


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # a broken PDF may make pypdf raise almost anything
        raise LoadError(path, f"malformed PDF ({exc.__class__.__name__})") from exc
    return "\n".join(pages)


def read_docx(path: Path) -> str:
    import docx

    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise LoadError(path, "unpacks to more than 200 MB (zip bomb?)")
        document = docx.Document(str(path))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" ".join(cell.text for cell in row.cells))
    except LoadError:
        raise
    except Exception as exc:  # bad zip, missing parts, broken XML or tables: python-docx raises many kinds
        raise LoadError(path, f"not a valid .docx file ({exc.__class__.__name__})") from exc
    return "\n".join(lines)


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
# Readers whose parsers a small file can keep busy for minutes or drive out of memory: run in a child.
ISOLATED_READERS: dict[str, Callable[[Path], str]] = {r.__name__: r for r in (read_html, read_pdf, read_docx)}


def sniff(path: Path) -> Callable[[Path], str]:
    """The reader for what the file's first bytes say it is (a PDF named .txt is read as a PDF)."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise LoadError(path, f"unsupported file type '{path.suffix or '(none)'}' (use {', '.join(READERS)})")
    with path.open("rb") as file:
        head = file.read(512)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            if kind not in READERS:
                raise LoadError(path, f"{kind}, not a report (named {suffix})")
            return READERS[kind]
    if suffix in (".txt", ".md") and _HTML_START.match(head):
        return read_html
    return READERS[suffix]


def read(path: Path, settings: Settings | None = None) -> str:
    """The raw text of one report file; `LoadError` when it is unsupported, unreadable, empty or over budget.

    PDF, DOCX and HTML are read in a child under `settings`' parse budgets (without settings: the
    configured ones, `Settings()`); plain text costs nothing to read and is read here whatever the budget.
    """
    try:
        reader = sniff(path)
        text = _read_in_child(path, reader, settings) if reader.__name__ in ISOLATED_READERS else reader(path)
    except OSError as exc:
        raise LoadError(path, exc.strerror or str(exc)) from exc
    if not text.strip():
        raise LoadError(path, "empty: no text to index")
    return text


def _read_in_child(path: Path, reader: Callable[[Path], str], settings: Settings | None) -> str:
    from bot.ingest.reader_child import Refused  # imported here: see the module's docstring
    from bot.ingest.reader_process import read_in_child
    from bot.settings import Settings

    settings = settings or Settings()
    try:
        return read_in_child(
            path, reader.__name__, settings.parse_seconds, settings.parse_memory_mb, settings.max_extracted_chars
        )
    except Refused as exc:
        raise LoadError(path, exc.reason) from None


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the supported files inside them, sorted; files are kept as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        else:
            found.append(path)
    return found
