"""Assign, merge, adjudicate: analysts' files in, one team project with a layer each, gold out."""

from __future__ import annotations

import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import StoreError
from annotator.core.models import Document, Entity, Status
from annotator.core.schema import build_schema
from annotator.storage.adjudicate import auto_agreed
from annotator.storage.exporter import export_jsonl
from annotator.storage.project import Project
from annotator.storage.team_assign import analyst_of, analyst_path, assign
from annotator.storage.team_layers import shared_documents
from annotator.storage.team_merge import TeamMerge
from tests.spans import add_span

TEXTS = [
    "قال وزير الخارجية الأذربيجاني إن باكو لن تقبل الاستفتاء.",
    "أكدت وزارة الدفاع الأرمنية أن القتال تجدد في قره باغ.",
    "نفى المتحدث باسم الكرملين أي تدخل روسي في النزاع.",
    "Officials in Baku said the ceasefire failed on Sunday.",
    "ذكرت وكالة الأنباء أن الهدنة انهارت بعد ساعات.",
    "The ministry in Yerevan denied the report.",
]


def word(text: str, w: str) -> tuple[int, int]:
    start = text.index(w)
    return start, start + len(w)


@pytest.fixture
def corpus(tmp_path: Path):
    with Project.open(tmp_path / "corpus.annotator.db") as project:
        for text in TEXTS:
            project.add_document(Document(text))
        project.entities.add(Entity("باكو", "LOCATION", wikidata="Q9248"))
        yield project


