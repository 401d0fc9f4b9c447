"""The native JSONL format: validation with line numbers."""

from __future__ import annotations

import io
import json

import pytest

from annotator.core.errors import InputError
from annotator.core.jsonl import dumps_record, read_records

TEXT = "قالت 😀 أذربيجان إن القتال"


def line(**overrides) -> str:
    record = {
        "text": TEXT,
        "spans": [{"id": 1, "start": 7, "end": 15, "label": "ACTOR", "text": "أذربيجان"}],
    }
    record.update(overrides)
    return json.dumps(record, ensure_ascii=False)


def test_code_point_offsets_after_an_emoji():
    [(number, record)] = list(read_records(io.StringIO(line())))
    assert number == 1
    assert record.spans[0].text == TEXT[7:15] == "أذربيجان"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"text": ""}), "'text' must be a non-empty string"),
        (line(status="finished"), "unknown status"),
        (json.dumps({"text": "نص\u0000"}), "NUL character at offset 2"),
        (line(spans=[{"start": 7, "end": 99, "label": "ACTOR"}]), "out of range"),
        (line(spans=[{"start": 8, "end": 16, "label": "ACTOR", "text": "أذربيجان"}]), "differs"),
        (line(spans=[{"start": "7", "end": 15, "label": "ACTOR"}]), "integers"),
        (line(spans=[{"start": 7, "end": 15}]), "'label'"),
        (line(relations=[{"label": "SOURCE", "head": 1, "tail": 5}]), "tail 5 is not the id"),
        (line(format_version=9), "unsupported format_version"),
    ],
)
def test_bad_lines_name_their_line(bad: str, message: str):
    stream = io.StringIO(line() + "\n\n" + bad + "\n")
    with pytest.raises(InputError, match=message) as info:
        list(read_records(stream))
    assert info.value.line == 3


def test_keys_in_a_stable_order_and_arabic_unescaped():
    [(_, record)] = list(read_records(io.StringIO(line())))
    out = dumps_record(record)
    assert list(json.loads(out)) == [
        "format_version",
        "id",
        "uid",
        "external_id",
        "text",
        "status",
        "meta",
        "spans",
        "relations",
    ]
    assert "أذربيجان" in out


def test_relations_are_numbered_by_position_and_named_by_the_files_id():
    """Every relation gets an id (its position); errors still name it as the file does."""
    spans = [
        {"id": "a", "start": 7, "end": 15, "label": "ACTOR"},
        {"id": "b", "start": 19, "end": 25, "label": "CLAIM"},
    ]
    relations = [
        {"id": "r9", "label": "SOURCE", "head": "b", "tail": "a"},
        {"label": "SOURCE", "head": "b", "tail": "a"},
    ]
    [(_, record)] = list(read_records(io.StringIO(line(spans=spans, relations=relations))))
    assert [(r.id, r.head, r.tail) for r in record.relations] == [(0, 1, 0), (1, 1, 0)]
    assert record.relation_origins == {0: ("relation r9", None), 1: ("relations[1]", None)}
