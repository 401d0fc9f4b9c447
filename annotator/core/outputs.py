"""Output paths: the one writer behind every export; it never destroys what is at a path.

What is at the path decides how it is written:

- nothing, or a regular file: a temporary file in the same folder, fsync, rename over the
  path, fsync the folder. A reader sees the old file or the whole new one, never half. A new
  file gets the mode the umask gives (``0666 & ~umask``, as the shell's ``>`` does, so a
  teammate on a shared folder can read it); a file that is replaced keeps its mode (and, where
  the system lets us, its owner and group), as ``>`` would: exporting again must not change who
  may read the file.
- a symlink: written through. The link stays; the file it names is replaced as above, in its
  own folder. A dangling link gets the file it names.
- ``-``, ``/dev/stdout``, a FIFO, a character device (``/dev/null``, a terminal), ``/dev/fd/N``:
  streamed. No temporary file, no rename: the device or pipe stays what it is.
- a folder, a missing parent folder, no permission, a read-only file system, a full disk, a
  block device or a socket: ``OutputError``, one line naming the path. What was there is
  untouched and no temporary file is left behind.

The project being exported is never an output: a path that is the project file, one of the
files SQLite and the window keep beside it (``-wal``, ``.backups``, ``.lock``...), or a folder
that holds the project is refused, ``force`` or not.

Folder outputs (brat, Hugging Face, spaCy, any ``--split``) are written into a temporary folder
beside the target and renamed into place once complete. An existing target that is not an empty
folder is refused unless ``force``; then the old one is swapped out only after the new one is
complete (in one step where Linux's ``renameat2`` offers it) and removed afterwards.

A file with several hard links is replaced, not rewritten: its other names keep the old content.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError

STDOUT_NAMES = frozenset({"-", "/dev/stdout"})
# Names of an already open descriptor: opened as they are, never resolved (a pipe's target
# "pipe:[123]" is no path) and never replaced.
_FD_PREFIXES = ("/dev/fd/", "/proc/self/fd/", "/dev/stderr")
# What SQLite and the window keep beside a project file (its name plus one of these).
_COMPANIONS = ("", "-wal", "-shm", "-journal", ".backups", ".lock", ".open")
# Descriptors not inherited by child processes; bytes as they are (Windows would add \r).
_NO_INHERIT = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.EISDIR: "is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EPIPE: "the reader closed the pipe",
    errno.ENAMETOOLONG: "name too long",
}


class OutputError(AnnotatorError):
    """An output path that cannot be written, as one line naming it."""


class OccupiedError(OutputError):
    """A folder output whose target already holds something; ``force`` replaces it."""


def _failed(shown: str, exc: OSError) -> OutputError:
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return OutputError(f"{shown}: cannot write: {reason}")


def _target(path: Path | str) -> tuple[Path, os.stat_result | None]:
    """Where a file is renamed to (symlinks followed) and what is there now (None: nothing).

    The kind is read through ``path`` itself: a link to ``/dev/stdout`` is whatever the
    process's stdout is (a pipe has no path ``realpath`` could give).
    """
    shown = str(path)
    real = Path(os.path.realpath(path))
    try:
        return real, os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _failed(shown, exc) from None
    if not real.parent.is_dir():
        where = f"{real.parent}" if Path(path).is_symlink() else f"{Path(path).parent}"
        raise OutputError(f"{shown}: cannot write: no folder {where}")
    return real, None


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (some file systems cannot sync a folder: fine)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _temp_name(folder: Path, name: str, suffix: str) -> Path:
    # Hidden, beside the target (a rename within one file system is atomic), and within the
    # 255-byte name limit however many bytes the name's letters take.
    short = os.fsdecode(os.fsencode(name)[:100])
    return folder / f".{short}.{secrets.token_hex(4)}{suffix}"


def _text_stream(fd: int) -> TextIO:
    """The text stream over an open descriptor (tests replace it to simulate a full disk)."""
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n")


def _refuse_project(
    shown: str, real: Path, st: os.stat_result | None, project: Path | None, *, folder: bool
) -> None:
    """An export must not replace the project it reads, its companions or a folder around it."""
    if project is None:
        return
    home = Path(os.path.realpath(project))
    kept = [home.name + tail for tail in _COMPANIONS]
    backups = home.with_name(home.name + ".backups")
    family = (real.parent == home.parent and real.name in kept) or (backups in real.parents)
    same = st is not None and home.exists() and os.path.samestat(st, os.stat(home))
    around = folder and (real == home.parent or real in home.parents)
    if family or same or around:
        raise OutputError(f"{shown}: would overwrite the project {project}; choose another path")


@contextlib.contextmanager
def open_output(
    path: Path | str, stdout: TextIO | None = None, *, project: Path | None = None
) -> Iterator[TextIO]:
    """A UTF-8 text stream to ``path``, written as its module docstring says.

    ``-`` and ``/dev/stdout`` mean ``stdout``. Any ``OSError`` while writing (the body's
    writes included) becomes an ``OutputError`` naming ``path``; other exceptions pass
    through, and in every failure the path keeps what it held.
    """
    shown = str(path)
    if shown in STDOUT_NAMES and stdout is not None:
        yield stdout
        stdout.flush()
        return
    if shown.startswith(_FD_PREFIXES):
        with _streaming(Path(shown), shown, os.O_APPEND) as stream:
            yield stream
        return
    real, st = _target(path)
    _refuse_project(shown, real, st, project, folder=False)
    if st is None or stat.S_ISREG(st.st_mode):
        with _replacing(real, shown, st) as stream:
            yield stream
    elif stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{shown}: is a folder; give a file name")
    elif stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        with _streaming(Path(path), shown, 0) as stream:
            yield stream
    else:
        raise OutputError(f"{shown}: not a file, FIFO or character device; nothing written")


@contextlib.contextmanager
def _streaming(real: Path, shown: str, flags: int) -> Iterator[TextIO]:
    """Write straight into a pipe or device: it is opened, never created or replaced."""
    try:
        stream = _text_stream(os.open(real, os.O_WRONLY | _NO_INHERIT | flags))
    except OSError as exc:
        raise _failed(shown, exc) from None
    try:
        with stream:
            yield stream
    except OSError as exc:
        raise _failed(shown, exc) from None


@contextlib.contextmanager
def _replacing(real: Path, shown: str, st: os.stat_result | None) -> Iterator[TextIO]:
    """Temp file in the target's folder, fsync, rename over the target, fsync the folder."""
    while True:
        tmp = _temp_name(real.parent, real.name, ".tmp")
        try:
            # 0o666 with the umask applied by the kernel, unlike mkstemp's fixed 0600.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_INHERIT, 0o666)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise _failed(shown, exc) from None
    try:
        if st is not None:
            _keep_owner_and_mode(fd, tmp, st)
        with _text_stream(fd) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _failed(shown, exc) from None
        raise
    _sync_folder(real.parent)


