"""The panels beside the article: what they show follows what the analyst is on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

WORDS = ("أذربيجان", "أرمينيا", "موسكو", "الإقليم")


def painted_selected_rows(table) -> list[int]:
    """Rows the table paints in the selection colour: what the analyst sees selected."""
    image = table.viewport().grab().toImage()
    colors = {
        table.palette().color(group, QPalette.ColorRole.Highlight).rgb()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    }
    rows = []
    for row in range(table.model().rowCount()):
        rect = table.visualRect(table.model().index(row, 1))
        if rect.isValid() and image.pixelColor(rect.right() - 2, rect.center().y()).rgb() in colors:
            rows.append(row)
    return rows


def test_the_annotations_table_follows_the_current_span(qtbot, window):
    text = window.controller.document.text
    for word in WORDS:
        at = text.index(word)
        window.article.select_range(at, at + len(word))
        qtbot.keyClick(window.article, Qt.Key.Key_3)
    table = window.side_panel.annotations
    previous = window.annotations.row_of(window.controller.current.id)
    for _ in range(len(WORDS) + 2):
        # The view repaints only rows it is told about: the selection model must say so.
        with qtbot.waitSignal(table.selectionModel().selectionChanged, timeout=2000) as told:
            qtbot.keyClick(window.article, Qt.Key.Key_Tab)
        current = window.controller.current
        row = window.annotations.row_of(current.id)
        selected, deselected = told.args
        assert {i.row() for i in selected.indexes()} == {row}
        assert {i.row() for i in deselected.indexes()} == {previous}
        assert [i.row() for i in table.selectionModel().selectedRows()] == [row]
        assert painted_selected_rows(table) == [row]
        previous = row
    with qtbot.waitSignal(table.selectionModel().selectionChanged, timeout=2000):
        qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert table.selectionModel().selectedRows() == []
    assert painted_selected_rows(table) == []


def test_making_an_entity_keeps_the_current_span(qtbot, window):
    """E, Ctrl+Enter on an actor inside a claim: the actor stays current, in text and table."""
    from tests.gui.test_attribution import back_to, in_dialogs, tag

    claim = tag(qtbot, window, "تم إطلاق صواريخ باليستية من الأراضي الأرمينية", Qt.Key.Key_1)
    actor = tag(qtbot, window, "الأراضي الأرمينية", Qt.Key.Key_2)
    # Rows sort by position: the claim's row comes just before the actor's.
    assert window.annotations.row_of(claim) == window.annotations.row_of(actor) - 1
    back_to(qtbot, window)
    with in_dialogs(qtbot, [(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)]):
        qtbot.keyClick(window.article, Qt.Key.Key_E)
    back_to(qtbot, window)
    assert window.project.span(actor).entity_id is not None
    assert window.controller.current.id == actor
    table = window.side_panel.annotations
    assert [i.row() for i in table.selectionModel().selectedRows()] == [
        window.annotations.row_of(actor)
    ]
    span = window.project.span(actor)
    assert window.article.selection_range() == (span.start, span.end)


def test_panels_show_full_text_cut_in_the_middle_with_a_tooltip(qtbot, window):
    from tests.gui.test_attribution import tag

    claim_text = "تم إطلاق صواريخ باليستية من الأراضي الأرمينية اليوم باتجاه مناطق داخل أذربيجان"
    claim = tag(qtbot, window, claim_text, Qt.Key.Key_1)
    tables = [
        window.side_panel.labels,
        window.side_panel.annotations,
        window.side_panel.links,
        window.document_panel.view,
        window.registry.table,
    ]
    assert {t.textElideMode() for t in tables} == {Qt.TextElideMode.ElideMiddle}
    model = window.annotations
    index = model.index(model.row_of(claim), 0)
    assert claim_text in model.data(index, Qt.ItemDataRole.ToolTipRole)
    title = window.documents.index(0, 0)
    assert window.documents.data(title, Qt.ItemDataRole.ToolTipRole).startswith(
        window.documents.data(title)
    )
    # The label column fits the longest label name beside its colour swatch: no "ACT…".
    table = window.side_panel.annotations
    widest = max(table.fontMetrics().horizontalAdvance(n) for n in ("LOCATION", "CLAIM"))
    assert table.horizontalHeader().sectionSize(1) >= widest + 16


def test_panel_sizes_are_remembered(qtbot, gui_project, settings):
    from annotator.gui.main_window import MainWindow
    from tests.gui.conftest import show

    first = show(qtbot, MainWindow(gui_project, settings))
    first.side_panel.splitter.setSizes([150, 150, 400])  # not the default 1:3:1
    wanted = first.side_panel.splitter.sizes()
    first.close()
    second = show(qtbot, MainWindow(gui_project, settings))
    got = second.side_panel.splitter.sizes()
    # The same shares of the height (the window around them may differ by a few pixels).
    shares = [(a / sum(got), b / sum(wanted)) for a, b in zip(got, wanted, strict=True)]
    assert all(abs(a - b) < 0.02 for a, b in shares), (got, wanted)
    second.close()


def test_the_document_filter_sees_a_status_changed_after_it_answered(qtbot, window):
    panel = window.document_panel

    def filter_for(text: str) -> list[int]:
        with qtbot.waitSignal(panel.filtered, timeout=10000, check_params_cb=text.__eq__):
            panel.filter.setText(text)
        return window.documents.ids()

    assert filter_for("done") == []  # none done yet
    window.navigation.focus_article()
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert filter_for("don") == [1] and filter_for("done") == [1]
    assert window.documents.summary(0).title == window.project.document(1).title
    assert 1 in filter_for("قرة باغ")  # Arabic spelling folded: قرة matches قره too
