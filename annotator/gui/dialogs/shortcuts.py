"""The F1 sheet: every shortcut, generated from the actions table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.action_spec import ActionSpec, shortcut_text

EXTRA_KEYS = (
    ("Shift+Arrows", "Extend the selection by a letter or a line"),
    ("Ctrl+Shift+Arrows", "Extend the selection by a word (in Arabic lines Left moves forward)"),
    ("PageDown / PageUp at the end / start", "Next / previous document"),
)


WHERE = {"links": " (links list)", "registry": " (entities list)"}


def shortcut_model(specs: Sequence[ActionSpec]) -> QStandardItemModel:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
    for spec in specs:
        text = QCoreApplication.translate("actions", spec.text).replace("&", "")
        model.appendRow(
            [
                QStandardItem(spec.menu.replace("&", "")),
                QStandardItem(text),
                QStandardItem(shortcut_text(spec) + WHERE.get(spec.scope, "")),
            ]
        )
    for keys, text in EXTRA_KEYS:
        model.appendRow([QStandardItem("Article"), QStandardItem(text), QStandardItem(keys)])
    for row in range(model.rowCount()):
        for column in range(3):
            model.item(row, column).setEditable(False)
    return model


def markdown_sheet(specs: Sequence[ActionSpec]) -> str:
    """The same sheet as Markdown, for docs/keyboard.md (a test keeps the two in step)."""
    model = shortcut_model(specs)
    lines = [
        "# Keyboard reference",
        "",
        "Generated from the actions table (`annotator/gui/actions.py`);",
        "F1 in the window shows the same.",
        "Label keys follow the project's schema; these are the default schema's.",
        "",
        "| Menu | Action | Keys |",
        "|---|---|---|",
    ]
    for row in range(model.rowCount()):
        cells = [model.item(row, column).text().replace("|", "\\|") for column in range(3)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


class ShortcutsDialog(QDialog):
    def __init__(self, specs: Sequence[ActionSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        view = QTableView(self)
        view.setModel(shortcut_model(specs))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
