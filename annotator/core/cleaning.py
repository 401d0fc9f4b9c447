"""Scraped-page cleaning: keep the article, drop the page around it.

A scraped news page typically holds the headline and body, then "related
stories" and "most read" link lists, share buttons, a comment form, a
copyright line, and often the whole body a second time (print or AMP copy);
UI fragments such as "تشغيل الفيديو" and the source line "المصدر : الجزيرة"
end up glued onto paragraph ends.

The rules are general, not tuned to one site:

* every non-empty line is a paragraph;
* glued fragments (video captions, the source line) are cut off paragraph
  ends; the source goes to ``meta.source``;
* furniture lines (share buttons, social network names, "logo", copyright,
  short-link labels, comment-form notices, bare URLs) are dropped;
* a list heading ("حول هذه القصة", "الأكثر قراءة", "Related", "Most read", a
  comment form heading...) opens a link list: headline-like items, each
  optionally followed by one teaser, until a paragraph that is neither (body
  resumes) or a repeat of the body;
* a paragraph equal (up to white space) to one already kept is a repeat.

The headline is the first paragraph kept. Everything removed is reported
with its line number and the rule that removed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.text import collapse_spaces

# Fragments that page furniture glues onto the end of a paragraph.
_GLUED_TAIL = re.compile(
    r"\s*(?:تشغيل الفيديو|شاهد الفيديو|مشاهدة الفيديو|play video|watch video|"
    r"اقرأ المزيد|read more)\s*$",
    re.IGNORECASE,
)
# "المصدر : الجزيرة + وكالات" alone, or glued after a sentence end.
_SOURCE_TAIL = re.compile(
    r"(?:^|(?<=[.!?؟…»”\"')]))\s*(?:المصدر|المصادر|source)\s*[:：]\s*(?P<source>[^.\n]{1,80}?)\s*$",
    re.IGNORECASE,
)

_SOURCE_WORD = re.compile("المصدر|المصادر|source", re.IGNORECASE)
_TAIL_WINDOW = 40  # the longest glued fragment, with its spaces, fits in this

_FURNITURE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"(?:share|شارك|مشاركة)(?: (?:on|via|عبر|على|في))? ?\S*",
            r"(?:facebook|twitter|x|whatsapp|telegram|email|e-mail|print|linkedin|reddit|"
            r"pinterest|messenger|copy link|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليغرام|"
            r"بريد إلكتروني|البريد الإلكتروني|طباعة|نسخ الرابط)",
            r"(?:logo|شعار|advertisement|إعلان|اعلان)",
            r".*(?:©|جميع الحقوق محفوظة|all rights reserved|copyright).*",
            r"(?:رابط مختصر|الرابط المختصر|short link|shortlink)(?: للمادة| للخبر)?\s*[:：]?.*",
            r"https?://\S+",
            r".*(?:لن يتم نشر عنوان بريدك الإلكتروني|your email address will not be published|"
            r"الحقول الإلزامية مشار إليها|required fields are marked).*",
            r"(?:تابعونا|تابعنا|follow us)(?: على| on)?.*",
            r"(?:اشترك|subscribe)(?: في| to)? (?:النشرة|newsletter).*",
        )
    ),
    re.IGNORECASE,
)

# Headings that open a block of links (or a comment form) rather than text.
_LIST_HEADINGS = re.compile(
    r"(?:حول هذه القصة|حول هذا الموضوع|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ ايضا|"
    r"مواضيع ذات صلة|أخبار ذات صلة|مقالات ذات صلة|ذات صلة|الأكثر قراءة|الأكثر مشاهدة|"
    r"الأكثر تداولا|الأكثر تداولاً|الأكثر شعبية|آخر الأخبار|المزيد من الأخبار|"
    r"اترك تعليقاً|اترك تعليقا|أضف تعليقاً|أضف تعليقا|التعليقات|"
    r"related|related stories|related articles|read also|read more|see also|more stories|"
    r"most read|most popular|trending|latest news|leave a comment|leave a reply|comments)"
    r"\s*[:：]?",
    re.IGNORECASE,
)

_SENTENCE_END = ".!؟?…"
_HEADLINE_MAX_WORDS = 20


@dataclass(frozen=True, slots=True)
class Removal:
    line: int  # 1-based line in the decoded text
    reason: str
    text: str


@dataclass
class Cleaned:
    """The cleaned article: text (paragraphs separated by one LF) and what went."""

    text: str
    title: str | None
    source: str | None
    removed: list[Removal] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        return counts


def _is_furniture(paragraph: str) -> bool:
    return _FURNITURE.fullmatch(paragraph) is not None


def _is_headline_like(paragraph: str) -> bool:
    """Short enough to be a link title (titles often end in "؟" or have no stop)."""
    return len(paragraph.split()) <= _HEADLINE_MAX_WORDS


class _Cleaner:
    def __init__(self) -> None:
        self.kept: list[str] = []
        self.kept_keys: set[str] = set()
        self.removed: list[Removal] = []
        self.source: str | None = None
        # Link-list state: inside a list, and whether the previous item was a title.
        self.in_list = False
        self.after_title = False

    def remove(self, line: int, reason: str, text: str) -> None:
        self.removed.append(Removal(line, reason, text))

    def strip_glued(self, line: int, paragraph: str) -> str:
        # Cheap tests first: most paragraphs end in neither a UI fragment nor a source line.
        if not (_GLUED_TAIL.search(paragraph[-_TAIL_WINDOW:]) or _SOURCE_WORD.search(paragraph)):
            return paragraph
        while True:
            if m := _GLUED_TAIL.search(paragraph):
                self.remove(line, "glued fragment", m.group().strip())
                paragraph = paragraph[: m.start()].rstrip()
            elif m := _SOURCE_TAIL.search(paragraph):
                if self.source is None:
                    self.source = collapse_spaces(m.group("source"))
                self.remove(line, "source line", m.group().strip())
                paragraph = paragraph[: m.start()].rstrip()
            else:
                return paragraph

    def feed(self, line: int, paragraph: str) -> None:
        paragraph = self.strip_glued(line, paragraph.strip())
        if not paragraph:
            return
        key = collapse_spaces(paragraph)
        if _LIST_HEADINGS.fullmatch(paragraph):
            self.in_list, self.after_title = True, False
            self.remove(line, "link-list line", paragraph)
        elif _is_furniture(paragraph):
            self.remove(line, "furniture line", paragraph)
        elif key in self.kept_keys:
            self.in_list = False
            self.remove(line, "repeated paragraph", paragraph)
        elif self.in_list and (self.after_title or _is_headline_like(paragraph)):
            # A title, or the one teaser that follows a title.
            self.after_title = not self.after_title and _is_headline_like(paragraph)
            self.remove(line, "link-list line", paragraph)
        else:
            self.in_list = False
            self.kept.append(paragraph)
            self.kept_keys.add(key)


def clean_page(text: str) -> Cleaned:
    """Clean a decoded, canonical page text (see module docstring)."""
    cleaner = _Cleaner()
    for number, line in enumerate(text.split("\n"), start=1):
        cleaner.feed(number, line)
    title = cleaner.kept[0] if cleaner.kept else None
    return Cleaned("\n".join(cleaner.kept), title, cleaner.source, cleaner.removed)
