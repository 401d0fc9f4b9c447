"""Who said what, driven by keys on the sample article: claims, sources, cues, stances, entities."""

from __future__ import annotations

import io
import json
import time
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.models import Document, Entity
from annotator.storage.exporter import write_jsonl
from tests.gui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier

CLAIM1 = "تم إطلاق صواريخ باليستية من الأراضي الأرمينية"
SOURCE1 = "وزارة الدفاع الأذرية"
CLAIM2 = "إطلاق أي صواريخ باليستية على الأراضي الأذرية"
SOURCE2 = "مصادر من الخارجية الأرمينية"


DIALOG_TIMEOUT_S = 10


@contextmanager
def in_dialogs(qtbot, *steps):
    """Answer the modal dialogs opened inside the block, one step (keys) per dialog, in order.

    On leaving the block every step must have run. A dialog that does not open within
    DIALOG_TIMEOUT_S fails the test; a modal left open is rejected so ``exec()`` returns.
    """
    pending = list(steps)
    seen: list[object] = []
    failures: list[str] = []
    deadline = [time.monotonic() + DIALOG_TIMEOUT_S]

    def act() -> None:
        if not pending:  # the block is over (or every step ran): nothing more to answer
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in seen or QApplication.activeWindow() is not dialog:
            if time.monotonic() > deadline[0]:
                failures.append(f"no dialog for step {len(seen) + 1} of {len(steps)}")
                if dialog is not None:
                    dialog.reject()  # type: ignore[attr-defined]
                return
            if dialog is not None and dialog not in seen:
                dialog.activateWindow()  # keys go where the focus is
            QTimer.singleShot(10, act)
            return
        seen.append(dialog)
        keys = pending.pop(0)
        deadline[0] = time.monotonic() + DIALOG_TIMEOUT_S
        if pending:
            QTimer.singleShot(0, act)
        for key in keys:
            target = dialog.focusWidget() or dialog
            if isinstance(key, str):
                type_text(target, key)
            elif isinstance(key, tuple):
                qtbot.keyClick(target, key[0], key[1])
            else:
                qtbot.keyClick(target, key)

    QTimer.singleShot(0, act)
    yield
    left = len(pending)
    pending.clear()
    assert not failures, failures
    assert not left, f"{left} of {len(steps)} dialog steps never ran"


def tag(qtbot, window, phrase: str, key: Qt.Key, occurrence: int = 0, within: str = "") -> int:
    """Select ``phrase`` (its n-th occurrence, or the one inside ``within``) and press ``key``."""
    text = window.controller.document.text
    at = text.index(within) - 1 if within else -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    window.article.select_range(at, at + len(phrase))
    qtbot.keyClick(window.article, key)
    return window.controller.current.id


