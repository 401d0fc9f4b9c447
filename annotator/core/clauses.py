"""Reported clauses and sentences in Arabic news text: what one key selects.

A reported clause is what follows a cue and إن / أن / بأن (a pronoun may be
attached: إنها، أنه، بأنهم) up to the next ، ؛ . ؟ ! or the end of the line:
"قالت أذربيجان إنها [ترفض تنظيم استفتاء يحدد مصير الإقليم]". The cue is the
nearest attribution verb before it in the same sentence, after the last ، or ؛
(``suggest.CUE_WORDS``,
a و or ف before it left outside) and the source the words between the two.

Offsets are code points, end exclusive, as everywhere. Qt-free: the window's
keys and, later, the recommender use the same finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.suggest import CUE_WORDS

Range = tuple[int, int]

_SUFFIXES = "ه|ها|هم|هما|هن|ني|نا|ك|كم"
_COMPLEMENTIZER = re.compile(rf"(?<![\w\u0640])(?:ب?أن|إن)(?:{_SUFFIXES})?(?![\w\u0640])")
_CUE = re.compile(
    r"(?<![\w\u0640])[وف]?("
    + "|".join(sorted((re.escape(w) for w in CUE_WORDS), key=len, reverse=True))
    + r")(?![\w\u0640])"
)
CLAUSE_END = "،؛.؟!?!\n"
SENTENCE_END = ".؟!?\n"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported clause with its cue and source, where they were found."""

    clause: Range
    cue: Range | None = None
    source: Range | None = None

    @property
    def start(self) -> int:
        return min(r[0] for r in (self.clause, self.cue, self.source) if r is not None)

    def parts(self) -> tuple[Range, ...]:
        """The order one key steps through them: the claim, who said it, the verb."""
        return tuple(r for r in (self.clause, self.source, self.cue) if r is not None)


def _strip(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(text: str, offset: int) -> Range:
    """The sentence around ``offset``: from after the previous . ؟ ! or line break to the
    next one (the mark itself left out), outer spaces trimmed."""
    offset = max(0, min(offset, len(text)))
    start = max((text.rfind(ch, 0, offset) for ch in SENTENCE_END), default=-1) + 1
    ends = [i for ch in SENTENCE_END if (i := text.find(ch, offset)) >= 0]
    return _strip(text, start, min(ends, default=len(text)))


def next_sentence(text: str, after: int) -> Range | None:
    """The first sentence with words that starts at or after ``after``."""
    at = after
    while at < len(text):
        start, end = sentence_at(text, at)
        if end > start and start >= after:
            return start, end
        at = max(end, at) + 1
    return None


def attributions(text: str) -> list[Attribution]:
    """Every reported clause of ``text``, in reading order."""
    found = []
    for match in _COMPLEMENTIZER.finditer(text):
        ends = [i for ch in CLAUSE_END if (i := text.find(ch, match.end())) >= 0]
        clause = _strip(text, match.end(), min(ends, default=len(text)))
        if clause[0] >= clause[1]:
            continue
        # The cue is looked for back to the start of the sentence or the last ، ؛ before.
        begin = max(
            sentence_at(text, match.start())[0],
            *(text.rfind(ch, 0, match.start()) + 1 for ch in "،؛"),
        )
        cue = source = None
        cues = list(_CUE.finditer(text, begin, match.start()))
        if cues:
            cue = cues[-1].span(1)
            between = _strip(text, cue[1], match.start())
            source = between if between[0] < between[1] else None
        found.append(Attribution(clause, cue, source))
    return found


def attribution_at(text: str, offset: int) -> Attribution | None:
    """The reported clause (with its cue and source) around ``offset``, else the next one."""
    for attribution in attributions(text):
        if offset < attribution.clause[1]:
            return attribution
    return None
