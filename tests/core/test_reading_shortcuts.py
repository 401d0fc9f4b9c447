"""Every shortcut the readers take gives the answer the long way gives, on any text.

The page cleaner, the decoder and the language guess skip work where a
cheap test proves it would find nothing (a line's last character, the signs
a pattern needs, a needle the page lacks). Each is held here to the plain
computation it stands in for.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import decoding, page_lines, page_meta
from annotator.core.cleaning import _GLUED_TAIL, _TAIL_WINDOW, _may_end_glued
from annotator.core.text import (
    PERSIAN_ONLY,
    arabic_letters,
    canonical_text,
    guess_language,
    has_visible_text,
    latin_letters,
)

# Characters the shortcuts could get wrong: stops, closers, brackets, separators, digits in
# two scripts, letters whose case is special (dotted and dotless i, long s, Kelvin, sigma),
# presentation forms, line separators, invisible ones, and the words the patterns look for.
_TRICKY = list(
    ".…!?؟:'\"»”’)](|•·-–—/،,«\r\n\u2028\u2029\x85 \t\u00a0\u200b\u200f\ufeff"
    "0123456789٠١٢٣٤٥٦٧٨٩İıſKΣσςOoEeVv©#"
    "ابتثجحخدذرسشصضطظعغفقكلمنهوية\u064b\u0640پچژگکی\ufefb\ufe8d\ufb8a"
)
_WORDS = [
    "الفيديو",
    "تشغيل الفيديو",
    "PLAY VIDEO",
    "Read More",
    "اقرأ المزيد",
    "المصدر : الجزيرة",
    "Source: AFP",
    "(رويترز)",
    "14 مارس 2024",
    "March 14, 2024",
    "Mar. 3 1999",
    "سبتمبر 9،  2021",
    "2024-03-14 10:45",
    " | ",
    " - ",
    " – ",
    " — ",
    " • ",
    " · ",
    "بقلم: سارة الخطيب",
    "بيروت (رويترز) -",
    "القاهرة - خاص",
    "دبي: «الخليج»",
    "عمان/ ليث الجنيدي/ الأناضول",
    "الكويت - 3 - 11 (كونا) --",
    "نورة العتيبي (جدة)",
    "بغداد - زينب الربيعي:",
    "جميع الحقوق محفوظة",
    "يمنع إعادة نشر",
    "يُحظر نسخ",
    "لا تعبر بالضرورة",
    "Subscribe now",
    "اشترك الآن",
    "ملفات تعريف الارتباط",
    "Cookies",
    "حمّل تطبيق",
    "Getty Images",
    "صورة: أ ف ب",
    " (22)",
    " (أ ف ب).",
    "وقال.»",
    'انتهى."',
    "للقوات. (رويترز)",
    "للقوات.) ",
    "حقا؟»",
    "why?’",
    "الخبر…]",
]
pieces = st.one_of(st.sampled_from(_TRICKY), st.sampled_from(_WORDS), st.text(max_size=3))
texts = st.lists(pieces, max_size=30).map("".join)
lines = texts.map(lambda t: t.replace("\n", " "))
_MANY = settings(max_examples=400, deadline=None)


@_MANY
@given(lines)
def test_end_of_line_tests_answer_as_their_searches(line: str):
    end = line[-page_lines._END :]
    assert page_lines._full_stop(line) == bool(page_lines._FULL_STOP.search(end))
    assert page_lines._sentence_end(line) == bool(page_lines._SENTENCE_END.search(end))
    assert page_lines.is_question(line) == bool(page_lines._QUESTION.search(end))
    stripped = line.strip()
    assert (
        _may_end_glued(stripped) and bool(_GLUED_TAIL.search(stripped[-_TAIL_WINDOW:]))
    ) == bool(_GLUED_TAIL.search(stripped[-_TAIL_WINDOW:]))


@_MANY
@given(lines)
def test_a_searched_furniture_pattern_finds_only_lines_with_a_needle(line: str):
    lowered = line.lower()
    for kind, within, needles in page_lines.SEARCHED:
        if within.search(lowered):
            assert any(needle in lowered for needle in needles), kind


@_MANY
@given(st.lists(lines, min_size=1, max_size=6))
def test_a_page_s_needles_find_what_all_needles_find(page: list[str]):
    searched = page_lines.searched_on("\n".join(page))
    for line in page:
        for part in (line, line.strip(), line[: len(line) // 2]):
            assert page_lines.furniture_kind(part, searched) == page_lines.furniture_kind(part)
            assert page_meta.read_meta_line(part, searched) == page_meta.read_meta_line(part)


@_MANY
@given(lines)
def test_a_dateline_pattern_matches_only_with_its_sign(line: str):
    for segment in (line, line.strip(" \t-–—|•·،,")):
        for pattern, signs in page_meta._SIGNS:
            if pattern.fullmatch(segment):
                assert any(sign in segment for sign in signs)


@_MANY
@given(lines)
def test_dates_and_separators_are_looked_for_where_they_can_be(line: str):
    if not page_meta._SEPARATOR_SIGNS.search(line):
        assert page_meta._SEPARATORS.split(line) == [line]
    text = line.translate(page_meta._DIGITS)
    if not page_meta._YEAR.search(text):
        assert not any(pattern.search(text) for pattern in page_meta._DATES)
    if page_meta._MONTH_FIRST.search(text):
        assert page_meta._DAY_THEN_YEAR.search(text)


@_MANY
@given(texts)
def test_visible_text_as_by_every_character(text: str):
    assert has_visible_text(text) == any(
        unicodedata.category(ch) not in {"Zs", "Zl", "Zp", "Cc", "Cf"}
        and ch not in "\u115f\u1160\u3164\uffa0\u2800"
        for ch in text
    )


_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")


@_MANY
@given(st.one_of(texts, st.text()))
def test_letter_counts_as_a_regex_counts_them(text: str):
    assert arabic_letters(text) == len(_ARABIC.findall(text))
    assert latin_letters(text) == len(re.findall("[A-Za-z]", text))
    assert sum(map(text.count, PERSIAN_ONLY)) == len(re.findall("[پچژگکی]", text))
    assert guess_language(text) in {"ar", "fa", "en", None}


@_MANY
@given(st.one_of(texts, st.text()))
def test_canonical_text_as_without_its_shortcut(text: str):
    slow = text.replace("\ufeff", "")
    slow = re.sub("\r\n?|[\u2028\u2029\x85]", "\n", slow)
    slow = re.sub(
        "[\ufb50-\ufdff\ufe70-\ufefe]+", lambda m: unicodedata.normalize("NFKC", m.group()), slow
    )
    assert canonical_text(text) == unicodedata.normalize("NFC", slow)


@_MANY
@given(st.one_of(texts, st.text(alphabet=st.characters(max_codepoint=0x2FF))))
def test_controls_told_from_the_bytes_as_from_the_text(text: str):
    data = text.encode("utf-8")
    assert decoding._utf8_controls(data, text) == (decoding.control_count(text) > 0)
