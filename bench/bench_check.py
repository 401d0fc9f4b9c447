"""Damage checks at scale: what checking a 100,000-document project costs at opening.

Run: python bench/bench_check.py [PROJECT]

Builds (once; it is kept, never committed: default /tmp/annotator-bench-100k.db)
a project of 100,000 generated articles with ten spans each, about the size
the window's users reach, then measures SQLite's ``quick_check``, the full
``annotator check``, opening it for the window, a backup of it, a backup
skipped as unchanged, and how soon closing stops a backup under way. The
floor is reading the file once, measured in the same run: no check can read
less.
The file is in the page cache for every figure (warm), as right after use.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import article
from corpus import paragraphs
from results import Result, write_results

from annotator.core.models import AnnotatedDocument, Document, Span
from annotator.storage.project import Project

DOCUMENTS = 100_000
RUNS = 3
DEFAULT = Path(tempfile.gettempdir()) / "annotator-bench-100k.db"


def build(path: Path, documents: int = DOCUMENTS) -> None:
    """A project of ``documents`` generated articles, ten spans each (skipped when it exists)."""
    if path.exists():
        return
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    source = paragraphs()
    with Project.open(partial) as project:
        for first in range(0, documents, 5000):
            with project.bulk():
                for i in range(first, min(documents, first + 5000)):
                    text = article(i, source)
                    spans = []
                    for k in range(10):
                        start = (k * 37 + i) % (len(text) - 10)
                        spans.append(Span(start, start + 8, "ACTOR", text[start : start + 8], id=k))
                    project.import_record(AnnotatedDocument(Document(text), tuple(spans)))
            print(f"built {min(documents, first + 5000)} documents", file=sys.stderr)
    os.rename(partial, path)


def timed(run: object, runs: int = RUNS) -> float:
    """Median milliseconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def read_file_once(path: Path) -> None:
    with path.open("rb") as f:
        while f.read(1 << 20):
            pass


def _backup_quietly(path: Path, copier: object) -> None:
    from annotator.storage.backups import BackupStoppedError, make_backup

    with contextlib.suppress(BackupStoppedError):
        make_backup(path, checked=True, copier=copier)  # type: ignore[arg-type]


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    build(path)
    size = path.stat().st_size
    floor = timed(lambda: read_file_once(path))

    def pragma(name: str) -> None:
        conn = sqlite3.connect(path)
        assert conn.execute(f"PRAGMA {name}").fetchone()[0] == "ok"
        conn.close()

    from annotator.storage import backups, safety

    quick = timed(lambda: safety.quick_check_file(path))
    integrity = timed(lambda: pragma("integrity_check"), 1)
    full = timed(lambda: safety.check_file(path), 1)
    opening = timed(lambda: Project.open(path).close())  # the window's: no check at opening
    folder = backups.backup_folder(path)
    shutil.rmtree(folder, ignore_errors=True)
    copy = timed(lambda: backups.make_backup(path, checked=True), 1)
    unchanged = timed(lambda: backups.make_backup(path, checked=True))
    # Closing during a copy: how long stop() takes to end it.
    shutil.rmtree(folder, ignore_errors=True)
    copier = backups.Copier()
    worker = threading.Thread(target=_backup_quietly, args=(path, copier))
    worker.start()
    time.sleep(1.0)  # well into the copy
    start = time.perf_counter()
    copier.stop()
    worker.join()
    stop_ms = (time.perf_counter() - start) * 1000
    shutil.rmtree(folder, ignore_errors=True)
    what = f"{DOCUMENTS:,} documents, {size / 1e9:.2f} GB"
    results = [
        Result(
            f"quick_check, {what}",
            quick,
            floor,
            "reading the file once",
            "(reported: above 64 MB the window runs it on a worker thread)",
            True,
        ),
        Result(
            f"integrity_check, {what}",
            integrity,
            floor,
            "reading the file once",
            "(reported)",
            True,
        ),
        Result(
            f"annotator check (integrity, span texts, foreign keys), {what}",
            full,
            floor,
            "reading the file once",
            "(reported)",
            True,
        ),
        Result(
            f"open for the window (check left to a worker thread), {what}",
            opening,
            None,
            "—",
            "≤ 100 ms",
            opening <= 100,
        ),
        Result(
            f"backup (online backup API), {what}",
            copy,
            floor,
            "reading the file once",
            "(reported)",
            True,
        ),
        Result(
            "backup when nothing changed since the last",
            unchanged,
            None,
            "—",
            "≤ 10 ms",
            unchanged <= 10,
        ),
        Result(
            "closing during a backup: the copy stops within",
            stop_ms,
            None,
            "—",
            "≤ 500 ms",
            stop_ms <= 500,
        ),
    ]
    write_results("check", results)
    for r in results:
        print(r.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