def back_to(qtbot, window) -> None:
    """After a dialog closes the window is active again before the next key (as for a person)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article.setFocus()


def make_current(qtbot, window, span_id: int) -> None:
    back_to(qtbot, window)
    window.controller.set_current(window.controller.span_by_id(span_id))


@pytest.fixture
def tagged(qtbot, window):
    """Both claims, both sources and both cues of the missile passage, tagged by keys."""
    ids = {
        "claim1": tag(qtbot, window, CLAIM1, Qt.Key.Key_1),
        "source1": tag(qtbot, window, SOURCE1, Qt.Key.Key_2),
        "cue1": tag(qtbot, window, "قالت", Qt.Key.Key_4, occurrence=2),
        "claim2": tag(qtbot, window, CLAIM2, Qt.Key.Key_1),
        "source2": tag(qtbot, window, SOURCE2, Qt.Key.Key_2),
        "cue2": tag(qtbot, window, "نفت", Qt.Key.Key_4),
    }
    return ids


def link(qtbot, window, span_id: int, query: str, *more_steps) -> None:
    make_current(qtbot, window, span_id)
    with in_dialogs(qtbot, [query, Qt.Key.Key_Return], *more_steps):
        qtbot.keyClick(window.article, Qt.Key.Key_L)


def test_claims_linked_to_sources_and_cues_with_stances_then_exported(qtbot, window, tagged):
    # SOURCE and ABOUT both fit CLAIM -> ACTOR: "1" picks SOURCE, "s"/"d" set the stance.
    link(qtbot, window, tagged["claim1"], "وزارة", ["1"], ["s", Qt.Key.Key_Return])
    link(qtbot, window, tagged["claim1"], "قالت")
    link(qtbot, window, tagged["claim2"], "مصادر", ["1"], ["d", Qt.Key.Key_Return])
    link(qtbot, window, tagged["claim2"], "نفت")
    # Enter on a span edits its attributes: factuality then checkworthy, one key each.
    make_current(qtbot, window, tagged["claim2"])
    with in_dialogs(qtbot, ["n", "y", Qt.Key.Key_Return]):
        qtbot.keyClick(window.article, Qt.Key.Key_Return)
    back_to(qtbot, window)

    out = io.StringIO()
    write_jsonl(window.project, out)
    record = json.loads(out.getvalue().splitlines()[0])
    spans = {s["id"]: s for s in record["spans"]}
    structure = sorted(
        (spans[r["head"]]["text"], r["label"], spans[r["tail"]]["text"], r["attrs"].get("stance"))
        for r in record["relations"]
    )
    assert structure == sorted(
        [
            (CLAIM1, "SOURCE", SOURCE1, "support"),
            (CLAIM1, "CUE", "قالت", None),
            (CLAIM2, "SOURCE", SOURCE2, "deny"),
            (CLAIM2, "CUE", "نفت", None),
        ]
    )
    assert spans[tagged["claim2"]]["attrs"] == {"factuality": "negated", "checkworthy": "yes"}

    # The links are listed beside the text for the current span.
    make_current(qtbot, window, tagged["claim1"])
    assert window.link_model.rowCount() == 2
    # Undo takes back the last edit (the attributes), then the last link as one step.
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert window.project.span(tagged["claim2"]).attrs == {}
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert len(window.project.relations(1)) == 3


def test_relation_rules_are_enforced_in_the_picker(qtbot, window, tagged):
    # A cue can only be linked from a claim: from the cue, only claims are offered.
    make_current(qtbot, window, tagged["cue1"])
    options = window.controller.link_options(window.controller.current)
    assert {o.other.label for o in options} == {"CLAIM"}


def test_deleting_a_span_takes_its_links_and_undo_brings_both_back(qtbot, window, tagged):
    link(qtbot, window, tagged["claim1"], "وزارة", ["1"], ["s", Qt.Key.Key_Return])
    make_current(qtbot, window, tagged["source1"])
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert window.project.relations(1) == []
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    [relation] = window.project.relations(1)
    assert (relation.label, relation.attrs) == ("SOURCE", {"stance": "support"})


def test_remove_a_link_from_the_links_list(qtbot, window, tagged):
    link(qtbot, window, tagged["claim1"], "قالت")
    make_current(qtbot, window, tagged["claim1"])
    qtbot.keyClick(window.article, Qt.Key.Key_2, CTRL)  # Ctrl+2: go to the links list
    assert window.side_panel.links.hasFocus()
    qtbot.keyClick(window.side_panel.links, Qt.Key.Key_Delete)
    assert window.project.relations(1) == []


def test_entity_linking_across_spellings_and_undo(qtbot, window):
    first = tag(qtbot, window, "أذربيجان", Qt.Key.Key_3, within="قالت أذربيجان إنها")
    with in_dialogs(qtbot, [(Qt.Key.Key_Return, CTRL)]):  # a new entity named as the mention
        qtbot.keyClick(window.article, Qt.Key.Key_E)
    back_to(qtbot, window)
    entity_id = window.project.span(first).entity_id
    assert window.project.entities.get(entity_id).name == "أذربيجان"

    second = tag(qtbot, window, "وأذربيجان", Qt.Key.Key_3)
    # The picker opens on "وأذربيجان": أذربيجان comes first.
    with in_dialogs(qtbot, [Qt.Key.Key_Return]):
        qtbot.keyClick(window.article, Qt.Key.Key_E)
    back_to(qtbot, window)
    assert window.project.span(second).entity_id == entity_id
    assert window.registry.model.rowCount() == 1

    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert window.project.span(second).entity_id is None
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)  # the second tag
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)  # the new entity and its link
    assert window.project.span(first).entity_id is None
    assert window.project.entities.all() == []  # the new entity went with its undo


def test_registry_lists_mentions_and_merges_undoably(qtbot, window):
    project = window.project
    keep = project.entities.add(Entity("أذربيجان", "LOCATION"))
    gone = project.entities.add(Entity("جمهورية أذربيجان", "LOCATION"))
    span = tag(qtbot, window, "أذربيجان", Qt.Key.Key_3, within="قالت أذربيجان إنها")
    project.link_entity(span, gone.id)
    window.registry.refresh()

    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    window.registry.select(keep.id)
    with in_dialogs(qtbot, ["جمهورية", Qt.Key.Key_Return]):
        qtbot.keyClick(window.registry.table, Qt.Key.Key_M, CTRL)
    back_to(qtbot, window)
    assert project.span(span).entity_id == keep.id
    assert project.entities.get(keep.id).aliases == ("جمهورية أذربيجان",)
    window.registry.select(keep.id)
    assert window.registry.mentions_model.rowCount() == 1

    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert project.span(span).entity_id == gone.id
    assert {s.entity.name for s in project.entities.all()} == {"أذربيجان", "جمهورية أذربيجان"}


def test_enter_on_a_mention_opens_it(qtbot, window):
    project = window.project
    entity = project.entities.add(Entity("أذربيجان", "LOCATION"))
    span = tag(qtbot, window, "أذربيجان", Qt.Key.Key_3, within="قالت أذربيجان إنها")
    project.link_entity(span, entity.id)
    window.navigation.next_document()
    window.registry.refresh()
    window.registry.select(entity.id)
    window.registry.mentions.setFocus()
    window.registry.mentions.setCurrentIndex(window.registry.mentions_model.index(0, 1))
    qtbot.keyClick(window.registry.mentions, Qt.Key.Key_Return)
    assert window.controller.document.id == 1
    assert window.controller.current.id == span


def test_edit_an_entity_from_the_registry(qtbot, window):
    entity = window.project.entities.add(Entity("أذربيجان", "LOCATION"))
    window.registry.refresh()
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    window.registry.select(entity.id)
    steps = [Qt.Key.Key_Tab, "country", Qt.Key.Key_Tab, "اذربيجان، باكو", Qt.Key.Key_Tab, "Q227"]
    with in_dialogs(qtbot, [*steps, Qt.Key.Key_Return]):
        qtbot.keyClick(window.registry.table, Qt.Key.Key_Return)
    back_to(qtbot, window)
    edited = window.project.entities.get(entity.id)
    assert (edited.type, edited.aliases, edited.wikidata) == (
        "country",
        ("اذربيجان", "باكو"),
        "Q227",
    )
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert window.project.entities.get(entity.id) == entity


def test_change_a_stance_from_the_links_list(qtbot, window, tagged):
    link(qtbot, window, tagged["claim1"], "وزارة", ["1"], ["s", Qt.Key.Key_Return])
    make_current(qtbot, window, tagged["claim1"])
    qtbot.keyClick(window.article, Qt.Key.Key_2, CTRL)
    with in_dialogs(qtbot, ["d", Qt.Key.Key_Return]):
        qtbot.keyClick(window.side_panel.links, Qt.Key.Key_Return)
    back_to(qtbot, window)
    [relation] = window.project.relations(1)
    assert relation.attrs == {"stance": "deny"}
    assert window.link_model.data(window.link_model.index(0, 2)) == "stance=deny"


def test_suggestions_accept_reject_accept_all_with_undo(qtbot, window):
    project = window.project
    entity = project.entities.add(Entity("أذربيجان", "LOCATION"))
    window.controller.refresh_suggestions()
    text = window.controller.document.text
    total = len([s for s in window.controller.suggestions if s.text == "أذربيجان"])
    assert total >= 5 and project.spans(1) == []  # proposals only: nothing stored

    window.article.set_caret(0)
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    first = window.controller.suggestion_at(window.article.selection_range())
    assert first is not None and first.text == "أذربيجان"  # inside "وأذربيجان": the و stays out
    qtbot.keyClick(window.article, Qt.Key.Key_Y)
    [span] = project.spans(1)
    assert (span.start, span.text, span.entity_id) == (first.start, "أذربيجان", entity.id)

    qtbot.keyClick(window.article, Qt.Key.Key_N)
    second = window.controller.suggestion_at(window.article.selection_range())
    qtbot.keyClick(window.article, Qt.Key.Key_X)  # rejected: not proposed again here
    assert second not in window.controller.suggestions
    assert len(project.spans(1)) == 1

    qtbot.keyClick(
        window.article, Qt.Key.Key_Y, Qt.KeyboardModifier.ShiftModifier
    )  # all the rest alike
    assert len(project.spans(1)) == total - 1
    assert {s.entity_id for s in project.spans(1)} == {entity.id}
    assert window.controller.suggestions == []

    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)  # the accept-all, in one step
    assert len(project.spans(1)) == 1
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)  # the rejection
    assert second in window.controller.suggestions
    del text


def test_undoing_accept_all_brings_the_suggestions_back_at_once(qtbot, window):
    window.project.entities.add(Entity("أذربيجان", "LOCATION"))
    window.controller.refresh_suggestions()
    total = len(window.controller.suggestions)
    window.article.set_caret(0)
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    qtbot.keyClick(window.article, Qt.Key.Key_Y, Qt.KeyboardModifier.ShiftModifier)
    assert window.controller.suggestions == []
    calls = []
    window.controller.proposals.changed.connect(lambda: calls.append(1))
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(window.controller.suggestions) == total)
    assert len(calls) == 1  # one recomputation for the whole undone step


def test_suggestions_come_right_after_the_first_paint_and_n_finds_them_at_once(qtbot, window):
    window.project.entities.add(Entity("أذربيجان", "LOCATION"))
    other = window.project.add_document(Document("قالت أذربيجان إن الهدنة صامدة"))
    window.open_document(other)
    assert window.article.extraSelections() == []  # the text and its spans first
    qtbot.waitUntil(lambda: len(window.article.extraSelections()) == 1)  # then the proposal
    window.open_document(1)
    window.article.set_caret(0)
    qtbot.keyClick(window.article, Qt.Key.Key_N)  # before the event loop has turned
    found = window.controller.suggestion_at(window.article.selection_range())
    assert found is not None and found.text == "أذربيجان"


def test_a_long_reports_suggestions_are_marked_where_the_analyst_reads(qtbot, window):
    """Qt gets the marks near the screen only (it lays out every paragraph it is given)."""
    window.project.entities.add(Entity("أذربيجان", "LOCATION"))
    paragraphs = [f"الفقرة {i}: قالت أذربيجان إن القتال مستمر في الإقليم." for i in range(3000)]
    report = window.project.add_document(Document("\n".join(paragraphs), meta={"title": "r"}))
    window.open_document(report)
    suggestions = window.controller.suggestions
    assert len(suggestions) == 3000
    qtbot.waitUntil(lambda: len(window.article.extraSelections()) > 0)

    def marked() -> set[int]:
        offsets = window.article.offsets
        return {
            offsets.from_qt(s.cursor.selectionStart()) for s in window.article.extraSelections()
        }

    assert suggestions[0].start in marked()
    assert len(marked()) < len(suggestions) // 2
    qtbot.keyClick(window.article, Qt.Key.Key_End, CTRL)  # to the last paragraph
    qtbot.waitUntil(lambda: suggestions[-1].start in marked())
    assert suggestions[0].start not in marked()
    qtbot.keyClick(window.article, Qt.Key.Key_N)  # the next proposal: back at the top
    assert window.article.selection_range() == (suggestions[0].start, suggestions[0].end)
    qtbot.waitUntil(lambda: suggestions[0].start in marked())


def test_a_failed_link_opens_no_stance_editor_on_another_relation(
    qtbot, window, tagged, monkeypatch
):
    """The stance editor opens on the relation the link made, never on "the last one"."""
    from annotator.core.errors import StoreError
    from annotator.gui.handlers import linking

    link(qtbot, window, tagged["claim1"], "وزارة", ["1"], ["s", Qt.Key.Key_Return])
    back_to(qtbot, window)
    before = window.project.relations(1)
    edited: list[str] = []
    monkeypatch.setattr(
        linking.AttributeEditor, "exec", lambda editor: edited.append(editor.windowTitle()) or 0
    )

    def full_disk(*args, **kwargs):
        raise StoreError("database or disk is full")

    monkeypatch.setattr(window.project, "add_relation", full_disk)
    link(qtbot, window, tagged["claim2"], "مصادر", ["1"])  # SOURCE: it has a stance
    assert edited == []
    assert window.project.relations(1) == before
    assert "disk is full" in window.statusBar().currentMessage()
