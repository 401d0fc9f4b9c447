"""Document attribute values through every format: round trips, spaCy cats, HF features."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.formats.doccano import Layout
from annotator.core.models import Document, Status
from annotator.storage.exporter import FormatOptions, export_format, write_jsonl
from annotator.storage.importer import import_paths
from annotator.storage.project import Project
from tests.spans import add_span

# Pages of several outlets' shapes: a wire story, an opinion piece, a press release, an interview.
ARTICLES = [
    (
        "أعلنت وزارة الدفاع أن الهدنة صمدت ليلتها الأولى.\n"
        "وقال متحدث باسمها إن خروقات محدودة سجلت.",
        {"topic": ["conflict", "politics"], "genre": "news", "reliability": "high"},
    ),
    ("رأي | لماذا يدفع الفقراء ثمن التضخم؟", {"topic": ["economy"], "genre": "opinion"}),
    ("بيان صحفي: الشركة تطلق منصة جديدة 😀 للدفع الإلكتروني", {"genre": "press release"}),
    ("س: ما رأيك في القرار؟\nج: إنه خطوة متأخرة.", {"genre": "interview", "reliability": "low"}),
    ("خبر بلا تصنيف بعد.", {}),
]


@pytest.fixture
def filled(project: Project) -> Project:
    for text, values in ARTICLES:
        doc = project.add_document(Document(text))
        project.set_status(doc, Status.IN_PROGRESS)  # training formats leave todo ones out
        if values:
            project.doc_attrs.set(doc, values)
    first = project.documents()[0].id
    add_span(project, first, 0, 5, "ACTOR")
    return project


def stored(project: Project) -> dict[str, dict]:
    by_id = project.doc_attrs.all()
    return {project.document(r.id).text: by_id.get(r.id, {}) for r in project.documents()}


def reimport(path: Path, tmp_path: Path, name: str, fmt: str | None = None) -> Project:
    again = Project.open(tmp_path / f"{name}.db")
    report = import_paths(again, [path], fmt=fmt)
    assert not report.failed, [o.error for o in report.failed]
    return again


@pytest.mark.parametrize(
    ("fmt", "layout", "suffix"),
    [
        ("jsonl", "spans", ".jsonl"),
        ("doccano", "spans", ".jsonl"),
        ("doccano", "relations", ".jsonl"),
        ("doccano", "classes", ".jsonl"),
        ("labelstudio", "spans", ".json"),
    ],
)
def test_round_trip(filled: Project, tmp_path: Path, fmt: str, layout: Layout, suffix: str):
    path = tmp_path / f"out{suffix}"
    export_format(filled, fmt, path, io.StringIO(), options=FormatOptions(doccano_layout=layout))
    with reimport(path, tmp_path, f"{fmt}-{layout}") as again:
        assert stored(again) == stored(filled)


def test_native_lines_carry_doc_attrs_as_documented(filled: Project):
    out = io.StringIO()
    write_jsonl(filled, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["doc_attrs"] == {
        "topic": ["politics", "conflict"],
        "genre": "news",
        "reliability": "high",
    }
    assert list(lines[0]) == [
        "format_version", "id", "uid", "external_id", "text", "status", "meta",
        "doc_attrs", "spans", "relations",
    ]  # fmt: skip
    assert "doc_attrs" not in lines[-1]  # none set: the line is as before


def test_spacy_doc_cats_are_one_hot_over_every_value(filled: Project, tmp_path: Path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    export_format(filled, "spacy", tmp_path / "sp", io.StringIO())
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(tmp_path / "sp" / "train.spacy").get_docs(nlp.vocab))
    every = [f"{a.name}={v}" for a in filled.schema.document_attributes for v in a.values()]
    assert all(sorted(doc.cats) == sorted(every) for doc in docs)
    first = {k for k, v in docs[0].cats.items() if v == 1.0}
    assert first == {"topic=politics", "topic=conflict", "genre=news", "reliability=high"}
    assert set(docs[0].cats.values()) == {0.0, 1.0}
    assert not any(docs[-1].cats.values())


def test_hugging_face_columns_are_class_labels(filled: Project, tmp_path: Path):
    datasets = pytest.importorskip("datasets")
    export_format(filled, "hf", tmp_path / "hf", io.StringIO())
    data = datasets.load_dataset(str(tmp_path / "hf"))["train"]
    topic, genre, reliability = filled.schema.document_attributes
    assert data.features["genre"] == datasets.ClassLabel(names=list(genre.values()))
    assert data.features["reliability"] == datasets.ClassLabel(names=list(reliability.values()))
    assert data.features["topic"].feature == datasets.ClassLabel(names=list(topic.values()))
    first = data[0]
    assert data.features["genre"].int2str(first["genre"]) == "news"
    assert [data.features["topic"].feature.int2str(i) for i in first["topic"]] == [
        "politics",
        "conflict",
    ]
    last = data[-1]
    assert last["genre"] == -1 and last["topic"] == []


def test_formats_without_document_classes_count_the_values(filled: Project):
    report = export_format(filled, "conll", None, io.StringIO())
    assert "not representable: 9 document attribute values" in " ".join(report.lines())


def test_doccano_text_classification_shape(filled: Project):
    out = io.StringIO()
    export_format(filled, "doccano", None, out, options=FormatOptions(doccano_layout="classes"))
    first = json.loads(out.getvalue().splitlines()[0])
    assert set(first) == {"id", "text", "label"}
    assert first["label"] == ["topic=politics", "topic=conflict", "genre=news", "reliability=high"]


def test_labelstudio_choices_results(filled: Project):
    out = io.StringIO()
    export_format(filled, "labelstudio", None, out)
    result = json.loads(out.getvalue())[0]["annotations"][0]["result"]
    choices = [r for r in result if r["type"] == "choices"]
    assert [(r["from_name"], r["to_name"], r["value"]["choices"]) for r in choices] == [
        ("topic", "text", ["politics", "conflict"]),
        ("genre", "text", ["news"]),
        ("reliability", "text", ["high"]),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "native.jsonl",
            '{"format_version": 1, "text": "نص أول"}\n'
            '{"format_version": 1, "text": "نص ثان", "doc_attrs": {"genre": "rumour"}}\n',
            "native.jsonl:2: doc_attrs.genre is one of news",
        ),
        (
            "native.jsonl",
            '{"format_version": 1, "text": "نص", "doc_attrs": ["genre"]}\n',
            "native.jsonl:1: 'doc_attrs' must be",
        ),
        (
            "textcat.jsonl",
            '{"text": "نص", "label": ["politics"]}\n',
            "textcat.jsonl:1: category 'politics' does not name its attribute",
        ),
        (
            "ls.json",
            '[{"data": {"text": "نص"}, "annotations": [{"result": [{"id": "c", "type": "choices",'
            ' "from_name": "genre", "to_name": "text", "value": {"choices": ["news", "opinion"]}}'
            "]}]}]",
            "ls.json:1: doc_attrs.genre holds one value, not 2",
        ),
    ],
)
def test_values_outside_the_schema_are_refused_with_file_and_line(
    project: Project, tmp_path: Path, name: str, content: str, message: str
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = import_paths(project, [path])
    (failed,) = report.failed
    assert failed.error is not None and failed.error.startswith(str(path)), failed.error
    assert message in failed.error.replace(str(tmp_path) + "/", "")
    assert project.documents() == []  # all or nothing


def test_extend_schema_adds_what_the_file_brings(project: Project, tmp_path: Path):
    path = tmp_path / "new.jsonl"
    path.write_text(
        json.dumps({"text": "نص", "doc_attrs": {"genre": "rumour", "region": ["gulf", "levant"]}})
        + "\n",
        encoding="utf-8",
    )
    refused = import_paths(project, [path])
    assert refused.failed and refused.failed[0].unknown_label
    report = import_paths(project, [path], extend_schema=True)
    assert report.added_values == ["genre=rumour", "region=gulf", "region=levant"]
    (row,) = project.documents()
    assert project.doc_attrs.of(row.id) == {"genre": "rumour", "region": ("gulf", "levant")}
    region = project.schema.document_attribute("region")
    assert region is not None and region.multiple


_schema = default_schema()
_values = st.fixed_dictionaries(
    {},
    optional={
        spec.name: (
            st.lists(st.sampled_from(spec.values()), unique=True, max_size=4)
            if spec.multiple
            else st.sampled_from(spec.values())
        )
        for spec in _schema.document_attributes
    },
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(_values, min_size=1, max_size=4))
def test_any_values_survive_native_and_label_studio(tmp_path_factory, values):
    tmp = tmp_path_factory.mktemp("prop")
    with Project.open(tmp / "p.db") as project:
        for i, given_values in enumerate(values):
            doc = project.add_document(Document(f"مقال رقم {i} عن الأحداث"))
            project.doc_attrs.set(doc, given_values)
        expected = stored(project)
        for fmt, suffix in (("jsonl", ".jsonl"), ("labelstudio", ".json"), ("doccano", ".jsonl")):
            path = tmp / f"out-{fmt}{suffix}"
            export_format(project, fmt, path, io.StringIO())
            with reimport(path, tmp, f"again-{fmt}") as again:
                assert stored(again) == expected


def test_label_studio_takes_the_first_annotation_that_chose_and_counts_the_others(
    project: Project, tmp_path: Path
):
    def annotation(who: int, genre: str) -> dict:
        return {
            "completed_by": who,
            "result": [
                {
                    "id": f"g{who}",
                    "from_name": "genre",
                    "to_name": "text",
                    "type": "choices",
                    "value": {"choices": [genre]},
                }
            ],
        }

    tasks = [
        {
            "id": 7,
            "data": {"text": "مقابلة مع وزير الاقتصاد"},
            "annotations": [
                {"completed_by": 1, "result": []},
                annotation(2, "interview"),
                annotation(3, "news"),
                annotation(4, "interview"),
            ],
        }
    ]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = import_paths(project, [path])
    assert not report.failed
    (row,) = project.documents()
    assert project.doc_attrs.of(row.id) == {"genre": "interview"}
    notes = report.outcomes[0].notes
    assert notes["document attribute choices of a further annotation not imported"] == 1


def test_doccano_zip_and_a_first_line_without_labels(project: Project, tmp_path: Path):
    import zipfile

    path = tmp_path / "doccano.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "amal.jsonl",
            '{"id": 1, "text": "نص أول", "label": []}\n'
            '{"id": 2, "text": "نص ثان", "label": ["genre=opinion", "topic=economy"]}\n',
        )
        archive.writestr("zaid.jsonl", '{"id": 2, "text": "نص ثان", "label": ["genre=news"]}\n')
    report = import_paths(project, [path])
    assert not report.failed, [o.error for o in report.failed]
    assert stored(project) == {
        "نص أول": {},
        "نص ثان": {"topic": ("economy",), "genre": "opinion"},
    }
    plain = tmp_path / "plain.jsonl"
    plain.write_text(
        '{"id": 1, "text": "نص ثالث", "label": []}\n'
        '{"id": 2, "text": "نص رابع", "label": [], "cats": ["reliability=low"]}\n',
        encoding="utf-8",
    )
    assert not import_paths(project, [plain]).failed
    assert stored(project)["نص رابع"] == {"reliability": "low"}
