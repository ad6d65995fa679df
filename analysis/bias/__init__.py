"""Bias: highlights that explain themselves and a per-sentence bias estimate.

:func:`sentence_evidence` turns TextBlob's word assessments and the lexicon's
matches for one sentence into highlights, and combines them into one number.
The package has four parts:

* :mod:`.features`: where a highlighted word stands and how a sentence is
  worded (the context, evidence and style features);
* :mod:`.model`: the coefficients (:class:`BiasModel`) and their file,
  resources/lexicons/weights.tsv;
* :mod:`.evidence`: :func:`sentence_evidence`, highlights and estimate;
* :mod:`.fit`: the fitter that writes weights.tsv from expert annotations
  (run by ``benchmarks/validity.py --fit``).

Highlight weights (in [0, 1], "how likely people who annotate media bias are
to mark this span") come from two small logistic models over general
evidence, never from a list of a dataset's words:

* subjective (TextBlob) words::

      w = sigmoid(a0 + a1 * subjectivity + a2 * |polarity| + a3 * log(1 + strong loaded terms)
                  + sum_j a_j * context_j)

* loaded terms (lexicon) of the built-in categories (a user's
  ``custom:<name>`` category keeps the weight the user gave)::

      w = sigmoid(c0 + c1 * logit(lexicon weight) + c[category] + c[term]
                  + c2 * log(1 + other strong loaded terms)
                  + c3 * TextBlob subjectivity of the words + c4 * |their polarity|
                  + sum_j c_j * context_j
                  + sum_k c[category, k] * context_k)

  where ``c[term]`` is a learned shift for that term of FrameLens's own
  lexicon (shrunk toward its category for rare terms), ``c[category, k]``
  a category's own addition to the coefficient of a few context features
  (:data:`CATEGORY_CONTEXT`: a word's likely part of speech and its
  commonness say different things in different categories; in the fitted
  model an emotive word weighs more as an adjective than as a noun, a label
  more as a noun than as an adjective, and rarity counts most for hedges
  and attribution verbs), and the lexicon weight
  already carries the quotation discount (halved inside a direct quotation,
  see analysis/lexicon/index.py).

The context features (:data:`CONTEXT_FEATURES`, :func:`word_context`) say
where the word stands: inside a quotation, a capitalised word that does not
open the sentence (a name), an adjective suffix (-ous, -ive, -ful, -less,
-ic, -able), an -ly adverb, a negation or an intensifier just before it, its
relative position in the sentence, its length, whether it is graded (a
superlative in -est, or after "more", "most", "less", "least"), whether
the span is a phrase of several words rather than one word, and its usage
(analysis/wordclass.py, from tables TextBlob ships): the likely part of
speech of its last word (adjective, adverb, verb, noun or proper noun, else
none), how common its rarest word is in general English (loaded words
tend to be rarer than neutral ones), how far into the article its
sentence starts (the share of the text before it: 0 in the first sentence;
framing gathers in the lead of a news story, less in its later paragraphs)
and whether its sentence opens a paragraph.
They change a weight, never a reason: every highlight keeps the reason of
its lexicon entry or TextBlob's ratings.

The per-sentence bias estimate is a logistic combination of sentence
features (:data:`FEATURES`)::

      bias = sigmoid(b0 + b1 * max loaded weight + b2 * log(1 + sum of loaded weights)
                     + sum over categories k of b_k * log(1 + weights of category k)
                     + b3 * TextBlob sentence subjectivity + b4 * |polarity|
                     + b5 * max subjective-word weight + b6 * log(1 + subjective-word weights)
                     + b7 * log(1 + highlights with weight >= 0.5)
                     + b8 * log(1 + TextBlob words with subjectivity >= 0.5)
                     + b9 * max(0, -polarity)
                     + style terms)

The evidence coefficients b1..b9 and b_k are >= 0, so adding a loaded term
(or a subjective word) never lowers the estimate.  The style terms describe
the wording and do not depend on the highlights, so their coefficients may
have either sign: share inside quotation marks, adjective suffixes,
superlatives, "!", numbers, neutral attribution ("said", "according to"),
sentence length, first/second-person pronouns, "?", intensifiers, negations
("not", "never", "no", "n't": denial and rebuttal are a mark of argument),
how far into the article the sentence starts and whether it opens a
paragraph.

The coefficients live in resources/lexicons/weights.tsv with their
provenance: the mean of the fold models of a cross-validation on expert
annotations (:mod:`.fit`, run by benchmarks/validity.py --fit;
resources/methodology.md).  Without that file the hand-set defaults of
:class:`BiasModel` apply.

What the number cannot tell: it scores wording, not facts.  A sentence can
be one-sided through what it leaves out (informational bias) with no loaded
word at all, and an opinion column can score high because opinion is its job.
"""

from __future__ import annotations

from analysis.bias.evidence import CONTEXT_MIN, sentence_evidence
from analysis.bias.features import (
    CONTEXT_FEATURES,
    EVIDENCE_FEATURES,
    FEATURES,
    STYLE_FEATURES,
    article_position,
    bias_features,
    opens_paragraph,
    style_features,
    word_context,
)
from analysis.bias.model import (
    CATEGORY_CONTEXT,
    TERM_COEFS,
    TERM_NONNEG,
    WORD_COEFS,
    WORD_NONNEG,
    BiasModel,
    default_model,
    parse_calibration,
    parse_weights,
    write_weights,
)

__all__ = [
    "CATEGORY_CONTEXT",
    "CONTEXT_FEATURES",
    "CONTEXT_MIN",
    "EVIDENCE_FEATURES",
    "FEATURES",
    "STYLE_FEATURES",
    "TERM_COEFS",
    "TERM_NONNEG",
    "WORD_COEFS",
    "WORD_NONNEG",
    "BiasModel",
    "article_position",
    "bias_features",
    "default_model",
    "opens_paragraph",
    "parse_calibration",
    "parse_weights",
    "sentence_evidence",
    "style_features",
    "word_context",
    "write_weights",
]
