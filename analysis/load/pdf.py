"""PDF files, through pypdf.

Text is taken page by page and put back into paragraphs: running heads and
feet (lines at a page edge repeated on most pages) are dropped, lines of a
paragraph are joined, a paragraph cut by a page break is made whole, a word
broken by a hyphen at a line end is made whole again ("gov-\\nernment" →
"government"), and a blank line or a short line ending a sentence starts a
new paragraph. Page numbers alone on a line are dropped.

Refused with a clear reason: encrypted files that need a password
(:class:`EncryptedError`), scans without a text layer
(:class:`NoTextLayerError`), damaged or fake PDFs, and files above
:data:`~analysis.load.limits.MAX_PDF_FILE_BYTES` or
:data:`~analysis.load.limits.MAX_PDF_PAGES` pages.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from typing import Any

from analysis.errors import EncryptedError, LoadError, NoTextLayerError, TooLargeError
from analysis.load.article import make_article
from analysis.load.files import open_checked
from analysis.load.limits import MAX_ARTICLE_CHARS, MAX_PDF_FILE_BYTES, MAX_PDF_PAGES
from analysis.model import Article

log = logging.getLogger(__name__)

_PAGE_NUMBER_RE = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_HYPHEN_BREAK_RE = re.compile(r"(\w)-$")
#: A line shorter than this share of the page's longest lines that ends a
#: sentence closes its paragraph.
_SHORT_LINE = 0.75


class _Joined:
    """Text built piece by piece in linear time.

    Adding to a string (``current = current + line``) and searching the
    whole of it for a broken word after each line made a page of 350,000
    short lines quadratic (issue 27); this keeps the pieces and the last two
    characters instead.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.tail = ""

    def __bool__(self) -> bool:
        return bool(self.tail)

    def add(self, piece: str) -> None:
        if piece:
            self.parts.append(piece)
            self.tail = (self.tail + piece)[-2:]

    def ends_broken(self) -> bool:
        """True when the text ends like ``_HYPHEN_BREAK_RE`` says: a word character, then "-"."""
        tail = self.tail
        return len(tail) == 2 and tail[1] == "-" and _HYPHEN_BREAK_RE.search(tail) is not None

    def drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        tail = ""
        for piece in reversed(self.parts):
            tail = piece + tail
            if len(tail) >= 2:
                break
        self.tail = tail[-2:]

    def text(self) -> str:
        return "".join(self.parts)


def join_lines(text: str) -> str:
    """Rebuild paragraphs from the hard-broken lines of a PDF page."""
    lines = [line.rstrip() for line in text.replace("\r", "\n").split("\n")]
    lengths = sorted((len(line) for line in lines if line.strip()), reverse=True)
    if not lengths:
        return ""
    # The typical full line length: a high quantile, robust to a few long ones.
    full = lengths[min(len(lengths) - 1, len(lengths) // 10)]
    paragraphs: list[str] = []
    current = _Joined()
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current.text())
                current = _Joined()
            continue
        if _PAGE_NUMBER_RE.match(stripped):
            continue
        if current and current.ends_broken():
            # "govern-/ment" is one word broken by the line; "pro-/Russian"
            # keeps its hyphen.
            if stripped[:1].islower():
                current.drop_last_char()
        elif current:
            current.add(" ")
        current.add(stripped)
        if stripped[-1:] in '.!?:"”’)' and len(line) < _SHORT_LINE * full:
            paragraphs.append(current.text())
            current = _Joined()
    if current:
        paragraphs.append(current.text())
    return "\n\n".join(paragraphs)


_SENTENCE_END = '.!?:"”’)'


def _edge_key(line: str) -> str:
    """A running head or foot without its page number: "Page 3 of 9" → "page # of #"."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove running heads and feet: lines near a page edge repeated on most pages."""
    if len(pages) < 3:
        return pages
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_edge_key(line) for line in lines[:2] + lines[-2:] if line.strip()})
    threshold = max(3.0, 0.6 * len(pages))
    running = {key for key, count in counts.items() if count >= threshold}
    return [
        [
            line
            for i, line in enumerate(lines)
            if not ((i < 2 or i >= len(lines) - 2) and _edge_key(line) in running)
        ]
        for lines in pages
    ]


