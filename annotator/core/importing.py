"""Reading import files into annotated documents (no database involved).

``.txt`` files are decoded (see ``decoding``), put in canonical form (see
``text.canonical_text``) and, unless told not to, cleaned of page furniture
(see ``cleaning``). ``.jsonl`` files are native records (see ``jsonl``).
Every problem is an ``InputError`` naming the file and, where there is one,
the line.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import json_input, jsonl
from annotator.core.decoding import decode_bytes  # light: the code-page model only when needed
from annotator.core.errors import InputError
from annotator.core.html_page import (
    HTML_SUFFIXES,
    NO_ARTICLE,
    extract_article,
    is_saved_files_folder,
)
from annotator.core.models import AnnotatedDocument, Document
from annotator.core.text import (
    canonical_text,
    check_document_text,
    check_visible_text,
    guess_language,
    text_direction,
)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".json", ".ann"}


@dataclass
class FileSet:
    """The importable files under the paths given, and what was passed over."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    special: list[Path] = field(default_factory=list)
    """FIFOs, sockets and devices: never opened (reading a FIFO waits for a writer forever)."""
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    """Folders that could not be listed, with why: their files are not imported, and said."""


def collect_files(paths: Iterable[Path | str]) -> FileSet:
    """Expand folders recursively (sorted, hidden entries ignored).

    A file named explicitly is always returned, whatever its suffix, so the
    importer can say why it refuses it; in folders only known suffixes count.
    The PAGE_files folder of a page saved "complete" holds the page's parts
    (frames, scripts), not documents: it is passed over.
    Only regular files (or links to them) are read: anything else is listed
    in ``special`` without being opened.
    """
    found = FileSet()
    for raw in paths:
        path = Path(raw)
        kind = _kind(path)
        if kind == "folder":
            _collect_folder(path, found)
        elif kind == "file":
            found.files.append(path)
        elif kind == "special":
            found.special.append(path)
        else:
            found.missing.append(path)
    return found


def _collect_folder(folder: Path, found: FileSet) -> None:
    """A folder's files, then its subfolders', in name order; links to folders not followed.

    ``os.scandir`` hands each entry's type over with the listing, so a regular
    file costs no ``stat``: a stat per file (to tell FIFOs apart) and another
    per ``.txt`` (is there an ``.ann`` beside it?) made listing 10,000 files
    take 0.2 s.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=_name)
    except OSError as exc:  # reported, never passed over in silence as os.walk does
        found.unreadable.append((folder, exc.strerror or type(exc).__name__))
        return
    names = {e.name for e in entries}
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink() and not is_saved_files_folder(entry.name, names):
                subfolders.append(Path(entry.path))
            continue
        stem, suffix = os.path.splitext(entry.name)
        suffix = suffix.lower()
        if suffix in TEXT_SUFFIXES and f"{stem}.ann" in names:
            continue  # the text of a brat document: read with its .ann
        child = Path(entry.path)
        if suffix not in SUFFIXES:
            found.skipped.append(child)
        elif entry.is_file():
            found.files.append(child)
        elif _kind(child) == "special":
            found.special.append(child)
        else:
            found.missing.append(child)  # a dangling link
    for subfolder in subfolders:
        _collect_folder(subfolder, found)


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _kind(path: Path) -> str:
    """folder, file (regular), special (FIFO, socket, device) or missing; links followed."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return "missing"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "special"


def readable_types() -> str:
    """The file types an import reads, for messages: ".ann, .json, .jsonl, .txt"."""
    return ", ".join(sorted(SUFFIXES))


def text_meta(text: str) -> dict[str, Any]:
    """Metadata derived from the text itself: direction and a language guess."""
    meta: dict[str, Any] = {"direction": text_direction(text.split("\n"))}
    if lang := guess_language(text):
        meta["lang"] = lang
    return meta


def _first_line(text: str) -> str:
    """The title of a text without a headline: its first line, cut to a title's length."""
    return next((ln.strip() for ln in text.split("\n") if ln.strip()), "")[:200]


def read_text(data: bytes, *, clean: bool = True, name: str | None = None) -> AnnotatedDocument:
    """One document from the bytes of a plain-text article."""
    decoded = decode_bytes(data)
    text = canonical_text(decoded.text)
    check_visible_text(text)
    meta: dict[str, Any] = {}
    if clean:
        text = _cleaned(text, meta)
    else:
        meta["title"] = _first_line(text)
    return _document(text, meta, decoded.text, decoded.encoding, name)


def read_html(data: bytes, *, clean: bool = True, name: str | None = None) -> AnnotatedDocument:
    """One document from a saved web page: trafilatura's article, then the page model.

    The page's own metadata (JSON-LD, meta tags) wins over what bylines and
    date lines in the text say.
    """
    page = extract_article(data)
    text = page.text
    meta: dict[str, Any] = {}
    if clean:
        lines = text.split("\n")
        if page.title and page.title not in lines:
            text = page.title + "\n" + text  # the headline goes right before the body
        text = _cleaned(text, meta, title=page.title, need_body=True)
    else:
        meta["title"] = page.title or _first_line(text)
    published = meta.get("published", "")
    meta.update(page.meta)
    if published.startswith(page.meta.get("published", "\0")):
        meta["published"] = published  # the same day, with its time
    return _document(text, meta, page.html, page.encoding, name)


