"""Tests for analysis.load: every file type, front matter, encodings, batches."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from analysis.errors import (
    CancelledError,
    EmptyInputError,
    EncryptedError,
    LoadError,
    NoTextLayerError,
    NotTextError,
    TooLargeError,
    UnsupportedTypeError,
)
from analysis.load import (
    expand_inputs,
    load_html_string,
    load_many,
    load_path,
    load_text,
)
from analysis.load.encoding import decode_bytes, normalise_text
from analysis.load.frontmatter import split_front_matter
from analysis.load.pdf import join_lines, join_pages
from tests.analysis.loadfiles import (
    OTHER_STORY,
    STORY,
    story,
    write_docx,
    write_image_only_pdf,
    write_pdf,
    write_pdf_stream_bomb,
    write_zip_bomb_docx,
)

ACCENTED = "The minister’s “plan” was called naïve — café owners said it was déjà vu."


# --- plain text, front matter, Markdown -------------------------------------


def test_txt_loads_text_and_strips_surrounding_blank_space(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n" + STORY + "\n\n\n", encoding="utf-8")
    article = load_path(path)
    assert article.text == STORY
    assert article.path == str(path)
    assert article.outlet == "Unknown"
    assert article.outlet_source == "unknown"
    assert article.language == "en"
    assert article.warnings == ()


def test_yaml_front_matter_wins_and_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\noutlet: The Northfield Courier\ntitle: Bridge to close\nauthor: Ann Writer\n"
        'date: 2024-05-02\nurl: "https://www.bbc.co.uk/news/x"\n---\n(Reuters) - ' + STORY,
        encoding="utf-8",
    )
    article = load_path(path)
    assert article.outlet == "The Northfield Courier"
    assert article.outlet_source == "front matter"
    assert (article.title, article.author, article.date) == (
        "Bridge to close",
        "Ann Writer",
        "2024-05-02",
    )
    assert article.url == "https://www.bbc.co.uk/news/x"
    assert article.text.startswith("(Reuters) - The council")
    assert "outlet:" not in article.text


def test_plain_key_value_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Outlet: Harbour Daily\nTitle: Bridge\n\n" + STORY, encoding="utf-8")
    article = load_path(path)
    assert (article.outlet, article.outlet_source, article.title) == (
        "Harbour Daily",
        "front matter",
        "Bridge",
    )
    assert article.text == STORY


def test_front_matter_url_alone_gives_domain_outlet(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("url: https://edition.cnn.com/2024/05/02/world/x\n\n" + STORY, "utf-8")
    article = load_path(path)
    assert (article.outlet, article.outlet_source) == ("CNN", "domain")


@pytest.mark.parametrize(
    "text",
    [
        "Updated: 5 pm\n\n" + STORY,  # not a front-matter key
        "Title: the bridge closes\nand the town waits.\n\n" + STORY,  # runs into prose
        "---\n\nA paragraph after a rule.\n",  # a Markdown rule, not a block
    ],
)
def test_text_that_only_looks_like_front_matter_is_kept(text: str) -> None:
    meta, body = split_front_matter(text)
    assert meta == {}
    assert body == text


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Bridge closes\n\nThe **council** voted, see [the notice](https://x.example/n).\n\n"
        "![a photo](photo.png)\n\n---\n\nThe end.\n",
        encoding="utf-8",
    )
    article = load_path(path)
    assert article.text.startswith("Bridge closes\n\nThe council voted, see the notice.")
    assert "photo.png" not in article.text
    assert "**" not in article.text
    assert "---" not in article.text


# --- encodings ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32", "cp1252"])  # fmt: skip
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((ACCENTED + "\n\n" + STORY).encode(encoding))
    assert load_path(path).text == ACCENTED + "\n\n" + STORY


def test_latin1_file(tmp_path: Path) -> None:
    text = "Le café de la gare était fermé, said the owner of the crème brûlée stand. " * 3
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_path(path).text == text.strip()


def test_mixed_utf8_and_cp1252_keeps_both_and_warns() -> None:
    data = ACCENTED.encode("utf-8") + b"\n" + "Café crème".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.text == ACCENTED + "\nCafé crème"
    assert any("encodings" in w for w in decoded.warnings)


def test_cyrillic_single_byte_encoding_is_detected() -> None:
    text = "Президент заявил сегодня, что переговоры о мире должны начаться как можно скорее."
    assert decode_bytes(text.encode("cp1251")).text == text


def test_newlines_normalised_and_nul_bytes_removed_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"One line.\r\nTwo\x00 line.\rThree line.\n" + STORY.encode())
    article = load_path(path)
    assert article.text.startswith("One line.\nTwo line.\nThree line.\n")
    assert "\r" not in article.text and "\x00" not in article.text
    assert any("NUL" in w for w in article.warnings)


def test_normalise_text_is_idempotent() -> None:
    once = normalise_text("a\r\n\r\nb\x00\x07c\rd")
    assert once == "a\n\nbc\nd"
    assert normalise_text(once) == once


# --- errors for plain files ---------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as caught:
        load_path(path)
    assert str(path) in str(caught.value)
    assert "no text" in caught.value.reason


@pytest.mark.parametrize(
    ("content", "words"),
    [(os.urandom(4096), "binary data"), (b"%PDF-1.7\n" + os.urandom(500), "a PDF document")],
)
def test_binary_renamed_txt_is_not_text(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(content)
    with pytest.raises(NotTextError) as caught:
        load_path(path)
    assert words in caught.value.reason


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(UnsupportedTypeError, match=r"'\.xlsx' files"):
        load_path(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no longer exists"):
        load_path(tmp_path / "gone.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    path.chmod(0)
    with pytest.raises(LoadError, match="permission denied"):
        load_path(path)


def test_too_large_text_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.load import files

    monkeypatch.setattr("analysis.load.text.MAX_TEXT_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    reads: list[int] = []
    real_open = open

    class Spy:
        def __init__(self, handle: object) -> None:
            self._handle = handle

        def __enter__(self) -> Spy:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()  # type: ignore[attr-defined]

        def fileno(self) -> int:
            return self._handle.fileno()  # type: ignore[attr-defined,no-any-return]

        def read(self, n: int = -1) -> bytes:
            reads.append(n)
            return self._handle.read(n)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(files, "open", lambda p, m: Spy(real_open(p, m)), raising=False)
    with pytest.raises(TooLargeError) as caught:
        load_path(path)
    assert reads == []
    assert "4.9 KB" in caught.value.reason and "1000 bytes" in caught.value.reason


def test_pipe_named_txt_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(LoadError, match="not a regular file"):
        load_path(path)
    files, failures = expand_inputs([path])
    assert files == [] and "not a regular file" in failures[0].error


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(LoadError, match="folder"):
        load_path(tmp_path / "folder.txt")


# --- pasted text and HTML -----------------------------------------------------


def test_load_text_keeps_text_and_user_metadata() -> None:
    article = load_text("  " + STORY + "\r\n", outlet="Harbour Daily", title="Bridge")
    assert article.text == STORY
    assert article.path == "<pasted>"
    assert (article.outlet, article.outlet_source, article.title) == (
        "Harbour Daily",
        "user",
        "Bridge",
    )


def test_load_text_detects_outlet_when_none_given() -> None:
    article = load_text("(Reuters) - " + STORY)
    assert (article.outlet, article.outlet_source) == ("Reuters", "text signature")
    article = load_text(STORY, url="https://www.theguardian.com/uk/x")
    assert (article.outlet, article.outlet_source) == ("The Guardian", "domain")


def test_load_text_does_not_read_front_matter() -> None:
    text = "Outlet: Not A Header\n\n" + STORY
    assert load_text(text).text == text


def test_load_text_empty() -> None:
    with pytest.raises(EmptyInputError, match="<pasted>"):
        load_text(" \n\t")


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Bridge closes | Harbour Daily</title>
<meta property="og:title" content="Northfield bridge to close for repairs">
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<link rel="canonical" href="https://news.harbourdaily.example/bridge">
{site}
<script>document.body.innerHTML = "INJECTED";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport news</a></nav>
<div class="ad">Buy cheap ferry tickets now! Special offer for the brave.</div>
<iframe src="https://ads.example/frame"></iframe>
<article><h1>Northfield bridge to close for repairs</h1>
{paragraphs}
<img src="https://remote.example/photo.jpg">
</article>
<footer>Copyright 2024 Harbour Daily. All rights reserved.</footer>
</body></html>"""


