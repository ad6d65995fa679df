"""Tests of analysis.commands.compare, the ``framelens compare`` subcommand."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from analysis.commands import compare as command
from tests.analysis.compare_corpus import CHARTER, STORY


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return parser.parse_args(list(argv))


def _write_story(tmp_path: Path) -> list[str]:
    paths = []
    for outlet, name, text in STORY:
        path = tmp_path / name
        path.write_text(f"outlet: {outlet}\n\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_json_output(tmp_path: Path) -> None:
    paths = _write_story(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    status = command.run(_parse(*paths, "--json", "--workers", "1"), out, err)
    assert status == 0, err.getvalue()
    document = json.loads(out.getvalue())
    assert document["groups"]
    assert {m["article"] for g in document["groups"] for m in g["members"]} <= set(paths)
    assert set(document) >= {"groups", "unique", "distinctive", "labels", "quotes", "frames"}


def test_readable_output_and_missing_input(tmp_path: Path) -> None:
    paths = _write_story(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    status = command.run(_parse(*paths, str(tmp_path / "missing.txt"), "--workers", "1"), out, err)
    assert status == 1
    assert "missing.txt" in err.getvalue()
    assert "Same statements in different outlets" in out.getvalue()


def test_bad_threshold_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse("a.txt", "--threshold", "1.5")
    assert exit_info.value.code == 2


def test_bad_concept_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "c.tsv"
    bad.write_text("wrong header\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert command.run(_parse("a.txt", "--concepts", str(bad)), out, err) == 2
    assert "header" in err.getvalue()


def test_a_group_joined_by_a_figure_names_it(tmp_path: Path) -> None:
    paths = []
    for outlet, name, text in CHARTER:
        path = tmp_path / name
        path.write_text(f"outlet: {outlet}\n\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    out, err = io.StringIO(), io.StringIO()
    assert command.run(_parse(*paths, "--workers", "1"), out, err) == 0, err.getvalue()
    assert "shared figure 14-point" in out.getvalue()
    out = io.StringIO()
    assert command.run(_parse(*paths, "--json", "--workers", "1"), out, err) == 0
    (group,) = json.loads(out.getvalue())["groups"]
    assert group["anchors"] == ["14-point"]


def test_workers_beyond_the_cores_are_capped_and_said(tmp_path: Path) -> None:
    from analysis.pipeline import default_workers

    paths = _write_story(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    status = command.run(_parse(*paths, "--json", "--workers", "1000"), out, err)
    assert status == 0
    assert err.getvalue() == (
        f"framelens compare: --workers 1000 is more than the {default_workers()} usable "
        f"cores; using {default_workers()}.\n"
    )
