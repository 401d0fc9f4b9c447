"""A document as aligned tokens with one IOB2 tag column per layer (shared by token formats)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.formats import ExportReport, Layers, lose_entity_links
from annotator.core.formats.iob import iob2
from annotator.core.models import AnnotatedDocument
from annotator.core.tokens import Token, align, sentences, tokenize


@dataclass(frozen=True, slots=True)
class TaggedDocument:
    tokens: list[Token]
    entity_tags: list[str]
    claim_tags: list[str]


def tag_document(record: AnnotatedDocument, layers: Layers, report: ExportReport) -> TaggedDocument:
    """Tokens cut at every span edge, tagged per layer; losses counted in ``report``."""
    text = record.document.text
    edges = [e for s in record.spans for e in (s.start, s.end)]
    tokens, splits = align(text, tokenize(text), edges)
    report.split_words += len(splits)
    tagged: dict[str, list[str]] = {}
    for layer, names in (("entities", layers.entities), ("claims", layers.claims)):
        spans = [s for s in record.spans if s.label in names]
        tags, dropped = iob2(tokens, spans)
        report.lose(f"{layer} spans nested in or overlapping another {layer} span", len(dropped))
        tagged[layer] = tags
    whitespace_only = [s for s in record.spans if not text[s.start : s.end].strip()]
    report.lose("spans of white space only", len(whitespace_only))
    if record.relations:
        report.lose("relations (token tag formats hold none)", len(record.relations))
    lose_entity_links(record, report)
    return TaggedDocument(tokens, tagged["entities"], tagged["claims"])


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    tokens: list[str]
    entity_tags: list[str]
    claim_tags: list[str]


def tagged_sentences(
    record: AnnotatedDocument, layers: Layers, report: ExportReport
) -> list[TaggedSentence]:
    """The document's sentences as tokens with their two tag columns; counts it in ``report``."""
    tagged = tag_document(record, layers, report)
    index = {id(t): i for i, t in enumerate(tagged.tokens)}
    out = []
    for sentence in sentences(record.document.text, tagged.tokens):
        rows = [index[id(t)] for t in sentence]
        out.append(
            TaggedSentence(
                [t.text for t in sentence],
                [tagged.entity_tags[i] for i in rows],
                [tagged.claim_tags[i] for i in rows],
            )
        )
    report.documents += 1
    report.spans += len(record.spans)
    return out
