"""One window per project, the check after an unclean exit, changes from other processes."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication

from annotator.core.models import Document
from annotator.gui.workspace.session import ProjectSession
from annotator.storage.backups import list_backups
from annotator.storage.project import Project


def test_a_second_session_is_told_the_project_is_open(qapp, gui_project: Project):
    first = ProjectSession(gui_project)
    assert first.start() is None
    with Project.open(gui_project.path) as again:
        second = ProjectSession(again)
        problem = second.start()
        assert problem is not None and "open in another annotator window" in problem
    first.stop()
    with Project.open(gui_project.path) as again:
        third = ProjectSession(again)
        assert third.start() is None  # free again after a clean stop
        third.stop()


def test_an_unclean_exit_is_noticed_and_the_project_checked(qtbot, gui_project: Project):
    session = ProjectSession(gui_project)
    assert session.start() is None
    assert session.check_report is None
    # The process dies: its timer, its worker thread and its lock go with it, its mark stays.
    session._timer.stop()
    session._copier.stop()
    if session._worker is not None:
        session._worker.join(10)
    session._lock.unlock()
    after = ProjectSession(gui_project)
    with qtbot.waitSignal(after.check_finished, timeout=10_000) as finished:
        assert after.start() is None
    assert finished.args[0] is after.check_report and after.check_report.ok
    assert after.check_report.summary().startswith("The project is intact")
    # The backup starts 2 s after opening; a loaded machine takes its time over it.
    qtbot.waitUntil(lambda: len(list_backups(gui_project.path)) == 1, timeout=30_000)
    after.stop()
    assert list_backups(gui_project.path)[0].good


def test_the_window_notices_documents_imported_elsewhere(qtbot, window):
    rows = window.documents.rowCount()
    other = sqlite3.connect(window.project.path)
    other.close()
    with Project.open(window.project.path) as cli_side:  # as `annotator import` would
        cli_side.add_document(Document("خبر جديد أضيف من سطر الأوامر"))
    qtbot.waitUntil(lambda: window.documents.rowCount() == rows + 1, timeout=5000)
    assert "changed outside this window" in window.statusBar().currentMessage()


def test_closing_right_after_opening_leaves_no_work_for_the_closed_project(qtbot, window):
    window.open_document(2)  # its suggestions are due on the next event-loop turn
    window.close()
    window.project.close()
    # Every timer already due runs now: one still set would read the closed project.
    QApplication.processEvents()
    # Nothing is pending either: asking for the suggestions computes none from the closed file.
    assert window.controller.suggestions == []


def test_spans_changed_elsewhere_reach_the_open_document_and_undo_starts_afresh(qtbot, window):
    """A merge or adjudication from the command line rewrites the open document's spans:
    the window shows what is stored, not the spans it had, and its undo cannot touch rows
    another process made."""
    from PySide6.QtCore import Qt

    from annotator.core.models import NewSpan

    doc = window.controller.document
    text = doc.text
    at = text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    mine = window.controller.current
    assert mine is not None and window.controller.undo_stack.canUndo()
    window.article.set_caret(at + 2)
    with Project.open(window.project.path) as cli_side:  # as `annotator merge` would
        cli_side.delete_span(mine.id)
        theirs = cli_side.add_span(doc.id, NewSpan(at, at + 8, "ACTOR", text[at : at + 8]))
    qtbot.waitUntil(
        lambda: "changed outside this window" in window.statusBar().currentMessage(),
        timeout=5000,
    )
    assert "This document changed too" in window.statusBar().currentMessage()
    # SQLite gave the freed id to the new span: only the content tells them apart.
    assert theirs in window.controller.spans and mine not in window.controller.spans
    row = window.workspace.annotations.row_of(theirs.id)
    assert window.workspace.annotations.index(row, 1).data() == "ACTOR"
    assert window.article.caret() == at + 2  # the analyst's place kept
    assert not window.controller.undo_stack.canUndo()
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.span(theirs.id) == theirs  # nothing undone into the other's work


def test_an_undo_pressed_before_the_timer_notices_a_write_elsewhere_leaves_it(qtbot, window):
    """The project is asked at the key, not only on the timer: an undo pressed right after
    another process reused the freed id must not delete that process's span."""
    from PySide6.QtCore import Qt

    from annotator.core.models import NewSpan

    doc = window.controller.document
    at = doc.text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    mine = window.controller.current
    with Project.open(window.project.path) as cli_side:
        cli_side.delete_span(mine.id)
        theirs = cli_side.add_span(doc.id, NewSpan(at, at + 8, "ACTOR", doc.text[at : at + 8]))
    assert theirs.id == mine.id
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(doc.id) == [theirs]
    assert "changed outside this window" in window.statusBar().currentMessage()


