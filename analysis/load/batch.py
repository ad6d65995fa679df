"""Many inputs at once: expand folders, load every file, keep going past bad ones."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path

from analysis.errors import CancelledError, LoadError
from analysis.load.files import os_error
from analysis.load.limits import MAX_FILES
from analysis.model import Article, LoadFailure

log = logging.getLogger(__name__)

#: File name suffixes FrameLens reads (lower case).
SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"}
)

#: A file-dialog filter for the supported types (Qt's "Name (*.a *.b)" syntax).
FILE_DIALOG_FILTER = "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ")"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def is_supported(path: Path) -> bool:
    """True when the file name has a suffix FrameLens reads."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def unsupported_reason(path: Path) -> str:
    """Why FrameLens does not read ``path``, naming what it does read."""
    kinds = "text (.txt, .md), web pages (.html, .htm), PDF (.pdf) and Word (.docx)"
    suffix = path.suffix.lower()
    what = f"'{suffix}' files" if suffix else "files without a type suffix"
    return f"FrameLens does not read {what}; it reads {kinds}."


def _unsupported(shown: str, path: Path) -> LoadFailure:
    return LoadFailure(shown, unsupported_reason(path))


#: Folders a browser writes next to a saved page ("Page_files") hold its
#: scripts, images and ad frames, never articles.
_SAVED_PAGE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_archivos", "_fichiers")


#: Files in a folder of articles that document the folder rather than report
#: news (a collection's README, its licence); named explicitly, they load.
_FOLDER_DOCUMENT_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})


def _is_folder_document(name: str) -> bool:
    return name.split(".", 1)[0].lower() in _FOLDER_DOCUMENT_STEMS


def _is_saved_page_folder(name: str, siblings: set[str]) -> bool:
    for suffix in _SAVED_PAGE_FOLDER_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return any(f"{stem}{ext}" in siblings for ext in (".html", ".htm", ".xhtml"))
    return False


def _sorted_entries(
    folder: str, failures: list[LoadFailure]
) -> Iterator[tuple[os.DirEntry[str], set[str]]]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        failures.append(LoadFailure(folder, os_error(folder, error).reason))
        return iter(())
    names = {e.name for e in entries}
    return ((entry, names) for entry in entries)


