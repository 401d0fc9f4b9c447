"""Searching the corpus loosely: normalised query, exact offsets in the stored text.

The trigram index narrows the documents; in each, the normalised query is
found in the normalised text and every hit is mapped back through
``normalize_with_offsets`` to code-point offsets in the text as stored, so
a hit can be selected, highlighted or tagged exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.arabic import is_dropped, normalize, normalize_with_offsets
from annotator.core.models import Status
from annotator.storage.project import Project
from annotator.storage.search_index import TABLE

SNIPPET_CONTEXT = 40
_MIN_TRIGRAM = 3


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    start: int
    end: int
    text: str
    snippet: str
    snippet_start: int  # where the hit (after its ⟦ mark) starts inside ``snippet``

    def to_json(self) -> dict[str, object]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "snippet": self.snippet,
        }


def find_in_text(text: str, query: str) -> list[tuple[int, int]]:
    """Code-point ranges of ``text`` whose normalised form is the normalised ``query``."""
    wanted = normalize(query).strip()
    if not wanted:
        return []
    norm, offsets = normalize_with_offsets(text)
    hits, at = [], norm.find(wanted)
    while at >= 0:
        start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
        while end < len(text) and is_dropped(text[end]):
            end += 1  # the harakat of the last letter belong to it
        hits.append((start, end))
        at = norm.find(wanted, at + len(wanted))
    return hits


def _snippet(text: str, start: int, end: int) -> tuple[str, int]:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    piece = text[left:start] + "⟦" + text[start:end] + "⟧" + text[end:right]
    piece = piece.replace("\n", " ")
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    return prefix + piece + suffix, start - left + len(prefix) + 1


def candidates(
    project: Project,
    query: str,
    statuses: Iterable[Status] = (),
    entity: int | None = None,
) -> list[int]:
    """Documents that may contain the query (all of them for queries under three letters).

    ``entity`` keeps the documents that mention that registry entity.
    """
    wanted = normalize(query).strip()
    where: list[str] = []
    params: list[object] = []
    if entity is not None:
        where.append("id IN (SELECT doc_id FROM spans WHERE entity_id = ?)")
        params.append(entity)
    if len(wanted) >= _MIN_TRIGRAM:
        phrase = '"' + wanted.replace('"', '""') + '"'
        where.append(f"id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)")
        params.append(phrase)
    if names := [str(Status(s)) for s in statuses]:
        where.append(f"status IN ({', '.join('?' * len(names))})")
        params += names
    sql = "SELECT id FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
    return [r[0] for r in project.db.execute(sql + " ORDER BY id", params)]


def search(
    project: Project,
    query: str,
    *,
    statuses: Iterable[Status] = (),
    label: str | None = None,
    entity: int | None = None,
    annotator: str | None = None,
    limit: int = 200,
) -> list[Hit]:
    """Hits in document order. ``label`` and ``annotator`` keep hits inside a span with that
    label or by that annotator; ``entity`` keeps documents that mention the entity."""
    hits: list[Hit] = []
    for doc_id in candidates(project, query, statuses, entity):
        text = project.document(doc_id).text
        spans = project.spans(doc_id) if label or annotator else []
        for start, end in find_in_text(text, query):
            if (label or annotator) and not any(
                s.start <= start
                and end <= s.end
                and (label is None or s.label == label)
                and (annotator is None or s.annotator == annotator)
                for s in spans
            ):
                continue
            snippet, at = _snippet(text, start, end)
            hits.append(Hit(doc_id, start, end, text[start:end], snippet, at))
            if len(hits) >= limit:
                return hits
    return hits
