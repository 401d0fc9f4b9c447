"""CoNLL: one token per line, ``token<TAB>entity tag<TAB>claim tag``; sentences end in a blank line.

IOB2 tags; Arabic punctuation (، ؛ ؟) is split into tokens of its own. Each
document starts with a ``# doc_id = N`` comment line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.tokenized import tag_document
from annotator.core.models import AnnotatedDocument
from annotator.core.tokens import sentences


def write_conll(
    records: Iterable[AnnotatedDocument], layers: Layers, stream: TextIO
) -> ExportReport:
    report = ExportReport()
    for record in records:
        tagged = tag_document(record, layers, report)
        stream.write(f"# doc_id = {record.document.id}\n")
        index = {id(t): i for i, t in enumerate(tagged.tokens)}
        for sentence in sentences(record.document.text, tagged.tokens):
            for token in sentence:
                i = index[id(token)]
                stream.write(f"{token.text}\t{tagged.entity_tags[i]}\t{tagged.claim_tags[i]}\n")
            stream.write("\n")
        report.documents += 1
        report.spans += len(record.spans)
    return report
