"""Reading import files into annotated documents (no database involved).

``.txt`` files are decoded (see ``decoding``), put in canonical form (see
``text.canonical_text``) and, unless told not to, cleaned of page furniture
(see ``cleaning``). ``.jsonl`` files are native records (see ``jsonl``).
Every problem is an ``InputError`` naming the file and, where there is one,
the line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import jsonl
from annotator.core.cleaning import clean_page
from annotator.core.decoding import decode_bytes
from annotator.core.errors import InputError
from annotator.core.models import AnnotatedDocument, Document
from annotator.core.text import canonical_text, check_document_text, guess_language, text_direction

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


@dataclass
class FileSet:
    """The importable files under the paths given, and what was passed over."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def collect_files(paths: Iterable[Path | str]) -> FileSet:
    """Expand folders recursively (sorted, hidden entries ignored).

    A file named explicitly is always returned, whatever its suffix, so the
    importer can say why it refuses it; in folders only known suffixes count.
    """
    found = FileSet()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    child = Path(root, name)
                    (found.files if child.suffix.lower() in SUFFIXES else found.skipped).append(
                        child
                    )
        elif path.is_file():
            found.files.append(path)
        else:
            found.missing.append(path)
    return found


def text_meta(text: str) -> dict[str, Any]:
    """Metadata derived from the text itself: direction and a language guess."""
    meta: dict[str, Any] = {"direction": text_direction(text.split("\n"))}
    if lang := guess_language(text):
        meta["lang"] = lang
    return meta


def read_text(data: bytes, *, clean: bool = True, name: str | None = None) -> AnnotatedDocument:
    """One document from the bytes of a plain-text article."""
    decoded = decode_bytes(data)
    text = canonical_text(decoded.text)
    meta: dict[str, Any] = {}
    if clean:
        cleaned = clean_page(text)
        if not cleaned.text.strip():
            raise InputError("nothing left after cleaning: the page is all furniture")
        text = cleaned.text
        meta["title"] = cleaned.title
        if cleaned.source:
            meta["source"] = cleaned.source
        meta["cleaning"] = {
            "removed": cleaned.summary(),
            "lines": [
                {"line": r.line, "reason": r.reason, "text": r.text[:80]} for r in cleaned.removed
            ],
        }
    else:
        meta["title"] = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")[:200]
    check_document_text(text)
    meta.update(text_meta(text))
    meta["encoding"] = decoded.encoding
    if name:
        meta["file"] = name
    return AnnotatedDocument(Document(text=text, meta=meta, raw=decoded.text))


def read_file(path: Path, *, clean: bool = True) -> Iterator[tuple[int | None, AnnotatedDocument]]:
    """Yield ``(line, record)`` for every document in one file.

    Raises ``InputError`` located at the file (and line). Callers that want
    all-or-nothing per file must consume the whole iterator before committing.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                yield from jsonl.read_records(stream)
            return
        if suffix in TEXT_SUFFIXES:
            yield None, read_text(path.read_bytes(), clean=clean, name=path.name)
            return
    except InputError as exc:
        raise exc.located(path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason})", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    raise InputError(f"unsupported file type {suffix or '(none)'!r}: expected .txt or .jsonl", path)
