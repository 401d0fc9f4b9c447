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

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from annotator.gui.article.label_styles import LabelStyles


@dataclass(frozen=True, slots=True)
class QtSpan:
    """A span in Qt positions (UTF-16 units), as the view paints it."""

    id: int
    start: int
    end: int
    label: str


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, styles: LabelStyles) -> None:
        # One per document, owned by it: documents are replaced on every
        # opening, and the highlighter goes with the document it painted.
        super().__init__(document)
        self._styles = styles
        self._by_block: dict[int, dict[int, QtSpan]] = defaultdict(dict)
        self._blocks_of: dict[int, range] = {}
        self._block_starts: Sequence[int] = (0,)

    def set_styles(self, styles: LabelStyles) -> None:
        self._styles = styles
        self.rehighlight()

    def prepare(self, block_starts: Sequence[int], spans: Iterable[QtSpan]) -> set[int]:
        """Index the spans of a new text (block starts in Qt positions).

        Returns the numbers of the paragraphs that have spans: only those need
        formatting, and the view formats them nearest-first (see ArticleView).
        """
        self._block_starts = block_starts
        self._by_block.clear()
        self._blocks_of.clear()
        for span in spans:
            self._index(span)
        return {number for number, spans in self._by_block.items() if spans}

    def highlight_blocks(self, numbers: Iterable[int]) -> None:
        self._rehighlight(numbers)

    def add_span(self, span: QtSpan) -> None:
        self._index(span)
        self._rehighlight(self._blocks_of[span.id])

    def remove_span(self, span_id: int) -> None:
        blocks = self._blocks_of.pop(span_id, range(0))
        for number in blocks:
            self._by_block[number].pop(span_id, None)
        self._rehighlight(blocks)

    def block_number(self, position: int) -> int:
        """The paragraph holding Qt position ``position`` (works before the text is shown)."""
        return bisect_right(self._block_starts, position) - 1

    def _index(self, span: QtSpan) -> None:
        first = self.block_number(span.start)
        last = self.block_number(max(span.start, span.end - 1))
        blocks = range(first, last + 1)
        self._blocks_of[span.id] = blocks
        for number in blocks:
            self._by_block[number][span.id] = span

    def _rehighlight(self, blocks: Iterable[int]) -> None:
        document = self.document()
        for number in blocks:
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        # ``text`` is a Python str (code points); Qt formats count UTF-16 units,
        # so all arithmetic uses the block's own Qt positions. Runs once per
        # paragraph on opening: kept lean (one sort per paragraph).
        block = self.currentBlock()
        spans = self._by_block.get(block.blockNumber())
        if not spans:
            return
        base, length = block.position(), block.length() - 1
        local = sorted(
            ((max(s.start - base, 0), min(s.end - base, length), s.label) for s in spans.values()),
            key=lambda item: item[0] - item[1],  # longest first: inner spans win
        )
        underline = self._styles.underline_labels
        combined = self._styles.combined
        cuts = sorted({p for a, b, _ in local for p in (a, b)})
        previous = cuts[0]
        for cut in cuts[1:]:
            background_label = underline_label = None
            for a, b, label in local:
                if a <= previous and b >= cut:
                    if label in underline:
                        underline_label = label
                    else:
                        background_label = label
            if background_label or underline_label:
                self.setFormat(
                    previous, cut - previous, combined(background_label, underline_label)
                )
            previous = cut