def page(site: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    return PAGE.format(site=site, paragraphs=paragraphs)


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page('<meta property="og:site_name" content="Harbour Daily">'), "utf-8")
    article = load_path(path)
    for paragraph in STORY.split("\n\n"):
        assert paragraph in article.text
    for noise in ("INJECTED", "color: red", "Sport news", "Buy cheap", "All rights reserved"):
        assert noise not in article.text
    assert article.title == "Northfield bridge to close for repairs"
    assert article.author == "Ann Writer"
    assert article.date.startswith("2024-05-02")
    assert article.url == "https://news.harbourdaily.example/bridge"
    assert (article.outlet, article.outlet_source) == ("Harbour Daily", "html metadata")


def test_html_site_name_of_known_outlet_is_canonical() -> None:
    html = page('<meta property="og:site_name" content="bbc.co.uk">')
    assert load_html_string(html, path="<drop>").outlet == "BBC News"


def test_html_json_ld_publisher_then_application_name() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "publisher": {"@type": "Organization", '
        '"name": "Ferry Times"}}]}</script>'
    )
    article = load_html_string(page(json_ld), path="<drop>")
    assert (article.outlet, article.outlet_source) == ("Ferry Times", "html metadata")
    app = '<meta name="application-name" content="Port Gazette">'
    assert load_html_string(page(app), path="<drop>").outlet == "Port Gazette"


