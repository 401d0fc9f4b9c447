"""Exports with several annotators come in whole: one layer per annotator, nothing dropped."""

from __future__ import annotations

import io
from pathlib import Path

from annotator.storage.importer import import_paths
from annotator.storage.project import Project

FIXTURES = Path(__file__).parents[1] / "fixtures"


def layers(project: Project, doc_id: int) -> dict[str | None, set[tuple[str, str]]]:
    out: dict[str | None, set[tuple[str, str]]] = {}
    for span in project.spans(doc_id):
        out.setdefault(span.annotator, set()).add((span.label, span.text))
    return out


def test_label_studio_export_stores_every_annotators_layer(project: Project):
    report = import_paths(project, [FIXTURES / "labelstudio" / "export_full.json"])
    [outcome] = report.outcomes
    assert outcome.error is None and len(outcome.imported) == 2
    assert outcome.notes["cancelled Label Studio annotations skipped"] == 1
    first, second = outcome.imported
    assert set(layers(project, first)) == {"2"}
    assert len(layers(project, first)["2"]) == 5
    assert set(layers(project, second)) == {"salma@newsroom.example", "omar@newsroom.example"}
    [relation] = project.relations(first)
    assert relation.annotator == "2"


def test_label_studio_predictions_on_request(project: Project):
    report = import_paths(
        project, [FIXTURES / "labelstudio" / "export_full.json"], predictions=True
    )
    first = report.outcomes[0].imported[0]
    assert layers(project, first)["prediction ner-v2"] == {("ACTOR", "القوات الأرمينية")}


def test_doccano_users_labels_each_their_layer(project: Project):
    report = import_paths(project, [FIXTURES / "doccano" / "users_annotations.jsonl"])
    [outcome] = report.outcomes
    assert outcome.error is None
    first, second = outcome.imported
    assert layers(project, first) == {
        "1": {("ACTOR", "وزارة الخارجية الأذربيجانية"), ("LOCATION", "ترتر")},
        "2": {("ACTOR", "وزارة الخارجية"), ("CUE", "قالت")},
    }
    assert layers(project, second) == {"2": {("ACTOR", "المرصد السوري لحقوق الإنسان")}}


def test_doccano_older_text_label_export(project: Project):
    report = import_paths(project, [FIXTURES / "doccano" / "text_labels.jsonl"])
    [doc] = report.outcomes[0].imported
    assert layers(project, doc) == {None: {("LOCATION", "ريف إدلب")}}


def test_command_line_counts_cancelled_and_skipped_predictions(tmp_path: Path):
    from annotator.cli import main

    source = str(FIXTURES / "labelstudio" / "export_full.json")
    db = str(tmp_path / "p.db")
    err = io.StringIO()
    assert main(["import", source, "--db", db], io.StringIO(), err) == 0
    assert "1 cancelled Label Studio annotations skipped" in err.getvalue()
    assert "1 Label Studio predictions not imported (import them with --predictions)" in (
        err.getvalue()
    )
    db2 = str(tmp_path / "q.db")
    assert main(["import", source, "--predictions", "--db", db2], io.StringIO(), err) == 0
    with Project.open(db2) as project:
        assert "prediction ner-v2" in {s.annotator for s in project.spans(1)}


def test_doccano_per_user_zip_gives_each_document_once_with_every_users_layer(project: Project):
    """doccano's export of a non-collaborative project: USERNAME.jsonl per member, zipped."""
    report = import_paths(project, [FIXTURES / "doccano" / "per_user_export.zip"])
    [outcome] = report.outcomes
    assert outcome.error is None and len(outcome.imported) == 3 and not outcome.duplicates
    first, second, third = outcome.imported
    assert layers(project, first) == {
        "admin": {("ACTOR", "وزارة الخارجية"), ("LOCATION", "ترتر")},  # after the emoji: UTF-16
        "salma": {("ACTOR", "القوات الأرمينية"), ("LOCATION", "ترتر")},
    }
    assert layers(project, second) == {"admin": {("ACTOR", "المرصد السوري لحقوق الإنسان")}}
    assert layers(project, third) == {"salma": {("ACTOR", "المتحدث باسم الجيش")}}


def test_a_bad_line_in_a_doccano_zip_names_its_member_and_line(project: Project, tmp_path: Path):
    import zipfile

    bad = tmp_path / "export.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("admin.jsonl", '{"id": 1, "text": "نص", "label": [[0, 2, 7]]}\n')
    [outcome] = import_paths(project, [bad]).outcomes
    assert outcome.error is not None
    assert outcome.error.startswith(
        f"{bad}: admin.jsonl:1: label[0]: label 7 is a doccano label id"
    )
    assert project.documents() == []
