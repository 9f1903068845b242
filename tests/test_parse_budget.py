"""A hostile PDF, DOCX or HTML file cannot hold the reader: time, memory and text size are budgeted per file.

The slow files are built here, small on disk and slow to read. Unbounded on this 2-core machine (pypdf 7.1,
python-docx 1.2): `slow_pdf()` (7 kB) takes 90-96 s of CPU and 290 MB, `slow_docx()` (37 kB) 113 s and 113 MB.
With `parse_seconds=3` each is refused in seconds; the only timing assertion is a generous upper bound.
"""

from __future__ import annotations

import io
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from conftest import SEEDS, raw_seed

from bot.ingest import reader_process
from bot.ingest.load import LoadError, read
from bot.ingest.reader_child import Refused
from bot.settings import Settings

CHENGDU = "004_7cff85eaf4bcf1da.txt"
GENEROUS = 60  # seconds: far above the 3 s budget, so a loaded machine cannot make the test fail
TOO_SLOW = "took longer than 3 s to read (BOT_PARSE_SECONDS)"


def pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF whose page is drawn by `stream`, stored Flate-compressed."""
    packed = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def slow_pdf() -> bytes:
    """750,000 one-letter lines (4.5 MB of content stream in 7 kB): pypdf's extraction grows worse than linearly."""
    return pdf_with_content(b"BT /F1 12 Tf 14 TL " + b"(a) '\n" * 750_000 + b"ET")


def docx_with_body(body: bytes) -> bytes:
    """A .docx made by python-docx whose document body is replaced by `body` (WordprocessingML)."""
    source, out = io.BytesIO(), io.BytesIO()
    docx.Document().save(source)
    with zipfile.ZipFile(source) as template, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in template.infolist():
            data = template.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.partition(b"<w:body>")[0] + b"<w:body>" + body + b"</w:body></w:document>"
            archive.writestr(info.filename, data)
    return out.getvalue()


def slow_docx(rows: int = 250, columns: int = 12) -> bytes:
    """A table whose cells are all merged down one column: python-docx walks up every row above each cell."""
    grid = b"<w:tblGrid>" + b"<w:gridCol/>" * columns + b"</w:tblGrid>"
    top = b'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>'
    merged = b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    rows_xml = b"<w:tr>" + top * columns + b"</w:tr>" + (b"<w:tr>" + merged * columns + b"</w:tr>") * (rows - 1)
    return docx_with_body(b"<w:tbl>" + grid + rows_xml + b"</w:tbl>")


def test_slow_pdf_and_docx_are_refused_and_the_batch_goes_on(tmp_path, make_library):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "slow.pdf").write_bytes(slow_pdf())
    (folder / "slow-pdf-named.txt").write_bytes(slow_pdf())  # the content decides: read in the child too
    (folder / "slow.docx").write_bytes(slow_docx())
    shutil.copy(SEEDS / CHENGDU, folder / CHENGDU)
    library = make_library(parse_seconds=3)
    started = time.monotonic()
    report = library.index([folder], show_progress=False)
    assert time.monotonic() - started < GENEROUS
    reasons = {Path(error.path).name: error.reason for error in report.errors}
    assert set(reasons) == {"slow.pdf", "slow-pdf-named.txt", "slow.docx"}, reasons
    for reason in reasons.values():
        assert reason.startswith(TOO_SLOW) and "split or re-save the file" in reason and "\n" not in reason
    assert report.added == [CHENGDU]


@pytest.mark.parametrize(("name", "build"), [("slow.pdf", slow_pdf), ("slow.docx", slow_docx)])
def test_read_alone_is_bounded_too(tmp_path, name, build):
    path = tmp_path / name
    path.write_bytes(build())
    started = time.monotonic()
    with pytest.raises(LoadError, match=re.escape(TOO_SLOW)):
        read(path, Settings(parse_seconds=3))
    assert time.monotonic() - started < GENEROUS


