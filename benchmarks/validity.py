"""Validity: how well FrameLens's highlights and bias estimate agree with experts.

Runs the analysis of ``framelens analyze`` over the development shares of
BABE (Spinde et al. 2021) and BASIL (Fan et al. 2019) in ../shared/data and
prints, per dataset,

* word level: precision, recall and F1 of the word tokens covered by a
  highlight with weight >= 0.5, against the annotated biased words (BABE) or
  the tokens overlapping a lexical-bias span (BASIL);
* sentence level: ROC-AUC of the per-sentence bias estimate against the
  sentence label (BABE label_bias; BASIL "has a lexical-bias span");

beside baselines measured in the same run: TextBlob words with subjectivity
>= 0.5 (and >= 0.8 for BASIL, the README's yardstick) with TextBlob sentence
subjectivity, and, with ``--mpqa FILE``, MPQA strong-subjective words.

Modes:

* default: the shipped model (resources/lexicons/weights.tsv) on the whole
  share.  If those weights were fitted on this share the numbers are
  in-sample; the honest ones come from ``--cv``.
* ``--cv K``: K-fold cross-validation (BABE by sentence, BASIL by triplet):
  the coefficients are fitted on K-1 folds of both datasets and measured on
  the held-out fold; the mean over folds is printed.
* ``--fit PATH``: run the K-fold cross-validation (K from ``--cv``, default
  5) and write the coefficient-wise mean of the K fold models, with its
  provenance and the held-out numbers of those same models, to PATH, e.g.
  resources/lexicons/weights.tsv.  Nothing is fitted or tuned against a
  whole share: every fold model sees K-1 folds, and the mean of the fold
  models is what ships.

Usage::

    .venv/bin/python benchmarks/validity.py [--data DIR] [--cv 5] [--mpqa FILE] [--fit PATH]

The analysis is ``analysis.score.analyze_article`` (exactly what
``framelens analyze`` runs) for the default mode.  Fitting needs the raw
inputs of the formulas, so it recomputes them with the same functions
(analysis.sentiment.analyze_sentence, Lexicon.match, analysis.bias) on the
datasets' own sentence boundaries.  The fitter itself is
analysis/bias/fit.py (it produces a shipped file); this benchmark loads the
data, splits the folds, calls it and measures the held-out folds.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.bias import BiasModel, sentence_evidence, write_weights  # noqa: E402
from analysis.bias.fit import INNER_FOLDS, average_models, fit_model, prf  # noqa: E402
from analysis.bias.fit import TrainingSentence as Sent  # noqa: E402
from analysis.lexicon import Lexicon, default_lexicon  # noqa: E402
from analysis.model import Highlight  # noqa: E402
from analysis.score import WORD_RE  # noqa: E402

THRESHOLD = 0.5

# ---------------------------------------------------------------- data


@dataclass
class Doc:
    """One text with gold annotations: sentence spans and labels, biased tokens."""

    text: str
    sentences: list[tuple[int, int]]
    labels: list[int | None]  # None: no usable sentence label
    gold_spans: list[tuple[int, int]]  # biased character spans (BASIL)
    gold_words: set[str] = field(default_factory=set)  # biased words (BABE)
    group: str = ""
    dataset: str = ""


def load_babe(path: Path, limit: int | None = None) -> list[Doc]:
    """BABE: one sentence per row; label_bias and biased_words."""
    docs: list[Doc] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            text = row["text"]
            label = {"Biased": 1, "Non-biased": 0}.get(row["label_bias"])
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                words = []
            gold = {t.lower() for w in words for t in WORD_RE.findall(str(w))}
            docs.append(
                Doc(
                    text,
                    [(0, len(text))],
                    [label],
                    [],
                    gold,
                    group=f"babe{len(docs)}",
                    dataset="BABE",
                )
            )
            if limit and len(docs) >= limit:
                break
    return docs


def load_basil(folder: Path, limit: int | None = None) -> list[Doc]:
    """BASIL: title + body sentences joined into one text; lexical-bias spans."""
    docs: list[Doc] = []
    for article_path in sorted((folder / "articles").glob("*/*.json")):
        ann_path = (
            folder / "annotations" / article_path.parent.name / (article_path.stem + "_ann.json")
        )
        article = json.loads(article_path.read_text(encoding="utf-8"))
        ann = json.loads(ann_path.read_text(encoding="utf-8")) if ann_path.exists() else {}
        pieces = [("title", "", article.get("title", ""))]
        for paragraph in article["body-paragraphs"]:
            for s_index, sentence in enumerate(paragraph):
                pieces.append((f"p{len(pieces) - 1}", "\n\n" if s_index == 0 else " ", sentence))
        parts: list[str] = []
        sentences: list[tuple[int, int]] = []
        ids: list[str] = []
        cursor = 0
        for sid, sep, sentence in pieces:
            if parts:
                parts.append(sep)
                cursor += len(sep)
            parts.append(sentence)
            sentences.append((cursor, cursor + len(sentence)))
            ids.append(sid)
            cursor += len(sentence)
        text = "".join(parts)
        where = dict(zip(ids, sentences, strict=True))
        lex = [a for a in ann.get("phrase-level-annotations", []) if a.get("bias") == "lex"]
        spans = []
        labels: list[int | None] = [0] * len(sentences)
        for a in lex:
            if a["id"] not in where:
                continue
            s0, _ = where[a["id"]]
            spans.append((s0 + int(a["start"]), s0 + int(a["end"])))
            labels[ids.index(a["id"])] = 1
        docs.append(
            Doc(
                text,
                sentences,
                labels,
                spans,
                set(),
                group=article["triplet-uuid"],
                dataset="BASIL",
            )
        )
        if limit and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------- metrics


def tokens(doc: Doc) -> list[tuple[int, int, bool]]:
    """The word tokens of a doc with their gold label."""
    found = []
    for m in WORD_RE.finditer(doc.text):
        s, e = m.span()
        if doc.gold_words:
            gold = m.group().lower() in doc.gold_words
        else:
            gold = any(s < ge and gs < e for gs, ge in doc.gold_spans)
        found.append((s, e, gold))
    return found


def token_counts(doc: Doc, predicted: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over the doc's tokens."""
    tp = fp = fn = 0
    spans = sorted(predicted)
    for s, e, gold in tokens(doc):
        hit = any(ps < e and s < pe for ps, pe in spans)
        if hit and gold:
            tp += 1
        elif hit:
            fp += 1
        elif gold:
            fn += 1
    return tp, fp, fn


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC-AUC as the Mann-Whitney probability (ties count half); NaN if one class."""
    pairs = sorted(zip(scores, labels, strict=True))
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie group
        rank_sum += mid * sum(lab for _, lab in pairs[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


# ---------------------------------------------------------------- raw inputs


def prepare(docs: Sequence[Doc], lexicon: Lexicon) -> list[Sent]:
    """Score every gold sentence: TextBlob assessments and lexicon matches."""
    from analysis.sentiment import analyze_sentence

    sents = []
    for d, doc in enumerate(docs):
        for (s, e), label in zip(doc.sentences, doc.labels, strict=True):
            if e <= s:
                continue
            scored = analyze_sentence(doc.text[s:e], s)
            sents.append(
                Sent(
                    d,
                    s,
                    e,
                    label,
                    scored.subjectivity,
                    scored.polarity,
                    scored.assessments,
                    lexicon.match(doc.text, s, e),
                )
            )
    return sents


def by_doc(sents: Iterable[Sent]) -> dict[int, list[Sent]]:
    """The sentences of each doc, in their order."""
    found: dict[int, list[Sent]] = {}
    for s in sents:
        found.setdefault(s.doc, []).append(s)
    return found


def evidence(doc: Doc, sent: Sent, model: BiasModel) -> tuple[float, tuple[Highlight, ...]]:
    return sentence_evidence(
        doc.text,
        sent.start,
        sent.end,
        sent.subjectivity,
        sent.polarity,
        sent.assessments,
        sent.matches,
        model=model,
    )


@dataclass
class Scores:
    """Word-level counts and sentence scores of one system on one dataset."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    scores: list[float] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)

    def row(self) -> tuple[float, float, float, float]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return p, r, f, roc_auc(self.scores, self.labels)

    def add(
        self,
        doc: Doc,
        predicted: Sequence[tuple[int, int]],
        sentence_scores: Sequence[tuple[float, int | None]],
    ) -> None:
        tp, fp, fn = token_counts(doc, predicted)
        self.tp += tp
        self.fp += fp
        self.fn += fn
        for score, label in sentence_scores:
            if label is not None:
                self.scores.append(score)
                self.labels.append(label)


