"""The log file, ``framelens.log`` in the platform's log folder; free of Qt.

The window (:mod:`gui.crash`) and the headless subcommands (:mod:`gui.cli`)
both log there; a subcommand must not import Qt to do so (it would cost
half a second of start-up, and a process with Qt loaded never forks its
worker processes, see :func:`analysis.parallel.start_method`).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from analysis.safeio import PrintableFormatter

log = logging.getLogger(__name__)
LOG_NAME = "framelens.log"


def log_dir() -> Path:
    """The platform's log folder for FrameLens (created when needed)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("FrameLens", appauthor=False))


def setup_file_logging(directory: Path | None = None) -> Path | None:
    """Log warnings and errors of every FrameLens logger to ``framelens.log``; return its path."""
    directory = directory or log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / LOG_NAME
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError as error:
        log.warning("cannot write a log file in %s: %s", directory, error)
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(PrintableFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path
