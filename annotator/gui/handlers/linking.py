"""Who said what, in the window: links between spans, attributes, entity links.

The keys (L, Enter, E, and Delete/Enter in the links list) are in the actions
table; their handlers live here rather than in the main window, which only
lays things out. Every change goes through the controller as an undo command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from annotator.core.models import Entity, Label, LabelKind, Relation, Span
from annotator.core.relations import LinkOption, LinkType
from annotator.gui.dialogs.attribute_editor import AttributeEditor
from annotator.gui.dialogs.directed import relation_header
from annotator.gui.dialogs.entity_editor import EntityEditor
from annotator.gui.dialogs.pickers import Picker, PickerItem, loose_filter

if TYPE_CHECKING:
    from annotator.gui.shell import Shell
    from annotator.gui.workspace.controller import Controller

SNIPPET = 70


def snippet(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def entity_text(entity: Entity) -> str:
    details = " · ".join(x for x in (entity.type, "، ".join(entity.aliases)) if x)
    return f"{entity.name}  ({details})" if details else entity.name


class Linking(QObject):
    """The handlers of links, attributes and entities (the registry's keys included)."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    @property
    def controller(self) -> Controller:
        return self.w.controller

    def _current(self) -> Span | None:
        span = self.controller.current
        if span is None:
            self.controller.message.emit(self.tr("Select a span first (Tab goes to the next one)."))
        return span

    # -- links ---------------------------------------------------------------

    def link_span(self) -> None:
        """Link the current span: pick the other span (nearest first), then the type."""
        span = self._current()
        if span is None:
            return
        options = self.controller.link_options(span)
        if not options:
            self.controller.message.emit(
                self.tr("Nothing in this document can be linked to this %s.") % span.label
            )
            return
        items = [
            PickerItem(
                f"{o.other.label} · {snippet(o.other.text)}   "
                + " ".join(t.describe() for t in o.types),
                o,
            )
            for o in options
        ]
        picker = Picker(self.tr("Link %s to…") % span.label, loose_filter(items), self.w.widget)
        if not picker.exec() or not isinstance(picker.chosen, LinkOption):
            return
        option: LinkOption = picker.chosen
        link_type = option.types[0]
        if len(option.types) > 1:
            type_items = [PickerItem(t.describe(), t) for t in option.types]
            chooser = Picker(self.tr("Which link?"), loose_filter(type_items), self.w.widget)
            if not chooser.exec() or not isinstance(chooser.chosen, LinkType):
                return
            link_type = chooser.chosen
        self._link(span, option.other, link_type)

    def _link(self, span: Span, other: Span, link_type: LinkType) -> None:
        """One undo step: the link and, where its type has attributes (stance), their values."""
        stack = self.controller.undo_stack
        stack.beginMacro(self.tr("Link %s") % link_type.relation.name)
        try:
            created = self.controller.link(span, other, link_type)  # None: refused, said why
            if created is not None and link_type.relation.attributes:
                self._edit(created)
        finally:
            stack.endMacro()

    def remove_link(self) -> None:
        relation = self._selected_link()
        if relation is not None:
            self.controller.unlink(relation)

    def edit_link(self) -> None:
        relation = self._selected_link()
        if relation is not None:
            self._edit(relation)

    def _selected_link(self) -> Relation | None:
        rows = self.w.side_panel.links.selectionModel().selectedRows()
        if not rows:
            self.controller.message.emit(self.tr("Select a link in the list first."))
            return None
        return self.w.link_model.relation(rows[0].row())

    # -- attributes ----------------------------------------------------------

    def edit_attributes(self) -> None:
        span = self._current()
        if span is not None:
            self._edit(span)

    def _edit(self, target: Span | Relation) -> None:
        kind = LabelKind.RELATION if isinstance(target, Relation) else LabelKind.SPAN
        label = self.controller.project.schema.get(target.label, kind)
        if label is None or not label.attributes:
            self.controller.message.emit(
                self.tr("%s has no attributes in this schema.") % target.label
            )
            return
        title = snippet(target.text) if isinstance(target, Span) else self.relation_title(target)
        editor = AttributeEditor(label, title, target.attrs, self.w.widget)
        if editor.exec():
            self.controller.set_attrs(target, editor.values())

    def edit_document_attributes(self) -> None:
        """The shown document's attributes (topic, genre, reliability), set by keys."""
        document = self.controller.document
        attributes = self.controller.project.schema.document_attributes
        if document is None or document.id is None:
            return
        if not attributes:
            self.controller.message.emit(self.tr("This schema has no document attributes."))
            return
        values = self.controller.project.doc_attrs.of(document.id)
        editor = AttributeEditor(
            Label(self.tr("the document"), attributes=attributes),
            snippet(document.title),
            values,
            self.w.widget,
        )
        editor.setObjectName("document_attribute_editor")
        if editor.exec():
            self.controller.set_doc_attrs(editor.values())

    def relation_title(self, relation: Relation) -> str:
        head = self.controller.span_by_id(relation.head)
        tail = self.controller.span_by_id(relation.tail)
        ends = [snippet(s.text) if s else "?" for s in (head, tail)]
        return relation_header(ends[0], relation.label, ends[1])

    # -- entities ------------------------------------------------------------

    def link_entity(self) -> None:
        """Link the current mention to a registry entity, or make a new one (Ctrl+Enter)."""
        span = self._current()
        if span is None:
            return
        registry = self.controller.project.entities

        def provide(query: str) -> list[PickerItem]:
            found = (
                registry.candidates(query, span.label)
                if query.strip()
                else [s.entity for s in registry.all(span.label)]
            )
            return [PickerItem(entity_text(e), e) for e in found]

        picker = Picker(
            self.tr("Entity for %s") % snippet(span.text),
            provide,
            self.w.widget,
            query=span.text,
            new_hint=self.tr("Ctrl+Enter: new entity with this name"),
            unlink_hint=self.tr("Ctrl+U: unlink"),
        )
        if not picker.exec():
            return
        if picker.action == "new":
            self.controller.new_entity_for(span, str(picker.chosen or span.text))
        elif picker.action == "unlink":
            self.controller.link_entity(span, None)
        elif isinstance(picker.chosen, Entity):
            self.controller.link_entity(span, picker.chosen)

    # -- the registry --------------------------------------------------------

    def focus_entities(self) -> None:
        self.w.registry.show()
        self.w.registry.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.w.registry.model.rowCount() and self.w.registry.selected() is None:
            self.w.registry.table.selectRow(0)

    def edit_entity(self) -> None:
        """Edit the entity selected in the registry: names, type, ids, notes."""
        entity = self.w.registry.selected()
        if entity is None:
            self.w.show_message(self.tr("Select an entity first."))
            return
        editor = EntityEditor(entity, self.w.widget)
        if editor.exec():
            self.w.controller.update_entity(entity, editor.entity())

    def merge_entities(self) -> None:
        """Merge another entity (picked) into the one selected in the registry."""
        keep = self.w.registry.selected()
        if keep is None:
            self.w.show_message(self.tr("Select the entity to keep first."))
            return
        items = [PickerItem(entity_text(e), e) for e in self.w.registry.others(keep)]
        picker = Picker(self.tr("Merge into %s…") % keep.name, loose_filter(items), self.w.widget)
        if picker.exec() and isinstance(picker.chosen, Entity):
            self.w.controller.merge_entities(keep, picker.chosen)
