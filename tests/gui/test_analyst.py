"""Every edit made in the window carries the analyst's name, shown in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.main_window import MainWindow
from annotator.gui.workspace.analyst import os_user
from annotator.storage.project import Project
from annotator.storage.team_assign import assign
from tests.gui.conftest import show
from tests.gui.test_attribution import back_to, in_dialogs, tag


def test_edits_carry_the_os_user_until_the_analyst_gives_a_name(qtbot, window):
    first = tag(qtbot, window, "قالت", Qt.Key.Key_4)
    assert window.project.span(first).annotator == os_user()
    assert window.analyst_label.text() == f"Analyst: {os_user()}"

    with in_dialogs(
        qtbot, [(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier), "layla_h", Qt.Key.Key_Return]
    ):
        window.actions_by_id["edit.analyst"].trigger()
    back_to(qtbot, window)
    assert window.analyst_label.text() == "Analyst: layla_h"
    second = tag(qtbot, window, "نفت", Qt.Key.Key_4)
    assert window.project.span(second).annotator == "layla_h"
    assert window.project.span(first).annotator == os_user()  # earlier edits keep theirs
    assert window.state.analyst() == "layla_h"  # remembered for the next start


def test_an_assigned_team_file_names_its_analyst(qtbot, gui_project: Project, settings, tmp_path):
    settings.setValue("analyst/name", "someone_else")
    folder = tmp_path / "team"
    assign(gui_project, ["noura", "sami"], folder, overlap=0.0, seed=1)
    files = sorted(Path(folder).glob("*.annotator.db"))
    with Project.open(files[0]) as assigned:
        window = show(qtbot, MainWindow(assigned, settings))
        assert window.analyst_label.text() == f"Analyst: {files[0].name.split('.')[0]}"
        assert window.controller.annotator == files[0].name.split(".")[0]
        window.close()
