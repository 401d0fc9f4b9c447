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

    from annotator.gui.actions import ActionSpec
    from annotator.gui.article.find import ArticleFind
    from annotator.gui.article_view import ArticleView
    from annotator.gui.controller import Controller
    from annotator.gui.find_bar import FindBar
    from annotator.gui.models import DocumentListModel, LinkModel
    from annotator.gui.panels import DocumentPanel, SidePanel
    from annotator.gui.registry_panel import RegistryPanel
    from annotator.gui.search_panel import SearchPanel
    from annotator.gui.session import ProjectSession
    from annotator.gui.window_state import WindowState
    from annotator.storage.project import Project


class Shell(Protocol):
    widget: QWidget  # the parent of the dialogs the helpers open
    controller: Controller | None
    project: Project | None
    session: ProjectSession | None
    state: WindowState
    article: ArticleView
    find_bar: FindBar
    finder: ArticleFind
    search_panel: SearchPanel
    registry: RegistryPanel
    document_panel: DocumentPanel
    documents: DocumentListModel
    side_panel: SidePanel
    link_model: LinkModel
    actions_by_id: dict[str, QAction]
    specs: tuple[ActionSpec, ...]
    add_sample: Callable[[Project], None] | None
    import_started: Any  # a Signal(ImportWorker)

    def show_message(self, text: str) -> None: ...

    def open_document(self, doc_id: int, caret: int = 0) -> None: ...

    def load_project(self, project: Project) -> bool: ...

    def show_start_if_empty(self) -> None: ...