def _report_lines(count: int) -> list[str]:
    lines = [line for line in raw_seed(CHENGDU).splitlines() if line.strip()]
    return (lines * (count // len(lines) + 1))[:count]


def _docx_report(path: Path) -> None:
    document = docx.Document()
    for line in _report_lines(60):
        document.add_paragraph(line)
    document.save(path)


def _html_report(path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in _report_lines(60))
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><article>{body}</article></body></html>')


def _pdf_report(path: Path) -> None:
    path.write_bytes(pdf_with_content(b"BT /F1 12 Tf 14 TL " + b"(Rule of law report 2024) '\n" * 400 + b"ET"))


@pytest.mark.parametrize(
    ("name", "write"), [("r.docx", _docx_report), ("r.html", _html_report), ("r.pdf", _pdf_report)]
)
def test_too_much_extracted_text_is_refused_not_cut(tmp_path, name, write):
    path = tmp_path / name
    write(path)
    full = read(path)
    assert len(full) > 2000
    with pytest.raises(LoadError) as caught:
        read(path, Settings(max_extracted_chars=2000))
    assert "more than 2,000 characters of text (BOT_MAX_EXTRACTED_CHARS)" in caught.value.reason
    assert read(path, Settings(max_extracted_chars=len(full))) == full  # at the limit: read whole


def _big_stream_pdf() -> bytes:
    return pdf_with_content(b"BT /F1 12 Tf (a) Tj ET" + b" " * 70_000_000)  # 70 MB unpacked from 70 kB


def _many_paragraphs_docx() -> bytes:
    return docx_with_body(b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 500_000)  # 17 MB of XML (under 200 MB) in 90 kB


@pytest.mark.parametrize(("name", "build"), [("big.pdf", _big_stream_pdf), ("big.docx", _many_paragraphs_docx)])
def test_a_reader_that_needs_too_much_memory_is_stopped(tmp_path, name, build):
    path = tmp_path / name
    path.write_bytes(build())
    with pytest.raises(LoadError, match=r"more than 100 MB of memory to read \(BOT_PARSE_MEMORY_MB\)"):
        read(path, Settings(parse_memory_mb=100))


def test_plain_text_is_read_in_process_whatever_the_budget(tmp_path):
    path = tmp_path / CHENGDU
    shutil.copy(SEEDS / CHENGDU, path)
    assert read(path, Settings(parse_seconds=0.001, max_extracted_chars=10)) == raw_seed(CHENGDU)


def test_a_reader_whose_parent_is_gone_stops_at_its_own_cpu_limit(tmp_path):
    """The parent's deadline normally comes first; RLIMIT_CPU in the child is the backstop if it never does."""
    path = tmp_path / "slow.pdf"
    path.write_bytes(slow_pdf())
    command = [sys.executable, "-P", "-c", reader_process._BOOT, str(reader_process._PACKAGE_DIR), "read_pdf"]
    ended = subprocess.run([*command, str(path), "1", "1024", "100"], capture_output=True, timeout=GENEROUS)
    assert ended.returncode == -signal.SIGXCPU and ended.stdout == b""  # 2 s of CPU: ceil(1 s) + 1


@pytest.mark.parametrize(
    ("returncode", "out", "errors", "reason"),
    [
        (0, b"ok\n\xe6\xb3\x95\xe6\xb2\xbb", b"", None),
        (0, b"refused\nmalformed PDF (PdfReadError)", b"", "malformed PDF (PdfReadError)"),
        (-signal.SIGXCPU, b"", b"", "took longer than 3 s"),
        (-signal.SIGKILL, b"", b"", "took longer than 3 s"),
        (1, b"", b"Traceback (most recent call last):\n...\nMemoryError\n", "more than 100 MB of memory"),
        (-signal.SIGSEGV, b"", b"Fatal Python error: Segmentation fault", "stopped unexpectedly (exit code -11)"),
    ],
)
def test_what_the_child_said_or_why_it_said_nothing(returncode, out, errors, reason):
    if reason is None:
        assert reader_process._answer(returncode, out, errors, 3, 100) == "法治"
    else:
        with pytest.raises(Refused, match=re.escape(reason)):
            reader_process._answer(returncode, out, errors, 3, 100)
