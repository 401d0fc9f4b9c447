"""Encoding detection: one article, many encodings, one stored text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.decoding import decode_bytes
from annotator.core.errors import InputError
from annotator.core.importing import read_text


def _cp1256_safe(text: str) -> str:
    # Windows-1256 has no curly double quotes or ©; a real cp1256 page uses these.
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("©", "(c)")


@pytest.fixture(scope="module")
def article(sample_text: str) -> str:
    return _cp1256_safe(sample_text)


def variants(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 BOM CRLF": codecs.BOM_UTF8 + crlf.encode("utf-8"),
        "windows-1256": text.encode("cp1256"),
        "windows-1256 CRLF": crlf.encode("cp1256"),
        "iso-8859-6": text.encode("iso8859_6"),
        "utf-16 BOM": text.encode("utf-16"),
        "utf-16-le no BOM": text.encode("utf-16-le"),
        "utf-16-be BOM CRLF": codecs.BOM_UTF16_BE + crlf.encode("utf-16-be"),
        "utf-32 BOM": text.encode("utf-32"),
    }


@pytest.mark.parametrize("clean", [True, False])
def test_every_encoding_gives_the_identical_stored_text(article: str, clean: bool):
    expected = read_text(article.encode("utf-8"), clean=clean).document.text
    for name, data in variants(article).items():
        got = read_text(data, clean=clean).document.text
        assert got == expected, f"{name} differs"


def test_iso_8859_6_short_arabic_text():
    text = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم، منها أراض قريبة."
    assert decode_bytes(text.encode("iso8859_6")).text == text


def test_detected_encoding_is_reported(article: str):
    assert decode_bytes(article.encode("cp1256")).encoding == "cp1256"
    assert decode_bytes(article.encode("utf-8")).encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (codecs.BOM_UTF8 + b"\n\n", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (bytes(range(256)) * 8, "binary file"),
    ],
)
def test_refused_inputs(data: bytes, message: str):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_broken_utf8_names_the_line():
    good = "سطر عربي صحيح تماما\n" * 20
    data = good.encode("utf-8") + b"\xd8 broken\n" + good.encode("utf-8")
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    assert info.value.line == 21
    assert "invalid UTF-8" in info.value.message


# Words of news copy, for headlines and paragraphs; every letter and the hamza forms occur.
_NEWS_COPY = (
    "الأمم المتحدة قلقة اشتباكات عنيفة ليلا الرئيس يلتقي وزير الخارجية ارتفاع أسعار النفط "
    "عالميا انتخابات برلمانية في العراق قمة عربية الرياض الشهر المقبل زلزال يضرب جنوب تركيا "
    "مقتل خمسة غارة على غزة البنك المركزي يرفع الفائدة الدفاع لا تراجع قال أكد أن إن الحكومة "
    "ظروف صعبة غاضبون طائرات ضحايا ذكرت مصادر ثلاثة مؤتمر سئل رئيس الوزراء إسرائيل فلسطين "
    "بغداد القاهرة دمشق بيروت عمان الخرطوم طرابلس مسؤول أمني شهود عيان الجيش القوات هدنة "
    "اتفاق مفاوضات جديدة بين الطرفين منذ يوم أمس اليوم غدا مساء صباح عاجل مباشر تقرير خاص "
    "الشرطة اعتقلت متظاهرين احتجاجات واسعة الاقتصاد التضخم البطالة الشباب الصحة مستشفى "
    "لاجئون مخيم مساعدات إنسانية الهلال الأحمر ظلام كهرباء ماء قطع شتاء بارد ضحى غيوم "
    "أذربيجان أرمينيا قره باغ الروسية واشنطن موسكو بكين باريس لندن برلين الأوروبي صفقة "
    "مليار دولار ريال دينار جنيه نسبة بالمئة سنوات عام أعوام"
)
NEWS_WORDS = tuple(_NEWS_COPY.split())
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859-6")


@st.composite
def arabic_texts(draw: st.DrawFn, min_words: int = 1) -> str:
    """A headline (a few words) or paragraphs (many, with punctuation and line breaks)."""
    words = draw(st.lists(st.sampled_from(NEWS_WORDS), min_size=min_words, max_size=60))
    seps = draw(
        st.lists(
            st.sampled_from(
                [" "] * 8 + ["، ", ". ", "\n", ": ", "؟ ", " 12 ", " بـ ", " (Reuters) ", " NATO "]
            ),
            min_size=len(words),
            max_size=len(words),
        )
    )
    return "".join(w + s for w, s in zip(words, seps, strict=True)).strip()


@settings(max_examples=300, deadline=None)
@given(text=arabic_texts(), encoding=st.sampled_from(ENCODINGS[:5]))
def test_any_arabic_text_in_utf8_or_utf16_decodes_to_the_same_text(text: str, encoding: str):
    assert decode_bytes(text.encode(encoding)).text == text


@settings(max_examples=300, deadline=None, derandomize=True)  # 1 in 6,000 texts is ambiguous
@given(text=arabic_texts(min_words=4), encoding=st.sampled_from(ENCODINGS[5:]))
def test_headlines_and_paragraphs_in_arabic_code_pages_decode_to_the_same_text(
    text: str, encoding: str
):
    # One or two words can be a real word in either code page ("ظلام" in Windows-1256 is
    # "عفاك" in ISO-8859-6): from four words on, the letter pairs tell them apart.
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_trial_headlines(encoding: str):
    headlines = [
        "الأمم المتحدة قلقة", "اشتباكات عنيفة ليلا", "عاجل", "قره باغ", "ظلام في القاهرة",
        "وزير الدفاع: لا تراجع", "الرئيس يلتقي وزير الخارجية", "مقتل خمسة في غارة على غزة",
    ]  # fmt: skip
    for headline in headlines:
        assert decode_bytes(headline.encode(encoding)).text == headline, headline


@pytest.mark.parametrize(
    "text",
    [
        "Armenia denies firing missiles",
        "Le ministre a déclaré qu'il était « très préoccupé » par la crise à Genève.",
        "École fermée à Nîmes après l'orage",
        "Ça suffit",
        "Über die Lage in Köln",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])
def test_latin_script_texts_still_come_out_right(text: str, encoding: str):
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["cp720", "mac-arabic"])
def test_dos_and_mac_arabic_files_are_read(encoding: str):
    text = "قال الرئيس إن المحادثات مستمرة بين الطرفين في القاهرة منذ ٢٠٢٤"
    if encoding == "cp720":
        text = text.replace("٢٠٢٤", "2024")  # DOS Arabic has no Arabic-Indic digits
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "data",
    [
        "قال\x00 الوزير".encode(),
        "قال\x00الوزير".encode(),
        b"hello \x00world",
        ("قال الوزير إن المحادثات مستمرة.\n" * 30 + "\x00").encode(),
    ],
)
def test_a_nul_in_utf8_is_one_clear_error_naming_the_line(data: bytes):
    with pytest.raises(InputError, match="NUL character") as info:
        decode_bytes(data)
    assert info.value.line == data[: data.index(b"\x00")].count(b"\n") + 1


def test_bytes_no_candidate_reads_as_text_are_refused():
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(bytes(range(32)) * 4)


def test_a_stray_control_character_in_short_utf8_is_still_utf8():
    # A DOS end-of-file mark after a headline: valid UTF-8 wins over any code page.
    assert decode_bytes("عاجل\x1a".encode()).encoding == "utf-8"


def test_a_long_english_preamble_does_not_hide_the_code_page():
    text = "Mirrored from the wire service; no changes made.\n" * 6000
    text += "قالت وزارة الدفاع إن القتال اندلع في عدة أماكن، منها أراض قريبة من الحدود.\n" * 20
    assert decode_bytes(text.encode("iso8859-6")).text == text


@pytest.mark.parametrize(
    "bad", [b"\xed\xa0\x80", b"\xff", b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98"], ids=repr
)
def test_a_short_utf8_sentence_with_one_bad_sequence_names_the_line_not_binary(bad: bytes):
    data = "عنوان\n".encode() + "قال الوزير إن الحكومة ستفعل ".encode() + bad + b".\n"
    with pytest.raises(InputError) as raised:
        decode_bytes(data)
    assert "undecodable bytes: invalid UTF-8 at byte" in str(raised.value)
    assert raised.value.line == 2
