"""Hugging Face token classification: JSONL per split, one sentence per line, and a dataset card.

Each line: ``{"id", "doc", "tokens", "ner_tags", "entity_tags", "claim_tags"}``.
``ner_tags`` holds class ids of one layer (entities by default, claims on
request), declared in the card's ``dataset_info`` as a ``ClassLabel``
sequence, so ``datasets.load_dataset(FOLDER)`` gives training scripts the
label names with the data. ``entity_tags`` and ``claim_tags`` keep both
layers as readable IOB2 strings (nested spans of different kinds: an ACTOR
inside a CLAIM). Each document attribute of the schema adds a column of the
same name: a class id (-1 when unset) or, for one that holds several, a list
of them, declared as ``ClassLabel`` (a sequence of them) in ``dataset_info``
too. ``README.md`` is the card.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Literal, TextIO

from annotator.core.doc_categories import class_columns
from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.tokenized import tagged_sentences
from annotator.core.models import AnnotatedDocument, AttributeSpec

NerLayer = Literal["entities", "claims"]


def tag_names(labels: Iterable[str]) -> list[str]:
    return ["O", *(f"{p}-{label}" for label in labels for p in ("B", "I"))]


def ner_names(layers: Layers, layer: NerLayer) -> list[str]:
    """The class names of ``ner_tags``, in class-id order."""
    return tag_names(layers.entities if layer == "entities" else layers.claims)


def write_hf_split(
    records: Iterable[AnnotatedDocument],
    layers: Layers,
    stream: TextIO,
    ner_layer: NerLayer = "entities",
    doc_attributes: Sequence[AttributeSpec] = (),
) -> ExportReport:
    report = ExportReport()
    class_id = {name: i for i, name in enumerate(ner_names(layers, ner_layer))}
    for record in records:
        classes = class_columns(record.doc_attrs, doc_attributes)
        for number, sentence in enumerate(tagged_sentences(record, layers, report)):
            tags = sentence.entity_tags if ner_layer == "entities" else sentence.claim_tags
            line = {
                "id": f"{record.document.id}-{number}",
                "doc": record.document.id,
                "tokens": sentence.tokens,
                "ner_tags": [class_id[tag] for tag in tags],
                "entity_tags": sentence.entity_tags,
                "claim_tags": sentence.claim_tags,
                **{column(name): value for name, value in classes.items()},
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return report


def _class_label(names: Sequence[str]) -> str:
    return "\n".join(f"          '{i}': {json.dumps(name)}" for i, name in enumerate(names))


# The columns every line has; a document attribute of one of these names gets a "doc_" prefix.
_COLUMNS = ("id", "doc", "tokens", "ner_tags", "entity_tags", "claim_tags")


def column(attribute: str) -> str:
    """The column of a document attribute."""
    return f"doc_{attribute}" if attribute in _COLUMNS else attribute


def _doc_features(doc_attributes: Sequence[AttributeSpec]) -> str:
    """``dataset_info`` features of the document attribute columns: a ``ClassLabel`` each
    (a sequence of them for an attribute that holds several)."""
    return "".join(
        f"\n  - name: {column(spec.name)}\n    {'sequence' if spec.multiple else 'dtype'}:"
        f"\n      class_label:\n        names:\n{_class_label(spec.values())}"
        for spec in doc_attributes
    )


def dataset_card(
    layers: Layers,
    splits: Iterable[str],
    ner_layer: NerLayer = "entities",
    doc_attributes: Sequence[AttributeSpec] = (),
) -> str:
    names = ner_names(layers, ner_layer)
    files = "\n".join(f"  - split: {s}\n    path: {s}.jsonl" for s in splits)
    doc_rows = "".join(
        f"\n| `{column(a.name)}` | document {a.name}: "
        f"{'class ids' if a.multiple else 'class id, -1 when unset'} "
        f"(`ClassLabel`: {json.dumps(list(a.values()), ensure_ascii=False)}) |"
        for a in doc_attributes
    )
    return f"""---
language:
- ar
task_categories:
- token-classification
dataset_info:
  features:
  - name: id
    dtype: string
  - name: doc
    dtype: int64
  - name: tokens
    sequence: string
  - name: ner_tags
    sequence:
      class_label:
        names:
{_class_label(names)}
  - name: entity_tags
    sequence: string
  - name: claim_tags
    sequence: string{_doc_features(doc_attributes)}
configs:
- config_name: default
  data_files:
{files}
---

# Annotated Arabic news (annotator export)

One sentence per line. `tokens` are words and punctuation (، ؛ ؟ are tokens of their own);
a word is cut where a span starts or ends inside it (Arabic clitics: و + أذربيجان).

| column | meaning |
|---|---|
| `id` | document id and sentence number |
| `doc` | document id in the project |
| `ner_tags` | class ids of the {ner_layer} layer (`ClassLabel`, names below) |
| `entity_tags` | IOB2 tags of {", ".join(layers.entities)} spans |
| `claim_tags` | IOB2 tags of {", ".join(layers.claims)} spans |{doc_rows}

Load with `datasets.load_dataset("path/to/this/folder")`: the features above come with it.

Labels of `ner_tags`, in class-id order: {json.dumps(names, ensure_ascii=False)}.

Nested spans of different kinds keep their own column (an ACTOR inside a CLAIM has both tags).
A span that crosses a sentence or paragraph break is one chunk per line, each starting with `B-`.
"""
