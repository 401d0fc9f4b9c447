"""Encoding detection: one article, many encodings, one stored text."""

from __future__ import annotations

import codecs

import pytest

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
