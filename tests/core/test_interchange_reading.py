"""What the interchange readers make of shapes real tools write: answers, choices, notes."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.doccano import MISPLACED, read_doccano
from annotator.core.formats.prodigy import read_prodigy
from annotator.core.importing import read_file

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


def test_doccano_1x_records_keep_their_text_under_data():
    line = {"id": 3, "data": TEXT, "label": [[0, 4, "CUE"]]}
    [(_, record)] = read_doccano(io.StringIO(json.dumps(line, ensure_ascii=False)))
    assert record.document.text == TEXT and record.document.external_id == "3"
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 4, "CUE")]
    assert "data" not in record.document.meta


def test_doccanos_empty_comments_list_is_not_kept_as_metadata():
    line = {"id": 3, "text": TEXT, "label": [], "Comments": [], "source": "wire"}
    [(_, record)] = read_doccano(io.StringIO(json.dumps(line, ensure_ascii=False)))
    assert record.document.meta == {"source": "wire"}
    line["Comments"] = ["check the date"]  # a comment someone wrote is kept
    [(_, record)] = read_doccano(io.StringIO(json.dumps(line, ensure_ascii=False)))
    assert record.document.meta["Comments"] == ["check the date"]


def test_doccano_offset_past_the_text_is_said_to_be_past_it():
    line = {"text": "قال", "label": [[0, 99, "CUE"]]}
    with pytest.raises(InputError, match=r"label\[0\]: offset 99 is outside the text \(3"):
        list(read_doccano(io.StringIO(json.dumps(line, ensure_ascii=False))))


@pytest.mark.parametrize(
    "line",
    [
        {"text": "\u200f\u200b "},
        {"text": "\u2066\u200e\u2069", "label": []},
        {"text": "\u200b\u200c", "tokens": [], "spans": []},
    ],
)
def test_jsonl_text_of_invisible_characters_only_is_refused(tmp_path: Path, line: dict):
    path = tmp_path / "x.jsonl"
    path.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no visible text") as info:
        list(read_file(path))
    assert str(info.value).startswith(f"{path}:2: ")


@pytest.mark.parametrize("content", ["", "\n\n   \n", "\r\n"])
def test_a_jsonl_file_of_blank_lines_is_an_error_naming_it(tmp_path: Path, content: str):
    path = tmp_path / "blank.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="no records") as info:
        list(read_file(path))
    assert str(info.value).startswith(f"{path}: ")


def test_doccano_span_text_not_at_its_offsets_is_counted():
    text = "😀 وزارة الدفاع قالت"
    utf16 = {"text": text, "entities": [
        {"id": 1, "label": "ACTOR", "start_offset": 3, "end_offset": 15, "text": "وزارة الدفاع"}
    ]}  # fmt: skip
    line = json.dumps(utf16, ensure_ascii=False)
    notes: Counter[str] = Counter()
    [(_, record)] = read_doccano(io.StringIO(line), "codepoints", notes)
    assert record.spans[0].text == text[3:15]  # one letter off: counted, not hidden
    assert notes == {MISPLACED: 1}
    notes.clear()
    [(_, record)] = read_doccano(io.StringIO(line), "utf16", notes)
    assert record.spans[0].text == "وزارة الدفاع" and not notes


def test_a_status_field_of_another_tool_stays_in_meta():
    line = prodigy_line("accept", meta={"status": "published", "source": "wire"})
    [(_, record)] = read_prodigy(io.StringIO(line))
    assert record.document.meta == {"status": "published", "source": "wire"}
    assert str(record.document.status) == "todo"
