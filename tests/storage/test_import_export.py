"""Import and export through the store: lossless round trips, all-or-nothing files."""

from __future__ import annotations

import concurrent.futures
import contextlib
import io
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.models import AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.text import has_visible_text
from annotator.storage import exporter, importer
from annotator.storage.exporter import export_jsonl, write_jsonl
from annotator.storage.importer import import_paths
from annotator.storage.native import native_lines
from annotator.storage.project import Project

SAMPLES = {
    "emoji": "قالت 😀 أذربيجان إن القتال 🇦🇿 اندلع",
    "diacritics": "قَالَ الرَّئِيسُ إِلْهَام عَلِيَيف",
    "tatweel": "أذربيـــــجان والـ17 من الشهر",
    "zwnj": "می\u200cخواهم به تهران بروم",
    "persian": "وزیر امور خارجه گفت که این گزارش درست نیست",
    "mixed": "قال Mike Pompeo في Washington إن المحادثات (talks) ستستمر",
    "astral": "𝔸 قال 𐎀 مرحبا 😀😀 نهاية",
}


def annotated(text: str) -> AnnotatedDocument:
    """Every word a span; the first two linked, so relations round-trip too."""
    spans = []
    offset = 0
    for i, word in enumerate(text.split(" ")):
        if word:
            label = "CLAIM" if i == 0 else "ACTOR"
            spans.append(Span(offset, offset + len(word), label, word, id=i, attrs={"n": i}))
        offset += len(word) + 1
    relations = (Relation("SOURCE", spans[0].id, spans[1].id, id=1, attrs={"stance": "deny"}),)
    return AnnotatedDocument(
        Document(text, meta={"title": text[:10], "lang": "ar"}, status=Status.IN_PROGRESS),
        tuple(spans),
        relations,
    )


def export_text(project: Project) -> str:
    out = io.StringIO()
    write_jsonl(project, out)
    return out.getvalue()


def roundtrip(project: Project, tmp_path: Path, name: str) -> str:
    """Export, import into a fresh project, export again; return the second export."""
    first = export_text(project)
    path = tmp_path / f"{name}.jsonl"
    path.write_text(first, encoding="utf-8")
    with Project.open(tmp_path / f"{name}.db") as again:
        report = import_paths(again, [path])
        assert not report.failed, report.failed
        return export_text(again)


def test_round_trip_of_tricky_texts_is_identical(project: Project, tmp_path: Path):
    for text in SAMPLES.values():
        project.import_record(annotated(text))
    first = export_text(project)
    assert roundtrip(project, tmp_path, "again") == first
    for line in first.splitlines():
        record = json.loads(line)
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_export_filters_by_status_and_label(project: Project):
    a = project.import_record(annotated(SAMPLES["emoji"]))
    project.import_record(annotated(SAMPLES["mixed"]))
    project.set_status(a, Status.DONE)
    out = io.StringIO()
    summary = write_jsonl(project, out, statuses=[Status.DONE], labels=["ACTOR"])
    [record] = [json.loads(x) for x in out.getvalue().splitlines()]
    assert record["id"] == a and summary.documents == 1
    assert {s["label"] for s in record["spans"]} == {"ACTOR"}
    assert record["relations"] == []  # its CLAIM head was filtered out


def test_export_to_a_file_is_atomic(project: Project, tmp_path: Path, monkeypatch):
    project.import_record(annotated(SAMPLES["emoji"]))
    target = tmp_path / "out.jsonl"
    target.write_text("previous export\n", encoding="utf-8")

    class BoomError(Exception):
        pass

    def failing_lines(*args: object):
        yield from native_lines(*args)  # type: ignore[arg-type]
        raise BoomError

    monkeypatch.setattr(exporter, "native_lines", failing_lines)
    with contextlib.suppress(BoomError):
        export_jsonl(project, target, io.StringIO())
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_bad_line_imports_nothing_from_its_file_but_other_files_come_in(
    project: Project, tmp_path: Path
):
    good = tmp_path / "good.txt"
    good.write_text("مقال جيد.\nفقرة ثانية.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"text": "وثيقة أولى سليمة"}, ensure_ascii=False),
        json.dumps(
            {
                "text": "وثيقة ثانية",
                "spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "خطأ"}],
            },
            ensure_ascii=False,
        ),
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    [failed] = report.failed
    assert failed.path == bad
    assert failed.error.startswith(f"{bad}:2: ")
    assert [d.title for d in project.documents()] == ["مقال جيد."]


def test_unknown_label_names_file_and_line(project: Project, tmp_path: Path):
    path = tmp_path / "labels.jsonl"
    record = {"text": "وزارة الدفاع", "spans": [{"start": 0, "end": 5, "label": "ORG"}]}
    path.write_text("\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [outcome] = import_paths(project, [path]).outcomes
    assert outcome.error is not None
    assert outcome.error.startswith(f"{path}:2: ") and "ORG" in outcome.error
    assert project.documents() == []


def test_same_text_twice_is_skipped_with_a_message(project: Project, tmp_path: Path, sample_text):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(sample_text, encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert report.imported == 1 and report.duplicates == 1
    assert "already in the project as document 1" in report.outcomes[1].duplicates[0]


def test_sample_page_import_keeps_raw_and_meta(project: Project, sample_text: str, tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_bytes(sample_text.encode("cp1256", errors="replace"))
    [outcome] = import_paths(project, [path]).outcomes
    assert outcome.encoding == "cp1256" and outcome.source == "الجزيرة + وكالات"
    [doc_id] = outcome.imported
    doc = project.document(doc_id, with_raw=True)
    assert doc.meta["title"].startswith("تجدد القتال العنيف")
    assert doc.meta["direction"] == "rtl" and doc.meta["lang"] == "ar"
    assert doc.meta["cleaning"]["removed"]["repeated paragraph"] == 27
    assert doc.raw is not None and "Share on whatsapp" in doc.raw
    assert "Share on" not in doc.text


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
).filter(has_visible_text)  # an import refuses a text a reader would see as empty


@st.composite
def records(draw) -> AnnotatedDocument:
    text = draw(texts)
    n = draw(st.integers(0, 6))
    spans: list[Span] = []
    for _ in range(n):  # each span once: an import stores a repeated span once
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["CLAIM", "ACTOR", "LOCATION"]))
        if all((s.start, s.end, s.label) != (start, end, label) for s in spans):
            spans.append(Span(start, end, label, text[start:end], id=len(spans)))
    relations = []
    claims = [s for s in spans if s.label == "CLAIM"]
    actors = [s for s in spans if s.label == "ACTOR"]
    if claims and actors:
        relations.append(Relation("SOURCE", claims[0].id, actors[0].id, id=0))
    return AnnotatedDocument(Document(text), tuple(spans), tuple(relations))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.document.text))
