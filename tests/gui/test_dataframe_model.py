"""DataFrameModel: Qt model contract, formatting, roles and sorting."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from gui.models.dataframe_model import COLUMN_NAME_ROLE, RAW_VALUE_ROLE, SORT_ROLE, DataFrameModel

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["Harbour Herald", "daily Ledger", "Coastline Today", "Bay Post"],
            "words": [1200, 31000, 170, 950],
            "subjectivity": [0.1234, 0.6331, math.nan, 0.25],
            "top_terms": ["", "slammed, claimed", "", "hike"],
        }
    ).set_index("outlet")


@pytest.fixture
def model(frame: pd.DataFrame) -> DataFrameModel:
    return DataFrameModel(frame, decimals={"subjectivity": 3}, headers={"words": "Words"})


def column(model: DataFrameModel, col: int) -> list[str]:
    return [model.index(r, col).data(DISPLAY) for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, model: DataFrameModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_empty_and_cleared_models_pass_qtmodeltester(qtmodeltester, frame) -> None:
    empty = DataFrameModel()
    qtmodeltester.check(empty, force_py=True)
    assert empty.rowCount() == 0 and empty.columnCount() == 0
    model = DataFrameModel(frame)
    model.set_frame(None)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_index_is_the_first_column_with_headers(model: DataFrameModel) -> None:
    assert model.columnCount() == 4
    assert model.INDEX_COLUMN == 0
    assert column(model, 0) == ["Harbour Herald", "daily Ledger", "Coastline Today", "Bay Post"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["outlet", "Words", "subjectivity", "top terms"]
    assert model.headerData(2, Qt.Orientation.Horizontal, COLUMN_NAME_ROLE) == "subjectivity"
    assert model.column_of("top_terms") == 3 and model.column_of("nope") == -1


def test_shares_are_shown_as_percentages_and_kept_as_shares(frame: pd.DataFrame) -> None:
    model = DataFrameModel(frame, percents=("subjectivity",))
    assert column(model, 2) == ["12%", "63%", "–", "25%"]
    assert model.index(1, 2).data(RAW_VALUE_ROLE) == pytest.approx(0.6331)
    model.set_columns(headers={"subjectivity": "Share"})  # kept across new headers
    assert column(model, 2)[0] == "12%"


def test_numbers_are_formatted_and_right_aligned(model: DataFrameModel) -> None:
    assert column(model, 1) == ["1,200", "31,000", "170", "950"]
    assert column(model, 2) == ["0.123", "0.633", "–", "0.250"]
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 1).data(ALIGN) == right
    assert model.index(0, 0).data(ALIGN) == left
    assert model.headerData(1, Qt.Orientation.Horizontal, ALIGN) == right


def test_raw_value_role_gives_plain_python_values(model: DataFrameModel) -> None:
    raw = model.index(1, 2).data(RAW_VALUE_ROLE)
    assert raw == pytest.approx(0.6331) and type(raw) is float
    words = model.index(1, 1).data(RAW_VALUE_ROLE)
    assert words == 31000 and type(words) is int
    assert model.index(2, 2).data(RAW_VALUE_ROLE) is None  # NaN becomes "missing"
    assert model.index(0, 1).data(SORT_ROLE) == 1200.0


def test_sort_numbers_descending_and_missing_last(model: DataFrameModel) -> None:
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert column(model, 0) == ["daily Ledger", "Bay Post", "Harbour Herald", "Coastline Today"]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert column(model, 0) == ["Harbour Herald", "Bay Post", "daily Ledger", "Coastline Today"]


def test_sort_text_ignores_case_and_minus_one_restores_order(model: DataFrameModel) -> None:
    model.sort(0)
    assert column(model, 0) == ["Bay Post", "Coastline Today", "daily Ledger", "Harbour Herald"]
    model.sort(-1)
    assert column(model, 0) == ["Harbour Herald", "daily Ledger", "Coastline Today", "Bay Post"]


def test_sort_keeps_persistent_indexes_on_their_rows(qtmodeltester, model: DataFrameModel) -> None:
    qtmodeltester.check(model, force_py=True)
    persistent = QPersistentModelIndex(model.index(1, 1))  # daily Ledger's words
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert persistent.row() == 3
    assert model.index(persistent.row(), 0).data(DISPLAY) == "daily Ledger"


def test_sort_is_kept_when_the_frame_is_replaced(model: DataFrameModel, frame) -> None:
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_frame(frame.iloc[::-1])
    assert column(model, 1) == ["31,000", "1,200", "950", "170"]


def test_without_index_and_with_list_cells() -> None:
    frame = pd.DataFrame({"term": ["slammed", "hike"], "refs": [(1, 2), ()], "flag": [True, False]})
    model = DataFrameModel(frame, show_index=False)
    assert model.columnCount() == 3
    assert column(model, 0) == ["slammed", "hike"]
    assert column(model, 1) == ["1, 2", ""]
    assert column(model, 2) == ["yes", "no"]


def test_set_columns_changes_titles(qtbot, model: DataFrameModel) -> None:
    with qtbot.waitSignal(model.headerDataChanged):
        model.set_columns(headers={"subjectivity": "Subjectivity"}, decimals={"subjectivity": 1})
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Subjectivity"
    assert model.index(0, 2).data(DISPLAY) == "0.1"
