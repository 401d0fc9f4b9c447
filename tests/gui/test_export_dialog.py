"""File > Export writes through the same writer as the command line.

The file dialogs and message boxes are replaced by answers (a modal dialog would block the
test); the export itself runs for real and the test reads what landed on disk.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotator.gui.main_window import MainWindow


class Answers:
    """What the dialogs say, and what the message boxes were told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fmt: str, path: Path) -> None:
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.replace = QMessageBox.StandardButton.No
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (fmt, True))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))
        monkeypatch.setattr(
            QMessageBox, "warning", lambda _p, _t, text, *a: self.warnings.append(text)
        )
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)

        def question(_parent: object, _title: str, text: str, *args: object) -> object:
            self.questions.append(text)
            return self.replace

        monkeypatch.setattr(QMessageBox, "question", question)


def export(window: MainWindow) -> None:
    window.actions_by_id["export.jsonl"].trigger()


def test_export_writes_through_a_symlink_with_the_file_mode_kept(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    real = tmp_path / "real.jsonl"
    real.write_text("stale\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "annotations.jsonl"
    link.symlink_to("real.jsonl")
    answers = Answers(monkeypatch, "jsonl", link)
    export(window)
    assert answers.warnings == []
    assert link.is_symlink()
    records = [json.loads(line) for line in real.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3 and stat.S_IMODE(real.stat().st_mode) == 0o640
    spans = sum(len(r["spans"]) for r in records)
    relations = sum(len(r["relations"]) for r in records)
    assert window.statusBar().currentMessage() == (
        f"Exported 3 documents, {spans} spans and {relations} relations."
    )


def test_export_to_a_full_device_is_one_message_and_the_device_stays(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
):
    answers = Answers(monkeypatch, "doccano", Path("/dev/full"))  # conll: todo left out
    export(window)
    assert answers.warnings == ["/dev/full: cannot write: no space left on the device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_folder_that_is_not_empty_is_replaced_only_when_the_analyst_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "brat"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    answers = Answers(monkeypatch, "brat", target)
    export(window)
    assert len(answers.questions) == 1 and str(target) in answers.questions[0]
    assert [p.name for p in target.iterdir()] == ["notes.txt"]

    answers.replace = QMessageBox.StandardButton.Yes
    export(window)
    names = sorted(p.name for p in target.iterdir())
    assert "notes.txt" not in names and any(n.endswith(".ann") for n in names)
    assert answers.warnings == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
