"""Every JSON reader refuses what UTF-8 or SQLite cannot hold, as one located line.

Properties over generated JSON: a lone surrogate, NaN, Infinity or a number
out of range, anywhere in a record of any reader's format, is an
``InputError`` naming the right line, never another exception; JSON without
them reads exactly as ``json.loads`` reads it.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.doccano import read_doccano
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.formats.prodigy import read_prodigy
from annotator.core.json_input import loads, loads_items
from annotator.core.jsonl import read_records

MARK = '"@@bad@@"'

# Raw JSON text of values Python's json parses and no store can hold.
bad_values = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity"]),
    st.integers(309, 100_000).map(lambda e: f"1e{e}"),
    st.integers(309, 400).map(lambda e: f"-2.5E+{e}"),
    st.integers(20, 6000).map(lambda n: "9" * n),
    st.integers(2**63, 2**70).map(str),
    st.integers(-(2**70), -(2**63) - 1).map(str),
    st.tuples(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=5),
        st.integers(0xD800, 0xDFFF),
    ).map(lambda p: json.dumps(p[0] + "\x00")[:-7] + f"\\u{p[1]:04x}" + '"'),
)
# Where in a record the bad value sits: a value, deep in lists and objects, or a key.
placements = st.sampled_from(
    [
        lambda v: v,
        lambda v: f"[1, {v}]",
        lambda v: f'{{"a": [{{"b": {v}}}]}}',
    ]
)


def native(meta: str) -> str:
    return f'{{"format_version": 1, "text": "نص", "meta": {{"x": {meta}}}}}'


def doccano(meta: str) -> str:
    return f'{{"id": 3, "text": "نص", "entities": [], "extra": {meta}}}'


def prodigy(meta: str) -> str:
    return f'{{"text": "نص", "tokens": [], "spans": [], "meta": {{"x": {meta}}}}}'


def labelstudio_task(meta: str) -> str:
    return f'{{"id": 3, "data": {{"text": "نص", "x": {meta}}}}}'


Reader = Callable[[io.StringIO], list[Any]]
READERS: dict[str, tuple[Callable[[str], str], Reader]] = {
    "native": (native, lambda s: list(read_records(s))),
    "doccano": (doccano, lambda s: list(read_doccano(s))),
    "prodigy": (prodigy, lambda s: list(read_prodigy(s))),
}


@settings(max_examples=150, deadline=None)
@given(
    value=bad_values,
    place=placements,
    before=st.integers(0, 3),
    fmt=st.sampled_from(sorted(READERS)),
)
def test_property_jsonl_readers_refuse_bad_values_at_their_line(
    value: str, place: Callable[[str], str], before: int, fmt: str
):
    record, read = READERS[fmt]
    good = [record('"ok"').replace("نص", f"نص {i}") for i in range(before)]
    text = "\n".join([*good, "", record(place(value)), record("1")]) + "\n"
    with pytest.raises(InputError) as info:
        read(io.StringIO(text))
    assert info.value.line == before + 2  # the blank line counts
    assert "\n" not in str(info.value)


@settings(max_examples=100, deadline=None)
@given(value=bad_values, place=placements, before=st.integers(0, 3), indent=st.booleans())
def test_property_label_studio_refuses_bad_values_at_their_line(
    value: str, place: Callable[[str], str], before: int, indent: bool
):
    tasks = [labelstudio_task('"ok"') for _ in range(before)] + [labelstudio_task(MARK)]
    text = ("[\n" + ",\n".join(tasks) + "\n]") if indent else "[" + ", ".join(tasks) + "]"
    line = text[: text.index(MARK)].count("\n") + 1
    text = text.replace(MARK, place(value))
    with pytest.raises(InputError) as info:
        read_labelstudio(io.StringIO(text), Counter())
    assert info.value.line == line
    assert "\n" not in str(info.value)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(blacklist_categories=("Cs",))), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values, st.booleans())
def test_property_good_json_reads_as_json_loads_reads_it(value: Any, ascii_only: bool):
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert loads(text) == json.loads(text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from('[]{}",:0123456789.eE+-NaInfity \\u\nd8'), max_size=40))
def test_property_any_text_is_json_or_one_located_error(text: str):
    try:
        loads(text)
    except InputError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=100, deadline=None)
@given(st.lists(json_values, max_size=6), st.sampled_from([None, 1, 2]))
def test_property_items_know_the_line_they_start_on(items: list[Any], indent: int | None):
    text = json.dumps(items, indent=indent, ensure_ascii=False)
    found = loads_items(text)
    assert [item for _, item in found] == items
    for line, item in found:
        rendered = json.dumps(item, indent=indent, ensure_ascii=False).split("\n")[0]
        assert rendered in text.split("\n")[line - 1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": NaN}', "NaN at column 7: not a number JSON allows"),
        ('{"a": 1e400}', "1e400 at column 7: out of range"),
        ('{"a": "x\\ud800"}', "lone surrogate \\ud800 at column 7: not Unicode text"),
        ('{"\\udfff": 1}', "lone surrogate \\udfff at column 2"),
        ('{"a": 9223372036854775808}', "out of range (64-bit integers only)"),
        ("[" * 50_000, "nested too deeply"),
        ('{"a": oops}', "invalid JSON: Expecting value at column 7"),
    ],
)
def test_each_refusal_says_what_and_where(text: str, message: str):
    with pytest.raises(InputError) as info:
        loads(text)
    assert message in info.value.message


def test_paired_surrogate_escapes_and_long_digit_runs_in_text_are_fine():
    assert loads('{"e": "\\ud83d\\ude00", "t": "رقم 12345678901234567890123"}') == {
        "e": "😀",
        "t": "رقم 12345678901234567890123",
    }
    assert loads("[9223372036854775807, -9223372036854775808, 1e308]")[0] == 2**63 - 1
