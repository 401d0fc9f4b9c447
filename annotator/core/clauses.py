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
import unicodedata
from dataclasses import dataclass

from annotator.core.suggest import CUE_WORDS

Range = tuple[int, int]

# Harakat (and the dagger alif) may follow any letter: "أنّ", "إنَّ", "قالَ". They are not
# word characters to ``re``, so without this "أنّ" left its shadda at the clause's start.
_MARKS = "\u064b-\u065f\u0670"
_H = f"[{_MARKS}]*"
_WORD = rf"\w\u0640{_MARKS}"


def _voweled(word: str) -> str:
    """``word`` as a pattern that allows harakat after each of its letters."""
    return "".join(re.escape(ch) + (_H if ch.isalpha() else "") for ch in word)


_SUFFIXES = "|".join(_voweled(s) for s in ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم"))
_COMPLEMENTIZER = re.compile(
    rf"(?<![{_WORD}])(?:(?:{_voweled('ب')})?{_voweled('أن')}|{_voweled('إن')})(?:{_SUFFIXES})?"
    rf"(?![{_WORD}])"
)
_CUE = re.compile(
    rf"(?<![{_WORD}])[وف]?{_H}("
    + "|".join(_voweled(w) for w in sorted(CUE_WORDS, key=len, reverse=True))
    + rf")(?![{_WORD}])"
)
# What stands between a cue and أن without being who said it: "وأشارت إلى أن ...",
# "وأكد أيضا أن ..." (C selected "إلى" for the next key to tag as an ACTOR).
_NOT_A_SOURCE = frozenset({"إلى", "الى", "أيضا", "أيضاً", "ايضا", "كذلك", "بدوره", "بدورها"})
# Words that open an aside between commas, which a cue may stand before: "أكد الوزير، في
# مؤتمر صحفي، أن ..." (the cue was looked for after the last comma only, and not found).
_ASIDE_OPENERS = frozenset(
    {"في", "خلال", "عبر", "على", "عقب", "بعد", "أمام", "لدى", "أثناء", "إثر", "من", "وفي"}
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


def _strip_marks(text: str, start: int, end: int) -> Range:
    """Outer spaces and punctuation off: after "قال:" or "قال «" the source is the words
    between, and where there are none it is not found (C selected ":" for an ACTOR)."""
    while start < end and (text[start].isspace() or _is_mark(text[start], keep="PsPi")):
        start += 1
    while end > start and (text[end - 1].isspace() or _is_mark(text[end - 1], keep="PePf")):
        end -= 1
    return start, end


def _is_mark(ch: str, keep: str) -> bool:
    """Punctuation or a symbol, but not the kind of bracket or quote that belongs on this
    side of a name ("لـ«الجزيرة»" keeps its closing quote)."""
    category = unicodedata.category(ch)
    return category[0] in "PS" and category not in (keep[:2], keep[2:])


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


_CLOSERS = {"»": "«", "”": "“", ")": "(", "]": "["}


def _quote_end(text: str, sentence: int, start: int, end: int) -> int:
    """Where a quote or bracket opened before the clause closes inside it, the clause ends:
    «قال: "إن الأمر انتهى" ثم غادر» reports "الأمر انتهى", not the closing quote and what
    the writer added after it."""
    depth = dict.fromkeys(_CLOSERS.values(), 0)
    outer = text.count('"', sentence, start) % 2 == 1  # a straight quote is open
    inner = False  # one opened inside the clause
    for i in range(start, end):
        ch = text[i]
        if ch in depth:
            depth[ch] += 1
        elif ch in _CLOSERS:
            if depth[_CLOSERS[ch]] == 0:
                return i
            depth[_CLOSERS[ch]] -= 1
        elif ch == '"':
            if outer and not inner:
                return i
            inner = not inner
    return end


def _next_report(text: str, start: int, end: int) -> int:
    """Where a second report joined by و or ف begins ("إن القوات انسحبت وقال المتحدث إن
    ..."): the clause ends before it. A cue without the conjunction may be reported
    speech inside the clause ("إن الوزير أكد أن ..."), so it stays."""
    for cue in _CUE.finditer(text, start, end):
        if cue.start() < cue.start(1) and _COMPLEMENTIZER.search(text, cue.end(), end):
            return cue.start()
    return end


def _before_asides(text: str, sentence: int, at: int) -> Range | None:
    """The comma-bounded stretch before the asides that end at ``at`` ("أكد الوزير" in
    "أكد الوزير، في مؤتمر صحفي، أن ..."), or None when there are none.

    An aside is a stretch between commas that opens with a word like في, خلال, عبر: any
    other stretch may be a clause of its own ("أعلنت الوزارة خطة، لكن المعارضة ترى
    أن ..." is not the ministry's report), and is not skipped.
    """
    starts = [sentence, *(i + 1 for i in range(sentence, at) if text[i] == "،")]
    stretches = [(a, (starts[k + 1] - 1) if k + 1 < len(starts) else at)
                 for k, a in enumerate(starts)]  # fmt: skip
    k = len(stretches) - 1
    if not text[slice(*stretches[k])].strip():
        k -= 1  # the comma that closes the last aside, right before the complementizer
    last_aside = k
    while k >= 0 and (text[slice(*stretches[k])].split() or [""])[0] in _ASIDE_OPENERS:
        k -= 1
    return stretches[k] if 0 <= k < last_aside else None


def attributions(text: str) -> list[Attribution]:
    """Every reported clause of ``text``, in reading order."""
    found = []
    for match in _COMPLEMENTIZER.finditer(text):
        ends = [i for ch in CLAUSE_END if (i := text.find(ch, match.end())) >= 0]
        sentence = sentence_at(text, match.start())[0]
        end = _quote_end(text, sentence, match.end(), min(ends, default=len(text)))
        clause = _strip(text, match.end(), _next_report(text, match.end(), end))
        if clause[0] >= clause[1]:
            continue
        # The cue is looked for back to the start of the sentence or the last ، ؛ before.
        begin = max(
            sentence_at(text, match.start())[0],
            *(text.rfind(ch, 0, match.start()) + 1 for ch in "،؛"),
        )
        cue = source = None
        cues = list(_CUE.finditer(text, begin, match.start()))
        source_end = match.start()
        if not cues and (before := _before_asides(text, sentence, match.start())) is not None:
            # The cue and its source stand before the asides ("، في مؤتمر صحفي،").
            cues = list(_CUE.finditer(text, *before))
            source_end = before[1]
        if cues:
            cue = cues[-1].span(1)
            between = _strip_marks(text, cue[1], source_end)
            words = text[between[0] : between[1]]
            source = between if between[0] < between[1] and words not in _NOT_A_SOURCE else None
        found.append(Attribution(clause, cue, source))
    return found


def attribution_at(text: str, offset: int) -> Attribution | None:
    """The reported clause (with its cue and source) around ``offset``, else the next one."""
    for attribution in attributions(text):
        if offset < attribution.clause[1]:
            return attribution
    return None
