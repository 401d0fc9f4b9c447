"""The output writer: whatever is at an export path, it is written as meant or left as it was.

We run as root, so ``chmod`` cannot make a folder unwritable and there is no real full disk
at hand. The writer's boundary with the system is faked instead: ``os.open`` refusing to
create in one folder (EACCES, EROFS) and the text stream over the temporary file failing
with ENOSPC after some bytes, as a full disk does. tests/e2e/test_export_paths.py repeats
both against the kernel (a read-only and a full tmpfs) where mounts are allowed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import outputs
from annotator.core.outputs import OccupiedError, OutputError, folder_output, open_output

TEXT = "قالت الوزارة 👍🏽\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary files or folders the writer would have left."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def write(path: Path | str, text: str = TEXT, stdout: io.StringIO | None = None) -> None:
    with open_output(path, stdout) as stream:
        stream.write(text)


# -- regular files -------------------------------------------------------------------------


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, mask: int, expected: int):
    target = tmp_path / "out.jsonl"
    with umask(mask):
        write(target)
    assert target.read_text(encoding="utf-8") == TEXT
    assert mode(target) == expected
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kept", [0o600, 0o664, 0o640])
def test_a_replaced_file_keeps_its_mode_whatever_the_umask(tmp_path: Path, kept: int):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(kept)
    inode = target.stat().st_ino
    with umask(0o022):
        write(target)
    assert target.read_text(encoding="utf-8") == TEXT
    assert mode(target) == kept
    assert target.stat().st_ino != inode  # replaced by rename, not rewritten in place


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 4321, 4322)
    write(target)
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4322)
    assert target.read_text(encoding="utf-8") == TEXT


def test_a_hard_linked_file_is_replaced_and_its_other_name_keeps_the_old_content(tmp_path: Path):
    """As documented: an atomic replace makes a new file; the other name is not rewritten."""
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    os.link(target, tmp_path / "other.jsonl")
    write(target)
    assert target.read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "other.jsonl").read_text(encoding="utf-8") == "old\n"


def test_an_error_while_writing_leaves_the_old_file(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), open_output(target) as stream:
        stream.write("half")
        _ = 1 / 0
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


names = st.text(
    st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)), min_size=1
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) <= 255)


@settings(max_examples=150, deadline=None)
@given(name=names, text=st.text())
def test_any_file_name_and_text_are_written_exactly(name: str, text: str):
    """Arabic, emoji, spaces, 255-byte names: the temporary file beside must fit too."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / name
        write(target, "old")
        write(target, text)
        assert target.read_bytes() == text.encode("utf-8")
        assert os.listdir(folder) == [name]


def test_a_longest_name_of_four_byte_letters_fits(tmp_path: Path):
    target = tmp_path / ("👍🏽" * 31 + ".jsonl")  # 254 bytes
    write(target)
    assert target.read_text(encoding="utf-8") == TEXT and leftovers(tmp_path) == []


# -- symlinks ------------------------------------------------------------------------------


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    real = real_dir / "latest.jsonl"
    real.write_text("stale\n", encoding="utf-8")
    real.chmod(0o640)
    link = link_dir / "out.jsonl"
    link.symlink_to(Path("..") / "real" / "latest.jsonl")  # relative, in another folder
    write(link)
    assert link.is_symlink() and os.readlink(link) == "../real/latest.jsonl"
    assert real.read_text(encoding="utf-8") == TEXT
    assert mode(real) == 0o640
    assert leftovers(real_dir) == [] and sorted(p.name for p in link_dir.iterdir()) == ["out.jsonl"]


def test_a_chain_of_symlinks_reaches_the_file(tmp_path: Path):
    real = tmp_path / "real.jsonl"
    real.write_text("stale\n", encoding="utf-8")
    (tmp_path / "b").symlink_to("real.jsonl")
    (tmp_path / "a").symlink_to("b")
    write(tmp_path / "a")
    assert real.read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_a_dangling_symlink_gets_the_file_it_names(tmp_path: Path):
    link = tmp_path / "out.jsonl"
    link.symlink_to("exports/today.jsonl")
    (tmp_path / "exports").mkdir()
    write(link)
    assert link.is_symlink()
    assert (tmp_path / "exports" / "today.jsonl").read_text(encoding="utf-8") == TEXT


def test_a_dangling_symlink_into_a_missing_folder_is_one_line(tmp_path: Path):
    link = tmp_path / "out.jsonl"
    link.symlink_to("nowhere/today.jsonl")
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot write: no folder .*nowhere$"):
        write(link)
    assert os.readlink(link) == "nowhere/today.jsonl"


