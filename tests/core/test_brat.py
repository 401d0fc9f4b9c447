"""brat: exact offsets whatever the text holds, names and values brat cannot hold encoded."""

from __future__ import annotations

import tempfile
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.errors import InputError
from annotator.core.formats.brat import read_brat, write_brat
from annotator.core.models import AnnotatedDocument, Document, Relation, Span

# Letters, tatweel, harakat, emoji (a skin tone, a flag), and every kind of break and blank.
PIECES = [
    "ا", "ل", "و", "ز", "ر", "ة", "ـ", "\u064e", "😀", "👍🏽", "🇦🇲", "a",
    "\n", "\r", "\r\n", "\t", " ", "\u2028", "\u2029", "\x85", "\x0b", "\x1c",
]  # fmt: skip


def spans_of(record: AnnotatedDocument) -> list[tuple[int, int, str, str, dict]]:
    return sorted(
        ((s.start, s.end, s.label, s.text, dict(s.attrs)) for s in record.spans), key=repr
    )


def round_trip(record: AnnotatedDocument, labels=()) -> AnnotatedDocument:
    with tempfile.TemporaryDirectory() as folder:
        write_brat([record], Path(folder), *([labels] if labels else []))
        [ann] = Path(folder).glob("*.ann")  # named by the external id, else the uid
        return read_brat(ann)


def record_of(text: str, *spans: tuple[int, int, str, dict]) -> AnnotatedDocument:
    return AnnotatedDocument(
        Document(text, id=1, external_id="doc1"),
        tuple(
            Span(a, b, label, text[a:b], id=i, attrs=attrs)
            for i, (a, b, label, attrs) in enumerate(spans)
        ),
    )


def test_a_span_ending_in_a_line_break_keeps_its_end(tmp_path: Path):
    text = "قالت الوزارة\nإن"
    record = record_of(text, (5, 13, "ACTOR", {}))
    write_brat([record], tmp_path)
    ann = (tmp_path / "doc1.ann").read_text(encoding="utf-8")
    assert ann == "T1\tACTOR 5 12;12 13\tالوزارة  \n"
    assert spans_of(read_brat(tmp_path / "doc1.ann")) == spans_of(record)


def test_a_span_across_a_line_break_is_two_fragments(tmp_path: Path):
    text = "قالت الوزارة\nإن"
    record = record_of(text, (5, 15, "ACTOR", {}))
    write_brat([record], tmp_path)
    assert "T1\tACTOR 5 12;13 15\tالوزارة إن\n" in (tmp_path / "doc1.ann").read_text("utf-8")
    assert spans_of(read_brat(tmp_path / "doc1.ann")) == spans_of(record)


def test_breaks_only_u2028_and_awkward_attributes_come_back():
    text = "أ\nب\u2028ج د"
    record = record_of(
        text,
        (1, 2, "ACTOR", {"note with space": "two words\nand a line", "n": 3, "off": False}),
        (2, 5, "CLAIM", {"": "x"} | {"d": {"a b": [1, None]}, "empty": "", "=x": "=y"}),
        (3, 4, "CUE", {"flag": True, "pct": "50%", "bar": "a|b,c"}),
    )
    back = round_trip(record)
    lost = {k for k in record.spans[1].attrs if k}  # the empty key is counted, not written
    assert spans_of(back)[0] == spans_of(record)[0]
    assert dict(back.spans[1].attrs) == {k: record.spans[1].attrs[k] for k in lost}
    assert spans_of(back)[2] == spans_of(record)[2]


def test_empty_attribute_name_is_counted(tmp_path: Path):
    report = write_brat([record_of("أب", (0, 2, "ACTOR", {"": 1}))], tmp_path)
    assert report.lost == {"span attributes with an empty name (brat has none)": 1}


def test_annotation_conf_and_visual_conf_are_written(tmp_path: Path):
    schema = default_schema()
    record = record_of("قالت أرمينيا", (0, 4, "CUE", {}), (5, 12, "OTHER KIND", {"x y": "z w"}))
    record = AnnotatedDocument(record.document, record.spans, (Relation("SAID", 0, 1, id=0),))
    write_brat([record], tmp_path, schema.labels)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    sections = [line for line in conf.splitlines() if line.startswith("[")]
    assert sections == ["[entities]", "[relations]", "[events]", "[attributes]"]
    entities = conf.split("[entities]\n")[1].split("\n[")[0].splitlines()
    assert entities == [*(lb.name for lb in schema.span_labels), "OTHER__20_KIND"]
    assert 'x__20_y\tArg:OTHER__20_KIND, Value:="z%20w"' in conf
    for lb in schema.relation_labels:
        assert any(line.startswith(f"{lb.name}\tArg1:") for line in conf.splitlines())
    every = "|".join([*(lb.name for lb in schema.span_labels), "OTHER__20_KIND"])
    assert f"SAID\tArg1:{every}, Arg2:{every}" in conf.splitlines()
    visual = (tmp_path / "visual.conf").read_text(encoding="utf-8")
    for lb in schema.labels:
        key = "bgColor" if lb in schema.span_labels else "color"
        assert f"{lb.name}\t{key}:{lb.color}" in visual


