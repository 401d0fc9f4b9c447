"""A file that shows nothing (only ZWSP, RLM, LRM and spaces) is refused, not stored invisible."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.importing import read_file
from annotator.core.text import has_visible_text

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2069\u00ad\u2060 \t\u00a0\u3000"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("zwsp.txt", "\u200b".encode()),
        ("rlm.txt", "\u200f\n".encode()),
        ("marks.txt", "\u200e \u200f\n\u200b\r\n\u200f".encode()),
        ("utf16.txt", "\u200f\u200b".encode("utf-16")),
        ("marks.html", "<html><body><p>\u200f\u200b</p></body></html>".encode()),
    ],
)
@pytest.mark.parametrize("clean", [True, False])
def test_a_file_with_no_visible_character_is_refused_in_one_line(
    tmp_path: Path, name: str, data: bytes, clean: bool
):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(read_file(path, clean=clean))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    if name.endswith(".txt"):
        assert message.endswith(
            "no visible text: only white space and invisible characters "
            "(zero-width spaces, direction marks)"
        )


def test_invisible_characters_inside_visible_text_are_kept(tmp_path: Path):
    text = "\u200fقال\u200c الوزير إن الخطة جاهزة.\u200b"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [(_, record)] = list(read_file(path, clean=False))
    assert record.document.text == text


@given(
    st.text(alphabet=INVISIBLE, max_size=20),
    st.sampled_from("بأ٣1a.«😀ـ"),
    st.text(alphabet=INVISIBLE, max_size=20),
)
def test_one_visible_character_among_invisible_ones_makes_the_text_visible(
    before: str, visible: str, after: str
):
    assert not has_visible_text(before + after)
    assert has_visible_text(before + visible + after)
