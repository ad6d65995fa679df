"""JSON from files users give FrameLens: parsed with a one-line reason for any failure.

``json.loads`` fails in three ways on hostile input, only one of them a
:class:`json.JSONDecodeError`: a document nested thousands deep raises
:class:`RecursionError`, and an integer of thousands of digits raises a
plain :class:`ValueError` (Python's limit on integer conversion). Every
reader of user JSON -- JSON Lines rows in batches, a page's JSON-LD --
calls :func:`parse_json`, which turns all three into :class:`BadJson`.
Code walking the result must still not recurse without a bound: a value
may be nested several hundred levels deep (see :data:`MAX_WALK_DEPTH`).
"""

from __future__ import annotations

import json
from typing import Any

#: How deep code walking parsed user JSON may go before it stops looking.
MAX_WALK_DEPTH = 32


class BadJson(ValueError):
    """The text is not JSON FrameLens can use; ``str()`` is the plain reason."""


def parse_json(text: str | bytes) -> Any:
    """The value of ``text``; :class:`BadJson` with a plain reason when there is none."""
    try:
        return json.loads(text)
    except RecursionError as error:
        raise BadJson("it is nested too deeply to read") from error
    except json.JSONDecodeError as error:
        raise BadJson(f"it is not valid JSON ({error.msg})") from error
    except ValueError as error:  # UnicodeDecodeError too
        if "digits" in str(error):
            # int() refuses numbers of more than 4,300 digits.
            raise BadJson("it holds a number too long to read (thousands of digits)") from error
        raise BadJson("it cannot be read as JSON (it is not UTF-8 text)") from error
