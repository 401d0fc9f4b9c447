"""One open project: its store, session, controller and recommender training, made and
closed together.

A project switch replaces the whole workspace: nothing of the old project's
undo stack, document state, suggestions or lock survives into the new one, and
the window never holds "no project" (no ``None`` checks spread through it).
The composition root (``app.py``) opens the first one; the window opens the
next ones with the same function.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.errors import AnnotatorError
from annotator.gui.workspace.controller import Controller
from annotator.gui.workspace.session import ProjectSession
from annotator.gui.workspace.training import Training
from annotator.storage.project import Project


class ProjectBusyError(AnnotatorError):
    """Another window has the project open; the message says which process."""


class Workspace(QObject):
    """Signals (the session's, relayed so that none is lost before the window listens):
    check_finished(CheckReport): the check after an unclean exit is done.
    damage_found(str): the opening check found damage; nothing will be written.
    """

    check_finished = Signal(object)
    damage_found = Signal(str)

    def __init__(self, project: Project, session: ProjectSession, controller: Controller) -> None:
        super().__init__()
        self.project = project
        self.session = session
        self.controller = controller
        self.training = Training(project.path, parent=self)
        session.setParent(self)
        controller.setParent(self)
        # The session's worker thread may report as soon as it starts: these reach this
        # object queued, by then the window is connected to it.
        session.check_finished.connect(self.check_finished)
        session.damage_found.connect(self.damage_found)

    @classmethod
    def open(cls, project: Project) -> Workspace:
        """Take ``project`` (its lock, its crash check) and make its controller.

        Raises ProjectBusyError when another window has it; the project is left open for the
        caller to close.
        """
        workspace = cls(project, ProjectSession(project), Controller(project))
        if problem := workspace.session.start():
            workspace.controller.stop()
            raise ProjectBusyError(problem)
        return workspace

    def close(self) -> None:
        """Nothing more on a timer, the session ended cleanly (backup, lock), the file closed."""
        self.controller.stop()
        self.training.stop()
        self.session.stop()
        self.project.close()