def join_pages(page_texts: list[str]) -> str:
    """The article text of a PDF from its pages' raw text.

    Running heads and feet go, each page's lines become paragraphs, and a
    paragraph cut by a page break is made whole again.
    """
    pages = drop_running_lines([text.replace("\r", "\n").split("\n") for text in page_texts])
    text = _Joined()
    for lines in pages:
        page = join_lines("\n".join(lines))
        if not page:
            continue
        if text and text.tail[-1] not in _SENTENCE_END and page[:1].islower():
            if text.ends_broken():
                text.drop_last_char()
            else:
                text.add(" ")
        elif text:
            text.add("\n\n")
        text.add(page)
    return text.text()


def load_pdf_file(path: str | os.PathLike[str]) -> Article:
    """Load a PDF's text layer as an article."""
    shown = os.fspath(path)
    with open_checked(path, MAX_PDF_FILE_BYTES, "PDF files") as handle:
        size = os.fstat(handle.fileno()).st_size
        if not handle.read(5).startswith(b"%PDF"):
            head = handle.read(1024)
            raise LoadError(
                shown,
                "the file is not a PDF document (it does not start like one)."
                if head or size
                else "the file is empty.",
            )
        handle.seek(0)
        reader = _reader(handle, shown)
        pages = _pages(reader, shown)
        texts: list[str] = []
        total = 0
        failed = 0
        for number, page in enumerate(pages, start=1):
            try:
                page_text = page.extract_text() or ""
            except Exception as error:  # noqa: BLE001 - one bad page must not lose the rest
                # pypdf raises LimitReachedError for decompression bombs.
                log.warning("%s: page %d could not be read: %r", shown, number, error)
                failed += 1
                continue
            total += len(page_text)
            if total > MAX_ARTICLE_CHARS:
                raise TooLargeError(
                    shown,
                    f"its text has more than {MAX_ARTICLE_CHARS:,} characters; "
                    "FrameLens reads at most that much per article.",
                )
            texts.append(page_text)
        meta = _metadata(reader)
    text = join_pages(texts)
    if not text.strip() and failed:
        raise LoadError(
            shown,
            f"none of its pages could be read ({failed} damaged, or too large once "
            "unpacked); the PDF may be damaged or hostile.",
        )
    if not text.strip():
        raise NoTextLayerError(
            shown,
            "the PDF has no text layer (it looks like a scan or holds only images). "
            "Run it through OCR software first, or copy the text from the original page.",
        )
    return make_article(text, path=shown, meta=meta)


def _reader(handle: Any, shown: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(handle, strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, OSError) as error:
        raise LoadError(shown, "the PDF is damaged or incomplete and cannot be read.") from error
    if reader.is_encrypted:
        try:
            # Many PDFs are encrypted only against editing, with an empty password.
            opened = reader.decrypt("")
        except (DependencyError, FileNotDecryptedError, NotImplementedError) as error:
            raise EncryptedError(
                shown, "the PDF is encrypted and FrameLens cannot open it without its password."
            ) from error
        if not opened:
            raise EncryptedError(
                shown, "the PDF is protected by a password; save an unprotected copy and load that."
            )
    return reader


def _pages(reader: Any, shown: str) -> Any:
    from pypdf.errors import PdfReadError

    try:
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, RecursionError) as error:
        raise LoadError(shown, "the PDF is damaged or incomplete and cannot be read.") from error
    if count > MAX_PDF_PAGES:
        raise TooLargeError(
            shown,
            f"the PDF has {count:,} pages; FrameLens reads PDFs of up to {MAX_PDF_PAGES:,} pages.",
        )
    if count == 0:
        raise LoadError(shown, "the PDF has no pages.")
    return reader.pages


def _metadata(reader: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - broken metadata is not worth losing the text for
        return meta
    if info is None:
        return meta
    for key, attr in (("title", "title"), ("author", "author")):
        value = getattr(info, attr, None)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return meta
