"""Hand-made analysed articles for the GUI-core tests (no TextBlob, no lexicon needed)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

from analysis.model import AnalyzedArticle, Article, Corpus, Highlight, SentenceScore


def analyzed(
    text: str,
    *,
    path: str = "a.txt",
    outlet: str = "Outlet A",
    title: str = "A title",
    loaded: Sequence[tuple[str, str, str]] = (),
    subjective: Sequence[tuple[str, float]] = (),
    source: str = "front matter",
) -> AnalyzedArticle:
    """An analysed article whose highlights are the given words.

    ``loaded`` holds (word, category, reason); ``subjective`` (word, weight).
    """
    highlights = []
    for word, cat, reason in loaded:
        start = text.index(word)
        highlights.append(
            Highlight(
                start,
                start + len(word),
                word,
                "loaded",
                cat,
                0.8,
                reason,
                subjectivity=0.6,
                polarity=-0.3,
                term=word.lower(),
            )
        )
    for word, weight in subjective:
        start = text.index(word)
        highlights.append(
            Highlight(
                start,
                start + len(word),
                word,
                "subjective",
                "subjective",
                weight,
                "TextBlob rates this word as subjective.",
                subjectivity=weight,
                polarity=0.1,
            )
        )
    sentences = []
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        if m.group().strip():
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            sentences.append(SentenceScore(s, m.end(), 0.5, 0.0, 0.4))
    article = Article(text=text, path=path, outlet=outlet, outlet_source=source, title=title)  # type: ignore[arg-type]
    return AnalyzedArticle(article, tuple(sentences), (), tuple(highlights), len(text.split()))


def fake_analyze(gate: threading.Event | None = None) -> Callable[..., Corpus]:
    """An ``analyze`` stand-in: one article per input, progress per input, honours cancel.

    With ``gate``, each input waits until the gate is set (or cancel is asked).
    """
    from analysis.errors import CancelledError

    def analyze(
        inputs: Sequence[Any], *, progress: Any = None, cancel: Any = None, **_: Any
    ) -> Corpus:
        out = []
        items = list(inputs)
        for i, item in enumerate(items):
            if gate is not None:
                while not gate.wait(0.01):
                    if cancel is not None and cancel():
                        raise CancelledError()
            if cancel is not None and cancel():
                raise CancelledError()
            if isinstance(item, Article):
                path, outlet, text = item.path, item.outlet, item.text
            else:
                path, outlet, text = str(item), "Outlet X", f"Text of {item}. It is fine."
            out.append(analyzed(text, path=path, outlet=outlet, title=f"Article {i}"))
            if progress is not None:
                progress(i + 1, len(items))
        return Corpus(tuple(out))

    return analyze


def drop(target: Any, mime: Any) -> bool:
    """Drag ``mime`` over ``target`` (a scroll area's viewport) and drop it there.

    Returns whether the drag was accepted.
    """
    import warnings

    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(target.width() / 2, target.height() / 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    args = (actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter = QDragEnterEvent(pos, *args)
    except TypeError:
        # Which constructor PySide6 offers (QPoint, deprecated, or QPointF) varies by version.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def urls(*paths: Any) -> Any:
    """A drag's mime data holding ``paths`` as local-file URLs."""
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def make_window(qtbot: Any, tmp_path: Any, **kwargs: Any) -> Any:
    """A shown main window with its own settings file and autosave folder."""
    from gui.mainwindow import MainWindow
    from gui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.confirm_close = False
    kwargs.setdefault("workers", 1)
    window = MainWindow(settings, autosave_dir=tmp_path / "state", **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
