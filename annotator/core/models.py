"""Domain objects: documents, spans, relations and labels.

Frozen dataclasses with no Qt and no SQLite types, so reading a JSON file or a
project needs neither a GUI library nor a database connection.

Offsets are Unicode code points into ``Document.text`` (Python ``str``
indices), end exclusive: ``text[span.start:span.end] == span.text`` always.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn


class Status(enum.StrEnum):
    """Where an analyst is with a document."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class LabelKind(enum.StrEnum):
    SPAN = "span"
    RELATION = "relation"


class Display(enum.StrEnum):
    """How the window draws a span label: a tinted background or an underline band."""

    BACKGROUND = "background"
    UNDERLINE = "underline"


class AttributeType(enum.StrEnum):
    CHOICE = "choice"
    BOOL = "bool"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    """One attribute a label's spans or relations carry, as the schema defines it.

    ``choices`` maps a one-letter key (typed in the attribute editor) to a value.
    ``multiple``: a document attribute that holds several values at once (the
    topics of an article); span and relation attributes hold one.
    """

    name: str
    type: AttributeType = AttributeType.CHOICE
    choices: tuple[tuple[str, str], ...] = ()
    description: str = ""
    multiple: bool = False

    def values(self) -> tuple[str, ...]:
        return tuple(value for _, value in self.choices)


@dataclass(frozen=True, slots=True)
class Label:
    """A span or relation label of the project's schema.

    ``hotkey`` is the key that applies a span label in the window ("1".."9");
    ``head``/``tail`` list the span labels a relation may connect (empty: any);
    ``display`` says how the window draws it.
    """

    name: str
    kind: LabelKind = LabelKind.SPAN
    color: str = "#888888"
    hotkey: str | None = None
    order: int = 0
    description: str = ""
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    display: Display = Display.BACKGROUND
    attributes: tuple[AttributeSpec, ...] = ()

    def allows(self, head_label: str, tail_label: str) -> bool:
        """Whether this relation may go from a ``head_label`` span to a ``tail_label`` span."""
        return (not self.head or head_label in self.head) and (
            not self.tail or tail_label in self.tail
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor or place in the project's registry; mentions link to it.

    ``kind`` is the span label it applies to (ACTOR, LOCATION); ``type`` a
    finer class (state, city...). ``aliases`` are other spellings and names.
    """

    name: str
    kind: str
    id: int | None = None
    type: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    notes: str = ""


class ReadOnlyAttrs(dict[str, Any]):
    """The attributes of a span or relation: a dict that refuses every change.

    A frozen dataclass holding a plain dict could still be changed in place: the
    window would show a value the store never saved. A dict subclass rather than
    ``types.MappingProxyType``, because attributes still go through ``json.dumps``,
    pickling (the import's reader processes) and ``copy``. To change attributes,
    build a new mapping and store it (``Project.set_span_attrs``).
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("attributes are read-only: store a new mapping instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple[type[ReadOnlyAttrs], tuple[dict[str, Any]]]:
        return ReadOnlyAttrs, (dict(self),)

    def __copy__(self) -> ReadOnlyAttrs:
        return self

    def __deepcopy__(self, memo: object) -> ReadOnlyAttrs:
        return self


def _read_only(owner: object, attrs: Mapping[str, Any]) -> None:
    if type(attrs) is not ReadOnlyAttrs:
        object.__setattr__(owner, "attrs", ReadOnlyAttrs(attrs))


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of a document's text, in code points, end exclusive.

    ``id`` is required: relations, the window's views and undo all refer to a
    span by it, and an id that might be missing was quietly read as 0. It is
    the project's row id once stored; for a span read from a file, the number
    the file's relations use (``doc_id`` stays None until the document is
    stored). A span not stored yet, with no id at all, is a ``NewSpan``.
    """

    start: int
    end: int
    label: str
    text: str
    id: int
    doc_id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)  # read-only (ReadOnlyAttrs)
    annotator: str | None = None
    entity_id: int | None = None

    def __post_init__(self) -> None:
        _read_only(self, self.attrs)

    def unsaved(self) -> NewSpan:
        """The same content with no id: to store it again as a new row (a file's span, a copy)."""
        return NewSpan(
            self.start, self.end, self.label, self.text, self.attrs, self.annotator, self.entity_id
        )


@dataclass(frozen=True, slots=True)
class NewSpan:
    """A span about to be stored: no id until the store gives it one (``Project.add_span``).

    Its own type, so that nothing can refer to a span that has no id yet and
    whatever the store hands back (a ``Span``) always has one.
    """

    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)  # read-only (ReadOnlyAttrs)
    annotator: str | None = None
    entity_id: int | None = None

    def __post_init__(self) -> None:
        _read_only(self, self.attrs)


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed, labelled link between two spans of the same document.

    ``id`` is required, as a span's is: the project's row id once stored, the
    relation's number in its file before. ``Project.add_relation`` takes the
    label and the two span ids, so no relation exists without an id.
    """

    label: str
    head: int
    tail: int
    id: int
    doc_id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)  # read-only (ReadOnlyAttrs)
    annotator: str | None = None

    def __post_init__(self) -> None:
        _read_only(self, self.attrs)


@dataclass(frozen=True, slots=True)
class Document:
    """An article as stored: its text is what every offset refers to.

    ``id`` is the project's own row id; ``uid`` the identity shared by every
    project (``core.identity.document_uid`` of the text; None until stored);
    ``external_id`` the id its source gave it (a file's ``id``, a task id, a
    brat file name), kept so a pipeline can find the document again.
    """

    text: str
    id: int | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    status: Status = Status.TODO
    raw: str | None = None
    uid: str | None = None
    external_id: str | None = None

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        if isinstance(title, str) and title:
            return title
        return self.text.split("\n", 1)[0][:120]


# A document attribute's value: one choice, or a tuple of them for a ``multiple`` attribute.
DocValue = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document with its spans and relations: the unit of import and export.

    ``doc_attrs`` are the article-level labels (topic, genre...) by attribute
    name, as the schema's ``document_attributes`` define them; read from a
    file they may be any JSON until ``schema_rules`` checks them.
    """

    document: Document
    spans: tuple[Span, ...] = ()
    relations: tuple[Relation, ...] = ()
    # The registry entities the spans link to, by ``Span.entity_id``.
    entities: Mapping[int, Entity] = field(default_factory=dict)
    doc_attrs: Mapping[str, Any] = field(default_factory=dict)
    # Where an imported span was in its file, by span id: the name the file gives it
    # (``label[2]``, ``T4``) and its line when the record spans several (a brat ``.ann``),
    # so an error found later (an unknown label) points at what the analyst can fix.
    origins: Mapping[int, tuple[str, int | None]] = field(default_factory=dict)
    # The same for relations, by their position in ``relations``.
    relation_origins: Mapping[int, tuple[str, int | None]] = field(default_factory=dict)
