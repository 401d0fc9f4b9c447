"""A real X server (Xvfb) for the tests that must see keys as X11 delivers them."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from annotator.app import display_problem

INSTALL = "apt-get install -y xvfb xdotool"


@pytest.fixture
def x_display() -> Iterator[str]:
    """The name of a fresh Xvfb display (":N"); skipped, with the reason, where none can run."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed ({INSTALL})")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        ready, _, _ = select.select([server.stdout], [], [], 20)
        number = server.stdout.readline().decode().strip() if ready else ""
        if not number.isdigit():
            pytest.fail("Xvfb did not report its display within 20 s")
        display = f":{number}"
        problem = display_problem({**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        if problem:
            pytest.skip(problem)
        yield display
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
