"""Moving through documents, marking them done, and coming back where one left off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.models import Status
from annotator.gui.main_window import MainWindow
from tests.gui.conftest import show
from tests.spans import add_span

ALT = Qt.KeyboardModifier.AltModifier


def current_title(window) -> str:
    return window.controller.document.meta.get("title", "")


def test_alt_down_and_up_move_between_documents(qtbot, window):
    assert window.controller.document.id == 1
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert current_title(window) == "emoji"
    assert window.article.hasFocus() and window.article.caret() == 0
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert current_title(window) == "mixed"
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert current_title(window) == "mixed"
    assert "last document" in window.statusBar().currentMessage()
    qtbot.keyClick(window.article, Qt.Key.Key_Up, ALT)
    assert current_title(window) == "emoji"


def test_page_down_at_the_end_opens_the_next_document(qtbot, window):
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)  # the short "emoji" document: no scrolling
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert current_title(window) == "mixed"
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp)
    assert current_title(window) == "emoji"


def test_ctrl_enter_marks_done_and_opens_the_next_not_done(qtbot, window):
    window.project.set_status(2, Status.DONE)
    window.reload_documents()
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.project.document(1).status is Status.DONE
    assert current_title(window) == "mixed"  # "emoji" (2) is done already
    assert window.documents.summary(0).status is Status.DONE
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.document(1).status is Status.TODO


def test_done_and_next_wraps_to_the_top_and_says_when_all_are_done(qtbot, window):
    last = window.documents.ids()[-1]
    window.project.set_status(1, Status.DONE)
    window.reload_documents()
    window.open_document(last)
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.id == 2  # after the last row: from the top, 1 is done
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.id == 2
    assert window.statusBar().currentMessage() == "All documents are done."
    assert {d.status for d in window.project.documents()} == {Status.DONE}


def test_filter_narrows_the_list_and_navigation_follows_it(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.document_panel.filter.hasFocus()
    with qtbot.waitSignal(window.document_panel.filtered, timeout=5000) as answered:
        qtbot.keyClicks(window.document_panel.filter, "mixed")
    assert answered.args == ["mixed"]
    assert window.documents.rowCount() == 1
    window.navigation.focus_article()
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert window.controller.document.id == 3


def test_done_and_next_in_a_filtered_list_does_not_say_every_document_is_done(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.document_panel.filtered, timeout=5000):
        qtbot.keyClicks(window.document_panel.filter, "mixed")
    window.open_document(3)
    window.navigation.focus_article()
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.project.document(3).status is Status.DONE
    assert window.project.document(1).status is Status.TODO  # outside the filter
    assert window.statusBar().currentMessage() == "Every document in the filtered list is done."


def test_enter_in_the_filter_opens_the_first_listed_document(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.document_panel.filter, "mixed")
    qtbot.keyClick(window.document_panel.filter, Qt.Key.Key_Return)  # answered or not yet
    qtbot.waitUntil(lambda: window.controller.document.id == 3, timeout=5000)
    assert window.article.hasFocus()  # opened: the keys go on to tag in it
    assert window.documents.rowCount() == 1


def test_place_zoom_and_layout_come_back_on_reopen(qtbot, gui_project, settings):
    first = show(qtbot, MainWindow(gui_project, settings))
    qtbot.keyClick(first.article, Qt.Key.Key_Down, ALT)
    first.article.set_caret(12)
    qtbot.keyClick(first.article, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    size = first.article.point_size()
    first.close()

    second = show(qtbot, MainWindow(gui_project, settings))
    assert current_title(second) == "emoji"
    assert second.article.caret() == 12
    assert second.article.point_size() == size


def test_mixed_paragraphs_take_their_own_direction(window, qtbot):
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    document = window.article.document()
    first, second = document.firstBlock(), document.firstBlock().next()
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert second.textDirection() == Qt.LayoutDirection.LeftToRight
    width = window.article.viewport().width()
    first_line = first.layout().lineAt(0).naturalTextRect()
    second_line = second.layout().lineAt(0).naturalTextRect()
    assert first_line.right() > width * 0.8  # hugs the right edge
    assert second_line.left() < width * 0.2  # hugs the left edge


def test_undo_returns_to_the_document_it_changed(qtbot, window):
    qtbot.keyClick(
        window.article,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert current_title(window) == "emoji"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.id == 1
    assert window.project.spans(1) == []
    selected = window.document_panel.view.selectionModel().selectedRows()
    assert [window.document_panel.doc_id_at(i.row()) for i in selected] == [1]


def test_import_and_export_from_the_file_menu(qtbot, window, tmp_path, monkeypatch, sample_text):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "new.txt").write_text("عنوان جديد\nفقرة عن باكو.", encoding="utf-8")
    (folder / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.documents.rowCount() == 4
    assert "broken.jsonl:1: invalid JSON" in shown[0]

    from PySide6.QtWidgets import QInputDialog

    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("jsonl", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    assert window.statusBar().currentMessage().startswith("Exported 4 documents, ")

    folder = tmp_path / "brat"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("brat", True))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(list(folder.glob("*.ann"))) == 4


def test_search_all_documents_and_open_a_hit(qtbot, window):
    from tests.gui.conftest import type_text

    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search_panel
    assert panel.query.hasFocus()
    with qtbot.waitSignal(panel.searched, timeout=5000, check_params_cb="اذربيجان".__eq__):
        type_text(panel.query, "اذربيجان")
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.hasFocus()
    docs = {panel.model.item(r, 0).text() for r in range(panel.model.rowCount())}
    assert docs == {"#1", "#2"}  # the sample and the "emoji" text
    last = panel.model.rowCount() - 1
    panel.results.setCurrentIndex(panel.model.index(last, 1))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert current_title(window) == "emoji"
    start, end = window.article.selection_range()
    assert window.controller.document.text[start:end] == "أذربيجان"
    assert window.article.hasFocus()


def test_search_panel_filters_by_label(qtbot, window):
    from tests.gui.conftest import type_text

    text = window.controller.document.text
    at = text.index("أذربيجان إنها")
    add_span(window.project, 1, at, at + 8, "LOCATION")
    panel = window.search_panel
    window.finder.search_corpus()
    panel.label.setCurrentIndex(panel.label.findData("LOCATION"))
    with qtbot.waitSignal(panel.searched, timeout=5000, check_params_cb="اذربيجان".__eq__):
        type_text(panel.query, "اذربيجان")
    assert panel.model.rowCount() == 1
    assert "⟦أذربيجان⟧" in panel.model.item(0, 1).text()


def test_document_filter_folds_arabic_spelling(qtbot, window):
    from tests.gui.conftest import type_text

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = window.document_panel
    with qtbot.waitSignal(panel.filtered, timeout=5000, check_params_cb="اذربيجان".__eq__):
        type_text(panel.filter, "اذربيجان")  # the title has وأذربيجان
    assert window.documents.rowCount() == 1
    assert window.document_panel.doc_id_at(0) == 1