def evaluate_model(docs: Sequence[Doc], sents: Sequence[Sent], model: BiasModel) -> Scores:
    """FrameLens with ``model`` on the gold sentences of ``docs``."""
    out = Scores()
    for d, doc_sents in by_doc(sents).items():
        predicted: list[tuple[int, int]] = []
        sentence_scores = []
        for s in doc_sents:
            bias, marks = evidence(docs[d], s, model)
            predicted += [(h.start, h.end) for h in marks if h.weight >= THRESHOLD]
            sentence_scores.append((bias, s.label))
        out.add(docs[d], predicted, sentence_scores)
    return out


def evaluate_engine(docs: Sequence[Doc]) -> Scores:
    """FrameLens exactly as ``framelens analyze`` runs it (its own sentence splitting).

    A gold sentence gets the highest bias of the engine sentences it overlaps.
    """
    from analysis.model import Article
    from analysis.score import analyze_article

    out = Scores()
    for doc in docs:
        result = analyze_article(Article(text=doc.text, path="<validity>"))
        predicted = [(h.start, h.end) for h in result.highlights if h.weight >= THRESHOLD]
        sentence_scores = []
        for (s, e), label in zip(doc.sentences, doc.labels, strict=True):
            overlapping = [x.bias for x in result.sentences if x.start < e and s < x.end]
            sentence_scores.append((max(overlapping, default=0.0), label))
        out.add(doc, predicted, sentence_scores)
    return out


