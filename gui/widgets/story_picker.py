"""The story picker: which story the columns and the aligned view show.

A folder of articles may hold several events; the comparison groups them
into stories (analysis/compare/stories.py). The picker lists them, one at a
time is shown, and a story whose articles are far apart in time carries a
warning. With one story (or none) the picker hides itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget


def story_comparison(comparison: Any, story_id: str) -> Any:
    """``comparison`` narrowed to one story (``Comparison.for_story``); as is without one."""
    if comparison is None or not story_id:
        return comparison
    return comparison.for_story(story_id)


class StoryPicker(QWidget):
    """A labelled list of stories; emits the id of the story the user picks."""

    #: The story to show changed: its id ("" when there are no stories).
    storyChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stories: tuple[Any, ...] = ()
        self._combo = QComboBox()
        self._combo.setAccessibleName("Story")
        self._combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._combo.setMaximumWidth(640)
        label = QLabel(self.tr("&Story:"))
        label.setBuddy(self._combo)
        self._count = QLabel()
        self._warning = QLabel()
        self._warning.setWordWrap(True)
        self._warning.setStyleSheet("color: #b35900;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(label)
        layout.addWidget(self._combo)
        layout.addWidget(self._count)
        layout.addWidget(self._warning, 1)
        self._combo.currentIndexChanged.connect(self._picked)
        self.setVisible(False)

    def set_stories(self, stories: Sequence[Any], outlets: Sequence[str] = ()) -> None:
        """List ``stories`` (``Story`` values); keep the current one when it is still there.

        ``outlets[i]`` is the outlet of corpus article ``i``, shown per story.
        Emits :attr:`storyChanged` when the story shown changes.
        """
        before = self.current()
        self._stories = tuple(stories)
        self._combo.blockSignals(True)
        self._combo.clear()
        for story in self._stories:
            names = sorted({outlets[i] for i in story.articles if i < len(outlets)})
            mark = "⚠ " if story.warnings else ""
            title = story.title if len(story.title) <= 70 else story.title[:69] + "…"
            self._combo.addItem(f"{mark}{title} ({len(story.articles)} articles)", story.id)
            tip = [story.title, ", ".join(names), *story.warnings]
            self._combo.setItemData(
                self._combo.count() - 1, "\n".join(t for t in tip if t), Qt.ItemDataRole.ToolTipRole
            )
        ids = [s.id for s in self._stories]
        self._combo.setCurrentIndex(ids.index(before) if before in ids else 0)
        self._combo.blockSignals(False)
        self.setVisible(len(self._stories) > 1 or any(s.warnings for s in self._stories))
        self._count.setText(self.tr("{} stories").format(len(self._stories)))
        self._show_warning()
        if self.current() != before:
            self.storyChanged.emit(self.current())

    def current(self) -> str:
        """The id of the story shown ("" when there are none)."""
        data = self._combo.currentData()
        return str(data) if data else ""

    def set_current(self, story_id: str) -> None:
        """Show story ``story_id`` (as if the user picked it)."""
        index = self._combo.findData(story_id)
        if index >= 0:
            self._combo.setCurrentIndex(index)

    def articles(self) -> tuple[int, ...] | None:
        """Corpus article indices of the story shown; None when every article is shown."""
        story = next((s for s in self._stories if s.id == self.current()), None)
        return None if story is None or len(self._stories) < 2 else tuple(story.articles)

    def warning(self) -> str:
        return self._warning.text()

    def _show_warning(self) -> None:
        story = next((s for s in self._stories if s.id == self.current()), None)
        self._warning.setText(" ".join(story.warnings) if story is not None else "")

    def _picked(self, _index: int) -> None:
        self._show_warning()
        self.storyChanged.emit(self.current())