def _walk(
    folder: Path, seen_dirs: set[tuple[int, int]], failures: list[LoadFailure]
) -> Iterator[Path]:
    """Yield supported, non-hidden files under ``folder`` in name order, lazily.

    Symbolic links to folders are followed, but a folder already visited
    (by device and inode) is never entered again, so link loops end. The
    walk keeps its own stack, so a very deep tree cannot exhaust Python's.
    """
    stack = [_sorted_entries(str(folder), failures)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        entry, siblings = item
        if entry.name.startswith("."):
            continue
        try:
            info = os.stat(entry.path)  # follows links; a dangling one raises
        except OSError:
            continue  # dangling link or vanished entry inside a folder: nothing to load
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs or _is_saved_page_folder(entry.name, siblings):
                continue
            seen_dirs.add(key)
            stack.append(_sorted_entries(entry.path, failures))
        elif (
            stat.S_ISREG(info.st_mode)
            and is_supported(Path(entry.name))
            and not _is_folder_document(entry.name)
        ):
            yield Path(entry.path)


def _too_many(shown: str) -> LoadFailure:
    return LoadFailure(
        shown,
        f"not loaded: one batch holds at most {MAX_FILES:,} files. "
        "Load the rest in a second batch.",
    )


def expand_inputs(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[LoadFailure]]:
    """Turn files and folders into the list of files to load, in input order.

    Folders are searched recursively in name order; hidden files and folders,
    README/LICENSE/CHANGELOG files,
    files of unsupported types and the "Page_files" folders browsers save
    next to a page are skipped quietly. A file named explicitly that does
    not exist or has an unsupported type is a failure. The same file reached
    twice (by two routes, e.g. a link) is listed once. At most
    :data:`~analysis.load.limits.MAX_FILES` files are returned: a folder
    with more gives one failure saying so, and the walk stops there.
    """
    files: list[Path] = []
    failures: list[LoadFailure] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        shown = os.fspath(raw)
        path = Path(shown)
        try:
            info = path.stat()
        except OSError as error:
            failures.append(LoadFailure(shown, os_error(shown, error).reason))
            continue
        candidates: Iterable[Path]
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            candidates = _walk(path, seen_dirs, failures)
        elif not stat.S_ISREG(info.st_mode):
            failures.append(LoadFailure(shown, "this is not a regular file."))
            continue
        elif not is_supported(path):
            failures.append(_unsupported(shown, path))
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            try:
                cinfo = candidate.stat()
            except OSError as error:
                failures.append(LoadFailure(str(candidate), os_error(str(candidate), error).reason))
                continue
            key = (cinfo.st_dev, cinfo.st_ino)
            if key in seen_files:
                continue
            if len(files) >= MAX_FILES:
                failures.append(_too_many(shown))
                break
            seen_files.add(key)
            files.append(candidate)
    return files, failures


def text_fingerprint(text: str) -> str:
    """A hash of the text with whitespace normalised and case folded, to spot duplicates."""
    canonical = " ".join(text.casefold().split())
    return hashlib.blake2b(canonical.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


#: How many files a worker-process pool is given ahead of the one being read.
_AHEAD = 8


def _load_one(path: str) -> tuple[Article | None, str]:
    """Load one file: the article, or ``None`` and the one-line reason.

    Runs in this process or in a worker process; it returns the reason
    rather than raising, so nothing but plain values crosses a process.
    """
    from analysis.load import load_path

    try:
        return load_path(path), ""
    except LoadError as error:
        return None, error.reason
    except Exception as error:  # noqa: BLE001 - a bad file must never stop the batch
        # One line for the user's log; the traceback only for debugging,
        # so a bad file never prints a traceback.
        log.warning("unexpected error while loading %s: %r", path, error)
        log.debug("traceback for %s", path, exc_info=True)
        return None, f"the file could not be read ({type(error).__name__}: {error})."


def _loaded_in_order(
    files: list[Path], executor: Executor | None
) -> Iterator[tuple[Article | None, str]]:
    """``_load_one`` of each file, in order; in ``executor`` when one is given.

    A worker process that dies on a file (a crash in a parser) fails that
    file; the files after it are read in this process.
    """
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[Future[tuple[Article | None, str]]] = deque()
    ahead = iter(files)
    for index, path in enumerate(files):
        if executor is None:
            yield _load_one(str(path))
            continue
        while len(pending) < _AHEAD and (nxt := next(ahead, None)) is not None:
            pending.append(executor.submit(_load_one, str(nxt)))
        try:
            yield pending.popleft().result()
        except BrokenProcessPool:
            log.warning("the reader process stopped while reading %s", path)
            yield None, "the file crashed the reader (it may be damaged or hostile)."
            for rest in files[index + 1 :]:
                yield _load_one(str(rest))
            return


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    executor: Executor | None = None,
) -> tuple[list[Article], list[LoadFailure]]:
    """Load every input; return the articles in input order and the failures.

    Never stops at a bad file: each one becomes a :class:`LoadFailure` with
    a one-line reason. A file whose text (whitespace and case aside) equals
    an earlier one's is a duplicate: the first is kept and the later one is
    a failure "duplicate of <first path>", so no story is counted twice.
    ``progress(done, total)`` is called after each file; ``cancel()`` is
    checked before each file and raises :class:`CancelledError` when True.
    With ``executor`` (a process pool), the files are parsed there, a few
    ahead, so that the parsers' long C calls never hold this process's GIL:
    the desktop app passes one to keep its window responsive.
    """
    files, failures = expand_inputs(paths)
    articles: list[Article] = []
    first_with: dict[str, str] = {}
    total = len(files)
    if progress is not None:
        progress(0, total)
    results = _loaded_in_order(files, executor)
    for done, path in enumerate(files, start=1):
        if cancel is not None and cancel():
            raise CancelledError("Loading was cancelled.")
        shown = str(path)
        article, reason = next(results)
        if article is None:
            failures.append(LoadFailure(shown, reason))
        else:
            fingerprint = text_fingerprint(article.text)
            first = first_with.get(fingerprint)
            if first is not None:
                failures.append(LoadFailure(shown, f"duplicate of {first} (same text); skipped."))
            else:
                first_with[fingerprint] = shown
                articles.append(article)
        if progress is not None:
            progress(done, total)
    return articles, failures