def evaluate_textblob(docs: Sequence[Doc], sents: Sequence[Sent], word_threshold: float) -> Scores:
    """Baseline: TextBlob words with subjectivity >= threshold; sentence subjectivity."""
    out = Scores()
    for d, doc_sents in by_doc(sents).items():
        predicted = [
            (a.start, a.end)
            for s in doc_sents
            for a in s.assessments
            if a.subjectivity >= word_threshold
        ]
        out.add(docs[d], predicted, [(s.subjectivity, s.label) for s in doc_sents])
    return out


def evaluate_mpqa(docs: Sequence[Doc], sents: Sequence[Sent], mpqa: Lexicon) -> Scores:
    """Baseline: MPQA strong-subjective words; sentence score = strong + weak/2 count."""
    out = Scores()
    for d, doc_sents in by_doc(sents).items():
        predicted = []
        sentence_scores = []
        for s in doc_sents:
            found = mpqa.match(docs[d].text, s.start, s.end)
            predicted += [(m.start, m.end) for m in found if m.weight >= 0.8]
            score = sum(1.0 if m.weight >= 0.8 else 0.5 for m in found)
            sentence_scores.append((score, s.label))
        out.add(docs[d], predicted, sentence_scores)
    return out


# ---------------------------------------------------------------- fitting


# ---------------------------------------------------------------- running


def folds(docs: Sequence[Doc], k: int, seed: int = 7) -> list[int]:
    """A fold number per doc; docs of one group (BASIL triplet) share a fold."""
    groups = sorted({d.group for d in docs})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return [fold_of[d.group] for d in docs]


def _fmt(row: tuple[float, float, float, float]) -> str:
    return " ".join(f"{v:6.3f}" for v in row)


def _print_table(
    title: str, rows: Iterable[tuple[str, str, tuple[float, float, float, float]]], out: Any
) -> None:
    print(f"\n{title}", file=out)
    print(f"{'dataset':8} {'system':50} {'P':>6} {'R':>6} {'F1':>6} {'AUC':>6}", file=out)
    for dataset, system, row in rows:
        print(f"{dataset:8} {system:50} {_fmt(row)}", file=out)


