"""The span keys: labels, delete, strip a proclitic, tag all, Tab between spans, undo."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.gui.shell import Shell


class Annotating(QObject):
    """The handlers of the Annotate menu that work on spans in the article."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def apply_label(self, label: str, *, exact: bool = False) -> None:
        """A label key. A match selected by the find bar is tagged as found, not snapped:
        "أذربيجان" found inside "وأذربيجان" stays without its و."""
        assert self.w.controller is not None
        selection = self.w.article.selection_range()
        exact = exact or selection == self.w.finder.found
        self.w.controller.apply_label(label, selection, exact=exact)

    def apply_label_exact(self, label: str) -> None:
        self.apply_label(label, exact=True)

    def tag_all_occurrences(self) -> None:
        self.w.controller.tag_all_occurrences()  # type: ignore[union-attr]

    def delete_span(self) -> None:
        self.w.controller.delete_current()  # type: ignore[union-attr]

    def strip_proclitic(self) -> None:
        self.w.controller.strip_proclitic_of_current()  # type: ignore[union-attr]

    def next_span(self, backwards: bool = False) -> None:
        assert self.w.controller is not None
        span = self.w.controller.span_after(self.w.article.caret(), backwards=backwards)
        if span is None:
            self.w.show_message(self.tr("No spans in this document yet."))
        self.w.controller.set_current(span)

    def previous_span(self) -> None:
        self.next_span(backwards=True)

    def clear_selection(self) -> None:
        assert self.w.controller is not None
        self.w.controller.set_current(None)
        self.w.article.set_caret(self.w.article.caret())

    def toggle_snap(self) -> None:
        on = self.w.actions_by_id["span.snap"].isChecked()
        self.w.state.set_snap_to_words(on)
        if self.w.controller:
            self.w.controller.snap_to_words = on

    def undo(self) -> None:
        self.w.controller.undo_stack.undo()  # type: ignore[union-attr]

    def redo(self) -> None:
        self.w.controller.undo_stack.redo()  # type: ignore[union-attr]
