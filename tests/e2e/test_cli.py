"""The command line as an analyst uses it: exit codes, one-line errors, summaries."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.models import Document, Status
from annotator.storage.project import Project
from tests.spans import add_span

SAMPLE_TITLE = (
    "تجدد القتال العنيف.. الهدنة الروسية فشلت وأذربيجان ترفض الاستفتاء لتحديد مصير قره باغ"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An empty project (only ``import`` creates one from the command line)."""
    path = tmp_path / "cli.db"
    Project.open(path).close()
    return str(path)


@pytest.fixture
def sample_file(tmp_path: Path, sample_text: str) -> Path:
    path = tmp_path / "in" / "karabakh.txt"
    path.parent.mkdir()
    path.write_text(sample_text, encoding="utf-8")
    return path


def test_import_list_show_stats_export(db: str, sample_file: Path, tmp_path: Path):
    code, _, err = run("import", str(sample_file.parent), "--db", db)
    assert code == 0
    assert "removed" in err and "source: الجزيرة + وكالات" in err
    assert err.strip().endswith("imported 1 document")

    code, out, _ = run("list", "--db", db)
    assert code == 0 and SAMPLE_TITLE in out

    with Project.open(db) as project:
        text = project.document(1).text
        start = text.index("أذربيجان")
        add_span(project, 1, start, start + len("أذربيجان"), "LOCATION")

    code, out, _ = run("show", "1", "--db", db)
    assert code == 0 and "[أذربيجان]LOCATION" in out

    code, out, _ = run("stats", "--json", "--db", db)
    assert json.loads(out)["spans"] == {"CLAIM": 0, "ACTOR": 0, "LOCATION": 1, "CUE": 0}

    target = tmp_path / "out.jsonl"
    code, _, err = run("export", "--format", "jsonl", "-o", str(target), "--db", db)
    assert code == 0 and "exported 1 document, 1 span, 0 relations" in err
    [record] = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert record["meta"]["title"] == SAMPLE_TITLE
    span = record["spans"][0]
    assert record["text"][span["start"] : span["end"]] == span["text"] == "أذربيجان"


