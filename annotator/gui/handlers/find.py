"""Find in the article (Ctrl+F) and hits opened from the corpus search (Ctrl+Shift+F)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from annotator.gui.shell import Shell
from annotator.storage.search import find_in_text


class ArticleFind(QObject):
    """Marks every match in the article and steps through them; ``found`` is the match last selected
    (a label key tags it as found, not snapped)."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell
        self._find_hits: list[tuple[int, int]] = []
        self.found: tuple[int, int] | None = None  # the match the find bar last selected

    def connect_views(self) -> None:
        self.w.search_panel.hit_activated.connect(self._on_search_hit)
        self.w.find_bar.query_changed.connect(self._on_find_query)
        self.w.find_bar.next_requested.connect(lambda: self._step_find(+1))
        self.w.find_bar.previous_requested.connect(lambda: self._step_find(-1))
        self.w.find_bar.closed.connect(self._on_find_closed)

    def refresh(self) -> None:
        """Another document is shown: its matches of the same query."""
        self._on_find_query(self.w.find_bar.edit.text())

    def search_corpus(self) -> None:
        self.w.search_panel.open()

    def _on_search_hit(self, doc_id: int, start: int, end: int) -> None:
        """Open the hit's document with the hit selected (a label key tags it, as found)."""
        self.w.open_document(doc_id)
        self.w.article.select_range(start, end)
        self.found = (start, end)
        self.w.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_in_article(self) -> None:
        self.w.find_bar.open()
        self._on_find_query(self.w.find_bar.edit.text())

    def _on_find_query(self, query: str) -> None:
        """Mark every match of ``query`` in this article and select the first after the caret."""
        document = self.w.controller.document
        self._find_hits = find_in_text(document.text, query) if document and query.strip() else []
        self.w.article.set_search_hits(self._find_hits)
        if self._find_hits:
            caret = self.w.article.selection_range()[0]
            index = next((i for i, (s, _) in enumerate(self._find_hits) if s >= caret), 0)
            self._select_hit(index)
        else:
            self.w.find_bar.show_count(0, 0)

    def _step_find(self, step: int) -> None:
        if not self._find_hits:
            return
        start = self.w.article.selection_range()[0]
        current = next(
            (i for i, (s, _) in enumerate(self._find_hits) if s == start), -1 if step > 0 else 0
        )
        self._select_hit((current + step) % len(self._find_hits))

    def _select_hit(self, index: int) -> None:
        start, end = self._find_hits[index]
        self.w.article.select_range(start, end)
        self.found = (start, end)
        self.w.find_bar.show_count(index + 1, len(self._find_hits))

    def _on_find_closed(self) -> None:
        """Back to the article; the selected match stays selected, ready for a label key."""
        self._find_hits = []
        self.w.article.set_search_hits([])
        self.w.article.setFocus(Qt.FocusReason.ShortcutFocusReason)
