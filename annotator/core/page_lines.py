"""What a line of a news page looks like: sentence, headline, or furniture of some kind.

The cleaning model (``cleaning``) decides by the shape of the page; this module
holds what it needs to know about one line on its own:

* its *weight* as body text: sentence-like paragraphs (ending in a full stop,
  or long) count for the body, short lines without one count against it;
* whether it is *title-like* (short, no full stop at the end);
* whether it is *furniture* by its wording, for the furniture that looks like
  a sentence (cookie notices, newsletter boxes, legal lines) or sits inside
  the body (image credits, "read also" links, advertisement labels). The
  wording is grouped by what the line is for, in Arabic and English, not by
  site.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

from annotator.core.lazy_re import LazyPattern
from annotator.core.text import has_words, strip_direction_marks

T = TypeVar("T")

# A closing quote or bracket may follow the stop, and so may a short note in brackets
# ("... القوات. (رويترز)" would be a credit; "... القوات. (22)" a numbered copy).
_CLOSERS = "'\"»”’)]"
_CLOSE = r"['\"»”’)\]]*(?:\s*\([^()]{1,30}\))?$"
_SENTENCE_END = LazyPattern(r"[.!?؟…:]" + _CLOSE)
_FULL_STOP = LazyPattern(r"(?:(?<!\.)\.|…)" + _CLOSE)  # not "..": headlines use it
_QUESTION = LazyPattern(r"[؟?!]['\"»”’)\]]*$")
# The characters each of them can end a line with (a note in brackets ends in ")").
_SENTENCE_LAST = ".!?؟…:" + _CLOSERS
_FULL_STOP_LAST = ".…" + _CLOSERS
_QUESTION_LAST = "؟?!" + _CLOSERS
_LIST_ITEM = LazyPattern(r"[-–•*▪·]\s|[\d٠-٩]{1,2}\s*[.)\-–]\s")
_END = 48  # characters at a line's end that hold its stop, closing quotes and a note in brackets

TITLE_MAX_WORDS = 25

AGENCIES = (
    r"رويترز|أ ف ب|أ\.ف\.ب|فرانس برس|وكالة الصحافة الفرنسية|الأناضول|أسوشيتد برس|أ ب|"
    r"أ ش أ|د ب أ|وام|واس|سانا|بترا|قنا|كونا|بنا|العمانية|الأنباء الكويتية|وفا|إرنا|سبوتنيك|"
    r"شينخوا|يونهاب|وكالات|الوكالات|reuters|afp|ap|associated press|anadolu|xinhua|epa|"
    r"getty images|getty|غيتي"
)
"""News agencies as pages name them in datelines and image credits (lower case)."""
"""Longer lines are paragraphs even without a full stop."""

# Furniture by wording. Whole-line patterns, case-insensitive; each list is one kind.
_FURNITURE_KINDS: dict[str, tuple[str, ...]] = {
    "share": (
        r"(?:share|شارك|شاركها|مشاركة|انشر|نشر)(?: (?:on|via|this|عبر|على|في|الخبر|المقال))? ?\S*",
        r"(?:facebook|twitter|x|whatsapp|telegram|email|e-mail|print|linkedin|reddit|pinterest|"
        r"messenger|copy link|فيسبوك|فيس بوك|تويتر|إكس|واتساب|واتس اب|تلغرام|تيليغرام|تليجرام|"
        r"بريد إلكتروني|البريد الإلكتروني|طباعة|نسخ الرابط|تم نسخ الرابط)"
        r"(?:\s*[|•·/]\s*\S+){0,8}",
        r"(?:رابط مختصر|الرابط المختصر|short link|shortlink|permalink)"
        r"(?: للمادة| للخبر)?\s*[:：]?.*",
        r"https?://\S+",
        r"(?:تابعونا|تابعنا|تابعوا|تابع|follow us|follow)\s+(?:\S+\s+){0,6}"
        r"(?:على|عبر|on|via)\s+.{0,60}",
        r"(?:حجم الخط|تكبير الخط|تصغير الخط|font size|a\+|a-)(?:\s+\S+){0,3}",
    ),
    "navigation": (
        r"(?:(?:skip|jump) to (?:the )?(?:main )?content|skip navigation|"
        r"(?:انتقل|الانتقال|تخطى|تخطي|تجاوز|اذهب|انتقال) (?:(?:إلى|الى) (?:ال)?محتوى|للمحتوى)"
        r"(?: الرئيسي)?)",
        r"(?:الرئيسية|home|homepage|الصفحة الرئيسية)(?:\s*[>»/|›]\s*[^>»/|›]{1,40}){0,6}",
        r"(?:القائمة|menu|بحث|search|ابحث|تسجيل الدخول|تسجيل|login|log in|sign in|"
        r"الاشتراك|english|عربي|français|en|ar|بث مباشر|live|مباشر|العودة إلى الأعلى|"
        r"back to top|أعلى الصفحة|التالي|السابق|next|previous|المزيد|more|loading\.*|"
        r"جار التحميل\.*|جاري التحميل\.*)",
        # A site's section names alone ("أخبار العالم", "العالم العربي"): a menu entry or a
        # breadcrumb, never a headline.
        r"(?:أخبار |news: )?(?:أخبار|الأخبار|آخر الأخبار|سياسة|السياسة|اقتصاد|الاقتصاد|رياضة|"
        r"الرياضة|ثقافة|منوعات|العالم|عربي|دولي|عربي ودولي|محليات|تكنولوجيا|صحة|علوم|رأي|"
        r"الرأي|مقالات|فيديو|الشرق الأوسط|news|world|politics|business|economy|sport|sports|"
        r"opinion|video|culture|health|science|technology|tech|middle east)"
        r"(?: (?:العربي|عربية|العربية|دولية|الدولية|محلية|المحلية|العالم|العالمية|news))?",
        r"(?:أقسام|الأقسام|أقسام الموقع|القائمة الرئيسية|الأقسام الرئيسية|sections|main menu)",
        # A row of menu items: at least three short items between separators.
        r"[^|•·]{1,30}(?:\s*[|•·]\s*[^|•·]{1,30}){2,}",
    ),
    "byline label": (r"(?:role|الوظيفة|المنصب|الصفة)\s*[:：،,].*",),
    "advertisement": (
        r"[-–— ]*(?:logo|شعار|advertisement|advertising|ad|إعلان|اعلان|إعلانات|sponsored|"
        r"محتوى مدعوم|محتوى ممول|مدعوم)[-–— ]*",
    ),
    "legal": (
        r"~(?:©|جميع الحقوق محفوظة|كل الحقوق محفوظة|الحقوق محفوظة|all rights reserved|"
        r"copyright)",
        r"~(?:يمنع نسخ|يُمنع نسخ|يحظر نسخ|يُحظر نسخ|لا يجوز نسخ|يمنع إعادة نشر|يحظر إعادة نشر|"
        r"may not be reproduced|without (?:prior )?written permission)",
        r"~(?:تعبر عن رأي كاتب|لا تعكس بالضرورة|لا تعبر بالضرورة|do not necessarily reflect|"
        r"the views expressed)",
        r"(?:سياسة الخصوصية|شروط الاستخدام|شروط الخدمة|اتصل بنا|من نحن|أعلن معنا|"
        r"privacy policy|terms of (?:use|service)|contact us|about us|advertise with us)"
        r"(?:\s*[|•·-]?\s*\S+){0,10}",
    ),
    "comments": (
        r"~(?:لن يتم نشر عنوان بريدك الإلكتروني|your email address will not be published|"
        r"الحقول الإلزامية مشار إليها|required fields are marked)",
        r"\(?[\d٠-٩]+\)?\s*(?:تعليق|تعليقات|تعليقا|تعليقاً|comments?|ردود|ردا|رد)",
        r"(?:تعليقات|التعليقات|comments|الردود)\s*[:：]?\s*\(?[\d٠-٩]+\)?",
        r"(?:لا توجد تعليقات|no comments(?: yet)?|كن أول من يعلق|be the first to comment|"
        r"أضف تعليقك|add a comment|اكتب تعليقك|write a comment|إرسال التعليق|post comment|"
        r"إرسال|submit|send)\W*",
    ),
    "subscription": (
        r"~(?:هذا المقال|هذه المقالة|هذا المحتوى|هذه المادة|this article|this story)"
        r"\s+(?:\S+\s+){0,2}(?:للمشتركين|لمشتركي|for subscribers|subscribers only)",
        r"~(?:للاشتراك|اشترك الآن|subscribe now)",
        r"(?:اشترك|اشتركوا|اشتركي)\s+(?:الآن|الان|مجانا|مجاناً|في (?:النشرة|نشرتنا|قناتنا|خدمة)|"
        r"ليصلك|لتصلك|لتحصل).*",
        r"(?:subscribe|sign up)\b.*",
        r"~(?:النشرة البريدية|النشرة الإخبارية|نشرتنا|newsletter|بريدك الإلكتروني|"
        r"your inbox|enter your email|أدخل بريدك)",
    ),
    "app banner": (
        r"~(?:تطبيق|app\b).{0,120}(?:آيفون|ايفون|أندرويد|اندرويد|iphone|android|ios|"
        r"app store|google play|آب ستور|غوغل بلاي|جوجل بلاي|متجر)",
        r"(?:حمّل|حمل|نزّل|نزل|download|get)\s+(?:\S+\s+){0,2}(?:تطبيق|التطبيق|تطبيقنا|app)\b.{0,120}",
    ),
    "cookie notice": (
        r"~(?:ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|cookies?)",
        r"(?:أوافق|موافق|قبول|قبول الكل|رفض|إعدادات|accept|accept all|i agree|agree|ok|"
        r"reject|settings|manage preferences|إدارة التفضيلات)\W*",
    ),
    "read more": (
        r"(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد)\s*[:：]\s*.+",
        r"(?:read (?:also|more)|see also|related|more on this)\s*[:：]\s*.+",
        r"(?:اقرأ المزيد|إقرأ المزيد|read more|continue reading|تابع القراءة|"
        r"أكمل القراءة|المزيد من \S+(?: \S+)?)\W*",
        r"(?:استمع|استمع للمقال|listen(?: to (?:this )?article)?|شاهد|watch|تشغيل|play|"
        r"تشغيل الفيديو|play video)(?:\s+\S+){0,3}",
        r"[\d٠-٩]{1,2}:[\d٠-٩]{2}",  # a video's duration
    ),
    "tags": (
        r"(?:الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية|كلمات دلالية|مواضيع|المواضيع|"
        r"tags|topics|tagged)\s*[:：].*",
        r"#\S+(?:\s+#\S+)*",
    ),
    "reading time": (
        r"(?:وقت القراءة\s*[:：]?\s*)?[\d٠-٩]+\s*(?:دقائق|دقيقة|min(?:ute)?s?)\s*"
        r"(?:قراءة|للقراءة|read)?",
        r"(?:منذ|قبل)\s+[\d٠-٩]*\s*(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|ساعتين|يوم|أيام|يومين)",
        r"[\d٠-٩]+\s*(?:minutes?|hours?|days?)\s+ago",
        r"[\d٠-٩]{1,2}",  # the rank of a most-read item
        r"[\d٠-٩]{1,3}\s*(?:/|من|of)\s*[\d٠-٩]{1,3}",  # a photo gallery's counter
    ),
    "image credit": (
        r"(?:صورة|الصورة|صور|تصوير|المصور|صدر الصورة|مصدر الصورة|التعليق على الصورة|"
        r"تعليق الصورة|photo|image|picture|credit|photograph|image source|image caption|caption)"
        r"\s*[:：،,].*",
        r"~\((?:[^()]{0,40}\b(?:" + AGENCIES + r"|أرشيف|أرشيفية|archive|مواقع التواصل|social media)"
        r"\b[^()]{0,40})\)\W*$",
        r"~(?:via getty images|/\s*afp|/\s*reuters|صورة أرشيفية|صورة تعبيرية)\W*$",
    ),
}


# Every match of a kind's searched patterns holds one of the kind's needles: a line without
# any (most body paragraphs) skips that search; "in" tests cost a tenth of the search.
_NEEDLES: dict[str, tuple[str, ...]] = {
    "legal": (
        "©",
        "الحقوق",
        "rights",
        "copyright",
        "نسخ",
        "إعادة نشر",  # not "نشر" alone: every news page deploys, spreads and publishes
        "reproduced",
        "permission",
        "رأي كاتب",
        "بالضرورة",
        "necessarily",
        "views expressed",
    ),
    "comments": ("بريدك", "email", "الإلزامية", "required"),
    "subscription": (
        "مشترك",
        "subscri",
        "اشتراك",
        "اشترك",
        "النشرة",
        "نشرتنا",
        "newsletter",
        "بريدك",
        "inbox",
        "email",
    ),
    "app banner": ("تطبيق", "app"),
    "cookie notice": ("الارتباط", "الكوكيز", "cookie"),
    "image credit": ("(", "getty", "/", "صورة"),
}


# A line's word count and full stop are asked for by several rules (four splits a line):
# each is worked out once while a page is cleaned. ``one_page`` empties the memo at a page's
# start and end, so nothing is carried from one page to the next; it is bounded all the same.
_MEMO = 4096


@functools.lru_cache(maxsize=_MEMO)
def split_words(line: str) -> tuple[str, ...]:
    """The line's words (``str.split``): counted by the rules, joined for comparing repeats."""
    return tuple(line.split())


