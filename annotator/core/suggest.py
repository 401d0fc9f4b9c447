"""Suggestions: names already known, found again in a document.

Known names come from the entity registry (names and aliases) and from the
text of spans the analyst already made elsewhere. Each is matched with the
same normalisation as search, at word edges, allowing a leading clitic
(و ف ب ل ك, ال): a suggestion for "وأذربيجان" covers "أذربيجان" only.
Suggestions are proposals: nothing is stored until one is accepted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from annotator.core.arabic import PROCLITICS, belongs_to_letter, normalize_with_offsets
from annotator.core.span_rules import is_word_char

CUE_WORDS = (
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أوضح",
    "أوضحت",
    "أشار",
    "أشارت",
    "أعلن",
    "أعلنت",
    "نفى",
    "نفت",
    "زعم",
    "زعمت",
    "حذر",
    "حذرت",
    "أضاف",
    "أضافت",
    "ذكر",
    "ذكرت",
    "صرح",
    "صرحت",
    "أفاد",
    "أفادت",
    "بحسب",
    "وفقا لـ",
    "وفقاً لـ",
    "نقلا عن",
    "نقلاً عن",
)


@dataclass(frozen=True, slots=True)
class Known:
    """A name to look for, the label it gets, and the entity it links to (if any)."""

    text: str
    label: str
    entity_id: int | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed span. ``score`` is the recommender's confidence (0-1) when the model
    proposed it; None for a known name found again."""

    start: int
    end: int
    label: str
    text: str
    entity_id: int | None = None
    score: float | None = None


def _starts_word(norm: str, at: int) -> bool:
    """At a word start, or after one or two clitic letters (or ال) that start the word."""
    i = at
    for _ in range(3):
        if i == 0 or not is_word_char(norm[i - 1]):
            return True
        if norm[i - 1] in PROCLITICS or norm[i - 1] == "ل" or norm[max(0, i - 2) : i] == "ال":
            i -= 2 if norm[max(0, i - 2) : i] == "ال" else 1
            continue
        return False
    return False


def suggest(
    text: str, known: Iterable[Known], taken: Iterable[tuple[int, int, str]] = ()
) -> list[Suggestion]:
    """Every occurrence of a known name not already tagged with its label, in text order."""
    norm, offsets = normalize_with_offsets(text)
    blocked = set(taken)
    out: list[Suggestion] = []
    placed: dict[str, _Intervals] = {}  # per label: what is proposed already
    # Longer names first, so "وزارة الدفاع الأذرية" wins over "الأذرية" at the same place.
    for item in sorted({k for k in known if k.text.strip()}, key=lambda k: -len(k.text)):
        wanted = normalize_with_offsets(item.text)[0].strip()
        if len(wanted) < 2:
            continue
        at = norm.find(wanted)
        while at >= 0:
            after = at + len(wanted)
            if _starts_word(norm, at) and (after == len(norm) or not is_word_char(norm[after])):
                start, end = offsets[at], offsets[after - 1] + 1
                while end < len(text) and belongs_to_letter(text[end]):
                    end += 1
                intervals = placed.setdefault(item.label, _Intervals())
                if (start, end, item.label) not in blocked and intervals.add(start, end):
                    out.append(Suggestion(start, end, item.label, text[start:end], item.entity_id))
            at = norm.find(wanted, at + 1)
    return sorted(out, key=lambda s: (s.start, -s.end))


class _Intervals:
    """Ranges that do not overlap, sorted by start: a new one is refused if it meets one.

    A long report has thousands of proposals; checking each against all the
    others was quadratic (2.3 s for 8,000 in a 1 MB document).
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        # The one range that could meet [start, end) is the last one starting before end:
        # every earlier one ends before that one starts.
        i = bisect_left(self._starts, end)
        if i and self._ends[i - 1] > start:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def cue_suggestions(text: str, taken: Iterable[tuple[int, int, str]] = ()) -> list[Suggestion]:
    """The curated attribution cues (قال، أكد، نفى، بحسب...) as CUE proposals."""
    return suggest(text, [Known(w, "CUE") for w in CUE_WORDS], taken)


def join_proposals(found: Sequence[Suggestion], proposed: Iterable[Suggestion]) -> list[Suggestion]:
    """Known names found again and the recommender's proposals as one list, in text order.

    A proposal the name match also made lends it its score (the match keeps its entity
    link); a proposal overlapping a match of the same label is left out: the name already
    known wins, so the analyst never sees two marks for one name.
    """
    out = list(found)
    by_range = {(s.start, s.end, s.label): i for i, s in enumerate(out)}
    placed = {label: _Intervals() for label in {s.label for s in found}}
    for s in sorted(found, key=lambda s: s.start):
        placed[s.label].add(s.start, s.end)
    for p in proposed:
        same = by_range.get((p.start, p.end, p.label))
        if same is not None:
            out[same] = replace(out[same], score=p.score)
        elif placed.setdefault(p.label, _Intervals()).add(p.start, p.end):
            out.append(p)
    return sorted(out, key=lambda s: (s.start, -s.end))
