"""The window's backups: one per change, not one per opening; closing does not wait."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annotator.core.models import Document
from annotator.gui.workspace import session as session_module
from annotator.gui.workspace.session import ProjectSession
from annotator.storage import backups
from annotator.storage.backups import list_backups
from annotator.storage.project import Project
from annotator.storage.safety import DamagedProjectError


def open_session(qtbot, path: Path, edit: str | None = None) -> None:
    """Open the project as the window does, maybe edit it, let its worker finish, close."""
    project = Project.open(path)
    session = ProjectSession(project)
    assert session.start() is None
    assert session._worker is not None
    qtbot.waitUntil(lambda: not session._worker.is_alive(), timeout=10_000)
    if edit:
        project.add_document(Document(edit))
    session.stop()
    project.close()


def test_five_openings_without_an_edit_make_one_backup(
    qtbot, gui_project: Project, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(session_module, "BACKUP_DELAY_MS", 0)
    path = gui_project.path
    assert path is not None
    gui_project.close()
    for _ in range(5):
        open_session(qtbot, path)
    assert len(list_backups(path)) == 1
    open_session(qtbot, path, edit="خبر جديد بعد النسخة")
    open_session(qtbot, path)  # the edit is in the file now: copied at this opening
    copies = list_backups(path)
    assert len(copies) == 2 and all(c.good for c in copies)


def test_closing_during_a_backup_returns_within_a_moment(
    qtbot, gui_project: Project, monkeypatch: pytest.MonkeyPatch
):
    """A copy that would take seconds (one page per step, slowed) is stopped, not awaited."""
    monkeypatch.setattr(session_module, "BACKUP_DELAY_MS", 0)
    monkeypatch.setattr(backups, "STEP_PAGES", 1)
    slow = backups.Copier.progress

    def slowly(self, status: int, remaining: int, total: int) -> None:
        time.sleep(0.05)
        slow(self, status, remaining, total)

    monkeypatch.setattr(backups.Copier, "progress", slowly)
    path = gui_project.path
    assert path is not None
    session = ProjectSession(gui_project)
    assert session.start() is None
    folder = backups.backup_folder(path)
    qtbot.waitUntil(lambda: any(folder.glob("*.partial")), timeout=10_000)
    session.stop()
    # Stopped, not awaited: the slowed copy needs seconds, and none was finished when stop()
    # returned (how long closing takes is measured in bench/bench_check.py, not here).
    assert list_backups(path) == []
    assert session._worker is not None
    qtbot.waitUntil(lambda: not session._worker.is_alive(), timeout=10_000)
    assert list_backups(path) == [] and not any(folder.glob("*.partial"))


def test_a_check_that_fails_to_run_refuses_writes_instead_of_holding_them_forever(
    qtbot, gui_project: Project, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(session_module, "QUICK_CHECK_MAX_BYTES", 0)

    def cannot(self, path: Path) -> list[str]:
        raise OSError("input/output error")

    monkeypatch.setattr(backups.Copier, "check", cannot)
    session = ProjectSession(gui_project)
    with qtbot.waitSignal(session.damage_found, timeout=10_000) as found:
        assert session.start() is None
    assert "could not be checked (input/output error)" in found.args[0]
    with pytest.raises(DamagedProjectError):
        gui_project.add_document(Document("خبر جديد"))
    session.stop()
