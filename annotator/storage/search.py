"""Searching the corpus loosely: normalised query, exact offsets in the stored text.

The indexes (``storage.search_index``) narrow the documents; in each, the normalised query is
found in the normalised text and every hit is mapped back through
``normalize_with_offsets`` to code-point offsets in the text as stored, so
a hit can be selected, highlighted or tagged exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from annotator.core.arabic import belongs_to_letter, normalize, normalize_with_offsets
from annotator.core.models import Status
from annotator.storage import search_index
from annotator.storage.project import Project

SNIPPET_CONTEXT = 40
FEW_SPANS = 5000  # a filter's spans checked one by one rather than narrowed by the index


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
        while end < len(text) and belongs_to_letter(text[end]):
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


def _document_filters(
    statuses: Iterable[Status], entity: int | None, doc: str
) -> tuple[list[str], list[object]]:
    """``WHERE`` clauses over ``documents AS d`` (``doc``: the column holding its id)."""
    where: list[str] = []
    params: list[object] = []
    if names := [str(Status(s)) for s in statuses]:
        where.append(f"d.status IN ({', '.join('?' * len(names))})")
        params += names
    if entity is not None:
        where.append(f"{doc} IN (SELECT doc_id FROM spans WHERE entity_id = ?)")
        params.append(entity)
    return where, params


def _documents_sql(
    project: Project, wanted: str, statuses: Iterable[Status], entity: int | None
) -> tuple[str, list[object]] | None:
    """SQL for the ids of the documents that may hold ``wanted``, in id order, the filters
    joined in; None when none can. The index drives, in rowid order, so a cursor stops
    reading it when enough hits are in."""
    found = search_index.match(project.db, wanted)
    if found == search_index.NOTHING:
        return None
    where, params = _document_filters(statuses, entity, "d.id")
    sql = "SELECT d.id FROM documents AS d"
    order = "d.id"
    if found is not None:
        sql = f"SELECT d.id FROM {found.table} JOIN documents AS d ON d.id = {found.table}.rowid"
        where.insert(0, f"{found.table} MATCH ?")
        params.insert(0, found.fts)
        order = f"{found.table}.rowid"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return f"{sql} ORDER BY {order}", params


@dataclass(frozen=True, slots=True)
class _Filters:
    """What a search keeps: documents by status and entity, hits by their spans."""

    statuses: tuple[Status, ...]
    entity: int | None
    label: str | None
    annotator: str | None

    @property
    def by_spans(self) -> bool:
        return self.label is not None or self.annotator is not None


def _spans_sql(project: Project, wanted: str, filters: _Filters) -> tuple[str, list[object]] | None:
    """SQL for the spans a filtered search looks in, in document order; None when none can
    hold ``wanted``.

    The filter's spans drive (their own index): a query's hits must lie inside
    one, and the documents without one are never looked at. When the filter
    has more than ``FEW_SPANS``, a query of three letters or more also keeps
    only the documents its trigrams name: that set costs tens of milliseconds
    for a common word at 100,000 documents, more than checking a few thousand
    spans; the OR of a shorter query costs more than any spans it would spare.
    """
    found = search_index.match(project.db, wanted)
    if found == search_index.NOTHING:
        return None
    pairs = [("label", filters.label), ("annotator", filters.annotator)]
    where: list[str] = [f"s.{column} = ?" for column, value in pairs if value is not None]
    params: list[object] = [value for _, value in pairs if value is not None]
    trigrams = found is not None and found.table == search_index.TABLE and len(wanted) >= 3
    if trigrams and _span_count(project, where, params) > FEW_SPANS:
        assert found is not None
        where.append(f"s.doc_id IN (SELECT rowid FROM {found.table} WHERE {found.table} MATCH ?)")
        params.append(found.fts)
    doc_where, doc_params = _document_filters(filters.statuses, filters.entity, "s.doc_id")
    where += doc_where
    params += doc_params
    sql = 'SELECT s.doc_id, s.start, s."end", s.text FROM spans AS s'
    if filters.statuses:
        sql += " JOIN documents AS d ON d.id = s.doc_id"
    return f"{sql} WHERE {' AND '.join(where)} ORDER BY s.doc_id, s.start", params


def _span_count(project: Project, where: list[str], params: list[object]) -> int:
    """How many spans the filter keeps, counted in its index (up to ``FEW_SPANS + 1``)."""
    sql = f"SELECT 1 FROM spans AS s WHERE {' AND '.join(where)} LIMIT {FEW_SPANS + 1}"
    return int(project.db.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def candidates(
    project: Project,
    query: str,
    statuses: Iterable[Status] = (),
    entity: int | None = None,
) -> list[int]:
    """Documents that may contain the query, from the indexes.

    ``entity`` keeps the documents that mention that registry entity.
    """
    found = _documents_sql(project, normalize(query).strip(), statuses, entity)
    if found is None:
        return []
    return [row[0] for row in project.db.conn.execute(*found)]


def _looked_in(
    project: Project, wanted: str, filters: _Filters
) -> Iterator[tuple[int, list[tuple[int, int]] | None]]:
    """Each document to read, in order, with the spans its hits must lie in (None: anywhere)."""
    conn = project.db.conn
    if not filters.by_spans:
        found = _documents_sql(project, wanted, filters.statuses, filters.entity)
        for (doc_id,) in conn.execute(*found) if found else ():
            yield doc_id, None
        return
    spans = _spans_sql(project, wanted, filters)
    for doc_id, rows in groupby(conn.execute(*spans) if spans else (), key=itemgetter(0)):
        holding = [(start, end) for _, start, end, text in rows if wanted in normalize(text)]
        if holding:  # else no span of the filter holds the query: the text is not read
            yield doc_id, holding


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
    label or by that annotator; ``entity`` keeps documents that mention the entity.

    Only the documents the indexes name are read; with a span filter, only those
    where a span of the filter holds the query.
    """
    wanted = normalize(query).strip()
    if not wanted or limit <= 0:
        return []
    filters = _Filters(tuple(Status(s) for s in statuses), entity, label, annotator)
    conn = project.db.conn
    hits: list[Hit] = []
    for doc_id, spans in _looked_in(project, wanted, filters):
        (text,) = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        for start, end in find_in_text(text, query):
            if spans is not None and not any(s <= start and end <= e for s, e in spans):
                continue
            snippet, at = _snippet(text, start, end)
            hits.append(Hit(doc_id, start, end, text[start:end], snippet, at))
            if len(hits) >= limit:
                return hits
    return hits
