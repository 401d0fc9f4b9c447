"""What brat's standoff and configuration files can hold, and how the rest is encoded.

A ``.ann`` line is cut at every line break Python's ``str.splitlines`` knows
(brat reads its files that way), its columns at tabs and spaces, and the
configuration files give ``| , : = < > #`` a meaning. So:

* the text column shows each line break and tab of the span as a space;
* brat keeps type names and attribute keys only as ``[A-Za-z0-9_-]+`` (it
  rewrites any other character of a configuration term to ``_``); a name
  that is not of that form, or holds ``__``, has each character other than
  ``A-Za-z0-9-`` written as ``__`` + its hex code point + ``_``
  (``note for`` -> ``note__20_for``), which brat keeps as it is;
* an attribute value is written as it is when it is a plain string; any
  other value (a string with such characters, an empty string, a number,
  ``false``, a list, an object) is written as ``=`` and its JSON, those
  characters percent-encoded as UTF-8 (``="two%20words"``, ``=false``, ``=3``).
  ``true`` is a binary attribute: no value at all.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote, unquote

from annotator.core.json_input import loads

# Characters str.splitlines() breaks at.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_RESERVED = frozenset("%|,;:=<>#")
_BRAT_NAME = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPE = re.compile(r"__([0-9a-f]{1,6})_")


def _plain(ch: str) -> bool:
    return ch.isprintable() and not ch.isspace() and ch not in _RESERVED


def _encode(text: str) -> str:
    return "".join(ch if _plain(ch) else quote(ch, safe="") for ch in text)


def shown(text: str) -> str:
    """A piece of the document as the text column shows it: breaks and tabs as spaces."""
    return "".join(" " if ch in LINE_BREAKS or ch == "\t" else ch for ch in text)


def encode_name(name: str) -> str | None:
    """A type name or attribute key as brat can hold it; None for the empty name."""
    if not name:
        return None
    if _BRAT_NAME.fullmatch(name) and "__" not in name:
        return name
    return "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == "-") else f"__{ord(ch):x}_" for ch in name
    )


def decode_name(name: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name) if "__" in name else name


def encode_value(value: Any) -> str | None:
    """An attribute value's column; None for ``True`` (a binary attribute has no value)."""
    if value is True:
        return None
    if isinstance(value, str) and value and all(map(_plain, value)):
        return value
    return "=" + _encode(json.dumps(value, ensure_ascii=False, sort_keys=True))


def decode_value(column: str | None) -> Any:
    """The value written by ``encode_value``; ``InputError`` on what a project cannot store.

    The JSON goes through the strict reader every JSON import uses (no NaN,
    Infinity, overflowing numbers or lone surrogates).
    """
    if column is None:
        return True
    if not column.startswith("="):
        return unquote(column)
    return loads(unquote(column[1:]))