def test_html_url_argument_gives_domain() -> None:
    html = page().replace("news.harbourdaily.example", "www.reuters.com")
    article = load_html_string(html, path="<drop>")
    assert (article.outlet, article.outlet_source) == ("Reuters", "domain")
    article = load_html_string(page(), path="<drop>", url="https://edition.cnn.com/x")
    assert (article.outlet, article.url) == ("CNN", "https://edition.cnn.com/x")


def test_html_without_paragraphs_uses_fallback_text() -> None:
    html = "<html><body><div>Just one short line of text.</div><script>x()</script></body></html>"
    assert load_html_string(html, path="<drop>").text == "Just one short line of text."


@pytest.mark.parametrize("html", ["", "<html><head><script>var a = 1;</script></head></html>"])
def test_html_without_text(html: str) -> None:
    with pytest.raises(EmptyInputError):
        load_html_string(html, path="<drop>")


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    html = page().replace('charset="utf-8"', 'charset="windows-1252"')
    html = html.replace("Commuters", "Café-goers and commuters")
    path.write_bytes(html.encode("cp1252"))
    assert "Café-goers" in load_path(path).text


def test_html_saved_as_utf8_with_a_stale_latin1_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = page().replace('charset="utf-8"', 'charset="iso-8859-1"')
    path.write_bytes(html.replace("Commuters", "Café-goers").encode("utf-8"))
    assert "Café-goers" in load_path(path).text


def test_binary_renamed_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(os.urandom(5000))
    with pytest.raises(NotTextError, match="not a web page"):
        load_path(path)


# --- PDF ------------------------------------------------------------------------


