"""Article-level labels in the window: D opens the editor, keys on either layout choose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import type_text
from tests.gui.test_attribution import back_to, in_dialogs

CTRL = Qt.KeyboardModifier.ControlModifier


def classes_cell(window, doc_id: int) -> str:
    model = window.documents
    return model.index(model.row_of(doc_id), 3).data()


def test_document_attributes_set_by_keys_shown_filtered_and_undone(qtbot, window, tmp_path):
    doc_id = window.controller.document.id
    project = window.project
    # topic holds several: ن (conflict, Arabic layout) and s (politics: the same key as س on the
    # Latin layout) toggle and stay on the row; Tab goes on; genre: o = خ news; reliability: ع.
    with in_dialogs(qtbot, ["ن", "s", Qt.Key.Key_Tab, "o", "ع", Qt.Key.Key_Return]):
        qtbot.keyClick(window.article, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: project.doc_attrs.of(doc_id) != {})
    back_to(qtbot, window)
    assert project.doc_attrs.of(doc_id) == {
        "topic": ("politics", "conflict"),
        "genre": "news",
        "reliability": "high",
    }
    assert classes_cell(window, doc_id) == "politics, conflict · news · high"
    window.grab().save(str(tmp_path / "document_attributes.png"))

    # The document list filters by them, as values or as attribute=value.
    panel = window.document_panel
    panel.filter.setFocus()
    with qtbot.waitSignal(panel.filtered, timeout=10000, check_params_cb="topic=conflict".__eq__):
        type_text(panel.filter, "topic=conflict")
    assert window.documents.rowCount() == 1 and panel.doc_id_at(0) == doc_id
    panel.filter.clear()
    with qtbot.waitSignal(panel.filtered, timeout=10000, check_params_cb="genre=opinion".__eq__):
        type_text(panel.filter, "genre=opinion")
    assert window.documents.rowCount() == 0
    with qtbot.waitSignal(panel.filtered, timeout=10000, check_params_cb="".__eq__):
        panel.filter.clear()
    assert window.documents.rowCount() == len(project.documents())

    # A toggle removes one topic; Backspace clears the genre; Escape would have kept all.
    back_to(qtbot, window)
    with in_dialogs(qtbot, ["s", Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Return]):
        qtbot.keyClick(window.article, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: "genre" not in project.doc_attrs.of(doc_id))
    back_to(qtbot, window)
    assert project.doc_attrs.of(doc_id) == {"topic": ("conflict",), "reliability": "high"}

    # Each edit is one undo step, back to nothing.
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert project.doc_attrs.of(doc_id)["genre"] == "news"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert project.doc_attrs.of(doc_id) == {}
    assert classes_cell(window, doc_id) == ""


def test_escape_leaves_the_values_as_they_were(qtbot, window):
    doc_id = window.controller.document.id
    window.project.doc_attrs.set(doc_id, {"genre": "analysis"})
    with in_dialogs(qtbot, ["ر", Qt.Key.Key_Escape]):
        qtbot.keyClick(window.article, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.project.doc_attrs.of(doc_id) == {"genre": "analysis"}
    assert not window.controller.undo_stack.canUndo()


def test_undo_from_another_document_goes_back_to_the_one_it_changed(qtbot, window):
    first = window.controller.document.id
    with in_dialogs(qtbot, [Qt.Key.Key_Tab, "ت", Qt.Key.Key_Return]):  # genre: analysis
        qtbot.keyClick(window.article, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: window.project.doc_attrs.of(first) == {"genre": "analysis"})
    back_to(qtbot, window)
    qtbot.keyClick(window.article, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.controller.document.id != first)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert window.controller.document.id == first
    assert window.project.doc_attrs.of(first) == {}
    assert classes_cell(window, first) == ""


def test_the_document_list_model_with_classes_passes_the_model_tester(qtmodeltester, gui_project):
    from annotator.gui.panels.document_model import DocumentListModel, set_store
    from annotator.gui.panels.models import FILTER_ROLE
    from annotator.storage.document_list import all_ids

    first, second, _ = all_ids(gui_project.db.conn)
    gui_project.doc_attrs.set(first, {"topic": ["crime", "society"], "reliability": "mixed"})
    model = DocumentListModel()
    set_store(model, gui_project)
    model.reset(all_ids(gui_project.db.conn))
    qtmodeltester.check(model)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Classes"
    assert model.index(0, 3).data() == "society, crime · mixed"
    assert model.index(0, 0).data(FILTER_ROLE) == "topic=society topic=crime reliability=mixed"
    assert "topic: society, crime" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    gui_project.doc_attrs.set(second, {"genre": "interview"})
    model.update(second)  # what a Changes record with doc_attrs makes it do
    assert model.index(1, 3).data() == "interview"
    qtmodeltester.check(model)
