"""Document attributes in the schema: parsing, checking values, extending, keys on both layouts."""

from __future__ import annotations

import copy
import json

import pytest

from annotator.assets import default_schema
from annotator.core import keyboard
from annotator.core.doc_categories import (
    choices_results,
    class_columns,
    from_categories,
    from_choices_results,
    one_hot,
)
from annotator.core.errors import InputError, SchemaError
from annotator.core.models import AnnotatedDocument, Document
from annotator.core.schema import parse_schema, schema_to_json
from annotator.core.schema_rules import (
    UnknownLabelError,
    check_record,
    doc_attrs,
    extend_document_attributes,
)

BASE = {"labels": [{"name": "ACTOR", "hotkey": "1"}]}


def schema_with(*attributes: dict) -> dict:
    return {**copy.deepcopy(BASE), "document_attributes": list(attributes)}


TOPIC = {"name": "topic", "multiple": True, "choices": {"س": "politics", "ن": "conflict"}}
GENRE = {"name": "genre", "choices": {"خ": "news", "ر": "opinion"}}


def test_default_schema_has_topic_genre_reliability_with_single_arabic_keys():
    schema = default_schema()
    names = [a.name for a in schema.document_attributes]
    assert names == ["topic", "genre", "reliability"]
    topic, genre, reliability = schema.document_attributes
    assert topic.multiple and not genre.multiple and not reliability.multiple
    assert {"politics", "conflict", "economy", "society"} <= set(topic.values())
    assert genre.values() == ("news", "analysis", "opinion", "interview", "press release")
    assert reliability.values() == ("high", "mixed", "low")
    for spec in schema.document_attributes:
        keys = [k for k, _ in spec.choices]
        assert all(len(k) == 1 and "\u0600" <= k <= "\u06ff" for k in keys)
        # Every Arabic key has a Latin twin: typed on either layout, the same physical key.
        assert all(keyboard.twin(k) for k in keys)
        assert len({keyboard.twin(k) for k in keys}) == len(keys)


def test_schema_show_round_trips_document_attributes():
    data = schema_with(TOPIC, GENRE)
    shown = schema_to_json(parse_schema(data))
    assert shown["document_attributes"] == [
        {"name": "topic", "type": "choice", "choices": TOPIC["choices"], "multiple": True},
        {"name": "genre", "type": "choice", "choices": GENRE["choices"]},
    ]
    assert parse_schema(json.loads(json.dumps(shown, ensure_ascii=False))) == parse_schema(data)


def test_a_schema_without_document_attributes_shows_none():
    assert "document_attributes" not in schema_to_json(parse_schema(BASE))


@pytest.mark.parametrize(
    ("attribute", "message"),
    [
        ({"name": "topic", "choices": {"pp": "politics"}}, "single characters"),
        ({"name": "topic", "type": "text"}, "choice list"),
        ({"name": "topic", "choices": {}}, "needs 'choices'"),
        ({"name": "topic", "multiple": "yes", "choices": {"a": "b"}}, "true or false"),
        ({"name": "to pic", "choices": {"a": "b"}}, "choice list named"),
        ({"name": "topic", "choices": {"a": "x", "b": "x"}}, "twice"),
    ],
)
def test_bad_document_attributes_are_refused(attribute: dict, message: str):
    with pytest.raises(SchemaError, match=message):
        parse_schema(schema_with(attribute))


def test_an_attribute_defined_twice_is_refused():
    with pytest.raises(SchemaError, match="defined twice"):
        parse_schema(schema_with(GENRE, GENRE))


def test_multiple_is_only_for_documents():
    data = copy.deepcopy(BASE)
    data["labels"][0]["attributes"] = [{"name": "x", "multiple": True, "choices": {"a": "b"}}]
    with pytest.raises(SchemaError, match="only document attributes"):
        parse_schema(data)


