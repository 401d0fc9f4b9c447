"""The window's import: on a worker thread, with progress, and a Cancel that keeps what is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.workspace.import_worker import ImportWorker

FILES = 12


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"article_{number:02}.txt"
        path.write_text(
            f"خبر رقم {number}\nقالت الوزارة في بيان اليوم إن المحادثات رقم {number} ستستمر.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_import_runs_off_the_gui_thread_and_reports_progress(qtbot, window, tmp_path: Path):
    folder = tmp_path / "in"
    write_articles(folder, FILES)
    before = len(window.project.documents())
    seen: list[tuple[int, int]] = []
    threads = []

    def started(worker: ImportWorker) -> None:
        threads.append(worker.thread())
        worker.progressed.connect(lambda done, total: seen.append((done, total)))

    window.import_started.connect(started)
    window.files.import_paths([folder])
    assert threads and threads[0] is not window.thread()
    assert len(window.project.documents()) == before + FILES
    assert window.documents.rowCount() == before + FILES
    assert seen[-1] == (FILES, FILES)
    message = window.statusBar().currentMessage()
    assert "Imported 12 document(s)." in message and "elsewhere" not in message


def test_cancel_keeps_the_files_done_and_starts_no_other(qtbot, window, tmp_path: Path):
    folder = tmp_path / "in"
    paths = write_articles(folder, FILES)
    before = len(window.project.documents())

    def started(worker: ImportWorker) -> None:
        def on_progress(done: int, _total: int) -> None:
            if done == 3:  # as if Cancel were pressed while the third file was stored
                worker.cancel()

        # Direct: runs on the worker thread at once, so exactly three files are done.
        worker.progressed.connect(on_progress, Qt.ConnectionType.DirectConnection)

    window.import_started.connect(started)
    window.files.import_paths([folder])
    titles = [d.title for d in window.project.documents()[before:]]
    assert titles == ["خبر رقم 0", "خبر رقم 1", "خبر رقم 2"]
    assert "Cancelled: 9 file(s) not started." in window.statusBar().currentMessage()
    # The files left out import cleanly later: nothing of them was half-stored.
    window.import_started.disconnect(started)
    window.files.import_paths(paths[3:])
    assert len(window.project.documents()) == before + FILES


def test_a_fifo_in_the_folder_is_named_in_the_report_and_never_opened(
    qtbot, window, tmp_path: Path, monkeypatch
):
    import os

    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "in"
    write_articles(folder, 2)
    os.mkfifo(folder / "pipe.txt")  # opened, it would block the import for ever
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    window.files.import_paths([folder])
    assert len(shown) == 1
    text, details = shown[0]
    assert text.startswith("Imported 2 documents.")
    assert "1 files that are not regular files (FIFO, socket or device)" in text
    assert details == str(folder / "pipe.txt")
