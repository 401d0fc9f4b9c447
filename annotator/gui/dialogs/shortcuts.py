"""The F1 sheet: every shortcut, generated from the actions table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.action_spec import ActionSpec, shortcut_text
from annotator.gui.i18n import QT_TRANSLATE_NOOP, tr

EXTRA_KEYS = (
    ("Shift+Arrows", QT_TRANSLATE_NOOP("shortcuts", "Extend the selection by a letter or a line")),
    (
        "Ctrl+Shift+Arrows",
        QT_TRANSLATE_NOOP(
            "shortcuts", "Extend the selection by a word (in Arabic lines Left moves forward)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "PageDown / PageUp at the end / start"),
        QT_TRANSLATE_NOOP("shortcuts", "Next / previous document"),
    ),
)
WHERE = {
    "links": QT_TRANSLATE_NOOP("shortcuts", " (links list)"),
    "registry": QT_TRANSLATE_NOOP("shortcuts", " (entities list)"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("shortcuts", "Menu"),
    QT_TRANSLATE_NOOP("shortcuts", "Action"),
    QT_TRANSLATE_NOOP("shortcuts", "Keys"),
)


def marked(text: str) -> str:
    """One of the texts marked above, translated."""
    return QCoreApplication.translate("shortcuts", text)


def shortcut_model(specs: Sequence[ActionSpec]) -> QStandardItemModel:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels([marked(h) for h in HEADERS])
    for spec in specs:
        text = QCoreApplication.translate("actions", spec.text).replace("&", "")
        where = marked(WHERE[spec.scope]) if spec.scope in WHERE else ""
        model.appendRow(
            [
                QStandardItem(QCoreApplication.translate("menus", spec.menu).replace("&", "")),
                QStandardItem(text),
                QStandardItem(shortcut_text(spec) + where),
            ]
        )
    article = tr("Article")
    for keys, text in EXTRA_KEYS:
        model.appendRow(
            [QStandardItem(article), QStandardItem(marked(text)), QStandardItem(marked(keys))]
        )
    for row in range(model.rowCount()):
        for column in range(3):
            model.item(row, column).setEditable(False)
    return model


def markdown_sheet(specs: Sequence[ActionSpec]) -> str:
    """The same sheet as Markdown, for docs/keyboard.md and docs/keyboard.ar.md (tests keep
    them in step)."""
    model = shortcut_model(specs)
    lines = [
        "# " + tr("Keyboard reference"),
        "",
        tr("Generated from the actions table (`annotator/gui/actions.py`);"),
        tr("F1 in the window shows the same."),
        tr("Label keys follow the project's schema; these are the default schema's."),
        "",
        "| " + " | ".join(marked(h) for h in HEADERS) + " |",
        "|---|---|---|",
    ]
    for row in range(model.rowCount()):
        cells = [model.item(row, column).text().replace("|", "\\|") for column in range(3)]
        lines.append("| " + " | ".join(cells) + " |")
    if QGuiApplication.isRightToLeft():  # the Arabic sheet reads right to left where shown
        lines = ['<div dir="rtl">', "", *lines, "", "</div>"]
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
