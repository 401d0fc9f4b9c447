"""The article: read-only text with a caret, laid out per paragraph direction, spans painted.

A ``QTextEdit`` rather than a ``QPlainTextEdit``: the plain-text layout
applies one alignment and direction to the whole document, so an Arabic
paragraph beside an English one cannot both be right. The rich-text layout
resolves each paragraph's direction from its own text (Qt's bidi rules) and
aligns it to its leading edge. The text goes in with ``setPlainText``: it is
never interpreted as HTML or Markdown.

Signals:
    page_past_end: PageDown pressed with the end already in view.
    page_before_start: PageUp pressed with the start already in view.
    selection_moved: the selection or caret changed (by the user or code).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import partial

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.core.changes import Changes, DocumentState
from annotator.core.models import Span
from annotator.gui.article.highlighter import QtSpan, SpanHighlighter
from annotator.gui.article.label_styles import LabelStyles, contrasting_text
from annotator.gui.article.proposal_tips import ProposalTips
from annotator.gui.article.text_offsets import OffsetMap

LINE_HEIGHT_PERCENT = 135
PARAGRAPH_SPACING = 10
DOCUMENT_MARGIN = 18
NEAR_BLOCKS = 40  # paragraphs each side of the caret formatted before the first paint
CHUNK_BLOCKS = 64  # paragraphs formatted per event-loop turn after it
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 40
# Marks (find matches, suggestions, the current span's links) are handed to Qt only this many
# code points either side of the screen: Qt lays out every paragraph a mark is in at once, and
# a long report's 8,000 suggestions laid out all of its megabyte (0.85 s). Scrolling hands
# over more.
MARK_REACH = 20_000

# A mark: code-point range and its format.
Mark = tuple[int, int, QTextCharFormat]


class ArticleView(QTextEdit):
    page_past_end = Signal()
    page_before_start = Signal()
    selection_moved = Signal()

    def __init__(
        self, styles: LabelStyles, font_family: str, point_size: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setFont(QFont(font_family, point_size))
        self._styles = styles
        self._highlighter = SpanHighlighter(self.document(), styles)
        self._offsets = OffsetMap("")
        self._current: Span | None = None
        self._pending: set[int] = set()  # paragraphs with spans not formatted yet
        self._hits: list[Mark] = []  # find-bar matches
        self._marks: list[Mark] = []  # the current span and its links
        self._proposals: list[Mark] = []  # suggestions
        self.proposal_tips = ProposalTips(self, lambda: self._offsets)
        self._marked = (0, -1)  # the code points whose marks Qt has
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._generation = 0  # bumped per opened document; stale chunks stop
        self.selectionChanged.connect(self.selection_moved)
        self.cursorPositionChanged.connect(self.selection_moved)

    # -- content -------------------------------------------------------------

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    def show_document(self, text: str, spans: Iterable[Span], caret: int = 0) -> None:
        """Show ``text`` literally with its spans painted, caret at ``caret``.

        Opening stays within a few times a bare ``setPlainText``:

        * the new document is built detached from the view, so no layout runs
          while it fills (``setPlainText``: never read as HTML);
        * only paragraphs that have spans are formatted, those around the
          caret before the first paint, the rest right after it in small
          chunks, nearest first (``_format_pending``);
        * attaching does not re-run the highlighter.
        """
        self._current = None
        self._hits, self._marks, self._proposals = [], [], []
        self.setExtraSelections([])
        self._offsets = OffsetMap(text)
        self._generation += 1
        document = self._new_document(text)
        self._pending = self._highlighter.prepare(
            self._offsets.block_starts(text), [self._qt_span(s) for s in spans]
        )
        self._format_near(caret)
        old = self.document()
        document.blockSignals(True)  # attaching re-announces all content
        self.setDocument(document)
        document.blockSignals(False)
        if shiboken6.isValid(old) and old.parent() is self:
            old.deleteLater()
        self.set_caret(caret)
        if self._pending:
            QTimer.singleShot(0, partial(self._format_pending, self._generation))

    def _block_of(self, offset: int) -> int:
        return self._highlighter.block_number(self._offsets.to_qt(offset))

    def _format_near(self, offset: int) -> None:
        """Format the not-yet-formatted paragraphs within reach of ``offset`` now."""
        if not self._pending:
            return
        here = self._block_of(min(offset, self._offsets.from_qt(self._offsets.qt_length)))
        near = {n for n in self._pending if abs(n - here) <= NEAR_BLOCKS}
        self._pending -= near
        self._highlighter.highlight_blocks(sorted(near))

    def _format_pending(self, generation: int) -> None:
        """Format the remaining paragraphs in chunks, nearest to the view first."""
        if generation != self._generation or not self._pending:
            return
        here = (
            self.document()
            .findBlock(self.cursorForPosition(self.viewport().rect().center()).position())
            .blockNumber()
        )
        chunk = sorted(self._pending, key=lambda n: abs(n - here))[:CHUNK_BLOCKS]
        self._pending.difference_update(chunk)
        self._highlighter.highlight_blocks(chunk)
        if self._pending:
            QTimer.singleShot(0, partial(self._format_pending, generation))

    def _new_document(self, text: str) -> QTextDocument:
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)  # each paragraph its own
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setDocumentMargin(DOCUMENT_MARGIN)
        # Each document gets its own highlighter, joining while the document is
        # empty (so it schedules no full pass of its own), and the old one goes
        # with the old document: moving one highlighter across first clears the
        # formats of every paragraph of the document being left (10 ms for an
        # article of 5,000 words, measured), work for a document about to go.
        self._highlighter = SpanHighlighter(document, self._styles)
        document.blockSignals(True)
        document.setPlainText(text)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        block.setBottomMargin(PARAGRAPH_SPACING)
        cursor.mergeBlockFormat(block)
        document.blockSignals(False)
        return document

    def set_styles(self, styles: LabelStyles) -> None:
        self._styles = styles
        self._highlighter.set_styles(styles)

    def _qt_span(self, span: Span) -> QtSpan:
        start, end = self._offsets.range_to_qt(span.start, span.end)
        return QtSpan(span.id, start, end, span.label)

    def follow(self, state: DocumentState) -> None:
        """The painted spans follow every change the open document's state applies (the
        text itself comes through show_document, with the caret where the window wants it)."""
        state.changes_applied.connect(lambda changes: self._on_changes_applied(state, changes))

    def _on_changes_applied(self, state: DocumentState, changes: Changes) -> None:
        if changes.whole or changes.doc_id != state.doc_id:
            return
        for span in changes.spans_removed:
            self.remove_span(span)
        for old, new in changes.spans_changed:
            self.remove_span(old)
            self.add_span(new)
        for span in changes.spans_added:
            self.add_span(span)

    def add_span(self, span: Span) -> None:
        self._format_near(span.start)
        self._highlighter.add_span(self._qt_span(span))

    def remove_span(self, span: Span) -> None:
        self._highlighter.remove_span(span.id)
        if self._current is not None and self._current.id == span.id:
            self.set_current(None)

    # -- the current span ----------------------------------------------------

    def set_current(self, span: Span | None, linked: Sequence[tuple[Span, str]] = ()) -> None:
        """Mark ``span`` as the current one (solid colour) and select its text.

        ``linked`` are the spans at the other end of its links, with the link
        colour: drawn with a dashed underline in that colour, so who said a
        claim shows at a glance.
        """
        self._current = span
        self._paint_selection_as(span.label if span else None)
        self._marks = []
        if span is not None:
            self._marks = [(o.start, o.end, self._styles.linked(c)) for o, c in linked]
            self._marks.append((span.start, span.end, self._styles.current(span.label)))
        self._show_extras()
        if span is not None:
            self.select_range(span.start, span.end)

    def set_search_hits(self, hits: Sequence[tuple[int, int]]) -> None:
        """Mark the find bar's matches (code-point ranges) under everything else."""
        fmt = self._styles.search_hit()
        self._hits = [(start, end, fmt) for start, end in hits]
        self._show_extras()

    def set_suggestions(self, suggestions: Sequence[tuple[int, int, str, float | None]]) -> None:
        """Proposed spans (start, end, label, model score or None): dashed and pale, never
        mistaken for a tag, fainter the less sure the model; tooltips: ``proposal_tips``."""
        self._proposals = [(s, e, self._styles.suggestion(lb, p)) for s, e, lb, p in suggestions]
        self.proposal_tips.set(suggestions)
        self._show_extras()

    def _show_extras(self) -> None:
        """Hand Qt the marks within ``MARK_REACH`` of the screen, in drawing order."""
        if not (self._hits or self._proposals or self._marks):
            self._marked = (0, -1)
            self.setExtraSelections([])
            return
        first, last = self._on_screen()
        low, high = self._marked = (first - MARK_REACH, last + MARK_REACH)
        layers = (self._hits, self._proposals, self._marks)
        self.setExtraSelections(
            self._extras(m for layer in layers for m in layer if m[0] < high and m[1] > low)
        )

    def _on_scrolled(self) -> None:
        if not (self._hits or self._proposals or self._marks):
            return
        first, last = self._on_screen()
        if first < self._marked[0] or last > self._marked[1]:
            self._show_extras()

    def _on_screen(self) -> tuple[int, int]:
        """The code points of the paragraphs on screen.

        Found by bisecting the paragraphs on their laid-out rectangles, read
        from each paragraph's own layout: hit-testing a point, or asking the
        document layout for a paragraph's rectangle, first lays the document
        out down to it (150 ms in a 1 MB report). Qt lays a document out from
        the top, so the paragraphs not laid out yet all come after the screen.
        """
        document = self.document()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()

        def first_block(past: Callable[[QRectF], bool]) -> int:
            """The first paragraph not laid out yet or whose rectangle is ``past``."""

            def key(number: int) -> bool:
                layout = document.findBlockByNumber(number).layout()
                if layout.lineCount() == 0:
                    return True
                return past(layout.boundingRect().translated(layout.position()))

            return bisect_left(range(document.blockCount()), True, key=key)

        first = document.findBlockByNumber(first_block(lambda r: r.bottom() > top))
        last = document.findBlockByNumber(max(0, first_block(lambda r: r.top() >= bottom) - 1))
        if not first.isValid():
            first = document.lastBlock()
        end = max(first.position(), last.position() + last.length() - 1)
        return self._offsets.range_from_qt(first.position(), min(end, self._offsets.qt_length))

    def _paint_selection_as(self, label: str | None) -> None:
        """The current span is selected; its selection takes the label's colour."""
        palette = self.palette()
        default = self.style().standardPalette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            if label is None:
                palette.setColor(
                    group,
                    QPalette.ColorRole.Highlight,
                    default.color(group, QPalette.ColorRole.Highlight),
                )
                palette.setColor(
                    group,
                    QPalette.ColorRole.HighlightedText,
                    default.color(group, QPalette.ColorRole.HighlightedText),
                )
            else:
                color = self._styles.color(label)
                palette.setColor(group, QPalette.ColorRole.Highlight, QColor(color))
                palette.setColor(group, QPalette.ColorRole.HighlightedText, contrasting_text(color))
        self.setPalette(palette)

    def _extras(self, ranges: Iterable[Mark]) -> list[QTextEdit.ExtraSelection]:
        """Extra selections over code-point ranges, each with its format."""
        selections = []
        for start_cp, end_cp, fmt in ranges:
            start, end = self._offsets.range_to_qt(start_cp, end_cp)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            selection.format = fmt
            selections.append(selection)
        return selections

    # -- selection and caret, in code points ---------------------------------

    def _cursor(self, anchor: int, position: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selection_range(self) -> tuple[int, int]:
        """The selection as code-point offsets (start <= end); empty at the caret."""
        cursor = self.textCursor()
        return self._offsets.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        self._format_near(start)
        start_qt, end_qt = self._offsets.range_to_qt(start, end)
        self.setTextCursor(self._cursor(start_qt, end_qt))
        self._bring_into_view()

    def _bring_into_view(self) -> None:
        """Scroll a caret or span that is out of view to the middle, not to the very edge."""
        rect = self.cursorRect()
        height = self.viewport().height()
        margin = rect.height() * 2
        if rect.top() < margin or rect.bottom() > height - margin:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - height // 2)

    def caret(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def set_caret(self, offset: int) -> None:
        offset = max(0, min(offset, self._offsets.from_qt(self._offsets.qt_length)))
        self._format_near(offset)
        position = self._offsets.to_qt(offset)
        self.setTextCursor(self._cursor(position, position))
        if offset:
            self._bring_into_view()
        else:
            self.verticalScrollBar().setValue(0)

    # -- zoom ----------------------------------------------------------------

    def point_size(self) -> int:
        return self.font().pointSize()

    def set_point_size(self, size: int) -> int:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        return size

    # -- keys ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if plain and event.key() == Qt.Key.Key_PageDown and bar.value() >= bar.maximum():
            self.page_past_end.emit()
            return
        if plain and event.key() == Qt.Key.Key_PageUp and bar.value() <= bar.minimum():
            self.page_before_start.emit()
            return
        super().keyPressEvent(event)
