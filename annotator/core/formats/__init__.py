"""Training and interchange formats: Hugging Face, CoNLL, doccano, Label Studio, Prodigy, brat.

Every exporter returns an ``ExportReport``: what was written and, for each
thing a format cannot hold, how many and why. Nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.identity import document_uid
from annotator.core.models import AnnotatedDocument, Display, Document, Label, Status
from annotator.core.wording import count


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    entities: int = 0
    split_words: int = 0
    # Spans whose white-space edges a token format left out (nothing of them lost).
    trimmed: int = 0
    files: list[str] = field(default_factory=list)
    lost: Counter[str] = field(default_factory=Counter)
    # What was written differently from the project but kept: "3 spans crossing ...".
    notes: Counter[str] = field(default_factory=Counter)

    def lose(self, reason: str, count: int = 1) -> None:
        if count:
            self.lost[reason] += count

    def merge(self, part: ExportReport) -> None:
        """Add the counts of a part (one split, one file) to this report."""
        self.documents += part.documents
        self.spans += part.spans
        self.relations += part.relations
        self.split_words += part.split_words
        self.trimmed += part.trimmed
        self.lost.update(part.lost)
        self.notes.update(part.notes)

    def lines(self) -> list[str]:
        out = [
            f"wrote {count(self.documents, 'document')}, {count(self.spans, 'span')}, "
            f"{count(self.relations, 'relation')}"
            + (f" to {', '.join(self.files)}" if self.files else "")
        ]
        if self.split_words:
            out.append(f"split {self.split_words} words at span edges (clitics) so no span is lost")
        if self.trimmed:
            out.append(
                f"left white space out of the edges of {count(self.trimmed, 'span')} "
                "(tokens hold none)"
            )
        out += [f"{n} {note}" for note, n in sorted(self.notes.items())]
        out += [f"not representable: {n} {reason}" for reason, n in sorted(self.lost.items())]
        return out


def export_id(document: Document) -> str:
    """The id an interchange file gives a document: its ``external_id``, else its ``uid``.

    Read back as the document's ``external_id``, so a round trip through another
    tool finds the document again (the project's row id means nothing elsewhere).
    """
    return document.external_id or document.uid or document_uid(document.text)


def task_id(document: Document) -> str | int:
    """``export_id`` for tools whose ids are numbers (doccano, Label Studio): an id that came
    from such a file as a number goes back as one ("41", not "0041" or a uid, is 41)."""
    value = export_id(document)
    if document.external_id and value.isascii() and value.isdigit() and str(int(value)) == value:
        return int(value)
    return value


# Document fields an interchange format may carry for us in a free-form place (Prodigy's
# ``meta``, a Label Studio task's ``data``): what the analyst sees of where the page came from.
SHOWN_META = ("title", "url", "source", "published")


def read_status(value: Any) -> Status | None:
    """A status an export of ours wrote; None for anything else (a file's own field)."""
    return Status(value) if isinstance(value, str) and value in _STATUSES else None


_STATUSES = frozenset(str(s) for s in Status)


def only_annotator(record: AnnotatedDocument) -> str | None:
    """The one annotator of all a record's spans and relations, if there is exactly one."""
    names = {s.annotator for s in record.spans} | {r.annotator for r in record.relations}
    names.discard(None)
    return names.pop() if len(names) == 1 else None


def lose_unheld(
    record: AnnotatedDocument,
    report: ExportReport,
    fmt: str,
    *,
    status: bool = False,
    annotators: bool = False,
    url: bool = False,
) -> None:
    """Count the document fields ``fmt`` has no place for (the flags say which).

    A status is counted when it is not ``todo`` (what a re-import gives), an
    annotator for each span that names one, a url when the document has one.
    """
    if status and record.document.status is not Status.TODO:
        report.lose(f"document statuses ({fmt} has no place for them)")
    if annotators:
        named = sum(1 for s in record.spans if s.annotator is not None)
        report.lose(f"span annotators ({fmt} has no place for them)", named)
    if url and record.document.meta.get("url"):
        report.lose(f"document urls ({fmt} has no place for them)")


def lose_entity_links(record: AnnotatedDocument, report: ExportReport) -> None:
    """Formats without a place for registry links count them (the native JSONL keeps them)."""
    report.lose("entity links of mentions", sum(1 for s in record.spans if s.entity_id is not None))


@dataclass(frozen=True, slots=True)
class Layers:
    """Span labels by tag layer: entities (background labels) and claims (underline labels).

    Token formats hold one tag per token and layer, so nested spans of
    different kinds (an ACTOR inside a CLAIM) each keep a column of their own.
    """

    entities: tuple[str, ...]
    claims: tuple[str, ...]

    @classmethod
    def of(cls, labels: Sequence[Label]) -> Layers:
        return cls(
            tuple(lb.name for lb in labels if lb.display is not Display.UNDERLINE),
            tuple(lb.name for lb in labels if lb.display is Display.UNDERLINE),
        )