def test_pdf_text_metadata_and_paragraphs(tmp_path: Path) -> None:
    paragraphs = STORY.split("\n\n")
    path = write_pdf(tmp_path / "a.pdf", paragraphs, title="Bridge", author="Ann Writer")
    article = load_path(path)
    assert article.text.split("\n\n") == paragraphs
    assert (article.title, article.author) == ("Bridge", "Ann Writer")


def test_multi_page_pdf_keeps_every_word_once(tmp_path: Path) -> None:
    paragraphs = [f"Part {n}. " + STORY.replace("\n\n", " ") for n in range(12)]
    path = write_pdf(tmp_path / "long.pdf", paragraphs)
    article = load_path(path)
    assert " ".join(article.text.split()) == " ".join(" ".join(paragraphs).split())


def test_pdf_outlet_from_dateline(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", ["(Bloomberg) -- " + STORY.replace("\n\n", " ")])
    assert load_path(path).outlet == "Bloomberg"


def test_join_lines_dehyphenates_and_drops_page_numbers() -> None:
    text = (
        "The council said the government would pay\nfor the repairs of the bridge, which will\n"
        "take three months, and that the govern-\nment had agreed.\n"
        "A new paragraph begins here and goes on\nfor a while.\n12\n"
    )
    assert join_lines(text) == (
        "The council said the government would pay for the repairs of the bridge, which will "
        "take three months, and that the government had agreed.\n\n"
        "A new paragraph begins here and goes on for a while."
    )


def test_join_pages_drops_running_heads_and_mends_page_breaks() -> None:
    words = ["Ferries", "Bridges", "Harbours", "Councils"]
    pages = [
        f"The Harbour Gazette\n{word} were discussed at length by the commit-\nPage {n} of 4"
        for n, word in enumerate(words, start=1)
    ]
    pages[1] = "The Harbour Gazette\ntee, which met on Monday.\nPage 2 of 4"
    assert join_pages(pages) == (
        "Ferries were discussed at length by the committee, which met on Monday.\n\n"
        "Harbours were discussed at length by the commit-\n\n"
        "Councils were discussed at length by the commit-"
    )


def test_join_pages_keeps_lines_of_short_documents() -> None:
    assert join_pages(["Title\nText one.", "Title\nText two."]) == (
        "Title Text one.\n\nTitle Text two."
    )


def test_join_lines_keeps_real_hyphens_before_capitals() -> None:
    assert join_lines("a pro-\nRussian group") == "a pro-Russian group"


def test_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", [STORY.replace("\n\n", " ")], encrypt_user_password="")
    assert "harbour bridge" in load_path(path).text


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", [STORY], encrypt_user_password="secret")
    with pytest.raises(EncryptedError, match="password"):
        load_path(path)


def test_image_only_pdf(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError, match="no text layer"):
        load_path(write_image_only_pdf(tmp_path / "scan.pdf"))


@pytest.mark.parametrize("cut", [0, 400, -200])
def test_truncated_and_fake_pdfs(tmp_path: Path, cut: int) -> None:
    data = write_pdf(tmp_path / "full.pdf", [STORY]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:cut] if cut else os.urandom(3000))
    with pytest.raises(LoadError) as caught:
        load_path(path)
    assert str(path) in str(caught.value)


def test_pdf_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = write_pdf_stream_bomb(tmp_path / "bomb.pdf", unpacked_mb=120)
    with pytest.raises(LoadError, match="none of its pages could be read"):
        load_path(path)


def test_pdf_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("analysis.load.pdf.MAX_PDF_PAGES", 1)
    path = write_pdf(tmp_path / "a.pdf", [STORY.replace("\n\n", " ")] * 12)
    with pytest.raises(TooLargeError, match="pages; FrameLens reads PDFs of up to 1 pages"):
        load_path(path)


# --- DOCX -----------------------------------------------------------------------


def test_docx_paragraphs_and_properties(tmp_path: Path) -> None:
    paragraphs = STORY.split("\n\n")
    path = write_docx(tmp_path / "a.docx", paragraphs, title="Bridge", author="Ann Writer")
    article = load_path(path)
    assert article.text.split("\n\n") == paragraphs
    assert (article.title, article.author) == ("Bridge", "Ann Writer")