def main(argv: Sequence[str] | None = None, out: Any = sys.stdout) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument(
        "--cv", type=int, default=0, help="K-fold cross-validation (fit on K-1 folds)"
    )
    parser.add_argument(
        "--mpqa", type=Path, help="a local MPQA subjectivity lexicon (.tff) for the baseline"
    )
    parser.add_argument(
        "--fit",
        type=Path,
        help="write the mean of the cross-validation fold models' coefficients here",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="use only the first N docs of each dataset"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=7,
        help="seed of the fold split (the README reports seed 7; others show the spread)",
    )
    parser.add_argument("--no-engine", action="store_true", help="skip the analyze_article run")
    args = parser.parse_args(argv)

    datasets = {
        "BABE": load_babe(args.data / "babe-dev.csv", args.limit),
        "BASIL": load_basil(args.data / "basil-dev", args.limit),
    }
    lexicon = default_lexicon()
    mpqa = None
    if args.mpqa:
        from analysis.lexicon import load_lexicon

        base = load_lexicon(args.mpqa)
        mpqa = Lexicon(base.entries, name="MPQA", scare_quotes=False)
    prepared = {name: prepare(docs, lexicon) for name, docs in datasets.items()}

    rows = []
    for name, docs in datasets.items():
        sents = prepared[name]
        rows.append(
            (
                name,
                "TextBlob words >= 0.5 / sentence subjectivity",
                evaluate_textblob(docs, sents, 0.5).row(),
            )
        )
        if name == "BASIL":
            rows.append(
                (
                    name,
                    "TextBlob words >= 0.8 / sentence subjectivity",
                    evaluate_textblob(docs, sents, 0.8).row(),
                )
            )
        if mpqa is not None:
            rows.append(
                (name, "MPQA strong-subjective words", evaluate_mpqa(docs, sents, mpqa).row())
            )
        rows.append(
            (
                name,
                "FrameLens, hand-set weights (nothing fitted)",
                evaluate_model(docs, sents, BiasModel()).row(),
            )
        )
        if not args.cv and not args.fit:
            rows.append(
                (
                    name,
                    "FrameLens shipped, gold sentences (in-sample)",
                    evaluate_model(docs, sents, _shipped()).row(),
                )
            )
            if not args.no_engine:
                rows.append(
                    (
                        name,
                        "FrameLens shipped, framelens analyze (in-sample)",
                        evaluate_engine(docs).row(),
                    )
                )
    _print_table("Baselines and FrameLens on the whole development share", rows, out)

    if args.cv or args.fit:
        k = args.cv or 5
        all_docs, all_sents = pool(datasets, prepared)
        models, per = cross_validate(all_docs, all_sents, k, args.seed)
        cv_rows = []
        for name, rws in per.items():
            mean = tuple(sum(r[i] for r in rws) / len(rws) for i in range(4))
            sd_f1 = (sum((r[2] - mean[2]) ** 2 for r in rws) / len(rws)) ** 0.5
            sd_auc = (sum((r[3] - mean[3]) ** 2 for r in rws) / len(rws)) ** 0.5
            cv_rows.append(
                (name, f"FrameLens, {k}-fold held-out mean", (mean[0], mean[1], mean[2], mean[3]))
            )
            print(
                f"  {name}: F1 per fold {[round(r[2], 3) for r in rws]} (sd {sd_f1:.3f}); "
                f"AUC per fold {[round(r[3], 3) for r in rws]} (sd {sd_auc:.3f})",
                file=out,
            )
        _print_table(
            f"Cross-validated (fitted on {k - 1} folds, measured on the held-out fold)",
            cv_rows,
            out,
        )
        if args.fit:
            model = average_models(
                models,
                f"mean of the {k} fold models of a {k}-fold cross-validation "
                "(benchmarks/validity.py --fit), each a logistic regression fitted on "
                f"{k - 1} folds of the development shares of BABE (Spinde et al. 2021, "
                "AGPL-3.0 data) and BASIL (Fan et al. 2019, research use), its highlight "
                f"cut-offs chosen on {INNER_FOLDS} inner folds of those {k - 1}; nothing was "
                "tuned against a whole share",
            )
            write_weights(
                model,
                args.fit,
                f"Held-out numbers of the same {k} fold models: "
                + "; ".join(
                    f"{row[0]} word F1 {row[2][2]:.3f}, sentence AUC {row[2][3]:.3f}"
                    for row in cv_rows
                ),
            )
            print(f"\nwrote {args.fit}", file=out)
    return 0


def pool(
    datasets: dict[str, list[Doc]], prepared: dict[str, list[Sent]]
) -> tuple[list[Doc], list[Sent]]:
    """Both datasets in one list, so that one model serves both, as in the app."""
    all_docs: list[Doc] = []
    all_sents: list[Sent] = []
    for name, docs in datasets.items():
        offset = len(all_docs)
        all_docs += docs
        all_sents += [replace(s, doc=s.doc + offset) for s in prepared[name]]
    return all_docs, all_sents


def cross_validate(
    all_docs: Sequence[Doc], all_sents: Sequence[Sent], k: int, seed: int = 7
) -> tuple[list[BiasModel], dict[str, list[tuple[float, float, float, float]]]]:
    """K fold models (each fitted on K-1 folds) and their held-out rows per dataset."""
    fold_of = folds(all_docs, k, seed)
    names = list(dict.fromkeys(d.dataset for d in all_docs))
    per: dict[str, list[tuple[float, float, float, float]]] = {n: [] for n in names}
    models = []
    for fold in range(k):
        train = [s for s in all_sents if fold_of[s.doc] != fold]
        test = [s for s in all_sents if fold_of[s.doc] == fold]
        model = fit_model(all_docs, train, f"fold {fold}", tokens)
        models.append(model)
        for name in names:
            part = [s for s in test if all_docs[s.doc].dataset == name]
            per[name].append(evaluate_model(all_docs, part, model).row())
    return models, per


def _shipped() -> BiasModel:
    from analysis.bias import default_model

    return default_model()


if __name__ == "__main__":
    raise SystemExit(main())
