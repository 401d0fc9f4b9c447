"""Options shared by every command: --db on either side of the command, no project made
by mistake, and an import summary that stays short."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from annotator.cli import build_parser, main
from annotator.core.identity import document_uid
from annotator.core.models import Document
from annotator.storage.project import Project

TEXT = "قالت وزارة الخارجية إن المحادثات ستستمر الأسبوع المقبل في العاصمة"

# One runnable call of every command, without --db. A new command needs a line here.
COMMANDS: dict[str, list[str]] = {
    "import": ["import", "{article}"],
    "export": ["export", "-o", "{out}"],
    "list": ["list"],
    "stats": ["stats"],
    "show": ["show", "1"],
    "claims": ["claims"],
    "search": ["search", "الخارجية"],
    "schema show": ["schema", "show"],
    "schema load": ["schema", "load", "{schema}"],
    "check": ["check"],
    "backups": ["backups"],
    "train": ["train"],
    "recommend": ["recommend", "--doc", "1"],
    "assign": ["assign", "--annotators", "alice,bob", "-o", "{team}"],
    "merge": ["merge", "{analyst}"],
    "agreement": ["agreement"],
    "adjudicate": ["adjudicate", "--auto", "agreed"],
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
    """Every runnable command of the parser, nested ones as "schema show"."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub, f"{prefix}{name} ")
                found |= inner or {f"{prefix}{name}"}
    return found


def test_the_table_names_every_command():
    assert _commands(build_parser()) == set(COMMANDS)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    article = tmp_path / "article.txt"
    article.write_text("عنوان الخبر\n" + TEXT + "\n", encoding="utf-8")
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"labels": [{"name": "EVENT"}]}), encoding="utf-8")
    analyst = tmp_path / "alice.jsonl"
    analyst.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    return {
        "article": str(article),
        "out": str(tmp_path / "out.jsonl"),
        "schema": str(schema),
        "team": str(tmp_path / "team"),
        "analyst": str(analyst),
    }


def _argv(command: str, files: dict[str, str]) -> list[str]:
    return [part.format(**files) for part in COMMANDS[command]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("where", ["before", "after"])
def test_db_works_before_and_after_every_command(
    command: str, where: str, files: dict[str, str], tmp_path: Path, monkeypatch
):
    """The given project is the one used, and the default one is never touched."""
    default = tmp_path / "default" / "default.annotator.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(default))
    target = tmp_path / "given.annotator.db"
    with Project.open(target) as project:
        project.add_document(Document(TEXT, meta={"title": "given"}))
    argv = _argv(command, files)
    argv = ["--db", str(target), *argv] if where == "before" else [*argv, "--db", str(target)]
    code, out, err = run(*argv)
    assert code == 0, err
    assert not default.parent.exists()
    if command in ("list", "show", "search"):
        assert "given" in out or TEXT[:10] in out
    parsed = build_parser().parse_args(argv)
    assert parsed.db == str(target)


def test_db_before_the_command_imports_into_that_project(files: dict[str, str], tmp_path: Path):
    first, second = tmp_path / "a.annotator.db", tmp_path / "b.annotator.db"
    assert run("--db", str(first), "import", files["article"])[0] == 0
    # Given twice, the one after the command wins: it is the nearer.
    assert run("--db", str(first), "import", files["article"], "--db", str(second))[0] == 0
    with Project.open(first) as a, Project.open(second) as b:
        assert len(a.documents()) == 1 and len(b.documents()) == 1


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"import"}))
@pytest.mark.parametrize("where", ["before", "after"])
def test_no_command_but_import_creates_a_project(
    command: str, where: str, files: dict[str, str], tmp_path: Path
):
    missing = tmp_path / "nowhere" / "deeper" / "project.annotator.db"
    argv = _argv(command, files)
    argv = ["--db", str(missing), *argv] if where == "before" else [*argv, "--db", str(missing)]
    code, _, err = run(*argv)
    assert code == 1
    assert err == f"annotator: error: no project at {missing}\n"
    assert not (tmp_path / "nowhere").exists()


