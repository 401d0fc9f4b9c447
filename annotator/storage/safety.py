"""Keeping a project safe across sessions: rolling backups, checks after an unclean exit.

``backup`` copies the project with SQLite's online backup API (consistent even
while another connection writes) into ``<project>.backups/`` and keeps the
last ``keep`` copies. ``check`` is what a start after a crash runs: SQLite's
own ``integrity_check`` and every span's text against its document's text.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.storage.project import Project

BACKUPS_KEPT = 5


@dataclass
class CheckReport:
    integrity: str = "ok"
    bad_spans: list[int] = field(default_factory=list)
    spans_checked: int = 0

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.bad_spans

    def summary(self) -> str:
        if self.ok:
            return f"the project is intact ({self.spans_checked} spans checked against their text)"
        parts = []
        if self.integrity != "ok":
            parts.append(f"SQLite integrity check: {self.integrity}")
        if self.bad_spans:
            parts.append(
                f"{len(self.bad_spans)} spans no longer match their text: ids {self.bad_spans[:10]}"
            )
        return "; ".join(parts)


def check(project: Project) -> CheckReport:
    report = CheckReport()
    rows = project.db.conn.execute("PRAGMA integrity_check").fetchall()
    report.integrity = "; ".join(r[0] for r in rows[:5])
    texts: dict[int, str] = {}
    for span_id, doc_id, start, end, text in project.db.conn.execute(
        'SELECT id, doc_id, start, "end", text FROM spans ORDER BY doc_id'
    ):
        if doc_id not in texts:
            texts = {
                doc_id: project.db.conn.execute(
                    "SELECT text FROM documents WHERE id = ?", [doc_id]
                ).fetchone()[0]
            }
        report.spans_checked += 1
        if texts[doc_id][start:end] != text:
            report.bad_spans.append(span_id)
    return report


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def backup(project: Project, keep: int = BACKUPS_KEPT) -> Path | None:
    """Copy the project aside (rolling, ``keep`` copies); None for an in-memory project."""
    if project.path is None:
        return None
    return backup_file(project.path, keep)


def backup_file(path: Path, keep: int = BACKUPS_KEPT) -> Path:
    """Back up the project file at ``path`` through a connection of its own.

    Its own connection, so the window can run it on a worker thread right
    after showing (a large project takes a moment to copy).
    """
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}.{stamp}.{time.monotonic_ns() % 10**6:06d}.db"
    source = sqlite3.connect(path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    copies = sorted(folder.glob(f"{path.stem}.*.db"))
    for old in copies[:-keep]:
        old.unlink()
    return target
