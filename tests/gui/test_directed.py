"""Relation headers laid out by Qt: the head first in reading order, arrows pointing at the tail."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout

from annotator.gui.dialogs.directed import relation_header

CLAIM = "تم إطلاق صواريخ باليستية"
SOURCE = "وزارة الدفاع الأذرية"


def x_of(text: str, part: str, start: int = 0) -> float:
    """Where Qt draws the middle of ``part`` (its first occurrence at or after ``start``)."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(4000)
    layout.endLayout()
    at = text.index(part, start) + len(part) // 2
    x = line.cursorToX(at)
    return x[0] if isinstance(x, tuple) else x


@pytest.mark.parametrize(
    ("head", "tail", "rtl"),
    [
        (CLAIM, SOURCE, True),
        (CLAIM, "Mike Pompeo", True),  # a Latin name does not pull the arrows into its run
        ("The talks will go on", "Mike Pompeo", False),
        ("The talks will go on", SOURCE, False),
    ],
)
def test_the_head_comes_first_in_reading_order_and_arrows_point_at_the_tail(qapp, head, tail, rtl):
    header = relation_header(head, "SOURCE", tail)
    head_x = x_of(header, head)
    label_x = x_of(header, "SOURCE")
    tail_x = x_of(header, tail, header.index("SOURCE"))
    arrow = "←" if rtl else "→"  # both point the way the eye reads: from head to tail
    arrows = [i for i, ch in enumerate(header) if ch in "←→"]
    assert [header[i] for i in arrows] == [arrow, arrow]
    first_arrow, second_arrow = (x_of(header, arrow, i) for i in arrows)
    order = [head_x, first_arrow, label_x, second_arrow, tail_x]
    assert order == sorted(order, reverse=rtl)
