"""Suggestion keys: N goes to the next proposal, Y accepts it, X rejects it, Shift+Y all alike."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.suggest import Suggestion
from annotator.gui.shell import Shell


def score_text(score: float | None) -> str:
    """How sure the model is of a proposal, for the status bar and the tooltip."""
    return "" if score is None else f" (model, {score:.2f})"


class Suggesting(QObject):
    """The handlers of the Suggest menu."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def show_suggestions(self) -> None:
        self.w.article.set_suggestions(
            [(s.start, s.end, s.label, s.score) for s in self.w.controller.suggestions]
        )

    def next_suggestion(self) -> None:
        """Select the next proposal; Y accepts it, X rejects it, Shift+Y accepts all alike."""
        suggestion = self.w.controller.suggestion_after(self.w.article.selection_range()[0])
        if suggestion is None:
            self.w.show_message(self.tr("No suggestions in this document."))
            return
        self.w.article.select_range(suggestion.start, suggestion.end)
        self.w.show_message(f"{suggestion.label}: {suggestion.text}{score_text(suggestion.score)}")

    def _selected_suggestion(self) -> Suggestion | None:
        suggestion = self.w.controller.suggestion_at(self.w.article.selection_range())
        if suggestion is None:
            self.w.show_message(self.tr("Select a suggestion first (N goes to the next one)."))
        return suggestion

    def accept_suggestion(self, all_alike: bool = False) -> None:
        if (suggestion := self._selected_suggestion()) is not None:
            self.w.controller.accept(suggestion, all_alike=all_alike)

    def accept_all_alike(self) -> None:
        self.accept_suggestion(all_alike=True)

    def reject_suggestion(self) -> None:
        if (suggestion := self._selected_suggestion()) is not None:
            self.w.controller.reject(suggestion)
            self.next_suggestion()

    def toggle_cue_suggestions(self) -> None:
        on = self.w.actions_by_id["suggest.cues"].isChecked()
        self.w.state.set_suggest_cues(on)
        self.w.controller.suggest_cues = on
        self.w.controller.refresh_suggestions()