def _cleaned(
    text: str, meta: dict[str, Any], title: str | None = None, need_body: bool = False
) -> str:
    """The page model's text; fills ``meta`` with title, meta lines and the removal report.

    ``need_body``: a page without a single sentence-like paragraph has no
    article (a web page's home or menu page); a plain-text file keeps its lines.
    """
    # Imported here, like each reader in ``read_file``: a JSONL import's start-up spent
    # more on compiling their regular expressions than on its first thousand records.
    from annotator.core.cleaning import clean_page

    cleaned = clean_page(text)
    if need_body and not cleaned.has_body:
        raise InputError(NO_ARTICLE)
    if not cleaned.text.strip():
        raise InputError("nothing left after cleaning: the page is all furniture")
    meta["title"] = title or cleaned.title or _first_line(cleaned.text)
    meta.update(cleaned.meta)
    meta["cleaning"] = {
        "removed": cleaned.summary(),
        "lines": [
            {"line": r.line, "reason": r.reason, "text": r.text[:80]} for r in cleaned.removed
        ],
    }
    return cleaned.text


def _document(
    text: str, meta: dict[str, Any], raw: str, encoding: str, name: str | None
) -> AnnotatedDocument:
    check_document_text(text)
    check_visible_text(text)
    meta.update(text_meta(text))
    meta["encoding"] = encoding
    if name:
        meta["file"] = name
    return AnnotatedDocument(Document(text=text, meta=meta, raw=raw))


def detect_jsonl(first: dict[str, Any]) -> str:
    """Which tool wrote a JSONL record: native, doccano or Prodigy."""
    if "format_version" in first:
        return "native"
    # An empty list counts: a document nobody has labelled yet, or one with categories only.
    if "entities" in first or "cats" in first:
        return "doccano"
    if isinstance(first.get("label"), list) or isinstance(first.get("labels"), list):
        return "doccano"
    marks = first.get("annotations")
    if isinstance(marks, list) and any(isinstance(m, dict) and "start_offset" in m for m in marks):
        return "doccano"  # older doccano: every user's labels, each with its user
    spans = first.get("spans") or []
    if "tokens" in first or any(isinstance(s, dict) and "token_start" in s for s in spans):
        return "prodigy"
    return "native"


def _first_record(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8-sig") as stream:
        for line in stream:
            if line.strip():
                try:
                    data = json_input.loads(line)
                except InputError:
                    return {}  # the reader says what is wrong, with its line
                return data if isinstance(data, dict) else {}
    return {}


def read_file(
    path: Path,
    *,
    clean: bool = True,
    fmt: str | None = None,
    offsets: str = "utf16",
    notes: Counter[str] | None = None,
    predictions: bool = False,
) -> Iterator[tuple[int | None, AnnotatedDocument]]:
    """Yield ``(line, record)`` for every document in one file.

    ``fmt`` forces a format (see ``core.format_names``); otherwise it is told by
    the suffix and, for JSONL, by the first record's keys. ``notes`` collects
    what was adjusted or passed over on the way (Label Studio spans in UTF-16
    offsets, cancelled annotations); ``predictions`` reads Label Studio's
    predictions too, each as a layer of its own.
    Raises ``InputError`` located at the file (and line). Callers that want
    all-or-nothing per file must consume the whole iterator before committing.
    """
    suffix = path.suffix.lower()
    notes = notes if notes is not None else Counter()
    try:
        if _kind(path) == "special":  # replaced since it was listed: never open it
            raise InputError("not a regular file (a FIFO, socket or device): not read")
        if fmt == "brat" or (fmt is None and suffix == ".ann"):
            if suffix != ".ann" and _kind(path.with_suffix(".ann")) != "file":
                raise InputError(
                    f"--format brat reads .ann files (with the .txt beside them): "
                    f"there is no {path.with_suffix('.ann').name} beside it"
                )
            if _kind(path.with_suffix(".txt")) == "special":
                raise InputError("the .txt beside it is not a regular file: not read")
            from annotator.core.formats.brat import read_brat  # a reader when a file needs it

            yield None, read_brat(path.with_suffix(".ann"), notes)
            return
        if fmt == "labelstudio" or (fmt is None and suffix == ".json"):
            from annotator.core.formats.labelstudio import read_labelstudio

            with path.open(encoding="utf-8-sig") as stream:
                yield from read_labelstudio(stream, notes, predictions)
            return
        if suffix == ".zip" and fmt in (None, "doccano"):  # named explicitly: not in folders
            from annotator.core.formats.doccano_zip import read_doccano_zip

            yield from read_doccano_zip(path, "codepoints" if offsets == "codepoints" else "utf16")
            return
        if fmt in ("native", "doccano", "prodigy") or suffix in JSONL_SUFFIXES:
            kind = fmt or detect_jsonl(_first_record(path))
            skipped = sum(notes.values())
            with path.open(encoding="utf-8-sig", newline="") as stream:
                if kind == "doccano":
                    from annotator.core.formats.doccano import read_doccano

                    records = read_doccano(
                        stream, "codepoints" if offsets == "codepoints" else "utf16", notes
                    )
                elif kind == "prodigy":
                    from annotator.core.formats.prodigy import read_prodigy

                    records = read_prodigy(stream, notes)
                else:
                    records = jsonl.read_records(stream)
                found = 0
                for line, record in records:
                    try:
                        check_visible_text(record.document.text)
                    except InputError as exc:
                        raise InputError(exc.message, line=line) from None
                    found += 1
                    yield line, record
            if not found and sum(notes.values()) == skipped:
                raise InputError("no records: the file is empty or holds only blank lines")
            return
        if suffix in TEXT_SUFFIXES:
            yield None, read_text(path.read_bytes(), clean=clean, name=path.name)
            return
        if suffix in HTML_SUFFIXES:
            yield None, read_html(path.read_bytes(), clean=clean, name=path.name)
            return
    except InputError as exc:
        raise exc.located(path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason})", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    raise InputError(
        f"unsupported file type {suffix or '(none)'!r}: read here: {readable_types()}", path
    )
