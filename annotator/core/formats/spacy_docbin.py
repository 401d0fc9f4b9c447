"""spaCy: a DocBin (``.spacy``) per split, on ``spacy.blank("ar")``.

spaCy's Arabic tokenizer leaves clitics on the word ("وأذربيجان"); a span on
"أذربيجان" would then fall inside a token and ``char_span`` would drop it
with only a warning. Every token that a span edge falls into is split there
(the document is rebuilt from the split words, text unchanged) and each
split is counted. Non-overlapping ACTOR/LOCATION/CUE spans (longest first)
go to ``doc.ents``; all spans, nested ones and claims included, to
``doc.spans["sc"]``; a mention linked to the entity registry carries the
entity's name as ``kb_id_``. ``doc.user_data`` holds ``"doc_id"``,
``"span_attrs"`` (``[[start, end, label, attrs], ...]``) and ``"relations"``
(``[{"head": [start, end], "tail": [start, end], "label", "attrs"}]``), all in
character offsets. ``doc.cats`` holds the document attribute values one-hot:
every value of the schema as ``"topic=conflict"``, 1.0 or 0.0 (a textcat's
training data). spaCy is an optional extra: ``pip install annotator[spacy]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.doc_categories import one_hot
from annotator.core.errors import AnnotatorError
from annotator.core.formats import ExportReport, Layers
from annotator.core.models import AnnotatedDocument, AttributeSpec


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(
            "the spacy format needs spaCy: pip install 'annotator[spacy]'"
        ) from None
    return spacy


def aligned_doc(nlp: Any, text: str, edges: Iterable[int], report: ExportReport) -> Any:
    """spaCy's tokens, each cut where a span edge falls inside it; same text."""
    from spacy.tokens import Doc

    cuts = sorted(set(edges))
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.make_doc(text):
        start, end = token.idx, token.idx + len(token.text)
        inner = [c for c in cuts if start < c < end]
        report.split_words += len(inner)
        points = [start, *inner, end]
        for i, (a, b) in enumerate(pairwise(points)):
            words.append(text[a:b])
            spaces.append(bool(token.whitespace_) and i == len(points) - 2)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text
    return doc


def write_spacy(
    records: Iterable[AnnotatedDocument],
    layers: Layers,
    path: Path,
    doc_attributes: Sequence[AttributeSpec] = (),
) -> ExportReport:
    spacy = _spacy()
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    report = ExportReport()
    docbin = DocBin(store_user_data=True)
    for record in records:
        text = record.document.text
        doc = aligned_doc(nlp, text, [e for s in record.spans for e in (s.start, s.end)], report)
        spans, ents, taken = [], [], [False] * len(doc)
        for s in sorted(record.spans, key=lambda s: (s.start - s.end, s.start)):
            entity = record.entities.get(s.entity_id) if s.entity_id is not None else None
            span = doc.char_span(s.start, s.end, label=s.label, kb_id=entity.name if entity else "")
            if span is None:
                report.lose("spans of white space only")
                continue
            spans.append(span)
            if s.label in layers.entities:
                if any(taken[span.start : span.end]):
                    report.lose("entity spans nested in another (kept in doc.spans only)")
                else:
                    ents.append(span)
                    taken[span.start : span.end] = [True] * (span.end - span.start)
        doc.spans["sc"] = sorted(spans, key=lambda sp: (sp.start, -sp.end))
        doc.ents = sorted(ents, key=lambda sp: sp.start)
        by_id = {s.id: s for s in record.spans}
        doc.user_data["doc_id"] = record.document.id
        doc.user_data["span_attrs"] = [
            [s.start, s.end, s.label, dict(s.attrs)] for s in record.spans if s.attrs
        ]
        doc.user_data["relations"] = [
            {
                "head": [by_id[r.head].start, by_id[r.head].end],
                "tail": [by_id[r.tail].start, by_id[r.tail].end],
                "label": r.label,
                "attrs": dict(r.attrs),
            }
            for r in record.relations
        ]
        if doc_attributes:
            doc.cats = one_hot(record.doc_attrs, doc_attributes)
        docbin.add(doc)
        report.documents += 1
        report.spans += len(spans)
        report.relations += len(record.relations)
    docbin.to_disk(path)
    report.files.append(str(path))
    return report
