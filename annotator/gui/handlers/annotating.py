"""The span keys: labels, delete, strip a proclitic, tag all, Tab between spans, undo,
and the keys that select a reported clause (C) or a sentence (S) for the next label key."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject

from annotator.core.clauses import (
    Attribution,
    Range,
    attribution_at,
    next_sentence,
    sentence_at,
)
from annotator.gui.shell import Shell


class _ClauseStep(NamedTuple):
    """Where the last C left off: the next C goes on from there if nothing moved since."""

    doc_id: int
    left: Range  # the selection it left (a caret where the part was not found)
    attribution: Attribution
    slot: int  # 0 the claim, 1 its source, 2 its cue


def _slots(attribution: Attribution) -> tuple[Range | None, Range | None, Range | None]:
    """The order C steps through a reported clause: the claim, who said it, the verb."""
    return attribution.clause, attribution.source, attribution.cue


class Annotating(QObject):
    """The handlers of the Annotate menu that work on spans in the article."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell
        self._clause_step: _ClauseStep | None = None

    def apply_label(self, label: str, *, exact: bool = False) -> None:
        """A label key. A match selected by the find bar, or a part C selected, is tagged as
        found, not snapped: "أذربيجان" found inside "وأذربيجان" stays without its و, and
        so does the cue "أكد" of "وأكد أن"."""
        selection = self.w.article.selection_range()
        step = self._clause_step
        exact = (
            exact
            or selection == self.w.finder.found
            or (step is not None and step.left == selection and selection[0] < selection[1])
        )
        self.w.controller.apply_label(label, selection, exact=exact)

    def apply_label_exact(self, label: str) -> None:
        self.apply_label(label, exact=True)

    def select_clause(self) -> None:
        """C: the reported clause under the caret (or the next one); pressed again, its
        source, then its cue, so "C 1 C 2 C 4" tags a claim, who said it and the verb;
        then the next reported clause.

        A part that was not found is a step of its own: it selects nothing and says what
        is missing, so the next label key cannot fall on the wrong text ("C 1 C 2" with
        no source found used to tag the cue as the ACTOR, or relabel the claim).
        """
        document = self.w.controller.document
        if document is None or document.id is None:
            return
        selection = self.w.article.selection_range()
        last = self._clause_step
        self._clause_step = None
        if last is not None and (last.doc_id, last.left) == (document.id, selection):
            attribution, slot = last.attribution, last.slot + 1
        else:
            found = attribution_at(document.text, selection[0])
            if found is None:
                self.w.show_message(self.tr("No reported clause (after إن، أن، بأن) from here on."))
                return
            attribution = found
            start, end = selection
            on = next(
                (
                    i
                    for i, part in enumerate(_slots(attribution))
                    if part is not None and part[0] <= start < part[1] and end > start
                ),
                None,
            )
            slot = 0 if on is None else on + 1
        if slot == len(_slots(attribution)):
            # Claim, source and cue done: on to the next reported clause, as after a clause
            # whose parts were not found ("C 1 C 2 C 4" again tags the next claim).
            following = attribution_at(document.text, attribution.clause[1])
            if following is None:
                self.w.article.set_caret(attribution.clause[1])
                self.w.show_message(self.tr("No reported clause (after إن، أن، بأن) from here on."))
                return
            attribution, slot = following, 0
        part = _slots(attribution)[slot]
        if part is not None:
            self.w.article.select_range(*part)
            self._clause_step = _ClauseStep(document.id, part, attribution, slot)
            return
        end = attribution.clause[1]
        self.w.article.set_caret(end)  # nothing selected: the next label key tags nothing
        if attribution.source is None and attribution.cue is None:
            self.w.show_message(
                self.tr("No source or cue found for this clause: select them and press 2 or 4.")
            )
        elif slot == 1:
            self.w.show_message(
                self.tr("No source found for this clause: select it and press 2. C: its cue.")
            )
            self._clause_step = _ClauseStep(document.id, (end, end), attribution, slot)
        else:
            self.w.show_message(self.tr("No cue found for this clause: select it and press 4."))

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
