"""The dialogs that report a project check: after an unclean exit, and damage at opening.

Both stay small whatever was found (a damaged file can have hundreds of
problems, each a long line): one short verdict, what to do, and the problem
lines under "Show Details..." in a scrolling box, so the dialog and its OK
button fit a 1366x768 screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.gui.i18n import tr
from annotator.storage.safety import CheckReport

# A verdict longer than this is cut (its whole text is in the details).
MAX_TEXT = 300


def _box(parent: QWidget | None, title: str, text: str, details: list[str]) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    short = text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
    box.setText(short)
    if details:
        box.setDetailedText("\n".join(details))
    return box


def check_report_dialog(parent: QWidget | None, report: CheckReport) -> QMessageBox:
    """After an unclean exit, the check found damage: the verdict and every problem."""
    text = tr("The last session did not end cleanly.") + " " + report.summary()
    hint = tr("'annotator backups' lists the backups; 'annotator check' lists every problem.")
    box = _box(parent, tr("Project check"), text, report.problems)
    box.setInformativeText(hint)
    return box


def damage_dialog(parent: QWidget | None, message: str) -> QMessageBox:
    """The opening check found the file damaged: nothing will be written to it."""
    head, _, rest = message.partition("; nothing was changed; ")
    text = tr("The project file is damaged: nothing will be saved to it.")
    box = _box(parent, tr("Damaged project"), text, [head, rest] if rest else [head])
    if rest:
        box.setInformativeText((rest[:1].upper() + rest[1:])[:MAX_TEXT] + ".")
    return box
