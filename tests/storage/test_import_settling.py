"""What an import settles: repeats stored once, unlabelled Label Studio links, region choices."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.import_rules import NAMED, REPEATED_RELATIONS, REPEATED_SPANS, UNNAMED
from annotator.storage.importer import import_paths
from annotator.storage.project import Project

TEXT = "قالت وزارة الدفاع إن صواريخ أطلقت من أرمينيا"


def region(rid: str, phrase: str, label: str) -> dict[str, object]:
    start = TEXT.index(phrase)
    value = {"start": start, "end": start + len(phrase), "text": phrase, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def link(head: str, tail: str, labels: list[str]) -> dict[str, object]:
    return {
        "type": "relation",
        "from_id": head,
        "to_id": tail,
        "direction": "right",
        "labels": labels,
    }


def write_task(path: Path, result: list[dict[str, object]], **annotation: object) -> Path:
    task = {"id": 7, "data": {"text": TEXT}, "annotations": [{"result": result, **annotation}]}
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def test_label_studio_relation_without_label_takes_the_only_type_that_fits(
    project: Project, tmp_path: Path
):
    result = [
        region("CL", "صواريخ أطلقت من أرمينيا", "CLAIM"),
        region("C1", "قالت", "CUE"),
        region("A1", "وزارة الدفاع", "ACTOR"),
        link("CL", "C1", []),  # only CUE goes from a CLAIM to a CUE
        link("CL", "A1", []),  # SOURCE and ABOUT both do: left out, counted
    ]
    [outcome] = import_paths(project, [write_task(tmp_path / "t.json", result)]).outcomes
    assert outcome.error is None
    [relation] = project.relations(outcome.imported[0])
    assert relation.label == "CUE"
    assert outcome.notes[NAMED] == 1 and outcome.notes[UNNAMED] == 1


def test_label_studio_region_choices_become_span_attributes(project: Project, tmp_path: Path):
    result = [
        region("CL", "صواريخ أطلقت من أرمينيا", "CLAIM"),
        {
            "id": "CL",
            "from_name": "factuality",
            "to_name": "text",
            "type": "choices",
            "value": {"choices": ["asserted"]},
        },
        {  # no region: the document's own attribute
            "from_name": "topic",
            "to_name": "text",
            "type": "choices",
            "value": {"choices": ["conflict"]},
        },
        {"from_name": "summary", "to_name": "text", "type": "textarea", "value": {"text": ["x"]}},
    ]
    path = write_task(tmp_path / "t.json", result, completed_by=4)
    [outcome] = import_paths(project, [path]).outcomes
    assert outcome.error is None, outcome.error
    [span] = project.spans(outcome.imported[0])
    assert span.attrs == {"factuality": "asserted"} and span.annotator == "4"
    assert project.doc_attrs.all()[outcome.imported[0]] == {"topic": ("conflict",)}
    assert sum(n for note, n in outcome.notes.items() if "results not read" in note) == 1


def test_identical_spans_and_relations_of_a_record_are_stored_once(
    project: Project, tmp_path: Path
):
    spans = [
        {"id": "c", "start": 21, "end": 44, "label": "CLAIM"},
        {"id": "a", "start": 5, "end": 17, "label": "ACTOR"},
        {"id": "a2", "start": 5, "end": 17, "label": "ACTOR"},
        {"id": "q", "start": 0, "end": 4, "label": "CUE"},
        {"id": "q2", "start": 0, "end": 4, "label": "CUE"},
    ]
    relations = [
        {"label": "SOURCE", "head": "c", "tail": "a"},
        {"label": "SOURCE", "head": "c", "tail": "a2"},  # the same link, to the repeat
        {"label": "SOURCE", "head": "c", "tail": "a"},
    ]
    path = tmp_path / "d.jsonl"
    record = {"text": TEXT, "spans": spans, "relations": relations}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [outcome] = import_paths(project, [path]).outcomes
    doc = outcome.imported[0]
    assert sorted(s.label for s in project.spans(doc)) == ["ACTOR", "CLAIM", "CUE"]
    assert len(project.relations(doc)) == 1
    assert outcome.notes[REPEATED_SPANS] == 2 and outcome.notes[REPEATED_RELATIONS] == 2


def test_unknown_label_in_a_doccano_label_list_names_its_place(project: Project, tmp_path: Path):
    path = tmp_path / "d.jsonl"
    line = {"text": TEXT, "label": [[0, 4, "CUE"], [5, 17, "ORG"]]}
    path.write_text("\n" + json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [outcome] = import_paths(project, [path]).outcomes
    assert outcome.error is not None
    assert outcome.error.startswith(f"{path}:2: label[1] (ORG): unknown span label 'ORG'")


def test_an_unknown_brat_label_names_its_ann_line(project: Project, tmp_path: Path):
    (tmp_path / "d.txt").write_text("خبر عاجل", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tACTOR 0 3\tخبر\n\nT2\tLOC-X 4 8\tعاجل\n", encoding="utf-8")
    [outcome] = import_paths(project, [tmp_path / "d.ann"]).outcomes
    assert outcome.error is not None
    assert outcome.error.startswith(f"{tmp_path / 'd.ann'}:3: T2 (LOC-X): unknown span label")


def test_a_brat_relation_the_schema_refuses_names_its_ann_line(project: Project, tmp_path: Path):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    ann = (
        "T1\tCLAIM 21 44\tصواريخ أطلقت من أرمينيا\nT2\tACTOR 5 17\tوزارة الدفاع\n"
        "R1\tSOURCE Arg1:T1 Arg2:T2\nR2\tSOURCE Arg1:T1 Arg2:T2\nR3\tSOURCE Arg1:T2 Arg2:T1\n"
    )
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8")
    [outcome] = import_paths(project, [tmp_path / "d.ann"]).outcomes
    assert outcome.error is not None
    assert outcome.error.startswith(f"{tmp_path / 'd.ann'}:5: R3: SOURCE cannot start at an ACTOR")


def test_a_label_studio_relation_with_two_labels_is_two_relations(project: Project, tmp_path: Path):
    result = [
        region("CL", "صواريخ أطلقت من أرمينيا", "CLAIM"),
        region("A1", "وزارة الدفاع", "ACTOR"),
        link("CL", "A1", ["SOURCE", "ABOUT"]),
    ]
    [outcome] = import_paths(project, [write_task(tmp_path / "t.json", result)]).outcomes
    assert sorted(r.label for r in project.relations(outcome.imported[0])) == ["ABOUT", "SOURCE"]
