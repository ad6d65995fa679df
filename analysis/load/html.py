"""Saved web pages (.html, .htm) and HTML dragged from a browser.

The article text comes from trafilatura, which keeps the main text and drops
navigation, scripts, adverts and comments; if it finds nothing, a simple
lxml extraction of the page's paragraphs is used instead. Nothing in the
page is executed or fetched: scripts, styles, frames, objects and SVG are
dropped unread, remote images and iframes are never requested, and huge
inline ``data:`` URIs are cut out before parsing so they cost neither time
nor memory. Pages with more than
:data:`~analysis.load.limits.MAX_HTML_ELEMENTS` elements (after that
clean-up) skip trafilatura, whose time and memory grow with the page, and
get the simple extraction with a warning. So do pages nested deeper than
:data:`MAX_HTML_DEPTH` levels (unclosed ``<div>`` or ``<font>`` tags), where
the parser would stop and drop the article: their nesting tags are removed
and the flat page is parsed again.

Metadata: title, author, date and canonical URL (trafilatura, then the
page's own ``<meta>`` and JSON-LD), and the site name used for outlet
detection: ``og:site_name``, the JSON-LD publisher's name, then
``application-name``.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from typing import Any

from analysis.errors import EmptyInputError, LoadError, NotTextError
from analysis.load.article import make_article
from analysis.load.encoding import NotTextData, decode_bytes
from analysis.load.files import read_bounded
from analysis.load.jsondata import MAX_WALK_DEPTH, BadJson, parse_json
from analysis.load.limits import MAX_HTML_ELEMENTS, MAX_HTML_FILE_BYTES
from analysis.model import Article

log = logging.getLogger(__name__)

#: Inline data longer than this is replaced before parsing.
_DATA_URI_RE = re.compile(r"data:[^\"'\s)>]{256,}")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
#: Script, style and comment contents and attribute values longer than this
#: are cut out before parsing: they are never article text, and libxml2
#: drops the rest of the page after one of more than 10 MB (issue 28).
#: JSON-LD blocks (scripts) above it are so ignored: metadata is small.
_MAX_INLINE_CHARS = 1_000_000
#: ``<?...>``, ending at the first ``>`` or before the next ``<`` (so linear).
_PROCESSING_INSTRUCTION_RE = re.compile(r"<\?[^<>]*>?")
_RAW_OPEN_RE = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_RAW_CLOSE_RE = {
    "script": re.compile(r"</script", re.IGNORECASE),
    "style": re.compile(r"</style", re.IGNORECASE),
    "": re.compile(r"-->"),
}
#: A quoted or bare attribute value over the limit. Each scan stops at the
#: value's closing quote, so the pattern is linear in the page.
_HUGE_ATTRIBUTE_RE = re.compile(
    rf"""=(\s*)(?:"[^"]{{{_MAX_INLINE_CHARS},}}"|'[^']{{{_MAX_INLINE_CHARS},}}'"""
    rf"""|[^\s"'<>=`]{{{_MAX_INLINE_CHARS},}})"""
)
#: Elements that never hold article text; removed before any extraction.
_NEVER_TEXT_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "object", "embed", "svg", "math",
    "template", "canvas", "video", "audio", "map",
)  # fmt: skip
#: Page furniture the fallback extraction removes too (trafilatura finds it itself).
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "figure")
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")
#: libxml2 stops at this depth and drops the rest of the page, article included.
MAX_HTML_DEPTH = 2048
#: Tags kept when a page nests deeper: the text blocks (which do not nest),
#: what must not become text (scripts, styles) and what holds the metadata.
_FLAT_KEEP = frozenset(
    {
        "html", "head", "body", "title", "meta", "link", "base", "script", "style",
        "noscript", "template", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "br",
    }
)  # fmt: skip
#: A start or end tag; each scan stops at the next "<" or ">", so linear.
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)[^<>]*>?")


def decode_html(data: bytes, path: str) -> str:
    """Decode a saved page: BOM, valid UTF-8, its declared charset, then the text rules.

    Valid UTF-8 wins over a declared single-byte charset: browsers often save
    pages as UTF-8 but keep the original ``<meta charset>``, and Latin-1 text
    is almost never valid UTF-8 by chance.
    """
    has_bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if not has_bom:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = _META_CHARSET_RE.search(data[:4096])
        if declared is not None:
            encoding = declared.group(1).decode("ascii", "replace").lower()
            # A UTF-16/32 declaration without a BOM is wrong by definition.
            if not encoding.startswith(("utf-16", "utf-32", "utf16", "utf32")):
                try:
                    return data.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    pass  # a wrong declaration is common; fall back to detection
    try:
        return decode_bytes(data).text
    except NotTextData as error:
        raise NotTextError(path, f"{error}, not a web page.") from error


