"""The main window: a shell that lays out the views and routes actions to the controller.

It owns no data: the project is behind the ``Controller``, lists are item
models, and every edit is an undo command pushed by the controller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Entity, Span, Status
from annotator.core.suggest import Suggestion
from annotator.gui import project_io
from annotator.gui.actions import ActionSpec, all_specs, build_action
from annotator.gui.article_view import ArticleView
from annotator.gui.check_dialog import check_report_dialog, damage_dialog
from annotator.gui.controller import Controller
from annotator.gui.entity_editor import EntityEditor
from annotator.gui.find_bar import FindBar
from annotator.gui.fonts import ARTICLE_FONT, DEFAULT_POINT_SIZE
from annotator.gui.label_styles import LabelStyles
from annotator.gui.linking import Linking, entity_text
from annotator.gui.models import (
    ID_ROLE,
    STATUS_TEXT,
    AnnotationModel,
    DocumentListModel,
    LabelModel,
    LinkModel,
)
from annotator.gui.panels import DocumentPanel, SidePanel
from annotator.gui.pickers import Picker, PickerItem, loose_filter
from annotator.gui.registry_panel import RegistryPanel
from annotator.gui.search_panel import SearchPanel
from annotator.gui.session import ProjectSession
from annotator.gui.shortcuts_dialog import ShortcutsDialog
from annotator.gui.window_state import WindowState
from annotator.storage.project import Project
from annotator.storage.safety import CheckReport
from annotator.storage.search import find_in_text

MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    def __init__(
        self, project: Project, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.state = WindowState(settings)
        self.documents = DocumentListModel(parent=self)
        self.labels = LabelModel(parent=self)
        self.annotations = AnnotationModel(self)
        self.article = ArticleView(
            LabelStyles(()), ARTICLE_FONT, self.state.point_size(DEFAULT_POINT_SIZE), self
        )
        self.document_panel = DocumentPanel(self.documents, self)
        self.link_model = LinkModel(self)
        self.side_panel = SidePanel(self.labels, self.annotations, self.link_model, self)
        self.registry = RegistryPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.registry)
        self.search_panel = SearchPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_panel)
        self.tabifyDockWidget(self.registry, self.search_panel)
        self.registry.raise_()
        self.linking = Linking(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.find_bar = FindBar(self)
        self._find_hits: list[tuple[int, int]] = []
        self._found: tuple[int, int] | None = None  # the match the find bar last selected
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(self.article, 1)
        center_layout.addWidget(self.find_bar)
        for widget, stretch in ((self.document_panel, 1), (center, 3), (self.side_panel, 1)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.actions_by_id: dict[str, QAction] = {}
        self.controller: Controller | None = None
        self.session: ProjectSession | None = None
        self._opening_caret = 0
        self.project: Project | None = None
        self._connect_views()
        self.loaded = self.load_project(project)
        self._restore_layout()

    # -- wiring --------------------------------------------------------------

    def _connect_views(self) -> None:
        self.document_panel.view.selectionModel().currentRowChanged.connect(
            self._on_documents_row_changed
        )
        self.side_panel.annotations.selectionModel().selectionChanged.connect(
            self._on_annotations_selection_changed
        )
        self.side_panel.annotations.activated.connect(self._on_annotation_activated)
        self.article.page_past_end.connect(self.next_document)
        self.article.page_before_start.connect(self.previous_document)
        self.article.selection_moved.connect(self._on_article_selection_moved)
        self.registry.mention_activated.connect(self._on_mention_activated)
        self.search_panel.hit_activated.connect(self._on_search_hit)
        self.find_bar.query_changed.connect(self._on_find_query)
        self.find_bar.next_requested.connect(lambda: self._step_find(+1))
        self.find_bar.previous_requested.connect(lambda: self._step_find(-1))
        self.find_bar.closed.connect(self._on_find_closed)

    def _build_actions(self) -> None:
        for action in self.actions_by_id.values():
            action.deleteLater()
        self.actions_by_id.clear()
        self.menuBar().clear()
        menus: dict[str, object] = {}
        scopes = {
            "article": self.article,
            "links": self.side_panel.links,
            "registry": self.registry.table,
        }
        assert self.project is not None
        self.specs = all_specs(self.project.schema.span_labels)
        for spec in self.specs:
            action = build_action(spec, self, scopes, self._trigger)
            self.actions_by_id[spec.id] = action
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(self.tr(spec.menu))
            menus[spec.menu].addAction(action)  # type: ignore[attr-defined]
        snap = self.actions_by_id["span.snap"]
        snap.setChecked(self.state.snap_to_words())
        self.actions_by_id["suggest.cues"].setChecked(self.state.suggest_cues())

    def _trigger(self, spec: ActionSpec) -> None:
        handler = getattr(self.linking if spec.target == "linking" else self, spec.handler)
        handler(spec.argument) if spec.argument is not None else handler()

    def load_project(self, project: Project) -> bool:
        """Show ``project``: a new controller, models refilled, last place restored.

        False (with the reason shown) when another window has the project open.
        """
        session = ProjectSession(project, self)
        # Connected before start(): its worker thread may report at once.
        session.check_finished.connect(self._report_check)  # after an unclean exit
        session.damage_found.connect(self._on_damage_found)
        if problem := session.start():
            QMessageBox.warning(self, self.tr("Project open elsewhere"), problem)
            return False
        if self.session is not None:
            self.session.stop()
        self.session = session
        session.changed_elsewhere.connect(self._on_changed_elsewhere)
        if self.controller is not None:
            self._save_place()
            self.controller.stop()
            self.controller.deleteLater()
        if self.project is not None and self.project is not project:
            self.project.close()
        self.project = project
        controller = Controller(project, self)
        controller.snap_to_words = self.state.snap_to_words()
        controller.suggest_cues = self.state.suggest_cues()
        controller.document_opened.connect(self._on_document_opened)
        controller.span_added.connect(self._on_span_added)
        controller.span_removed.connect(self._on_span_removed)
        controller.span_changed.connect(self._on_span_changed)
        controller.current_changed.connect(self._on_current_changed)
        controller.status_changed.connect(self._on_status_changed)
        controller.doc_attrs_changed.connect(self.documents.set_doc_attrs)
        controller.message.connect(self._show_message)
        controller.relations_changed.connect(self._show_links)
        controller.suggestions_changed.connect(self._show_suggestions)
        controller.entities_changed.connect(self.registry.refresh)
        self.controller = controller
        schema_labels = project.schema.span_labels
        self.article.set_styles(LabelStyles(schema_labels))
        self.labels.set_labels(schema_labels)
        self.annotations.set_colors(schema_labels)
        self.documents.reset(project.documents(), project.doc_attrs.all())
        self.registry.set_project(project)
        self.search_panel.set_project(project)
        self._build_actions()
        self.state.set_last_project(project.path)
        self.setWindowTitle(f"annotator — {project.path.name if project.path else 'memory'}")
        doc_id, caret = self.state.place(project.path)
        if doc_id is None or self.documents.row_of(doc_id) is None:
            doc_id, caret = self.document_panel.doc_id_at(0), 0
        if doc_id is not None:
            self.open_document(doc_id, caret)
        return True

    def _report_check(self, report: CheckReport | None) -> None:
        """After an unclean exit: say what the check of the project found."""
        if report is None:
            return
        if report.ok:
            self._show_message(
                self.tr("The last session did not end cleanly.") + " " + report.summary()
            )
        else:
            check_report_dialog(self, report).open()

    def _on_damage_found(self, message: str) -> None:
        """The opening check of a large project found damage: nothing will be written."""
        damage_dialog(self, message).open()

    def _on_changed_elsewhere(self) -> None:
        """Another process wrote to the project (an import from the command line): refresh."""
        assert self.project is not None
        self.documents.reset(self.project.documents(), self.project.doc_attrs.all())
        if self.controller and self.controller.document and self.controller.document.id:
            self.document_panel.select(self.controller.document.id)
        self.registry.refresh()
        self._show_message(
            self.tr("The project changed outside this window; the lists are updated.")
        )

    def open_document(self, doc_id: int, caret: int = 0) -> None:
        assert self.controller is not None
        self._save_place()
        self._opening_caret = caret
        self.controller.open_document(doc_id)
        self.document_panel.select(doc_id)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- controller signals --------------------------------------------------

    def _on_document_opened(self, document: Document) -> None:
        assert self.controller is not None
        caret, self._opening_caret = self._opening_caret, 0
        self.article.show_document(document.text, self.controller.spans, caret)
        self.document_panel.select(document.id or 0)  # also when undo brought it back
        if self.find_bar.isVisible():
            self._on_find_query(self.find_bar.edit.text())
        self.annotations.reset(self.controller.spans)
        self.labels.set_counts(self.controller.counts())
        self.status_label.setText(f"#{document.id} · {STATUS_TEXT[document.status]}")

    def _on_span_added(self, span: Span) -> None:
        assert self.controller is not None
        self.article.add_span(span)
        self.annotations.insert(self.controller.spans.index(span), span)
        self._counts_changed(span.doc_id, +1)

    def _on_span_removed(self, span: Span) -> None:
        self.article.remove_span(span)
        self.annotations.remove(span.id or 0)
        self._counts_changed(span.doc_id, -1)

    def _on_span_changed(self, old: Span, new: Span) -> None:
        assert self.controller is not None
        self.article.remove_span(old)
        self.article.add_span(new)
        self.annotations.remove(old.id or 0)
        self.annotations.insert(self.controller.spans.index(new), new)
        self.labels.set_counts(self.controller.counts())

    def _counts_changed(self, doc_id: int | None, delta: int) -> None:
        assert self.controller is not None
        self.labels.set_counts(self.controller.counts())
        if doc_id is not None:
            self.documents.update(doc_id, span_delta=delta)

    def _on_current_changed(self, span: Span | None) -> None:
        self._show_links()
        table = self.side_panel.annotations
        row = self.annotations.row_of(span.id or 0) if span else None
        table.selectionModel().blockSignals(True)
        if row is None:
            table.clearSelection()
        else:
            table.selectRow(row)
            table.scrollTo(self.annotations.index(row, 0))
        table.selectionModel().blockSignals(False)

    def _show_links(self) -> None:
        """The current span's links: listed beside the text and marked in it."""
        controller = self.controller
        if controller is None:
            return
        span = controller.current
        links = controller.links_of(span) if span else []
        by_id = {s.id: s for s in controller.spans if s.id is not None}
        self.link_model.reset(span, links, by_id)
        colors = {lb.name: lb.color for lb in controller.project.schema.relation_labels}
        linked = []
        for relation in links:
            other = by_id.get(relation.tail if relation.head == span.id else relation.head)  # type: ignore[union-attr]
            if other is not None:
                linked.append((other, colors.get(relation.label, "#888888")))
        self.article.set_current(span, linked)

    def _on_mention_activated(self, doc_id: int, span_id: int) -> None:
        assert self.controller is not None
        self.open_document(doc_id)
        span = self.controller.span_by_id(span_id)
        if span is not None:
            self.controller.set_current(span)
            self.article.setFocus()

    def _on_status_changed(self, doc_id: int, status: Status) -> None:
        self.documents.update(doc_id, status=status)
        if self.controller and self.controller.document and self.controller.document.id == doc_id:
            self.status_label.setText(f"#{doc_id} · {STATUS_TEXT[status]}")

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    # -- view signals --------------------------------------------------------

    def _on_documents_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.document_panel.doc_id_at(current.row())
        if (
            doc_id is not None
            and self.controller
            and (self.controller.document is None or self.controller.document.id != doc_id)
        ):
            self.open_document(doc_id)

    def _on_annotations_selection_changed(self) -> None:
        rows = self.side_panel.annotations.selectionModel().selectedRows()
        if rows:
            self._on_annotation_activated(rows[0])

    def _on_annotation_activated(self, index: QModelIndex) -> None:
        """Selecting an annotation in the list selects (and scrolls to) it in the text."""
        if self.controller is None or not index.isValid():
            return
        span = self.controller.span_by_id(index.data(ID_ROLE))
        if span is not None:
            self.controller.set_current(span)
            self.article.set_current(span)

    def _on_article_selection_moved(self) -> None:
        """A selection that no longer covers the current span leaves it."""
        current = self.controller.current if self.controller else None
        if current is not None and self.article.selection_range() != (current.start, current.end):
            self.controller.set_current(None)  # type: ignore[union-attr]

    # -- action handlers (named in gui/actions.py) ---------------------------

    def apply_label(self, label: str, *, exact: bool = False) -> None:
        """A label key. A match selected by the find bar is tagged as found, not snapped:
        "أذربيجان" found inside "وأذربيجان" stays without its و."""
        assert self.controller is not None
        selection = self.article.selection_range()
        exact = exact or selection == self._found
        self.controller.apply_label(label, selection, exact=exact)

    def apply_label_exact(self, label: str) -> None:
        self.apply_label(label, exact=True)

    def tag_all_occurrences(self) -> None:
        self.controller.tag_all_occurrences()  # type: ignore[union-attr]

    def delete_span(self) -> None:
        self.controller.delete_current()  # type: ignore[union-attr]

    def strip_proclitic(self) -> None:
        self.controller.strip_proclitic_of_current()  # type: ignore[union-attr]

    def next_span(self, backwards: bool = False) -> None:
        assert self.controller is not None
        span = self.controller.span_after(self.article.caret(), backwards=backwards)
        if span is None:
            self._show_message(self.tr("No spans in this document yet."))
        self.controller.set_current(span)

    def previous_span(self) -> None:
        self.next_span(backwards=True)

    def clear_selection(self) -> None:
        assert self.controller is not None
        self.controller.set_current(None)
        self.article.set_caret(self.article.caret())

    def toggle_snap(self) -> None:
        on = self.actions_by_id["span.snap"].isChecked()
        self.state.set_snap_to_words(on)
        if self.controller:
            self.controller.snap_to_words = on

    def undo(self) -> None:
        self.controller.undo_stack.undo()  # type: ignore[union-attr]

    def redo(self) -> None:
        self.controller.undo_stack.redo()  # type: ignore[union-attr]

    def _step_document(self, step: int) -> None:
        if self.controller is None or self.controller.document is None:
            return
        row = self.document_panel.proxy_row_of(self.controller.document.id or 0)
        doc_id = self.document_panel.doc_id_at((row if row is not None else -1) + step)
        if doc_id is None:
            self._show_message(
                self.tr("This is the last document.")
                if step > 0
                else self.tr("This is the first document.")
            )
            return
        self.open_document(doc_id)

    def next_document(self) -> None:
        self._step_document(+1)

    def previous_document(self) -> None:
        self._step_document(-1)

    def done_and_next(self) -> None:
        """Mark this document done and open the next one (in list order) not done."""
        assert self.controller is not None
        if self.controller.document is None:
            return
        self.controller.set_status(Status.DONE)
        start = self.document_panel.proxy_row_of(self.controller.document.id or 0) or 0
        total = self.document_panel.proxy.rowCount()
        for step in range(1, total):
            row = (start + step) % total
            doc_id = self.document_panel.doc_id_at(row)
            if (
                doc_id is not None
                and self.documents.summary(self.documents.row_of(doc_id) or 0).status
                is not Status.DONE
            ):
                self.open_document(doc_id)
                return
        self._show_message(self.tr("All documents are done."))

    def focus_article(self) -> None:
        self.article.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_suggestions(self) -> None:
        assert self.controller is not None
        self.article.set_suggestions(
            [(s.start, s.end, s.label) for s in self.controller.suggestions]
        )

    def next_suggestion(self) -> None:
        """Select the next proposal; Y accepts it, X rejects it, Shift+Y accepts all alike."""
        assert self.controller is not None
        suggestion = self.controller.suggestion_after(self.article.selection_range()[0])
        if suggestion is None:
            self._show_message(self.tr("No suggestions in this document."))
            return
        self.article.select_range(suggestion.start, suggestion.end)
        self._show_message(f"{suggestion.label}: {suggestion.text}")

    def _selected_suggestion(self) -> Suggestion | None:
        assert self.controller is not None
        suggestion = self.controller.suggestion_at(self.article.selection_range())
        if suggestion is None:
            self._show_message(self.tr("Select a suggestion first (N goes to the next one)."))
        return suggestion

    def accept_suggestion(self, all_alike: bool = False) -> None:
        if (suggestion := self._selected_suggestion()) is not None:
            self.controller.accept(suggestion, all_alike=all_alike)  # type: ignore[union-attr]

    def accept_all_alike(self) -> None:
        self.accept_suggestion(all_alike=True)

    def reject_suggestion(self) -> None:
        if (suggestion := self._selected_suggestion()) is not None:
            self.controller.reject(suggestion)  # type: ignore[union-attr]
            self.next_suggestion()

    def toggle_cue_suggestions(self) -> None:
        on = self.actions_by_id["suggest.cues"].isChecked()
        self.state.set_suggest_cues(on)
        if self.controller:
            self.controller.suggest_cues = on
            self.controller.refresh_suggestions()

    def search_corpus(self) -> None:
        self.search_panel.open()

    def _on_search_hit(self, doc_id: int, start: int, end: int) -> None:
        """Open the hit's document with the hit selected (a label key tags it, as found)."""
        self.open_document(doc_id)
        self.article.select_range(start, end)
        self._found = (start, end)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_in_article(self) -> None:
        self.find_bar.open()
        self._on_find_query(self.find_bar.edit.text())

    def _on_find_query(self, query: str) -> None:
        """Mark every match of ``query`` in this article and select the first after the caret."""
        document = self.controller.document if self.controller else None
        self._find_hits = find_in_text(document.text, query) if document and query.strip() else []
        self.article.set_search_hits(self._find_hits)
        if self._find_hits:
            caret = self.article.selection_range()[0]
            index = next((i for i, (s, _) in enumerate(self._find_hits) if s >= caret), 0)
            self._select_hit(index)
        else:
            self.find_bar.show_count(0, 0)

    def _step_find(self, step: int) -> None:
        if not self._find_hits:
            return
        start = self.article.selection_range()[0]
        current = next(
            (i for i, (s, _) in enumerate(self._find_hits) if s == start), -1 if step > 0 else 0
        )
        self._select_hit((current + step) % len(self._find_hits))

    def _select_hit(self, index: int) -> None:
        start, end = self._find_hits[index]
        self.article.select_range(start, end)
        self._found = (start, end)
        self.find_bar.show_count(index + 1, len(self._find_hits))

    def _on_find_closed(self) -> None:
        """Back to the article; the selected match stays selected, ready for a label key."""
        self._find_hits = []
        self.article.set_search_hits([])
        self.article.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_links(self) -> None:
        self.side_panel.links.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.link_model.rowCount() and not self.side_panel.links.selectionModel().hasSelection():
            self.side_panel.links.selectRow(0)

    def focus_entities(self) -> None:
        self.registry.show()
        self.registry.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.registry.model.rowCount() and self.registry.selected() is None:
            self.registry.table.selectRow(0)

    def edit_entity(self) -> None:
        """Edit the entity selected in the registry: names, type, ids, notes."""
        assert self.controller is not None
        entity = self.registry.selected()
        if entity is None:
            self._show_message(self.tr("Select an entity first."))
            return
        editor = EntityEditor(entity, self)
        if editor.exec():
            self.controller.update_entity(entity, editor.entity())

    def merge_entities(self) -> None:
        """Merge another entity (picked) into the one selected in the registry."""
        assert self.controller is not None
        keep = self.registry.selected()
        if keep is None:
            self._show_message(self.tr("Select the entity to keep first."))
            return
        items = [PickerItem(entity_text(e), e) for e in self.registry.others(keep)]
        picker = Picker(self.tr("Merge into %s…") % keep.name, loose_filter(items), self)
        if picker.exec() and isinstance(picker.chosen, Entity):
            self.controller.merge_entities(keep, picker.chosen)

    def focus_filter(self) -> None:
        self.document_panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.document_panel.filter.selectAll()

    def zoom_in(self, step: int = 1) -> None:
        self.state.set_point_size(self.article.set_point_size(self.article.point_size() + step))

    def zoom_out(self) -> None:
        self.zoom_in(-1)

    def zoom_reset(self) -> None:
        self.state.set_point_size(self.article.set_point_size(DEFAULT_POINT_SIZE))

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.specs, self).exec()

    def import_files(self, folder: bool = False) -> None:
        paths = project_io.ask_import_folder(self) if folder else project_io.ask_import_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        self.import_files(folder=True)

    def import_paths(self, paths: list[Path]) -> None:
        assert self.project is not None
        report = project_io.run_import(self, self.project, paths)
        self.documents.reset(self.project.documents(), self.project.doc_attrs.all())
        if self.controller and self.controller.document:
            self.document_panel.select(self.controller.document.id or 0)
        elif report.imported:
            self.open_document(self.document_panel.doc_id_at(0) or 0)
        self._show_message(self.tr("Imported %n document(s).", "", report.imported))

    def export_jsonl(self) -> None:
        assert self.project is not None
        report = project_io.run_export(self, self.project)
        if report:
            self._show_message(report.lines()[0])

    def open_project(self, new: bool = False) -> None:
        path = project_io.ask_project(self, new=new)
        if path is None:
            return
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Open project"), str(exc))
            return
        if not self.load_project(project):
            project.close()

    def new_project(self) -> None:
        self.open_project(new=True)

    # -- state ---------------------------------------------------------------

    def _save_place(self) -> None:
        if (
            self.controller
            and self.controller.document
            and self.controller.document.id is not None
            and self.project
        ):
            self.state.save_place(
                self.project.path, self.controller.document.id, self.article.caret()
            )

    def _restore_layout(self) -> None:
        if geometry := self.state.geometry():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        if state := self.state.window_state():
            self.restoreState(state)
        if splitter := self.state.splitter():
            self.splitter.restoreState(splitter)
        else:
            QTimer.singleShot(0, lambda: self.splitter.setSizes([300, 800, 300]))
            self.resizeDocks([self.registry], [260], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_place()
        if self.controller is not None:
            self.controller.stop()
        if self.session is not None:
            self.session.stop()
        self.state.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        super().closeEvent(event)
