"""Bad JSON is reported once, with its column: no "at at column"."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.doccano import read_doccano
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.formats.prodigy import read_prodigy
from annotator.core.jsonl import read_records

# A raw tab inside a JSON string: json says "Invalid control character at".
CONTROL = '{"text": "قالت\tالوزارة"}\n'


@pytest.mark.parametrize(
    "read",
    [
        lambda s: list(read_records(s)),
        lambda s: list(read_doccano(s)),
        lambda s: list(read_prodigy(s)),
        lambda s: read_labelstudio(s, Counter()),
    ],
    ids=["jsonl", "doccano", "prodigy", "labelstudio"],
)
def test_a_control_character_is_named_once_with_its_column(read):
    with pytest.raises(InputError) as caught:
        read(io.StringIO(CONTROL))
    assert str(caught.value) == "invalid JSON: Invalid control character at column 15"
    assert caught.value.line == 1
