"""The main window: a shell that lays out the views, builds the menus and hands actions on.

It owns no data: the open project's ``Workspace`` holds the store, the
controller (every edit an undo command), the document state and the item
models that follow it; the window points its views at them. What an action
runs lives in ``gui.handlers`` (each reaches the window through the ``Shell``
protocol); the window lays out the views, builds the menus and remembers the
layout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.models import Document
from annotator.gui.action_spec import ActionSpec, build_action, menu_title
from annotator.gui.actions import all_specs
from annotator.gui.article.find_bar import FindBar
from annotator.gui.article.label_styles import LabelStyles
from annotator.gui.article.view import ArticleView
from annotator.gui.fonts import ARTICLE_FONT, DEFAULT_POINT_SIZE
from annotator.gui.handlers import Handlers
from annotator.gui.handlers.annotating import Annotating
from annotator.gui.handlers.find import ArticleFind
from annotator.gui.handlers.linking import Linking
from annotator.gui.handlers.navigation import Navigation
from annotator.gui.handlers.project_events import ProjectEvents
from annotator.gui.handlers.project_files import ProjectFiles
from annotator.gui.handlers.recommending import Recommending
from annotator.gui.handlers.span_views import SpanViews
from annotator.gui.handlers.suggesting import Suggesting
from annotator.gui.panels.analyst_label import AnalystLabel
from annotator.gui.panels.document_model import DocumentListModel
from annotator.gui.panels.lists import DocumentPanel, SidePanel
from annotator.gui.panels.models import (
    AnnotationModel,
    LinkModel,
)
from annotator.gui.panels.registry import RegistryPanel, outer_dock_area
from annotator.gui.panels.search import SearchPanel
from annotator.gui.panels.start_view import StartView
from annotator.gui.panels.status_bar import DocumentSummary, window_title
from annotator.gui.recent_menu import RecentMenu
from annotator.gui.window_state import WindowState
from annotator.gui.workspace.analyst import analyst_name
from annotator.gui.workspace.controller import Controller
from annotator.gui.workspace.session import ProjectSession
from annotator.gui.workspace.workspace import ProjectBusyError, Workspace
from annotator.storage.document_list import document_ids, has_documents, is_stored
from annotator.storage.project import Project

MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """The window's shell.

    Signals:
        import_started(ImportWorker): an import is about to run on its worker thread.
    """

    import_started = Signal(object)

    def __init__(
        self,
        workspace: Workspace | Project,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        add_sample: Callable[[Project], None] | None = None,
        open_workspace: Callable[[Project], Workspace] = Workspace.open,
        language: str = "en",
    ) -> None:
        """``workspace``: the first project's (a Project is opened with ``open_workspace``)."""
        super().__init__(parent)
        self.language = language
        self.add_sample = add_sample
        self._open_workspace = open_workspace
        self.setObjectName("main_window")
        self.state = WindowState(settings)
        self.article = ArticleView(
            LabelStyles(()), ARTICLE_FONT, self.state.point_size(DEFAULT_POINT_SIZE), self
        )
        self.document_panel = DocumentPanel(self)
        self.side_panel = SidePanel(self)
        self.registry = RegistryPanel(self)
        outer = outer_dock_area(self)
        self.addDockWidget(outer, self.registry)
        self.search_panel = SearchPanel(self)
        self.addDockWidget(outer, self.search_panel)
        self.tabifyDockWidget(self.registry, self.search_panel)
        self.registry.raise_()
        self.widget: QWidget = self
        self.linking = Linking(self, self)
        self.finder = ArticleFind(self, self)
        self.annotating = Annotating(self, self)
        self.navigation = Navigation(self, self)
        self.suggesting = Suggesting(self, self)
        self.recommending = Recommending(self, self)
        self.files = ProjectFiles(self, self)
        self.span_views = SpanViews(self, self)
        self.project_events = ProjectEvents(self, self)
        self.handlers = Handlers(
            self,
            self.files,
            self.annotating,
            self.linking,
            self.suggesting,
            self.recommending,
            self.navigation,
            self.finder,
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.find_bar = FindBar(self)
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(self.article, 1)
        center_layout.addWidget(self.find_bar)
        self.start_view = StartView(self)
        self.center = QStackedWidget(self)
        self.center.addWidget(center)
        self.center.addWidget(self.start_view)
        for widget, stretch in ((self.document_panel, 1), (self.center, 3), (self.side_panel, 1)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.setCentralWidget(self.splitter)
        self.analyst_label = AnalystLabel(self)
        self.summary = DocumentSummary(self)
        for label in (self.analyst_label, self.recommending.status, self.summary):
            self.statusBar().addPermanentWidget(label)
        self.recent_menu = RecentMenu(self)
        self.actions_by_id: dict[str, QAction] = {}
        self._opening_caret = 0
        self._connect_views()
        if isinstance(workspace, Project):
            workspace = open_workspace(workspace)
        self.set_workspace(workspace)
        self._restore_layout()

    # -- wiring --------------------------------------------------------------

    def _connect_views(self) -> None:
        self.document_panel.chosen.connect(self._on_document_chosen)
        self.document_panel.columns_changed.connect(self.state.set_hidden_document_columns)
        self.document_panel.hide_columns(self.state.hidden_document_columns())
        self.article.page_past_end.connect(self.navigation.next_document)
        self.article.page_before_start.connect(self.navigation.previous_document)
        self.span_views.connect_views()
        self.finder.connect_views()
        self.start_view.import_files_requested.connect(self.files.import_files)
        self.start_view.import_folder_requested.connect(self.files.import_folder)
        self.start_view.sample_requested.connect(self.files.open_sample)
        for chosen in (self.start_view.project_requested, self.recent_menu.project_chosen):
            chosen.connect(lambda path: self.files.open_project_at(Path(path)))

    def _build_actions(self) -> None:
        for action in self.actions_by_id.values():
            # Out of every widget now: deleted later, it would still answer its keys (and
            # clash with the new project's action for the same key) until the event loop ran.
            for owner in action.associatedObjects():
                if isinstance(owner, QWidget):
                    owner.removeAction(action)
            action.deleteLater()
        self.actions_by_id.clear()
        self.menuBar().clear()
        menus: dict[str, QMenu] = {}
        scopes = {
            "article": self.article,
            "links": self.side_panel.links,
            "registry": self.registry.table,
        }
        self.specs = all_specs(self.project.schema.span_labels)
        stack = self.controller.undo_stack
        for spec in self.specs:
            made = None
            if spec.stack == "undo":
                made = stack.createUndoAction(self, self.tr("&Undo"))
            elif spec.stack == "redo":
                made = stack.createRedoAction(self, self.tr("&Redo"))
            if made is not None:
                # Through _trigger like every action: the project is asked for writes from
                # elsewhere before the stack undoes anything.
                made.triggered.disconnect()
                made.triggered.connect(lambda _checked=False, spec=spec: self._trigger(spec))
            action = build_action(spec, self, scopes, self._trigger, made)
            self.actions_by_id[spec.id] = action
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(menu_title(spec.menu))
            menus[spec.menu].addAction(action)
            if spec.checked is not None:
                action.setChecked(spec.checked(self))
        menus["&File"].insertMenu(self.actions_by_id["import.files"], self.recent_menu)
        self.refresh_enabled()

    def refresh_enabled(self) -> None:
        """Grey out what cannot run now (no current span, no document): asked after every change."""
        for spec in self.specs:
            if spec.enabled is not None:
                self.actions_by_id[spec.id].setEnabled(spec.enabled(self))

    def _trigger(self, spec: ActionSpec) -> None:
        self.session.check_now()  # a write from elsewhere is shown before the key acts
        spec.run(self.handlers)

    @property
    def controller(self) -> Controller:
        return self.workspace.controller

    @property
    def project(self) -> Project:
        return self.workspace.project

    @property
    def session(self) -> ProjectSession:
        return self.workspace.session

    @property
    def documents(self) -> DocumentListModel:
        return self.workspace.documents

    @property
    def annotations(self) -> AnnotationModel:
        return self.workspace.annotations

    @property
    def link_model(self) -> LinkModel:
        return self.workspace.links

    def load_project(self, project: Project) -> bool:
        """Show ``project`` in a new workspace: models refilled, last place restored.

        False (with the reason shown) when another window has the project open.
        """
        try:
            workspace = self._open_workspace(project)
        except ProjectBusyError as exc:
            QMessageBox.warning(self, self.tr("Project open elsewhere"), str(exc))
            return False
        self.set_workspace(workspace)
        return True

    def set_workspace(self, workspace: Workspace) -> None:
        """Replace the open project's workspace with ``workspace`` and show it."""
        old, self.workspace = getattr(self, "workspace", None), workspace
        if old is not None:
            self._save_place(old)
            old.close()
            old.deleteLater()
        project, controller, state = workspace.project, workspace.controller, workspace.state
        self.project_events.follow(workspace)
        controller.snap_to_words = self.state.snap_to_words()
        self.show_analyst()
        controller.suggest_cues = self.state.suggest_cues()
        self.article.follow(state)
        state.changes_applied.connect(self._on_changes_applied)
        state.current_changed.connect(lambda _: self.refresh_enabled())
        self.span_views.follow(state)
        self.recommending.follow(workspace)
        controller.message.connect(self.show_message)
        controller.proposals.changed.connect(self.suggesting.show_suggestions)
        schema_labels = project.schema.span_labels
        self.article.set_styles(LabelStyles(schema_labels))
        self.side_panel.set_models(workspace.labels, workspace.annotations, workspace.links)
        self.side_panel.fit_labels(label.name for label in schema_labels)
        self.document_panel.set_model(workspace.documents)
        self.document_panel.set_reader(workspace.reader)
        self.reload_documents()
        self.registry.set_project(project, state)
        self.state.set_last_project(project.path)
        self.recent_menu.fill(self.state.recent_projects(besides=self.project.path))
        self.summary.follow(controller.state, [label.name for label in schema_labels])
        self.show_start_if_empty()
        self.search_panel.set_project(project, workspace.reader)
        self._build_actions()
        self.setWindowTitle(window_title(project.path, None))
        doc_id, caret = self.state.place(project.path)
        if doc_id is None or not is_stored(project.db.conn, doc_id):
            doc_id, caret = self.document_panel.doc_id_at(0), 0
        if doc_id is not None:
            self.open_document(doc_id, caret)

    def reload_documents(self) -> None:
        """The document list read again (after an import): the filter's answer, or every id."""
        panel = self.document_panel
        if panel.filter.text().strip():
            panel.refilter()
        else:
            panel.show_all(document_ids(self.project.db.conn, "", limit=panel.FIRST))
        self.show_start_if_empty()

    def reload_document(self) -> bool:
        """The open document as stored now, the caret kept; True when it had changed."""
        self._opening_caret = self.article.caret()
        reloaded = self.controller.reload_document()
        self._opening_caret = 0
        return reloaded

    def open_document(self, doc_id: int, caret: int = 0) -> None:
        self._save_place()
        self._opening_caret = caret
        self.controller.open_document(doc_id)
        self.document_panel.select(doc_id)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the state tells ------------------------------------------------

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.opened is not None:
            self._on_document_opened(changes.opened)
        elif changes.closed:
            self.article.show_document("", [], 0)
            self.setWindowTitle(window_title(self.project.path, None))
        self.refresh_enabled()

    def _on_document_opened(self, document: Document) -> None:
        caret, self._opening_caret = self._opening_caret, 0
        self.article.show_document(document.text, self.controller.spans, caret)
        self.document_panel.select(document.id or 0)  # also when undo brought it back
        if self.find_bar.isVisible():
            self.finder.refresh()
        self.setWindowTitle(window_title(self.project.path, document))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def show_analyst(self) -> None:
        """Stamp the open project's edits with the analyst's name, and show it."""
        name, fixed = analyst_name(self.workspace.project, self.state.analyst())
        self.workspace.controller.annotator = name
        self.analyst_label.show_name(name, fixed)

    # -- view signals --------------------------------------------------------

    def _on_document_chosen(self, doc_id: int) -> None:
        if self.controller.document is None or self.controller.document.id != doc_id:
            self.open_document(doc_id)

    def show_start_if_empty(self) -> None:
        """An empty project shows the ways in (import, sample, recent projects): no blank page."""
        if self.documents.rowCount() or has_documents(self.project.db.conn):
            self.center.setCurrentIndex(0)
            return
        self.start_view.set_recent(
            self.state.recent_projects(besides=self.project.path),
            sample=self.add_sample is not None,
        )
        self.center.setCurrentWidget(self.start_view)
        self.start_view.buttons["import_files"].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state ---------------------------------------------------------------

    def _save_place(self, workspace: Workspace | None = None) -> None:
        workspace = workspace or self.workspace
        document = workspace.controller.document
        if document is not None and document.id is not None:
            self.state.save_place(workspace.project.path, document.id, self.article.caret())

    def _restore_layout(self) -> None:
        if geometry := self.state.geometry():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        if state := self.state.window_state():
            self.restoreState(state)
        if side := self.state.side_splitter():
            self.side_panel.splitter.restoreState(side)
        if splitter := self.state.splitter():
            self.splitter.restoreState(splitter)
        else:
            QTimer.singleShot(0, lambda: self.splitter.setSizes([300, 800, 300]))
            self.resizeDocks([self.registry], [260], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_place()
        self.controller.stop()
        self.workspace.stop_workers()
        self.session.stop()
        self.state.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.state.save_side_splitter(self.side_panel.splitter.saveState())
        super().closeEvent(event)
