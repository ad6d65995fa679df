"""Which outlet published an article, and how we know.

Rules, tried in order (the loader applies the first, front matter, itself):

1. front matter -- an ``outlet:`` line in a .txt/.md header (see
   :mod:`analysis.load.frontmatter`);
2. html metadata -- the page's ``og:site_name``, JSON-LD publisher or
   ``application-name``, passed in as ``site_name``;
3. domain -- the article's URL (or canonical link) looked up in
   ``resources/outlets.tsv``; a subdomain matches its parent, so
   ``edition.cnn.com`` is CNN;
4. text signature -- datelines, bylines and site boilerplate from
   ``resources/outlet_signatures.tsv``, such as "(Reuters) -" or
   "BBC reporter"; each match adds its weight to its outlet and the outlet
   with the most weight (at least :data:`SIGNATURE_THRESHOLD`) wins;
5. otherwise "Unknown".

The result is the display name and the rule (an :data:`OutletSource`), which
the app shows so a user can see why an article landed where it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from analysis.errors import FrameLensError
from analysis.model import OutletSource
from analysis.resources import resource_path

UNKNOWN = "Unknown"
#: Total signature weight an outlet needs before the text is attributed to it.
SIGNATURE_THRESHOLD = 2.0
#: Characters at the start of the text that "head" signatures look at.
HEAD_CHARS = 1500

_SCOPES = ("first-line", "head", "anywhere")


@dataclass(frozen=True, slots=True)
class Signature:
    """One text pattern that points to an outlet."""

    outlet: str
    weight: float
    #: "first-line", "head" (the first :data:`HEAD_CHARS` characters) or "anywhere".
    scope: str
    pattern: re.Pattern[str]
    #: True when the matched line is site boilerplate, not article text.
    boilerplate: bool
    note: str


def _rows(name: str) -> list[tuple[int, list[str]]]:
    path = resource_path(name)
    rows: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8") as handle:
        header_seen = False
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            rows.append((number, line.split("\t")))
    return rows


@cache
def outlet_domains() -> dict[str, str]:
    """Domain (without ``www.``) → display name, from resources/outlets.tsv."""
    table: dict[str, str] = {}
    for number, cells in _rows("outlets.tsv"):
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise FrameLensError(
                f"resources/outlets.tsv line {number}: expected domain, name and country "
                "separated by tabs. Reinstall FrameLens."
            )
        table[cells[0].strip().lower().removeprefix("www.")] = cells[1].strip()
    return table


@cache
def _names_by_key() -> dict[str, str]:
    """Lower-cased display names and domains → display name, for site names."""
    names: dict[str, str] = {}
    labels: dict[str, set[str]] = {}
    for domain, name in outlet_domains().items():
        names.setdefault(_name_key(name), name)
        names.setdefault(domain, name)
        labels.setdefault(domain.split(".")[0], set()).add(name)
    # "BBC" or "Reuters" as a site name: the domain's first label, when it
    # names a single outlet.
    for label, outlets in labels.items():
        if len(outlets) == 1 and len(label) > 2:
            names.setdefault(label, next(iter(outlets)))
    return names


def _name_key(name: str) -> str:
    key = re.sub(r"[^\w]+", " ", name.lower()).strip()
    return key.removeprefix("the ")


@cache
def signatures() -> tuple[Signature, ...]:
    """The text signatures from resources/outlet_signatures.tsv, in file order."""
    result: list[Signature] = []
    for number, cells in _rows("outlet_signatures.tsv"):
        try:
            outlet, weight, scope, pattern, boilerplate = (c.strip() for c in cells[:5])
            note = cells[5].strip() if len(cells) > 5 else ""
            if scope not in _SCOPES:
                raise ValueError(f"scope must be one of {', '.join(_SCOPES)}")
            result.append(
                Signature(
                    outlet=outlet,
                    weight=float(weight),
                    scope=scope,
                    pattern=re.compile(pattern, re.MULTILINE),
                    boilerplate=boilerplate == "yes",
                    note=note,
                )
            )
        except (ValueError, re.error) as error:
            raise FrameLensError(
                f"resources/outlet_signatures.tsv line {number} is malformed ({error}). "
                "Reinstall FrameLens."
            ) from error
    return tuple(result)


def host_of(url: str) -> str:
    """Return the lower-cased host of a URL without ``www.``, or "" when there is none."""
    url = url.strip()
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def outlet_for_url(url: str) -> str | None:
    """The outlet whose domain (or a parent of it) the URL is on, or None."""
    host = host_of(url)
    table = outlet_domains()
    parts = host.split(".")
    # edition.cnn.com → cnn.com; never match on a bare suffix such as "co.uk".
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name is not None:
            return name
    return None


def outlet_for_site_name(site_name: str) -> str:
    """The display name for a page's declared site name.

    Known outlets get their usual name ("bbc.co.uk" and "BBC News" both give
    "BBC News"); other names are kept as the page gives them.
    """
    site_name = " ".join(site_name.split())
    names = _names_by_key()
    for key in (site_name.lower().removeprefix("www."), _name_key(site_name)):
        if key in names:
            return names[key]
    if "." in site_name and " " not in site_name:
        by_url = outlet_for_url(site_name)
        if by_url is not None:
            return by_url
    return site_name


def _scoped(text: str, scope: str) -> str:
    if scope == "first-line":
        return text.lstrip().split("\n", 1)[0]
    if scope == "head":
        return text[:HEAD_CHARS]
    return text


def outlet_from_signatures(text: str) -> str | None:
    """The outlet whose signatures weigh most in the text (at least the threshold)."""
    totals: dict[str, float] = {}
    for signature in signatures():
        if signature.pattern.search(_scoped(text, signature.scope)):
            totals[signature.outlet] = totals.get(signature.outlet, 0.0) + signature.weight
    if not totals:
        return None
    best = max(totals, key=lambda outlet: totals[outlet])  # first listed wins ties
    return best if totals[best] >= SIGNATURE_THRESHOLD else None


_URL_LINE_RE = re.compile(r"^\s*(?:URL:\s*)?(https?://\S+)\s*$", re.IGNORECASE)


def url_in_text(text: str) -> str:
    """A URL standing alone on the first non-blank line (as some browsers save it), or ""."""
    first = text.lstrip().split("\n", 1)[0]
    match = _URL_LINE_RE.match(first)
    return match.group(1) if match else ""


def detect_outlet(text: str, *, url: str = "", site_name: str = "") -> tuple[str, OutletSource]:
    """Find the outlet of an article; return ``(display name, rule that found it)``.

    ``site_name`` is what a web page declares about itself (og:site_name,
    JSON-LD publisher, application-name); ``url`` is the article's address.
    Front matter is the caller's business: it wins before this is called.
    """
    if site_name.strip():
        return outlet_for_site_name(site_name), "html metadata"
    for candidate in (url, url_in_text(text)):
        if candidate:
            outlet = outlet_for_url(candidate)
            if outlet is not None:
                return outlet, "domain"
    outlet = outlet_from_signatures(text)
    if outlet is not None:
        return outlet, "text signature"
    return UNKNOWN, "unknown"
