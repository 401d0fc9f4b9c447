"""Moving about: documents (Alt+Up/Down, Ctrl+Enter), focus keys, zoom, F1 sheet, About."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from annotator.core.models import Status
from annotator.gui.dialogs.about import AboutDialog
from annotator.gui.dialogs.shortcuts import ShortcutsDialog
from annotator.gui.fonts import DEFAULT_POINT_SIZE
from annotator.gui.shell import Shell
from annotator.storage.document_list import first_not_done


class Navigation(QObject):
    """The handlers of the Navigate and View menus."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def _step_document(self, step: int) -> None:
        if self.w.controller.document is None:
            return
        row = self.w.document_panel.row_of(self.w.controller.document.id or 0)
        doc_id = self.w.document_panel.doc_id_at((row if row is not None else -1) + step)
        if doc_id is None:
            self.w.show_message(
                self.tr("This is the last document.")
                if step > 0
                else self.tr("This is the first document.")
            )
            return
        self.w.open_document(doc_id)

    def next_document(self) -> None:
        self._step_document(+1)

    def previous_document(self) -> None:
        self._step_document(-1)

    def done_and_next(self) -> None:
        """Mark this document done and open the next one (in list order) not done."""
        if self.w.controller.document is None:
            return
        doc_id = self.w.controller.document.id
        self.w.controller.set_status(Status.DONE)
        ids = self.w.documents.ids()
        row = self.w.documents.row_of(doc_id) if doc_id is not None else None
        # The rows after this one, then from the top; this one last of all (not at all).
        after = ids[row + 1 :] + ids[:row] if row is not None else ids
        following = first_not_done(self.w.project.db.conn, after)
        if following is None and self.w.document_panel.filter.text().strip():
            # Others, outside the filter, may be left to do.
            self.w.show_message(self.tr("Every document in the filtered list is done."))
        elif following is None:
            self.w.show_message(self.tr("All documents are done."))
        else:
            self.w.open_document(following)

    def focus_article(self) -> None:
        self.w.article.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_links(self) -> None:
        self.w.side_panel.links.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if (
            self.w.link_model.rowCount()
            and not self.w.side_panel.links.selectionModel().hasSelection()
        ):
            self.w.side_panel.links.selectRow(0)

    def focus_filter(self) -> None:
        self.w.document_panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.w.document_panel.filter.selectAll()

    def zoom_in(self, step: int = 1) -> None:
        self.w.state.set_point_size(
            self.w.article.set_point_size(self.w.article.point_size() + step)
        )

    def zoom_out(self) -> None:
        self.zoom_in(-1)

    def zoom_reset(self) -> None:
        self.w.state.set_point_size(self.w.article.set_point_size(DEFAULT_POINT_SIZE))

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.w.specs, self.w.widget).exec()

    def set_language(self, language: str) -> None:
        """Remembered for the next start: the layout and every text are made at start."""
        self.w.state.set_language(language)
        for code in ("ar", "en"):
            self.w.actions_by_id[f"view.lang.{code}"].setChecked(code == language)
        self.w.show_message(self.tr("The interface language changes at the next start."))

    def toggle_arabic_indic_digits(self) -> None:
        on = self.w.actions_by_id["view.digits"].isChecked()
        self.w.state.set_arabic_indic_digits(on)
        self.w.show_message(self.tr("The digits change at the next start."))

    def show_about(self) -> None:
        AboutDialog(self.w.widget).exec()
