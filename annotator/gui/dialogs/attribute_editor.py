"""The attribute editor: every attribute of a span, a link or a document, set with single keys.

Each choice attribute is a row of keyed values ("a asserted · h hedged · ...");
typing a key sets it, Backspace clears it, Tab and Shift+Tab move between
rows, Enter saves (one undoable edit), Escape leaves everything as it was.
A key works on the Arabic and the Latin layout alike (``core.keyboard``): an
Arabic key is shown with its Latin twin. A document attribute that holds
several values (topics) toggles a value per key and stays on its row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.keyboard import matches, twin
from annotator.core.models import AttributeSpec, AttributeType, Label
from annotator.core.text import paragraph_direction

BOOL_CHOICES = (("y", True), ("n", False))
_LRM = "\u200e"
_FOCUSED = "QLabel { border: 2px solid palette(highlight); padding: 3px; }"
_UNFOCUSED = "QLabel { border: 2px solid transparent; padding: 3px; }"


class ChoiceField(QLabel):
    """A focusable row of keyed choices; the chosen one is shown in brackets.

    Signals:
        value_changed(object): the new value (None when cleared).
    """

    value_changed = Signal(object)

    def __init__(
        self, choices: tuple[tuple[str, Any], ...], value: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # long lists (actor types) wrap instead of being cut
        self._choices = choices
        self._value = value if value in {v for _, v in choices} else None
        self.setStyleSheet(_UNFOCUSED)  # the same box size focused or not
        self._render()

    def value(self) -> Any:
        return self._value

    def _chosen(self, value: Any) -> bool:
        return value == self._value and self._value is not None

    def _render(self) -> None:
        parts = []
        for key, value in self._choices:
            text = "yes" if value is True else "no" if value is False else str(value)
            shown = f"{key} ({other})" if not key.isascii() and (other := twin(key)) else key
            parts.append(f"[{shown} {text}]" if self._chosen(value) else f" {shown} {text} ")
        # Left-to-right marks: an Arabic key first would turn the English row right to left.
        self.setText(_LRM + f" · {_LRM}".join(parts))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._set(None)
            return
        for key, value in self._choices:
            if matches(text, key):
                self._choose(value)
                return
        super().keyPressEvent(event)

    def _choose(self, value: Any) -> None:
        self._set(value)
        self.focusNextChild()

    def _set(self, value: Any) -> None:
        self._value = value
        self._render()
        self.value_changed.emit(value)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet(_FOCUSED)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet(_UNFOCUSED)
        super().focusOutEvent(event)


class MultiChoiceField(ChoiceField):
    """A row of keyed choices of which several may be chosen: a key toggles its value.

    ``value()`` is the tuple of chosen values in the order of the choices, or None.
    """

    def __init__(
        self, choices: tuple[tuple[str, Any], ...], value: Any, parent: QWidget | None = None
    ) -> None:
        given = (value,) if isinstance(value, str) else tuple(value or ())
        self._many = tuple(v for _, v in choices if v in given)
        super().__init__(choices, None, parent)

    def value(self) -> Any:
        return self._many or None

    def _chosen(self, value: Any) -> bool:
        return value in self._many

    def _choose(self, value: Any) -> None:
        toggled = set(self._many) ^ {value}
        self._set(tuple(v for _, v in self._choices if v in toggled))

    def _set(self, value: Any) -> None:
        self._many = tuple(value or ())
        super()._set(self.value())


class AttributeEditor(QDialog):
    """Edit ``attrs`` of one span or link against its label's attribute definitions."""

    def __init__(
        self, label: Label, title: str, attrs: Mapping[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attribute_editor")
        self.setWindowTitle(self.tr("Attributes of %s") % label.name)
        self.setMinimumWidth(640)
        self._attrs = dict(attrs)
        self._fields: dict[str, ChoiceField | QLineEdit] = {}
        form = QFormLayout()
        heading = QLabel(title, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        if paragraph_direction(title) == "rtl":  # a right-to-left header hugs the right edge
            heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        for spec in label.attributes:
            field = self._field(spec, attrs.get(spec.name))
            self._fields[spec.name] = field
            form.addRow(spec.name.replace("_", " "), field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays among the fields
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _field(self, spec: AttributeSpec, value: Any) -> ChoiceField | QLineEdit:
        if spec.type is AttributeType.TEXT:
            edit = QLineEdit(self)
            edit.setText(value if isinstance(value, str) else "")
            return edit
        choices: tuple[tuple[str, Any], ...] = (
            spec.choices if spec.type is AttributeType.CHOICE else BOOL_CHOICES
        )
        return (MultiChoiceField if spec.multiple else ChoiceField)(choices, value, self)

    def values(self) -> dict[str, Any]:
        """The attributes as edited: unset ones removed, unknown keys kept."""
        out = dict(self._attrs)
        for name, field in self._fields.items():
            value = (
                field.value() if isinstance(field, ChoiceField) else (field.text().strip() or None)
            )
            if value is None:
                out.pop(name, None)
            else:
                out[name] = value
        return out

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