def words(line: str) -> int:
    return len(split_words(line))


def _may_end(line: str, last: str) -> bool:
    """Whether a pattern anchored at the end (``$``) and ending in one of ``last`` can match.

    Most lines end in a letter: their last character says no without the
    search (``$`` also matches before a final newline, which lines lack).
    """
    return line[-1:] in last or line.endswith("\n")


@functools.lru_cache(maxsize=_MEMO)
def _full_stop(line: str) -> bool:
    return _may_end(line, _FULL_STOP_LAST) and _FULL_STOP.search(line[-_END:]) is not None


def one_page(clean: Callable[[str], T]) -> Callable[[str], T]:
    """``clean`` of a page with the memo of word counts and full stops emptied before and after."""

    @functools.wraps(clean)
    def cleaned(page: str) -> T:
        split_words.cache_clear()
        _full_stop.cache_clear()
        try:
            return clean(page)
        finally:
            split_words.cache_clear()
            _full_stop.cache_clear()

    return cleaned


def _sentence_end(line: str) -> bool:
    return _may_end(line, _SENTENCE_LAST) and _SENTENCE_END.search(line[-_END:]) is not None


# Kinds whose lines read as sentences; the other kinds are labels and buttons, and a
# short line ending in a full stop ("شاهد عيان قال.") is never one of those.
_SENTENCE_KINDS = frozenset(
    {"legal", "comments", "subscription", "app banner", "cookie notice", "image credit"}
)