def test_property_export_import_export_is_identical(tmp_path_factory, docs):
    tmp = tmp_path_factory.mktemp("prop")
    with Project.open(tmp / "source.db") as project:
        for record in docs:
            project.import_record(record)
        first = export_text(project)
        assert roundtrip(project, tmp, "copy") == first


def _folder_of_pages(folder: Path, sample_text: str) -> Path:
    """Thirty pages: the sample in two encodings, a duplicate, a broken file, a JSONL pair."""
    folder.mkdir()
    paragraphs = [p for p in sample_text.split("\n") if len(p) > 40]
    for i in range(24):
        page = f"{paragraphs[i % len(paragraphs)]} ({i})\n{paragraphs[(i + 3) % len(paragraphs)]}"
        (folder / f"p{i:02}.txt").write_text(page, encoding="utf-8")
    (folder / "p24.txt").write_bytes(sample_text.encode("cp1256", errors="replace"))
    (folder / "p25.txt").write_text((folder / "p03.txt").read_text("utf-8"), encoding="utf-8")
    (folder / "p26.txt").write_bytes(b"\xef\xbb\xbf\xff\xfe broken")
    lines = [{"text": "وثيقة أولى"}, {"text": "وثيقة", "spans": [{"start": 0, "end": 9}]}]
    (folder / "p27.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8"
    )
    (folder / "p28.jsonl").write_text(json.dumps({"text": "سطر سليم"}, ensure_ascii=False))
    (folder / "p29.txt").write_text("Share on facebook\n", encoding="utf-8")
    return folder


def _summary(report: object) -> list[tuple[str, list[int], list[str], str | None]]:
    return [
        (o.path.name, o.imported, o.duplicates, o.error)
        for o in report.outcomes  # type: ignore[attr-defined]
    ]


def test_reader_processes_store_what_a_serial_import_stores(
    tmp_path: Path, sample_text: str, monkeypatch
):
    folder = _folder_of_pages(tmp_path / "pages", sample_text)
    pools: list[object] = []

    class CountedPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            pools.append(self)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(importer, "PARALLEL_FROM_FILES", 10)
    monkeypatch.setattr(importer, "BATCH_FILES", 7)  # several batches read ahead
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 3)
    with Project.open(tmp_path / "serial.db") as serial:
        expected = import_paths(serial, [folder])
        expected_export = export_text(serial)
    assert pools == []
    with Project.open(tmp_path / "parallel.db") as parallel:
        report = import_paths(parallel, [folder], parallel=True)
        assert len(pools) == 1
        assert _summary(report) == _summary(expected)
        assert export_text(parallel) == expected_export
    assert len(report.failed) == 3 and report.duplicates == 1 and report.imported == 26


def test_a_reader_process_that_dies_loses_nothing(tmp_path: Path, sample_text: str, monkeypatch):
    folder = _folder_of_pages(tmp_path / "pages", sample_text)
    parent, real_read_file = os.getpid(), importer.read_file
    read_here: list[str] = []

    def dies_in_a_reader(path: Path, **options: object):
        if os.getpid() != parent and path.name == "p12.txt":
            os._exit(1)
        if os.getpid() == parent:
            read_here.append(path.name)
        return real_read_file(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "read_file", dies_in_a_reader)
    monkeypatch.setattr(importer, "PARALLEL_FROM_FILES", 10)
    monkeypatch.setattr(importer, "BATCH_FILES", 7)
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 2)
    with Project.open(tmp_path / "serial.db") as serial:
        expected = import_paths(serial, [folder])
    with Project.open(tmp_path / "parallel.db") as parallel:
        read_here.clear()
        report = import_paths(parallel, [folder], parallel=True)
    assert _summary(report) == _summary(expected)
    assert "p12.txt" in read_here  # the rest was read here, in this process
