"""Turn the bytes of a text file into clean ``str`` text.

Order of decisions (:func:`decode_bytes`):

1. A byte-order mark decides: UTF-32, UTF-8 or UTF-16.
2. Known binary formats (PDF, ZIP/DOCX, images, executables, ...) and data
   full of control bytes are refused with :class:`NotTextError`; UTF-16 text
   without a byte-order mark is recognised by its pattern of zero bytes.
3. Strict UTF-8.
4. Text that is mostly UTF-8 with a few stray single bytes (a file pasted
   together from two sources) keeps its UTF-8 and reads the stray bytes as
   Windows-1252: the "mixed encodings" case.
5. Text that reads as Windows-1252 with only occasional non-ASCII bytes
   (English and Western European text) is Windows-1252.
6. Otherwise charset-normalizer guesses; if it cannot, Windows-1252 (a
   superset of Latin-1 for printable text) is used, which never fails.

:func:`normalise_text` then makes newlines ``\\n`` and removes NUL and other
control characters that have no place in an article; removing NUL bytes
is reported as a warning.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

#: Magic numbers of common binary formats, with a plain-words name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (for example a Word document)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "a database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an audio or video file"),
    (b"RIFF", "an audio, video or image file"),
)

#: Magic numbers that no text starts with.
_SURE_MAGIC = frozenset({b"%PDF-", b"GIF87a", b"GIF89a", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Control bytes that never occur in text (everything below 0x20 except
#: tab, newline, vertical tab, form feed, carriage return and escape).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
#: Share of control bytes (NUL aside) above which data is binary, not text.
#: Text has essentially none; random or compressed data has about 9 %.
_BINARY_THRESHOLD = 0.02
#: How much of the data the binary sniffing looks at.
_SNIFF_BYTES = 64 * 1024

# Control characters removed from decoded text (NUL handled separately so it
# can be reported); tab, newline and form feed stay.
_CONTROL_CHARS_RE = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile("\r\n?")


class NotTextData(ValueError):
    """Raised by :func:`decode_bytes` for binary data; ``str()`` is the plain reason."""


class Decoded(NamedTuple):
    """Decoded text, the encoding used and plain-words warnings."""

    text: str
    encoding: str
    warnings: tuple[str, ...]


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read undecodable bytes as Windows-1252 (Latin-1 where undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="strict") if _cp1252_defined(bad) else bad.decode(
        "latin-1"
    ), error.end


def _cp1252_defined(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


codecs.register_error("framelens-cp1252", _cp1252_fallback)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when the sample looks like BOM-less UTF-16."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    # ASCII-range text in UTF-16 has a zero in every other byte and rarely
    # in the rest.
    if zero_odd > 0.4 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.4 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def sniff_binary(data: bytes) -> str | None:
    """Return what the data looks like ("a PDF document", ...) if it is binary, else None."""
    head = data[:512]
    binary_head = len(head.translate(None, _CONTROL_BYTES + b"\x00")) < len(head)
    for magic, name in _MAGIC:
        # Short printable magics ("MZ", "ID3", ...) also begin ordinary words:
        # they count only when binary bytes follow.
        if data.startswith(magic) and (binary_head or magic in _SURE_MAGIC):
            return name
    # The start and the end: a text header on binary data must not pass.
    sample = data[:_SNIFF_BYTES] + data[-_SNIFF_BYTES:] if len(data) > 2 * _SNIFF_BYTES else data
    # NUL bytes are judged apart: text padded or sprinkled with NULs is
    # still text (they are removed with a warning), and all-NUL data is empty.
    sample = sample.replace(b"\x00", b"")
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _BINARY_THRESHOLD:
        return "binary data"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text file; raise :class:`NotTextData` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _finish(text, encoding, ())
    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
    if utf16 is not None:
        return _finish(data.decode(utf16, errors="replace"), utf16, ())
    binary = sniff_binary(data)
    if binary is not None:
        raise NotTextData(f"this is {binary}, not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="framelens-cp1252")
        return _finish(
            text,
            "utf-8+cp1252",
            ("The file mixes two text encodings; the odd characters were read as Windows-1252.",),
        )
    if _western(data):
        return _finish(data.decode("cp1252"), "cp1252", ())
    guessed = _guess_encoding(data)
    if guessed is None:
        return _finish(data.decode("cp1252", errors="framelens-cp1252"), "cp1252", ())
    return _finish(data.decode(guessed, errors="replace"), guessed, ())


_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences."""
    multibyte = sum(len(m) for m in _UTF8_MULTIBYTE_RE.findall(data))
    high = len(_HIGH_BYTE_RE.findall(data))
    return high > 0 and multibyte / high >= 0.5


def _western(data: bytes) -> bool:
    """True when the data reads as Windows-1252 text with a few accented letters.

    English and Western European text in Windows-1252 or Latin-1 has mostly
    ASCII letters and an occasional accent, curly quote or dash; text in other
    single-byte encodings (Cyrillic, Greek, ...) has mostly high bytes. Chardet-
    style guessers often mistake short Western texts for Baltic or Central
    European code pages, so this common case is decided first.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    sample = data[:_SNIFF_BYTES]
    high = len(_HIGH_BYTE_RE.findall(sample))
    ascii_letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    return high <= 0.15 * (ascii_letters + high)


def _guess_encoding(data: bytes) -> str | None:
    """Ask charset-normalizer; None when it has no usable answer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        return None
    encoding = str(best.encoding)
    try:
        codecs.lookup(encoding)
    except LookupError:
        return None
    # Latin-1 and Windows-1252 agree on printable characters, but 1252 also
    # gives the curly quotes and dashes that Word documents are full of.
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        return "cp1252"
    return encoding


def _finish(text: str, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    clean, nul_removed = normalise_text_reporting(text)
    if nul_removed:
        warnings = (*warnings, "The file contained NUL bytes; they were removed.")
    return Decoded(clean, encoding, warnings)


def normalise_text(text: str) -> str:
    """Return text with ``\\n`` newlines and without NUL or other control characters."""
    return normalise_text_reporting(text)[0]


def normalise_text_reporting(text: str) -> tuple[str, bool]:
    """Like :func:`normalise_text`; also say whether NUL characters were removed."""
    nul = "\x00" in text
    if nul:
        text = text.replace("\x00", "")
    text = _NEWLINES_RE.sub("\n", text)
    text = _CONTROL_CHARS_RE.sub("", text)
    if "\ufeff" in text:
        # A byte-order mark in the middle of text is a zero-width leftover.
        text = text.replace("\ufeff", "")
    return text, nul
