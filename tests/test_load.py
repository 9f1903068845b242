import zipfile
from pathlib import Path

import docx
import pytest
from conftest import raw_seed
from test_parse_budget import docx_with_body

from bot.ingest.clean import clean_text
from bot.ingest.load import LoadError, find_files, read

CHENGDU = "004_7cff85eaf4bcf1da.txt"
NEWS = "003_29ae86f9fcedda95.txt"


@pytest.mark.parametrize(("encoding", "seed"), [("utf-8", CHENGDU), ("gb18030", CHENGDU), ("big5", NEWS)])
def test_text_encodings_are_detected(tmp_path, encoding, seed):
    text = raw_seed(seed)
    if encoding == "big5":  # Big5 has no ASCII-compatible form of a few symbols the page uses.
        text = text.encode("big5", errors="ignore").decode("big5")
    path = tmp_path / f"report.{'md' if encoding == 'big5' else 'txt'}"
    path.write_bytes(text.encode(encoding))
    assert read(path) == text


def test_html_main_text_without_navigation(tmp_path):
    body = "\n".join(f"<p>{line}</p>" for line in raw_seed(CHENGDU).splitlines() if line.strip())
    nav = "".join(f'<li><a href="/{i}">导航链接{i}</a></li>' for i in range(30))
    page = (
        '<html><head><meta charset="utf-8"><title>成都市</title></head><body>'
        f'<header><ul class="nav">{nav}</ul></header><main><article>'
        "<h1>成都市人民政府关于2024年度法治政府建设情况的报告</h1>"
        f"{body}</article></main><footer>版权所有 网站地图 联系我们</footer></body></html>"
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    text = read(path)
    assert "全市走访服务企业超6.14万" in text
    assert "导航链接" not in text
    assert "网站地图" not in text


def test_docx_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    for line in raw_seed(CHENGDU).splitlines()[:8]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "行政应诉案件"
    table.rows[0].cells[1].text = "5652件"
    path = tmp_path / "report.docx"
    document.save(path)
    text = read(path)
    assert "成都市人民政府关于2024年度法治政府建设情况的报告" in text
    assert "行政应诉案件 5652件" in text


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
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


def test_pdf_text(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_minimal_pdf("Rule of law report 2024: 544 units published on time"))
    assert "544 units published on time" in read(path)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n  ", "empty"),
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "malformed PDF"),
        ("fake.docx", b"PK\x03\x04 not a zip", "not a valid .docx"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "unsupported file type"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        read(path)
    assert reason in str(caught.value)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (201 * 1024 * 1024))
    with pytest.raises(LoadError, match="zip bomb"):
        read(path)


def test_a_docx_table_python_docx_cannot_walk_is_a_load_error(tmp_path):
    path = tmp_path / "merged.docx"  # the top row continues a merge from a row above it, which is not there
    merged = b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    path.write_bytes(docx_with_body(b"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>" + merged + b"</w:tr></w:tbl>"))
    with pytest.raises(LoadError, match=r"not a valid \.docx file \(ValueError\)"):
        read(path)


def test_find_files_expands_folders(tmp_path, seeds_dir):
    (tmp_path / "notes.xyz").write_text("x")
    found = find_files([seeds_dir, tmp_path / "notes.xyz"])
    assert [p.name for p in found[:5]] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert found[-1] == Path(tmp_path / "notes.xyz")


def test_cleaning_after_gb18030_load_matches_utf8(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(raw_seed(CHENGDU).encode("gb18030"))
    assert clean_text(read(path)) == clean_text(raw_seed(CHENGDU))


def test_content_decides_the_reader_not_the_name(tmp_path):
    pdf = tmp_path / "named-text.txt"
    pdf.write_bytes(_minimal_pdf("Rule of law report 2024: 544 units published on time"))
    assert "544 units" in read(pdf)
    page = tmp_path / "saved-page.txt"
    body = "".join(f"<p>{line}</p>" for line in raw_seed(CHENGDU).splitlines()[:12] if line.strip())
    page.write_text(f"<!DOCTYPE html><html><body><article>{body}</article><script>x()</script></body></html>")
    text = read(page)
    assert "成都市人民政府关于2024年度法治政府建设情况的报告" in text and "<p>" not in text and "x()" not in text
    image = tmp_path / "scan.docx"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(LoadError, match="a PNG image, not a report"):
        read(image)
