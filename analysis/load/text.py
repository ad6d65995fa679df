"""Plain text and Markdown files, and pasted text."""

from __future__ import annotations

import bisect
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

# Every pattern here runs on whole user files, so each is linear in the text:
# no character class inside a repetition may also match the delimiter that
# ends it (a link's text cannot hold "[", its target cannot hold "("), or a
# line of 80,000 "[" costs quadratic time (issue 27).
_MD_IMAGE_RE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_HEADING_START_RE = re.compile(r"#{1,6}[ \t]+")
_MD_EMPHASIS_MARK_RE = re.compile(r"(?=(\*\*|__))")
_MD_RULE_RE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    """Remove the Markdown markup that would otherwise be read as words.

    Headings lose their ``#``, links keep their words, images and
    horizontal rules go, ``**bold**`` loses its stars. Everything else,
    including quotation marks and single ``*``, is left alone. Time is
    linear in the text (up to a logarithm), whatever it holds.
    """
    text = _MD_IMAGE_RE.sub("", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = "\n".join(_strip_emphasis(_heading_text(line)) for line in text.split("\n"))
    return _MD_RULE_RE.sub("", text)


def _heading_text(line: str) -> str:
    """``## Title ##`` -> ``Title``; other lines unchanged."""
    start = _MD_HEADING_START_RE.match(line)
    if start is None:
        return line
    return line[start.end() :].rstrip(" \t").rstrip("#").rstrip(" \t")


def _strip_emphasis(line: str) -> str:
    """``**bold**`` and ``__bold__`` -> ``bold``, as the pattern
    ``(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1`` would, in O(n log n).

    The pattern itself is quadratic on a line of unclosed markers: each
    opener scans to the end of the line. Here every opener looks its closer
    up among the precomputed closers instead.
    """
    if "**" not in line and "__" not in line:
        return line
    marks = [m.start() for m in _MD_EMPHASIS_MARK_RE.finditer(line)]
    closers: dict[str, list[int]] = {"**": [], "__": []}
    for at in marks:
        if at > 0 and not line[at - 1].isspace():
            closers[line[at : at + 2]].append(at)
    out: list[str] = []
    done = 0  # text before this index is already in out
    for at in marks:
        if at < done:
            continue
        mark = line[at : at + 2]
        if at + 2 >= len(line) or line[at + 2].isspace():
            continue
        ends = closers[mark]
        k = bisect.bisect_left(ends, at + 3)
        if k == len(ends):
            continue
        end = ends[k]
        out.append(line[done:at])
        out.append(line[at + 2 : end])
        done = end + 2
    out.append(line[done:])
    return "".join(out)


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