# Patterns starting with "~" are searched for anywhere in the line (a cookie notice is a
# sentence about cookies); the others must match the whole line. Both are matched against the
# lowered line without IGNORECASE: case-folding every Arabic letter made them five times slower.
def _whole_lines(kinds: tuple[str, ...]) -> LazyPattern:
    """The kinds' whole-line patterns in one, a named group a kind: one call, not fourteen."""
    groups = [
        f"(?P<k{_KINDS.index(kind)}>" + "|".join(f"(?:{p})" for p in patterns) + ")"
        for kind in kinds
        if (patterns := [p for p in _FURNITURE_KINDS[kind] if not p.startswith("~")])
    ]
    return LazyPattern("|".join(groups))


_KINDS = tuple(_FURNITURE_KINDS)
_WHOLE_ANY = _whole_lines(_KINDS)
_WHOLE_SENTENCE = _whole_lines(tuple(k for k in _KINDS if k in _SENTENCE_KINDS))
SEARCHED = tuple(
    (kind, LazyPattern("|".join(f"(?:{p[1:]})" for p in searched)), _NEEDLES[kind])
    for kind in _KINDS
    if (searched := [p for p in _FURNITURE_KINDS[kind] if p.startswith("~")])
)


Searched = tuple[tuple[str, LazyPattern, tuple[str, ...]], ...]
"""Kinds found by a search within the line: (kind, pattern, needles one of which it holds)."""


