"""doccano text classification: one document per line, its categories in ``label``.

::

    {"id": 1, "text": "...", "label": ["topic=conflict", "genre=news"]}

Written by ``--doccano-layout classes``: the JSONL a doccano "Text
Classification" project imports with its default columns (``text``,
``label``); each document attribute value is one category named
``attribute=value``, so a project with several attributes is a multi-label
one (leave "Allow single label" unticked). Spans and
relations have no place here and are counted as not written; ``annotator
import`` reads the file back (the doccano reader knows the layout).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from annotator.core.doc_categories import categories
from annotator.core.formats import ExportReport, export_id
from annotator.core.jsonl import escape_line_breaks
from annotator.core.models import AnnotatedDocument


def write_textcat(records: Iterable[AnnotatedDocument], stream: TextIO) -> ExportReport:
    report = ExportReport()
    for record in records:
        line = {
            "id": export_id(record.document),
            "text": record.document.text,
            "label": categories(record.doc_attrs),
        }
        stream.write(escape_line_breaks(json.dumps(line, ensure_ascii=False)) + "\n")
        report.documents += 1
        report.lose("spans (a text-classification file holds document classes)", len(record.spans))
        report.lose("relations", len(record.relations))
    return report
