"""Plain text and Markdown files, and pasted text."""

from __future__ import annotations

import os
import re
from pathlib import Path

from analysis.errors import NotTextError
from analysis.load.article import make_article
from analysis.load.encoding import NotTextData, decode_bytes
from analysis.load.files import read_bounded
from analysis.load.frontmatter import split_front_matter
from analysis.load.limits import MAX_TEXT_FILE_BYTES
from analysis.model import Article

_MD_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE_RE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    """Remove the Markdown markup that would otherwise be read as words.

    Headings lose their ``#``, links keep their words, images and
    horizontal rules go, ``**bold**`` loses its stars. Everything else,
    including quotation marks and single ``*``, is left alone.
    """
    text = _MD_IMAGE_RE.sub("", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _MD_HEADING_RE.sub(r"\1", text)
    text = _MD_EMPHASIS_RE.sub(r"\2", text)
    return _MD_RULE_RE.sub("", text)


def load_text_file(path: str | os.PathLike[str]) -> Article:
    """Load a .txt or .md file: decode, read front matter, build the article."""
    shown = os.fspath(path)
    data = read_bounded(path, MAX_TEXT_FILE_BYTES, "text files")
    try:
        decoded = decode_bytes(data)
    except NotTextData as error:
        raise NotTextError(shown, f"{error}; FrameLens cannot read it as an article.") from error
    meta, body = split_front_matter(decoded.text)
    if Path(path).suffix.lower() in (".md", ".markdown"):
        body = markdown_to_text(body)
    return make_article(body, path=shown, meta=meta, warnings=decoded.warnings)


def load_text(
    text: str,
    *,
    path: str = "<pasted>",
    outlet: str | None = None,
    title: str = "",
    author: str = "",
    date: str = "",
    url: str = "",
) -> Article:
    """Make an article from text the user pasted (or any string).

    A non-empty ``outlet`` wins over detection and is recorded as given by
    the user (``outlet_source == "user"``); otherwise the outlet is detected
    from ``url`` and the text. The text is
    taken as it is (no front matter is read from it) apart from newline
    normalisation, control characters and surrounding blank space.
    """
    meta = {"title": title, "author": author, "date": date, "url": url}
    if outlet:
        meta["outlet"] = outlet
    return make_article(text, path=path, meta=meta, given_source="user")
