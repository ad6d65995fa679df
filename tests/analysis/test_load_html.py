"""Saved pages keep their article past oversized or deeply nested parts (issue 28 item 2)."""

from __future__ import annotations

import pytest

from analysis.load import load_html_string
from tests.analysis.loadfiles import story

MB = 1024 * 1024


def _page(head: str = "", body: str = "") -> str:
    return (
        f"<html><head><title>Bridge closes</title>{head}</head><body>{body}"
        f"<article><p>{story(1)}</p><p>{story(2)}</p></article></body></html>"
    )


OVERSIZED = {
    "inline script of 11 MB": _page(body="<script>var a='" + "x" * (11 * MB) + "';</script>"),
    "unclosed script of 11 MB after the article": _page() + "<script>" + "x" * (11 * MB),
    "attribute of 11 MB": _page(body="<div data-x='" + "y" * (11 * MB) + "'>z</div>"),
    "bare attribute of 11 MB": _page(body="<div data-x=" + "y" * (11 * MB) + ">z</div>"),
    "style of 11 MB": _page(head="<style>" + "a{}" * (4 * MB) + "</style>"),
    "comment of 11 MB": _page(body="<!--" + "c" * (11 * MB) + "-->"),
}


@pytest.mark.parametrize("name", sorted(OVERSIZED))
def test_an_oversized_part_of_a_12_mb_page_does_not_lose_the_article(name: str) -> None:
    article = load_html_string(OVERSIZED[name], path=f"{name}.html")
    assert "report 1 of the series" in article.text
    assert "report 2 of the series" in article.text


DEEP = {
    "array nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "object nested 50,000 deep": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "lists nested 900 deep around the metadata": "[" * 900 + '{"headline": "H"}' + "]" * 900,
    "a 5,000-digit number": '{"headline": "H", "wordCount": ' + "9" * 5000 + "}",
    "authors nested 900 deep": '{"author": ' + "[" * 900 + '"A"' + "]" * 900 + "}",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_hostile_json_ld_is_skipped_and_the_page_loads(name: str) -> None:
    block = f'<script type="application/ld+json">{DEEP[name]}</script>'
    article = load_html_string(_page(head=block), path="page.html")
    assert "report 1 of the series" in article.text


def test_json_ld_metadata_is_still_read() -> None:
    block = (
        '<script type="application/ld+json">{"@graph": [{"headline": "Bridge closes",'
        ' "publisher": {"name": "The Valley Gazette"}, "author": [{"name": "Ann Lee"}]}]}'
        "</script>"
    )
    article = load_html_string(_page(head=block), path="page.html")
    assert article.outlet == "The Valley Gazette"
    assert article.author == "Ann Lee"


def test_scripts_under_the_limit_are_left_to_the_parser() -> None:
    from analysis.load.html import _drop_oversized

    page = _page(body="<script>" + "x" * 1000 + "</script>") + " " * (2 * MB)
    assert _drop_oversized(page) == page


def _nested(depth: int, tag: str, closed: bool) -> str:
    head = '<script type="application/ld+json">{"author": {"name": "Ann Lee"}}</script>'
    inner = f"<p>{story(1)}</p><script>var t = '<p>no article text</p>';</script><p>{story(2)}</p>"
    return (
        f"<html><head><title>Bridge closes</title>{head}</head><body>"
        + f"<{tag}>" * depth
        + inner
        + (f"</{tag}>" * depth if closed else "")
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [300, 2000, 2100, 100_000])
@pytest.mark.parametrize(("tag", "closed"), [("div", True), ("font", False), ("section", False)])
def test_an_article_nested_deeper_than_the_parser_goes_is_kept(
    depth: int, tag: str, closed: bool
) -> None:
    article = load_html_string(_nested(depth, tag, closed), path="deep.html")
    assert "report 1 of the series" in article.text
    assert "report 2 of the series" in article.text
    assert "no article text" not in article.text
    assert article.author == "Ann Lee"
    # Beyond the parser's depth the text is extracted simply, and the user is told.
    assert any("levels deep" in w for w in article.warnings) == (depth > 2048)