def test_a_symlink_loop_is_one_line(tmp_path: Path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OutputError, match="symbolic links"):
        write(tmp_path / "a")


# -- pipes and devices ---------------------------------------------------------------------


def test_a_fifo_is_streamed_to_its_reader_and_stays_a_fifo(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    def writer() -> None:
        write(fifo, TEXT * 5000)  # more than a pipe buffer: the reader must be draining it

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    stuck = [t for t in threads if t.is_alive()]
    if stuck:  # release a blocked open so the test run can end, then fail
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    assert not stuck, "the FIFO writer or reader did not finish within 20 s"
    assert received == [(TEXT * 5000).encode("utf-8")]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_fifo_whose_reader_leaves_is_one_line(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def reader() -> None:
        with open(fifo, "rb") as stream:
            stream.read(1)  # then closes: the writer meets a broken pipe

    thread = threading.Thread(target=reader)
    thread.start()
    with pytest.raises(OutputError, match="pipe: cannot write: the reader closed the pipe"):
        write(fifo, TEXT * 100_000)
    thread.join(timeout=20)
    assert not thread.is_alive()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_null_is_written_and_stays_a_device():
    write("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_full_is_one_line_and_stays_a_device():
    with pytest.raises(OutputError) as caught:
        write("/dev/full")
    assert str(caught.value) == "/dev/full: cannot write: no space left on the device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_stdout_names_write_to_the_given_stdout(name: str):
    out = io.StringIO()
    write(name, stdout=out)
    assert out.getvalue() == TEXT


def test_a_symlink_to_a_pipe_descriptor_streams_into_the_pipe(tmp_path: Path):
    read_end, write_end = os.pipe()
    link = tmp_path / "out.jsonl"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    try:
        write(link, "سطر\n")
        os.close(write_end)
        assert os.read(read_end, 100).decode("utf-8") == "سطر\n"
    finally:
        os.close(read_end)
    assert link.is_symlink() and leftovers(tmp_path) == []


def test_a_descriptor_path_is_streamed_not_replaced(tmp_path: Path):
    read_end, write_end = os.pipe()
    try:
        write(f"/dev/fd/{write_end}", "سطر\n")
        os.close(write_end)
        assert os.read(read_end, 100).decode("utf-8") == "سطر\n"
    finally:
        os.close(read_end)


# -- what cannot be written ----------------------------------------------------------------


def test_a_folder_is_one_line_and_stays_untouched(tmp_path: Path):
    (tmp_path / "keep.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        write(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_a_missing_folder_is_one_line_and_creates_nothing(tmp_path: Path):
    target = tmp_path / "missing" / "deeper" / "out.jsonl"
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot write: no folder .*deeper$"):
        write(target)
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_a_folder_should_be_is_one_line(tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        write(tmp_path / "file" / "out.jsonl")


def refuse_creating_in(folder: Path, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``os.open`` refuse to create files in ``folder``, as a read-only folder does."""
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT and Path(path).parent == folder:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(outputs.os, "open", fake_open)


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system")],
)
def test_an_unwritable_folder_is_one_line_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    refuse_creating_in(tmp_path, code, monkeypatch)
    with pytest.raises(OutputError) as caught:
        write(target)
    assert str(caught.value) == f"{target}: cannot write: {reason}"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


class FullDisk(io.RawIOBase):
    """A file descriptor's writes that fail with ENOSPC once ``room`` bytes are used."""

    def __init__(self, fd: int, room: int) -> None:
        self.fd, self.room = fd, room

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def write(self, data) -> int:  # type: ignore[no-untyped-def,override]
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return os.write(self.fd, data)

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def test_a_full_disk_is_one_line_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(
        outputs,
        "_text_stream",
        lambda fd: io.TextIOWrapper(
            io.BufferedWriter(FullDisk(fd, 10_000)), encoding="utf-8", newline="\n"
        ),
    )
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write(target, TEXT * 10_000)
    assert str(caught.value) == f"{target}: cannot write: no space left on the device"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_failing_fsync_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def no_room(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs.os, "fsync", no_room)
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputError, match="no space left"):
        write(target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_socket_is_refused(tmp_path: Path):
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(OutputError, match="not a file, FIFO or character device"):
            write(path)
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


# -- folder outputs ------------------------------------------------------------------------


def fill(folder: Path, name: str = "doc1.ann", text: str = "T1\tACTOR 0 4\tقالت\n") -> None:
    (folder / "sub").mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "sub" / "x.txt").write_text("x", encoding="utf-8")


@pytest.mark.parametrize(("mask", "dirs", "files"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_a_new_folder_is_renamed_into_place_with_the_umask_modes(
    tmp_path: Path, mask: int, dirs: int, files: int
):
    target = tmp_path / "brat"
    with umask(mask), folder_output(target) as building:
        assert building.parent == tmp_path and not target.exists()
        fill(building)
    assert (target / "doc1.ann").read_text(encoding="utf-8") == "T1\tACTOR 0 4\tقالت\n"
    assert mode(target) == dirs and mode(target / "sub") == dirs
    assert mode(target / "doc1.ann") == files
    assert leftovers(tmp_path) == []


def test_an_empty_folder_is_filled_and_keeps_its_mode(tmp_path: Path):
    target = tmp_path / "brat"
    target.mkdir(mode=0o700)
    target.chmod(0o700)
    with folder_output(target) as building:
        fill(building)
    assert (target / "doc1.ann").exists() and mode(target) == 0o700


def test_an_empty_folder_is_filled_where_rename_will_not_replace_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Windows refuses to rename onto an existing folder, even an empty one."""
    real_rename = os.rename

    def windows_rename(src: Path, dst: Path) -> None:
        if Path(dst).exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(outputs.os, "rename", windows_rename)
    monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    target = tmp_path / "brat"
    target.mkdir()
    with folder_output(target) as building:
        fill(building)
    assert (target / "doc1.ann").exists() and leftovers(tmp_path) == []


def test_a_folder_that_is_not_empty_is_refused_before_any_work(tmp_path: Path):
    target = tmp_path / "brat"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with (
        pytest.raises(OccupiedError, match=r"brat: folder is not empty \(--force replaces it\)"),
        folder_output(target),
    ):
        raise AssertionError("the export ran although the target is refused")
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert leftovers(tmp_path) == []


def test_a_file_where_the_folder_goes_is_refused(tmp_path: Path):
    target = tmp_path / "out"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OccupiedError, match="is a file, not a folder"), folder_output(target):
        pass
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("swap", ["exchange", "two renames"])
def test_force_replaces_a_folder_only_once_the_new_one_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: str
):
    if swap == "two renames":  # systems without renameat2's exchange
        monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    target = tmp_path / "brat"
    target.mkdir()
    (target / "old.ann").write_text("old", encoding="utf-8")
    with folder_output(target, force=True) as building:
        fill(building)
        assert (target / "old.ann").read_text(encoding="utf-8") == "old"  # still there meanwhile
    assert sorted(p.name for p in target.iterdir()) == ["doc1.ann", "sub"]
    assert leftovers(tmp_path) == []


def test_force_replaces_a_file_with_the_folder(tmp_path: Path):
    target = tmp_path / "out"
    target.write_text("mine", encoding="utf-8")
    with folder_output(target, force=True) as building:
        fill(building)
    assert target.is_dir() and (target / "doc1.ann").exists()
    assert leftovers(tmp_path) == []


def test_a_failed_forced_export_leaves_the_old_folder(tmp_path: Path):
    target = tmp_path / "brat"
    target.mkdir()
    (target / "old.ann").write_text("old", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), folder_output(target, force=True) as building:
        fill(building)
        _ = 1 / 0
    assert [p.name for p in target.iterdir()] == ["old.ann"]
    assert leftovers(tmp_path) == []


def test_a_symlinked_folder_is_written_through(tmp_path: Path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "old.ann").write_text("old", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to("real")
    with folder_output(link, force=True) as building:
        assert building.parent == tmp_path
        fill(building)
    assert link.is_symlink() and (real / "doc1.ann").exists() and not (real / "old.ann").exists()


def test_a_folder_output_into_a_missing_or_unwritable_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with pytest.raises(OutputError, match="no folder"), folder_output(tmp_path / "a" / "b"):
        pass

    def read_only(path: Path, mode: int = 0o777) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(outputs.os, "mkdir", read_only)
    with (
        pytest.raises(OutputError, match="brat: cannot write: read-only file system"),
        folder_output(tmp_path / "brat"),
    ):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_inside_a_folder_output_keeps_the_old_folder(tmp_path: Path):
    target = tmp_path / "brat"
    target.mkdir()
    (target / "old.ann").write_text("old", encoding="utf-8")
    with (
        pytest.raises(OutputError, match="brat: cannot write: no space left on the device"),
        folder_output(target, force=True),
    ):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert [p.name for p in target.iterdir()] == ["old.ann"]
    assert leftovers(tmp_path) == []
