"""The recommender in the window: training in the background, what the model may propose,
and "next most useful document".

Training runs in a child process (``workspace.training``) after every few new
spans and on demand; when it ends the controller loads the new model, whose
proposals join the suggestions (N, Y, X, Shift+Y), and the status bar says which
labels the model proposes and, for a withheld one, why. Each run also ranks the
todo documents by the model's uncertainty, so "next most useful document" opens
one at once instead of scoring hundreds of documents on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from annotator.core.models import Status
from annotator.gui.i18n import tr
from annotator.gui.shell import Shell
from annotator.gui.workspace.training import RETRAIN_EVERY
from annotator.gui.workspace.workspace import Workspace


def model_summary(report: Mapping[str, Any]) -> tuple[str, str]:
    """A short status-bar text and a tooltip with every withheld label's reason."""
    proposed = list(report.get("proposed_labels", ()))
    withheld: dict[str, str] = dict(report.get("withheld", {}))
    if not report.get("stored", True) or not (proposed or withheld):
        return tr("Model: nothing to learn from yet"), tr("Tag names in a few documents first.")
    text = tr("Model: ") + (", ".join(proposed) if proposed else tr("proposes nothing"))
    if withheld:
        text += tr(" · withheld: ") + ", ".join(withheld)
    lines = [
        tr("Proposes %1.").replace("%1", ", ".join(proposed))
        if proposed
        else tr("Proposes nothing yet.")
    ]
    lines += [
        tr("%1: not proposed: %2").replace("%1", k).replace("%2", v) for k, v in withheld.items()
    ]
    return text, "\n".join(lines)


class Recommending(QObject):
    """The handlers of the Recommender menu and "next most useful document"."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell
        self.status = QLabel()
        self.status.setObjectName("recommender_status")
        self.ranking: list[int] = []  # todo documents, the model's least sure first
        self._open_when_ranked = False

    def follow(self, workspace: Workspace) -> None:
        """A new project's workspace: its training runs drive the model and this status."""
        training = workspace.training
        training.every = self.w.state.retrain_every(RETRAIN_EVERY)
        workspace.controller.state.changes_applied.connect(
            lambda changes: training.spans_added(len(changes.spans_added))
        )
        training.started.connect(self._on_training_started)
        training.finished.connect(self._on_training_finished)
        training.failed.connect(self._on_training_failed)
        self.ranking = []
        self._open_when_ranked = False
        recommender = workspace.controller.proposals.recommender
        self._show_summary(recommender.scores if recommender else {"stored": False})

    def _show_summary(self, report: Mapping[str, Any]) -> None:
        text, tip = model_summary(report)
        self.status.setText(self.tr(text))
        self.status.setToolTip(tip)

    def train(self) -> None:
        if not self.w.workspace.training.start():
            self.w.show_message(self.tr("Save the project to a file first: training reads it."))

    def _on_training_started(self) -> None:
        self.w.session.hold()
        self.status.setText(self.tr("Model: training…"))

    def _on_training_finished(self, report: dict[str, Any]) -> None:
        self.w.session.release()
        self.w.controller.load_model()
        self._show_summary(report)
        self.ranking = [row["doc"] for row in report.get("most_useful", ())]
        if report.get("stored", True) and not report.get("unchanged"):
            summary = self.status.toolTip().replace("\n", " ")
            self.w.show_message(self.tr("Model trained. ") + summary)
        if self._open_when_ranked:
            self._open_when_ranked = False
            self._open_next(rank_if_needed=False)

    def _on_training_failed(self, why: str) -> None:
        self.w.session.release()
        self._open_when_ranked = False
        recommender = self.w.controller.proposals.recommender
        self._show_summary(recommender.scores if recommender else {"stored": False})
        self.w.show_message(self.tr("Training failed: %s") % why)

    def next_most_useful(self) -> None:
        """Open the todo document the model is least sure about (ranked by the last run;
        without a todo document in that ranking, a run ranks them and one opens after it)."""
        self._open_next(rank_if_needed=True)

    def _open_next(self, *, rank_if_needed: bool) -> None:
        current = self.w.controller.document.id if self.w.controller.document else None
        for doc_id in self.ranking:
            row = self.w.documents.row_of(doc_id)
            summary = self.w.documents.summary(row) if row is not None else None
            if doc_id != current and summary is not None and summary.status is Status.TODO:
                self.w.open_document(doc_id)
                return
        if rank_if_needed and self.w.workspace.training.start():
            self._open_when_ranked = True
            self.w.show_message(self.tr("Ranking the documents to do; one opens shortly."))
            return
        self.w.show_message(self.tr("No document is left to do."))
