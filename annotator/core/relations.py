"""Which links a span can take: relation types that fit, and candidates nearest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.models import Label, Relation, Span


@dataclass(frozen=True, slots=True)
class LinkType:
    """A relation type usable between two spans, and which way it points."""

    relation: Label
    current_is_head: bool

    def describe(self) -> str:
        arrow = "→" if self.current_is_head else "←"
        return f"{arrow} {self.relation.name}"


@dataclass(frozen=True, slots=True)
class LinkOption:
    other: Span
    types: tuple[LinkType, ...]
    distance: int


def link_options(
    current: Span,
    spans: Sequence[Span],
    relation_types: Sequence[Label],
    existing: Sequence[Relation] = (),
) -> list[LinkOption]:
    """Every span ``current`` can be linked to: the nearest of each label first, then the
    rest nearest first (in any paragraph).

    So the picker opens on the nearest ACTOR and the nearest CUE even when a
    paragraph's worth of places lies between. A relation type fits when the
    schema allows it with ``current`` at the head or at the tail; a link that
    already exists is not offered again.
    """
    taken = {(r.label, r.head, r.tail) for r in existing}
    options = []
    for other in spans:
        if other.id == current.id:
            continue
        types = []
        for relation in relation_types:
            if (
                relation.allows(current.label, other.label)
                and (relation.name, current.id, other.id) not in taken
            ):
                types.append(LinkType(relation, True))
            if (
                relation.allows(other.label, current.label)
                and (relation.name, other.id, current.id) not in taken
            ):
                types.append(LinkType(relation, False))
        if types:
            options.append(LinkOption(other, tuple(types), abs(other.start - current.start)))
    by_distance = sorted(options, key=lambda o: (o.distance, o.other.start))
    firsts: dict[str, LinkOption] = {}
    for option in by_distance:
        firsts.setdefault(option.other.label, option)
    nearest = list(firsts.values())
    return nearest + [o for o in by_distance if o not in nearest]
