"""Size and decompression limits of the loaders, in one place.

Every limit exists to keep memory and time bounded when a user drops
something hostile or simply huge (a log file, a zip bomb renamed .docx, a
10,000-page scan). A news article is a few thousand words; every limit below
is far above that, so a real article never meets one. Beyond a limit the
loader raises :class:`analysis.errors.TooLargeError`, whose message gives the
limit in plain words, without ever reading the whole file into memory.

Limits:

- :data:`MAX_TEXT_FILE_BYTES` -- .txt and .md files: 10 MB (about 1.5 million words).
- :data:`MAX_HTML_FILE_BYTES` -- saved web pages: 25 MB (pages carry markup,
  scripts and inline images besides the article). Pages with more than
  :data:`MAX_HTML_ELEMENTS` (50,000) elements once scripts and styles are
  gone are extracted simply instead of with trafilatura (with a warning):
  trafilatura needs about 0.1 ms and 5 KB of memory per element.
- :data:`MAX_PDF_FILE_BYTES` -- PDF files: 100 MB; at most :data:`MAX_PDF_PAGES` pages.
- :data:`MAX_DOCX_FILE_BYTES` -- Word files: 50 MB on disk, at most
  :data:`MAX_DOCX_UNCOMPRESSED_BYTES` once unpacked, at most
  :data:`MAX_DOCX_COMPRESSION_RATIO` : 1 for every part, whatever its size, at most
  :data:`MAX_DOCX_MEMBERS` parts, no XML part above
  :data:`MAX_DOCX_XML_PART_BYTES` (30 MB, so the XML parser's memory stays
  bounded; checked before anything is unpacked).
- :data:`MAX_ARTICLE_CHARS` -- the extracted text of any input: 10 million characters.
- :data:`MAX_FILES` -- files in one batch (after expanding folders): 20,000.
  Files beyond it are reported as failures, not loaded.
"""

from __future__ import annotations

MB = 1024 * 1024

MAX_TEXT_FILE_BYTES = 10 * MB
MAX_HTML_FILE_BYTES = 25 * MB
MAX_HTML_ELEMENTS = 50_000
MAX_PDF_FILE_BYTES = 100 * MB
MAX_PDF_PAGES = 2000
MAX_DOCX_FILE_BYTES = 50 * MB
MAX_DOCX_UNCOMPRESSED_BYTES = 200 * MB
MAX_DOCX_COMPRESSION_RATIO = 200
MAX_DOCX_XML_PART_BYTES = 30 * MB
MAX_DOCX_MEMBERS = 5000
MAX_ARTICLE_CHARS = 10_000_000
MAX_FILES = 20_000


def human_size(n_bytes: int) -> str:
    """Return a size in plain words, e.g. ``"60.0 MB"`` or ``"512 bytes"``."""
    if n_bytes < 1024:
        return f"{n_bytes} bytes"
    if n_bytes < MB:
        return f"{n_bytes / 1024:.1f} KB"
    if n_bytes < 1024 * MB:
        return f"{n_bytes / MB:.1f} MB"
    return f"{n_bytes / (1024 * MB):.1f} GB"
