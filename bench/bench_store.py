"""Store benchmarks: bulk import and export. Run: python bench/bench_store.py

Floors, measured in the same run: ``sqlite3`` ``executemany`` of the same
rows already decoded into a bare table (import), ``json.dumps`` of the same dicts to a file
(export). Medians of several runs; results go to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import paragraphs
from results import Result, write_results

from annotator.core.arabic import normalize
from annotator.core.importing import read_file
from annotator.core.jsonl import record_to_json
from annotator.core.models import AnnotatedDocument, Document, Span
from annotator.storage.exporter import write_jsonl
from annotator.storage.importer import import_paths
from annotator.storage.project import Project

ARTICLES = 10_000
RUNS = 5


def article(i: int, source: list[str]) -> str:
    """A page of the sample's paragraphs, numbered in its body so no two articles are one text.

    (A number only in the headline made the headline a copy of a body line, which
    the page model rightly drops: the bodies then repeated every len(source) pages.)
    """
    body = [source[(i + k) % len(source)] for k in range(12)]
    body[-1] = f"{body[-1]} ({i})"
    headline = f"تقرير رقم {i}: تطورات جديدة في النزاع"
    return "\n".join([headline, *body, "Share on facebook", "المصدر : الجزيرة"])


_INSERT_ROW = (
    "INSERT INTO documents (title, text, sha256, meta, raw) "
    "VALUES (:title, :text, :sha256, :meta, :raw)"
)


def _bare_documents(path: Path) -> sqlite3.Connection:
    """A table for the floor's rows: no constraint, index or trigger of ours."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title, text, sha256, meta, raw)")
    return db


def bench_import(tmp: Path) -> list[Result]:
    source = paragraphs()
    folder = tmp / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"{i:05}.txt").write_text(article(i, source), encoding="utf-8")
    files = sorted(folder.iterdir())
    ours, floor, indexed, reading = [], [], [], []
    for run in range(RUNS):
        with Project.open(tmp / f"import{run}.db") as project:
            start = time.perf_counter()
            report = import_paths(project, [folder], parallel=True)  # as `annotator import` does
            ours.append(time.perf_counter() - start)
            assert report.imported == ARTICLES, report.failed[:1]
            rows = [
                {
                    "title": r["title"],
                    "text": r["text"],
                    "sha256": r["sha256"],
                    "meta": r["meta"],
                    "raw": r["raw"],
                }
                for r in project.db.query("SELECT * FROM documents")
            ]
        db = _bare_documents(tmp / f"floor{run}.db")
        start = time.perf_counter()
        with db:
            db.executemany(_INSERT_ROW, rows)
        floor.append(time.perf_counter() - start)
        db.close()
        # The same rows with the search index every project keeps (its keys computed beforehand).
        keys = [(i + 1, normalize(row["text"])) for i, row in enumerate(rows)]
        db = _bare_documents(tmp / f"indexed{run}.db")
        db.execute(  # the project's trigram index (schema v8)
            "CREATE VIRTUAL TABLE search_index USING fts5(norm, "
            "tokenize = 'trigram case_sensitive 1', content = '', detail = none)"
        )
        start = time.perf_counter()
        with db:
            db.executemany(_INSERT_ROW, rows)
            db.executemany("INSERT INTO search_index (rowid, norm) VALUES (?, ?)", keys)
        indexed.append(time.perf_counter() - start)
        db.close()
        start = time.perf_counter()
        for path in files:
            list(read_file(path))
        reading.append(time.perf_counter() - start)
    median, base = statistics.median(ours) * 1000, statistics.median(floor) * 1000
    with_index = statistics.median(indexed) * 1000
    return [
        Result(
            "import 10,000 articles (.txt: decode, clean, store)",
            median,
            base,
            "sqlite3 executemany of the same rows, already decoded",
            "≤ 2× floor, ≤ 10 s",
            median <= 10_000 and median <= 2 * base,
        ),
        Result(
            "import 10,000 articles, against the rows and their search index",
            median,
            with_index,
            "executemany of the same rows + the FTS5 trigram index of their keys",
            "(reported)",
            True,
        ),
        Result(
            "import 10,000 articles: the part outside SQLite",
            statistics.median(reading) * 1000,
            None,
            "—",
            "(reported: decode, clean, direction and language of the files)",
            True,
        ),
    ]


def bench_export(tmp: Path) -> Result:
    source = paragraphs()
    project = Project.open(tmp / "export.db")
    with project.bulk():
        for i in range(ARTICLES):
            text = article(i, source)
            spans = []
            for k in range(10):
                start = (k * 37) % (len(text) - 10)
                spans.append(Span(start, start + 8, "ACTOR", text[start : start + 8], id=k))
            project.import_record(AnnotatedDocument(Document(text), tuple(spans)))
    # Exported as a project is on a later day: opened anew, its write-ahead log checkpointed
    # into the file when the importing connection closed.
    project.close()
    project = Project.open(tmp / "export.db")
    records = list(project.iter_records())
    dicts = [record_to_json(r) for r in records]
    ours, floor = [], []
    for _ in range(RUNS):
        with (tmp / "ours.jsonl").open("w", encoding="utf-8") as out:
            start = time.perf_counter()
            write_jsonl(project, out)
            ours.append(time.perf_counter() - start)
        with (tmp / "floor.jsonl").open("w", encoding="utf-8") as out:
            start = time.perf_counter()
            for d in dicts:
                out.write(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n")
            floor.append(time.perf_counter() - start)
    project.close()
    median, base = statistics.median(ours) * 1000, statistics.median(floor) * 1000
    return Result(
        "export 10,000 documents / 100,000 spans to native JSONL",
        median,
        base,
        "json.dumps of the same dicts to a file",
        "≤ 1.5× floor",
        median <= 1.5 * base,
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        results = [*bench_import(tmp), bench_export(tmp)]
    write_results("store", results)
    for r in results:
        print(r.line())
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
