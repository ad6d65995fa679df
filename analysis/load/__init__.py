"""Load articles: files (.txt, .md, .html, .pdf, .docx), pasted text and browser HTML.

Public API::

    load_path(path) -> Article                  # one file; raises LoadError subclasses
    load_text(text, *, path="<pasted>", outlet=None, title="", author="", date="", url="")
    load_html_string(html, *, path, url="")     # HTML dragged from a browser
    expand_inputs(paths) -> (files, failures)   # folders → files, recursively
    load_many(paths, *, progress=None, cancel=None) -> (articles, failures)

Every failure is an :class:`analysis.errors.LoadError` (or, in batches, a
:class:`analysis.model.LoadFailure`) whose reason is one plain sentence.
Limits are in :mod:`analysis.load.limits`. Heavy parsers (trafilatura,
pypdf, python-docx) are imported only when a file of their type is loaded.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from analysis.errors import LoadError, UnsupportedTypeError
from analysis.load.files import not_regular_reason, os_error
from analysis.load.inputs import (
    FILE_DIALOG_FILTER,
    SUPPORTED_SUFFIXES,
    expand_inputs,
    is_supported,
    load_many,
    unsupported_reason,
)
from analysis.load.text import load_text
from analysis.model import Article

__all__ = [
    "FILE_DIALOG_FILTER",
    "SUPPORTED_SUFFIXES",
    "expand_inputs",
    "is_supported",
    "load_html_string",
    "load_many",
    "load_path",
    "load_text",
]


def load_path(path: str | os.PathLike[str]) -> Article:
    """Load one file as an article.

    Raises a :class:`LoadError` subclass whose message names the file and the
    reason: unsupported type, empty, not text, too large, encrypted or
    image-only PDF, damaged document, vanished or unreadable file.
    """
    shown = os.fspath(path)
    if not is_supported(Path(shown)):
        raise UnsupportedTypeError(shown, unsupported_reason(Path(shown)))
    suffix = Path(shown).suffix.lower()
    try:
        info = os.stat(shown)
    except OSError as error:
        raise os_error(shown, error) from error
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device would block or never end; the loaders check again
        # on the open descriptor (analysis.load.files.open_checked).
        raise LoadError(shown, not_regular_reason(info.st_mode))
    if suffix in (".html", ".htm", ".xhtml"):
        from analysis.load.html import load_html_file

        return load_html_file(path)
    if suffix == ".pdf":
        from analysis.load.pdf import load_pdf_file

        return load_pdf_file(path)
    if suffix == ".docx":
        from analysis.load.docx import load_docx_file

        return load_docx_file(path)
    from analysis.load.text import load_text_file

    return load_text_file(path)


def load_html_string(html: str, *, path: str, url: str = "") -> Article:
    """Make an article from HTML as a browser hands it over on drag and drop."""
    from analysis.load.html import load_html

    return load_html(html, path=path, url=url)
