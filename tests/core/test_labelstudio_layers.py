"""Label Studio exports with several annotators, multi-label regions, predictions, JSON-MIN.

The fixtures have the shape Label Studio 1.x writes (tests/fixtures/labelstudio/):
``export_full.json`` is the JSON export (annotations with ``completed_by``, cancelled
ones, predictions), ``export_min.json`` the JSON-MIN export of the same project.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.models import AnnotatedDocument

FIXTURES = Path(__file__).parents[1] / "fixtures" / "labelstudio"


def read(name: str, predictions: bool = False) -> tuple[list[AnnotatedDocument], Counter[str]]:
    notes: Counter[str] = Counter()
    with (FIXTURES / name).open(encoding="utf-8") as stream:
        records = [r for _, r in read_labelstudio(stream, notes, predictions)]
    return records, notes


def layer(record: AnnotatedDocument, who: str | None) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in record.spans if s.annotator == who}


def test_every_annotation_is_its_authors_layer_and_the_empty_first_one_costs_nothing():
    (first, second), notes = read("export_full.json")
    # Annotation 1 (user 1) is empty; user 2's spans all come in, named by completed_by.
    assert layer(first, "2") == {
        ("ACTOR", "وزارة الخارجية الأذربيجانية"),
        ("CUE", "قالت"),
        ("CLAIM", "القوات الأرمينية قصفت مواقع في منطقة ترتر"),
        ("ACTOR", "المتحدث"),
        ("CUE", "المتحدث"),
    }
    assert {s.annotator for s in first.spans} == {"2"}
    # completed_by as an object: its email names the layer.
    assert layer(second, "salma@newsroom.example") == {
        ("ACTOR", "المرصد السوري لحقوق الإنسان"),
        ("LOCATION", "ريف إدلب الجنوبي"),
    }
    assert layer(second, "omar@newsroom.example") == {("LOCATION", "ريف إدلب")}
    assert notes["cancelled Label Studio annotations skipped"] == 1
    assert "ترتر" not in {s.text for s in first.spans}  # only the cancelled one had it


def test_a_region_with_two_labels_is_two_spans_and_relations_keep_their_layer():
    (first, _), _ = read("export_full.json")
    speaker = [s for s in first.spans if s.text == "المتحدث"]
    assert sorted(s.label for s in speaker) == ["ACTOR", "CUE"]
    assert all(first.document.text[s.start : s.end] == s.text for s in first.spans)
    [relation] = first.relations
    by_id = {s.id: s for s in first.spans}
    assert (relation.label, by_id[relation.head].label, by_id[relation.tail].text) == (
        "SOURCE",
        "CLAIM",
        "وزارة الخارجية الأذربيجانية",
    )
    assert relation.annotator == "2"


def test_predictions_are_counted_and_left_out_unless_asked_for():
    (first, _), notes = read("export_full.json")
    assert not [s for s in first.spans if s.annotator and s.annotator.startswith("prediction")]
    assert notes["Label Studio predictions not imported (import them with --predictions)"] == 1
    (first, _), notes = read("export_full.json", predictions=True)
    assert layer(first, "prediction ner-v2") == {("ACTOR", "القوات الأرمينية")}


def test_json_min_rows_of_one_task_become_one_document_with_a_layer_each():
    records, _ = read("export_min.json")
    full, _ = read("export_full.json")
    assert [r.document.text for r in records] == [r.document.text for r in full]
    for mine, theirs in zip(records, full, strict=True):
        assert {(s.annotator, s.label, s.text) for s in mine.spans} == {
            (s.annotator, s.label, s.text) for s in theirs.spans
        }
    assert records[0].document.meta == {"outlet": "aljazeera"}


def test_errors_name_the_annotation_and_result_never_result_none():
    task = json.loads((FIXTURES / "export_full.json").read_text(encoding="utf-8"))[0]
    del task["annotations"][1]["result"][2]["id"]
    task["annotations"][1]["result"][2]["value"]["end"] = 10_000
    with pytest.raises(InputError) as caught:
        read_labelstudio(io.StringIO(json.dumps([task])), Counter())
    assert "None" not in caught.value.message
    assert caught.value.message.startswith("task 1: annotation 2, result 3: ")
    task["annotations"][1]["result"][1]["value"]["labels"] = []
    with pytest.raises(InputError, match=r"annotation 2, result 2 \(id b7TzQ0e1\): needs a list"):
        read_labelstudio(io.StringIO(json.dumps([task])), Counter())


@st.composite
def tasks(draw) -> tuple[dict, set[tuple[str, int, int, str]]]:
    """A task with several annotators' annotations, regions carrying one or more labels."""
    text = draw(st.text(alphabet="قالت وزارة 👍🏽\nـ", min_size=1, max_size=40))
    expected: set[tuple[str, int, int, str]] = set()
    annotations = []
    for who in draw(st.lists(st.sampled_from([1, 2, "salma@x.example"]), unique=True, max_size=3)):
        result = []
        for n in range(draw(st.integers(0, 4))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            labels = draw(
                st.lists(st.sampled_from(["ACTOR", "CUE", "CLAIM"]), min_size=1, max_size=3)
            )
            value = {"start": start, "end": end, "text": text[start:end], "labels": labels}
            result.append({"id": f"r{n}", "type": "labels", "value": value})
            expected |= {(str(who), start, end, label) for label in labels}
        annotations.append({"completed_by": who, "result": result})
    return {"data": {"text": text}, "annotations": annotations}, expected


@given(tasks())
@settings(max_examples=200, deadline=None)
def test_property_every_annotator_and_every_label_comes_back(case):
    task, expected = case
    [(_, record)] = read_labelstudio(io.StringIO(json.dumps([task])), Counter())
    assert {(s.annotator, s.start, s.end, s.label) for s in record.spans} == expected
    assert all(record.document.text[s.start : s.end] == s.text for s in record.spans)