def test_import_creates_its_project_and_folder(files: dict[str, str], tmp_path: Path):
    target = tmp_path / "new" / "project.annotator.db"
    assert run("import", files["article"], "--db", str(target))[0] == 0
    with Project.open(target) as project:
        assert len(project.documents()) == 1


def test_list_finds_a_document_by_its_source_id_and_uid(tmp_path: Path):
    source = tmp_path / "wire.jsonl"
    lines = [
        {"id": "agency-2020-10-29-0042", "text": TEXT},
        {"id": "agency-2020-10-29-0043", "text": "أعلنت الحكومة عن خطة جديدة للنقل العام"},
    ]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    db = str(tmp_path / "p.annotator.db")
    assert run("import", str(source), "--db", db)[0] == 0
    code, out, _ = run("list", "--external-id", "agency-2020-10-29-0043", "--db", db)
    assert code == 0
    rows = out.splitlines()[1:]
    assert len(rows) == 1 and rows[0].split()[0] == "2"
    with Project.open(db) as project:
        uid = project.document(1).uid
    assert uid is not None
    _, out, _ = run("list", "--uid", uid, "--db", db)
    assert [r.split()[0] for r in out.splitlines()[1:]] == ["1"]
    _, out, _ = run("list", "--uid", uid[:8].upper(), "--db", db)
    assert [r.split()[0] for r in out.splitlines()[1:]] == ["1"]
    _, out, _ = run("list", "--external-id", "nope", "--db", db)
    assert out.splitlines()[1:] == []
    _, out, _ = run("show", "2", "--db", db)
    assert out.splitlines()[1] == (
        f"# uid {document_uid(lines[1]['text'])}  source id agency-2020-10-29-0043"
    )


def test_a_thousand_documents_make_a_short_summary(tmp_path: Path):
    source = tmp_path / "corpus.jsonl"
    source.write_text(
        "".join(
            json.dumps({"text": f"{TEXT} رقم {i}"}, ensure_ascii=False) + "\n" for i in range(1000)
        ),
        encoding="utf-8",
    )
    db = str(tmp_path / "p.annotator.db")
    code, _, err = run("import", str(source), "--db", db)
    assert code == 0
    assert err.splitlines() == [f"{source}: documents 1-1000", "imported 1000 documents"]
    code, _, err = run("import", str(source), "--db", db)
    lines = err.splitlines()
    assert code == 0 and len(lines) == 12
    assert lines[0] == (
        f"{source}:1: skipped, the same text is already in the project as document 1"
    )
    assert lines[10:] == [
        "and 990 more documents already in the project (--verbose lists them)",
        "imported 0 documents, skipped 1000 already in the project",
    ]


def test_a_jsonl_line_is_not_reported_as_a_page_cleaned_in_this_import(tmp_path: Path):
    """Exported documents keep the meta of their first import (encoding, what cleaning
    removed); importing the export again decodes and cleans nothing, and says so."""
    page = tmp_path / "page.txt"
    page.write_bytes(f"الرئيسية > أخبار\r\nشارك على فيسبوك\r\n{TEXT}.\r\n".encode("cp1256"))
    first, second = str(tmp_path / "a.annotator.db"), str(tmp_path / "b.annotator.db")
    _, _, err = run("import", str(page), "--db", first)
    assert err.splitlines()[0].startswith(f"{page} (cp1256): document 1; removed ")
    exported = tmp_path / "out.jsonl"
    run("export", "-o", str(exported), "--db", first)
    code, _, err = run("import", str(exported), "--db", second)
    assert code == 0
    assert err.splitlines() == [f"{exported}: document 1", "imported 1 document"]