def searched_on(page: str) -> Searched:
    """The searched kinds a line of ``page`` can be, each with only the needles the page holds.

    A needle the page lacks is in none of its lines, so a page's lines test a
    few needles instead of each line all 33 (the needle tests were half of
    ``furniture_kind``). Lowering is per character, but for the Greek final
    sigma, which no needle holds: the lowered line is part of the lowered page.
    """
    page = page.lower()
    return tuple(
        (kind, within, present)
        for kind, within, needles in SEARCHED
        if (present := tuple(needle for needle in needles if needle in page))
    )


def furniture_kind(line: str, searched: Searched = SEARCHED) -> str | None:
    """The kind of page furniture the line's wording says it is, if any.

    ``searched``: ``searched_on`` the page the line is part of, if known.
    """
    n = words(line)
    if n > 60:  # no furniture is a long paragraph; skip the patterns
        return None
    sentence = n >= 4 and _full_stop(line)
    line = line.lower()
    if m := (_WHOLE_SENTENCE if sentence else _WHOLE_ANY).fullmatch(line):
        group = next(name for name, value in m.groupdict().items() if value is not None)
        return _KINDS[int(group[1:])]
    for kind, within, needles in searched:
        if any(needle in line for needle in needles) and within.search(line):
            return kind
    return None


