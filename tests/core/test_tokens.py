"""Tokenising Arabic for token-based formats, and cutting words at span edges."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.tokens import align, sentences, tokenize

TEXT = "قالت 😀 وأذربيجان، إن الرَّئِيسَ «نفى» ذلك؟ نعم.\nسطر ثانٍ"


def words(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_arabic_punctuation_and_emoji_are_tokens_and_harakat_stay_in_words():
    assert words(tokenize(TEXT)) == [
        "قالت",
        "😀",
        "وأذربيجان",
        "،",
        "إن",
        "الرَّئِيسَ",
        "«",
        "نفى",
        "»",
        "ذلك",
        "؟",
        "نعم",
        ".",
        "سطر",
        "ثانٍ",
    ]


def test_align_cuts_a_clitic_off_at_a_span_edge():
    tokens = tokenize(TEXT)
    start = TEXT.index("أذربيجان")
    aligned, splits = align(TEXT, tokens, [start, start + len("أذربيجان")])
    assert "و" in words(aligned) and "أذربيجان" in words(aligned)
    assert [(s.word, s.at) for s in splits] == [("وأذربيجان", start)]


def test_sentences_end_at_question_marks_and_lines():
    groups = sentences(TEXT, tokenize(TEXT))
    assert [words(g)[-1] for g in groups] == ["؟", ".", "ثانٍ"]


@given(st.text(max_size=40), st.lists(st.integers(0, 40), max_size=6))
def test_aligned_tokens_cover_the_same_characters(text, edges):
    edges = [e for e in edges if e <= len(text)]
    aligned, _ = align(text, tokenize(text), edges)
    assert "".join(t.text for t in aligned) == "".join(t.text for t in tokenize(text))
    for t in aligned:
        assert text[t.start : t.end] == t.text
    inside = {e for e in edges for t in aligned if t.start < e < t.end}
    assert not inside


def _one_character_at_a_time(text: str) -> list[tuple[int, int, str]]:
    """The tokenizer as first written, a character at a time: what the fast one must equal."""
    from annotator.core.span_rules import is_word_char
    from annotator.core.tokens import cluster_end

    out, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        if is_word_char(text[i]):
            j = i + 1
            while j < n and is_word_char(text[j]):
                j += 1
        else:
            j = cluster_end(text, i)
        out.append((i, j, text[i:j]))
        i = j
    return out


_ARABIC_NEWS = st.text(
    alphabet=st.sampled_from(
        [*"قالت وزارة الدفاع إن القوات", "\u064e", "\u0651", "\u0640", "\u200c", "\u200d",
        "،", "؟", ".", "_", "٣", "3", "\n", "\u00a0", "\u200f", "👍", "\U0001f3fd", "🇦", "🇲",
        "\U000e0067", "\u0301", "x", "ⅷ", "²", "一"]
    ),
    max_size=60,
)  # fmt: skip


@given(st.one_of(st.text(max_size=60), _ARABIC_NEWS))
def test_tokenize_gives_exactly_the_tokens_read_a_character_at_a_time(text):
    assert [tuple(t) for t in tokenize(text)] == _one_character_at_a_time(text)
