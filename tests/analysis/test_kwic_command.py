"""Tests of ``framelens kwic`` (analysis.commands.kwic) through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from gui.cli import main
from tests.analysis.compare_corpus import STORY


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["kwic", *argv], out, err)
    return status, out.getvalue(), err.getvalue()


def _independent_count(words: str, path: Path) -> int:
    """Occurrences counted without FrameLens: the raw file, a plain word-boundary regex."""
    text = path.read_text(encoding="utf-8")
    return len(re.findall(rf"\b(?:{words})\b", text, flags=re.IGNORECASE))


def test_invasion_on_the_seeds_gives_exactly_its_occurrences(seeds_dir: Path) -> None:
    status, out, err = _run("invasion", str(seeds_dir), "--json")
    assert status == 0, err
    document = json.loads(out)
    assert document["pattern"] == "invasion"
    files = sorted(seeds_dir.glob("*.txt"))
    per_article = {str(p): 0 for p in files}
    for hit in document["hits"]:
        per_article[hit["article"]] += 1
        assert hit["match"].lower() == "invasion"
        assert set(hit) >= {
            "article", "outlet", "story", "start", "end", "left", "match", "right", "voice",
        }  # fmt: skip
        assert hit["voice"] in ("outlet", "quoted")
    expected = {str(p): _independent_count("invasion", p) for p in files}
    assert per_article == expected
    assert sum(expected.values()) > 0  # the seeds do use the word
    assert sum(o["hits"] for o in document["outlets"].values()) == sum(expected.values())


def test_alternatives_give_the_table_per_outlet(seeds_dir: Path) -> None:
    status, out, err = _run("invasion | war | conflict", str(seeds_dir), "--json")
    assert status == 0, err
    document = json.loads(out)
    assert document["terms"] == ["invasion", "war", "conflict"]
    outlets = document["outlets"]
    assert len(outlets) == 4
    for path in sorted(seeds_dir.glob("*.txt")):
        outlet = next(h["outlet"] for h in document["hits"] if h["article"] == str(path))
        for term in ("invasion", "war", "conflict"):
            # One file per outlet here, so the outlet's count is the file's.
            assert outlets[outlet]["terms"][term]["hits"] == _independent_count(term, path)
    for counts in outlets.values():
        assert counts["hits"] == sum(t["hits"] for t in counts["terms"].values())
        own = counts["hits"] - counts["quoted"]
        assert counts["per_1000"] == round(1000 * own / counts["own_words"], 3)
    status, readable, _ = _run("invasion | war | conflict", str(seeds_dir))
    assert status == 0
    header = next(line for line in readable.splitlines() if line.startswith("outlet"))
    assert header.split()[-3:] == ["invasion", "war", "conflict"]


def _write_story(tmp_path: Path) -> list[str]:
    paths = []
    for outlet, name, text in STORY:
        path = tmp_path / name
        path.write_text(f"outlet: {outlet}\n\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_readable_output_is_aligned_on_the_match(tmp_path: Path) -> None:
    paths = _write_story(tmp_path)
    status, out, err = _run("bridge", *paths, "--width", "20")
    assert status == 0, err
    lines = [line for line in out.splitlines() if "[bridge]" in line or "[Bridge]" in line]
    assert len(lines) >= 4
    assert len({line.lower().index("[bridge]") for line in lines}) == 1


def test_csv_export_defuses_formulas(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("outlet: Gazette\n\n=HYPERLINK(1) war began.\n", encoding="utf-8")
    target = tmp_path / "hits.csv"
    status, _, err = _run("HYPERLINK", str(path), "--csv", str(target), "--width", "5")
    assert status == 0, err
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["match"] == "HYPERLINK"
    assert rows[0]["left"] == "'="  # the spreadsheet sees text, not a formula
    assert rows[0]["outlet"] == "Gazette"


def test_bad_pattern_is_a_usage_error_and_missing_file_is_reported(tmp_path: Path) -> None:
    paths = _write_story(tmp_path)
    status, _, err = _run("  |  ", *paths)
    assert status == 2
    assert "pattern is empty" in err
    status, out, err = _run("bridge", *paths, str(tmp_path / "missing.txt"))
    assert status == 1
    assert "missing.txt" in err
    assert "[bridge]" in out


def test_defaults_match_the_library_and_sort_orders_within_outlets(tmp_path: Path) -> None:
    from analysis import kwic
    from analysis.commands import kwic as command

    assert command.DEFAULT_WIDTH == kwic.DEFAULT_WIDTH
    paths = _write_story(tmp_path)
    status, out, _ = _run("bridge", *paths, "--json", "--sort", "left")
    assert status == 0
    hits = json.loads(out)["hits"]
    outlets = [h["outlet"] for h in hits]
    assert outlets == sorted(outlets, key=outlets.index)  # grouped: each outlet once, in a run
    for outlet in set(outlets):
        # The words nearest the match first, punctuation aside.
        keys = [
            re.findall(r"[^\W_]+", h["left"].lower())[::-1] for h in hits if h["outlet"] == outlet
        ]
        assert keys == sorted(keys)
