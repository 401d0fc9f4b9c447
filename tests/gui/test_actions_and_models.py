"""One table of actions with unique keys; item models that pass Qt's model checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.core.models import Span
from annotator.gui.action_spec import ActionSpec, clashes, key_sequences, resolved
from annotator.gui.actions import ACTIONS, all_specs
from annotator.gui.dialogs.shortcuts import shortcut_model
from annotator.gui.panels.document_model import DocumentListModel, set_store
from annotator.gui.panels.models import AnnotationModel, LabelModel
from annotator.storage.document_list import all_ids


def test_every_shortcut_is_unique_as_qt_resolves_it(window):
    scopes_of: dict[str, list[tuple[str, str]]] = {}
    for spec in window.specs:
        for sequence in key_sequences(spec):
            scopes_of.setdefault(", ".join(resolved(sequence)), []).append((spec.scope, spec.id))
    assert clashes(window.specs) == []
    for required in (
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Tab",
        "Del",
        "Esc",
        "Alt+Down",
        "Alt+Up",
        "Ctrl+Return",
        "F1",
        "Ctrl+Q",
        "Ctrl+=",
        "Ctrl+-",
        "1",
        "2",
        "3",
        "4",
        "Alt+1",
        "L",
        "E",
        "Return",
    ):
        assert required in scopes_of, required


def test_backtab_and_shift_tab_are_one_key_to_qt():
    """Bound to both, X11 reports "Ambiguous shortcut overload" and fires neither."""
    assert resolved(QKeySequence("Backtab")) == resolved(QKeySequence("Shift+Tab"))
    assert resolved(QKeySequence("Shift+Backtab")) == ("Shift+Tab",)
    both = ActionSpec("x", "X", ("Shift+Tab", "Backtab"), "&Annotate", print, "article")
    assert len(clashes([both])) == 1
    apart = ActionSpec("y", "Y", ("Backtab",), "&Annotate", print, "article")
    one = ActionSpec("x", "X", ("Shift+Tab",), "&Annotate", print, "article")
    assert len(clashes([one, apart])) == 1
    assert clashes([one]) == []


def test_menus_and_sheet_come_from_the_table(window):
    menu_actions = {a.objectName() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {spec.id for spec in ACTIONS} <= menu_actions
    model = shortcut_model(window.specs)
    texts = {model.item(r, 1).text() for r in range(model.rowCount())}
    assert "Tag as ACTOR" in texts and "Keyboard Shortcuts" in texts


def test_label_keys_follow_the_schema_order(gui_project):
    specs = [
        s
        for s in all_specs(gui_project.schema.span_labels)
        if s.id.startswith("label.") and not s.id.endswith(".exact")
    ]
    assert [(s.id.removeprefix("label."), s.keys) for s in specs] == [
        ("CLAIM", ("1",)),
        ("ACTOR", ("2",)),
        ("LOCATION", ("3",)),
        ("CUE", ("4",)),
    ]


def document_model(project) -> DocumentListModel:
    """The window's list model over ``project``: every document, rows read by page."""
    model = DocumentListModel()
    set_store(model, project)
    model.reset(all_ids(project.db.conn))
    return model


def test_models_pass_the_model_tester(qtmodeltester, gui_project):
    documents = document_model(gui_project)
    qtmodeltester.check(documents)
    labels = LabelModel(gui_project.schema.span_labels)
    labels.set_counts({"ACTOR": 2})
    qtmodeltester.check(labels)
    annotations = AnnotationModel()
    annotations.reset([Span(0, 4, "CLAIM", "تجدد", id=1)])
    annotations.insert(1, Span(5, 11, "ACTOR", "القتال", id=2))
    qtmodeltester.check(annotations)
    annotations.remove(1)
    assert annotations.rowCount() == 1


def test_arabic_titles_are_right_aligned_in_the_list(gui_project):
    from PySide6.QtCore import Qt

    documents = document_model(gui_project)
    alignment = documents.data(documents.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    alignment = documents.data(documents.index(1, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignLeft  # "emoji"


def test_line_and_paragraph_separators_show_as_a_break_mark_in_one_line_cells(gui_project):
    from annotator.core.models import Document
    from annotator.gui.panels.models import one_line

    title = "قال الوزير\u2028إن الهدنة\u2029صامدة\u0085اليوم\r\nغدًا"
    assert one_line(title) == "قال الوزير ⏎ إن الهدنة ⏎ صامدة ⏎ اليوم ⏎ غدًا"
    doc = gui_project.add_document(Document("نص الخبر", meta={"title": title}))
    documents = document_model(gui_project)
    row = documents.row_of(doc)
    assert documents.index(row, 0).data() == one_line(title)


def test_keyboard_reference_in_docs_is_current(gui_project):
    from pathlib import Path

    from annotator.gui.dialogs.shortcuts import markdown_sheet

    reference = Path(__file__).resolve().parents[2] / "docs" / "keyboard.md"
    expected = markdown_sheet(all_specs(gui_project.schema.span_labels))
    assert reference.read_text(encoding="utf-8") == expected, (
        "regenerate it: .venv/bin/python docs/make_keyboard_reference.py"
    )


def test_the_shipped_arabic_font_is_registered_and_used(window, fonts):
    from PySide6.QtGui import QFontInfo

    assert "Noto Naskh Arabic" in fonts
    assert QFontInfo(window.article.font()).family() == "Noto Naskh Arabic"


def test_the_document_tooltip_names_the_source_id_and_the_uid(gui_project):
    from PySide6.QtCore import Qt

    from annotator.core.identity import document_uid
    from annotator.core.models import Document

    text = "قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل"
    gui_project.add_document(Document(text, external_id="agency-2020-10-29-0042"))
    documents = document_model(gui_project)
    last = documents.index(documents.rowCount() - 1, 0)
    tip = documents.data(last, Qt.ItemDataRole.ToolTipRole)
    assert "Source id: agency-2020-10-29-0042" in tip.split("\n")
    assert f"Document uid: {document_uid(text)}" in tip.split("\n")
    emoji = documents.data(documents.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Source id" not in emoji and "Document uid" in emoji


def test_undo_names_the_command_and_is_greyed_when_there_is_nothing_to_undo(qtbot, window):
    undo, redo = window.actions_by_id["edit.undo"], window.actions_by_id["edit.redo"]
    assert not undo.isEnabled() and not redo.isEnabled()
    text = window.controller.document.text
    at = text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo Tag ACTOR"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(1) == []
    assert not undo.isEnabled() and redo.text().replace("&", "") == "Redo Tag ACTOR"


def test_span_actions_are_greyed_without_a_current_span(qtbot, window):
    delete = window.actions_by_id["span.delete"]
    assert not delete.isEnabled() and not window.actions_by_id["span.link"].isEnabled()
    text = window.controller.document.text
    at = text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert delete.isEnabled()
    qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert not delete.isEnabled()
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    assert delete.isEnabled()
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert window.project.spans(1) == [] and not delete.isEnabled()
