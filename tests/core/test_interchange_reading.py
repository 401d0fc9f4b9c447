"""What the interchange readers make of shapes real tools write: answers, choices, notes."""

from __future__ import annotations

import io
import json
from collections import Counter

from annotator.core.formats.prodigy import read_prodigy

TEXT = "قالت وزارة الدفاع إن صواريخ أطلقت من أرمينيا"


def prodigy_line(answer: str | None, **extra: object) -> str:
    record: dict[str, object] = {
        "text": TEXT,
        "spans": [{"start": 5, "end": 17, "label": "ACTOR"}],
        **extra,
    }
    if answer is not None:
        record["answer"] = answer
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_prodigy_rejected_and_ignored_examples_are_skipped_and_counted():
    lines = [prodigy_line(a) for a in ("accept", "reject", "ignore", None, "reject")]
    notes: Counter[str] = Counter()
    records = list(read_prodigy(io.StringIO("".join(lines)), notes))
    assert [line for line, _ in records] == [1, 4]
    assert notes == {
        "Prodigy examples answered 'reject' skipped (not annotations)": 2,
        "Prodigy examples answered 'ignore' skipped (not annotations)": 1,
    }


def test_prodigy_annotator_id_is_the_spans_annotator():
    [(_, record)] = read_prodigy(io.StringIO(prodigy_line("accept", _annotator_id="news-ali")))
    assert [s.annotator for s in record.spans] == ["news-ali"]