def test_the_open_document_deleted_elsewhere_is_left_for_another(qtbot, window):
    """A script deletes the open document: the window must not keep showing it, or the next
    label key writes to a document that is gone (it raised in the undo command)."""
    from PySide6.QtCore import Qt

    gone = window.controller.document.id
    other = sqlite3.connect(window.project.path)
    other.execute("PRAGMA foreign_keys = ON")
    with other:
        other.execute("DELETE FROM documents WHERE id = ?", [gone])
    other.close()
    qtbot.waitUntil(lambda: window.controller.document.id != gone, timeout=5000)
    assert "deleted" in window.statusBar().currentMessage()
    document = window.controller.document
    at = document.text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    assert [s.text for s in window.project.spans(document.id)] == ["أذربيجان"]


def test_every_document_deleted_elsewhere_leaves_no_document_open(qtbot, window):
    """Nothing left to show: the window closes the document it had (the start view shows),
    so a label key or Ctrl+Enter writes to nothing and says nothing false."""
    from PySide6.QtCore import Qt

    window.article.select_range(0, 4)
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # a span in the table, then all goes
    other = sqlite3.connect(window.project.path)
    other.execute("PRAGMA foreign_keys = ON")
    with other:
        other.execute("DELETE FROM documents")
    other.close()
    qtbot.waitUntil(lambda: window.controller.document is None, timeout=5000)
    assert window.center.currentWidget() is window.start_view
    assert window.workspace.annotations.rowCount() == 0
    assert window.article.toPlainText() == ""
    assert window.summary.plain == ""
    assert not window.actions_by_id["doc.done"].isEnabled()
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # nothing open: nothing written, no error
    assert window.project.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_a_write_elsewhere_while_a_link_macro_is_open_clears_undo_after_it(
    qtbot, window, qtlog, monkeypatch
):
    """The stance dialog of a new link is open (one undo macro) when another process
    writes: undo is cleared once the macro ends, not inside it."""
    from PySide6.QtCore import Qt

    from annotator.core.models import NewSpan
    from annotator.gui.handlers.linking import Linking
    from tests.gui.test_attribution import in_dialogs, make_current, tag

    claim = tag(qtbot, window, "تم إطلاق صواريخ باليستية من الأراضي الأرمينية", Qt.Key.Key_1)
    tag(qtbot, window, "وزارة الدفاع الأذرية", Qt.Key.Key_2)
    doc = window.controller.document

    def stance_dialog_open_while_another_process_writes(self, relation):
        with Project.open(window.project.path) as cli_side:
            at = doc.text.index("أذربيجان")
            cli_side.add_span(doc.id, NewSpan(at, at + 8, "LOCATION", doc.text[at : at + 8]))
        message = window.statusBar().currentMessage
        qtbot.waitUntil(lambda: "changed outside" in message(), timeout=5000)
        assert window.controller.undo_stack.count() > 0  # not cleared inside the macro

    monkeypatch.setattr(Linking, "_edit", stance_dialog_open_while_another_process_writes)
    make_current(qtbot, window, claim)
    with in_dialogs(qtbot, ["وزارة", Qt.Key.Key_Return], [Qt.Key.Key_1]):
        qtbot.keyClick(window.article, Qt.Key.Key_L)
    assert [r.label for r in window.project.relations(doc.id)] == ["SOURCE"]
    assert window.controller.undo_stack.count() == 0
    assert not [r for r in qtlog.records if "Macro" in r.message]


def test_the_document_filter_filling_in_title_keys_is_not_a_write_elsewhere(qtbot, window):
    """The filter's reader thread writes the title keys that are due (new documents): the
    window took it for another process, reloaded and cleared undo."""
    from PySide6.QtCore import Qt

    from tests.gui.conftest import type_text

    text = window.controller.document.text
    at = text.index("أذربيجان")
    window.article.select_range(at, at + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    version = window.project.db.conn.execute("PRAGMA data_version").fetchone()
    panel = window.document_panel
    panel.filter.setFocus()
    with qtbot.waitSignal(panel.filtered, timeout=10000):
        type_text(panel.filter, "emoji")
    assert window.project.db.conn.execute("PRAGMA data_version").fetchone() != version
    window.session.check_now()  # as the timer would
    assert "changed outside" not in window.statusBar().currentMessage()
    assert window.controller.undo_stack.canUndo()