def _keep_owner_and_mode(fd: int, path: Path, st: os.stat_result) -> None:
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        # Only root may give a file away; others keep what chown allows them (their groups).
        with contextlib.suppress(PermissionError):
            os.fchown(fd, st.st_uid, st.st_gid)
    os.chmod(path, stat.S_IMODE(st.st_mode))  # by name: Windows has no fchmod


# -- folder outputs -----------------------------------------------------------------------


@contextlib.contextmanager
def folder_output(
    path: Path | str, *, force: bool = False, project: Path | None = None
) -> Iterator[Path]:
    """An empty temporary folder to fill; renamed to ``path`` when the body completes.

    ``path`` may be missing or an empty folder; anything else is refused with an
    ``OccupiedError`` before any work, unless ``force``. A symlink is followed: the
    link stays and the folder it names is replaced.
    """
    shown = str(path)
    real, st = _target(path)
    _refuse_project(shown, real, st, project, folder=True)
    if st is not None:
        _check_replaceable(real, st, shown, force)
    try:
        tmp = _temp_name(real.parent, real.name, ".tmp.d")
        os.mkdir(tmp, 0o777)  # the umask applies, as for files
    except OSError as exc:
        raise _failed(shown, exc) from None
    try:
        if st is not None and stat.S_ISDIR(st.st_mode):
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        yield tmp
        _sync_tree(tmp)
        _put_in_place(tmp, real, force)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _failed(shown, exc) from None
        raise
    _sync_folder(real.parent)


def _check_replaceable(real: Path, st: os.stat_result, shown: str, force: bool) -> None:
    if stat.S_ISDIR(st.st_mode):
        if not force and not _empty_folder(real):
            raise OccupiedError(f"{shown}: folder is not empty (--force replaces it)")
    elif not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{shown}: not a folder; nothing written")
    elif not force:
        raise OccupiedError(f"{shown}: is a file, not a folder (--force replaces it)")


def _sync_tree(folder: Path) -> None:
    """fsync every file and folder written, before the rename makes them visible."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _sync_folder(Path(root))


def _put_in_place(tmp: Path, real: Path, force: bool) -> None:
    """Rename the complete folder to ``real``; with ``force``, swap out what is there."""
    try:
        os.rename(tmp, real)  # onto nothing or (POSIX) an empty folder
        return
    except OSError as exc:
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR):
            raise
        if not force and not _empty_folder(real):  # (Windows will not rename onto one)
            raise
    if _exchange(tmp, real):  # tmp now holds the old content
        _remove(tmp)
        return
    old = _temp_name(real.parent, real.name, ".old")
    os.rename(real, old)
    try:
        os.rename(tmp, real)
    except OSError:
        os.rename(old, real)
        raise
    _remove(old)


def _empty_folder(path: Path) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without it (glibc < 2.28, musl < 1.2)
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