@pytest.mark.parametrize("name", ["", "x y/../z"])
def test_a_bad_analyst_name_is_refused_before_a_project_is_made(tmp_path: Path, name: str):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "new" / "p.annotator.db"
    code, _, err = run("import", str(source), "--annotator", name, "--db", str(db))
    assert code == 1
    assert "is not a usable analyst name" in err
    assert not db.parent.exists()


def test_failed_files_are_listed_ten_at_most(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(13):
        (folder / f"bad{i:02}.jsonl").write_text('{"text": NaN}\n', encoding="utf-8")
    for i in range(12):
        (folder / f"good{i:02}.txt").write_text(f"{TEXT} {i}\n", encoding="utf-8")
    code, _, err = run("import", str(folder), "--db", str(tmp_path / "p.annotator.db"))
    assert code == 1
    lines = err.splitlines()
    errors = [ln for ln in lines if ln.startswith("annotator: error:")]
    assert errors[:10] == [
        f"annotator: error: {folder / f'bad{i:02}.jsonl'}:1: NaN at column 10: "
        "not a number JSON allows"
        for i in range(10)
    ]
    assert errors[10:] == ["annotator: error: and 3 more failed files (--verbose lists them)"]
    assert lines[-1] == "imported 12 documents from 12 files; 13 files failed"
    assert len(lines) == 12  # no per-file lines for 25 files
    code, _, err = run("import", "-v", str(folder), "--db", str(tmp_path / "q.annotator.db"))
    assert sum(ln.startswith("annotator: error:") for ln in err.splitlines()) == 13
    assert sum(": document " in ln for ln in err.splitlines()) == 12


def test_the_skipped_message_names_what_is_read(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "notes.docx").write_bytes(b"PK")
    _, _, err = run("import", str(folder), "--db", str(tmp_path / "p.annotator.db"))
    [line] = [ln for ln in err.splitlines() if ln.startswith("skipped")]
    assert line.startswith("skipped 2 files of other types (read here: ")
    for suffix in (".txt", ".jsonl", ".json", ".ann"):
        assert suffix in line
    assert "not .txt or .jsonl" not in err
    code, _, err = run(
        "import", str(folder / "photo.png"), "--db", str(tmp_path / "p.annotator.db")
    )
    assert code == 1
    named = f"annotator: error: {folder / 'photo.png'}: unsupported file type '.png': read here: "
    assert err.splitlines()[0] == named + line.split("read here: ")[1].rstrip(")")


def test_extend_schema_says_what_it_added(tmp_path: Path):
    text = "قالت الوزارة إن القوات وصلت إلى بغداد"
    record = {
        "text": text,
        "spans": [
            {"id": 1, "start": 5, "end": 12, "label": "ACTOR"},
            {"id": 2, "start": 32, "end": 37, "label": "CITY"},
        ],
        "relations": [{"label": "BASED_IN", "head": 1, "tail": 2}],
    }
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "p.annotator.db")
    code, _, err = run("import", str(source), "--db", db)
    assert code == 1
    assert f"annotator: error: {source}:1: spans[1] (CITY): unknown span label 'CITY'" in err
    assert "--extend-schema" in err
    code, _, err = run("import", str(source), "--extend-schema", "--db", db)
    assert code == 0
    assert "schema extended: span CITY, relation BASED_IN" in err.splitlines()
    _, out, _ = run("schema", "show", "--db", db)
    schema = json.loads(out)
    assert schema["labels"][-1]["name"] == "CITY"
    assert schema["relations"][-1]["name"] == "BASED_IN"


def test_the_annotator_command_reads_db_before_the_command(files: dict[str, str], tmp_path: Path):
    """The form the usage line shows, through the entry point that picks CLI or window."""
    from annotator.main import main as entry

    target = tmp_path / "entry.annotator.db"
    assert entry(["--db", str(target), "import", files["article"]]) == 0
    assert entry([f"--db={target}", "list"]) == 0
    with Project.open(target) as project:
        assert len(project.documents()) == 1


