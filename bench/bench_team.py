"""Team benchmarks: merging analysts' files, measuring agreement. Run: python bench/bench_team.py

* merge: 10 analysts' project files of 1,000 documents × 20 spans (and 2
  relations) into a team project that holds the same 1,000 documents; floor:
  one ``executemany`` of the same 200,000 span rows into the same table (its
  text-check triggers included), no reading, no layers, no fingerprints;
* agreement: 1,000 documents that 3 analysts annotated; floor: reading the
  same texts and spans out of the team project (``shared_documents``), the
  part any agreement measure must pay;
* Curate mode: a 5,000-word article with 3 analysts' layers × 500 spans opened
  and painted; floor: a bare QTextEdit.setPlainText of the same text, painted.

The corpus is /work/shared/bench/arabic_1000.jsonl.gz when present (the one
the peers were timed on), else generated from the sample article. Medians of
several runs; results go to bench/RESULTS.md.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import long_article, nested_spans, paragraphs
from PySide6.QtWidgets import QApplication, QTextEdit
from results import Result, write_results

from annotator.core.agreement import compute
from annotator.core.models import AnnotatedDocument, Document
from annotator.core.tokens import tokenize
from annotator.storage.project import Project
from annotator.storage.team_layers import shared_documents
from annotator.storage.team_merge import TeamMerge

SHARED_CORPUS = Path("/work/shared/bench/arabic_1000.jsonl.gz")
DOCUMENTS = 1_000
SPANS = 20
ANALYSTS = 10
RUNS = 3
LABELS = ("ACTOR", "LOCATION", "CUE", "CLAIM")


def texts() -> list[str]:
    if SHARED_CORPUS.exists():
        with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as stream:
            return [json.loads(line)["text"] for line in stream][:DOCUMENTS]
    source = paragraphs()
    return [
        f"{i}\n" + "\n".join(source[(i + k) % len(source)] for k in range(6))
        for i in range(DOCUMENTS)
    ]


def corpus(path: Path, articles: list[str]) -> None:
    with Project.open(path) as project, project.bulk():
        for text in articles:
            project.import_record(AnnotatedDocument(Document(text)))


def span_rows(articles: list[str], analyst: int) -> list[tuple[int, int, int, str, str, int]]:
    """(doc_id, start, end, label, text, span id) ×20 per document; analysts differ a little."""
    rng = random.Random(analyst)
    rows = []
    span_id = 1
    for doc_id, text in enumerate(articles, start=1):
        words = [t for t in tokenize(text) if len(t.text) > 2]
        chosen = sorted(random.Random(doc_id).sample(range(len(words) - 1), SPANS))
        for k, i in enumerate(chosen):
            first, last = words[i], words[i + 1] if rng.random() < 0.15 else words[i]
            label = LABELS[k % 3] if rng.random() > 0.1 else LABELS[(k + 1) % 3]
            covered = text[first.start : last.end]
            rows.append((doc_id, first.start, last.end, label, covered, span_id))
            span_id += 1
    return rows


def analyst_file(base: Path, path: Path, name: str, rows: list[tuple]) -> None:
    shutil.copy(base, path)
    with Project.open(path) as project, project.snapshot():
        conn = project.db.conn
        conn.execute("INSERT INTO team_info (key, value) VALUES ('analyst', ?)", [name])
        conn.executemany(
            'INSERT INTO spans (doc_id, start, "end", label, text, id) VALUES (?, ?, ?, ?, ?, ?)',
            rows,
        )
        conn.execute("UPDATE documents SET status = 'done'")
        # CLAIM -> ACTOR links, two a document, where the document has both
        conn.execute(
            "INSERT INTO relations (doc_id, head, tail, label) "
            "SELECT c.doc_id, c.id, a.id, 'SOURCE' FROM spans c JOIN spans a "
            "ON a.doc_id = c.doc_id AND a.label = 'ACTOR' AND c.label = 'CLAIM' "
            "AND a.id = (SELECT min(id) FROM spans WHERE doc_id = c.doc_id AND label = 'ACTOR') "
            "WHERE c.id IN (SELECT id FROM spans s WHERE s.doc_id = c.doc_id AND label = 'CLAIM' "
            "ORDER BY id LIMIT 2)"
        )


def bench_curate_open(tmp: Path) -> Result:
    """Open Curate mode on a long article: 3 layers × 500 spans, each analyst a little off."""
    from annotator.gui.curate_view import CurateView

    app = QApplication.instance() or QApplication([])
    text = long_article(5000)
    with Project.open(tmp / "curate.db") as project:
        doc = project.add_document(Document(text))
        with project.snapshot():
            for i, name in enumerate(("alice", "bob", "carol")):
                rows = []
                for k, span in enumerate(nested_spans(text, 500 + 20)):
                    if k % (7 + i) == 0 and len(rows) < 500:
                        continue  # each analyst misses different spans
                    if len(rows) < 500:
                        rows.append((doc, span.start, span.end, span.label, span.text, name))
                project.db.conn.executemany(
                    'INSERT INTO spans (doc_id, start, "end", label, text, annotator) '
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        CurateView(project, doc).close()  # the first open puts the agreed spans in gold
        samples = []
        for _ in range(RUNS + 2):
            start = time.perf_counter()
            view = CurateView(project, doc)
            view.resize(1200, 800)
            view.show()
            view.repaint()
            samples.append(time.perf_counter() - start)
            view.close()
            app.processEvents()
        floor = []
        for _ in range(RUNS + 2):
            bare = QTextEdit()
            bare.resize(1200, 500)
            bare.show()
            app.processEvents()
            start = time.perf_counter()
            bare.setPlainText(text)
            bare.viewport().repaint()
            floor.append(time.perf_counter() - start)
            bare.close()
    ours, bare_ms = median_ms(samples), median_ms(floor)
    return Result(
        "open Curate mode: 5,000-word article, 3 layers × 500 spans, painted",
        ours,
        bare_ms,
        "bare QTextEdit.setPlainText of the same text, painted",
        "≤ 100 ms",
        ours <= 100,
    )


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    articles = texts()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "corpus.db"
        corpus(base, articles)
        files, all_rows = [], []
        for i in range(ANALYSTS):
            rows = span_rows(articles, i)
            all_rows.append(rows)
            path = tmp / f"analyst{i}.annotator.db"
            analyst_file(base, path, f"analyst{i}", rows)
            files.append(path)

        merge_times, floor_times = [], []
        for run in range(RUNS):
            team = tmp / f"team{run}.db"
            shutil.copy(base, team)
            with Project.open(team) as project:
                start = time.perf_counter()
                outcomes = TeamMerge(project).merge_paths(files)
                merge_times.append(time.perf_counter() - start)
                assert all(o.error is None for o in outcomes), outcomes[0].error
            bare = tmp / f"bare{run}.db"
            shutil.copy(base, bare)
            with Project.open(bare) as project, project.snapshot():
                conn = project.db.conn
                start = time.perf_counter()
                conn.executemany(
                    'INSERT INTO spans (doc_id, start, "end", label, text, annotator) '
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(*r[:5], f"a{i}") for i, rows in enumerate(all_rows) for r in rows],
                )
                floor_times.append(time.perf_counter() - start)

        team = tmp / "team3.db"
        shutil.copy(base, team)
        agreement_times, read_times = [], []
        with Project.open(team) as project:
            TeamMerge(project).merge_paths(files[:3])
            labels = [lb.name for lb in project.schema.span_labels]
            for _ in range(RUNS + 2):
                start = time.perf_counter()
                docs = list(shared_documents(project))
                read_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                report = compute(docs, labels)
                agreement_times.append(time.perf_counter() - start + read_times[-1])
            assert report.documents == DOCUMENTS

    merge, floor = median_ms(merge_times), median_ms(floor_times)
    agree, read = median_ms(agreement_times), median_ms(read_times)
    results = [
        Result(
            f"merge {ANALYSTS} analysts' files of {DOCUMENTS:,} documents × {SPANS} spans",
            merge,
            floor,
            "executemany of the same 200,000 span rows",
            "≤ 5 s",
            merge <= 5000,
        ),
        Result(
            f"agreement over {DOCUMENTS:,} shared documents × 3 analysts (read + compute)",
            agree,
            read,
            "reading the same texts and spans",
            "≤ 2 s",
            agree <= 2000,
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp_name:
        results.append(bench_curate_open(Path(tmp_name)))
    for r in results:
        print(r.line())
    write_results("team", results)


if __name__ == "__main__":
    main()
