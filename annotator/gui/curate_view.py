"""Curate mode for one document of a team project: each analyst's spans in a lane, keys decide.

The disputed stretches (``storage.curation.disagreements``) are stepped
through by key; for the current one, the document shows where it is and one
lane per analyst (and one for gold) shows that stretch with their spans
marked. Keys: 1-9 accept that analyst's spans here, A accepts every
analyst's, R rejects them all (gold keeps nothing here), J / K the next and
previous stretch, Ctrl+Z / Ctrl+Shift+Z undo and redo (each step is one
command on the stack), Ctrl+Return marks the document curated. What the
analysts agreed on is accepted into gold when the view opens (``adjudicate
--auto agreed`` for this document), so only disagreements are left.

Signals: ``changed`` after every step (and its undo), ``curated`` once the
document is marked curated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from annotator.core.layers import GOLD
from annotator.gui.article.text_offsets import OffsetMap
from annotator.gui.i18n import QT_TRANSLATE_NOOP
from annotator.storage import curation
from annotator.storage.project import Project

CONTEXT = 60  # code points of text shown around a stretch in each lane
_MARK = QColor("#F6C85F")
_GOLD = QColor("#9BD3AE")
_OTHER = QColor("#FBEBC0")  # the other disputed stretches, so the document shows what is left

# (key, what it does): data, so the help line and the shortcuts come from one place.
KEYS: tuple[tuple[str, str], ...] = (
    ("1-9", QT_TRANSLATE_NOOP("curate", "accept that analyst's spans here")),
    ("A", QT_TRANSLATE_NOOP("curate", "accept every analyst's")),
    ("R", QT_TRANSLATE_NOOP("curate", "reject all (nothing in gold here)")),
    ("J / K", QT_TRANSLATE_NOOP("curate", "next / previous disagreement")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("curate", "undo")),
    ("Ctrl+Return", QT_TRANSLATE_NOOP("curate", "mark the document curated")),
)


class _Step(QUndoCommand):
    """One curation step: done by ``run``, undone exactly from the record it returned."""

    def __init__(
        self,
        text: str,
        project: Project,
        run: Callable[[], curation.Curation],
        after: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._project = project
        self._run = run
        self._after = after
        self._change: curation.Curation | None = None

    def redo(self) -> None:
        self._change = self._run()
        self._after()

    def undo(self) -> None:
        if self._change is not None:
            curation.revert(self._project, self._change)
        self._after()


class CurateView(QWidget):
    """One document's disagreements, lane by lane. Signals: ``changed``, ``curated``."""

    changed = Signal()
    curated = Signal()

    def __init__(self, project: Project, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.doc_id = doc_id
        self.text = project.document(doc_id).text
        self.undo_stack = QUndoStack(self)
        self.index = 0
        self.stretches: list[curation.Disagreement] = []
        curation.accept_agreed(project, doc_id)
        self.analysts = self._analysts()

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.document_view = self._text_view(self.text)
        self.document_view.setMinimumHeight(160)
        lanes = QGridLayout()
        self.lanes: dict[str, QTextEdit] = {}
        self.lane_names: dict[str, QLabel] = {}
        for row, name in enumerate([*self.analysts, GOLD]):
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(180)
            self.lane_names[name] = label
            lanes.addWidget(label, row, 0)
            self.lanes[name] = self._text_view("")
            self.lanes[name].setFixedHeight(56)
            lanes.addWidget(self.lanes[name], row, 1)
        lanes.setColumnStretch(1, 1)
        help_line = QLabel(
            "   ".join(f"{k}: {QCoreApplication.translate('curate', what)}" for k, what in KEYS),
            self,
        )
        help_line.setTextFormat(Qt.TextFormat.PlainText)
        help_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.document_view, 1)
        layout.addLayout(lanes)
        layout.addWidget(help_line)
        self._shortcuts()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.refresh()

    # -- building ------------------------------------------------------------

    def _text_view(self, text: str) -> QTextEdit:
        view = QTextEdit(self)
        view.setReadOnly(True)
        view.setAcceptRichText(False)
        view.setPlainText(text)  # text is never HTML
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return view

    def _analysts(self) -> list[str]:
        names = {s.annotator for s in self.project.spans(self.doc_id)}
        return sorted(n for n in names if n and n != GOLD)

    def _shortcuts(self) -> None:
        def bind(
            key: str | QKeySequence | QKeySequence.StandardKey, slot: Callable[[], None]
        ) -> None:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for number in range(1, 10):
            bind(str(number), partial(self.accept_analysts, number - 1))
        bind("A", lambda: self.accept_analysts(None))
        bind("R", self.reject)
        bind("J", lambda: self.go(+1))
        bind("K", lambda: self.go(-1))
        bind(QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        bind(QKeySequence.StandardKey.Redo, self.undo_stack.redo)
        bind("Ctrl+Return", self.mark_curated)

    # -- steps ---------------------------------------------------------------

    @property
    def current(self) -> curation.Disagreement | None:
        return self.stretches[self.index] if self.stretches else None

    def accept_analysts(self, which: int | None) -> None:
        """Accept the current stretch's spans of analyst ``which`` (0-based), or of all (None)."""
        stretch = self.current
        if stretch is None or (which is not None and which >= len(self.analysts)):
            return
        names: Sequence[str] = self.analysts if which is None else [self.analysts[which]]
        spans = curation.pick(stretch, names)
        self._push(
            f"accept {', '.join(names)}", lambda: curation.accept(self.project, self.doc_id, spans)
        )

    def reject(self) -> None:
        stretch = self.current
        if stretch is not None:
            self._push("reject", lambda: curation.reject(self.project, self._fresh(stretch)))

    def _fresh(self, stretch: curation.Disagreement) -> curation.Disagreement:
        """The stretch as the store has it now (gold may have changed since it was listed)."""
        for item in curation.disagreements(self.project, self.doc_id):
            if item.start == stretch.start:
                return item
        return stretch

    def _push(self, text: str, run: Callable[[], curation.Curation]) -> None:
        self.undo_stack.push(_Step(text, self.project, run, self._after_step))

    def _after_step(self) -> None:
        self.refresh()
        self.changed.emit()

    def go(self, step: int) -> None:
        if self.stretches:
            self.index = max(0, min(len(self.stretches) - 1, self.index + step))
            self.refresh()

    def mark_curated(self) -> None:
        curation.mark_curated(self.project, self.doc_id)
        self.refresh()
        self.curated.emit()

    # -- drawing -------------------------------------------------------------

    def refresh(self) -> None:
        self.stretches = curation.disagreements(self.project, self.doc_id)
        self.index = min(self.index, max(0, len(self.stretches) - 1))
        stretch = self.current
        if stretch is None:
            self.status.setText(
                self.tr("No disagreements left: Ctrl+Return marks the document curated.")
            )
            for name, lane in self.lanes.items():
                lane.setPlainText("")
                self.lane_names[name].setText(name)
            return
        nothing = self.tr("nothing")
        gold = ", ".join(f"{s.label} {s.text}" for s in stretch.gold) or nothing
        self.status.setText(
            self.tr("Disagreement %1 of %2; gold here: %3")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.stretches)))
            .replace("%3", gold)
        )
        marks = [(s.start, s.end, _OTHER) for s in self.stretches if s is not stretch]
        self._mark(self.document_view, self.text, 0, [*marks, (stretch.start, stretch.end, _MARK)])
        self.document_view.setTextCursor(self._cursor(self.document_view, self.text, stretch.start))
        self.document_view.ensureCursorVisible()
        lo = max(0, stretch.start - CONTEXT)
        hi = min(len(self.text), stretch.end + CONTEXT)
        piece = self.text[lo:hi].replace("\n", " ")
        for row, (name, lane) in enumerate(self.lanes.items()):
            spans = stretch.gold if name == GOLD else tuple(curation.pick(stretch, [name]))
            color = _GOLD if name == GOLD else _MARK
            key = "" if name == GOLD else f"{row + 1}  "
            labels = ", ".join(s.label for s in spans) or nothing
            self.lane_names[name].setText(f"{key}{name}: {labels}")
            lane.setPlainText(piece)
            self._mark(lane, piece, lo, [(s.start, s.end, color) for s in spans])

    def _cursor(self, view: QTextEdit, text: str, offset: int) -> QTextCursor:
        cursor = QTextCursor(view.document())
        cursor.setPosition(OffsetMap(text).to_qt(offset))
        return cursor

    def _mark(
        self, view: QTextEdit, text: str, base: int, marks: list[tuple[int, int, QColor]]
    ) -> None:
        offsets = OffsetMap(text)
        selections = []
        for start, end, color in marks:
            start, end = max(start - base, 0), min(end - base, len(text))
            if start >= end:
                continue
            qt_start, qt_end = offsets.range_to_qt(start, end)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(qt_start)
            cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        view.setExtraSelections(selections)
