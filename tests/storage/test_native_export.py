"""The native JSONL written by SQLite (``storage.native``) is the format of ``core.jsonl``.

Whatever the project holds, ``write_jsonl`` must give the very bytes that
``dumps_record`` gives for the same records, with every export filter.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.jsonl import dumps_record
from annotator.core.models import (
    AnnotatedDocument,
    Document,
    Entity,
    LabelKind,
    Relation,
    Span,
    Status,
)
from annotator.core.schema_rules import relation_problem
from annotator.storage.exporter import write_jsonl
from annotator.storage.project import Project

# Arabic with marks, emoji and other astral characters, JSON's own specials, controls, bidi marks.
_CHARS = st.sampled_from(
    list('قال أذربيجان َّ 😀🇦🇿𝔸 "\\/\t\n\r\x00\x1f\x7f\u200f\u202e\u2028<b>&')
) | (st.characters(blacklist_categories=("Cs",)))
_VALUES = st.one_of(st.text(_CHARS, max_size=8), st.booleans(), st.integers(-5, 10**12))
_KEYS = st.text(_CHARS, min_size=1, max_size=6)
SCHEMA = default_schema()


@st.composite
def records(draw: st.DrawFn) -> AnnotatedDocument:
    # A document's text is never empty and never holds a NUL (attrs and meta may).
    text = draw(
        st.text(_CHARS, min_size=2, max_size=60).filter(lambda t: t.strip() and "\x00" not in t)
    )
    spans = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(
            Span(
                start,
                end,
                draw(st.sampled_from(["CLAIM", "ACTOR", "LOCATION", "CUE"])),
                text[start:end],
                id=i,
                attrs=draw(st.dictionaries(_KEYS, _VALUES, max_size=3)),
                annotator=draw(st.none() | st.sampled_from(["a", "ب"])),
                entity_id=draw(st.none() | st.sampled_from([1, 2])),
            )
        )
    relations = []
    if len(spans) >= 2:
        for k in range(draw(st.integers(0, 3))):
            head, tail = draw(st.permutations(range(len(spans))))[:2]
            label = draw(st.sampled_from(["SOURCE", "CUE", "ABOUT"]))
            rule = SCHEMA.get(label, LabelKind.RELATION)
            if rule and relation_problem(rule, spans[head].label, spans[tail].label):
                continue  # the store refuses what the schema forbids
            relations.append(
                Relation(
                    label,
                    head,
                    tail,
                    id=k,
                    attrs=draw(st.dictionaries(_KEYS, _VALUES, max_size=2)),
                    annotator=draw(st.none() | st.just("a")),
                )
            )
    meta = draw(st.dictionaries(_KEYS, _VALUES, max_size=3))
    doc_attrs = {
        spec.name: draw(
            st.lists(st.sampled_from(spec.values()), unique=True, max_size=3)
            if spec.multiple
            else st.sampled_from(spec.values())
        )
        for spec in SCHEMA.document_attributes
        if draw(st.booleans())
    }
    return AnnotatedDocument(
        Document(text, meta=meta, status=draw(st.sampled_from(list(Status)))),
        tuple(spans),
        tuple(relations),
        {1: Entity("أذربيجان", "LOCATION", id=1), 2: Entity('"Baku"\\', "LOCATION", id=2)},
        doc_attrs,
    )


FILTERS: list[dict[str, object]] = [
    {},
    {"statuses": [Status.DONE, Status.TODO]},
    {"labels": ["ACTOR", "CLAIM"]},
    {"annotator": "a"},
    {"statuses": [Status.IN_PROGRESS], "labels": ["CUE"], "annotator": "ب"},
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), max_size=4))
def test_sqlite_lines_are_the_bytes_of_dumps_record(items: list[AnnotatedDocument]):
    with Project.open(":memory:") as project:
        for item in items:
            if project.find_by_text(item.document.text) is None:
                project.import_record(item)
        for filters in FILTERS:
            out = io.StringIO()
            report = write_jsonl(project, out, **filters)  # type: ignore[arg-type]
            records_ = list(project.iter_records(**filters))  # type: ignore[arg-type]
            assert out.getvalue() == "".join(dumps_record(r) + "\n" for r in records_)
            assert report.documents == len(records_)
            assert report.spans == sum(len(r.spans) for r in records_)
            assert report.relations == sum(len(r.relations) for r in records_)
            for line in out.getvalue().split("\n")[:-1]:  # not splitlines: U+0085, U+2028
                record = json.loads(line)
                for span in record["spans"]:
                    assert record["text"][span["start"] : span["end"]] == span["text"]
