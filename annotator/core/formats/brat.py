"""brat standoff: ``N.txt`` (the text, exactly) and ``N.ann`` with T, R and A lines.

::

    T1	ACTOR 7 15	أذربيجان
    T2	CLAIM 20 48;49 60	first line second line
    R1	SOURCE Arg1:T2 Arg2:T1
    A1	factuality T2 asserted

Offsets are code points. brat draws no span over a line break, so a span
that crosses one (``\\n``, ``\\r``, U+2028, U+2029, U+0085...) is written as
fragments with the breaks between them; breaks at a span's edge, or a span
of breaks only, are fragments of their own, so the offsets stay exact.
Reading joins fragments that are separated only by white space. Names and
values brat cannot hold are encoded (``brat_names``); relation attributes
have no brat form and are counted as lost. ``annotation.conf`` and
``visual.conf`` are written beside the files (``brat_conf``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats import ExportReport, export_id, lose_entity_links, lose_unheld
from annotator.core.formats.brat_conf import SeenTypes, write_conf
from annotator.core.formats.brat_names import (
    LINE_BREAKS,
    decode_name,
    decode_value,
    encode_name,
    encode_value,
    shown,
)
from annotator.core.models import AnnotatedDocument, Document, Label, Relation, Span

_T = re.compile(r"T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_R = re.compile(r"R(\d+)\t(\S+) Arg1:T(\d+) Arg2:T(\d+)\s*")
_A = re.compile(r"[AM](\d+)\t(\S+) T(\d+)(?: (\S+))?\s*")
_NOTE = re.compile(r"#\S*\tAnnotatorNotes T(\d+)\t(.*)")
_LONGEST_NAME = 200  # bytes: file systems allow 255, with room for ".ann" and a temporary name
NOTE = "note"
"""The span attribute an ``AnnotatorNotes`` line of brat becomes."""
# Lines of kinds this project has no place for: skipped, each kind counted.
_SKIPPED = {
    "N": "brat normalizations (N lines) not read",
    "*": "brat equivalences (* lines) not read",
    "E": "brat events (E lines) not read",
    "#": "brat notes not on a text-bound annotation (# lines) not read",
    "R": "brat relations not between two T annotations not read",
    "A": "brat attributes not of a T annotation not read",
    "M": "brat attributes not of a T annotation not read",
}


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span as pieces without line breaks inside, covering exactly start..end."""
    runs: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i] in LINE_BREAKS:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    if not runs:
        return [(start, end)]
    if runs[0][0] > start:
        runs.insert(0, (start, runs[0][0]))
    if runs[-1][1] < end:
        runs.append((runs[-1][1], end))
    return runs


def shown_text(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    """The text column: the fragments joined with a space, breaks and tabs shown as spaces."""
    return " ".join(shown(text[a:b]) for a, b in pieces)


def _ann_lines(record: AnnotatedDocument, report: ExportReport, seen: SeenTypes) -> list[str]:
    text = record.document.text
    lines: list[str] = []
    t_of: dict[int | None, int] = {}
    attribute = 0
    for number, span in enumerate(record.spans, start=1):
        label = encode_name(span.label)
        if label is None:
            report.lose("spans with an empty label (brat has no such type)")
            continue
        parts = fragments(text, span.start, span.end)
        offsets = ";".join(f"{a} {b}" for a, b in parts)
        lines.append(f"T{number}\t{label} {offsets}\t{shown_text(text, parts)}")
        t_of[span.id] = number
        seen.entity(label)
        for key, value in span.attrs.items():
            name = encode_name(key)
            if name is None:
                report.lose("span attributes with an empty name (brat has none)")
                continue
            attribute += 1
            column = encode_value(value)
            seen.attribute(name, label, column)
            value_part = "" if column is None else f" {column}"
            lines.append(f"A{attribute}\t{name} T{number}{value_part}")
    for number, rel in enumerate(record.relations, start=1):
        label = encode_name(rel.label)
        if label is None or rel.head not in t_of or rel.tail not in t_of:
            report.lose("relations brat cannot hold (empty label or a lost span)")
            continue
        lines.append(f"R{number}\t{label} Arg1:T{t_of[rel.head]} Arg2:T{t_of[rel.tail]}")
        seen.relation(label)
    report.lose("relation attributes (brat has none)", sum(1 for r in record.relations if r.attrs))
    return lines


def write_brat(
    records: Iterable[AnnotatedDocument], folder: Path, labels: Sequence[Label] = ()
) -> ExportReport:
    """``ID.txt`` and ``ID.ann`` per document, ``annotation.conf`` and ``visual.conf``.

    ``ID`` is the document's external id (its uid when none), encoded as a brat
    name, so an import gives the document its external id back; a name two
    documents share falls back to ``docN`` (the project's row id), counted.
    """
    report = ExportReport()
    folder.mkdir(parents=True, exist_ok=True)
    seen = SeenTypes()
    names: set[str] = set()
    for record in records:
        name = encode_name(export_id(record.document)) or f"doc{record.document.id}"
        if name.lower() in names:  # also on file systems that ignore case
            report.lose("external ids shared with another document (file named docN)")
            name = f"doc{record.document.id}"
        elif len(name.encode()) > _LONGEST_NAME:
            report.lose("external ids too long for a file name (file named docN)")
            name = f"doc{record.document.id}"
        names.add(name.lower())
        lines = _ann_lines(record, report, seen)
        lose_entity_links(record, report)
        lose_unheld(record, report, "brat", status=True, annotators=True, url=True)
        (folder / f"{name}.txt").write_text(record.document.text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline=""
        )
        report.documents += 1
        report.spans += sum(1 for line in lines if line.startswith("T"))
        report.relations += sum(1 for line in lines if line.startswith("R"))
    write_conf(folder, labels, seen)
    report.files.append(str(folder))
    return report


def _read_text(txt: Path) -> str:
    try:
        return txt.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"no {txt.name} beside it (brat keeps the text in a .txt file)") from None
    except UnicodeDecodeError:
        raise InputError(f"{txt.name} is not UTF-8") from None


