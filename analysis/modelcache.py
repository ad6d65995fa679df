"""A disk cache for the models every analysis loads: built once, read in milliseconds.

Building FrameLens's lexicon index (every term's inflections, the trie) and
TextBlob's sentiment lexicon (parsing its XML, averaging the senses) takes
about 0.15 s, and every process that analyses pays it: the command line
before its first sentence, each worker the app starts.  While a worker is
starting nothing can share the work, so it bounds how much two processes
gain over one (benchmarks/throughput.py).  :func:`cached` keeps the built
model as a ``marshal`` file (plain tuples, dicts and strings) that loads in
a few milliseconds.

A cached model is only used for exactly the files it was built from: the key
hashes the bytes of every source file (the data, and the module whose code
builds the model), the name and version of the model's format, FrameLens's
version and the Python version.  In a frozen program, whose modules are not
files, the program file's size and time stand for the code.  Anything wrong
with the cache (a missing, unreadable, truncated or foreign file; a
read-only home; no home at all) makes :func:`cached` build the model as if
there were no cache: the cache can make loading faster, never different.

Where: ``FRAMELENS_CACHE_DIR`` if set (an empty value turns the cache off),
else the platform's cache folder (``~/.cache/FrameLens/models`` on Linux).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "cached"]

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of cached models, or None when the cache is turned off."""
    chosen = os.environ.get("FRAMELENS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("FrameLens", appauthor=False)) / "models"


def _key(name: str, version: int, sources: Sequence[Path]) -> str:
    from analysis import __version__

    digest = hashlib.sha256(f"{name}\0{version}\0{__version__}\0{sys.version}".encode())
    for source in sources:
        if getattr(sys, "frozen", False) and not source.exists():
            # A frozen module has no source file (its __file__ names none).
            program = os.stat(sys.executable)
            digest.update(f"\0{sys.executable}\0{program.st_size}\0{program.st_mtime_ns}".encode())
        else:
            digest.update(b"\0" + source.read_bytes())
    return digest.hexdigest()[:24]


def cached(
    name: str,
    version: int,
    sources: Sequence[Path],
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """The model ``build()`` makes from ``sources``, from the cache when it holds it.

    ``encode`` turns the model into plain data that ``marshal`` can write
    (tuples, lists, dicts, strings, numbers, booleans, None); ``decode``
    turns that data back into an equal model. ``version`` names the format
    of that data: raise it whenever ``encode`` changes.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_key(name, version, sources)}.marshal"
    except OSError as error:
        log.debug("no cache key for %s: %s", name, error)
        return build()
    try:
        # One read, then loads: marshal.load on a file reads item by item, 20 times slower.
        return decode(marshal.loads(path.read_bytes()))
    except FileNotFoundError:
        pass
    except Exception as error:  # noqa: BLE001 - any bad cache file means: build again
        log.info("ignoring the cached %s (%s: %s)", path, type(error).__name__, error)
    model = build()
    _write(path, encode(model), name)
    return model


def _write(path: Path, data: Any, name: str) -> None:
    """Write ``data`` to ``path`` atomically and drop the older caches of ``name``;
    a failure only costs the next run a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(data))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as error:
        log.info("cannot cache %s: %s", path, error)
