"""The one bounded, type-checked reader (analysis/load/files.py; issue 27 item 8).

Articles, lexicons and sessions all go through it: a FIFO, /dev/zero or
/dev/urandom give a one-line reason, never a hang or a traceback, and a
FIFO swapped in between the check and the open is caught on the open
descriptor.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis.errors import FrameLensError, LexiconError, LoadError, SessionError, TooLargeError
from analysis.lexicon import load_lexicon
from analysis.load import load_path
from analysis.load.files import open_checked, read_bounded
from analysis.session import load_session
from tests.analysis.loadfiles import story

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
READERS: dict[str, tuple[Callable[[str], Any], type[FrameLensError], str]] = {
    "article": (load_path, LoadError, ".txt"),
    "lexicon": (load_lexicon, LexiconError, ".tsv"),
    "session": (load_session, SessionError, ".framelens"),
}


@contextlib.contextmanager
def _no_hang(seconds: float = 30.0) -> Iterator[None]:
    """Fail instead of hanging when a read blocks (the bug this guards against)."""

    def interrupt(*_args: object) -> None:
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@needs_fifo
@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, kind: str) -> None:
    reader, error, suffix = READERS[kind]
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    with _no_hang(), pytest.raises(error, match="pipe"):
        reader(str(fifo))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("kind", sorted(READERS))
def test_endless_devices_are_refused(tmp_path: Path, kind: str, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    reader, error, suffix = READERS[kind]
    with pytest.raises(error):
        reader(device)
    # Behind a name of the right type too (a link), so the check is the file's type.
    link = tmp_path / f"endless{suffix}"
    link.symlink_to(device)
    with pytest.raises(error, match="device"):
        reader(str(link))


@needs_fifo
def test_a_fifo_swapped_in_after_the_check_is_caught_on_the_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    real_stat = os.stat

    def stat_says_regular(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        # What os.stat saw just before the file was replaced by a FIFO.
        info = real_stat(path, *args, **kwargs)
        return os.stat_result((stat.S_IFREG | 0o644, *tuple(info)[1:]))

    monkeypatch.setattr("analysis.load.files.os.stat", stat_says_regular)
    with _no_hang(), pytest.raises(LoadError, match="pipe"):
        open_checked(fifo, 1000, "text files")


def test_a_file_that_grows_past_its_size_is_read_only_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def fstat_says_small(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((*tuple(info)[:6], 10, *tuple(info)[7:]))

    monkeypatch.setattr("analysis.load.files.os.fstat", fstat_says_small)
    with pytest.raises(TooLargeError):
        read_bounded(path, 100, "text files")


def test_large_lexicons_and_sessions_are_refused_by_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("analysis.lexicon.formats.MAX_LEXICON_BYTES", 100)
    monkeypatch.setattr("analysis.session.MAX_SESSION_BYTES", 100)
    lexicon = tmp_path / "big.tsv"
    lexicon.write_text("term\tloaded\t0.5\treason\n" * 20, encoding="utf-8")
    with pytest.raises(LexiconError, match="up to 100 bytes"):
        load_lexicon(lexicon)
    session = tmp_path / "big.framelens"
    session.write_text("{}" + " " * 200, encoding="utf-8")
    with pytest.raises(SessionError, match="too large"):
        load_session(session)


def test_the_word_ratio_check_covers_small_parts(tmp_path: Path) -> None:
    """Issue 28: parts under 1 MB packed 1005:1 were accepted; every part counts now."""
    path = tmp_path / "many-small-bombs.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document>{story(1)}</w:document>")
        for n in range(3):
            archive.writestr(f"word/media/part{n}.bin", b"\0" * 500_000)
    with pytest.raises(TooLargeError, match="compressed"):
        load_path(path)


def test_a_real_word_document_still_loads(tmp_path: Path) -> None:
    from tests.analysis.loadfiles import write_docx

    article = load_path(write_docx(tmp_path / "a.docx", [story(1), story(2)], title="Bridge"))
    assert article.title == "Bridge" and story(2)[:40] in article.text