def _span(text: str, m: re.Match[str], number: int, index: int) -> Span:
    pieces = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
    start, end = pieces[0][0], pieces[-1][1]
    in_order = all(a < b for a, b in pieces) and all(a[1] <= b[0] for a, b in pairwise(pieces))
    if not (0 <= start < end <= len(text)) or not in_order:
        raise InputError(f"T{m.group(1)}: offsets {m.group(3)} do not fit the text", line=number)
    if any(text[a[1] : b[0]].strip() for a, b in pairwise(pieces)):
        raise InputError(
            f"T{m.group(1)}: a discontinuous span ({m.group(3)}) leaves out text between its "
            "pieces; a span here is one stretch of text: split it into one span per piece",
            line=number,
        )
    if m.group(4) != shown_text(text, pieces) and m.group(4) != " ".join(
        text[a:b] for a, b in pieces
    ):
        raise InputError(f"T{m.group(1)}: text {m.group(4)!r} is not at {m.group(3)}", line=number)
    return Span(start, end, decode_name(m.group(2)), text[start:end], id=index)


def read_brat(ann: Path, notes: Counter[str] | None = None) -> AnnotatedDocument:
    """One document from ``X.ann`` and the ``X.txt`` beside it.

    T, R and A/M lines are read and ``#`` AnnotatorNotes become the span's
    ``note`` attribute; events, normalizations, equivalences and lines of any
    other kind are skipped and counted in ``notes``.
    """
    notes = notes if notes is not None else Counter()
    txt = ann.with_suffix(".txt")
    text = _read_text(txt)
    spans: list[Span] = []
    index_of: dict[str, int] = {}
    relations: list[Relation] = []
    attrs: dict[int, dict[str, object]] = {}
    origins: dict[int, tuple[str, int | None]] = {}
    relation_origins: dict[int, tuple[str, int | None]] = {}
    pending: list[tuple[int, re.Match[str]]] = []
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if m := _T.fullmatch(line):
            index_of[m.group(1)] = len(spans)
            origins[len(spans)] = (f"T{m.group(1)}", number)
            spans.append(_span(text, m, number, len(spans)))
        elif line.startswith("R") and (m := _R.fullmatch(line)):
            pending.append((number, m))
        elif m := _A.fullmatch(line):
            if m.group(3) not in index_of:
                raise InputError(
                    f"{line.split(chr(9))[0]}: attribute of T{m.group(3)}, which no T line has",
                    line=number,
                )
            try:
                value = decode_value(m.group(4))
            except InputError as exc:
                raise InputError(
                    f"attribute value {m.group(4)!r} is not readable: {exc.message}", line=number
                ) from None
            attrs.setdefault(index_of[m.group(3)], {})[decode_name(m.group(2))] = value
        elif (m := _NOTE.fullmatch(line)) and m.group(1) in index_of:
            attrs.setdefault(index_of[m.group(1)], {})[NOTE] = m.group(2)
        else:
            notes[_SKIPPED.get(line[:1], "brat lines of other kinds not read")] += 1
    for number, m in pending:
        head, tail = index_of.get(m.group(3)), index_of.get(m.group(4))
        if head is None or tail is None:
            missing = m.group(3) if head is None else m.group(4)
            raise InputError(
                f"R{m.group(1)}: relation to T{missing}, which no T line has", line=number
            )
        relation_origins[len(relations)] = (f"R{m.group(1)}", number)
        relations.append(Relation(decode_name(m.group(2)), head, tail, id=len(relations)))
    spans = [replace(s, attrs=attrs[s.id]) if s.id in attrs else s for s in spans]
    return AnnotatedDocument(
        Document(text, meta={"file": txt.name}, external_id=decode_name(ann.stem)),
        tuple(spans),
        tuple(relations),
        origins=origins,
        relation_origins=relation_origins,
    )
