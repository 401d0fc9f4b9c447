"""Reading JSON from files nobody here wrote: values UTF-8 and SQLite cannot hold are refused.

Python's ``json`` parses more than JSON: ``NaN`` and ``Infinity``, numbers
such as ``1e400`` (read as infinity), integers far past SQLite's 64 bits
(or past Python's 4,300-digit limit, a ``ValueError``), strings holding a
lone surrogate (``"\\ud800"``, which no UTF-8 encoder accepts) and nesting
deep enough to exhaust the stack. Each used to surface as a traceback at the
first write, and took the other files of the import with it. Every JSON
reader goes through ``loads`` (and ``read_lines`` for JSONL), which refuses
them as an ``InputError`` naming the line and column.

The common case stays near the speed of ``json.loads``: NaN, Infinity and
numbers are checked by its hooks as they are parsed; the decoded strings are
only walked when the raw text holds a surrogate escape (scanning every line
for long digit runs instead cost a twentieth of a 1,000-article import).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from annotator.core.errors import InputError, invalid_json

T = TypeVar("T")

INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what SQLite stores as an integer
_SURROGATE = re.compile("[\ud800-\udfff]")
# Raw text that may hide a value the hooks do not see: a surrogate escape.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# JSON tokens that can carry a bad value, for locating one after the fact.
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|-?(?:NaN|Infinity)|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?', re.S
)


class _BadValueError(Exception):
    """Raised from inside a ``json`` hook; turned into a located ``InputError``."""


def _constant(name: str) -> Any:
    raise _BadValueError(name)


def _float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise _BadValueError(token)
    return value


def _int(token: str) -> int:
    if len(token) > 20:  # also keeps int() from Python's 4,300-digit limit
        raise _BadValueError(token)
    value = int(token)
    if not INT_MIN <= value <= INT_MAX:
        raise _BadValueError(token)
    return value


_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_float, parse_int=_int)


def loads(text: str) -> Any:
    """``text`` decoded as strict JSON; ``InputError`` (line within ``text``) if it is not."""
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError(invalid_json(exc), line=exc.lineno) from None
    except _BadValueError:
        raise _located(text) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) and _holds_lone_surrogate(value):
        raise _located(text) from None
    return value


def _holds_lone_surrogate(value: Any) -> bool:
    """Whether any string of ``value``, key or value, holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _problem(token: str) -> tuple[str, str] | None:
    """What is wrong with one JSON token, as (the value shown, the reason), or None."""
    if token.startswith('"'):
        found = _SURROGATE.search(json.loads(token))
        if found:
            return f"lone surrogate \\u{ord(found.group()):04x}", "not Unicode text"
        return None
    if token.lstrip("-") in ("NaN", "Infinity"):
        return token, "not a number JSON allows"
    if any(c in token for c in ".eE"):
        return (token, "out of range") if math.isinf(float(token)) else None
    digits = token.lstrip("-")
    if len(digits) > 19 or not INT_MIN <= int(token) <= INT_MAX:
        shown = token if len(token) <= 24 else f"{token[:12]}… ({len(digits)} digits)"
        return shown, "out of range (64-bit integers only)"
    return None


def _located(text: str) -> InputError:
    """The first bad value of ``text`` as an error with its line and column."""
    for match in _TOKEN.finditer(text):
        problem = _problem(match.group())
        if problem:
            start = match.start()
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            return InputError(f"{problem[0]} at column {column}: {problem[1]}", line=line)
    return InputError("a value JSON cannot hold in UTF-8 or SQLite")


def loads_items(text: str) -> list[tuple[int, Any]]:
    """A JSON array (or one value) as ``(line, item)``: the line where each item starts.

    For files that are one JSON list of records (Label Studio): an error in a
    record can then name the line of the file, like a JSONL error does.
    """
    value = loads(text)
    start = _skip_space(text, 0)
    if not isinstance(value, list):
        return [(text.count("\n", 0, start) + 1, value)]
    out: list[tuple[int, Any]] = []
    line, counted = 1, 0
    index = start + 1  # past the "["
    for item in value:  # parsed once already: only where each item starts is found here
        index = _skip_space(text, index)
        line += text.count("\n", counted, index)
        counted = index
        out.append((line, item))
        _, index = _DECODER.raw_decode(text, index)
        index = _skip_space(text, index) + 1  # past the comma
    return out


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def read_lines(lines: Iterable[str], parse: Callable[[Any], T]) -> Iterator[tuple[int, T]]:
    """``(line_number, parse(value))`` for each non-blank JSONL line; errors carry the line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, parse(loads(line))
        except InputError as exc:
            raise InputError(exc.message, line=number) from None
