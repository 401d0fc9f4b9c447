"""Writing one project file per analyst: their documents, the schema, the entity registry.

``DIR/<name>.annotator.db`` is a complete project the analyst opens in the
window; it names its analyst (``team_info``) so a merge knows whose work it
holds. Nothing is overwritten: if any of the files exists, none is written.
Each file is built under a temporary name and linked into place, so a
crash leaves no half-written project under an analyst's name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from annotator.core.assignment import Plan, plan
from annotator.core.errors import StoreError
from annotator.core.models import AnnotatedDocument, Document, Status
from annotator.storage.database import write_transaction
from annotator.storage.project import Project

SUFFIX = ".annotator.db"


def analyst_of(project: Project) -> str | None:
    """The analyst a project file was assigned to (None: not an assigned file).

    What the window stamps on every span and relation made in it.
    """
    row = project.db.execute("SELECT value FROM team_info WHERE key = 'analyst'").fetchone()
    return row[0] if row else None


def analyst_path(folder: Path, name: str) -> Path:
    return folder / f"{name}{SUFFIX}"


def assign(
    corpus: Project,
    analysts: Sequence[str],
    folder: Path,
    *,
    overlap: float = 0.0,
    seed: int = 13,
    status: Status | None = None,
) -> Plan:
    """Share out the corpus's documents (of ``status``, if given) and write the files."""
    doc_ids = [row.id for row in corpus.documents(status)]
    the_plan = plan(doc_ids, analysts, overlap, seed)
    targets = [analyst_path(folder, name) for name in analysts]
    if taken := [str(p) for p in targets if os.path.lexists(p)]:
        raise StoreError(
            f"not overwriting {', '.join(taken)}: move them away or choose another folder"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create folder: {exc.strerror}") from None
    written: list[Path] = []
    try:
        for name, target in zip(analysts, targets, strict=True):
            _write_one(corpus, name, the_plan.documents[name], target)
            written.append(target)
    except BaseException:
        for path in written:  # files this command created: all of them or none
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return the_plan


def _write_one(corpus: Project, name: str, doc_ids: Sequence[int], target: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLite creates it; mkstemp only reserved a unique name
    try:
        with Project.open(tmp) as project:
            project.set_schema(corpus.schema)
            with write_transaction(project.db):
                for summary in corpus.entities.all():
                    project.entities.add(summary.entity)  # same ids: links stay meaningful
                project.db.execute(
                    "INSERT INTO team_info (key, value) VALUES ('analyst', ?)", [name]
                )
            with project.bulk():
                for doc_id in doc_ids:
                    doc = corpus.document(doc_id)  # its text, title and source id; no annotations
                    record = Document(
                        doc.text, meta=doc.meta, status=Status.TODO, external_id=doc.external_id
                    )
                    project.import_record(AnnotatedDocument(record))
            project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _place(tmp, target)
    except FileExistsError:
        raise StoreError(f"not overwriting {target}") from None
    except OSError as exc:
        raise StoreError(f"{target}: cannot write: {exc.strerror}") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _place(tmp: Path, target: Path) -> None:
    """Give the finished file its name, never replacing a file that took the name meanwhile."""
    try:
        os.link(tmp, target)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (some shared folders)
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(tmp, target)