def test_special_files_are_named_as_skipped(tmp_path: Path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.jsonl")
    code, _, err = run("import", str(folder), "--db", str(tmp_path / "p.annotator.db"))
    assert code == 0
    assert (
        f"skipped 1 file that is not regular (FIFO, socket or device), never opened: "
        f"{folder / 'pipe.jsonl'}"
    ) in err.splitlines()


def test_adjustments_are_summed_when_files_are_not_listed(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        text = f"😀 قالت الوزارة {i}"
        start = text.index("الوزارة") + 1  # Label Studio fed by a tool counting UTF-16
        value = {"start": start, "end": start + 7, "text": "الوزارة", "labels": ["ACTOR"]}
        result = [{"id": "a", "type": "labels", "value": value}]
        task = {"id": i, "data": {"text": text}, "annotations": [{"result": result}]}
        (folder / f"{i:02}.json").write_text(json.dumps([task], ensure_ascii=False))
    code, _, err = run("import", str(folder), "--db", str(tmp_path / "p.annotator.db"))
    assert code == 0
    assert err.splitlines() == [
        "12 spans given in UTF-16 offsets, converted (in 12 files)",
        "imported 12 documents from 12 files",
    ]


def test_a_commands_options_work_before_the_command_too(files: dict[str, str], tmp_path: Path):
    from annotator.main import wants_cli

    db = str(tmp_path / "p.annotator.db")
    assert wants_cli(["--json", "stats", "--db", db])  # the command line, not the window
    assert not wants_cli(["--db", db]) and not wants_cli([])
    code, out, err = run("-v", "--db", db, "import", files["article"])
    assert code == 0, err
    code, out, err = run("--json", "stats", "--db", db)
    assert code == 0, err
    assert json.loads(out)["format_version"] == 1 and json.loads(out)["documents"] == 1
    parsed = build_parser().parse_args(["search", "q", "--limit", "1"])
    code, out, _ = run("--limit", "1", "--json", "search", "الخارجية", "--db", db)
    assert code == 0 and len(json.loads(out)) == 1 and parsed.limit == 1


@pytest.mark.parametrize("argv", [["--db", "", "list"], ["list", "--db", ""]])
def test_an_empty_db_path_is_refused_not_taken_for_the_default(
    argv: list[str], tmp_path: Path, monkeypatch
):
    default = tmp_path / "default" / "default.annotator.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(default))
    code, _, err = run(*argv)
    assert code == 1 and err == "annotator: error: --db names no path (an empty string)\n"
    assert not default.parent.exists()


def test_an_empty_output_path_is_refused(tmp_path: Path):
    db = tmp_path / "p.annotator.db"
    with Project.open(db) as project:
        project.add_document(Document(TEXT))
    code, out, err = run("export", "-o", "", "--db", str(db))
    assert code == 1 and out == "" and "-o/--output names no path" in err


def test_an_import_of_nothing_that_exists_creates_no_project(tmp_path: Path):
    target = tmp_path / "new" / "p.annotator.db"
    code, _, err = run("import", str(tmp_path / "typo.txt"), "--db", str(target))
    assert code == 1 and f"no such file or folder: {tmp_path / 'typo.txt'}" in err
    assert not target.exists() and not target.parent.exists()


def test_an_import_that_brings_nothing_in_leaves_no_new_project(tmp_path: Path):
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", encoding="utf-8")
    target = tmp_path / "new" / "deeper" / "p.annotator.db"
    code, _, err = run("import", str(blank), "--db", str(target))
    assert code == 1 and f"no project made at {target}" in err
    assert not (tmp_path / "new").exists()
    # An existing project is never removed, even when nothing comes in.
    existing = tmp_path / "kept.annotator.db"
    with Project.open(existing):
        pass
    assert run("import", str(blank), "--db", str(existing))[0] == 1
    assert existing.exists()
