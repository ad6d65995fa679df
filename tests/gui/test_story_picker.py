"""StoryPicker: lists the comparison's stories, one shown at a time, with time-span warnings."""

from __future__ import annotations

import pytest

from analysis.compare import compare
from analysis.compare.results import Story
from gui.widgets.story_picker import StoryPicker, story_comparison
from tests.analysis.test_compare_stories import two_story_corpus

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

STORIES = (
    Story("story-1", "Bridge opens", (0, 3)),
    Story("story-2", "Harvest fails", (1, 2), 448, ("Its articles are 448 days apart.",)),
)
OUTLETS = ("Gazette", "Gazette", "Courier", "Courier")


@pytest.fixture
def picker(qtbot) -> StoryPicker:
    widget = StoryPicker()
    qtbot.addWidget(widget)
    return widget


def test_hidden_without_stories_and_with_one_plain_story(picker: StoryPicker) -> None:
    picker.set_stories(())
    assert picker.isHidden() and picker.current() == "" and picker.articles() is None
    picker.set_stories(STORIES[:1], OUTLETS)
    assert picker.isHidden() and picker.current() == "story-1"
    assert picker.articles() is None  # one story: every article is shown


def test_lists_stories_and_shows_the_first(qtbot, picker: StoryPicker) -> None:
    with qtbot.waitSignal(picker.storyChanged) as signal:
        picker.set_stories(STORIES, OUTLETS)
    assert signal.args == ["story-1"]
    assert not picker.isHidden()
    assert picker.articles() == (0, 3)
    assert picker.warning() == ""


def test_picking_a_story_emits_and_shows_its_warning(qtbot, picker: StoryPicker) -> None:
    picker.set_stories(STORIES, OUTLETS)
    with qtbot.waitSignal(picker.storyChanged) as signal:
        picker.set_current("story-2")
    assert signal.args == ["story-2"]
    assert picker.articles() == (1, 2)
    assert "448 days apart" in picker.warning()


def test_the_story_shown_is_kept_when_the_stories_come_again(qtbot, picker: StoryPicker) -> None:
    picker.set_stories(STORIES, OUTLETS)
    picker.set_current("story-2")
    with qtbot.assertNotEmitted(picker.storyChanged):
        picker.set_stories(STORIES, OUTLETS)  # a new threshold: the same stories
    assert picker.current() == "story-2"


def test_story_comparison_keeps_one_storys_facts_and_outlets() -> None:
    corpus = two_story_corpus()
    comparison = compare(corpus)
    for story in comparison.stories:
        narrowed = story_comparison(comparison, story.id)
        assert all(g.story == story.id for g in narrowed.groups)
        assert all(u.story == story.id for u in narrowed.unique)
        assert set(narrowed.outlets) == {corpus.articles[i].outlet for i in story.articles}
    assert story_comparison(comparison, "") is comparison
    assert story_comparison(None, "story-1") is None