def test_docx_tables_are_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(OTHER_STORY)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ferry"
    table.cell(0, 1).text = "Every twenty minutes"
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert load_path(path).text.endswith("Ferry | Every twenty minutes")


@pytest.mark.parametrize(
    "content", [b"PK\x03\x04" + b"broken" * 50, b"not a zip at all", b"\x00" * 100]
)
def test_corrupt_docx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(LoadError, match="damaged or is not really a .docx"):
        load_path(path)


def test_docx_with_oversized_xml_part_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("analysis.load.docx.MAX_DOCX_XML_PART_BYTES", 200_000)
    path = write_docx(tmp_path / "a.docx", [STORY] * 500)
    with pytest.raises(TooLargeError, match="word/document.xml"):
        load_path(path)


def test_zip_without_word_document_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="damaged"):
        load_path(path)


@pytest.mark.parametrize(("megabytes", "words"), [(300, "unpack to 300.0 MB"), (120, "compressed")])
def test_docx_zip_bomb_refused_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, megabytes: int, words: str
) -> None:
    path = write_zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=megabytes)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("python-docx must not be reached")

    monkeypatch.setattr("analysis.load.docx._open_document", never)
    with pytest.raises(TooLargeError) as caught:
        load_path(path)
    assert words in caught.value.reason
    assert "zip bomb" in caught.value.reason


# --- many files -----------------------------------------------------------------