def load_html_file(path: str | os.PathLike[str]) -> Article:
    """Load a saved web page."""
    shown = os.fspath(path)
    data = read_bounded(path, MAX_HTML_FILE_BYTES, "web pages")
    return load_html(decode_html(data, shown), path=shown)


def load_html(html: str, *, path: str, url: str = "") -> Article:
    """Make an article from an HTML string (a saved page or a browser drag)."""
    if len(html) > MAX_HTML_FILE_BYTES:
        from analysis.load.files import too_large

        raise too_large(
            path, len(html.encode("utf-8", "surrogatepass")), MAX_HTML_FILE_BYTES, "web pages"
        )
    html = _drop_oversized(_DATA_URI_RE.sub("data:,", html.replace("\x00", "")))
    if not html.strip():
        raise EmptyInputError(path, "it contains no text.")
    tree, flattened = _parse(html, path)
    del html  # the tree holds everything now; free the string on big pages
    meta = _page_metadata(tree)
    _unwrap_void_elements(tree)
    _drop_elements(tree, _NEVER_TEXT_TAGS)
    elements = sum(1 for _ in tree.iter())
    text = ""
    warnings: tuple[str, ...] = ()
    if flattened:
        warnings = (
            f"The page nests its elements more than {MAX_HTML_DEPTH:,} levels deep; its text "
            "was extracted simply, so menus or adverts may remain in it.",
        )
    elif elements <= MAX_HTML_ELEMENTS:
        text, extracted = _trafilatura(copy.deepcopy(tree), url or meta.get("url", ""))
        for key, value in extracted.items():
            if value and not meta.get(key):
                meta[key] = value
    else:
        # trafilatura needs about 0.1 ms and 5 KB per element: a page this
        # big gets the simple extraction instead, which is linear and lean.
        warnings = (
            f"The page is very large ({elements:,} elements); its text was extracted "
            "simply, so menus or adverts may remain in it.",
        )
    if url:
        meta["url"] = url
    if not text.strip():
        text = _fallback_text(tree)
    if not text.strip():
        raise EmptyInputError(path, "the page contains no article text (only markup or scripts).")
    site_name = meta.pop("site_name", "")
    return make_article(text, path=path, meta=meta, site_name=site_name, warnings=warnings)


def _drop_oversized(html: str) -> str:
    """Cut out script, style and comment contents and attribute values over the limit.

    One pass, linear in the page; the elements themselves stay (empty), so
    the page's structure and its article are unchanged.
    """
    if len(html) <= _MAX_INLINE_CHARS:
        return html
    html = _HUGE_ATTRIBUTE_RE.sub(r'=\1""', html)
    out: list[str] = []
    pos = 0
    while (opened := _RAW_OPEN_RE.search(html, pos)) is not None:
        tag = (opened.group(1) or "").lower()
        start = opened.end() if not tag else html.find(">", opened.end()) + 1
        if start == 0:
            break  # an unclosed start tag at the very end
        closed = _RAW_CLOSE_RE[tag].search(html, start)
        end = closed.start() if closed is not None else len(html)
        out.append(html[pos:start])
        if end - start <= _MAX_INLINE_CHARS:
            out.append(html[start:end])
        pos = end
        if closed is None:
            break
    out.append(html[pos:])
    return "".join(out)


def _unwrap_void_elements(tree: Any) -> None:
    """Free what the HTML parser nests inside ``<embed>`` (issue 8).

    ``<embed src=...>`` is a void element (it never has content), but
    libxml2 puts everything after an unclosed one inside it, so dropping it
    with the other never-text elements would drop the article that follows.
    Unwrapping removes the element and keeps what it wrongly holds.
    """
    from lxml import etree

    etree.strip_tags(tree, "embed")


def _drop_elements(tree: Any, tags: tuple[str, ...]) -> None:
    """Remove elements and comments, keeping the text that follows them.

    lxml's ``strip_elements`` works in one pass; removing elements one by
    one costs time quadratic in the number of siblings (a page of 500,000
    comments would take hours).
    """
    from lxml import etree

    etree.strip_elements(tree, etree.Comment, *tags, with_tail=False)


def _parse(html: str, path: str) -> tuple[Any, bool]:
    """The page's tree, and whether it had to be flattened (see :func:`_flattened`)."""
    import lxml.html
    from lxml import etree

    # huge_tree: up to MAX_HTML_DEPTH levels instead of 256, where a page
    # of unclosed <div>s or <font>s would lose its article.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        # Processing instructions go: an XML declaration with an encoding makes
        # lxml refuse a str, and libxml2 takes time quadratic in an unclosed one
        # ("<?xml" and 100 KB of spaces: 17 s). HTML has no use for them.
        cleaned = _PROCESSING_INSTRUCTION_RE.sub("", html)
        tree = lxml.html.document_fromstring(cleaned, parser=parser)
        if not any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            return tree, False
        return lxml.html.document_fromstring(_flattened(cleaned), parser=parser), True
    except (etree.ParserError, ValueError) as error:
        raise LoadError(path, "the page could not be read as HTML.") from error


