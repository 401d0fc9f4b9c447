"""What the status bar and the title bar say about the open project and document.

The summary follows the open document's state (``changes_applied``), so its
counts move with every tag, undo and link; nothing counts the database again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.changes import Changes, DocumentState
from annotator.core.models import Document
from annotator.gui.panels.models import status_text

PROJECT_SUFFIXES = (".annotator.db", ".db")


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


def summary_text(state: DocumentState, labels: Sequence[str]) -> str:
    """ "#3 · in progress · CLAIM 2 · ACTOR 3 … · 4 relations" for the open document."""
    document = state.document
    if document is None:
        return ""
    counts = state.counts(labels)
    parts = [f"#{document.id}", status_text(document.status)]
    parts.extend(f"{label} {count}" for label, count in counts.items())
    parts.append(
        QCoreApplication.translate("status", "%1 relations").replace(
            "%1", str(len(state.relations))
        )
    )
    return " · ".join(parts)


class DocumentSummary(QLabel):
    """The open document's number, status and counts (spans per label, relations)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_summary")
        self._labels: tuple[str, ...] = ()
        self._state: DocumentState | None = None

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
        self.setText(summary_text(self._state, self._labels) if self._state else "")
