"""Many inputs at once: expand folders, load every file, keep going past bad ones."""

from __future__ import annotations

import logging
import os
import stat
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Literal, NamedTuple

from analysis.errors import CancelledError, LoadError
from analysis.load.duplicates import Duplicates, text_fingerprint
from analysis.load.files import not_regular_reason, os_error
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


FolderKey = tuple[int, int]
#: Entries the walk never reads: (device, inode) of a folder, and a name in it.
Excluded = Container[tuple[FolderKey, str]]


class Walked(NamedTuple):
    """One thing :func:`walk_inputs` found.

    ``kind`` is "file" (a file to read), "failed" (an input that cannot be
    read: ``reason`` says why) or "skipped" (a file in a folder that
    FrameLens does not read, such as ``notes.xyz``: ``reason`` says why; not
    an error).
    """

    path: str
    kind: Literal["file", "failed", "skipped"]
    reason: str = ""
    #: The input (file or folder) as the user gave it.
    origin: str = ""


def _sorted_entries(folder: str) -> tuple[FolderKey, list[os.DirEntry[str]], set[str]]:
    """The folder's key and its entries in name order; OSError when it cannot be listed."""
    info = os.stat(folder)
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    return (info.st_dev, info.st_ino), entries, {e.name for e in entries}


def _walk(
    folder: Path,
    seen_dirs: set[FolderKey],
    wanted: Callable[[Path], bool],
    exclude: Excluded,
) -> Iterator[Walked]:
    """Everything under ``folder`` in name order, lazily (see :func:`walk_inputs`).

    Symbolic links to folders are followed, but a folder already visited
    (by device and inode) is never entered again, so link loops end. The
    walk keeps its own stack, so a tree thousands of folders deep cannot
    exhaust Python's.
    """
    stack: list[tuple[FolderKey, Iterator[os.DirEntry[str]], set[str]]] = []

    def enter(path: str) -> Walked | None:
        try:
            key, entries, names = _sorted_entries(path)
        except OSError as error:
            return Walked(path, "failed", os_error(path, error).reason)
        stack.append((key, iter(entries), names))
        return None

    if (problem := enter(str(folder))) is not None:
        yield problem
    while stack:
        key, entries, siblings = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith(".") or (key, entry.name) in exclude:
            continue
        try:
            info = os.stat(entry.path)  # follows links; a dangling one raises
        except OSError:
            continue  # dangling link or vanished entry inside a folder: nothing to load
        if stat.S_ISDIR(info.st_mode):
            dir_key = (info.st_dev, info.st_ino)
            if dir_key in seen_dirs or _is_saved_page_folder(entry.name, siblings):
                continue
            seen_dirs.add(dir_key)
            if (problem := enter(entry.path)) is not None:
                yield problem
        elif not stat.S_ISREG(info.st_mode):
            yield Walked(entry.path, "skipped", not_regular_reason(info.st_mode))
        elif _is_folder_document(entry.name):
            yield Walked(
                entry.path, "skipped", "a folder's README or licence, not an article (name it "
                "explicitly to load it)."
            )
        elif not wanted(Path(entry.name)):
            yield Walked(entry.path, "skipped", unsupported_reason(Path(entry.name)))
        else:
            yield Walked(entry.path, "file")


def walk_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    wanted: Callable[[Path], bool] = is_supported,
    exclude: Excluded = frozenset(),
) -> Iterator[Walked]:
    """The one walk over files and folders given by the user, lazily, in input order.

    Folders are searched recursively in name order (iteratively: any depth
    works). Hidden files and folders and the "Page_files" folders browsers
    save next to a page are passed over; README/LICENSE/CHANGELOG files,
    pipes and devices, and files ``wanted`` refuses (by default those of
    unsupported types) are "skipped" with a reason. A file named explicitly
    that does not exist, is not a regular file or is not wanted "failed".
    Entries in ``exclude`` are never listed (``framelens batch`` excludes its
    own output). The same file reached twice is listed once.
    """
    seen_files: set[FolderKey] = set()
    seen_dirs: set[FolderKey] = set()
    for raw in paths:
        shown = os.fspath(raw)
        path = Path(shown)
        try:
            info = path.stat()
        except OSError as error:
            yield Walked(shown, "failed", os_error(shown, error).reason)
            continue
        found: Iterable[Walked]
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            found = _walk(path, seen_dirs, wanted, exclude)
        elif not stat.S_ISREG(info.st_mode):
            yield Walked(shown, "failed", not_regular_reason(info.st_mode))
            continue
        elif not wanted(path):
            yield Walked(shown, "failed", unsupported_reason(path))
            continue
        else:
            found = [Walked(shown, "file")]
        for item in found:
            item = item._replace(origin=shown)
            if item.kind != "file":
                yield item
                continue
            try:
                cinfo = os.stat(item.path)
            except OSError as error:
                yield Walked(item.path, "failed", os_error(item.path, error).reason)
                continue
            key = (cinfo.st_dev, cinfo.st_ino)
            if key not in seen_files:
                seen_files.add(key)
                yield item


