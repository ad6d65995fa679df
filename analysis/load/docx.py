"""Word documents (.docx), through python-docx, guarded against zip bombs.

A .docx file is a ZIP archive. Before python-docx unpacks anything, the
archive's table of contents is checked: no XML part above
:data:`~analysis.load.limits.MAX_DOCX_XML_PART_BYTES`, at most
:data:`~analysis.load.limits.MAX_DOCX_MEMBERS` parts, at most
:data:`~analysis.load.limits.MAX_DOCX_UNCOMPRESSED_BYTES` declared in total,
and no part compressed more than
:data:`~analysis.load.limits.MAX_DOCX_COMPRESSION_RATIO` : 1. The declared
sizes are what a bomb lies about least cheaply; python-docx then reads the
parts with zipfile, which stops at the declared size.

The text is the document's paragraphs (and table cells) in order, one
paragraph per block; title and author come from the document properties.
"""

from __future__ import annotations

import os
import zipfile
from typing import Any, BinaryIO

from analysis.errors import LoadError, TooLargeError
from analysis.load.article import make_article
from analysis.load.files import open_checked, os_error
from analysis.load.limits import (
    MAX_DOCX_COMPRESSION_RATIO,
    MAX_DOCX_FILE_BYTES,
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNCOMPRESSED_BYTES,
    MAX_DOCX_XML_PART_BYTES,
    human_size,
)
from analysis.model import Article

_DAMAGED = "the Word document is damaged or is not really a .docx file."


def check_zip(path: str | os.PathLike[str] | BinaryIO, shown: str = "") -> None:
    """Refuse archives that would unpack to too much; never decompress anything.

    ``path`` may be a file opened with :func:`~analysis.load.files.open_checked`
    (``shown`` then names it).
    """
    shown = shown or (os.fspath(path) if isinstance(path, (str, os.PathLike)) else "")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise LoadError(shown, _DAMAGED) from error
    except OSError as error:
        raise os_error(shown, error) from error
    except (ValueError, EOFError, NotImplementedError) as error:
        raise LoadError(shown, _DAMAGED) from error
    if len(members) > MAX_DOCX_MEMBERS:
        raise TooLargeError(
            shown,
            f"the document holds {len(members):,} parts; FrameLens opens Word documents "
            f"of up to {MAX_DOCX_MEMBERS:,} parts.",
        )
    total = sum(member.file_size for member in members)
    if total > MAX_DOCX_UNCOMPRESSED_BYTES:
        raise TooLargeError(
            shown,
            f"the document would unpack to {human_size(total)}; FrameLens opens Word documents "
            f"that unpack to at most {human_size(MAX_DOCX_UNCOMPRESSED_BYTES)} "
            "(this may be a 'zip bomb').",
        )
    for member in members:
        # Every part, small ones too: two hundred parts of 1 MB at 1000:1
        # are a bomb as surely as one big one (issue 28). Deflate cannot
        # pack a part of under about 1 KB beyond 200:1, so small parts pass.
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_DOCX_COMPRESSION_RATIO:
            raise TooLargeError(
                shown,
                f"a part of the document is compressed {ratio:,.0f} times; FrameLens refuses "
                f"more than {MAX_DOCX_COMPRESSION_RATIO} times, as a guard against 'zip bombs'.",
            )
    for member in members:
        if (
            member.filename.endswith((".xml", ".rels"))
            and member.file_size > MAX_DOCX_XML_PART_BYTES
        ):
            raise TooLargeError(
                shown,
                f"the document's text part '{member.filename}' is {human_size(member.file_size)} "
                f"unpacked; FrameLens reads parts of up to {human_size(MAX_DOCX_XML_PART_BYTES)}.",
            )
    if not any(member.filename == "word/document.xml" for member in members):
        raise LoadError(shown, _DAMAGED)


def load_docx_file(path: str | os.PathLike[str]) -> Article:
    """Load a Word document's paragraphs as an article."""
    shown = os.fspath(path)
    with open_checked(path, MAX_DOCX_FILE_BYTES, "Word documents") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            raise LoadError(shown, "the file is empty.")
        check_zip(handle, shown)
        handle.seek(0)
        document = _open_document(handle, shown)
    blocks = _blocks(document)
    meta: dict[str, str] = {}
    try:
        properties = document.core_properties
        meta["title"] = properties.title or ""
        meta["author"] = properties.author or ""
        if properties.created is not None:
            meta["date"] = properties.created.date().isoformat()
    except (ValueError, AttributeError, TypeError):
        pass  # broken properties: keep the text
    return make_article("\n\n".join(blocks), path=shown, meta=meta)


def _open_document(handle: BinaryIO, shown: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(handle)
    except PackageNotFoundError as error:
        raise LoadError(shown, _DAMAGED) from error
    except OSError as error:
        raise os_error(shown, error) from error
    except Exception as error:  # noqa: BLE001 - lxml/zipfile/KeyError on broken parts
        raise LoadError(shown, _DAMAGED) from error


def _blocks(document: Any) -> list[str]:
    """Paragraphs and table cells in document order, without empty ones."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if text:
                blocks.append(text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    blocks.append(" | ".join(cells))
    return blocks
