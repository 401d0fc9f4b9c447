"""Reported clauses and sentences, on hand-worked news sentences of several shapes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.clauses import attribution_at, attributions, next_sentence, sentence_at


def parts(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            text[slice(*a.cue)] if a.cue else None,
            text[slice(*a.source)] if a.source else None,
            text[slice(*a.clause)],
        )
        for a in attributions(text)
    ]


def test_cue_source_and_clause_with_an_attached_pronoun():
    text = "وفي حين أعلنت أرمينيا استعدادها قالت أذربيجان إنها ترفض تنظيم استفتاء."
    assert parts(text) == [("قالت", "أذربيجان", "ترفض تنظيم استفتاء")]


def test_the_clause_ends_at_the_first_comma_and_a_clitic_stays_outside_the_cue():
    text = "وقالت وزارة الخارجية بأن المحادثات ستستمر، رغم الخلافات\nسطر آخر"
    assert parts(text) == [("قالت", "وزارة الخارجية", "المحادثات ستستمر")]


def test_no_cue_across_a_comma_and_clauses_end_at_the_line():
    text = "نفت المصادر ذلك، مشيرة إلى أن الأخبار مضللة\nوأكد الجيش أنه صد الهجوم"
    assert parts(text) == [(None, None, "الأخبار مضللة"), ("أكد", "الجيش", "صد الهجوم")]


def test_words_that_only_contain_the_letters_are_not_complementizers():
    assert parts("قال الوزير إنسان وأنهار وبأنواع") == []


def test_harakat_on_the_complementizer_and_the_cue_stay_outside_the_clause():
    # The shadda of "أنّ" was left at the clause's start; a voweled cue was not found.
    assert parts("وأكدَ الجيشُ أنّ الهجومَ فشل.") == [("أكدَ", "الجيشُ", "الهجومَ فشل")]
    assert parts("قالَ إنَّهُ لن يستقيل") == [("قالَ", None, "لن يستقيل")]


def test_a_source_is_words_and_a_quote_closed_ends_the_clause():
    # C selected ":" or a lone quote as the source, for the next key to tag as an ACTOR.
    assert parts("قال: إن الوضع مستقر") == [("قال", None, "الوضع مستقر")]
    assert parts('قال "إن الأمر انتهى" ثم غادر') == [("قال", None, "الأمر انتهى")]
    assert parts("قال مسؤول: «إن الوضع خطير».") == [("قال", "مسؤول", "الوضع خطير")]
    assert parts("قال إن «الحرب انتهت» وإن (السلم) قريب") == [
        ("قال", None, "«الحرب انتهت» وإن (السلم) قريب")
    ]
    assert parts("وقال لـ«الجزيرة» إن المفاوضات فشلت") == [("قال", "لـ«الجزيرة»", "المفاوضات فشلت")]


def test_a_second_report_joined_by_wa_ends_the_first_clause_reported_speech_inside_does_not():
    text = "قال الوزير إن القوات انسحبت وقال المتحدث إن الجيش تقدم"
    assert parts(text) == [
        ("قال", "الوزير", "القوات انسحبت"),
        ("قال", "المتحدث", "الجيش تقدم"),
    ]
    assert parts("قال الوزير إن الجيش تقدم وأكد أنه سيبقى") == [
        ("قال", "الوزير", "الجيش تقدم"),
        ("أكد", None, "سيبقى"),
    ]
    nested = "قال المتحدث إن الوزير أكد أن الاتفاق صامد"
    assert parts(nested)[0] == ("قال", "المتحدث", "الوزير أكد أن الاتفاق صامد")


def test_a_preposition_or_an_adverb_after_the_cue_is_not_the_source():
    assert parts("وأشارت إلى أن الأزمة تتفاقم") == [("أشارت", None, "الأزمة تتفاقم")]
    assert parts("وأكد أيضا أن الاتفاق صامد") == [("أكد", None, "الاتفاق صامد")]


def test_the_clause_around_the_caret_or_the_next_one():
    text = "العنوان\nقال الوزير إن الهدنة صامدة. وأكد الجيش أن القصف توقف."
    first = attribution_at(text, 0)
    assert first is not None and text[slice(*first.clause)] == "الهدنة صامدة"
    assert first.parts() == (first.clause, first.source, first.cue)
    inside = attribution_at(text, text.index("القصف") + 2)
    assert inside is not None and text[slice(*inside.clause)] == "القصف توقف"
    assert attribution_at(text, len(text)) is None


def test_sentences_end_at_marks_and_lines():
    text = "العنوان\nقال الوزير إن الهدنة صامدة. هل تصمد؟ نعم!"
    assert text[slice(*sentence_at(text, text.index("الهدنة")))] == "قال الوزير إن الهدنة صامدة"
    assert text[slice(*sentence_at(text, 2))] == "العنوان"
    after = next_sentence(text, sentence_at(text, text.index("الهدنة"))[1])
    assert after is not None and text[slice(*after)] == "هل تصمد"


@given(
    st.text(alphabet="قال أن إن بأنها الوزير، .؟\n«»:\u0651\u064e", max_size=80), st.integers(0, 90)
)
def test_every_range_is_inside_the_text_with_no_outer_space(text, offset):
    ranges = [sentence_at(text, offset)]
    for attribution in attributions(text):
        ranges.extend(attribution.parts())
    for start, end in ranges:
        assert 0 <= start <= end <= len(text)
        if end > start:
            assert not text[start].isspace() and not text[end - 1].isspace()


def test_the_common_reporting_verbs_are_cues():
    text = (
        "وأضاف المتحدث أن الوفد وصل. وذكرت الوكالة أن الاجتماع تأجل. "
        "وصرّح الوزير بأن الحدود مغلقة. وأفادت مصادر أن القصف توقف."
    )
    assert parts(text) == [
        ("أضاف", "المتحدث", "الوفد وصل"),
        ("ذكرت", "الوكالة", "الاجتماع تأجل"),
        ("صرّح", "الوزير", "الحدود مغلقة"),
        ("أفادت", "مصادر", "القصف توقف"),
    ]


def test_a_cue_before_an_aside_between_commas_is_found():
    text = "أكد الوزير، في مؤتمر صحفي، أن الحدود مغلقة."
    assert parts(text) == [("أكد", "الوزير", "الحدود مغلقة")]
    text = "وقالت الوزارة، خلال بيان، عبر حسابها الرسمي، إن القصف توقف."
    assert parts(text) == [("قالت", "الوزارة", "القصف توقف")]
    text = "أكد الوزير، في مؤتمر صحفي أن الحدود مغلقة."  # no comma closing the aside
    assert parts(text) == [("أكد", "الوزير", "الحدود مغلقة")]


def test_a_clause_of_its_own_between_commas_is_not_skipped_as_an_aside():
    text = "أعلنت الوزارة خطة جديدة، لكن المعارضة ترى أن الخطة فاشلة."
    assert parts(text) == [(None, None, "الخطة فاشلة")]
