"""Editing a registry entity: name, type, aliases, Wikidata and GeoNames ids, notes."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import Entity

_ALIAS_SPLIT = re.compile("[,،;؛\n]")
_QID = re.compile(r"Q[1-9][0-9]*")


class EntityEditor(QDialog):
    """Tab between the fields, Enter saves, Escape leaves the entity as it was."""

    def __init__(self, entity: Entity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entity_editor")
        self.setWindowTitle(self.tr("Entity"))
        self._entity = entity
        self.name = QLineEdit(entity.name, self)
        self.type = QLineEdit(entity.type, self)
        self.aliases = QLineEdit("، ".join(entity.aliases), self)
        self.aliases.setPlaceholderText(self.tr("other names, separated by ، or ,"))
        self.wikidata = QLineEdit(entity.wikidata or "", self)
        self.wikidata.setPlaceholderText("Q227")
        self.geonames = QLineEdit(entity.geonames or "", self)
        for latin in (self.wikidata, self.geonames):  # ids read left to right in either language
            latin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.notes = QLineEdit(entity.notes, self)
        form = QFormLayout()
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("Type"), self.type),
            (self.tr("Aliases"), self.aliases),
            (self.tr("Wikidata QID"), self.wikidata),
            (self.tr("GeoNames id"), self.geonames),
            (self.tr("Notes"), self.notes),
        ):
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("An entity needs a name.")
        qid = self.wikidata.text().strip()
        if qid and not _QID.fullmatch(qid):
            return self.tr("A Wikidata id looks like Q227.")
        geonames = self.geonames.text().strip()
        if geonames and not geonames.isdigit():
            return self.tr("A GeoNames id is a number.")
        return None

    def entity(self) -> Entity:
        aliases = tuple(a.strip() for a in _ALIAS_SPLIT.split(self.aliases.text()) if a.strip())
        return replace(
            self._entity,
            name=self.name.text().strip(),
            type=self.type.text().strip(),
            aliases=aliases,
            wikidata=self.wikidata.text().strip() or None,
            geonames=self.geonames.text().strip() or None,
            notes=self.notes.text().strip(),
        )

    def accept(self) -> None:
        if problem := self.problem():
            self.setWindowTitle(problem)
            return
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
