"""doccano's export of a project without collaborative annotation: a zip, a file per user.

doccano (1.6 on) writes ``USERNAME.jsonl`` for every member of such a
project, each holding every document with that user's labels only (a
collaborative project gives one ``all.jsonl``). Read file by file, the same
text would come in once and the other users' labels would be skipped as a
duplicate; read here, every document comes in once with each user's labels
as that user's layer (the spans' ``annotator``). Documents are matched by
doccano's ``id`` and their text. Document categories (``cats``, a
text-classification ``label``) are one set per document: the first file's
(in name order) that has any.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from annotator.core.errors import InputError
from annotator.core.formats.doccano import Offsets, read_doccano
from annotator.core.layers import Layer, combine, with_annotator
from annotator.core.models import AnnotatedDocument, Document

# The file of a collaborative project: every user's labels together, nobody's in particular.
SHARED = "all"


def read_doccano_zip(
    path: Path, offsets: Offsets = "utf16"
) -> Iterator[tuple[int | None, AnnotatedDocument]]:
    """``(None, record)`` for every document of the export, in the order doccano wrote them."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError("not a zip file (a doccano export is one)") from None
    documents: dict[tuple[str | None, str], tuple[Document, list[Layer]]] = {}
    classes: dict[tuple[str | None, str], Mapping[str, object]] = {}
    with archive:
        members = sorted(
            name
            for name in archive.namelist()
            if name.endswith(".jsonl") and not PurePosixPath(name).name.startswith(".")
        )
        if not members:
            raise InputError("no .jsonl file inside: not a doccano export")
        for member in members:
            stem = PurePosixPath(member).stem
            user = None if stem == SHARED else stem
            with archive.open(member) as raw:
                stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                try:
                    for _, record in read_doccano(stream, offsets):
                        doc = record.document
                        key = (doc.external_id, doc.text)
                        _, layers = documents.setdefault(key, (doc, []))
                        layers.append(with_annotator((record.spans, record.relations), user))
                        if record.doc_attrs:
                            classes.setdefault(key, record.doc_attrs)
                except InputError as exc:
                    where = f"{member}:{exc.line}" if exc.line else member
                    raise InputError(f"{where}: {exc.message}") from None
    for key, (doc, layers) in documents.items():
        yield None, replace(combine(doc, layers), doc_attrs=classes.get(key, {}))