# Headings that open a block of links (or a comment form) rather than text.
_LIST_HEADINGS = LazyPattern(
    r"(?:حول هذه القصة|حول هذا الموضوع|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ ايضا|"
    r"مواضيع ذات صلة|أخبار ذات صلة|مقالات ذات صلة|قصص ذات صلة|ذات صلة|الأكثر قراءة|"
    r"الأكثر مشاهدة|الأكثر تداولا|الأكثر تداولاً|الأكثر شعبية|الأكثر تعليقا|آخر الأخبار|"
    r"أحدث الأخبار|المزيد من الأخبار|المزيد من \S+|قد يعجبك أيضا|قد يهمك أيضا|قد يهمك|"
    r"شاهد أيضا|اخترنا لك|موضوعات متعلقة|أخبار متعلقة|"
    r"اترك تعليقاً|اترك تعليقا|أضف تعليقاً|أضف تعليقا|التعليقات|"
    r"related|related stories|related articles|related news|related topics|read also|read more|"
    r"see also|more stories|more from \S+|you may also like|recommended|most read|most popular|"
    r"most viewed|trending|trending now|latest news|latest|top stories|leave a comment|"
    r"leave a reply|comments)"
    r"\s*[:：]?",
    re.IGNORECASE,
)


def is_list_heading(line: str) -> bool:
    """A heading that opens a block of links or a comment form ("اقرأ أيضا", "Related")."""
    return _LIST_HEADINGS.fullmatch(line) is not None


# How an article's own statement opens: a verb of saying, or a word that goes on from the
# paragraph before ("وأضاف", "فيما"); in English, an attribution at the end ("..., he said.").
# A teaser of another story opens with its own subject instead.
_STATEMENT = LazyPattern(
    r"^(?:[وف]?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أشار|أشارت|أوضح|أوضحت|تابع|تابعت|لفت|لفتت|"
    r"شدد|شددت|اعتبر|اعتبرت|أعلن|أعلنت|ذكر|ذكرت|نقل|نقلت|نفى|نفت|يقول|تقول)|وكان|وكانت|"
    r"وفي|فيما|كما|لكن|ولكن|غير أن|من جانبه|من جهته|في المقابل)(?=\s|$|[،,:])"
    r"|\b(?:said|says|told|added)\b(?:\s+\S+){0,3}[.\"”’']*$",
    re.IGNORECASE,
)


def opens_statement(line: str) -> bool:
    """Opens as an article's own statement: never a link title's teaser (see ``cleaning``)."""
    return _STATEMENT.search(line) is not None


def is_question(line: str) -> bool:
    """Ends in a question or exclamation mark: a headline's way, or an article's last word."""
    return _may_end(line, _QUESTION_LAST) and _QUESTION.search(line[-_END:]) is not None


def is_title_like(line: str) -> bool:
    """Short and without a full stop at the end: a headline (questions and quotes allowed).

    A line ending in a colon introduces what follows ("بغداد - زينب الربيعي:"): not a headline.
    Nor is a line with no letter or digit ("...", "***" between headline and body).
    """
    line = strip_direction_marks(line)  # "\u202b...\u202c" hid the full stop
    n = words(line)
    good = 1 <= n <= TITLE_MAX_WORDS and has_words(line)
    return good and not _full_stop(line) and not line.endswith(":")


def body_weight(line: str) -> float:
    """How much a kept line speaks for being article body (negative: against).

    A paragraph ending in a full stop counts its words; a fully quoted one too,
    and one ending in a colon (it leads into a quote or a list). A question or
    exclamation counts only beyond headline length, since headlines ask
    questions; a short line without a full stop is a headline, a menu item or
    a label, and counts against, unless it is an item of a bulleted or
    numbered list, which articles hold as well as menus: neutral.
    """
    line = strip_direction_marks(line)  # "\u202b...\u202c" hid the full stop
    n = words(line)
    quoted = line.startswith(("«", '"', "“")) and line.endswith(("»", '"', "”"))
    if _full_stop(line) or (quoted and n >= 4) or (n >= 2 and line.endswith(":")):
        return float(n)
    if _sentence_end(line):
        weight = float(n - 12)
    elif n > TITLE_MAX_WORDS:
        weight = float(n - 15)
    else:
        weight = -3.0
    return max(weight, 0.0) if _LIST_ITEM.match(line) else weight
