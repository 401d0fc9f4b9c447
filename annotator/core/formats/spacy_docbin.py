"""spaCy: a DocBin (``.spacy``) per split, and a ``config.cfg`` that trains on them as they are.

Texts are cut by ``annotator.arabic_tokenizer.v1`` (``spacy_tokenizer``),
told every word the export cut at a span edge (a clitic: و | أذربيجان). The
same tokenizer is named in ``config.cfg``, so ``python -m spacy train
config.cfg`` re-tokenizes each text into the very tokens of the DocBin: no
entity is misaligned, and the trained pipeline cuts clitics in new text.
Spans are mapped after trimming white space at their edges. Non-overlapping
ACTOR/LOCATION/CUE spans (longest first) go to ``doc.ents``; all spans,
nested ones and claims included, to ``doc.spans["sc"]``; a mention linked to
the entity registry carries the entity's name as ``kb_id_``.
``doc.user_data`` holds ``"doc_id"``, ``"span_attrs"`` (``[[start, end,
label, attrs], ...]``) and ``"relations"`` (``[{"head": [start, end],
"tail": [start, end], "label", "attrs"}]``), all in character offsets
as in ``doc.spans`` (white space at span edges left out). ``doc.cats``
holds the document attribute values one-hot: every value of the schema as
``"topic=conflict"``, 1.0 or 0.0 (a textcat's training data).
spaCy is an optional extra: ``pip install annotator[spacy]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator.core.doc_categories import one_hot
from annotator.core.errors import AnnotatorError
from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.spacy_tokenizer import NAME, ArabicTokenizer, split_strings
from annotator.core.formats.tokenized import TokenSpans, token_spans
from annotator.core.models import AnnotatedDocument, AttributeSpec
from annotator.core.tokens import edge_cuts, tokenize


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(
            "the spacy format needs spaCy: pip install 'annotator[spacy]'"
        ) from None
    return spacy


def _doc(
    nlp: Any, record: AnnotatedDocument, mapped: TokenSpans, layers: Layers, report: ExportReport
) -> Any:
    doc = nlp.make_doc(record.document.text)
    spans, ents, taken = [], [], [False] * len(doc)
    for s in sorted(mapped.spans, key=lambda s: (s.start - s.end, s.start)):
        entity = record.entities.get(s.entity_id) if s.entity_id is not None else None
        span = doc.char_span(s.start, s.end, label=s.label, kb_id=entity.name if entity else "")
        if span is None:  # the tokenizer cuts at every span edge: never happens
            raise AssertionError(f"span {s.start}-{s.end} is not on token edges")
        spans.append(span)
        if s.label in layers.entities:
            if any(taken[span.start : span.end]):
                report.lose("entity spans nested in another (kept in doc.spans only)")
            else:
                ents.append(span)
                taken[span.start : span.end] = [True] * (span.end - span.start)
    doc.spans["sc"] = sorted(spans, key=lambda sp: (sp.start, -sp.end))
    doc.ents = sorted(ents, key=lambda sp: sp.start)
    # Offsets as in doc.spans: white space at span edges left out.
    by_id = {s.id: s for s in mapped.spans}
    relations = [r for r in record.relations if r.head in by_id and r.tail in by_id]
    report.lose("relations of a span of white space only", len(record.relations) - len(relations))
    doc.user_data["doc_id"] = record.document.id
    doc.user_data["span_attrs"] = [
        [s.start, s.end, s.label, dict(s.attrs)] for s in mapped.spans if s.attrs
    ]
    doc.user_data["relations"] = [
        {
            "head": [by_id[r.head].start, by_id[r.head].end],
            "tail": [by_id[r.tail].start, by_id[r.tail].end],
            "label": r.label,
            "attrs": dict(r.attrs),
        }
        for r in relations
    ]
    report.spans += len(spans)
    report.relations += len(relations)
    return doc


def training_config(splits: list[str], dev: str) -> Any:
    """spaCy's own NER starter config, on our tokenizer and our files."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="ar", pipeline=["ner"], optimize="efficiency")
    config["nlp"]["tokenizer"] = {"@tokenizers": NAME, "splits": splits}
    config["paths"]["train"] = "train.spacy"
    config["paths"]["dev"] = dev
    return config


def write_spacy(
    parts: Mapping[str, Sequence[AnnotatedDocument]],
    layers: Layers,
    folder: Path,
    doc_attributes: Sequence[AttributeSpec] = (),
) -> ExportReport:
    """``NAME.spacy`` for each part (``train``, ``dev``, ``test``) and ``config.cfg``."""
    spacy = _spacy()
    from spacy.tokens import DocBin

    report = ExportReport()
    mapped = {
        name: [(record, token_spans(record, report)) for record in records]
        for name, records in parts.items()
    }
    cuts: dict[str, set[int]] = {}
    for pairs in mapped.values():
        for record, spans in pairs:
            edges = [e for s in spans.spans for e in (s.start, s.end)]
            for word, points in edge_cuts(tokenize(record.document.text), edges).items():
                cuts.setdefault(word, set()).update(points)
    splits = split_strings(cuts)
    nlp = spacy.blank("ar")
    nlp.tokenizer = ArabicTokenizer(nlp.vocab, splits)
    folder.mkdir(parents=True, exist_ok=True)
    for name, pairs in mapped.items():
        docbin = DocBin(store_user_data=True)
        for record, spans in pairs:
            doc = _doc(nlp, record, spans, layers, report)
            if doc_attributes:
                doc.cats = one_hot(record.doc_attrs, doc_attributes)
            docbin.add(doc)
            report.documents += 1
        target = folder / f"{name}.spacy"
        docbin.to_disk(target)
        report.files.append(str(target))
    dev = "dev.spacy" if "dev" in parts else "train.spacy"
    training_config(splits, dev).to_disk(folder / "config.cfg")
    report.files.append(str(folder / "config.cfg"))
    return report
