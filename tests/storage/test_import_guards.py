"""What an import refuses, and that a refused file costs nothing else.

Every importer (native, doccano, Label Studio, Prodigy, brat) is held to the
project's schema; every JSON reader refuses values UTF-8 or SQLite cannot
hold; FIFOs, sockets and devices are never opened. Files are hand-written in
each tool's own shape.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.identity import document_uid
from annotator.core.models import LabelKind
from annotator.storage.importer import import_paths
from annotator.storage.project import Project

TEXT = "قالت الوزارة إن القوات وصلت إلى بغداد صباح اليوم"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


CLAIM, ACTOR, PLACE = at("القوات وصلت إلى بغداد"), at("الوزارة"), at("بغداد")


def native(relation: str = "SOURCE", tail: str = "LOCATION", **span_attrs: object) -> str:
    spans = [
        {"id": "c", "start": CLAIM[0], "end": CLAIM[1], "label": "CLAIM", "attrs": span_attrs},
        {"id": "a", "start": ACTOR[0], "end": ACTOR[1], "label": "ACTOR"},
        {"id": "p", "start": PLACE[0], "end": PLACE[1], "label": "LOCATION"},
    ]
    other = "p" if tail == "LOCATION" else "a"
    record = {
        "format_version": 1,
        "id": "wire-1",
        "text": TEXT,
        "spans": spans,
        "relations": [{"id": "x", "label": relation, "head": "c", "tail": other}],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def doccano(tail: str = "LOCATION") -> str:
    entities = [
        {"id": 1, "label": "CLAIM", "start_offset": CLAIM[0], "end_offset": CLAIM[1]},
        {"id": 2, "label": "ACTOR", "start_offset": ACTOR[0], "end_offset": ACTOR[1]},
        {"id": 3, "label": "LOCATION", "start_offset": PLACE[0], "end_offset": PLACE[1]},
    ]
    to = 3 if tail == "LOCATION" else 2
    record = {
        "id": 41,
        "text": TEXT,
        "entities": entities,
        "relations": [{"id": 9, "from_id": 1, "to_id": to, "type": "SOURCE"}],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def labelstudio(tail: str = "LOCATION") -> str:
    def labels(rid: str, span: tuple[int, int], label: str) -> dict[str, object]:
        value = {"start": span[0], "end": span[1], "text": TEXT[span[0] : span[1]]}
        return {
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {**value, "labels": [label]},
        }

    result = [
        labels("c1", CLAIM, "CLAIM"),
        labels("a1", ACTOR, "ACTOR"),
        labels("p1", PLACE, "LOCATION"),
        {
            "type": "relation",
            "from_id": "c1",
            "to_id": "p1" if tail == "LOCATION" else "a1",
            "direction": "right",
            "labels": ["SOURCE"],
        },
    ]
    task = {"id": 1207, "data": {"text": TEXT}, "annotations": [{"result": result}]}
    return json.dumps([task], ensure_ascii=False, indent=1)


def prodigy(tail: str = "LOCATION") -> str:
    def span(s: tuple[int, int], label: str) -> dict[str, object]:
        return {"start": s[0], "end": s[1], "label": label}

    record = {
        "text": TEXT,
        "tokens": [],
        "spans": [span(CLAIM, "CLAIM"), span(ACTOR, "ACTOR"), span(PLACE, "LOCATION")],
        "relations": [
            {
                "head_span": span(CLAIM, "CLAIM"),
                "child_span": span(PLACE, "LOCATION")
                if tail == "LOCATION"
                else span(ACTOR, "ACTOR"),
                "label": "SOURCE",
            }
        ],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_brat(folder: Path, tail: str = "LOCATION", name: str = "story-0042") -> Path:
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    lines = [
        f"T1\tCLAIM {CLAIM[0]} {CLAIM[1]}\t{TEXT[CLAIM[0] : CLAIM[1]]}",
        f"T2\tACTOR {ACTOR[0]} {ACTOR[1]}\t{TEXT[ACTOR[0] : ACTOR[1]]}",
        f"T3\tLOCATION {PLACE[0]} {PLACE[1]}\t{TEXT[PLACE[0] : PLACE[1]]}",
        f"R1\tSOURCE Arg1:T1 Arg2:{'T3' if tail == 'LOCATION' else 'T2'}",
    ]
    ann = folder / f"{name}.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ann


Writer = Callable[[Path, str], Path]


def _file(suffix: str, make: Callable[[str], str]) -> Writer:
    def write(folder: Path, tail: str) -> Path:
        path = folder / f"in{suffix}"
        path.write_text(make(tail), encoding="utf-8")
        return path

    return write


IMPORTERS: dict[str, tuple[Writer, str, str]] = {
    # name: (writer, where the error points, the relation as the message names it)
    "native": (_file(".jsonl", lambda t: native(tail=t)), ":1:", "relation x"),
    "doccano": (_file(".jsonl", doccano), ":1:", "relations[0]"),
    "labelstudio": (_file(".json", labelstudio), ":2:", "relation 0"),  # the task's line
    "prodigy": (_file(".jsonl", prodigy), ":1:", "relation 0"),
    "brat": (write_brat, ":4:", "R1"),  # the .ann line
}


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_refuses_a_relation_the_schema_forbids(
    fmt: str, tmp_path: Path, project: Project
):
    write, where, relation = IMPORTERS[fmt]
    bad = write(tmp_path, "LOCATION")
    report = import_paths(project, [bad])
    [failed] = report.failed
    assert failed.error is not None
    assert failed.error.startswith(f"{bad}{where}")
    assert f"{relation}: SOURCE cannot point at a LOCATION" in failed.error
    assert project.documents() == []


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_keeps_what_the_schema_allows_and_the_source_id(
    fmt: str, tmp_path: Path, project: Project
):
    write, _, _ = IMPORTERS[fmt]
    report = import_paths(project, [write(tmp_path, "ACTOR")])
    assert report.failed == [] and report.imported == 1
    doc = project.document(1)
    assert doc.uid == document_uid(TEXT)
    expected = {"native": "wire-1", "doccano": "41", "labelstudio": "1207", "brat": "story-0042"}
    assert doc.external_id == expected.get(fmt)
    [relation] = project.relations(1)
    assert (relation.label, project.span(relation.tail).label) == ("SOURCE", "ACTOR")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (native(relation="BLAMES", tail="ACTOR"), "relation x: unknown relation type 'BLAMES'"),
        (native(tail="ACTOR", factuality="maybe"), "CLAIM.factuality is one of asserted"),
        (
            native(tail="ACTOR").replace('"LOCATION"', '"PLACE"'),
            "spans[2] (PLACE): unknown span label 'PLACE' (the schema has CLAIM, ACTOR",
        ),
    ],
)
def test_labels_types_and_attribute_values_outside_the_schema_are_refused(
    line: str, message: str, tmp_path: Path, project: Project
):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line, encoding="utf-8")
    [failed] = import_paths(project, [bad]).failed
    assert failed.error is not None
    assert failed.error.startswith(f"{bad}:1: ") and message in failed.error


def test_extend_schema_adds_new_labels_and_types_and_says_which(tmp_path: Path, project: Project):
    good = tmp_path / "new.jsonl"
    line = native(relation="BLAMES", tail="ACTOR").replace('"LOCATION"', '"PLACE"')
    good.write_text(line, encoding="utf-8")
    # Brings a label too, then fails on its second line: it adds nothing.
    bad = tmp_path / "zbad.jsonl"
    event = line.replace('"PLACE"', '"EVENT"').replace("صباح", "مساء")
    bad.write_text(event + native(tail="LOCATION").replace("صباح", "ظهر"), encoding="utf-8")
    refused = import_paths(project, [good])
    assert refused.imported == 0 and refused.failed[0].unknown_label
    report = import_paths(project, [good, bad], extend_schema=True)
    assert report.imported == 1 and len(report.failed) == 1
    assert [(str(lb.kind), lb.name) for lb in report.added] == [
        ("span", "PLACE"),
        ("relation", "BLAMES"),
    ]
    schema = project.schema
    assert schema.get("PLACE", LabelKind.SPAN) is not None
    assert schema.get("EVENT", LabelKind.SPAN) is None
    place = schema.get("PLACE", LabelKind.SPAN)
    assert place is not None and place.hotkey == "5"
    assert place.color not in {lb.color for lb in schema.labels if lb.name != "PLACE"}
    with Project.open(project.path) as again:  # it is stored, not only cached
        assert again.schema.get("BLAMES", LabelKind.RELATION) is not None
        assert again.schema.get("EVENT", LabelKind.SPAN) is None


# -- values JSON readers let through -------------------------------------------------

BAD_VALUES = {
    "lone surrogate": ('"\\ud800"', "lone surrogate \\ud800"),
    "NaN": ("NaN", "NaN at column"),
    "Infinity": ("-Infinity", "-Infinity at column"),
    "1e400": ("1e400", "1e400 at column"),
    "huge integer": ("1" * 30, "out of range (64-bit integers only)"),
}


def _with_value(fmt: str, value: str) -> tuple[str, str]:
    """A file of ``fmt`` whose second record (or task) carries ``value`` in its metadata."""
    if fmt == "labelstudio":
        tasks = json.loads(labelstudio(tail="ACTOR"))
        tasks.append({"id": 2, "data": {"text": "نص آخر", "extra": "@@"}})
        text = json.dumps(tasks, ensure_ascii=False, indent=1)
        return ".json", text.replace('"@@"', value)
    first = {
        "native": native(tail="ACTOR"),
        "doccano": doccano("ACTOR"),
        "prodigy": prodigy("ACTOR"),
    }[fmt]
    second = json.loads(first)
    second["text"] = "نص آخر مختلف"
    second["spans"] = second["entities"] = second["relations"] = []
    second["meta"] = {"score": "@@"}
    return ".jsonl", first + json.dumps(second, ensure_ascii=False).replace('"@@"', value) + "\n"


@pytest.mark.parametrize("fmt", ["native", "doccano", "labelstudio", "prodigy"])
@pytest.mark.parametrize("kind", sorted(BAD_VALUES))
def test_a_bad_value_fails_its_file_only_with_file_and_line(
    fmt: str, kind: str, tmp_path: Path, project: Project
):
    value, message = BAD_VALUES[kind]
    suffix, content = _with_value(fmt, value)
    bad = tmp_path / f"b{suffix}"
    bad.write_text(content, encoding="utf-8")
    before = tmp_path / "a.txt"
    before.write_text("خبر أول عن الطقس في المدينة", encoding="utf-8")
    after = tmp_path / "c.jsonl"
    after.write_text(json.dumps({"text": "خبر ثالث عن الرياضة"}, ensure_ascii=False) + "\n")
    report = import_paths(project, [before, bad, after])
    [failed] = report.failed
    assert failed.path == bad and failed.error is not None
    line = content[: content.index(value)].count("\n") + 1
    assert failed.error.startswith(f"{bad}:{line}: ") and message in failed.error
    assert "\n" not in failed.error
    assert report.imported == 2
    assert sorted(d.title for d in project.documents()) == [
        "خبر أول عن الطقس في المدينة",
        "خبر ثالث عن الرياضة",
    ]


def test_a_schema_file_with_nan_is_refused_with_its_line():
    from annotator.core.errors import SchemaError
    from annotator.core.schema import load_schema_text

    with pytest.raises(SchemaError, match=r"line 3\): NaN at column 11"):
        load_schema_text('{\n "labels": [{"name": "A"}],\n "extra": NaN\n}')


# -- files that are not regular ------------------------------------------------------


def test_a_fifo_in_a_folder_or_named_is_skipped_never_opened(tmp_path: Path, project: Project):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر أول عن الطقس في المدينة", encoding="utf-8")
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    named = tmp_path / "named.jsonl"
    os.mkfifo(named)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(import_paths(project, [folder, named])))
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the reader so the test run itself does not hang
        for path in (fifo, named):
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        worker.join(timeout=10)
        pytest.fail("the import opened a FIFO and waited on it")
    [report] = result
    assert report.special == [fifo, named]  # type: ignore[attr-defined]
    assert report.imported == 1 and report.failed == []  # type: ignore[attr-defined]


def test_a_socket_is_skipped(tmp_path: Path, project: Project):
    path = tmp_path / "s.jsonl"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        report = import_paths(project, [tmp_path])
    finally:
        server.close()
    assert report.special == [path] and report.imported == 0


def test_a_device_named_directly_is_skipped(project: Project):
    report = import_paths(project, ["/dev/zero"])
    assert report.special == [Path("/dev/zero")] and report.missing == []


def test_a_fifo_as_the_text_of_a_brat_document_is_not_opened(tmp_path: Path, project: Project):
    ann = tmp_path / "doc.ann"
    ann.write_text("T1\tACTOR 0 4\tقالت\n", encoding="utf-8")
    os.mkfifo(tmp_path / "doc.txt")
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(import_paths(project, [ann])))
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():
        os.close(os.open(tmp_path / "doc.txt", os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=10)
        pytest.fail("the import opened a FIFO and waited on it")
    [report] = result
    [failed] = report.failed  # type: ignore[attr-defined]
    assert failed.error == f"{ann}: the .txt beside it is not a regular file: not read"


# -- one call, many files ------------------------------------------------------------

_BAD_KINDS = [*sorted(BAD_VALUES), "schema", "invalid"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["native", "doccano", "labelstudio", "prodigy"]),
            st.none() | st.sampled_from(_BAD_KINDS),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_property_bad_files_never_cost_the_good_ones(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, str | None]]
):
    folder = tmp_path_factory.mktemp("many")
    bad_paths = set()
    for i, (fmt, bad) in enumerate(files):
        if bad in BAD_VALUES:
            suffix, content = _with_value(fmt, BAD_VALUES[bad][0])
        else:
            suffix, content = _with_value(fmt, '"fine"')
            if bad == "schema":
                content = content.replace('"ACTOR"', '"NOBODY"', 1)
            elif bad == "invalid":
                content = content[:-3]
        # Every file's texts its own, so no good file is a duplicate of another.
        path = folder / f"{i:02}{suffix}"
        content = content.replace("نص", f"نص {i}").replace(TEXT, f"{TEXT} {i}")
        path.write_text(content, encoding="utf-8")
        if bad:
            bad_paths.add(path)
    with Project.open(folder / "p.annotator.db") as project:
        report = import_paths(project, [folder])
        assert {o.path for o in report.failed} == bad_paths
        assert all(o.error and "\n" not in o.error for o in report.failed)
        good = [o for o in report.outcomes if not o.error]
        assert len(good) == len(files) - len(bad_paths)
        assert all(len(o.imported) == 2 for o in good)
        assert len(project.documents()) == 2 * len(good)


def test_folders_are_read_in_name_order_without_hidden_entries_or_linked_folders(tmp_path: Path):
    from annotator.core.importing import collect_files

    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    for name in ("b/2.txt", "b/1.jsonl", "a/x.txt", "z.txt", ".h.txt", ".hidden/y.txt", "c.png"):
        (root / name).write_text("نص", encoding="utf-8")
    (root / "a" / "doc.txt").write_text("نص", encoding="utf-8")
    (root / "a" / "doc.ann").write_text("", encoding="utf-8")  # brat: the .txt goes with it
    (root / "linked").symlink_to(root / "a")
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = collect_files([root])
    assert [p.relative_to(root).as_posix() for p in found.files] == [
        "z.txt",
        "a/doc.ann",
        "a/x.txt",
        "b/1.jsonl",
        "b/2.txt",
    ]
    assert found.skipped == [root / "c.png"] and found.missing == [root / "gone.txt"]


def test_extend_schema_adds_nothing_from_a_file_whose_records_were_all_there(
    tmp_path: Path, project: Project
):
    first = tmp_path / "first.jsonl"
    first.write_text(native(tail="ACTOR"), encoding="utf-8")
    assert import_paths(project, [first]).imported == 1
    again = tmp_path / "again.jsonl"  # the same article, its place now a label nobody has
    again.write_text(native(tail="ACTOR").replace('"LOCATION"', '"PLACE"'), encoding="utf-8")
    report = import_paths(project, [again], extend_schema=True)
    assert report.imported == 0 and report.duplicates == 1 and report.failed == []
    assert report.added == [] and project.schema.get("PLACE", LabelKind.SPAN) is None
    with Project.open(project.path) as reopened:
        assert reopened.schema.get("PLACE", LabelKind.SPAN) is None
