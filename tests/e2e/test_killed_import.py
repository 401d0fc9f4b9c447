"""An import killed outright (SIGKILL, the window killed mid-import) leaves no reader behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.storage.importer import PARALLEL_FROM_FILES


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return {int(p) for p in path.read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="reader processes need a spare core")
def test_reader_processes_end_with_a_killed_import(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(PARALLEL_FROM_FILES * 3):
        (folder / f"{i:05}.txt").write_text(
            f"قالت الوزارة إن المحادثات ستستمر في الجولة رقم {i} الأسبوع المقبل.\n" * 30,
            encoding="utf-8",
        )
    child = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(folder), "--db", str(tmp_path / "p.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    readers: set[int] = set()
    deadline = time.monotonic() + 60
    while not readers and child.poll() is None and time.monotonic() < deadline:
        readers = _children(child.pid)
        time.sleep(0.01)
    if not readers:
        child.wait(timeout=60)
        pytest.skip("the import ended before its readers could be seen")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in readers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in readers if _alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"reader processes {left} outlived the killed import"
