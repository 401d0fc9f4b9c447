"""Painting spans: a per-paragraph QSyntaxHighlighter.

Why a highlighter and not character formats written into the document:
formats from a highlighter are layout overlays, so they never enter the
document's undo history, and adding one span re-highlights only the
paragraphs it touches (``rehighlightBlock``) instead of the whole article.
Overlapping spans are cut into segments; each segment's format combines the
innermost background label with the innermost underline label, so a claim
containing an actor and a location shows all three.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from annotator.core.models import Display
from annotator.gui.label_styles import LabelStyles


@dataclass(frozen=True, slots=True)
class QtSpan:
    """A span in Qt positions (UTF-16 units), as the view paints it."""

    id: int
    start: int
    end: int
    label: str


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, styles: LabelStyles) -> None:
        super().__init__(document)
        self._styles = styles
        self._by_block: dict[int, dict[int, QtSpan]] = defaultdict(dict)
        self._blocks_of: dict[int, range] = {}

    def set_styles(self, styles: LabelStyles) -> None:
        self._styles = styles
        self.rehighlight()

    def set_spans(self, spans: Iterable[QtSpan]) -> None:
        """Replace all spans and repaint the whole document (on opening it)."""
        self._by_block.clear()
        self._blocks_of.clear()
        for span in spans:
            self._index(span)
        self.rehighlight()

    def add_span(self, span: QtSpan) -> None:
        self._index(span)
        self._rehighlight(self._blocks_of[span.id])

    def remove_span(self, span_id: int) -> None:
        blocks = self._blocks_of.pop(span_id, range(0))
        for number in blocks:
            self._by_block[number].pop(span_id, None)
        self._rehighlight(blocks)

    def _index(self, span: QtSpan) -> None:
        document = self.document()
        first = document.findBlock(span.start).blockNumber()
        last = document.findBlock(max(span.start, span.end - 1)).blockNumber()
        blocks = range(first, last + 1)
        self._blocks_of[span.id] = blocks
        for number in blocks:
            self._by_block[number][span.id] = span

    def _rehighlight(self, blocks: range) -> None:
        document = self.document()
        for number in blocks:
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        # ``text`` is a Python str (code points); Qt formats count UTF-16 units,
        # so all arithmetic uses the block's own Qt positions.
        block = self.currentBlock()
        spans = self._by_block.get(block.blockNumber())
        if not spans:
            return
        base, length = block.position(), block.length() - 1
        local = [
            (max(s.start - base, 0), min(s.end - base, length), s.end - s.start, s.label)
            for s in spans.values()
        ]
        cuts = sorted({p for a, b, _, _ in local for p in (a, b)})
        for a, b in zip(cuts, cuts[1:], strict=False):
            covering = [(size, label) for s, e, size, label in local if s <= a and e >= b]
            if not covering:
                continue
            background = underline = None
            for _, label in sorted(covering, reverse=True):  # outermost first, innermost wins
                if self._styles.display(label) is Display.UNDERLINE:
                    underline = label
                else:
                    background = label
            self.setFormat(a, b - a, self._styles.combined(background, underline))
