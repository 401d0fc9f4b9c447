"""Hugging Face token classification: JSONL per split, one sentence per line, and a dataset card.

Each line: ``{"id", "doc", "tokens", "entity_tags", "claim_tags"}``, IOB2 tag
strings; nested spans keep two layers (entities: ACTOR/LOCATION/CUE...,
claims: CLAIM). ``README.md`` lists the label names in the order training
scripts use as class ids. Load with::

    datasets.load_dataset("json", data_files={"train": "train.jsonl", ...})
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.tokenized import tagged_sentences
from annotator.core.models import AnnotatedDocument


def tag_names(labels: Iterable[str]) -> list[str]:
    return ["O", *(f"{p}-{label}" for label in labels for p in ("B", "I"))]


def write_hf_split(
    records: Iterable[AnnotatedDocument], layers: Layers, stream: TextIO
) -> ExportReport:
    report = ExportReport()
    for record in records:
        for number, sentence in enumerate(tagged_sentences(record, layers, report)):
            line = {
                "id": f"{record.document.id}-{number}",
                "doc": record.document.id,
                "tokens": sentence.tokens,
                "entity_tags": sentence.entity_tags,
                "claim_tags": sentence.claim_tags,
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return report


def dataset_card(layers: Layers, splits: Iterable[str]) -> str:
    entity_names, claim_names = tag_names(layers.entities), tag_names(layers.claims)
    files = "\n".join(f"    - split: {s}\n      path: {s}.jsonl" for s in splits)
    return f"""---
language:
- ar
task_categories:
- token-classification
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
| `claim_tags` | IOB2 tags of {", ".join(layers.claims)} spans |

Nested spans of different kinds keep their own column (an ACTOR inside a CLAIM has both tags).

Class ids, in order: `entity_tags`: {json.dumps(entity_names, ensure_ascii=False)};
`claim_tags`: {json.dumps(claim_names, ensure_ascii=False)}.
"""
