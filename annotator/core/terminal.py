"""Text for terminals: span markers, and visual-order Arabic for terminals without bidi.

This is the one place python-bidi's ``get_display`` and arabic-reshaper are
used: a terminal that cannot shape or reorder Arabic shows logical-order text
as reversed, unjoined letters. ``--bidi`` on the CLI reshapes and reorders
each line for such terminals. Nothing produced here is ever stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from annotator.core.models import Span
from annotator.core.text import DIRECTION_MARKS
from annotator.core.tokens import cluster_end


def to_visual(line: str) -> str:
    """Shape (presentation forms) and reorder one line for a non-bidi terminal.

    Reordering works on what the eye sees as one character: a letter with its
    harakat, an emoji with its skin tone or ZWJ partners, a flag. Reversed a code
    point at a time (python-bidi's ``get_display``), "قالَ" put the fatha before its
    letter and 👍🏽 became 🏽👍. So the line goes through python-bidi's
    step-by-step algorithm, which says where each code point went, and each
    cluster is written back whole, in its own order, where the first of it
    went. Direction marks and isolates are left out: a terminal prints them as
    boxes or nothing, and they have done their work by then. Harakat are kept
    (arabic-reshaper drops them unless told not to).

    Both libraries are imported here, for ``--bidi`` only: every command that
    prints Arabic imports this module, and only that option needs them.
    """
    import arabic_reshaper
    from bidi import algorithm as uba  # the libraries are untyped

    # Only Arabic runs are shaped: arabic-reshaper drops a ZWJ it finds after anything
    # else, which took 👨‍👩‍👧 apart.
    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    shaped = _ARABIC_RUN.sub(lambda run: str(reshaper.reshape(run.group())), line)
    cluster_of: list[tuple[int, int]] = []  # code point -> its cluster's (start, end)
    i = 0
    while i < len(shaped):
        end = i + 1 if shaped[i].isspace() else cluster_end(shaped, i)
        cluster_of += [(i, end)] * (end - i)
        i = end
    storage = uba.get_empty_storage()
    storage["base_level"] = uba.get_base_level(shaped)
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    uba.get_embedding_levels(shaped, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    out: list[str] = []
    written: set[int] = set()
    for char in storage["chars"]:
        first, end = cluster_of[char["index"]]
        if first in written:
            continue
        written.add(first)
        # A mirrored bracket is one code point: its mirrored form is what the terminal shows.
        text = char["ch"] if end - first == 1 else shaped[first:end]
        out.append("".join(ch for ch in text if ch not in _INVISIBLE_MARKS))
    return "".join(out)


_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
# Direction marks, embeddings, overrides and isolates: invisible, and done with once reordered.
_INVISIBLE_MARKS = frozenset(DIRECTION_MARKS)


def mark_spans(text: str, spans: Sequence[Span]) -> str:
    """The text with ``[`` before each span and ``]LABEL`` after it, nesting kept.

    Markers are inserted in logical order; at one position closing markers
    come before opening ones, and longer spans open first, so nesting reads
    correctly in both directions.
    """
    inserts: list[tuple[int, int, int, str]] = []
    for span in spans:
        # Sort key: position, closings before openings, then nesting order.
        inserts.append((span.start, 1, -span.end, "["))
        inserts.append((span.end, 0, -span.start, f"]{span.label}"))
    inserts.sort()
    out, last = [], 0
    for position, _, _, marker in inserts:
        out.append(text[last:position])
        out.append(marker)
        last = position
    out.append(text[last:])
    return "".join(out)


def for_terminal(text: str, *, visual: bool) -> str:
    """Line by line, reordered for the terminal when ``visual`` is set."""
    if not visual:
        return text
    return "\n".join(to_visual(line) for line in text.split("\n"))