def test_values_come_back_canonical():
    schema = parse_schema(schema_with(TOPIC, GENRE))
    assert doc_attrs(schema, {"genre": ["news"], "topic": ["conflict", "politics"]}) == {
        "topic": ("politics", "conflict"),
        "genre": "news",
    }
    assert doc_attrs(schema, {"topic": "conflict", "genre": None}) == {"topic": ("conflict",)}
    assert doc_attrs(schema, {"topic": []}) == {}


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"genre": "sport"}, UnknownLabelError, "one of news, opinion, not 'sport'"),
        ({"mood": "calm"}, UnknownLabelError, "unknown document attribute 'mood'"),
        ({"genre": ["news", "opinion"]}, SchemaError, "holds one value, not 2"),
        ({"topic": ["conflict", "conflict"]}, SchemaError, "twice"),
        ({"genre": 3}, SchemaError, "a string or a list of strings"),
        ({"topic": [None]}, SchemaError, "a string or a list of strings"),
    ],
)
def test_values_outside_the_schema_are_refused(values: dict, error: type, message: str):
    schema = parse_schema(schema_with(TOPIC, GENRE))
    with pytest.raises(error, match=message):
        doc_attrs(schema, values)
    with pytest.raises(error, match=message):
        check_record(schema, AnnotatedDocument(Document("نص"), doc_attrs=values))


def test_extend_adds_attributes_and_values_with_free_keys():
    schema = parse_schema(schema_with(TOPIC, GENRE))
    records = [
        AnnotatedDocument(Document("أ"), doc_attrs={"genre": "analysis", "topic": ["sports"]}),
        AnnotatedDocument(Document("ب"), doc_attrs={"mood": ["calm", "tense"], "genre": "news"}),
        AnnotatedDocument(Document("ج"), doc_attrs={"region": "gulf"}),
    ]
    extended, added = extend_document_attributes(schema, records)
    assert added == ["genre=analysis", "topic=sports", "mood=calm", "mood=tense", "region=gulf"]
    genre = extended.document_attribute("genre")
    assert genre is not None and dict(genre.choices)["a"] == "analysis"
    mood = extended.document_attribute("mood")
    assert mood is not None and mood.multiple and mood.values() == ("calm", "tense")
    region = extended.document_attribute("region")
    assert region is not None and not region.multiple
    for record in records:
        check_record(extended, record)  # everything fits now
    assert extend_document_attributes(extended, records) == (extended, [])


def test_extend_refuses_a_name_that_cannot_be_an_attribute():
    schema = parse_schema(BASE)
    record = AnnotatedDocument(Document("أ"), doc_attrs={"two words": "x"})
    with pytest.raises(SchemaError, match="cannot join the schema"):
        extend_document_attributes(schema, [record])


def test_keys_match_on_both_layouts():
    assert keyboard.matches("س", "س") and keyboard.matches("s", "س")
    assert keyboard.matches("S", "س")
    assert keyboard.matches("ش", "a") and keyboard.matches("a", "a")
    assert not keyboard.matches("d", "س") and not keyboard.matches("", "س")
    assert keyboard.twin("ض") == "q" and keyboard.twin("?") is None


def test_categories_for_other_tools():
    schema = parse_schema(schema_with(TOPIC, GENRE))
    values = doc_attrs(schema, {"topic": ["conflict"], "genre": "opinion"})
    assert one_hot(values, schema.document_attributes) == {
        "topic=politics": 0.0,
        "topic=conflict": 1.0,
        "genre=news": 0.0,
        "genre=opinion": 1.0,
    }
    assert class_columns(values, schema.document_attributes) == {"topic": [1], "genre": 1}
    assert class_columns({}, schema.document_attributes) == {"topic": [], "genre": -1}
    assert from_choices_results(choices_results(values)) == {
        "topic": ["conflict"],
        "genre": ["opinion"],
    }
    assert from_categories(["topic=a=b", "genre=news"], "label") == {
        "topic": ["a=b"],
        "genre": ["news"],
    }
    with pytest.raises(InputError, match="does not name its attribute"):
        from_categories(["politics"], "label")
    with pytest.raises(InputError, match="list of category names"):
        from_categories("topic=politics", "label")


def test_hf_columns_never_overwrite_the_fixed_ones():
    import io

    from annotator.core.formats import Layers
    from annotator.core.formats.hf import dataset_card, write_hf_split

    schema = parse_schema(schema_with({"name": "doc", "choices": {"a": "wire", "b": "blog"}}))
    record = AnnotatedDocument(Document("قال الوزير.", id=9), doc_attrs={"doc": "blog"})
    out = io.StringIO()
    write_hf_split(
        [record], Layers.of(schema.span_labels), out, "entities", schema.document_attributes
    )
    line = json.loads(out.getvalue().splitlines()[0])
    assert line["doc"] == 9 and line["doc_doc"] == 1
    card = dataset_card(
        Layers.of(schema.span_labels), ["train"], "entities", schema.document_attributes
    )
    assert "  - name: doc_doc\n    dtype:\n      class_label:" in card