keys = st.text(st.sampled_from(["a", "ب", " ", "\n", "%", "=", "|", "\t", "😀"]), min_size=1)
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)  # what a project stores
    | st.lists(st.sampled_from([*PIECES, "%", "="])).map("".join),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(keys, inner, max_size=2),
    max_leaves=4,
)


@st.composite
def documents(draw) -> AnnotatedDocument:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30)))
    spans = []
    for i in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["ACTOR", "CLAIM", "LOCATION"]) | keys)
        attrs = draw(st.dictionaries(keys, values, max_size=2))
        spans.append(Span(start, end, label, text[start:end], id=i, attrs=attrs))
    relations = tuple(
        Relation("SOURCE", a.id, b.id, id=n)
        for n, (a, b) in enumerate(pairwise(spans))
        if a.id is not None and b.id is not None
    )
    return AnnotatedDocument(Document(text, id=1, external_id="doc1"), tuple(spans), relations)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_property_brat_gives_back_every_span_exactly(record: AnnotatedDocument):
    back = round_trip(record)
    assert back.document.text == record.document.text
    assert spans_of(back) == spans_of(record)
    texts = {s.id: (s.start, s.end, s.label) for s in record.spans}
    back_texts = {s.id: (s.start, s.end, s.label) for s in back.spans}
    assert sorted((r.label, texts[r.head], texts[r.tail]) for r in record.relations) == sorted(
        (r.label, back_texts[r.head], back_texts[r.tail]) for r in back.relations
    )


def test_values_no_project_can_hold_are_refused_with_the_line(tmp_path: Path):
    from annotator.core.errors import InputError

    (tmp_path / "x.txt").write_text("أب", encoding="utf-8")
    for column in ("=NaN", "=1e400", "=%22%5Cud800%22", "={broken"):
        (tmp_path / "x.ann").write_text(f"T1\tACTOR 0 2\tأب\nA1\tnote T1 {column}\n", "utf-8")
        with pytest.raises(InputError, match="is not readable") as info:
            read_brat(tmp_path / "x.ann")
        assert info.value.line == 2


def write_pair(folder: Path, text: str, ann: str) -> Path:
    (folder / "d.txt").write_text(text, encoding="utf-8")
    (folder / "d.ann").write_text(ann, encoding="utf-8")
    return folder / "d.ann"


def test_lines_of_other_kinds_are_skipped_and_counted_notes_kept(tmp_path: Path):
    text = "قالت وزارة الدفاع إن القتال في أرمينيا"
    ann = write_pair(
        tmp_path,
        text,
        "T1\tACTOR 5 17\tوزارة الدفاع\n"
        "T2\tLOCATION 31 38\tأرمينيا\n"
        "T3\tCUE 0 4\tقالت\n"
        "#1\tAnnotatorNotes T1\tministry of defence\n"
        "A1\tloc_type T2 country\n"
        "N1\tReference T2 Wikipedia:123\tArmenia\n"
        "*\tEquiv T1 T3\n"
        "E1\tCUE:T3\n"
        "#2\tAnnotatorNotes R9\tabout a relation\n"
        "A2\tNegation E1\n"
        "R1\tCause Arg1:E1 Arg2:T2\n",
    )
    notes: Counter[str] = Counter()
    record = read_brat(ann, notes)
    assert {s.label: dict(s.attrs) for s in record.spans} == {
        "ACTOR": {"note": "ministry of defence"},
        "LOCATION": {"loc_type": "country"},
        "CUE": {},
    }
    assert notes == {
        "brat normalizations (N lines) not read": 1,
        "brat equivalences (* lines) not read": 1,
        "brat events (E lines) not read": 1,
        "brat notes not on a text-bound annotation (# lines) not read": 1,
        "brat attributes not of a T annotation not read": 1,
        "brat relations not between two T annotations not read": 1,
    }


def test_a_discontinuous_span_is_refused_for_what_it_is(tmp_path: Path):
    ann = write_pair(tmp_path, "قال وزير خارجية الأذري", "T1\tACTOR 4 8;16 22\tوزير الأذري\n")
    with pytest.raises(InputError, match=r"T1: a discontinuous span \(4 8;16 22\) leaves out text"):
        read_brat(ann)


def test_files_are_named_by_external_id_unless_shared_or_too_long(tmp_path: Path):
    docs = [
        AnnotatedDocument(Document("خبر أول", id=1, external_id="wire/2024 0042")),
        AnnotatedDocument(Document("خبر ثان", id=2, external_id="WIRE/2024 0042".lower())),
        AnnotatedDocument(
            Document("خبر ثالث", id=3, external_id="https://news.example/" + "a" * 300)
        ),
    ]
    report = write_brat(docs, tmp_path)
    names = sorted(p.stem for p in tmp_path.glob("*.ann"))
    assert names == ["doc2", "doc3", "wire__2f_2024__20_0042"]
    assert (
        read_brat(tmp_path / "wire__2f_2024__20_0042.ann").document.external_id == "wire/2024 0042"
    )
    assert sum(report.lost.values()) == 2


def test_an_attribute_of_a_missing_t_names_its_line(tmp_path: Path):
    ann = write_pair(tmp_path, "خبر عاجل", "T1\tACTOR 0 3\tخبر\nA1\tmention T9 named\n")
    with pytest.raises(InputError, match="A1: attribute of T9, which no T line has") as info:
        read_brat(ann)
    assert info.value.line == 2
