"""Optional front matter at the top of .txt and .md files.

Two forms are read, and the header is removed from the article text:

A YAML-like block between ``---`` lines::

    ---
    outlet: The Daily Planet
    title: Bridge closes for repairs
    ---

or plain ``key: value`` lines at the very top, ended by a blank line::

    outlet: The Daily Planet
    date: 2024-05-02

    Article text ...

Only the keys in :data:`KEYS` (and their aliases) count, so an article that
happens to begin with "Updated: 5 pm" keeps its first line. Front matter
wins over every automatic detection.
"""

from __future__ import annotations

import re

#: The keys FrameLens reads, with aliases mapped to them.
KEYS: dict[str, str] = {
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
}

# Only the key is matched by the pattern; the value is the rest of the line,
# stripped. (A lazy ``(.*?)\s*$`` costs time quadratic in a run of spaces.)
_KEY_RE = re.compile(r"\s*([A-Za-z_-]+)\s*:")
_MAX_HEADER_LINES = 30


def _key_value(line: str) -> tuple[str, str] | None:
    """``"Title:  Bridge closes "`` -> ``("title", "Bridge closes")``; None if not a key."""
    match = _KEY_RE.match(line)
    if match is None:
        return None
    return match.group(1).lower(), line[match.end() :].strip()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return ``(metadata, body)``; metadata is empty when there is no front matter.

    ``text`` must already have ``\\n`` newlines. Metadata keys are those of
    :data:`KEYS`' values (outlet, title, author, date, url).
    """
    lines = text.split("\n", _MAX_HEADER_LINES + 2)
    if lines and lines[0].strip() == "---":
        return _fenced(lines, text)
    return _plain(lines, text)


def _fenced(lines: list[str], text: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1 : _MAX_HEADER_LINES + 1], start=1):
        if line.strip() in ("---", "..."):
            body = "\n".join(lines[i + 1 :]) if i + 1 < len(lines) else ""
            return meta, body
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pair = _key_value(line)
        if pair is None:
            break  # not a metadata block after all (e.g. a Markdown rule)
        key = KEYS.get(pair[0])
        if key is not None and pair[1]:
            meta.setdefault(key, _unquote(pair[1]))
    return {}, text


def _plain(lines: list[str], text: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    consumed = 0
    for line in lines[:_MAX_HEADER_LINES]:
        pair = _key_value(line)
        if pair is None:
            break
        key = KEYS.get(pair[0])
        if key is None:
            break
        if pair[1]:
            meta.setdefault(key, _unquote(pair[1]))
        consumed += 1
    if not consumed:
        return {}, text
    rest = lines[consumed:]
    # The header must end at a blank line or at the end of the text; a
    # "Title: ..." line running straight into prose is prose.
    if rest and rest[0].strip():
        return {}, text
    return meta, "\n".join(rest)
