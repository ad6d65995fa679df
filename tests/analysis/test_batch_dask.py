"""The Dask backend of analysis/parallel.py, as framelens batch uses it, on a local cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis.batchrun import run_batch
from analysis.errors import CancelledError, FrameLensError

pytestmark = pytest.mark.dask

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

# Our own fictional sentences (never text from ../shared).
_SENTENCES = (
    "The council approved the new bridge budget on Tuesday.",
    "Critics slammed the outrageous plan as a reckless giveaway.",
    "The mayor allegedly ignored the warnings of the engineers.",
    "Officials said the work would start in the spring.",
    "Residents claimed the terrible noise kept them awake.",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(30):
            text = " ".join(_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(2 + i % 4))
            handle.write(json.dumps({"id": f"story-{i}", "text": text}) + "\n")
        handle.write("{broken\n")
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Several worker processes, one thread each, as on a real cluster."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=50,
    ) as local:
        yield local


def _table(path: Path) -> list[dict[str, Any]]:
    import pandas as pd

    return list(pd.read_parquet(path).to_dict(orient="records"))


def test_dask_scheduler_rows_equal_local_rows(corpus: Path, tmp_path: Path, cluster: Any) -> None:
    local = run_batch([corpus], tmp_path / "local.parquet", workers=1, chunk_size=4)
    dask = run_batch(
        [corpus],
        tmp_path / "dask.parquet",
        engine="dask",
        scheduler=cluster.scheduler_address,
        chunk_size=4,
    )
    assert _table(tmp_path / "dask.parquet") == _table(tmp_path / "local.parquet")
    assert (dask.rows, dask.words, dask.failures) == (local.rows, local.words, local.failures)
    assert dask.engine == "dask" and dask.workers == 2
    assert dask.failures == 1


def test_dask_sentence_rows_equal_local_rows(corpus: Path, tmp_path: Path, cluster: Any) -> None:
    run_batch([corpus], tmp_path / "local.parquet", per="sentence", workers=1, chunk_size=7)
    run_batch(
        [corpus],
        tmp_path / "dask.parquet",
        per="sentence",
        engine="dask",
        scheduler=cluster.scheduler_address,
        chunk_size=7,
    )
    assert _table(tmp_path / "dask.parquet") == _table(tmp_path / "local.parquet")


def test_dask_run_resumes_after_cancel(corpus: Path, tmp_path: Path, cluster: Any) -> None:
    run_batch([corpus], tmp_path / "local.parquet", workers=1, chunk_size=3)
    out = tmp_path / "dask.parquet"
    seen = {"done": 0}

    def progress(state: Any) -> None:
        seen["done"] = state.done

    with pytest.raises(CancelledError):
        run_batch(
            [corpus], out, engine="dask", scheduler=cluster.scheduler_address, chunk_size=3,
            progress=progress, cancel=lambda: seen["done"] >= 6,
        )  # fmt: skip
    summary = run_batch(
        [corpus], out, engine="dask", scheduler=cluster.scheduler_address, chunk_size=3,
        resume=True,
    )  # fmt: skip
    assert summary.resumed >= 6
    assert _table(out) == _table(tmp_path / "local.parquet")


def test_dask_without_scheduler_starts_a_local_cluster(corpus: Path, tmp_path: Path) -> None:
    run_batch([corpus], tmp_path / "local.parquet", workers=1, chunk_size=8)
    summary = run_batch([corpus], tmp_path / "dask.parquet", engine="dask", workers=2, chunk_size=8)
    assert summary.workers == 2
    assert _table(tmp_path / "dask.parquet") == _table(tmp_path / "local.parquet")


def test_unreachable_scheduler_is_a_clear_error(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis import parallel

    monkeypatch.setattr(parallel, "DASK_CONNECT_TIMEOUT", "1s")
    with pytest.raises(FrameLensError, match="Could not connect to the Dask scheduler"):
        run_batch([corpus], tmp_path / "dask.parquet", engine="dask", scheduler="tcp://127.0.0.1:9")
