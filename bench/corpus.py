"""Generated corpora for the benchmarks, built from the sample article's real paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.assets import sample_article
from annotator.core.importing import read_text
from annotator.core.models import AnnotatedDocument, Document, Span
from annotator.storage.project import Project


def paragraphs() -> list[str]:
    return read_text(sample_article()).document.text.split("\n")


def long_article(words: int = 5000) -> str:
    """Sample paragraphs repeated, numbered so no two are identical, until ``words``."""
    out: list[str] = []
    count = 0
    source = paragraphs()
    while count < words:
        for paragraph in source:
            out.append(f"{paragraph} ({len(out) + 1})")
            count += len(out[-1].split())
            if count >= words:
                break
    return "\n".join(out)


def nested_spans(text: str, total: int = 500) -> list[Span]:
    """A CLAIM over every paragraph, and ACTOR/LOCATION words inside it, ``total`` in all."""
    spans: list[Span] = []
    offset = 0
    paragraphs = text.split("\n")
    words_per_paragraph = max(1, -(-(total - len(paragraphs)) // len(paragraphs)))  # ceiling
    for paragraph in paragraphs:
        if len(spans) >= total:
            break
        spans.append(Span(offset, offset + len(paragraph), "CLAIM", paragraph, id=len(spans)))
        for i, match in enumerate(re.finditer(r"\w{4,}", paragraph)):
            if i >= words_per_paragraph or len(spans) >= total:
                break
            start, end = offset + match.start(), offset + match.end()
            spans.append(
                Span(start, end, "ACTOR" if i % 2 else "LOCATION", text[start:end], id=len(spans))
            )
        offset += len(paragraph) + 1
    return spans[:total]


def article_project(path: Path, words: int = 5000, spans: int = 500) -> tuple[Project, int, int]:
    """A project with the long article twice (one annotated, one bare); returns their ids."""
    project = Project.open(path)
    text = long_article(words)
    annotated = project.import_record(
        AnnotatedDocument(Document(text, meta={"title": "long"}), tuple(nested_spans(text, spans)))
    )
    other = project.import_record(
        AnnotatedDocument(Document(text + "\nآخر", meta={"title": "other"}))
    )
    return project, annotated, other


def many_documents(path: Path, count: int = 10_000) -> Project:
    """A project of ``count`` article-sized documents (one transaction)."""
    project = Project.open(path)
    source = paragraphs()
    with project.bulk():
        for i in range(count):
            body = "\n".join(source[(i + k) % len(source)] for k in range(8))
            project.import_record(
                AnnotatedDocument(Document(f"{source[i % len(source)]} {i}\n{body}"))
            )
    return project
