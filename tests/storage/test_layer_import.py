"""Exports with several annotators come in whole: one layer per annotator, nothing dropped."""

from __future__ import annotations

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
