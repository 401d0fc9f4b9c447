"""Relation headers that read the right way round in right-to-left and left-to-right text.

Qt lays a line out by the Unicode bidi algorithm: in "claim →SOURCE→ actor" over
Arabic text the arrows, being neutral, end up pointing back at the claim, and a
Latin label drags its neighbours into its own run. The header below starts with a
mark that sets the line's direction and flanks each arrow with the same mark, so
every arrow points from the head to the tail whatever the parts are written in.
"""

from __future__ import annotations

from annotator.core.text import paragraph_direction

RLM = "\u200f"
LRM = "\u200e"
FSI = "\u2068"  # first strong isolate: each part keeps its own direction inside
PDI = "\u2069"


def relation_header(head: str, label: str, tail: str) -> str:
    """``head -label-> tail`` in the head's reading direction, arrows pointing at the tail."""
    rtl = paragraph_direction(head) == "rtl"
    mark, arrow = (RLM, "←") if rtl else (LRM, "→")
    link = f"{mark} {arrow}{mark}{FSI}{label}{PDI}{mark}{arrow} {mark}"
    return f"{mark}{FSI}{head}{PDI}{link}{FSI}{tail}{PDI}"