def test_expand_inputs_recurses_sorted_and_skips_quietly(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(story(2))
    (tmp_path / "b" / "1.md").write_text(story(1))
    (tmp_path / "a.html").write_text(page())
    (tmp_path / ".hidden.txt").write_text(story(3))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(story(4))
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    files, failures = expand_inputs([tmp_path])
    assert files == [tmp_path / "a.html", tmp_path / "b" / "1.md", tmp_path / "b" / "2.txt"]
    assert failures == []


def test_expand_inputs_skips_the_folder_a_browser_saves_next_to_a_page(tmp_path: Path) -> None:
    (tmp_path / "Story.html").write_text(page())
    (tmp_path / "Story_files").mkdir()
    (tmp_path / "Story_files" / "ad-frame.html").write_text(page())
    (tmp_path / "Other_files").mkdir()
    (tmp_path / "Other_files" / "kept.txt").write_text(STORY)
    files, _ = expand_inputs([tmp_path])
    assert files == [tmp_path / "Other_files" / "kept.txt", tmp_path / "Story.html"]


def test_expand_inputs_deep_folders(tmp_path: Path) -> None:
    import inspect
    import shutil
    import sys

    root = tmp_path / "deep"
    folder = root
    for _ in range(200):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text(STORY)
    limit = sys.getrecursionlimit()
    # Deeper than the recursion limit allows: the walk must not recurse.
    sys.setrecursionlimit(len(inspect.stack()) + 100)
    try:
        files, failures = expand_inputs([root])
    finally:
        sys.setrecursionlimit(limit)
        shutil.rmtree(root)  # keep pytest's own clean-up of tmp folders shallow
    assert files == [folder / "deep.txt"] and failures == []


def test_expand_inputs_explicit_files_keep_order_and_report_problems(tmp_path: Path) -> None:
    good = tmp_path / "z.txt"
    good.write_text(STORY)
    other = tmp_path / "a.txt"
    other.write_text(OTHER_STORY)
    (tmp_path / "sheet.xlsx").write_bytes(b"x")
    files, failures = expand_inputs([good, str(tmp_path / "sheet.xlsx"), tmp_path / "no.txt",
                                     other, good])  # fmt: skip
    assert files == [good, other]
    assert [f.path for f in failures] == [str(tmp_path / "sheet.xlsx"), str(tmp_path / "no.txt")]
    assert "does not read '.xlsx' files" in failures[0].error
    assert "no longer exists" in failures[1].error


def test_expand_inputs_survives_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(STORY)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    files, failures = expand_inputs([folder, folder / "sub" / "loop"])
    assert files == [folder / "sub" / "a.txt"]
    assert failures == []


def test_load_many_keeps_order_reports_failures_progress(tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(story(n))
        paths.append(path)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    calls: list[tuple[int, int]] = []
    articles, failures = load_many(
        [paths[2], empty, paths[0], paths[1]], progress=lambda d, t: calls.append((d, t))
    )
    assert [a.path for a in articles] == [str(paths[2]), str(paths[0]), str(paths[1])]
    assert [(f.path, f.error) for f in failures] == [(str(empty), "it contains no text.")]
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_load_many_duplicates_keep_the_first(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(STORY)
    second = tmp_path / "b.md"
    second.write_text("\n" + STORY.replace("\n\n", "\n\n\n").upper() + "  \n")
    articles, failures = load_many([first, second])
    assert [a.path for a in articles] == [str(first)]
    assert failures[0].path == str(second)
    assert failures[0].error.startswith(f"duplicate of {first}")


def test_load_many_cancel(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(story(n))
    done: list[int] = []
    with pytest.raises(CancelledError):
        load_many([tmp_path], progress=lambda d, t: done.append(d), cancel=lambda: len(done) > 2)
    assert done == [0, 1, 2]


def test_load_many_turns_unexpected_errors_into_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)

    def boom(data: bytes) -> None:
        raise RuntimeError("decoder exploded")

    monkeypatch.setattr("analysis.load.text.decode_bytes", boom)
    articles, failures = load_many([path])
    assert articles == []
    assert "decoder exploded" in failures[0].error


def test_bom_constants_cover_utf32_before_utf16() -> None:
    # The UTF-32-LE BOM begins with the UTF-16-LE one: it must be tried first.
    assert codecs.BOM_UTF32_LE.startswith(codecs.BOM_UTF16_LE)
    assert decode_bytes("x y".encode("utf-32-le").join([codecs.BOM_UTF32_LE, b""])).text == "x y"


def test_expand_inputs_skips_a_folders_readme_but_loads_it_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "README.md").write_text("# Articles collected for class\n", encoding="utf-8")
    (folder / "LICENSE.txt").write_text("All rights reserved.\n", encoding="utf-8")
    (folder / "report.txt").write_text("The council voted on Tuesday.\n", encoding="utf-8")
    found, failures = expand_inputs([folder])
    assert [p.name for p in found] == ["report.txt"]
    assert failures == []
    found, failures = expand_inputs([folder / "README.md"])
    assert [p.name for p in found] == ["README.md"]


def test_load_many_in_a_process_pool_matches_in_process(tmp_path: Path) -> None:
    """The app parses files in worker processes; the result must not change."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from analysis.load import load_many

    (tmp_path / "a.txt").write_text("outlet: North Post\n\nThe council voted on Tuesday.\n")
    (tmp_path / "b.txt").write_text("The council voted on Tuesday.\n")  # same text as a.txt
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    (tmp_path / "d.md").write_text("# Harbour\n\nWorkers protested outside the hall.\n")
    (tmp_path / "e.txt").write_text("   \n")
    paths = [tmp_path / name for name in ("a.txt", "b.txt", "c.txt", "d.md", "e.txt")]
    expected = load_many(paths)
    seen: list[tuple[int, int]] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as executor:
        got = load_many(paths, executor=executor, progress=lambda d, t: seen.append((d, t)))
    assert got == expected
    assert [a.path for a in got[0]] == [str(tmp_path / "a.txt"), str(tmp_path / "d.md")]
    assert {f.path for f in got[1]} == {str(tmp_path / n) for n in ("b.txt", "c.txt", "e.txt")}
    assert seen[-1] == (5, 5)
