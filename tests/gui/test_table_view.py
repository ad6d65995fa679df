"""CopyableTableView: Ctrl+C copies the selection as TSV; header clicks sort."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication

from gui.models.dataframe_model import DataFrameModel
from gui.widgets.table_view import CopyableTableView


@pytest.fixture
def view(qtbot) -> CopyableTableView:
    frame = pd.DataFrame(
        {
            "outlet": ["Harbour Herald", "Daily Ledger", "Coastline Today"],
            "words": [1200, 31, 170],
            "note": ["tab\there", "", "two\nlines"],
        }
    ).set_index("outlet")
    view = CopyableTableView()
    view.setModel(DataFrameModel(frame))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_rows_start_unsorted(view: CopyableTableView) -> None:
    model = view.model()
    assert [model.index(r, 0).data() for r in range(3)] == [
        "Harbour Herald",
        "Daily Ledger",
        "Coastline Today",
    ]


def test_ctrl_c_copies_selected_rows_as_tsv(qtbot, view: CopyableTableView) -> None:
    QGuiApplication.clipboard().clear()
    view.selectRow(0)
    view.selectionModel().select(
        view.model().index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        "outlet\twords\tnote\nHarbour Herald\t1,200\ttab here\nCoastline Today\t170\ttwo lines\n"
    )
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat("text/tab-separated-values")


def test_copy_of_single_cells_keeps_shape(view: CopyableTableView) -> None:
    view.set_row_selection(False)
    view.copy_headers = False
    model = view.model()
    selection = view.selectionModel()
    selection.select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(model.index(1, 1), QItemSelectionModel.SelectionFlag.Select)
    assert view.copy_selection() == "Harbour Herald\t\n\t31\n"
    assert QGuiApplication.clipboard().text() == "Harbour Herald\t\n\t31\n"


def test_nothing_selected_copies_nothing(view: CopyableTableView) -> None:
    QGuiApplication.clipboard().setText("before")
    view.clearSelection()
    assert view.copy_selection() == ""
    assert QGuiApplication.clipboard().text() == "before"


def test_clicking_a_header_sorts(qtbot, view: CopyableTableView) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    model = view.model()
    words = [model.index(r, 1).data() for r in range(3)]
    assert words in (["31", "170", "1,200"], ["1,200", "170", "31"])
    assert header.sortIndicatorSection() == 1
