"""The check dialogs fit a small laptop screen; a damaged large project takes no write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.core.models import Document
from annotator.gui.check_dialog import check_report_dialog
from annotator.gui.main_window import MainWindow
from annotator.gui.workspace import session as session_module
from annotator.storage import database
from annotator.storage.backups import list_backups
from annotator.storage.project import Project
from annotator.storage.safety import CheckReport, DamagedProjectError
from tests.spans import add_span

SCREEN = (1366, 768)


def fits(box: QMessageBox) -> bool:
    frame = box.frameGeometry()
    return frame.width() <= SCREEN[0] and frame.height() <= SCREEN[1]


def test_the_after_crash_dialog_fits_1366x768_even_with_its_details_open(qtbot, qapp):
    path = "/home/analyst/projects/" + "karabakh-" * 12 + "news.annotator.db"
    report = CheckReport(
        problems=[
            f"SQLite: On tree page {n} cell 0: Rowid {n * 7919} out of order in {path}"
            for n in range(100)
        ]
        + [f"span {n} of document {n} (5-17) no longer matches its text" for n in range(100)]
    )
    box = check_report_dialog(None, report)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert fits(box), box.frameGeometry()
    assert box.text().startswith("The last session did not end cleanly. The project is damaged")
    details = next(b for b in box.findChildren(QPushButton) if "Details" in b.text())
    details.click()
    qtbot.waitUntil(lambda: box.detailedText() != "" and box.height() > 0)
    QApplication.processEvents()
    assert fits(box), box.frameGeometry()
    assert box.detailedText().count("\n") == 199


def test_an_intact_project_after_a_crash_is_said_in_one_capitalised_sentence(window):
    window.workspace.check_finished.emit(CheckReport(spans_checked=12))
    message = window.statusBar().currentMessage()
    assert message == (
        "The last session did not end cleanly. The project is intact "
        "(12 spans checked against their text)."
    )


@pytest.fixture
def damaged_large_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project treated as large (not checked at opening), with garbage in its middle."""
    monkeypatch.setattr(database, "QUICK_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(session_module, "QUICK_CHECK_MAX_BYTES", 0)
    path = tmp_path / "large.annotator.db"
    with Project.open(path) as project, project.bulk():
        for i in range(300):
            project.add_document(Document(f"قالت الوزارة إن القصف استمر في اليوم {i}. " * 20))
    # Garbage in the last page of document texts: a page the window does not read to open
    # (its list comes from an index, then the first document), whatever the file's layout.
    with sqlite3.connect(path) as conn:
        (page,) = conn.execute(
            "SELECT max(pageno) FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf'"
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * page_size + 100)
        f.write(bytes((i * 151 + 7) % 256 for i in range(page_size - 200)))
    return path


def test_the_window_refuses_to_write_to_a_damaged_large_project(
    qtbot, damaged_large_project: Path, settings: QSettings
):
    before = damaged_large_project.read_bytes()
    project = Project.open(damaged_large_project)
    window = MainWindow(project, settings)
    qtbot.addWidget(window)
    window.show()

    def dialog() -> QMessageBox | None:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    box = dialog()
    assert box is not None and box.windowTitle() == "Damaged project"
    assert box.informativeText().startswith("No good backup in ")
    with pytest.raises(DamagedProjectError):
        project.add_document(Document("خبر جديد"))
    box.close()
    window.close()
    project.close()
    assert damaged_large_project.read_bytes() == before
    assert list_backups(damaged_large_project) == []


def test_after_a_crash_a_span_off_its_text_is_shown_and_writes_wait_for_the_check(
    qtbot, tmp_path: Path, settings: QSettings
):
    path = tmp_path / "crashed.annotator.db"
    with Project.open(path) as project:
        doc = project.add_document(Document("قالت وزارة الخارجية إن القصف استمر"))
        span = add_span(project, doc, 5, 10, "ACTOR")
        conn = project.db.conn
        conn.execute("DROP TRIGGER spans_text_matches_offsets_on_update")
        conn.execute('UPDATE spans SET start = 6, "end" = 11 WHERE id = ?', [span.id])
    path.with_name(path.name + ".open").write_text("12345")  # the last session was killed
    project = Project.open(path)
    window = MainWindow(project, settings)
    qtbot.addWidget(window)
    window.show()
    with pytest.raises(DamagedProjectError):  # the first write waited for the check's verdict
        project.add_document(Document("خبر جديد"))

    def dialog() -> QMessageBox | None:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    box = dialog()
    assert box is not None and box.windowTitle() == "Project check"
    assert box.text().startswith(
        f"The last session did not end cleanly. The project is damaged: span {span.id}"
    )
    box.close()
    window.close()
    project.close()