def _flattened(html: str) -> str:
    """``html`` without the tags that nest (all but :data:`_FLAT_KEEP`): a flat page."""
    return _TAG_RE.sub(lambda tag: tag.group() if tag.group(1).lower() in _FLAT_KEEP else " ", html)


def _first(tree: Any, xpath: str) -> str:
    for value in tree.xpath(xpath):
        text = " ".join(str(value).split())
        if text:
            return text
    return ""


def _page_metadata(tree: Any) -> dict[str, str]:
    """Site name, title, author, date and canonical URL declared in the page head."""
    meta: dict[str, str] = {}
    json_ld = _json_ld(tree)
    site_name = (
        _first(tree, '//meta[@property="og:site_name"]/@content')
        or _first(tree, '//meta[@name="og:site_name"]/@content')
        or json_ld.get("publisher", "")
        or _first(tree, '//meta[@name="application-name"]/@content')
    )
    meta["site_name"] = site_name
    meta["title"] = (
        _first(tree, '//meta[@property="og:title"]/@content')
        or json_ld.get("headline", "")
        or _first(tree, "//title/text()")
    )
    meta["author"] = _first(tree, '//meta[@name="author"]/@content') or json_ld.get("author", "")
    meta["date"] = _first(
        tree, '//meta[@property="article:published_time"]/@content'
    ) or json_ld.get("datePublished", "")
    meta["url"] = _first(tree, '//link[@rel="canonical"]/@href') or _first(
        tree, '//meta[@property="og:url"]/@content'
    )
    return meta


def _json_ld(tree: Any) -> dict[str, str]:
    """Publisher name, headline, author and date from the page's JSON-LD, if any."""
    found: dict[str, str] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        if len(raw) > _MAX_INLINE_CHARS:
            continue
        try:
            data = parse_json(raw)
        except BadJson:
            continue  # metadata is optional: a broken or hostile block is ignored
        for item in _ld_items(data):
            for key in ("headline", "datePublished"):
                value = item.get(key)
                if isinstance(value, str) and key not in found:
                    found[key] = value
            publisher = _ld_name(item.get("publisher"))
            if publisher and "publisher" not in found:
                found["publisher"] = publisher
            author = _ld_name(item.get("author"))
            if author and "author" not in found:
                found["author"] = author
    return found


def _ld_items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD value: itself, its list entries and ``@graph`` entries.

    Iterative and bounded in depth: a block nested hundreds deep is read
    down to :data:`~analysis.load.jsondata.MAX_WALK_DEPTH` and no further.
    """
    items: list[dict[str, Any]] = []
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_WALK_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((entry, depth + 1) for entry in reversed(value))
        elif isinstance(value, dict):
            items.append(value)
            graph = value.get("@graph")
            if isinstance(graph, list):
                items += [entry for entry in graph if isinstance(entry, dict)]
    return items


def _ld_name(value: Any, depth: int = 0) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and depth < MAX_WALK_DEPTH:
        names = [_ld_name(v, depth + 1) for v in value]
        return ", ".join(n for n in names if n)
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) else ""
    return ""


def _trafilatura(html: Any, url: str) -> tuple[str, dict[str, str]]:
    """Main text (paragraphs separated by blank lines) and metadata from trafilatura."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Only dates the page declares; a guessed "Copyright 2024" is worse than none.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # noqa: BLE001 - on odd markup, use the fallback
        log.warning("trafilatura failed (%r); using the simple extraction", error)
        return "", {}
    if document is None:
        return "", {}
    data: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    text = str(data.get("text") or "")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    extracted = {
        key: str(data.get(key) or "").strip() for key in ("title", "author", "date", "url")
    }
    return "\n\n".join(paragraphs), extracted


def _fallback_text(tree: Any) -> str:
    """The text of the page's headings and paragraphs, without scripts and page furniture."""
    _drop_elements(tree, _FURNITURE_TAGS)
    blocks = [
        " ".join(b.text_content().split())
        for b in tree.xpath("|".join(f"//{tag}" for tag in _BLOCK_TAGS))
    ]
    blocks = [b for b in blocks if b]
    if blocks:
        return "\n\n".join(blocks)
    body = tree.find("body")
    root = body if body is not None else tree
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)
