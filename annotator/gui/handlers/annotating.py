"""The span keys: labels, delete, strip a proclitic, tag all, Tab between spans, undo,
and the keys that select a reported clause (C) or a sentence (S) for the next label key."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.clauses import attribution_at, next_sentence, sentence_at
from annotator.gui.shell import Shell


class Annotating(QObject):
    """The handlers of the Annotate menu that work on spans in the article."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def apply_label(self, label: str, *, exact: bool = False) -> None:
        """A label key. A match selected by the find bar is tagged as found, not snapped:
        "أذربيجان" found inside "وأذربيجان" stays without its و."""
        selection = self.w.article.selection_range()
        exact = exact or selection == self.w.finder.found
        self.w.controller.apply_label(label, selection, exact=exact)

    def apply_label_exact(self, label: str) -> None:
        self.apply_label(label, exact=True)

    def select_clause(self) -> None:
        """C: the reported clause under the caret (or the next one); pressed again on it,
        its source, then its cue, so "C 1 C 2 C 4" tags a claim, who said it and the verb."""
        document = self.w.controller.document
        if document is None:
            return
        start, end = self.w.article.selection_range()
        attribution = attribution_at(document.text, start)
        if attribution is None:
            self.w.show_message(self.tr("No reported clause (after إن، أن، بأن) from here on."))
            return
        parts = attribution.parts()
        on = next((i for i, (s, e) in enumerate(parts) if s <= start < e and end > start), None)
        if on is not None and len(parts) == 1:
            # Neither source nor cue was found: selecting the clause again would let the next
            # label key (2 for the source) relabel the claim just tagged.
            self.w.article.set_caret(attribution.clause[1])
            self.w.show_message(
                self.tr("No source or cue found for this clause: select them and press 2 or 4.")
            )
            return
        chosen = parts[0] if on is None else parts[(on + 1) % len(parts)]
        self.w.article.select_range(*chosen)

    def select_sentence(self) -> None:
        """S: the sentence under the caret; pressed again on it, the next sentence."""
        document = self.w.controller.document
        if document is None:
            return
        start, end = self.w.article.selection_range()
        sentence = sentence_at(document.text, start)
        if (start, end) == sentence:
            following = next_sentence(document.text, end + 1)
            sentence = following if following is not None else sentence
        self.w.article.select_range(*sentence)

    def tag_all_occurrences(self) -> None:
        self.w.controller.tag_all_occurrences()

    def delete_span(self) -> None:
        self.w.controller.delete_current()

    def strip_proclitic(self) -> None:
        self.w.controller.strip_proclitic_of_current()

    def next_span(self, backwards: bool = False) -> None:
        span = self.w.controller.span_after(self.w.article.caret(), backwards=backwards)
        if span is None:
            self.w.show_message(self.tr("No spans in this document yet."))
        self.w.controller.set_current(span)

    def previous_span(self) -> None:
        self.next_span(backwards=True)

    def clear_selection(self) -> None:
        self.w.controller.set_current(None)
        self.w.article.set_caret(self.w.article.caret())

    def toggle_snap(self) -> None:
        on = self.w.actions_by_id["span.snap"].isChecked()
        self.w.state.set_snap_to_words(on)
        self.w.controller.snap_to_words = on

    def undo(self) -> None:
        self.w.controller.undo_stack.undo()

    def redo(self) -> None:
        self.w.controller.undo_stack.redo()