def test_no_clean_keeps_the_page(db: str, sample_file: Path, sample_text: str):
    assert run("import", "--no-clean", str(sample_file), "--db", db)[0] == 0
    with Project.open(db) as project:
        assert project.document(1).text == sample_text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (
            "broken.txt",
            ("نص عربي سليم\n" * 30).encode() + b"\xff\xfe\xfa\n",
            ":31: undecodable bytes",
        ),
        ("bad.jsonl", b'{"text": "\xd9\x86\xd8\xb5"}\n{"text": oops}\n', ":2: invalid JSON"),
        (
            "range.jsonl",
            '{"text": "نص", "spans": [{"start": 0, "end": 9, "label": "ACTOR"}]}\n'.encode(),
            ":1: spans[0] (ACTOR): span 0-9 is out of range",
        ),
        (
            "mismatch.jsonl",
            (
                '{"text": "نص قصير", "spans": '
                '[{"start": 0, "end": 2, "label": "ACTOR", "text": "قص"}]}\n'
            ).encode(),
            ":1: spans[0] (ACTOR): span 0-2 text 'قص' differs",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_file(
    db: str, tmp_path: Path, sample_file: Path, name: str, content: bytes, message: str
):
    bad = sample_file.parent / name
    bad.write_bytes(content)
    code, _, err = run("import", str(sample_file.parent), "--db", db)
    assert code == 1
    errors = [ln for ln in err.splitlines() if ln.startswith("annotator: error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"annotator: error: {bad}") and message in errors[0]
    assert "Traceback" not in err
    assert err.splitlines()[-1] == "imported 1 document; 1 file failed"
    with Project.open(db) as project:  # the good file came in, nothing from the bad one
        assert [d.title for d in project.documents()] == [SAMPLE_TITLE]


def test_errors_are_one_line_with_status_1(db: str, tmp_path: Path):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello", encoding="utf-8")
    for argv, message in [
        (("list", "--db", str(notdb)), "not an SQLite file"),
        (("show", "42", "--db", db), "no document with id 42"),
        (("frobnicate",), "invalid choice"),
        (("export", "--label", "NOPE", "--db", db), "unknown label NOPE"),
        (("schema", "load", str(notdb), "--db", db), "not valid JSON"),
    ]:
        code, _, err = run(*argv)
        assert code == 1, argv
        assert err.count("\n") == 1 and err.startswith("annotator: error:") and message in err


def test_schema_load_and_show(db: str, tmp_path: Path):
    schema = tmp_path / "schema.json"
    schema.write_text(
        json.dumps({"labels": [{"name": "EVENT", "hotkey": "1", "color": "#56b4e9"}]}),
        encoding="utf-8",
    )
    assert run("schema", "load", str(schema), "--db", db)[0] == 0
    _, out, _ = run("schema", "show", "--db", db)
    assert json.loads(out)["labels"] == [{"name": "EVENT", "hotkey": "1", "color": "#56B4E9"}]


def test_database_from_environment(tmp_path: Path, sample_file: Path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(target))
    assert run("import", str(sample_file))[0] == 0
    assert target.exists()


def test_bidi_output_for_plain_terminals(db: str, sample_file: Path):
    run("import", str(sample_file), "--db", db)
    _, logical, _ = run("list", "--db", db)
    _, visual, _ = run("list", "--bidi", "--db", db)
    assert SAMPLE_TITLE in logical and SAMPLE_TITLE not in visual
    assert "\ufecd\ufe8e\ufe91" in visual  # "باغ" shaped and reversed


def test_entry_points_run_and_help_everywhere(tmp_path: Path):
    env = {**os.environ, "ANNOTATOR_DB": str(tmp_path / "x.db")}
    for argv in (
        ["--help"],
        ["import", "--help"],
        ["export", "--help"],
        ["schema", "load", "--help"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "annotator", *argv],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0 and "usage: annotator" in done.stdout, done.stderr


def _attribution_scenario(db: str) -> dict[str, int]:
    """The sample article's two opposite claims about the missiles, with sources and cues."""
    from annotator.app import seed_sample
    from annotator.core.models import Entity

    with Project.open(db) as project:
        seed_sample(project)
        text = project.document(1).text

        def tag(phrase: str, label: str, **attrs: str) -> int:
            start = text.index(phrase)
            span = add_span(project, 1, start, start + len(phrase), label, attrs=attrs or None)
            assert span.id is not None
            return span.id

        ids = {
            "claim1": tag(
                "تم إطلاق صواريخ باليستية من الأراضي الأرمينية", "CLAIM", factuality="asserted"
            ),
            "source1": tag("وزارة الدفاع الأذرية", "ACTOR", actor_type="government body"),
            "cue1": tag("قالت", "CUE"),
            "claim2": tag(
                "إطلاق أي صواريخ باليستية على الأراضي الأذرية", "CLAIM", factuality="negated"
            ),
            "source2": tag("مصادر من الخارجية الأرمينية", "ACTOR", mention="anonymous"),
            "cue2": tag("نفت", "CUE"),
        }
        ministry = project.entities.add(Entity("وزارة الدفاع الأذربيجانية", "ACTOR"))
        project.link_entity(ids["source1"], ministry.id)
        project.add_relation("SOURCE", ids["claim1"], ids["source1"], attrs={"stance": "support"})
        project.add_relation("CUE", ids["claim1"], ids["cue1"])
        project.add_relation("SOURCE", ids["claim2"], ids["source2"], attrs={"stance": "deny"})
        project.add_relation("CUE", ids["claim2"], ids["cue2"])
    return ids


def test_claims_lists_who_said_what(db: str):
    _attribution_scenario(db)
    code, out, _ = run("claims", "--json", "--db", db)
    assert code == 0
    found = json.loads(out)
    assert [(c["claim"]["attrs"]["factuality"], c["sources"], c["cues"]) for c in found] == [
        (
            "asserted",
            [
                {
                    "text": "وزارة الدفاع الأذرية",
                    "entity": "وزارة الدفاع الأذربيجانية",
                    "stance": "support",
                }
            ],
            [{"text": "قالت"}],
        ),
        (
            "negated",
            [{"text": "مصادر من الخارجية الأرمينية", "entity": None, "stance": "deny"}],
            [{"text": "نفت"}],
        ),
    ]
    code, out, _ = run("claims", "--doc", "1", "--db", db)
    assert "source (deny): مصادر من الخارجية الأرمينية" in out
    code, _, err = run("claims", "--doc", "99", "--db", db)
    assert code == 1 and "no document with id 99" in err


def test_export_entities(db: str, tmp_path: Path):
    _attribution_scenario(db)
    target = tmp_path / "entities.jsonl"
    code, _, err = run("export", "--format", "entities", "-o", str(target), "--db", db)
    assert code == 0 and "exported 1 entity" in err
    [entity] = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert (entity["name"], entity["kind"], entity["mentions"]) == (
        "وزارة الدفاع الأذربيجانية",
        "ACTOR",
        1,
    )


@pytest.mark.parametrize(
    "fmt", ["conll", "doccano", "labelstudio", "prodigy", "brat", "hf", "spacy", "jsonl"]
)
def test_every_format_exports_with_a_split_and_a_summary(db: str, tmp_path: Path, fmt: str):
    ids = _attribution_scenario(db)
    with Project.open(db) as project:
        for i in range(9):  # more documents, so every split gets some (read: not todo)
            text = f"وثيقة رقم {i} عن {'موضوع ' * (i + 1)}مختلف"
            project.set_status(project.add_document(Document(text)), Status.IN_PROGRESS)
    target = tmp_path / fmt
    code, _, err = run(
        "export", "--format", fmt, "--split", "80/10/10", "-o", str(target), "--db", db
    )
    assert code == 0, err
    assert err.startswith("wrote 10 documents, 6 spans")
    names = sorted(p.stem for p in target.iterdir() if p.name not in ("README.md", "config.cfg"))
    assert names == ["dev", "test", "train"]
    if fmt in ("conll", "hf"):
        assert "not representable: 4 relations (token tag formats hold none)" in err
    del ids


def test_hf_export_loads_with_datasets(db: str, tmp_path: Path):
    import datasets as hf  # part of the test extra: never skipped

    _attribution_scenario(db)
    target = tmp_path / "hf"
    assert run("export", "--format", "hf", "-o", str(target), "--db", db)[0] == 0
    # The folder as a dataset: its card carries the features, ner_tags a ClassLabel sequence.
    loaded = hf.load_dataset(str(target), cache_dir=str(tmp_path / "cache"))["train"]
    names = loaded.features["ner_tags"].feature.names
    assert set(names) == {"O"} | {f"{p}-{lb}" for lb in ("ACTOR", "LOCATION", "CUE") for p in "BI"}
    source = ["وزارة", "الدفاع", "الأذرية"]
    for row in loaded:
        tokens = row["tokens"]
        hits = [i for i in range(len(tokens)) if tokens[i : i + 3] == source]
        if hits:
            i = hits[0]
            assert row["entity_tags"][i : i + 3] == ["B-ACTOR", "I-ACTOR", "I-ACTOR"]
            assert [names[t] for t in row["ner_tags"][i : i + 3]] == row["entity_tags"][i : i + 3]
            break
    else:
        raise AssertionError("the source is not in the export")
    assert json.dumps(names, ensure_ascii=False) in (target / "README.md").read_text("utf-8")
    claims = tmp_path / "hf-claims"
    assert (
        run("export", "--format", "hf", "--ner-layer", "claims", "-o", str(claims), "--db", db)[0]
        == 0
    )
    by_claims = hf.load_dataset(str(claims), cache_dir=str(tmp_path / "cache"))["train"]
    assert by_claims.features["ner_tags"].feature.names == ["O", "B-CLAIM", "I-CLAIM"]
    for row in by_claims:
        assert [["O", "B-CLAIM", "I-CLAIM"][t] for t in row["ner_tags"]] == row["claim_tags"]


def test_doccano_export_then_import_into_a_fresh_project(db: str, tmp_path: Path):
    _attribution_scenario(db)
    for layout, relations in (("spans", 0), ("relations", 4)):
        out = tmp_path / f"doccano-{layout}.jsonl"
        code, _, err = run(
            "export", "--format", "doccano", "--doccano-layout", layout, "-o", str(out), "--db", db
        )
        assert code == 0, err
        assert ("not representable: 4 relations" in err) == (relations == 0)
        fresh = str(tmp_path / f"fresh-{layout}.db")
        code, _, err = run("import", str(out), "--db", fresh)
        assert code == 0, err
        with Project.open(fresh) as project, Project.open(db) as original:
            assert {(s.label, s.text) for s in project.spans(1)} == {
                (s.label, s.text) for s in original.spans(1)
            }
            assert len(project.relations(1)) == relations


def test_spacy_export_keeps_clitic_spans_and_relations(db: str, tmp_path: Path):
    import spacy
    from spacy.tokens import DocBin

    with Project.open(db) as project:
        text = "قالت الوزارة إن القتال اندلع في وأذربيجان 😀 اليوم"
        doc_id = project.add_document(Document(text))
        start = text.index("أذربيجان")
        place = add_span(project, doc_id, start, start + len("أذربيجان"), "LOCATION")
        claim = add_span(project, doc_id, text.index("القتال"), text.index(" 😀"), "CLAIM")
        project.add_relation("OCCURRED_AT", claim.id, place.id)
    target = tmp_path / "spacy"
    code, _, err = run("export", "--format", "spacy", "-o", str(target), "--db", db)
    assert code == 0, err
    assert "split 1 words at span edges" in err
    nlp = spacy.blank("ar")
    [doc] = list(DocBin().from_disk(target / "train.spacy").get_docs(nlp.vocab))
    assert doc.text == text
    assert [(e.text, e.label_) for e in doc.ents] == [("أذربيجان", "LOCATION")]
    assert {(s.text, s.label_) for s in doc.spans["sc"]} == {
        ("أذربيجان", "LOCATION"),
        ("القتال اندلع في وأذربيجان", "CLAIM"),
    }
    [relation] = doc.user_data["relations"]
    assert relation["label"] == "OCCURRED_AT"
    assert text[slice(*relation["tail"])] == "أذربيجان"


def test_entity_links_are_counted_where_a_format_has_no_place_for_them(db: str, tmp_path: Path):
    _attribution_scenario(db)  # one mention linked to the registry
    code, _, err = run("export", "--format", "doccano", "--labels", "ACTOR,CLAIM", "--db", db)
    assert code == 0
    assert "not representable: 1 entity links of mentions" in err
    assert err.startswith("wrote 1 document, 4 spans")  # the two CUEs filtered out by --labels


def test_a_large_import_from_the_terminal_stores_every_page(tmp_path: Path, sample_text: str):
    """420 pages through ``python -m annotator import``, read by reader processes where a spare
    core exists: every page stored in order, the broken one named, one summary."""
    from annotator.core.importing import read_text
    from annotator.storage.importer import PARALLEL_FROM_FILES

    folder = tmp_path / "pages"
    folder.mkdir()
    # The article's own paragraphs (its page furniture would be cleaned away).
    paragraphs = read_text(sample_text.encode("utf-8")).document.text.split("\n")
    count = PARALLEL_FROM_FILES + 20
    for i in range(count):
        page = f"{paragraphs[i % len(paragraphs)]} ({i})\nShare on facebook"
        (folder / f"{i:04}.txt").write_text(page, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xef\xbb\xbf\xff\xfe")
    db = tmp_path / "big.db"
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the broken file is reported
    assert f"imported {count} documents" in done.stderr.splitlines()[-1]
    assert "broken.txt" in done.stderr and "Traceback" not in done.stderr
    with Project.open(db) as project:
        titles = [d.title for d in project.documents()]
    assert len(titles) == count and titles[7].endswith("(7)")


def test_brat_export_imports_back_exactly_with_its_configuration(db: str, tmp_path: Path):
    text = "قالت الوزارة\nإن القتال\u2028اندلع في\tكاراباخ"
    with Project.open(db) as project:
        doc_id = project.add_document(Document(text))
        uid = project.document(doc_id).uid  # the file's name: the document has no external id
        add_span(project, doc_id, 5, 13, "ACTOR", attrs={"note": "ends in\na newline"})
        add_span(
            project, doc_id, 16, text.index("في") + 2, "CLAIM", attrs={"factuality": "asserted"}
        )
        add_span(project, doc_id, text.index("كاراباخ"), len(text), "LOCATION")
    target = tmp_path / "brat"
    code, _, err = run("export", "--format", "brat", "-o", str(target), "--db", db)
    assert code == 0, err
    assert {p.name for p in target.iterdir()} == {
        "annotation.conf",
        "visual.conf",
        f"{uid}.txt",
        f"{uid}.ann",
    }
    fresh = str(tmp_path / "fresh.db")
    code, _, err = run("import", str(target / f"{uid}.ann"), "--db", fresh)
    assert code == 0, err
    with Project.open(fresh) as back, Project.open(db) as original:

        def spans(project: Project) -> list[tuple[int, int, str, str, dict]]:
            return sorted(
                (s.start, s.end, s.label, s.text, dict(s.attrs)) for s in project.spans(1)
            )

        assert back.document(1).text == text
        assert spans(back) == spans(original)


def test_small_things_the_trial_found(db: str, tmp_path: Path):
    """Labels with spaces after commas, a split not of 100, a seed alone, a brat .txt,
    a dangling link, an id that is not an id, line separators in JSONL output."""
    record = {"external_id": "x-1", "text": "قال\u2028الوزير\u2029نعم\x85", "status": "done"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", str(path), "--db", db)[0] == 0
    code, out, err = run("export", "--labels", "ACTOR, CUE", "--db", db)
    assert code == 0, err
    assert "\u2028" not in out and "\\u2028" in out and "\\u2029" in out and "\\u0085" in out
    assert out.splitlines()[0] == out.rstrip("\n")  # one line for a splitlines() reader
    assert json.loads(out)["text"] == record["text"]
    options = ("--format", "conll", "-o", str(tmp_path / "s"), "--db", db)
    code, _, err = run("export", "--split", "80/10/5", *options)
    assert code == 1 and "adds up to 95" in err
    code, _, err = run("export", "--seed", "3", "--format", "conll", "--db", db)
    assert code == 1 and "--seed" in err and "--split" in err
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    code, _, err = run("import", str(tmp_path / "a.txt"), "--format", "brat", "--db", db)
    assert code == 1 and "--format brat reads .ann files" in err and "a.ann" in err
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run("import", str(tmp_path / "gone.txt"), "--db", db)
    assert code == 1 and "gone.txt: a dangling link (to " in err
    (tmp_path / "id.jsonl").write_text('{"id": 1.5, "text": "نص آخر"}\n', encoding="utf-8")
    code, _, err = run("import", str(tmp_path / "id.jsonl"), "--db", db)
    assert code == 1 and "'id' must be a string or an integer" in err


def test_the_parser_offers_exactly_the_formats_the_readers_and_writers_know():
    from annotator.core.format_names import EXPORT_FORMATS
    from annotator.storage.exporter import FORMATS

    assert EXPORT_FORMATS == FORMATS


def test_search_limit_of_zero_or_less_is_a_usage_error(tmp_path):
    import io

    from annotator.cli import main as cli_main
    from annotator.core.models import Document
    from annotator.storage.project import Project

    db = str(tmp_path / "p.db")
    with Project.open(db) as project:
        project.add_document(Document("في باكو وفي يريفان"))
    for limit in ("0", "-1", "two"):
        out, err = io.StringIO(), io.StringIO()
        assert cli_main(["search", "في", "--limit", limit, "--db", db], out, err) == 1
        assert out.getvalue() == ""
        assert err.getvalue().startswith("annotator: error: argument --limit: ")
        assert "Traceback" not in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert cli_main(["search", "في", "--limit", "1", "--db", db], out, err) == 0
    assert err.getvalue().strip() == "1 hit" and out.getvalue().count("\n") == 1
