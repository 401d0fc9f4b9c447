"""CoNLL: one token per line, ``token<TAB>entity tag<TAB>claim tag``; sentences end in a blank line.

IOB2 tags; Arabic punctuation (، ؛ ؟) is split into tokens of its own. Each
document starts with a ``# doc_id = N`` comment line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.tokenized import tagged_sentences
from annotator.core.models import AnnotatedDocument


def write_conll(
    records: Iterable[AnnotatedDocument], layers: Layers, stream: TextIO
) -> ExportReport:
    report = ExportReport()
    for record in records:
        stream.write(f"# doc_id = {record.document.id}\n")
        for sentence in tagged_sentences(record, layers, report):
            for row in zip(sentence.tokens, sentence.entity_tags, sentence.claim_tags, strict=True):
                stream.write("\t".join(row) + "\n")
            stream.write("\n")
    return report
