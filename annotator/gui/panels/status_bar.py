"""What the status bar and the title bar say about the open project and document.

The summary follows the open document's state (``changes_applied``), so its
counts move with every tag, undo and link; nothing counts the database again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.changes import Changes, DocumentState
from annotator.core.models import Document
from annotator.gui.i18n import status_text

PROJECT_SUFFIXES = (".annotator.db", ".db")
# Each part of the summary is isolated: "CLAIM 2" and "علاقة 4" side by side would
# otherwise reorder each other's numbers under the bidi algorithm.
FSI, PDI = "\u2068", "\u2069"


def project_name(path: Path | None) -> str:
    """The project as the analyst named it: its file name without ``.annotator.db``."""
    if path is None:
        return QCoreApplication.translate("status", "in memory")
    name = path.name
    for suffix in PROJECT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def window_title(path: Path | None, document: Document | None) -> str:
    """ "project — document title — annotator": the project first, as task bars cut the end."""
    parts = [project_name(path)]
    if document is not None:
        parts.append(document.title)
    parts.append("annotator")
    return " — ".join(parts)


def summary_parts(state: DocumentState, labels: Sequence[str]) -> list[str]:
    """ "#3", "in progress", "CLAIM 2", "ACTOR 3" …, "4 relations": the open document's.

    Labels with no span here are left out: the label panel lists every count, and the
    zeros pushed the end of the line past a 1400-pixel window's edge.
    """
    document = state.document
    if document is None:
        return []
    counts = state.counts(labels)
    parts = [f"#{document.id}", status_text(document.status)]
    number = QLocale().toString  # the digits chosen (gui.i18n); the id stays as stored
    parts.extend(f"{label} {number(count)}" for label, count in counts.items() if count)
    parts.append(
        QCoreApplication.translate("status", "%1 relations").replace(
            "%1", number(len(state.relations))
        )
    )
    return parts


class DocumentSummary(QLabel):
    """The open document's number, status and counts (spans per label, relations)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_summary")
        self._labels: tuple[str, ...] = ()
        self._state: DocumentState | None = None
        self.plain = ""  # the text shown, without its bidi isolates

    def follow(self, state: DocumentState, labels: Sequence[str]) -> None:
        """Show ``state``'s document from now on (a new workspace brings a new state)."""
        if self._state is not None:
            self._state.changes_applied.disconnect(self._on_changes_applied)
        self._state, self._labels = state, tuple(labels)
        state.changes_applied.connect(self._on_changes_applied)
        self.refresh()

    def _on_changes_applied(self, _changes: Changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        parts = summary_parts(self._state, self._labels) if self._state else []
        self.plain = " · ".join(parts)
        # Isolates hold no strong letter: a mark sets the line's direction to the layout's.
        mark = "\u200f" if self.isRightToLeft() else "\u200e"
        self.setText(mark + " · ".join(f"{FSI}{part}{PDI}" for part in parts))
