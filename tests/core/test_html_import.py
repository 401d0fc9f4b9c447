"""Saved web pages: article text, headline and meta out; scripts, styles, menus and asides not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.importing import collect_files, read_file, read_html

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(p for p in HTML.rglob("*.htm*") if p.with_suffix(".expected.json").exists())
SAVED = HTML / "saved_complete" / "درنة بعد الفيضان.html"

# Text of page furniture in the fixtures: none of it may reach a document.
FURNITURE = [
    "dataLayer",  # scripts
    "document.write",
    "font-family",  # styles
    "line-height",
    "تخطى إلى المحتوى",  # skip link
    "البث المباشر",  # menus
    "سياسة",
    "Politics",
    "الأكثر قراءة",  # asides
    "Most read",
    "اقرأ أيضا",
    "المغرب يدشن",
    "ملفات تعريف الارتباط",  # cookie banners
    "قبول الكل",
    "جميع الحقوق محفوظة",  # footers
    "All rights reserved",
    "حمّل تطبيق",  # app banners
    "Get our app",
    "اشترك في نشرتنا",  # newsletter boxes
    "Sign up",
    "4 تعليقات",  # comment count
    "الوسوم",  # tags
    "(أ ف ب)",  # image credits
    "(المرصد الليبي)",
    "شارك",  # share bars
    "عدد القراءات",
    "احجز رحلتك",  # the ad frame saved in PAGE_files/
]


def expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_the_fixtures_cover_the_layouts_asked_for():
    assert len(PAGES) >= 5
    raw = " ".join(p.read_bytes().decode("utf-8", "replace") for p in PAGES)
    for mark in (
        "<nav",
        "<aside",
        "<script",
        "<style",
        "ld+json",
        "cookie",
        "charset=windows-1256",
    ):
        assert mark in raw, mark
    assert SAVED in PAGES and SAVED.with_name("درنة بعد الفيضان_files").is_dir()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_article_headline_and_meta_come_out(page: Path):
    want = expected(page)
    doc = read_html(page.read_bytes(), name=page.name).document
    assert doc.text.split("\n") == [want["title"], *want["body"]]
    assert doc.meta["title"] == want["title"]
    for key, value in want["meta"].items():
        assert doc.meta[key] == value, key
    assert doc.raw is not None and "<html" in doc.raw  # the page is kept for provenance


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_furniture_reaches_the_text(page: Path):
    text = read_html(page.read_bytes()).document.text
    for fragment in FURNITURE:
        assert fragment not in text, fragment


def test_without_cleaning_the_extractors_text_is_kept_as_it_is():
    page = HTML / "daily_windows1256.html"
    doc = read_html(page.read_bytes(), clean=False).document
    assert doc.meta["title"] == expected(page)["title"]
    assert "كتب: محمود عبد الرحيم" in doc.text  # the byline stays: nothing was cleaned
    assert "cleaning" not in doc.meta and doc.meta["encoding"] == "cp1256"


def test_a_saved_complete_folder_imports_the_page_not_its_parts(tmp_path: Path):
    folder = tmp_path / "pages"
    shutil.copytree(
        HTML / "saved_complete", folder, ignore=shutil.ignore_patterns("*.expected.json")
    )
    files = collect_files([folder])
    assert files.files == [folder / SAVED.name]
    assert files.skipped == []
    # A page inside PAGE_files/ named on its own is still read: the user asked for it.
    part = folder / "درنة بعد الفيضان_files" / "saved_resource.html"
    assert collect_files([part]).files == [part]


def test_a_page_without_an_article_is_one_clear_message(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        list(read_file(HTML / "no_article.html"))
    message = str(caught.value)
    assert message == f"{HTML / 'no_article.html'}: no article text found in the page " + (
        "(only menus, scripts or links)"
    )


def test_broken_bytes_are_reported_with_file_and_line(tmp_path: Path):
    page = tmp_path / "broken.html"
    good = (HTML / "agency_article.html").read_bytes()
    at = good.index(b"<article>")
    page.write_bytes(good[:at] + b"\xff\xfe\xfa" + good[at:])
    with pytest.raises(InputError) as caught:
        list(read_file(page))
    line = good[:at].count(b"\n") + 1
    assert str(caught.value).startswith(f"{page}:{line}: undecodable bytes")
    assert "\n" not in str(caught.value)


def test_markup_the_parser_chokes_on_is_one_line_not_a_traceback(tmp_path: Path):
    page = tmp_path / "broken.html"
    page.write_bytes(b"<body><html><script>")  # lxml asserts on this tree (found by hypothesis)
    with pytest.raises(InputError) as caught:
        list(read_file(page))
    assert str(caught.value) == f"{page}: the page's markup cannot be read (AssertionError)"


def test_a_text_file_renamed_html_is_refused_plainly(tmp_path: Path):
    page = tmp_path / "article.html"
    page.write_text("قال الوزير إن الحكومة ستعلن الخطة غدا.", encoding="utf-8")
    with pytest.raises(InputError, match="not an HTML page"):
        list(read_file(page))


def test_trafilatura_is_imported_only_when_a_page_is_read():
    code = (
        "import sys, annotator.cli, annotator.core.importing as i; "
        "print('trafilatura' in sys.modules); "
        f"i.read_html(open({str(PAGES[0])!r}, 'rb').read()); "
        "print('trafilatura' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "True"]
    assert done.stderr == ""  # trafilatura's own logging stays quiet


_TAGS = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<nav>",
        "<script>",
        "</script>",
        "<article>",
        "<h1>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<meta charset='windows-1256'>",
        "<!--",
        "-->",
        "قال الوزير إن الخطة جاهزة.",
        "عنوان الخبر",
        "\u200f",
        "\x00",
        "&amp;",
        "&#xD800;",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_TAGS, st.text(max_size=20)), max_size=30),
    st.sampled_from(["utf-8", "cp1256", "utf-16"]),
)
def test_any_markup_gives_a_document_or_one_clear_error(parts: list[str], encoding: str):
    data = "".join(parts).encode(encoding, errors="replace")
    try:
        doc = read_html(data).document
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert doc.text.strip() and "\x00" not in doc.text
