"""The team workflow through the command line: assign, analysts work, merge, agreement, gold."""

from __future__ import annotations

import io
import json
from pathlib import Path

from annotator.cli import main
from annotator.core.models import Document, Status
from annotator.storage.project import Project
from tests.spans import add_span

TEXTS = [
    "قال وزير الخارجية إن باكو لن تقبل الاستفتاء في قره باغ.",
    "أكدت وزارة الدفاع في يريفان أن القتال تجدد <b>اليوم</b>.",
    "نفى الكرملين أي تدخل روسي في النزاع.",
    "ذكرت وكالة الأنباء أن الهدنة انهارت بعد ساعات.",
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def mark(path: Path, words: list[tuple[int, str, str]]) -> None:
    """An analyst at work: spans on words of documents, each document marked done."""
    with Project.open(path) as project:
        by_text = {project.document(r.id).text: r.id for r in project.documents()}
        for index, word, label in words:
            doc_id = by_text[TEXTS[index]]
            start = TEXTS[index].index(word)
            add_span(project, doc_id, start, start + len(word), label)
            project.set_status(doc_id, Status.DONE)


def test_team_workflow_end_to_end(tmp_path: Path):
    corpus = tmp_path / "corpus.annotator.db"
    with Project.open(corpus) as project:
        for text in TEXTS:
            project.add_document(Document(text))
    out_dir = tmp_path / "team"
    code, out, err = run("assign", "--db", str(corpus), "--annotators", "alice,bob",
                         "--overlap", "1", "-o", str(out_dir))  # fmt: skip
    assert code == 0 and "alice" in out and "assigned 4 documents, 4 to two analysts" in err
    alice, bob = out_dir / "alice.annotator.db", out_dir / "bob.annotator.db"
    mark(alice, [(0, "باكو", "LOCATION"), (0, "وزير الخارجية", "ACTOR"), (1, "يريفان", "LOCATION")])
    mark(bob, [(0, "باكو", "LOCATION"), (0, "وزير", "ACTOR"), (1, "يريفان", "ACTOR")])

    code, _, err = run(
        "merge", str(alice), str(bob), str(tmp_path / "nope.db"), "--db", str(corpus)
    )
    assert code == 1
    assert "alice.annotator.db (alice): layers 4 new" in err
    assert "nope.db" in err and err.strip().endswith("failed: " + str(tmp_path / "nope.db"))

    report = tmp_path / "report.html"
    code, out, _ = run("agreement", "--db", str(corpus), "--json", "--html", str(report))
    data = json.loads(out)
    assert code == 0 and data["documents"] == 2 and data["annotators"] == ["alice", "bob"]
    location = next(p for p in data["pairs"] if p["label"] == "LOCATION")
    assert (location["exact_f1"], location["a_spans"], location["b_spans"]) == (0.6667, 2, 1)
    actor = next(p for p in data["pairs"] if p["label"] == "ACTOR")
    assert (actor["exact_f1"], actor["overlap_f1"]) == (0.0, 0.6667)  # 1 of alice 1 + bob 2
    assert data["ranking"][0]["doc"] == 2  # all disagreement: first to curate
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page and "<svg" in page
    assert "&lt;b&gt;اليوم&lt;/b&gt;" in page  # the title is text, never markup

    code, out, _ = run("agreement", "--db", str(corpus), "--labels", "LOCATION")
    assert code == 0 and "LOCATION" in out and "ACTOR " not in out
    assert run("agreement", "--db", str(corpus), "--labels", "NOPE")[0] == 1

    code, _, err = run("adjudicate", "--db", str(corpus), "--auto", "agreed")
    assert code == 0 and "gold: 1 span" in err
    code, out, _ = run("export", "--db", str(corpus), "--annotator", "gold")
    records = [json.loads(line) for line in out.splitlines()]
    assert [[s["text"] for s in r["spans"]] for r in records] == [["باكو"]]  # only document 1
    code, out, _ = run("export", "--db", str(corpus), "--annotator", "bob")
    assert len(out.splitlines()) == 2  # the two documents bob worked on, not all four


def test_import_names_the_layer(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    record = {"text": TEXTS[2], "spans": [
        {"start": 3, "end": 11, "label": "ACTOR"},
        {"start": 3, "end": 11, "label": "LOCATION", "annotator": "zaid"},
    ]}  # fmt: skip
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert run("import", str(source), "--annotator", "mona", "--db", db)[0] == 0
    with Project.open(db) as project:
        assert [(s.label, s.annotator) for s in project.spans(1)] == [
            ("ACTOR", "mona"),
            ("LOCATION", "zaid"),
        ]
    code, _, err = run("import", str(source), "--annotator", "a/b", "--db", db)
    assert code == 1 and "not a usable analyst name" in err


def test_export_of_a_layer_nobody_made_is_refused_and_the_old_file_kept(tmp_path: Path):
    """Gold before adjudicate, or a mistyped name, exported nothing over the last training
    set, with exit status 0."""
    db = str(tmp_path / "team.annotator.db")
    with Project.open(db) as project:
        doc = project.add_document(Document(TEXTS[0]))
        add_span(project, doc, 0, 3, "CUE", annotator="alice")
    train = tmp_path / "train.jsonl"
    train.write_text("the last training set\n", encoding="utf-8")
    for name, hint in (("gold", "; annotator adjudicate makes gold"), ("alcie", "")):
        code, _, err = run("export", "--db", db, "--annotator", name, "-o", str(train))
        assert code == 1
        assert err == (
            f"annotator: error: nothing in the project is by {name!r} (analysts: alice){hint}\n"
        )
    assert train.read_text(encoding="utf-8") == "the last training set\n"
    code, _, _ = run("export", "--db", db, "--annotator", "alice", "-o", str(train))
    assert code == 0 and json.loads(train.read_text(encoding="utf-8"))["spans"][0]["text"]
