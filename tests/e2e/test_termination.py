"""A window told to end (kill, logout) closes as Ctrl+Q does: nothing left beside the project."""

from __future__ import annotations

import os
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
