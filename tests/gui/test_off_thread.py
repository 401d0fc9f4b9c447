"""The document filter and the corpus search ask the store on the reader's thread.

A keystroke's question makes the one before it stale (stopped while it runs),
the filter's answer comes in pages, and the window keeps answering while a
search runs.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import QTimer

from annotator.core.models import Document
from annotator.gui.store_reader import StoreReader
from tests.gui.conftest import type_text

pytestmark = pytest.mark.timeout(60)

FOREVER = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) "
    "SELECT count(*) FROM c"
)


def test_the_filter_answer_is_right_and_comes_in_pages(qtbot, window):
    ids = [
        window.project.add_document(Document(f"نص الخبر {i}", meta={"title": f"خبر {i}"}))
        for i in range(5)
    ]
    window.reload_documents()
    panel = window.document_panel
    panel.FIRST = 2
    first_parts: list[int] = []
    window.documents.modelReset.connect(lambda: first_parts.append(window.documents.rowCount()))
    with qtbot.waitSignal(panel.filtered, timeout=10000, check_params_cb="خبر".__eq__):
        type_text(panel.filter, "خبر")
    assert window.documents.ids() == ids
    assert first_parts[-1] == 2  # the first page was shown before the rest came
    assert [window.documents.summary(r).title for r in range(5)] == [f"خبر {i}" for i in range(5)]
    qtbot.keyClick(
        panel.filter,
        "a",
    )  # nothing holds "خبرa"
    qtbot.waitUntil(lambda: window.documents.rowCount() == 0, timeout=10000)


def test_a_keystroke_stops_the_filter_of_the_keystroke_before(qtbot, window, monkeypatch):
    from annotator.gui.panels import lists

    stopped: list[str] = []
    started = threading.Event()
    real = lists.document_ids

    def slow_for_one_letter(conn, text, *args, **kwargs):
        if text == "م":  # this one would run for hours
            started.set()
            try:
                conn.execute(FOREVER).fetchone()
            except sqlite3.OperationalError as exc:
                stopped.append(str(exc))
                raise
        return real(conn, text, *args, **kwargs)

    monkeypatch.setattr(lists, "document_ids", slow_for_one_letter)
    panel = window.document_panel
    answers: list[str] = []
    panel.filtered.connect(answers.append)
    type_text(panel.filter, "م")
    assert started.wait(10)  # running on the reader's thread when the next key comes
    with qtbot.waitSignal(panel.filtered, timeout=10000):
        type_text(panel.filter, "i")  # "مi": nothing holds it
    assert answers == ["مi"] and window.documents.rowCount() == 0
    assert stopped == ["interrupted"]


def test_a_newer_request_stops_the_running_one_and_only_it_is_answered(qtbot, gui_project):
    reader = StoreReader(gui_project)
    started = threading.Event()

    def forever(project):
        started.set()
        return project.db.conn.execute(FOREVER).fetchone()

    answered: list[tuple[int, object]] = []
    reader.answered.connect(lambda ticket, result: answered.append((ticket, result)))
    reader.ask("filter", forever)
    assert started.wait(10)
    with qtbot.waitSignal(reader.answered, timeout=10000) as signal:
        newer = reader.ask("filter", lambda project: project.document(1).id)
    assert signal.args == [newer, 1] and answered == [(newer, 1)]
    reader.stop()


def test_a_stale_request_is_stopped_between_statements_too(qtbot, gui_project):
    """A search reads document after document in Python: a newer request stops the loop."""
    reader = StoreReader(gui_project)
    started = threading.Event()
    stopped: list[str] = []

    def endless_loop_of_small_reads(project):
        started.set()
        try:
            while True:
                project.db.conn.execute("SELECT text FROM documents WHERE id = 1").fetchone()
        except sqlite3.OperationalError as exc:
            stopped.append(str(exc))
            raise

    reader.ask("search", endless_loop_of_small_reads)
    assert started.wait(10)
    with qtbot.waitSignal(reader.answered, timeout=10000) as signal:
        newer = reader.ask("search", lambda project: "newer")
    assert signal.args == [newer, "newer"] and stopped == ["interrupted"]
    reader.stop()


def test_the_window_keeps_ticking_while_a_search_runs(qtbot, window, monkeypatch):
    from annotator.gui.panels import search as search_panel

    released = threading.Event()
    waited: list[bool] = []
    real = search_panel.search

    def search_until_the_window_ticked(project, query, **filters):
        waited.append(released.wait(20))  # released by the GUI thread's timer, below
        return real(project, query, **filters)

    monkeypatch.setattr(search_panel, "search", search_until_the_window_ticked)
    ticks = []

    def tick():
        ticks.append(1)
        if len(ticks) == 5:
            released.set()

    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(tick)
    heart.start()
    panel = window.search_panel
    window.finder.search_corpus()
    with qtbot.waitSignal(panel.searched, timeout=30000, check_params_cb="قره".__eq__):
        type_text(panel.query, "قره")
    heart.stop()
    assert waited[-1] is True  # the search waited on ticks: the GUI thread was free
    assert panel.model.rowCount() > 0