def tables(path: Path) -> dict[str, list[tuple]]:
    """Everything a merge may touch, ids included: equal means nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
            for t in ("documents", "spans", "relations", "entities", "layers")
        }
    finally:
        conn.close()


def test_assign_by_status_takes_only_those_documents(corpus, tmp_path):
    corpus.set_status(2, Status.DONE)
    result = assign(corpus, ["alice", "bob"], tmp_path / "o", status=Status.TODO)
    assigned = sorted(d for ids in result.documents.values() for d in ids)
    assert assigned == [1, 3, 4, 5, 6]


def test_assign_writes_one_project_per_analyst_and_never_overwrites(corpus, tmp_path):
    out = tmp_path / "out"
    result = assign(corpus, ["alice", "bob"], out, overlap=0.5, seed=3)
    for name in ("alice", "bob"):
        with Project.open(analyst_path(out, name)) as mine:
            texts = {corpus.document(i).text for i in result.documents[name]}
            assert {mine.document(r.id).text for r in mine.documents()} == texts
            assert mine.schema == corpus.schema
            assert [e.entity.wikidata for e in mine.entities.all()] == ["Q9248"]
            assert analyst_of(mine) == name
    assert sorted(p.name for p in out.iterdir()) == ["alice.annotator.db", "bob.annotator.db"]
    assert analyst_of(corpus) is None
    with Project.open(analyst_path(out, "alice")) as mine:
        first = mine.documents()[0]
        assert first.uid == corpus.documents(uid=first.uid)[0].uid  # the same document
    before = analyst_path(out, "bob").read_bytes()
    with pytest.raises(StoreError, match="not overwriting"):
        assign(corpus, ["carol", "bob"], out)
    assert analyst_path(out, "bob").read_bytes() == before
    assert not analyst_path(out, "carol").exists()


@pytest.fixture
def team(corpus, tmp_path):
    """alice and bob each got every document: they annotate, the coordinator merges."""
    out = tmp_path / "out"
    assign(corpus, ["alice", "bob"], out, overlap=1.0)
    return corpus, out


def annotate(path: Path, spans: list[tuple[int, str, str]], status: Status = Status.DONE) -> None:
    with Project.open(path) as mine:
        by_text = {mine.document(r.id).text: r.id for r in mine.documents()}
        for index, w, label in spans:
            doc_id = by_text[TEXTS[index]]
            add_span(mine, doc_id, *word(TEXTS[index], w), label)
            mine.set_status(doc_id, status)


def test_merge_keeps_layers_is_idempotent_and_takes_deletions(team, tmp_path):
    corpus, out = team
    alice, bob = analyst_path(out, "alice"), analyst_path(out, "bob")
    annotate(alice, [(0, "باكو", "LOCATION"), (1, "قره باغ", "LOCATION")])
    annotate(bob, [(0, "باكو", "LOCATION"), (0, "وزير الخارجية الأذربيجاني", "ACTOR")])
    merge = TeamMerge(corpus)
    outcomes = merge.merge_paths([alice, bob])
    assert [o.error for o in outcomes] == [None, None]
    assert outcomes[0].layers_new == len(TEXTS)
    layers = corpus.db.execute(
        "SELECT annotator, count(*) FROM spans GROUP BY annotator ORDER BY 1"
    ).fetchall()
    assert layers == [("alice", 2), ("bob", 2)]
    statuses = dict(corpus.db.execute("SELECT annotator, status FROM layers WHERE doc_id = 1"))
    assert statuses == {"alice": "done", "bob": "done"}

    snapshot = tables(corpus.path)
    again = TeamMerge(corpus).merge_paths([alice, bob, alice])
    assert all(o.layers_unchanged == len(TEXTS) and o.layers_new == 0 for o in again)
    assert tables(corpus.path) == snapshot  # not even a timestamp moved

    with Project.open(alice) as mine:  # alice deletes one span and relabels nothing else
        doomed = next(s for r in mine.documents() for s in mine.spans(r.id) if s.text == "قره باغ")
        mine.delete_span(doomed.id)
    outcome = TeamMerge(corpus).merge_file(alice)
    assert (outcome.layers_replaced, outcome.layers_unchanged) == (1, len(TEXTS) - 1)
    alice_spans = [s.text for r in corpus.documents() for s in corpus.spans(r.id)
                   if s.annotator == "alice"]  # fmt: skip
    assert alice_spans == ["باكو"]


def test_an_older_copy_does_not_replace_newer_work(team, tmp_path):
    corpus, out = team
    alice = analyst_path(out, "alice")
    old_copy = tmp_path / "old" / "alice.annotator.db"
    old_copy.parent.mkdir()
    old_copy.write_bytes(alice.read_bytes())
    annotate(alice, [(0, "باكو", "LOCATION")])
    TeamMerge(corpus).merge_file(alice)
    outcome = TeamMerge(corpus).merge_file(old_copy)
    assert outcome.layers_older == 1
    assert [s.text for s in corpus.spans(1)] == ["باكو"]


def test_bad_files_fail_alone_with_one_line(team, tmp_path):
    corpus, out = team
    annotate(analyst_path(out, "alice"), [(0, "باكو", "LOCATION")])
    garbage = tmp_path / "carol.annotator.db"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    broken = tmp_path / "dave.jsonl"
    broken.write_text('{"text": "x", "spans": [{"start": 0, "end": 9, "label": "ACTOR"}]}\n')
    other_schema = tmp_path / "erin.annotator.db"
    with Project.open(other_schema) as p:
        labels = [lb for lb in corpus.schema.labels if lb.name != "CUE"]
        labels.append(replace(corpus.schema.labels[0], name="EVENT", hotkey="9"))
        actor = next(lb for lb in labels if lb.name == "ACTOR")
        labels[labels.index(actor)] = replace(actor, attributes=())
        p.set_schema(build_schema(labels))
    outcomes = TeamMerge(corpus).merge_paths(
        [garbage, broken, other_schema, analyst_path(out, "alice"), tmp_path / "missing.db"]
    )
    errors = [o.error for o in outcomes]
    assert errors[3] is None and [s.text for s in corpus.spans(1)] == ["باكو"]
    for path, error in zip([garbage, broken, other_schema], errors, strict=False):
        assert error and error.startswith(str(path)) and "\n" not in error
    assert "dave.jsonl:1" in errors[1]
    assert "span label EVENT is not in the team project" in errors[2]
    assert "span label ACTOR: no attributes here" in errors[2]
    assert errors[4] and "missing.db" in errors[4]
    tampered = tmp_path / "frank.annotator.db"  # a span edited by hand past the triggers
    with Project.open(tampered) as p:
        p.set_schema(corpus.schema)
        doc = p.add_document(Document(TEXTS[0]))
        add_span(p, doc, *word(TEXTS[0], "باكو"), "LOCATION")
        p.db.execute("DROP TRIGGER spans_text_matches_offsets_on_update")
        p.db.execute("UPDATE spans SET text = 'x'")
    error = TeamMerge(corpus).merge_file(tampered).error or ""
    assert error.startswith(f"{tampered}: not merged: span text does not match")
    itself = TeamMerge(corpus).merge_file(corpus.path)
    assert itself.error == f"{corpus.path}: is the team project itself"


def test_jsonl_export_merges_like_a_project_file(team, tmp_path):
    corpus, out = team
    annotate(analyst_path(out, "bob"), [(2, "الكرملين", "ACTOR")])
    export = tmp_path / "bob.jsonl"
    with Project.open(analyst_path(out, "bob")) as mine:
        export_jsonl(mine, export, io.StringIO())
    outcome = TeamMerge(corpus).merge_file(export)
    assert outcome.error is None and outcome.owner == "bob"
    assert [(s.text, s.annotator) for s in corpus.spans(3)] == [("الكرملين", "bob")]
    assert TeamMerge(corpus).merge_file(export).layers_unchanged == len(TEXTS)
    twice = tmp_path / "bob2.jsonl"
    line = export.read_text(encoding="utf-8").splitlines()[0]
    twice.write_text(f"{line}\n{line}\n", encoding="utf-8")
    assert "twice" in (TeamMerge(corpus).merge_file(twice).error or "")


def test_new_documents_come_in_and_entities_merge_by_wikidata_then_name(corpus, tmp_path):
    mine_path = tmp_path / "zaid.annotator.db"
    with Project.open(mine_path) as mine:
        mine.set_schema(corpus.schema)
        doc = mine.add_document(Document("خبر جديد عن باكو وطهران.", external_id="wire-7"))
        baku = mine.entities.add(Entity("Baku", "LOCATION", wikidata="Q9248"))
        tehran = mine.entities.add(Entity("طهران", "LOCATION", wikidata="Q3616"))
        mine.entities.add(Entity("باكو", "LOCATION", wikidata="Q999"))  # a conflict
        span = add_span(mine,
            doc, *word("خبر جديد عن باكو وطهران.", "باكو"), "LOCATION",
            attrs={"loc_type": "city/town"},
        )  # fmt: skip
        mine.link_entity(span.id, baku.id)
        second = add_span(mine, doc, *word("خبر جديد عن باكو وطهران.", "طهران"), "LOCATION")
        mine.link_entity(second.id, tehran.id)
    outcome = TeamMerge(corpus).merge_file(mine_path)
    assert outcome.error is None and outcome.documents_added == 1
    assert outcome.entities_added == 2  # Tehran, and the conflicting Baku kept apart
    assert len(outcome.conflicts) == 1 and "Q999" in outcome.conflicts[0]
    doc_id = corpus.find_by_text("خبر جديد عن باكو وطهران.")
    assert corpus.document(doc_id).external_id == "wire-7"
    linked = {s.text: corpus.entities.get(s.entity_id).wikidata for s in corpus.spans(doc_id)}
    assert linked == {"باكو": "Q9248", "طهران": "Q3616"}
    attrs = {s.text: dict(s.attrs) for s in corpus.spans(doc_id)}
    assert attrs == {"باكو": {"loc_type": "city/town"}, "طهران": {}}
    assert TeamMerge(corpus).merge_file(mine_path).conflicts == []


def test_adjudicate_takes_what_everyone_agreed_on_and_export_gold(team, tmp_path):
    corpus, out = team
    alice, bob = analyst_path(out, "alice"), analyst_path(out, "bob")
    annotate(alice, [(0, "باكو", "LOCATION"), (0, "وزير الخارجية", "ACTOR")])
    annotate(bob, [(0, "باكو", "LOCATION"), (0, "وزير الخارجية الأذربيجاني", "ACTOR")])
    annotate(analyst_path(out, "bob"), [], Status.DONE)
    TeamMerge(corpus).merge_paths([alice, bob])
    assert [d.doc_id for d in shared_documents(corpus)] == [1]
    result = auto_agreed(corpus)
    assert (result.documents, result.spans) == (1, 1)
    assert auto_agreed(corpus).spans == 0  # nothing twice
    stream = io.StringIO()
    export_jsonl(corpus, None, stream, annotator="gold")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    gold = [(s["text"], s["label"]) for line in lines for s in line["spans"]]
    assert gold == [("باكو", "LOCATION")]


def test_adjudicate_draws_relations_everyone_drew_between_gold_spans(corpus):
    text = TEXTS[0]
    claim = word(text, "باكو لن تقبل الاستفتاء")
    actor = word(text, "وزير الخارجية الأذربيجاني")
    for name, stance in (("alice", "deny"), ("bob", "deny"), ("carol", "comment")):
        c = add_span(corpus, 1, *claim, "CLAIM", annotator=name)
        a = add_span(corpus, 1, *actor, "ACTOR", annotator=name)
        corpus.add_relation("SOURCE", c.id, a.id, attrs={"stance": stance}, annotator=name)
    result = auto_agreed(corpus)
    assert (result.spans, result.relations) == (2, 1)
    gold = [r for r in corpus.relations(1) if r.annotator == "gold"]
    assert len(gold) == 1 and dict(gold[0].attrs) == {}  # the stances differ: left for a person
    assert auto_agreed(corpus).relations == 0


def test_an_analyst_who_marked_nothing_but_finished_counts(team):
    corpus, out = team
    annotate(analyst_path(out, "alice"), [(0, "باكو", "LOCATION")])
    with Project.open(analyst_path(out, "bob")) as mine:  # read it, found nothing, done
        first = next(r.id for r in mine.documents() if mine.document(r.id).text == TEXTS[0])
        mine.set_status(first, Status.DONE)
    TeamMerge(corpus).merge_paths([analyst_path(out, "alice"), analyst_path(out, "bob")])
    shared = list(shared_documents(corpus))
    assert [(d.doc_id, sorted(d.spans)) for d in shared] == [(1, ["alice", "bob"])]
    assert shared[0].spans["bob"] == []


def test_relations_come_in_with_their_spans_from_files_and_exports(team, tmp_path):
    corpus, out = team
    alice = analyst_path(out, "alice")
    text = TEXTS[0]
    with Project.open(alice) as mine:
        doc = next(r.id for r in mine.documents() if mine.document(r.id).text == text)
        claim = add_span(mine, doc, *word(text, "باكو لن تقبل الاستفتاء"), "CLAIM")
        actor = add_span(mine, doc, *word(text, "وزير الخارجية الأذربيجاني"), "ACTOR")
        mine.add_relation("SOURCE", claim.id, actor.id, attrs={"stance": "deny"})
        export = tmp_path / "alice.jsonl"
        export_jsonl(mine, export, io.StringIO())

    def linked(project: Project) -> list[tuple[str, str, str, dict]]:
        spans = {s.id: s for s in project.spans(1)}
        return [
            (r.annotator, spans[r.head].text, spans[r.tail].text, dict(r.attrs))
            for r in project.relations(1)
        ]

    expected = [
        ("alice", "باكو لن تقبل الاستفتاء", "وزير الخارجية الأذربيجاني", {"stance": "deny"})
    ]
    assert TeamMerge(corpus).merge_file(alice).error is None
    assert linked(corpus) == expected
    assert TeamMerge(corpus).merge_file(alice).layers_unchanged == len(TEXTS)
    assert linked(corpus) == expected
    assert TeamMerge(corpus).merge_file(export).error is None  # the same work as an export
    assert linked(corpus) == expected
