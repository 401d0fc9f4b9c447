"""Scraped-page cleaning on the real sample page and on pages built from general rules."""

from __future__ import annotations

import pytest

from annotator.core.cleaning import clean_page
from annotator.core.text import canonical_text

BOILERPLATE = [
    "حول هذه القصة",
    "الأكثر قراءة",
    "Share on",
    "Facebook",
    "WhatsApp",
    "logo",
    "جميع الحقوق محفوظة",
    "رابط مختصر",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "تشغيل الفيديو",
    "المصدر",
    "اقرأ أيضاً",
    # titles from the related-stories and most-read lists
    "قتلى بقصف أرميني على مدينتين أذريتين",
    "طعن مسلمتين أمام أطفالهما عند برج إيفل",
    "لقاح أكسفورد",
]


@pytest.fixture(scope="module")
def cleaned(sample_text: str):
    return clean_page(canonical_text(sample_text))


def body_paragraphs(sample_text: str) -> list[str]:
    """The article body as the page's second (clean) copy has it: lines 91-140."""
    lines = sample_text.split("\n")
    return [ln for ln in lines[90:140] if ln.strip()]


def test_headline_first_then_each_body_paragraph_exactly_once(cleaned, sample_text):
    paragraphs = cleaned.text.split("\n")
    body = body_paragraphs(sample_text)
    assert (
        paragraphs[0]
        == "تجدد القتال العنيف.. الهدنة الروسية فشلت وأذربيجان ترفض الاستفتاء لتحديد مصير قره باغ"
    )
    assert paragraphs[1:] == body
    for paragraph in body:
        assert cleaned.text.count(paragraph) == 1


def test_no_boilerplate_left(cleaned):
    for fragment in BOILERPLATE:
        assert fragment not in cleaned.text, fragment


def test_title_and_source_in_meta(cleaned):
    assert (
        cleaned.title
        == "تجدد القتال العنيف.. الهدنة الروسية فشلت وأذربيجان ترفض الاستفتاء لتحديد مصير قره باغ"
    )
    assert cleaned.source == "الجزيرة + وكالات"


def test_glued_fragments_cut_at_the_sentence_end(cleaned):
    assert "في الجبهة المركزية.\n" in cleaned.text
    assert cleaned.text.endswith("إن بلاده ستستعيد الإقليم بالقوة.")


def test_what_was_removed_is_reported_with_lines(cleaned):
    summary = cleaned.summary()
    assert summary["repeated paragraph"] == 27
    assert summary["glued fragment"] == 1
    assert summary["source line"] == 1
    lines = {r.line for r in cleaned.removed}
    assert 55 in lines  # "حول هذه القصة"
    assert all(r.text for r in cleaned.removed)


def test_general_rules_on_an_english_page():
    page = "\n".join(
        [
            "Ceasefire collapses in Karabakh",
            "",
            "Fighting resumed on Thursday, the ministry said.",
            "Officials denied the reports.Play video",
            "Related stories",
            "Another headline about the war",
            "A teaser sentence that goes on for a while about the other story.",
            "Share on facebook",
            "Twitter",
            "© 2020 Some Network. All rights reserved.",
            "Fighting resumed on Thursday, the ministry said.",
            "Leave a comment",
            "Your email address will not be published.",
        ]
    )
    cleaned = clean_page(page)
    assert cleaned.text == (
        "Ceasefire collapses in Karabakh\n"
        "Fighting resumed on Thursday, the ministry said.\n"
        "Officials denied the reports."
    )


def test_body_resumes_after_a_link_list():
    long_paragraph = " ".join(["كلمة"] * 30) + "."
    page = "\n".join(
        [
            "العنوان",
            "الفقرة الأولى.",
            "اقرأ أيضا",
            "عنوان قصة أخرى",
            long_paragraph,
            long_paragraph + " ثانية",
        ]
    )
    cleaned = clean_page(page)
    # The teaser right after the link title goes; the next body paragraph stays.
    assert cleaned.text.split("\n") == ["العنوان", "الفقرة الأولى.", long_paragraph + " ثانية"]


def test_a_page_with_nothing_to_clean_is_unchanged():
    text = "عنوان\nفقرة أولى.\nفقرة ثانية."
    cleaned = clean_page(text)
    assert cleaned.text == text
    assert cleaned.removed == []


def test_a_bulleted_list_inside_the_body_stays_with_the_text_after_it():
    items = [
        "- خفض الرسوم الجمركية على السلع الأساسية",
        "- زيادة الدعم النقدي للأسر الفقيرة",
        "- تشديد الرقابة على الأسواق",
        "- تأجيل أقساط القروض الصغيرة",
        "- دعم أسعار الأدوية المزمنة",
        "- توسيع منافذ البيع الحكومية",
    ]
    body = [
        "أعلنت الحكومة اليوم حزمة من الإجراءات العاجلة لمواجهة ارتفاع الأسعار، بعد اجتماع طارئ.",
        "وتشمل الإجراءات:",
        *items,
        "وقال رئيس الوزراء إن الحزمة ستدخل حيز التنفيذ مطلع الشهر المقبل.",
    ]
    page = ["الرئيسية", "سياسة", "الحكومة تعلن حزمة إجراءات لمواجهة الغلاء", "بقلم: منى السيد"]
    page += [*body, "الأكثر قراءة", "عنوان آخر", "جميع الحقوق محفوظة"]
    cleaned = clean_page("\n".join(page))
    assert cleaned.text.split("\n") == ["الحكومة تعلن حزمة إجراءات لمواجهة الغلاء", *body]
    assert cleaned.meta == {"author": "منى السيد"}


