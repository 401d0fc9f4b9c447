"""``annotator export -o PATH`` on every kind of path, every format: written as meant or one line.

What was at the path before a failed export is compared byte for byte afterwards, and the
folder is checked for temporary files left behind.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.models import Document, Entity
from annotator.storage.project import Project
from tests.spans import add_span

STREAM = ["jsonl", "entities", "conll", "doccano", "labelstudio", "prodigy"]
FOLDER = ["brat", "hf", "spacy"]
TEXT = "قالت الوزارة إن الهدنة فشلت في قره باغ.\n\nوأشارت أذربيجان إلى خرق جديد 👍🏽."


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def one_line_error(code: int, err: str) -> str:
    """The single error line of a failed command (no traceback, nothing else)."""
    assert code == 1, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: "), err
    return lines[0].removeprefix("annotator: error: ")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("paths") / "paths.db"
    with Project.open(path) as project:
        for n in range(3):
            doc = project.add_document(Document(TEXT + f" {n}", meta={"title": f"t{n}"}))
            add_span(project, doc, 5, 12, "ACTOR")
            add_span(project, doc, 0, 39, "CLAIM")
        project.entities.add(Entity("أذربيجان", "LOCATION"))
    return str(path)


def export(db: str, fmt: str, target: Path | str, *extra: str) -> tuple[int, str, str]:
    return run("export", "--format", fmt, "-o", str(target), "--db", db, *extra)


# -- files: symlinks, modes, pipes, devices ------------------------------------------------


@pytest.mark.parametrize("fmt", STREAM)
def test_every_file_format_writes_through_a_symlink(db: str, tmp_path: Path, fmt: str):
    (tmp_path / "store").mkdir()
    real = tmp_path / "store" / "latest"
    real.write_text("stale\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "out"
    link.symlink_to("store/latest")
    code, _, err = export(db, fmt, link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "store/latest"
    assert real.read_text(encoding="utf-8") not in ("stale\n", "")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path / "store") == []


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_a_new_export_file_gets_the_umask_mode(
    db: str, tmp_path: Path, fmt: str, mask: int, expected: int
):
    target = tmp_path / "out.jsonl"
    with umask(mask):
        assert export(db, fmt, target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == expected


@pytest.mark.parametrize(("mask", "dirs", "files"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
@pytest.mark.parametrize("fmt", FOLDER)
def test_a_new_export_folder_gets_the_umask_modes(
    db: str, tmp_path: Path, fmt: str, mask: int, dirs: int, files: int
):
    target = tmp_path / "out"
    with umask(mask):
        assert export(db, fmt, target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == dirs
    written = [p for p in target.rglob("*") if p.is_file()]
    assert written and {stat.S_IMODE(p.stat().st_mode) for p in written} == {files}


@pytest.mark.parametrize("fmt", ["jsonl", "conll"])
def test_a_fifo_streams_to_its_reader(db: str, tmp_path: Path, fmt: str):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []

    def reader() -> None:
        with open(fifo, encoding="utf-8") as stream:
            received.append(stream.read())

    thread = threading.Thread(target=reader)
    thread.start()
    result: list[tuple[int, str, str]] = []
    writer = threading.Thread(target=lambda: result.append(export(db, fmt, fifo)))
    writer.start()
    writer.join(timeout=30)
    thread.join(timeout=30)
    if writer.is_alive() or thread.is_alive():  # unblock whichever open waits, then fail
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        raise AssertionError("export to a FIFO did not finish within 30 s")
    assert result[0][0] == 0 and "قالت" in received[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", STREAM)
def test_dev_null_and_dev_full_stay_devices(db: str, fmt: str):
    assert export(db, fmt, "/dev/null")[0] == 0
    assert one_line_error(*export(db, fmt, "/dev/full")[::2]) == (
        "/dev/full: cannot write: no space left on the device"
    )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_print(db: str, name: str):
    code, out, _ = export(db, "jsonl", name)
    assert code == 0 and out.count("\n") == 3


def test_dev_stdout_of_a_real_process_is_its_pipe(db: str):
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "export", "-o", "/dev/stdout", "--db", db],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").count("\n") == 3
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


# -- what cannot be written: one line, nothing changed -------------------------------------


@pytest.mark.parametrize("fmt", STREAM)
def test_a_folder_as_file_output_is_one_line(db: str, tmp_path: Path, fmt: str):
    (tmp_path / "keep").write_text("keep", encoding="utf-8")
    message = one_line_error(*export(db, fmt, tmp_path)[::2])
    assert message == f"{tmp_path}: is a folder; give a file name"
    assert [p.name for p in tmp_path.iterdir()] == ["keep"]


@pytest.mark.parametrize("fmt", STREAM + FOLDER)
def test_a_missing_folder_is_one_line(db: str, tmp_path: Path, fmt: str):
    target = tmp_path / "missing" / "out"
    message = one_line_error(*export(db, fmt, target)[::2])
    assert message == f"{target}: cannot write: no folder {tmp_path / 'missing'}"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FOLDER)
def test_a_folder_format_on_a_file_is_refused_then_forced(db: str, tmp_path: Path, fmt: str):
    target = tmp_path / "out"
    target.write_text("mine", encoding="utf-8")
    message = one_line_error(*export(db, fmt, target)[::2])
    assert message == f"{target}: is a file, not a folder (--force replaces it)"
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, err = export(db, fmt, target, "--force")
    assert code == 0, err
    assert target.is_dir() and leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", [*FOLDER, "jsonl"])
def test_a_non_empty_folder_is_refused_then_replaced_with_force(db: str, tmp_path: Path, fmt: str):
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    split = ("--split", "80/10/10") if fmt == "jsonl" else ()
    message = one_line_error(*export(db, fmt, target, *split)[::2])
    assert message == f"{target}: folder is not empty (--force replaces it)"
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    code, _, err = export(db, fmt, target, *split, "--force")
    assert code == 0, err
    names = {p.name for p in target.iterdir()}
    assert "notes.txt" not in names and names
    assert leftovers(tmp_path) == []
    assert str(target) in err and ".tmp" not in err  # the summary names the final place


@pytest.mark.parametrize("fmt", FOLDER)
def test_an_empty_folder_is_filled(db: str, tmp_path: Path, fmt: str):
    target = tmp_path / "out"
    target.mkdir()
    assert export(db, fmt, target)[0] == 0
    assert any(target.iterdir()) and leftovers(tmp_path) == []


def test_a_folder_format_to_stdout_is_one_line(db: str):
    assert "needs -o FOLDER" in one_line_error(*export(db, "brat", "-")[::2])


# -- the kernel's own refusals: a read-only and a full file system -------------------------


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
        capture_output=True,
        timeout=30,
        check=False,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _can_mount(), reason="needs root and mount namespaces (unshare -m) for a private tmpfs"
)


def in_private_tmpfs(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with $D a small tmpfs seen only by it (the mount ends with the process)."""
    mount = tmp_path / "mnt"
    mount.mkdir(exist_ok=True)
    annotator = f"{sys.executable} -m annotator"
    return subprocess.run(
        ["unshare", "-m", "sh", "-ec", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "D": str(mount), "A": annotator},
    )


