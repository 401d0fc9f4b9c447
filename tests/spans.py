"""Storing a span in a test by its offsets, as a window's selection gives them.

``Project.add_span`` takes a ``NewSpan`` with the text it covers, and checks
that text against the document; most tests only know where the span is. The
text is read from the stored document, so a bad offset still meets the
store's own check and message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.core.models import NewSpan, Span
from annotator.storage.project import Project


def add_span(
    project: Project,
    doc_id: int,
    start: int,
    end: int,
    label: str,
    *,
    attrs: Mapping[str, Any] | None = None,
    annotator: str | None = None,
    entity_id: int | None = None,
) -> Span:
    text = project.document(doc_id).text
    covered = text[start:end] if type(start) is int and type(end) is int else ""
    new = NewSpan(start, end, label, covered, attrs or {}, annotator, entity_id)
    return project.add_span(doc_id, new)
