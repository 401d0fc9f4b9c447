"""What the window's helpers (linking, find, navigation, files...) may reach in it.

A Protocol, not the ``MainWindow`` class: the helpers hold the window's parts
through this, so no helper imports the window and the window imports them all
(no import circle, and each helper names exactly what it uses).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from annotator.gui.action_spec import ActionSpec
    from annotator.gui.article.find_bar import FindBar
    from annotator.gui.article.view import ArticleView
    from annotator.gui.panels.document_model import DocumentListModel
    from annotator.gui.panels.lists import DocumentPanel, SidePanel
    from annotator.gui.panels.models import (
        AnnotationModel,
        LinkModel,
    )
    from annotator.gui.panels.registry import RegistryPanel
    from annotator.gui.panels.search import SearchPanel
    from annotator.gui.window_state import WindowState
    from annotator.gui.workspace.controller import Controller
    from annotator.gui.workspace.session import ProjectSession
    from annotator.gui.workspace.workspace import Workspace
    from annotator.storage.project import Project


class Finder(Protocol):
    found: tuple[int, int] | None  # the match the find bar (or the corpus search) last selected


class Shell(Protocol):
    widget: QWidget  # the parent of the dialogs the helpers open
    language: str  # the interface's, as it started
    workspace: Workspace  # the open project's
    state: WindowState
    article: ArticleView
    find_bar: FindBar
    search_panel: SearchPanel
    registry: RegistryPanel
    document_panel: DocumentPanel
    side_panel: SidePanel
    actions_by_id: dict[str, QAction]
    specs: tuple[ActionSpec, ...]
    add_sample: Callable[[Project], None] | None
    import_started: Any  # a Signal(ImportWorker)

    @property
    def finder(self) -> Finder: ...

    @property
    def controller(self) -> Controller: ...

    @property
    def project(self) -> Project: ...

    @property
    def session(self) -> ProjectSession: ...

    # The open project's item models (its workspace's), which the views show.
    @property
    def documents(self) -> DocumentListModel: ...

    @property
    def annotations(self) -> AnnotationModel: ...

    @property
    def link_model(self) -> LinkModel: ...

    def show_message(self, text: str) -> None: ...

    def show_analyst(self) -> None: ...

    def open_document(self, doc_id: int, caret: int = 0) -> None: ...

    def reload_document(self) -> bool: ...

    def load_project(self, project: Project) -> bool: ...

    def show_start_if_empty(self) -> None: ...

    def reload_documents(self) -> None: ...
