"""What a worker does with a chunk: build each article, score it, turn it into rows.

:func:`score_chunk` is the one function every engine of
:mod:`analysis.batchrun` maps over the chunks (in this process, in worker
processes of :mod:`analysis.parallel`, or on Dask workers), and
:func:`init_worker` loads the models once per worker process.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from analysis.batchrun.values import (
    Analyzer,
    ChunkResult,
    ChunkTask,
    Item,
    Refused,
    article_columns,
    category_ids,
    sentence_columns,
)
from analysis.errors import FrameLensError, LoadError
from analysis.load.jsondata import BadJson, parse_json
from analysis.model import AnalyzedArticle, Article, LoadFailure
from analysis.safeio import encodable

log = logging.getLogger(__name__)

#: Columns that hold file names, whose undecodable bytes must survive.
_NAME_COLUMNS = frozenset({"id", "source"})


def init_worker() -> None:
    """Load the models once per worker process, while the caller reads the inputs."""
    from analysis.lexicon import default_lexicon
    from analysis.segment import sentence_spans
    from analysis.sentiment import sentiment_lexicon

    default_lexicon()
    sentiment_lexicon()
    sentence_spans("Warm up the sentence splitter. Then go.")


def _article_row(item: Item, scored: AnalyzedArticle) -> dict[str, Any]:
    """The article's scores, defined as in :func:`analysis.tables.article_table`."""
    from analysis.tables import score_columns

    article = scored.article
    return {
        "id": article.path,
        "source": item.source,
        "row": item.row or None,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "title": article.title,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        **score_columns([scored], category_ids()),
        "loaded": scored.loaded_count,
        "bias_max": max((s.bias for s in scored.sentences), default=0.0),
    }


def _sentence_rows(item: Item, scored: AnalyzedArticle) -> Iterator[dict[str, Any]]:
    article = scored.article
    highlights = sorted(scored.highlights, key=lambda h: h.start)
    starts = [h.start for h in highlights]
    for index, sentence in enumerate(scored.sentences):
        inside = highlights[
            bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)
        ]
        yield {
            "id": article.path,
            "source": item.source,
            "row": item.row or None,
            "outlet": article.outlet,
            "sentence": index,
            "start": sentence.start,
            "end": sentence.end,
            "text": article.text[sentence.start : sentence.end],
            "subjectivity": sentence.subjectivity,
            "polarity": sentence.polarity,
            "bias": sentence.bias,
            "quoted": sentence.quoted,
            "loaded": sum(1 for h in inside if h.kind == "loaded"),
            "subjective_words": sum(1 for h in inside if h.kind == "subjective"),
        }


def _text_field(record: Mapping[str, Any], name: str) -> str:
    """A metadata field as text; numbers are written out, lists and objects ignored
    (they may be nested too deeply to print)."""
    value = record.get(name)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` without lone surrogates (U+D800-U+DFFF, from JSON ``"\\udfff"``):
    each becomes U+FFFD, so the text can be written as UTF-8 (Parquet, CSV)."""
    if value.isascii():
        return value
    return _SURROGATES_RE.sub("\ufffd", value)


def _item_label(item: Item) -> str:
    return f"{item.source}:{item.row}" if item.row else item.source


def _article_from_record(item: Item, text_column: str, id_column: str) -> Article:
    """Build the article of a JSON Lines or CSV row; raise LoadError when there is none."""
    from analysis.load import load_text

    label = _item_label(item)
    record: Any = item.record
    if isinstance(record, Refused):
        raise LoadError(label, record.reason)
    if isinstance(record, str):
        try:
            record = parse_json(record)
        except BadJson as error:
            raise LoadError(label, f"this line cannot be used: {error}.") from error
        if not isinstance(record, dict):
            raise LoadError(label, "this line is not a JSON object ({...}).")
    assert isinstance(record, dict)
    text = record.get(text_column)
    if not isinstance(text, str) or not text.strip():
        raise LoadError(label, f"it has no text in its '{text_column}' column.")
    outlet = _text_field(record, "outlet").strip()
    return load_text(
        text,
        path=_text_field(record, id_column).strip() or label,
        outlet=outlet or None,
        title=_text_field(record, "title"),
        author=_text_field(record, "author"),
        date=_text_field(record, "date"),
        url=_text_field(record, "url"),
    )


def _load_item(item: Item, text_column: str, id_column: str) -> Article:
    if item.record is None:
        from analysis.load import load_path

        return load_path(item.source)
    return _article_from_record(item, text_column, id_column)


def score_chunk(task: ChunkTask) -> ChunkResult:
    """Load and score every article of a chunk; never raises for a bad article.

    This is the one function both engines map over the chunks. An article
    that cannot be loaded or scored becomes a :class:`LoadFailure`, so one
    bad row never stops a run of millions.
    """
    if task.analyzer is None:
        from analysis.score import analyze_article

        analyzer: Analyzer = analyze_article
    else:
        analyzer = task.analyzer
    names = article_columns() if task.per == "article" else sentence_columns()
    columns: dict[str, list[Any]] = {name: [] for name in names}
    failures: list[LoadFailure] = []
    articles = rows = words = 0
    for item in task.items:
        try:
            scored = analyzer(_load_item(item, task.text_column, task.id_column))
        except LoadError as error:
            failures.append(LoadFailure(_item_label(item), error.reason))
            continue
        except FrameLensError as error:
            failures.append(LoadFailure(_item_label(item), str(error)))
            continue
        except (ImportError, SyntaxError):
            raise  # a broken installation: no article could be scored, so stop
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the run
            # One line in the log; the traceback only when debugging.
            log.warning("unexpected error while scoring %s: %r", _item_label(item), error)
            log.debug("traceback for %s", _item_label(item), exc_info=True)
            failures.append(
                LoadFailure(
                    _item_label(item),
                    f"it could not be scored ({type(error).__name__}: {error}).",
                )
            )
            continue
        articles += 1
        words += scored.words
        new_rows = (
            [_article_row(item, scored)]
            if task.per == "article"
            else list(_sentence_rows(item, scored))
        )
        for row in new_rows:
            for name in names:
                value = row[name]
                if isinstance(value, str):
                    # A file name's undecodable bytes are kept, spelled \xNN;
                    # elsewhere a lone surrogate is only damage.
                    value = encodable(value) if name in _NAME_COLUMNS else clean_text(value)
                columns[name].append(value)
        rows += len(new_rows)
    return ChunkResult(
        ordinal=task.ordinal,
        items=len(task.items),
        columns=columns,
        articles=articles,
        rows=rows,
        words=words,
        failures=tuple(failures),
    )
