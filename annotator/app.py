"""The composition root of the window: arguments, display check, QApplication, project, window.

``annotator`` (no command) and ``annotator --db FILE`` come here. The default
project is seeded with the sample article the first time it is created.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from collections.abc import Sequence

from annotator.core.errors import AnnotatorError
from annotator.storage.location import ENV_VAR, resolve_project_path
from annotator.storage.project import Project

# Libraries Qt's xcb platform plugin loads, with the Debian/Ubuntu package that has each.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-shape": "libxcb-shape0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
    "GL": "libgl1",
}


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, in one line, or None.

    Checked before QApplication exists, because Qt aborts the process when it
    cannot load its platform plugin.
    """
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if sys.platform != "linux" or platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display: DISPLAY and WAYLAND_DISPLAY are unset. Run annotator in a desktop session "
            "(or over ssh -X); the command-line tools work anywhere (annotator --help)."
        )
    if platform.startswith("wayland") or (env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")):
        return None
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            "Qt's xcb platform plugin cannot load: install the system packages "
            + " ".join(missing)
            + f" (for example: sudo apt install {' '.join(missing)})"
        )
    return None


def seed_sample(project: Project) -> None:
    """Put the sample article into a new, empty default project."""
    from annotator.assets import SAMPLE_ARTICLE, sample_article
    from annotator.core.importing import read_text  # the first start only

    if not project.documents():
        project.import_record(read_text(sample_article(), name=SAMPLE_ARTICLE))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="annotator", add_help=False)
    parser.add_argument(
        "--db", metavar="PATH", help=f"project file (default: ${ENV_VAR}, else the default project)"
    )
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        help="interface language for this run (default: View > Language, else the system's)",
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def run(argv: Sequence[str]) -> int:
    """Open the window; return the exit status."""
    args = parse_args(argv)
    path = resolve_project_path(args.db)
    if problem := display_problem():
        print(f"annotator: error: {problem}", file=sys.stderr)
        return 1
    is_new_default = args.db is None and ENV_VAR not in os.environ and not path.exists()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from annotator.gui.app_icon import app_icon
    from annotator.gui.fonts import register_fonts
    from annotator.gui.i18n import start_interface
    from annotator.gui.main_window import MainWindow
    from annotator.gui.termination import close_on_termination, close_window
    from annotator.gui.workspace.workspace import ProjectBusyError, Workspace

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    # Before any widget: the translators, the mirrored layout and the digits apply as they are made.
    interface = start_interface(app, args.lang)
    try:
        project = Project.open(path)
        if is_new_default:
            seed_sample(project)
    except AnnotatorError as exc:
        # A corrupt, foreign or unreadable file: said in the terminal and in a window; untouched.
        print(f"annotator: error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "annotator", str(exc))
        return 1
    QApplication.setDesktopFileName("annotator")  # matches packaging/annotator.desktop
    QApplication.setWindowIcon(app_icon())
    register_fonts()
    window: MainWindow | None = None
    # kill, logout: the window closes as on Ctrl+Q, leaving no lock or mark behind. Watched
    # before the workspace takes the project's lock, so no signal falls between the two: one
    # that comes first is handled when the event loop starts, by then on the window. Before
    # the window, only the "open in another window" box is up: exit() ends its event loop
    # (quit() asks the windows to close, and left that box waiting).
    close_on_termination(app, lambda: close_window(window) if window is not None else app.exit(1))
    try:
        workspace = Workspace.open(project)
    except ProjectBusyError as exc:  # open in another window: said here and in a window
        project.close()
        print(f"annotator: error: {path} is open in another annotator window", file=sys.stderr)
        QMessageBox.warning(None, "annotator", str(exc))
        return 1
    window = MainWindow(
        workspace,
        QSettings(),
        add_sample=seed_sample,
        open_workspace=Workspace.open,
        language=interface.language,
    )
    window.show()
    return int(app.exec())


def run_team(argv: Sequence[str]) -> int:
    """Open the team window (agreement, Curate mode) on an existing team project."""
    args = parse_args(argv)
    path = resolve_project_path(args.db)
    if not path.exists():
        print(f"annotator: error: no project at {path}", file=sys.stderr)
        return 1
    if problem := display_problem():
        print(f"annotator: error: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from annotator.gui.fonts import register_fonts
    from annotator.gui.i18n import start_interface
    from annotator.gui.team_window import TeamWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    start_interface(app, args.lang)
    try:
        project = Project.open(path)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    register_fonts()
    window = TeamWindow(project)
    window.resize(1100, 750)
    window.show()
    return int(app.exec())
