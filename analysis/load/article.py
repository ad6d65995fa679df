"""Build an :class:`Article` from decoded text and what is known about it.

Every loader ends here, so the rules are the same whatever the file type:
text normalised, emptiness and size checked, outlet found (front matter
first, then :func:`analysis.outlets.detect_outlet`), page furniture and the
headline found (:func:`analysis.cleanup.clean`; the text is kept whole, the
furniture is recorded on the article), language guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.cleanup import clean
from analysis.errors import EmptyInputError, TooLargeError
from analysis.load.encoding import normalise_text
from analysis.load.language import guess_language, language_warning
from analysis.load.limits import MAX_ARTICLE_CHARS
from analysis.model import Article, OutletSource
from analysis.outlets import detect_outlet


def make_article(
    text: str,
    *,
    path: str,
    meta: Mapping[str, str] | None = None,
    site_name: str = "",
    warnings: tuple[str, ...] = (),
    given_source: OutletSource = "front matter",
) -> Article:
    """Return the article for ``text``; raise a :class:`LoadError` subclass if there is none.

    ``meta`` holds front matter or document metadata (outlet, title, author,
    date, url); an ``outlet`` there wins over detection and is recorded with
    ``given_source`` ("front matter" for file headers, "user" for names typed
    in the app).
    """
    meta = dict(meta or {})
    text = normalise_text(text).strip()
    if len(text) > MAX_ARTICLE_CHARS:
        raise TooLargeError(
            path,
            f"its text has {len(text):,} characters; FrameLens reads at most "
            f"{MAX_ARTICLE_CHARS:,} characters per article.",
        )
    if not text:
        raise EmptyInputError(path, "it contains no text.")
    url = meta.get("url", "").strip()
    outlet = meta.get("outlet", "").strip()
    source: OutletSource
    if outlet:
        source = given_source
    else:
        outlet, source = detect_outlet(text, url=url, site_name=site_name)
    title = " ".join(meta.get("title", "").split())
    cleanup = clean(text, title=title)
    author = " ".join(meta.get("author", "").split()) or cleanup.author
    language = guess_language(text)
    if language != "en":
        warnings = (*warnings, language_warning(language))
    return Article(
        text=text,
        path=path,
        outlet=outlet,
        outlet_source=source,
        title=title or cleanup.title,
        author=author,
        date=meta.get("date", "").strip(),
        url=url,
        language=language,
        warnings=tuple(dict.fromkeys(warnings)),
        furniture=cleanup.furniture,
        headline=cleanup.headline,
    )
