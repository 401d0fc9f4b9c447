"""Through doccano, Label Studio, Prodigy and brat and back: identity kept, the rest counted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.core.models import Document, Status
from annotator.storage.exporter import LEFT_OUT, export_format
from annotator.storage.importer import import_paths
from annotator.storage.project import Project

TEXT = "قالت وزارة الدفاع إن صواريخ أطلقت من أرمينيا"
RECORDS = [
    {
        "external_id": "agency-0042",
        "text": TEXT,
        "status": "done",
        "meta": {"title": "صواريخ", "url": "https://news.example/a/42"},
        "spans": [
            {"id": 1, "start": 21, "end": 44, "label": "CLAIM", "annotator": "salma"},
            {"id": 2, "start": 5, "end": 17, "label": "ACTOR", "annotator": "salma"},
        ],
        "relations": [{"label": "SOURCE", "head": 1, "tail": 2, "annotator": "salma"}],
    },
    {"text": "ونفت أرمينيا ذلك", "status": "in_progress"},  # no external id: the uid stands in
]
# Where each format has a place for: status, annotator, url.
HOLDS = {
    "doccano": (True, False, True),
    "labelstudio": (True, True, True),
    "prodigy": (True, True, True),
    "brat": (False, False, False),
}


@pytest.fixture
def source(tmp_path: Path) -> Project:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    project = Project.open(tmp_path / "source.db")
    assert not import_paths(project, [path]).failed
    yield project
    project.close()


@pytest.mark.parametrize("fmt", sorted(HOLDS))
def test_round_trip_keeps_identity_and_counts_what_the_format_cannot_hold(
    source: Project, tmp_path: Path, fmt: str
):
    output = tmp_path / ("out" if fmt == "brat" else f"out.{fmt}")
    report = export_format(source, fmt, output, io.StringIO())
    with Project.open(tmp_path / "back.db") as back:
        imported = import_paths(back, [output], fmt=fmt)
        assert not imported.failed, imported.failed[0].error
        docs = {back.document(i).text: back.document(i) for o in imported.outcomes
                for i in o.imported}  # fmt: skip
        first, second = docs[TEXT], docs["ونفت أرمينيا ذلك"]
        assert first.external_id == "agency-0042"
        assert second.external_id == source.document(2).uid
        status, annotator, url = HOLDS[fmt]
        assert (str(first.status), str(second.status)) == (
            ("done", "in_progress") if status else ("todo", "todo")
        )
        annotators = {s.annotator for s in back.spans(first.id)}
        assert annotators == ({"salma"} if annotator else {None})
        assert (first.meta.get("url") == RECORDS[0]["meta"]["url"]) is url
    lost = " ".join(report.lost)
    assert ("statuses" in lost) is not status
    assert ("annotators" in lost) is not annotator
    assert ("urls" in lost) is not url


@pytest.mark.parametrize("fmt", ["hf", "spacy", "conll", "prodigy"])
def test_training_formats_leave_todo_documents_out_unless_asked(
    source: Project, tmp_path: Path, fmt: str
):
    source.add_document(Document("خبر لم يقرأه أحد بعد"))
    report = export_format(source, fmt, tmp_path / "out", io.StringIO())
    assert report.documents == 2 and report.notes[LEFT_OUT] == 1
    assert any(line.startswith("1 todo left out") for line in report.lines())
    every = [Status.TODO, Status.IN_PROGRESS, Status.DONE]
    asked = export_format(source, fmt, tmp_path / "all", io.StringIO(), statuses=every)
    assert asked.documents == 3 and not asked.notes


def test_other_formats_export_todo_documents(source: Project, tmp_path: Path):
    source.add_document(Document("خبر لم يقرأه أحد بعد"))
    assert export_format(source, "doccano", tmp_path / "d.jsonl", io.StringIO()).documents == 3


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_a_numeric_task_id_goes_back_as_a_number(tmp_path: Path, fmt: str):
    """doccano and Label Studio number their records: 41 read in is 41 written out, not "41";
    "0041" and a uid stay strings."""
    with Project.open(tmp_path / "p.db") as project:
        for external_id, text in (("41", "قال الوزير"), ("0041", "نفت الوزارة")):
            project.add_document(Document(text, external_id=external_id))
        project.add_document(Document("أكدت المصادر"))
        output = tmp_path / f"out.{fmt}"
        export_format(project, fmt, output, io.StringIO())
        uid = project.document(3).uid
    content = output.read_text(encoding="utf-8")
    records = (
        [json.loads(line) for line in content.splitlines()]
        if fmt == "doccano"
        else [task["data"] for task in json.loads(content)]
    )
    assert [r["id"] for r in records] == [41, "0041", uid]
    with Project.open(tmp_path / "back.db") as back:
        assert not import_paths(back, [output], fmt=fmt).failed
        assert sorted(d.external_id for d in back.documents()) == sorted(["41", "0041", uid])
