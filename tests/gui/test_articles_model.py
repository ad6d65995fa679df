"""Articles model: grouping by outlet, rename (articles regroup), merge, move, remove, reorder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from gui.models.articles_model import COL_DETAIL, COL_NAME, KIND_ROLE, ArticlesModel
from tests.gui.core_fakes import analyzed


@pytest.fixture
def model() -> ArticlesModel:
    m = ArticlesModel()
    m.add(
        [
            ("a1", analyzed("A one.", path="a1", outlet="Alpha", title="A1")),
            ("b1", analyzed("B one.", path="b1", outlet="Beta", title="B1", source="domain")),
            ("a2", analyzed("A two.", path="a2", outlet="Alpha", title="A2")),
            ("u1", analyzed("U one.", path="u1", outlet="Unknown", title="U1", source="unknown")),
        ]
    )
    return m


def test_grouped_by_outlet_in_order_of_first_article(model: ArticlesModel) -> None:
    assert model.outlets() == ["Alpha", "Beta", "Unknown"]
    assert model.keys() == ["a1", "a2", "b1", "u1"]
    alpha = model.index(0, COL_NAME)
    assert model.rowCount(alpha) == 2
    assert model.data(alpha, KIND_ROLE) == "outlet"
    assert model.data(model.index(0, COL_DETAIL), Qt.ItemDataRole.DisplayRole) == "front matter"
    assert model.data(model.index(1, COL_DETAIL), Qt.ItemDataRole.DisplayRole) == "domain"
    child = model.index(1, COL_NAME, alpha)
    assert model.data(child, Qt.ItemDataRole.DisplayRole) == "A2"
    assert "by front matter" in model.data(child, Qt.ItemDataRole.ToolTipRole)  # type: ignore[operator]


def test_model_is_consistent(model: ArticlesModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model, force_py=True)
    model.rename_outlet("Beta", "Alpha")
    qtmodeltester.check(model, force_py=True)


def test_rename_regroups_and_applies_to_later_articles(model: ArticlesModel) -> None:
    model.setData(model.outlet_index("Unknown"), "Gamma")
    assert model.outlets() == ["Alpha", "Beta", "Gamma"]
    assert model.source_of("u1") == "user"
    assert model.renames == {"Unknown": "Gamma"}
    model.add([("u2", analyzed("U two.", path="u2", outlet="Unknown"))])
    assert model.outlet_of("u2") == "Gamma"
    corpus = model.corpus()
    assert [a.outlet for a in corpus.articles] == ["Alpha", "Alpha", "Beta", "Gamma", "Gamma"]
    assert corpus.articles[3].article.outlet_source == "user"
    # Renaming onto an existing name merges.
    model.rename_outlet("Gamma", "Beta")
    assert model.outlets() == ["Alpha", "Beta"]
    assert model.keys() == ["a1", "a2", "b1", "u1", "u2"]


def test_merge_move_remove_reorder(model: ArticlesModel) -> None:
    model.merge_outlets(["Beta", "Unknown"], "Alpha")
    assert model.outlets() == ["Alpha"]
    model.move_article("b1", "Delta")
    assert model.outlet_of("b1") == "Delta" and model.moves == {"b1": "Delta"}
    model.move_article_by("a2", -1)
    assert model.keys()[:2] == ["a2", "a1"]
    model.move_outlet_by("Delta", -1)
    assert model.outlets() == ["Delta", "Alpha"]
    with_changes = model.corpus()
    model.remove(["a1"])
    assert "a1" not in model and len(model) == 3
    assert len(with_changes.articles) == 4  # an earlier corpus is a value: unchanged


def test_changed_signal(model: ArticlesModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(model.changed):
        model.move_article("a1", "Beta")
    with qtbot.assertNotEmitted(model.changed):
        model.move_article("a1", "Beta")  # no change


def test_drag_an_article_onto_an_outlet(model: ArticlesModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    mime = model.mimeData([model.article_index("u1")])
    beta = model.outlet_index("Beta")
    with qtbot.waitSignal(model.changed):
        model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, beta)
    assert model.outlet_of("u1") == "Beta"
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())


def test_an_undecodable_file_name_is_shown_readably() -> None:
    import os

    key = os.fsdecode(b"/news/caf\xe9.txt")
    m = ArticlesModel()
    m.add([(key, analyzed("A one.", path=key, outlet="Alpha", title=""))])
    article = m.article_index(key)
    assert m.data(article) == "A one."  # no headline: its opening words
    assert "/news/caf\\xe9.txt" in str(m.data(article, Qt.ItemDataRole.ToolTipRole))
    # Without words to show, the file name, readably.
    m.add([(key + "2", analyzed(" ", path=key, outlet="Alpha", title=""))])
    assert m.data(m.article_index(key + "2")) == "caf\\xe9.txt"
