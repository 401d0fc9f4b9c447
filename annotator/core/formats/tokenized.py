"""A document as aligned tokens with one IOB2 tag column per layer (shared by token formats).

Spans are mapped to the tokens they cover once white space is trimmed from
their edges; only a span of white space alone has no token and is counted as
lost. Rows are sentences, so a span that crosses a sentence or paragraph
break is written as one chunk per row, each starting with ``B-`` (strict
IOB2 readers drop a row that starts with ``I-``); such pieces are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotator.core.formats import ExportReport, Layers, lose_entity_links
from annotator.core.formats.iob import iob2
from annotator.core.models import AnnotatedDocument, Span
from annotator.core.tokens import Token, align, sentences, token_edges, tokenize

WHITE_SPACE_ONLY = "spans of white space only (no token to tag)"
CROSSING = "span pieces after a sentence or paragraph break, each starting its row with B-"


@dataclass(frozen=True, slots=True)
class TokenSpans:
    """A document's tokens, cut at every span edge, and its spans on token edges."""

    tokens: list[Token]
    spans: list[Span]


def token_spans(record: AnnotatedDocument, report: ExportReport) -> TokenSpans:
    """Spans trimmed of white space at their edges, tokens cut where they start and end."""
    text = record.document.text
    kept: list[Span] = []
    for span in record.spans:
        edges = token_edges(text, span.start, span.end)
        if edges is None:
            report.lose(WHITE_SPACE_ONLY)
            continue
        if edges != (span.start, span.end):
            report.trimmed += 1
            span = replace(span, start=edges[0], end=edges[1], text=text[edges[0] : edges[1]])
        kept.append(span)
    tokens, splits = align(text, tokenize(text), [e for s in kept for e in (s.start, s.end)])
    report.split_words += len(splits)
    return TokenSpans(tokens, kept)


@dataclass(frozen=True, slots=True)
class TaggedDocument:
    tokens: list[Token]
    entity_tags: list[str]
    claim_tags: list[str]


def tag_document(record: AnnotatedDocument, layers: Layers, report: ExportReport) -> TaggedDocument:
    """Tokens cut at every span edge, tagged per layer; losses counted in ``report``."""
    mapped = token_spans(record, report)
    tagged: dict[str, list[str]] = {}
    for layer, names in (("entities", layers.entities), ("claims", layers.claims)):
        tags, dropped = iob2(mapped.tokens, [s for s in mapped.spans if s.label in names])
        report.lose(f"{layer} spans nested in or overlapping another {layer} span", len(dropped))
        tagged[layer] = tags
    if record.relations:
        report.lose("relations (token tag formats hold none)", len(record.relations))
    lose_entity_links(record, report)
    return TaggedDocument(mapped.tokens, tagged["entities"], tagged["claims"])


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    tokens: list[str]
    entity_tags: list[str]
    claim_tags: list[str]


def _restart(tags: list[str], report: ExportReport) -> list[str]:
    """A row's tags with a chunk carried over from the row before restarted as ``B-``."""
    if tags and tags[0].startswith("I-"):
        report.notes[CROSSING] += 1
        return [f"B-{tags[0][2:]}", *tags[1:]]
    return tags


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
                _restart([tagged.entity_tags[i] for i in rows], report),
                _restart([tagged.claim_tags[i] for i in rows], report),
            )
        )
    report.documents += 1
    report.spans += len(record.spans)
    return out
