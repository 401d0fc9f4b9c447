"""A command stopped with SIGTERM unwinds through the writer: no temporary file stays behind."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from annotator.core.outputs import folder_output, open_output
from annotator.main import terminated_as_exit


def test_sigterm_while_writing_a_file_keeps_the_old_one(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped, terminated_as_exit(), open_output(target) as s:
        s.write("half")
        os.kill(os.getpid(), signal.SIGTERM)
        s.write("never")
    assert stopped.value.code == 128 + signal.SIGTERM
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_sigterm_while_building_a_folder_leaves_no_folder(tmp_path: Path):
    with pytest.raises(SystemExit), terminated_as_exit(), folder_output(tmp_path / "brat") as f:
        (f / "doc1.ann").write_text("T1\tACTOR 0 4\tقالت\n", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGTERM)
    assert list(tmp_path.iterdir()) == []


def test_the_previous_handler_is_back_afterwards():
    before = signal.getsignal(signal.SIGTERM)
    with terminated_as_exit():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
