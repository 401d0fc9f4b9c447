"""The window as a process: told to end (kill, logout) it closes as Ctrl+Q does; a damaged
project it refuses in one line, untouched."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_sigterm_closes_the_window_and_removes_lock_and_mark(tmp_path: Path, sig: int):
    path = tmp_path / "news.annotator.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(path)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock, mark = path.with_name(path.name + ".lock"), path.with_name(path.name + ".open")
    deadline = time.monotonic() + 60
    while not (lock.exists() and mark.exists()):  # the window is up and holds the project
        assert child.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(sig)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert not lock.exists() and not mark.exists()
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_ends_a_second_window_showing_that_the_project_is_busy(tmp_path: Path):
    """The second start shows "open in another window" in a message box: told to end
    there, it ends (quit() alone left the box's event loop running)."""
    path = tmp_path / "news.annotator.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "annotator", "--db", str(path)]
    first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        lock = path.with_name(path.name + ".lock")
        deadline = time.monotonic() + 60
        while not lock.exists():
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        second = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        try:
            assert second.stderr is not None
            ready, _, _ = select.select([second.stderr], [], [], 60)
            assert ready, "no message within 60 s"
            assert "is open in another annotator window" in second.stderr.readline()
            second.send_signal(signal.SIGTERM)
            second.communicate(timeout=30)
            assert second.returncode == 1
        finally:
            second.kill()
            second.communicate(timeout=30)
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)


def test_the_window_refuses_a_damaged_project_untouched(tmp_path: Path):
    """`annotator --db DAMAGED`: one line naming the damage, the file as it was."""
    from annotator.core.models import Document
    from annotator.storage.project import Project

    path = tmp_path / "news.annotator.db"
    with Project.open(path) as project, project.bulk():
        for i in range(200):
            project.add_document(Document(f"قالت الوزارة إن القصف استمر في اليوم {i}. " * 20))
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096 + 100)
        f.write(bytes((i * 151 + 7) % 256 for i in range(4096)))
    before = path.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(path)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stderr is not None
        ready, _, _ = select.select([child.stderr], [], [], 60)
        assert ready, "no message within 60 s"
        line = child.stderr.readline()  # then it shows the same in a message box
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert line.startswith(f"annotator: error: {path}: the project file is damaged (SQLite")
    assert "nothing was changed" in line
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("news")) == [path.name]
