"""Tests for gui.report.html: the self-contained HTML export."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from analysis.report import SECTION_IDS, build_report_data
from tests.analysis.report_corpus import HOSTILE_IMG, HOSTILE_TITLE, make_corpus

REMOTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


class Collector(HTMLParser):
    """Collects tags, attributes and text, and checks that the file nests properly."""

    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture(scope="module")
def parsed(qapp, corpus) -> tuple[str, Collector]:
    from analysis.compare import compare
    from gui.report.html import render_html

    data = build_report_data(corpus, compare(corpus), excerpt_sentences=10)
    html = render_html(data)
    collector = Collector()
    collector.feed(html)
    collector.close()
    assert collector.stack == []
    return html, collector


def test_no_script_and_no_remote_reference(parsed):
    html, doc = parsed
    assert "script" not in doc.tags
    assert "<script" not in html.lower()
    for tag, name, value in doc.attrs:
        assert not name.lower().startswith("on"), f"event handler on <{tag}>"
        if name in ("src", "href", "srcset", "action", "poster"):
            assert not REMOTE.match(value), f"<{tag} {name}={value!r}>"
            assert value.startswith(("#", "data:image/png;base64,")), value
    assert "@import" not in doc.style
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", doc.style)
    csp = [v for t, k, v in doc.attrs if t == "meta" and k == "content" and "default-src" in v]
    assert csp == ["default-src 'none'; img-src data:; style-src 'unsafe-inline'"]


def test_article_markup_shows_as_text(parsed):
    html, doc = parsed
    text = "".join(doc.text)
    assert HOSTILE_TITLE in text
    assert HOSTILE_IMG in text
    assert "&amp; left" in text, "an entity in the article stays an entity on screen"
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    # The article's <img> is text; the only images are the inline charts.
    assert all(v.startswith("data:") for t, k, v in doc.attrs if t == "img" and k == "src")


def test_every_section_and_outlet_is_present(parsed, corpus):
    html, doc = parsed
    ids = [v for t, k, v in doc.attrs if t == "section" and k == "id"]
    assert tuple(ids) == SECTION_IDS
    text = "".join(doc.text)
    for outlet in corpus.outlets:
        assert outlet in text


def test_highlights_carry_class_and_reason(parsed):
    html, doc = parsed
    marks = [v for t, k, v in doc.attrs if t == "mark" and k == "class"]
    assert {"hl-attribution", "hl-hedge", "hl-subjective"} <= set(marks)
    titles = [v for t, k, v in doc.attrs if t == "mark" and k == "title"]
    assert "A loaded verb for criticising" in titles
    # Every underline style of categories.tsv has its CSS rule.
    assert "text-decoration: underline wavy" in doc.style
    assert "text-decoration: underline dotted" in doc.style


def test_charts_are_inline_png(parsed):
    import base64

    html, doc = parsed
    images = [v for t, k, v in doc.attrs if t == "img" and k == "src"]
    assert len(images) >= 2
    for src in images:
        payload = base64.b64decode(src.split(",", 1)[1])
        assert payload.startswith(b"\x89PNG\r\n\x1a\n")


def test_write_html_is_one_file(qapp, corpus, tmp_path):
    from gui.report.html import write_html

    target = tmp_path / "report.html"
    write_html(build_report_data(corpus, None, sections=["articles"]), str(target))
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