@needs_mounts
@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_a_read_only_file_system_is_one_line_and_keeps_the_old_output(
    db: str, tmp_path: Path, fmt: str
):
    done = in_private_tmpfs(
        f"""
        mount -t tmpfs -o size=1m tmpfs "$D"
        mkdir "$D/brat"; echo old > "$D/brat/doc1.ann"; echo old > "$D/out.jsonl"
        mount -o remount,ro "$D"
        target="$D/out.jsonl"; [ {fmt} = brat ] && target="$D/brat"
        if $A export --format {fmt} -o "$target" --force --db {db}; then exit 9; fi
        cat "$D/out.jsonl" "$D/brat/doc1.ann"; ls -A "$D"
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "mnt" / ("out.jsonl" if fmt == "jsonl" else "brat")
    assert done.stderr == f"annotator: error: {target}: cannot write: read-only file system\n"
    assert done.stdout.split() == ["old", "old", "brat", "out.jsonl"]


@needs_mounts
@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_a_full_file_system_is_one_line_and_keeps_the_old_output(db: str, tmp_path: Path, fmt: str):
    big = tmp_path / "big.db"
    with Project.open(big) as project:  # about 60 KB of export: more than the room left
        for n in range(60):
            project.add_document(Document(TEXT * 10 + f" {n}"))
    done = in_private_tmpfs(
        f"""
        mount -t tmpfs -o size=64k tmpfs "$D"
        mkdir "$D/brat"; echo old > "$D/brat/doc1.ann"; echo old > "$D/out.jsonl"
        target="$D/out.jsonl"; [ {fmt} = brat ] && target="$D/brat"
        if $A export --format {fmt} -o "$target" --force --db {big}; then exit 9; fi
        cat "$D/out.jsonl" "$D/brat/doc1.ann"; ls -A "$D"
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "mnt" / ("out.jsonl" if fmt == "jsonl" else "brat")
    assert done.stderr == f"annotator: error: {target}: cannot write: no space left on the device\n"
    assert done.stdout.split() == ["old", "old", "brat", "out.jsonl"]


# -- the project itself is never an output -------------------------------------------------


@pytest.fixture
def own_db(tmp_path: Path, db: str) -> Path:
    """A project of the test's own, alone in its folder with its companions."""
    home = tmp_path / "work"
    home.mkdir()
    path = home / "project.db"
    shutil.copy(db, path)
    (home / "project.db.backups").mkdir()
    return path


def documents(path: Path) -> int:
    with Project.open(path) as project:
        return len(project.documents())


@pytest.mark.parametrize("name", ["project.db", "project.db-wal", "project.db.backups/x.jsonl"])
def test_the_project_and_its_companions_are_never_an_output(own_db: Path, name: str):
    target = own_db.parent / name
    message = one_line_error(*export(str(own_db), "jsonl", target)[::2])
    assert message == f"{target}: would overwrite the project {own_db}; choose another path"
    assert documents(own_db) == 3


def test_a_link_to_the_project_is_never_an_output(own_db: Path, tmp_path: Path):
    (tmp_path / "out.jsonl").symlink_to(own_db)
    os.link(own_db, tmp_path / "hard.jsonl")
    for target in (tmp_path / "out.jsonl", tmp_path / "hard.jsonl"):
        assert "would overwrite the project" in one_line_error(
            *export(str(own_db), "conll", target)[::2]
        )
    assert documents(own_db) == 3


@pytest.mark.parametrize("fmt", FOLDER)
def test_a_folder_holding_the_project_is_never_replaced_even_with_force(
    own_db: Path, tmp_path: Path, fmt: str
):
    for target in (own_db.parent, tmp_path, own_db.parent / "project.db.backups"):
        code, _, err = export(str(own_db), fmt, target, "--force")
        assert "would overwrite the project" in one_line_error(code, err)
    assert documents(own_db) == 3
    assert (own_db.parent / "project.db.backups").is_dir()
