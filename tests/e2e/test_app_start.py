"""Starting the window: the command dispatch and the no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app import display_problem
from annotator.main import wants_cli


def test_command_words_go_to_the_cli_and_the_rest_to_the_window():
    assert wants_cli(["import", "x.txt"])
    assert wants_cli(["--db", "p.db", "list"])
    assert wants_cli(["--help"])
    assert not wants_cli([])
    assert not wants_cli(["--db", "p.db"])
    assert not wants_cli(["--db=p.db"])


@pytest.mark.skipif(sys.platform != "linux", reason="DISPLAY is how Linux names its display")
def test_no_display_is_one_clear_line():
    problem = display_problem({"QT_QPA_PLATFORM": "", "PATH": "/usr/bin"})
    assert problem is not None and "DISPLAY" in problem
    assert "\n" not in problem


def test_offscreen_needs_no_display():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_window_command_without_a_display_exits_cleanly(tmp_path: Path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("annotator: error: no display")
    assert "Traceback" not in done.stderr


def test_first_start_seeds_the_default_project(tmp_path: Path):
    """The window's first run on the default project brings the sample article in."""
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "def shown():\n"
        "    print('shown:', [w.objectName() for w in app.topLevelWidgets() if w.isVisible()])\n"
        "    app.quit()\n"
        "QTimer.singleShot(0, shown)  # the first turn of run()'s event loop: the window is up\n"
        "from annotator import app as window_app\n"
        "sys.exit(window_app.run([]))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    env.pop("ANNOTATOR_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "'main_window'" in done.stdout
    default = tmp_path / "data" / "annotator" / "default.annotator.db"
    assert default.exists()
    listing = subprocess.run(
        [sys.executable, "-m", "annotator", "list", "--db", str(default)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "تجدد القتال العنيف" in listing.stdout


def test_a_corrupt_project_is_refused_in_the_terminal_and_left_alone(tmp_path: Path):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 200)
    before = bad.read_bytes()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda *a, **k: print('shown:', a[2]))\n"
        "from annotator import app\n"
        "sys.exit(app.run(['--db', sys.argv[1]]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("annotator: error:") and "Traceback" not in done.stderr
    assert "shown:" in done.stdout  # the same message in a window
    assert bad.read_bytes() == before


def test_commands_import_only_what_they_run_on(tmp_path: Path):
    """The store runs on sqlite3 alone: no sqlite-utils, numpy or pandas, even where installed."""
    page = tmp_path / "a.txt"
    page.write_text("خبر عن باكو.\nفقرة ثانية عن أذربيجان.", encoding="utf-8")
    db = str(tmp_path / "p.db")
    script = (
        "import sys\n"
        "from annotator.main import main\n"
        f"for argv in (['import', {str(page)!r}], ['search', 'باكو'], ['list'], ['stats']):\n"
        f"    assert main([*argv, '--db', {db!r}]) == 0\n"
        "unused = ('sqlite_utils', 'numpy', 'pandas', 'charset_normalizer', 'arabic_reshaper')\n"
        "print(sorted(m for m in unused if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1:] == ["[]"]


def test_the_window_start_does_not_import_the_command_line_or_the_formats(tmp_path: Path):
    script = (
        "import sys, annotator.main, annotator.app, annotator.gui.main_window\n"
        "print(sorted(m for m in sys.modules if m.startswith(('annotator.cli', "
        "'annotator.storage.exporter', 'annotator.storage.importer', 'annotator.core.formats', "
        "'charset_normalizer'))))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[]"


def test_the_command_line_loads_no_store_or_format_before_a_command_runs(tmp_path: Path):
    """``annotator --help`` and the parser: every command module imports its work lazily."""
    script = (
        "import sys, annotator.cli\n"
        "annotator.cli.build_parser().format_help()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('annotator.storage.project', "
        "'annotator.storage.importer', 'annotator.storage.exporter', 'annotator.core.formats', "
        "'annotator.core.terminal', 'annotator.core.agreement', "
        "'annotator.storage.recommender'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[]"
