"""Interchange formats: written and read back, offsets exact after emoji, no loss unsaid."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.errors import InputError
from annotator.core.formats import Layers
from annotator.core.formats.brat import read_brat, write_brat
from annotator.core.formats.conll import write_conll
from annotator.core.formats.doccano import read_doccano, write_doccano
from annotator.core.formats.hf import write_hf_split
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.formats.labelstudio_export import write_labelstudio
from annotator.core.formats.prodigy import read_prodigy, write_prodigy
from annotator.core.models import AnnotatedDocument, Document, Relation, Span

TEXT = "قالت 😀 وأذربيجان إن القتال اندلع.\nونفت أرمينيا ذلك؟"
LAYERS = Layers.of(default_schema().span_labels)


def span(phrase: str, label: str, span_id: int, attrs=None, occurrence: int = 0) -> Span:
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(phrase, at + 1)
    return Span(at, at + len(phrase), label, phrase, id=span_id, attrs=attrs or {})


CLAIM = span("أذربيجان إن القتال اندلع", "CLAIM", 1, {"factuality": "asserted"})
PLACE = span("أذربيجان", "LOCATION", 2)  # inside "وأذربيجان": a clitic before it
CUE = span("قالت", "CUE", 3)
ACTOR = span("أرمينيا", "ACTOR", 4)
MULTILINE = span("اندلع.\nونفت", "CLAIM", 5)
RECORD = AnnotatedDocument(
    Document(TEXT, id=9, meta={"title": "t"}, external_id="doc9"),
    (CUE, CLAIM, PLACE, ACTOR, MULTILINE),
    (Relation("CUE", 1, 3, id=1), Relation("ABOUT", 1, 2, id=2)),
)


def spans_of(record: AnnotatedDocument) -> set[tuple[int, int, str, str]]:
    return {(s.start, s.end, s.label, s.text) for s in record.spans}


def relations_of(record: AnnotatedDocument) -> set[tuple[str, str, str]]:
    by_id = {s.id: s.text for s in record.spans}
    return {(r.label, by_id[r.head], by_id[r.tail]) for r in record.relations}


def test_doccano_default_is_the_sequence_labelling_layout():
    out = io.StringIO()
    report = write_doccano([RECORD], out)
    line = json.loads(out.getvalue())
    # doccano's default columns, text and label; the others are kept as its metadata
    assert set(line) == {"id", "text", "label", "status", "title"}
    assert [PLACE.start + 1, PLACE.end + 1, "LOCATION"] in line["label"]
    assert report.lost == {
        "relations (the sequence-labelling layout has none: --doccano-layout relations)": 2,
        "span and relation attributes (doccano has none)": 1,
    }
    # CLAIM holds LOCATION; the two CLAIMs overlap: doccano keeps them only with overlap allowed.
    overlaps = "spans overlapping another: tick 'Allow overlapping entity' in the doccano project"
    assert report.notes == {overlaps: 3}
    [(_, back)] = list(read_doccano(io.StringIO(out.getvalue())))
    assert spans_of(back) == spans_of(RECORD)


def test_doccano_counts_utf16_like_doccano_and_reads_back():
    out = io.StringIO()
    report = write_doccano([RECORD], out, layout="relations")
    line = json.loads(out.getvalue())
    place = next(e for e in line["entities"] if e["label"] == "LOCATION")
    assert (place["start_offset"], place["end_offset"]) == (
        PLACE.start + 1,
        PLACE.end + 1,
    )  # emoji: 2 units
    assert report.lost["span and relation attributes (doccano has none)"] == 1
    [(_, back)] = list(read_doccano(io.StringIO(out.getvalue())))
    assert spans_of(back) == spans_of(RECORD) and relations_of(back) == relations_of(RECORD)


def test_doccano_code_point_mode_and_a_split_emoji():
    out = io.StringIO()
    write_doccano([RECORD], out, "codepoints")
    [(_, back)] = list(read_doccano(io.StringIO(out.getvalue()), "codepoints"))
    assert spans_of(back) == spans_of(RECORD)
    broken = json.dumps(
        {"text": TEXT, "label": [[6, 8, "X"]]}, ensure_ascii=False
    )  # unit 6 is mid-emoji
    with pytest.raises(InputError, match="inside a character") as info:
        list(read_doccano(io.StringIO("\n" + broken)))
    assert info.value.line == 2


def test_labelstudio_round_trip_and_utf16_offsets_from_elsewhere():
    out = io.StringIO()
    write_labelstudio([RECORD], out)
    notes: Counter[str] = Counter()
    [(_, back)] = read_labelstudio(io.StringIO(out.getvalue()), notes)
    assert spans_of(back) == spans_of(RECORD) and relations_of(back) == relations_of(RECORD)
    assert not notes
    # Offsets a tool wrote in UTF-16 units: converted, and said so.
    task = [
        {
            "data": {"text": TEXT},
            "annotations": [
                {
                    "result": [
                        {
                            "id": "a",
                            "type": "labels",
                            "value": {
                                "start": PLACE.start + 1,
                                "end": PLACE.end + 1,
                                "text": "أذربيجان",
                                "labels": ["LOCATION"],
                            },
                        }
                    ]
                }
            ],
        }
    ]
    [(_, converted)] = read_labelstudio(io.StringIO(json.dumps(task, ensure_ascii=False)), notes)
    assert spans_of(converted) == {(PLACE.start, PLACE.end, "LOCATION", "أذربيجان")}
    assert sum(notes.values()) == 1
    task[0]["annotations"][0]["result"][0]["value"]["text"] = "أرمينيا"
    with pytest.raises(InputError, match=r"task 1: result 1 \(id a\): text 'أرمينيا' is not at"):
        read_labelstudio(io.StringIO(json.dumps(task, ensure_ascii=False)), notes)


def test_prodigy_tokens_spans_and_relations():
    out = io.StringIO()
    report = write_prodigy([RECORD], out)
    line = json.loads(out.getvalue())
    tokens = line["tokens"]
    for s in line["spans"]:
        assert (
            tokens[s["token_start"]]["start"] == s["start"]
            and tokens[s["token_end"]]["end"] == s["end"]
        )
    for r in line["relations"]:
        assert r["head"] == r["head_span"]["token_end"]
    assert report.split_words == 1  # و | أذربيجان
    [(_, back)] = list(read_prodigy(io.StringIO(out.getvalue())))
    assert spans_of(back) == spans_of(RECORD) and relations_of(back) == relations_of(RECORD)


def test_brat_round_trip_with_fragments_and_attributes(tmp_path: Path):
    write_brat([RECORD], tmp_path)
    ann = (tmp_path / "doc9.ann").read_text(encoding="utf-8")
    newline = TEXT.index("\n")
    fragments = f"{MULTILINE.start} {newline};{newline + 1} {MULTILINE.end}"
    assert f"CLAIM {fragments}\tاندلع. ونفت" in ann  # brat cannot draw a span over two lines
    assert "A1\tfactuality T2 asserted" in ann
    back = read_brat(tmp_path / "doc9.ann")
    assert (tmp_path / "doc9.txt").read_text(encoding="utf-8") == TEXT
    assert spans_of(back) == spans_of(RECORD) and relations_of(back) == relations_of(RECORD)
    assert next(s for s in back.spans if s.text == CLAIM.text).attrs == {"factuality": "asserted"}


def test_brat_refuses_text_that_does_not_match(tmp_path: Path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1\tACTOR 0 4\tأرمن\n", encoding="utf-8")
    with pytest.raises(InputError, match="T1: text 'أرمن' is not at 0 4") as info:
        read_brat(tmp_path / "x.ann")
    assert info.value.line == 1


def test_conll_has_two_tag_columns_and_keeps_the_clitic_span():
    out = io.StringIO()
    report = write_conll([RECORD], LAYERS, out)
    rows = [
        line.split("\t")
        for line in out.getvalue().splitlines()
        if line and not line.startswith("#")
    ]
    assert ["و", "O", "O"] in rows
    assert ["أذربيجان", "B-LOCATION", "B-CLAIM"] in rows
    assert ["؟", "O", "O"] in rows
    assert out.getvalue().count("\n\n") == 2  # sentences end at "." (and its line break) and "؟"
    assert report.split_words == 1
    assert report.lost["claims spans nested in or overlapping another claims span"] == 1
    assert report.lost["relations (token tag formats hold none)"] == 2


def test_hf_lines_have_aligned_columns():
    out = io.StringIO()
    write_hf_split([RECORD], LAYERS, out)
    for line in map(json.loads, out.getvalue().splitlines()):
        assert len(line["tokens"]) == len(line["entity_tags"]) == len(line["claim_tags"])


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda t: t.strip())


@st.composite
def annotated(draw) -> AnnotatedDocument:
    text = draw(texts)
    spans = []
    for i in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if text[start:end].strip():
            spans.append(
                Span(
                    start, end, draw(st.sampled_from(["ACTOR", "LOCATION"])), text[start:end], id=i
                )
            )
    relations = (
        (Relation("AFFILIATED_WITH", spans[0].id, spans[-1].id, id=0),) if len(spans) > 1 else ()
    )
    return AnnotatedDocument(Document(text, id=1, external_id="doc1"), tuple(spans), relations)


@settings(max_examples=60, deadline=None)
@given(annotated())
def test_property_every_importable_format_gives_back_its_spans(tmp_path_factory, record):
    for write, read in (
        (
            lambda out: write_doccano([record], out, layout="relations"),
            lambda s: next(read_doccano(s))[1],
        ),
        (
            lambda out: write_labelstudio([record], out),
            lambda s: read_labelstudio(s, Counter())[0][1],
        ),
    ):
        out = io.StringIO()
        write(out)
        back = read(io.StringIO(out.getvalue()))
        assert spans_of(back) == spans_of(record) and relations_of(back) == relations_of(record)
    folder = tmp_path_factory.mktemp("brat")
    write_brat([record], folder)
    back = read_brat(folder / "doc1.ann")
    assert spans_of(back) == spans_of(record) and relations_of(back) == relations_of(record)
