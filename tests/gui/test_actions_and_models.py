"""One table of actions with unique keys; item models that pass Qt's model checks."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from annotator.core.models import Span
from annotator.gui.actions import ACTIONS, all_specs, key_sequences
from annotator.gui.main_window import MainWindow
from annotator.gui.models import AnnotationModel, DocumentListModel, LabelModel
from annotator.gui.shortcuts_dialog import shortcut_model


def test_every_shortcut_is_unique_and_every_handler_exists(window):
    from annotator.gui.linking import Linking

    scopes_of: dict[str, list[tuple[str, str]]] = {}
    for spec in window.specs:
        owner = Linking if spec.target == "linking" else MainWindow
        assert callable(getattr(owner, spec.handler, None)), spec.handler
        for sequence in key_sequences(spec):
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            scopes_of.setdefault(key, []).append((spec.scope, spec.id))
    for key, bound in scopes_of.items():
        scopes = [scope for scope, _ in bound]
        # A key may mean different things in different lists, never twice in one place,
        # and a window-wide key is never also bound somewhere narrower.
        assert len(set(scopes)) == len(scopes), f"{key}: {bound}"
        assert "window" not in scopes or len(scopes) == 1, f"{key}: {bound}"
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


def test_menus_and_sheet_come_from_the_table(window):
    menu_actions = {a.objectName() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {spec.id for spec in ACTIONS} <= menu_actions
    model = shortcut_model(window.specs)
    texts = {model.item(r, 1).text() for r in range(model.rowCount())}
    assert "Tag as ACTOR" in texts and "Keyboard Shortcuts" in texts


def test_label_keys_follow_the_schema_order(gui_project):
    specs = [s for s in all_specs(gui_project.schema.span_labels) if s.handler == "apply_label"]
    assert [(s.argument, s.keys) for s in specs] == [
        ("CLAIM", ("1",)),
        ("ACTOR", ("2",)),
        ("LOCATION", ("3",)),
        ("CUE", ("4",)),
    ]


def test_models_pass_the_model_tester(qtmodeltester, gui_project):
    documents = DocumentListModel(gui_project.documents())
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

    documents = DocumentListModel(gui_project.documents())
    alignment = documents.data(documents.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    alignment = documents.data(documents.index(1, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignLeft  # "emoji"


def test_keyboard_reference_in_docs_is_current(gui_project):
    from pathlib import Path

    from annotator.gui.shortcuts_dialog import markdown_sheet

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
    documents = DocumentListModel(gui_project.documents())
    last = documents.index(documents.rowCount() - 1, 0)
    tip = documents.data(last, Qt.ItemDataRole.ToolTipRole)
    assert "Source id: agency-2020-10-29-0042" in tip.split("\n")
    assert f"Document uid: {document_uid(text)}" in tip.split("\n")
    emoji = documents.data(documents.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Source id" not in emoji and "Document uid" in emoji
