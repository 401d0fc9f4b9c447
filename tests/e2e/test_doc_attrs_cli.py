"""Document attributes from the command line: schema show, import, list --doc-attr, export."""

from __future__ import annotations

import io
import json
from pathlib import Path

from annotator.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _lines(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_schema_show_lists_the_document_attributes(tmp_path: Path):
    db = str(tmp_path / "p.db")
    source = tmp_path / "a.txt"
    source.write_text("خبر قصير عن الاقتصاد.\n", encoding="utf-8")
    assert run("import", str(source), "--db", db)[0] == 0
    code, out, _ = run("schema", "show", "--db", db)
    assert code == 0
    shown = json.loads(out)
    names = [a["name"] for a in shown["document_attributes"]]
    assert names == ["topic", "genre", "reliability"]
    assert shown["document_attributes"][0]["multiple"] is True
    assert '"س": "politics"' in out  # keys readable, unescaped


def test_import_then_list_by_document_attribute(tmp_path: Path):
    db = str(tmp_path / "p.db")
    source = tmp_path / "in.jsonl"
    source.write_text(
        _lines(
            {"text": "اشتباكات على الحدود", "doc_attrs": {"topic": ["conflict"], "genre": "news"}},
            {"text": "مقال عن الموازنة", "doc_attrs": {"topic": ["economy"], "genre": "opinion"}},
            {"text": "حوار مع وزير", "doc_attrs": {"topic": ["politics", "conflict"]}},
        ),
        encoding="utf-8",
    )
    code, _, err = run("import", str(source), "--db", db)
    assert code == 0, err
    code, out, _ = run("list", "--db", db, "--doc-attr", "topic=conflict")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["1", "3"]
    code, out, _ = run(
        "--db", db, "list", "--doc-attr", "topic=conflict", "--doc-attr", "genre=news"
    )
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["1"]
    code, out, _ = run("show", "1", "--db", db)
    assert out.splitlines()[2] == "# topic=conflict  genre=news"
    code, out, _ = run("stats", "--json", "--db", db)
    counts = json.loads(out)["document_attributes"]
    assert counts["topic"]["conflict"] == 2 and counts["genre"] == {
        "news": 1,
        "analysis": 0,
        "opinion": 1,
        "interview": 0,
        "press release": 0,
    }
    code, out, _ = run("stats", "--db", db)
    assert "  conflict    2" in out.splitlines()
    code, out, err = run("list", "--db", db, "--doc-attr", "topic=sport")
    assert code == 1 and out == ""
    assert err.startswith("annotator: error: 'topic=sport' is not a document attribute value")
    assert err.count("\n") == 1


def test_unknown_values_are_refused_then_added_with_extend_schema(tmp_path: Path):
    db = str(tmp_path / "p.db")
    source = tmp_path / "in.jsonl"
    source.write_text(_lines({"text": "نص", "doc_attrs": {"genre": "rumour"}}), encoding="utf-8")
    code, _, err = run("import", str(source), "--db", db)
    assert code == 1
    assert f"{source}:1: doc_attrs.genre is one of news" in err
    assert "--extend-schema" in err
    code, _, err = run("import", str(source), "--db", db, "--extend-schema")
    assert code == 0, err
    assert "schema extended: document attribute values genre=rumour" in err
    code, out, _ = run("export", "--db", db)
    assert json.loads(out)["doc_attrs"] == {"genre": "rumour"}
