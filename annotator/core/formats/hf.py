"""Hugging Face token classification: JSONL per split, one sentence per line, and a dataset card.

Each line: ``{"id", "doc", "tokens", "entity_tags", "claim_tags"}``, IOB2 tag
strings; nested spans keep two layers (entities: ACTOR/LOCATION/CUE...,
claims: CLAIM). Each document attribute of the schema adds a column of the
same name: a class id (-1 when unset) or, for one that holds several, a list
of them, declared as ``ClassLabel`` (``Sequence(ClassLabel)``) in the card's
``dataset_info``. ``README.md`` lists the label names in the order training
scripts use as class ids. Load with::

    datasets.load_dataset("json", data_files={"train": "train.jsonl", ...})
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from annotator.core.doc_categories import class_columns
from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.tokenized import tagged_sentences
from annotator.core.models import AnnotatedDocument, AttributeSpec


def tag_names(labels: Iterable[str]) -> list[str]:
    return ["O", *(f"{p}-{label}" for label in labels for p in ("B", "I"))]


def write_hf_split(
    records: Iterable[AnnotatedDocument],
    layers: Layers,
    stream: TextIO,
    doc_attributes: Sequence[AttributeSpec] = (),
) -> ExportReport:
    report = ExportReport()
    for record in records:
        classes = class_columns(record.doc_attrs, doc_attributes)
        for number, sentence in enumerate(tagged_sentences(record, layers, report)):
            line = {
                "id": f"{record.document.id}-{number}",
                "doc": record.document.id,
                "tokens": sentence.tokens,
                "entity_tags": sentence.entity_tags,
                "claim_tags": sentence.claim_tags,
                **{column(name): value for name, value in classes.items()},
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return report


# The columns every line has; a document attribute of one of these names gets a "doc_" prefix.
_COLUMNS = ("id", "doc", "tokens", "entity_tags", "claim_tags", "ner_tags")


def column(attribute: str) -> str:
    """The column of a document attribute."""
    return f"doc_{attribute}" if attribute in _COLUMNS else attribute


def _doc_features(doc_attributes: Sequence[AttributeSpec]) -> str:
    """``dataset_info`` features of the document attribute columns: ``ClassLabel`` each."""
    out = []
    for spec in doc_attributes:
        names = "\n".join(
            f"          '{i}': {json.dumps(v, ensure_ascii=False)}"
            for i, v in enumerate(spec.values())
        )
        kind = "sequence" if spec.multiple else "dtype"
        out.append(
            f"  - name: {column(spec.name)}\n    {kind}:\n      class_label:\n"
            f"        names:\n{names}"
        )
    return "".join(f"\n{item}" for item in out)


def dataset_card(
    layers: Layers, splits: Iterable[str], doc_attributes: Sequence[AttributeSpec] = ()
) -> str:
    entity_names, claim_names = tag_names(layers.entities), tag_names(layers.claims)
    files = "\n".join(f"    - split: {s}\n      path: {s}.jsonl" for s in splits)
    doc_rows = "".join(
        f"\n| `{column(a.name)}` | document {a.name}: "
        f"{'class ids' if a.multiple else 'class id, -1 when unset'} of "
        f"{json.dumps(list(a.values()), ensure_ascii=False)} |"
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
| `entity_tags` | IOB2 tags of {", ".join(layers.entities)} spans |
| `claim_tags` | IOB2 tags of {", ".join(layers.claims)} spans |{doc_rows}

Nested spans of different kinds keep their own column (an ACTOR inside a CLAIM has both tags).

Class ids, in order: `entity_tags`: {json.dumps(entity_names, ensure_ascii=False)};
`claim_tags`: {json.dumps(claim_names, ensure_ascii=False)}.
"""
