"""Page cleaning on pages hypothesis puts together: nothing vanishes unreported, order holds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import page_lines
from annotator.core.cleaning import clean_page
from annotator.core.text import has_visible_text

# Lines of the kinds a page holds, and arbitrary text.
_KINDS = [
    "الرئيسية",
    "سياسة",
    "Skip to main content",
    "Share on facebook",
    "اقرأ أيضا",
    "الأكثر قراءة",
    "بقلم: سارة الخطيب",
    "12 مارس 2024 - 10:45",
    "بيروت - رويترز",
    "جميع الحقوق محفوظة © 2024",
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
    "عنوان قصير لخبر آخر",
    "وقال المتحدث إن الحكومة ستعلن خطتها الأسبوع المقبل بعد مشاورات مع الأحزاب.",
    "وأضاف: «لن نتراجع».",
    "هل تنجح الهدنة؟",
    "تشغيل الفيديو",
    "المصدر: الجزيرة",
    "\u200f",
    "",
]
lines = st.one_of(st.sampled_from(_KINDS), st.text(max_size=80).map(lambda t: t.replace("\n", " ")))


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, max_size=40))
def test_every_line_is_kept_or_reported_and_order_holds(page_lines: list[str]):
    page = "\n".join(page_lines)
    cleaned = clean_page(page)
    kept = cleaned.text.split("\n") if cleaned.text else []
    removed_lines = {r.line for r in cleaned.removed}
    # Kept paragraphs come from the page, in the page's order.
    cursor = 0
    for paragraph in kept:
        while cursor < len(page_lines) and paragraph not in page_lines[cursor]:
            cursor += 1
        assert cursor < len(page_lines), paragraph
        cursor += 1
    # Every line that shows something is in the text or in the report, with its line number.
    for number, line in enumerate(page_lines, start=1):
        if has_visible_text(line.strip()):
            assert (
                line.strip() in kept
                or number in removed_lines
                or any(p and p in line for p in kept)
            ), (number, line)
    for r in cleaned.removed:
        assert r.text and r.text in page_lines[r.line - 1]
    assert cleaned.title is None or cleaned.title in kept
    assert set(cleaned.meta) <= {"source", "published", "author"}


def _page_lines() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    found = [line for p in sorted(root.glob("*.txt")) for line in p.read_text("utf-8").split("\n")]
    return [line.strip().lower() for line in found + _KINDS if line.strip()]


def test_lines_the_searched_furniture_patterns_find_all_hold_a_needle():
    """The needle scan lets lines skip the searches: it must never skip a line they would find."""
    found = 0
    for line in _page_lines():
        for kind, within, needles in page_lines.SEARCHED:
            if within.search(line):
                found += 1
                assert any(needle in line for needle in needles), (kind, line)
    assert found >= 20
