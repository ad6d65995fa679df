"""Tests for analysis.export: the report's tables as CSV, XLSX and JSON."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from analysis.errors import ReportError
from analysis.export import TABLE_NAMES, export_tables, report_tables
from tests.analysis.report_corpus import HOSTILE_TITLE, make_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture(scope="module")
def comparison(corpus):
    from analysis.compare import compare

    return compare(corpus)


def read_csv(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "a BOM, so spreadsheets read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_tables_have_one_row_per_item(corpus, comparison):
    tables = report_tables(corpus, comparison)
    assert tuple(tables) == TABLE_NAMES
    assert list(tables["outlets"]["outlet"]) == list(corpus.outlets)
    assert len(tables["articles"]) == len(corpus.articles)
    assert len(tables["sentences"]) == sum(len(a.sentences) for a in corpus.articles)
    assert len(tables["highlights"]) == sum(len(a.highlights) for a in corpus.articles)
    assert len(tables["groups"]) == sum(len(g.members) for g in comparison.groups)
    assert tables["groups"]["core"].sum() == len(comparison.groups)


def test_tables_without_comparison_are_empty_not_missing(corpus):
    tables = report_tables(corpus, None)
    assert tables["distinctive"].empty and tables["groups"].empty
    assert list(tables["groups"].columns)[:3] == ["group", "similarity", "member"]


def test_zip_holds_one_csv_per_table(tmp_path, corpus, comparison):
    target = export_tables(tmp_path / "data.zip", corpus, comparison)
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [f"{n}.csv" for n in TABLE_NAMES]
        articles = read_csv(archive.read("articles.csv"))
    assert articles[0]["title"] == HOSTILE_TITLE


def test_folder_of_csvs(tmp_path, corpus, comparison):
    target = export_tables(tmp_path / "out", corpus, comparison)
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{n}.csv" for n in TABLE_NAMES)
    highlights = read_csv((target / "highlights.csv").read_bytes())
    assert {"slammed", "so-called"} <= {h["text"] for h in highlights}


def test_xlsx_has_a_sheet_per_table_and_no_formulas(tmp_path, corpus, comparison):
    from openpyxl import load_workbook

    target = export_tables(tmp_path / "data.xlsx", corpus, comparison)
    book = load_workbook(target)
    assert book.sheetnames == list(TABLE_NAMES)
    sheet = book["sentences"]
    header = [c.value for c in sheet[1]]
    text_col = header.index("text")
    cells = [row[text_col] for row in sheet.iter_rows(min_row=2)]
    formula_like = [c for c in cells if str(c.value).startswith("=")]
    assert formula_like, "the corpus has a sentence starting with '='"
    assert all(c.data_type == "s" for c in formula_like)


def test_json_round_trips(tmp_path, corpus, comparison):
    target = export_tables(tmp_path / "data.json", corpus, comparison)
    data = json.loads(target.read_text("utf-8"))
    assert data["format"] == "framelens-tables"
    assert list(data["tables"]) == list(TABLE_NAMES)
    assert data["tables"]["articles"][0]["title"] == HOSTILE_TITLE
    assert data["tables"]["outlets"][0]["outlet"] == "Harbour Gazette"


def test_unwritable_target_is_a_report_error(tmp_path, corpus):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="Cannot write the data export"):
        export_tables(blocker / "data.json", corpus)


# --- reliability round two (issue 27, items 3, 4 and 12) -----------------------


@pytest.fixture(scope="module")
def awkward_corpus():
    """A form feed inside a sentence, and a file name with an undecodable byte."""
    import os

    from analysis.load import load_text
    from analysis.pipeline import analyze

    articles = [
        load_text(
            "The minister said the plan\fwas reckless and shameful, critics said.",
            path=os.fsdecode(b"/archive/caf\xe9.txt"),
            outlet="Harbour Times",
            title=os.fsdecode(b"Caf\xe9 \x0b news"),
        ),
        load_text("The council approved the plan. Work starts in May.", outlet="Quay Post"),
    ]
    return analyze(articles, workers=1)


def test_xlsx_holds_form_feeds_and_odd_names(awkward_corpus, tmp_path):
    from openpyxl import load_workbook

    from analysis.export import xlsx_cell

    target = export_tables(tmp_path / "x.xlsx", awkward_corpus)
    book = load_workbook(target)
    cells = [str(c.value) for row in book["sentences"].iter_rows() for c in row]
    assert any("plan\nwas reckless" in c for c in cells)
    cells = [str(c.value) for row in book["articles"].iter_rows() for c in row]
    assert "/archive/caf\\xe9.txt" in cells
    assert xlsx_cell("a\x00b\x1fc") == "a b c"
    assert len(xlsx_cell("x" * 40_000)) == 32_767


@pytest.mark.parametrize("suffix", [".zip", ".json", ".xlsx", ""])
def test_every_format_writes_odd_names(awkward_corpus, tmp_path, suffix):
    target = export_tables(tmp_path / f"out{suffix}", awkward_corpus)
    assert target.exists()
    if suffix == ".json":
        import os

        rows = json.loads(target.read_bytes())["tables"]["articles"]
        assert os.fsencode(rows[0]["path"]) == b"/archive/caf\\xe9.txt"


def test_a_full_disk_keeps_the_earlier_export(awkward_corpus, tmp_path, monkeypatch):
    import errno
    import os

    target = tmp_path / "x.xlsx"
    target.write_bytes(b"yesterday's export")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(ReportError, match="No space left on device"):
        export_tables(target, awkward_corpus)
    monkeypatch.undo()
    assert target.read_bytes() == b"yesterday's export"
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]