def test_a_last_paragraph_without_a_full_stop_or_asking_a_question_stays():
    body = [
        "أعلنت الحكومة اليوم حزمة من الإجراءات العاجلة لمواجهة ارتفاع الأسعار، بعد اجتماع طارئ.",
        "وقال رئيس الوزراء إن الحزمة ستدخل حيز التنفيذ مطلع الشهر المقبل.",
    ]
    for last in ("وتستمر المفاوضات غدا في القاهرة بمشاركة الوسطاء", "فهل تنجح الحزمة؟"):
        page = ["الحكومة تعلن حزمة إجراءات لمواجهة الغلاء", *body, last, "جميع الحقوق محفوظة"]
        assert clean_page("\n".join(page)).text.split("\n") == [page[0], *body, last]
    # Followed by more headline-like lines, it opens a related list instead.
    page = ["الحكومة تعلن حزمة إجراءات لمواجهة الغلاء", *body, "هل تنجح الحزمة؟", "عنوان قصة أخرى"]
    assert clean_page("\n".join(page)).text.split("\n") == [page[0], *body]


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        (  # the article's sentences right after a list heading
            "أذربيجان تتهم أرمينيا بخرق الهدنة\nاتهمت أذربيجان أرمينيا بخرق الهدنة.\nالأكثر قراءة\n"
            "قال الرئيس إلهام علييف إن القوات ردت.\nوأكد أن العمليات ستستمر.",
            ["قال الرئيس إلهام علييف إن القوات ردت.", "وأكد أن العمليات ستستمر."],
        ),
        (
            "أذربيجان تتهم أرمينيا\nاتهمت أذربيجان أرمينيا بخرق الهدنة في ساعة مبكرة اليوم.\n"
            "اقرأ أيضا\nوأضاف المتحدث أن بلاده ملتزمة بالهدنة.",
            ["وأضاف المتحدث أن بلاده ملتزمة بالهدنة."],
        ),
        (  # a statement after a link title is not its teaser
            "Azerbaijan accuses Armenia\nAzerbaijan accused Armenia of breaking the truce.\n"
            "Related\nArmenia denies\n"
            "Armenia denied firing any missile, its foreign ministry said.",
            ["Armenia denied firing any missile, its foreign ministry said."],
        ),
    ],
)
def test_statements_after_a_list_heading_stay(page: str, kept: list[str]):
    paragraphs = clean_page(page).text.split("\n")
    for paragraph in kept:
        assert paragraph in paragraphs


def test_a_paragraph_said_twice_keeps_both_copies():
    page = (
        "الوزير يرد على الأسئلة\nسئل الوزير عن الهدنة فأجاب بكلمة واحدة.\nقال الوزير: نعم.\n"
        "ثم سئل عن الانسحاب فأجاب بالكلمة نفسها.\nقال الوزير: نعم."
    )
    assert clean_page(page).text == page


def test_section_names_are_never_the_headline():
    page = (
        "Skip to content\nHome\nNews\n"
        "Azerbaijan accused Armenia of breaking the truce.\nIt denied it."
    )
    cleaned = clean_page(page)
    assert cleaned.title is None
    assert cleaned.text == "Azerbaijan accused Armenia of breaking the truce.\nIt denied it."


@pytest.mark.parametrize(
    "top",
    [
        "تخطى إلى المحتوى\nالقائمة الرئيسية\nأقسام الموقع",
        "الانتقال إلى المحتوى\nالرئيسية\nالعالم العربي",
        "Skip to main content\nMenu\nWorld\nMiddle East",
        "انتقل للمحتوى\nالرئيسية\nأخبار العالم",
        "تخطى إلى المحتوى\nالرئيسية\nمنذ 3 ساعات\nمصدر الصورة، Getty Images",
    ],
)
def test_skip_links_menus_and_section_names_above_a_page_are_never_its_headline(top: str):
    body = (
        "اتهمت أذربيجان أرمينيا بخرق الهدنة الإنسانية صباح اليوم.\n"
        "وقال المتحدث إن القوات ردت على مصادر النيران."
    )
    cleaned = clean_page(top + "\n" + body)
    assert cleaned.title is None
    assert cleaned.text == body


PARAGRAPH = (
    "قال الوزير إن المفاوضات مستمرة بين الطرفين، وأكد أن الحل السياسي هو الخيار الوحيد "
    "المتاح أمام الجميع في هذه المرحلة الحساسة."
)


@pytest.mark.parametrize("separator", ["...", "***", "—", "* * *"])
def test_a_separator_under_the_headline_is_never_the_headline(separator: str):
    # "..." became the title and the real headline was removed as a page header.
    page = f"عنوان الخبر\n\n{separator}\n\n{PARAGRAPH}\n\n{PARAGRAPH.replace('الوزير', 'الرئيس')}\n"
    cleaned = clean_page(page)
    assert cleaned.title == "عنوان الخبر"
    assert cleaned.text.startswith("عنوان الخبر\n")
    assert PARAGRAPH in cleaned.text and not cleaned.removed


def test_direction_marks_around_paragraphs_hide_neither_full_stop_nor_headline():
    # A paragraph in RLE ... PDF, or ending in an RLM, read as a headline: the real one went.
    first, second = (
        f"\u202b{PARAGRAPH}\u202c",
        f"\u200e{PARAGRAPH.replace('الوزير', 'النائب')}\u200f",
    )
    page = f"\u200fعنوان مع علامة\u200f\n\n{first}\n\n{second}\n"
    cleaned = clean_page(page)
    assert cleaned.title == "\u200fعنوان مع علامة\u200f"
    assert cleaned.text == f"\u200fعنوان مع علامة\u200f\n{first}\n{second}"
