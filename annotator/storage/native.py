"""Native JSONL lines rendered by SQLite itself, straight from the store.

``core.jsonl`` defines the format for records in memory (``dumps_record``).
Exporting a whole project that way builds a record, a span object and a dict
for every row before ``json.dumps`` sees it: three times the cost of the
``json.dumps`` alone (bench/RESULTS.md). Here SQLite writes every span and
relation as JSON (``json_object``) and quotes the text in C; Python only
joins the pieces of a document into its line. The tests hold the two to the
same bytes, so the format still has one definition.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from operator import itemgetter

from annotator.core.jsonl import FORMAT_VERSION, doc_attrs_to_json, escape_line_breaks
from annotator.storage.doc_attrs import Canonical
from annotator.storage.project import Project
from annotator.storage.records import RowsByDocument, Selection

# Keys in the order of core.jsonl.span_to_json; "entity" and "annotator" only when set
# (json_set appends a new key at the end of the object).
_SPAN_OBJECT = """json_object('id', s.id, 'start', s.start, 'end', s."end", 'label', s.label,
                              'text', s.text, 'attrs', json(s.attrs))"""
_SPANS = f"""
    SELECT doc_id, CASE WHEN annotator IS NULL THEN o ELSE json_set(o, '$.annotator', annotator) END
    FROM (
        SELECT s.doc_id, s.id, s.annotator,
               CASE WHEN s.entity_id IS NULL THEN {_SPAN_OBJECT}
                    ELSE json_set({_SPAN_OBJECT}, '$.entity',
                                  json_object('id', s.entity_id, 'name', e.name))
               END AS o
        FROM spans s LEFT JOIN entities e ON e.id = s.entity_id {{where}}
    )
    ORDER BY doc_id, id
"""
_RELATIONS = """
    SELECT doc_id, CASE WHEN annotator IS NULL THEN o ELSE json_set(o, '$.annotator', annotator) END
    FROM (
        SELECT doc_id, id, annotator,
               json_object('id', id, 'label', label, 'head', head, 'tail', tail,
                           'attrs', json(attrs)) AS o
        FROM relations {where}
    )
    ORDER BY doc_id, id
"""


def native_lines(project: Project, selection: Selection) -> Iterator[tuple[str, int, int]]:
    """``(line, spans, relations)`` for every selected document, in id order, one snapshot.

    A line is what ``core.jsonl.dumps_record`` writes for the same record,
    without its newline.
    """
    first = itemgetter(0)  # the rows are (doc_id, json)
    with project.snapshot() as conn:
        where, params = selection.documents()
        documents = conn.execute(
            "SELECT id, json_quote(uid), json_quote(external_id), json_quote(text), "
            "json_quote(status), json(meta) "
            f"FROM documents {where} ORDER BY id",
            params,
        )
        span_where, span_params = selection.spans()
        spans = RowsByDocument(conn.execute(_SPANS.format(where=span_where), span_params), first)
        relation_where, relation_params = "", []
        if selection.filters_spans:  # a relation goes with its spans
            relation_where = (
                f"WHERE head IN (SELECT id FROM spans {span_where}) "
                f"AND tail IN (SELECT id FROM spans {span_where})"
            )
            relation_params = span_params * 2
        relations = RowsByDocument(
            conn.execute(_RELATIONS.format(where=relation_where), relation_params), first
        )
        # Few documents have values and few values each: canonical order from the schema.
        values = RowsByDocument(
            conn.execute("SELECT doc_id, name, value FROM doc_attrs ORDER BY doc_id"), first
        )
        canonical = Canonical(project.schema)
        for doc_id, uid, external_id, text, status, meta in documents:
            doc_spans = [item for _, item in spans.take(doc_id)]
            doc_relations = [item for _, item in relations.take(doc_id)]
            attrs_json = ""
            if rows := values.take(doc_id):
                attrs = doc_attrs_to_json(canonical(row[1:] for row in rows))
                attrs_json = ',"doc_attrs":' + json.dumps(
                    attrs, ensure_ascii=False, separators=(",", ":")
                )
            yield (
                escape_line_breaks(
                    f'{{"format_version":{FORMAT_VERSION},"id":{doc_id},"uid":{uid},'
                    f'"external_id":{external_id},"text":{text},'
                    f'"status":{status},"meta":{meta}{attrs_json},"spans":[{",".join(doc_spans)}],'
                    f'"relations":[{",".join(doc_relations)}]}}'
                ),
                len(doc_spans),
                len(doc_relations),
            )
