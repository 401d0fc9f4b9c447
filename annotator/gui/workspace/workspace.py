"""One open project: its store, session, controller, item models and recommender
training, made and closed together.

A project switch replaces the whole workspace: nothing of the old project's
undo stack, document state, list rows, suggestions or lock survives into the
new one, and the window never holds "no project" (no ``None`` checks spread
through it). The item models follow this project's ``DocumentState`` from the
start; the window's views are only pointed at them. The composition root
(``app.py``) opens the first workspace; the window opens the next ones with the
same function.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.changes import DocumentState
from annotator.core.errors import AnnotatorError
from annotator.gui.panels.document_model import DocumentListModel, set_store
from annotator.gui.panels.models import AnnotationModel, LabelModel, LinkModel
from annotator.gui.store_reader import StoreReader
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
        state, labels = controller.state, project.schema.span_labels
        self.documents = DocumentListModel(parent=self)
        set_store(self.documents, project)
        self.labels = LabelModel(labels, self)
        self.annotations = AnnotationModel(self)
        self.annotations.set_colors(labels)
        self.links = LinkModel(self)
        for model in (self.documents, self.labels, self.annotations, self.links):
            model.follow(state)
        # Filters and searches on one thread, suggestions on another: a keystroke in the
        # filter does not wait behind the 0.6 s of a 100,000-document project's suggestions.
        self.reader = StoreReader(project, self, wrote=session.note_own_write)
        self._suggestions_reader = StoreReader(project, self, wrote=session.note_own_write)
        controller.proposals.compute_on(self._suggestions_reader)
        # The session's worker thread may report as soon as it starts: these reach this
        # object queued, by then the window is connected to it.
        session.check_finished.connect(self.check_finished)
        session.damage_found.connect(self.damage_found)

    @property
    def state(self) -> DocumentState:
        """The open document, its spans, relations and current span: what the views follow."""
        return self.controller.state

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
        self.stop_workers()
        self.session.stop()
        self.project.close()

    def stop_workers(self) -> None:
        """The training child and the reader threads end (a half-trained model is not stored)."""
        self.training.stop()
        self.stop_reading()

    def stop_reading(self) -> None:
        """The reader threads end (what runs is stopped): the window closes or the project."""
        self.reader.stop()
        self._suggestions_reader.stop()
