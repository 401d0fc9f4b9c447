"""brat standoff: ``N.txt`` (the text, exactly) and ``N.ann`` with T, R and A lines.

::

    T1	ACTOR 7 15	أذربيجان
    T2	CLAIM 20 48;49 60	first line second line
    R1	SOURCE Arg1:T2 Arg2:T1
    A1	factuality T2 asserted

Offsets are code points. A span across a line break becomes fragments
(brat cannot show one span over two lines); reading joins fragments that
are separated only by white space. Relation attributes have no brat form
and are counted as lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats import ExportReport, lose_entity_links
from annotator.core.models import AnnotatedDocument, Document, Relation, Span

_T = re.compile(r"T(\d+)\t(\S+) ([\d ;]+)\t(.*)")
_R = re.compile(r"R(\d+)\t(\S+) Arg1:T(\d+) Arg2:T(\d+)\s*")
_A = re.compile(r"[AM](\d+)\t(\S+) T(\d+)(?: (.+))?")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks, without the breaks."""
    return [
        (start + piece.start(), start + piece.end())
        for piece in re.finditer(r"[^\r\n]+", text[start:end])
    ]


def write_brat(records: Iterable[AnnotatedDocument], folder: Path) -> ExportReport:
    report = ExportReport()
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        text = record.document.text
        name = f"doc{record.document.id}"
        lines, t_of = [], {}
        attribute = 0
        for number, span in enumerate(record.spans, start=1):
            parts = fragments(text, span.start, span.end)
            offsets = ";".join(f"{a} {b}" for a, b in parts)
            shown = " ".join(text[a:b] for a, b in parts)
            lines.append(f"T{number}\t{span.label} {offsets}\t{shown}")
            t_of[span.id] = number
            for key, value in span.attrs.items():
                attribute += 1
                lines.append(
                    f"A{attribute}\t{key} T{number}" + ("" if value is True else f" {value}")
                )
        for number, rel in enumerate(record.relations, start=1):
            lines.append(f"R{number}\t{rel.label} Arg1:T{t_of[rel.head]} Arg2:T{t_of[rel.tail]}")
        report.lose(
            "relation attributes (brat has none)", sum(1 for r in record.relations if r.attrs)
        )
        lose_entity_links(record, report)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
        report.documents += 1
        report.spans += len(record.spans)
        report.relations += len(record.relations)
    report.files.append(str(folder))
    return report


def read_brat(ann: Path) -> AnnotatedDocument:
    """One document from ``X.ann`` and the ``X.txt`` beside it."""
    txt = ann.with_suffix(".txt")
    try:
        text = txt.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"no {txt.name} beside it (brat keeps the text in a .txt file)") from None
    except UnicodeDecodeError:
        raise InputError(f"{txt.name} is not UTF-8") from None
    spans: list[Span] = []
    index_of: dict[str, int] = {}
    relations: list[Relation] = []
    attrs: dict[int, dict[str, object]] = {}
    pending: list[tuple[int, str]] = []
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if m := _T.fullmatch(line):
            pieces = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            start, end = pieces[0][0], pieces[-1][1]
            gaps_ok = all(not text[a[1] : b[0]].strip() for a, b in pairwise(pieces))
            shown = " ".join(text[a:b] for a, b in pieces)
            if not (0 <= start < end <= len(text)) or not gaps_ok:
                raise InputError(
                    f"T{m.group(1)}: offsets {m.group(3)} do not fit the text", line=number
                )
            if shown != m.group(4):
                raise InputError(
                    f"T{m.group(1)}: text {m.group(4)!r} is not at {m.group(3)}", line=number
                )
            index_of[m.group(1)] = len(spans)
            spans.append(Span(start, end, m.group(2), text[start:end], id=len(spans)))
        elif line.startswith("R") and (m := _R.fullmatch(line)):
            pending.append((number, line))
        elif m := _A.fullmatch(line):
            if m.group(3) not in index_of:
                raise InputError(f"attribute of unknown T{m.group(3)}", line=number)
            attrs.setdefault(index_of[m.group(3)], {})[m.group(2)] = (
                m.group(4) if m.group(4) else True
            )
        else:
            raise InputError(
                f"unsupported line {line[:40]!r} (T, R and A lines are read)", line=number
            )
    for number, line in pending:
        m = _R.fullmatch(line)
        assert m is not None
        head, tail = index_of.get(m.group(3)), index_of.get(m.group(4))
        if head is None or tail is None:
            raise InputError("relation between unknown T ids", line=number)
        relations.append(Relation(m.group(2), head, tail, id=len(relations)))
    spans = [replace(s, attrs=attrs[s.id]) if s.id in attrs else s for s in spans]
    return AnnotatedDocument(
        Document(text, meta={"file": txt.name}, external_id=ann.stem),
        tuple(spans),
        tuple(relations),
    )
