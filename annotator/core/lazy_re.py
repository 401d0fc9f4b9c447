"""Regular expressions compiled on first use.

The page model holds a few hundred alternatives of furniture wording, dates
and datelines; compiling them costs about 15 ms, which every command that
merely imports the importer (``annotator --help``) would pay at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_METHODS = ("findall", "fullmatch", "match", "search", "split", "sub")


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used.

    The first use fills the method slots with the compiled pattern's own bound
    methods, so later calls go straight to C: a wrapper method per call was a
    tenth of the page cleaner's time (it makes a few hundred thousand calls an
    import of 10,000 pages).
    """

    __slots__ = ("_flags", "_pattern", *_METHODS)

    findall: Callable[[str], list[Any]]
    fullmatch: Callable[[str], re.Match[str] | None]
    match: Callable[[str], re.Match[str] | None]
    search: Callable[[str], re.Match[str] | None]
    split: Callable[[str], list[str]]
    sub: Callable[[str | Callable[[re.Match[str]], str], str], str]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        """Reached only while a method slot is empty: compile, fill the slots."""
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self._pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