def _too_many(shown: str) -> LoadFailure:
    return LoadFailure(
        shown,
        f"not loaded: one batch holds at most {MAX_FILES:,} files. "
        "Load the rest in a second batch.",
    )


class Expanded(tuple):  # type: ignore[type-arg]
    """``(files, failures)``, as :func:`expand_inputs` has always returned, plus
    ``.skipped``: the files of folders that FrameLens does not read, with why."""

    files: list[Path]
    failures: list[LoadFailure]
    skipped: list[LoadFailure]

    def __new__(
        cls, files: list[Path], failures: list[LoadFailure], skipped: list[LoadFailure]
    ) -> Expanded:
        self = super().__new__(cls, (files, failures))
        self.files, self.failures, self.skipped = files, failures, skipped
        return self


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> Expanded:
    """Turn files and folders into the list of files to load, in input order.

    The walk is :func:`walk_inputs`'. Returns ``(files, failures)`` with
    ``.skipped`` besides. At most :data:`~analysis.load.limits.MAX_FILES`
    files are returned: a folder with more gives one failure saying so, and
    the walk stops there.
    """
    files: list[Path] = []
    failures: list[LoadFailure] = []
    skipped: list[LoadFailure] = []
    full: set[str] = set()  # inputs cut short by the limit
    for item in walk_inputs(paths):
        if item.origin in full:
            continue
        if item.kind == "failed":
            failures.append(LoadFailure(item.path, item.reason))
        elif item.kind == "skipped":
            skipped.append(LoadFailure(item.path, item.reason))
        elif len(files) >= MAX_FILES:
            failures.append(_too_many(item.origin))
            full.add(item.origin)
        else:
            files.append(Path(item.path))
    return Expanded(files, failures, skipped)


#: How many files a worker-process pool is given ahead of the one being read.
_AHEAD = 8


def load_one(path: str) -> tuple[Article | None, str]:
    """Load one file: the article, or ``None`` and the one-line reason.

    Runs in this process or in a worker process (:mod:`analysis.pipeline`
    loads each file in the process that analyses it); it returns the reason
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
    """``load_one`` of each file, in order; in ``executor`` when one is given.

    A worker process that dies on a file (a crash in a parser) fails that
    file; the files after it are read in this process.
    """
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[Future[tuple[Article | None, str]]] = deque()
    ahead = iter(files)
    for index, path in enumerate(files):
        if executor is None:
            yield load_one(str(path))
            continue
        while len(pending) < _AHEAD and (nxt := next(ahead, None)) is not None:
            pending.append(executor.submit(load_one, str(nxt)))
        try:
            yield pending.popleft().result()
        except BrokenProcessPool:
            log.warning("the reader process stopped while reading %s", path)
            yield None, "the file crashed the reader (it may be damaged or hostile)."
            for rest in files[index + 1 :]:
                yield load_one(str(rest))
            return


class Loaded(tuple):  # type: ignore[type-arg]
    """``(articles, failures)``, as :func:`load_many` has always returned, plus
    ``.skipped``: the files of folders that FrameLens does not read, with why."""

    articles: list[Article]
    failures: list[LoadFailure]
    skipped: list[LoadFailure]

    def __new__(
        cls, articles: list[Article], failures: list[LoadFailure], skipped: list[LoadFailure]
    ) -> Loaded:
        self = super().__new__(cls, (articles, failures))
        self.articles, self.failures, self.skipped = articles, failures, skipped
        return self


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    executor: Executor | None = None,
) -> Loaded:
    """Load every input; return the articles in input order and the failures.

    Never stops at a bad file: each one becomes a :class:`LoadFailure` with
    a one-line reason. A file whose text (whitespace and case aside) equals
    an earlier one's is a duplicate: the first is kept and the later one is
    a failure "duplicate of <first path>" (:mod:`analysis.load.duplicates`).
    Files of folders that FrameLens does not read are in ``.skipped``.
    ``progress(done, total)`` is called after each file; ``cancel()`` is
    checked before each file and raises :class:`CancelledError` when True.
    With ``executor`` (a process pool), the files are parsed there, a few
    ahead, so that the parsers' long C calls never hold this process's GIL:
    the desktop app passes one to keep its window responsive.
    """
    expanded = expand_inputs(paths)
    files, failures = expanded.files, list(expanded.failures)
    articles: list[Article] = []
    duplicates = Duplicates()
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
            duplicate = duplicates.check(shown, text_fingerprint(article.text))
            if duplicate is not None:
                failures.append(duplicate)
            else:
                articles.append(article)
        if progress is not None:
            progress(done, total)
    return Loaded(articles, failures, list(expanded.skipped))
