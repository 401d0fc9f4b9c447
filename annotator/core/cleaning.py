"""Scraped-page cleaning: keep the article, drop the page around it.

A model of a news page rather than one site's lists. Every non-empty line is a
paragraph. Then:

1. Wording marks what is plainly not article text (``page_lines``): share
   bars, menus, cookie notices, app banners, newsletter boxes, image credits,
   tags, comment counts, legal lines; fragments glued onto a paragraph end
   ("تشغيل الفيديو") are cut. A list heading ("اقرأ أيضا", "الأكثر قراءة",
   "Related") opens a link list: title-like items, each optionally followed
   by one teaser (if the first title has none, no title has), until a
   paragraph that is neither. A sentence where a title is due, or one that
   opens as a statement ("قال", "وأضاف", "..., he said."), is never an item:
   it ends the list and is article text. Paragraphs equal to ones
   already seen are a repeat when two or more come in a row (pages often hold
   the body twice); a single one (a quote said twice) stays, but weighs
   nothing in the search for the body.
   Bylines, dates, datelines and source lines (``page_meta``) go too, but
   what they say goes into ``meta`` (``author``, ``published``, ``source``).
2. The body is the run of sentence-like paragraphs: the stretch of the page
   whose lines speak most for being article text (``page_lines.body_weight``:
   paragraphs ending in a full stop for it, short lines without one against;
   the largest-sum stretch, so a subheading or a one-line quote inside the
   body stays while menus before it and link lists after it fall outside).
3. The headline is the title-like line right before the body, not the first
   line of the page. Lines before it are page header; a block of short
   headline-like lines after the body is a related-stories list; other lines
   after the body are page footer.

The headline and the body paragraphs, joined by one LF, are the text.
Everything removed is reported with its line number and the rule that
removed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.lazy_re import LazyPattern
from annotator.core.page_lines import (
    body_weight,
    furniture_kind,
    is_list_heading,
    is_question,
    is_title_like,
    one_page,
    opens_statement,
    searched_on,
    split_words,
    words,
)
from annotator.core.page_meta import dateline_source, read_meta_line
from annotator.core.text import collapse_spaces, has_visible_text, has_words

# Fragments that page furniture glues onto the end of a paragraph.
_GLUED_TAIL = LazyPattern(
    r"\s*(?:تشغيل الفيديو|شاهد الفيديو|مشاهدة الفيديو|play video|watch video|"
    r"اقرأ المزيد|read more)\s*$",
    re.IGNORECASE,
)
# "المصدر : الجزيرة + وكالات" alone, or glued after a sentence end.
_SOURCE_TAIL = LazyPattern(
    r"(?:^|(?<=[.!?؟…»”\"')]))\s*(?:المصدر|المصادر|source)\s*[:：]\s*(?P<source>[^.\n]{1,80}?)\s*$",
    re.IGNORECASE,
)
_SOURCE_WORDS = ("المصدر", "المصادر", "source")
# The last letters of the glued fragments, lowered: IGNORECASE matches no other character to
# "o" or "e" (its extra equivalences are for i, s, k and Greek letters).
_GLUED_LAST = "ودoe"
_TAIL_WINDOW = 40  # the longest glued fragment, with its spaces, fits in this

_HEADLINE_MAX_WORDS = 20

# Reasons in the report.
GLUED = "glued fragment"
SOURCE_LINE = "source line"
FURNITURE = "furniture line"
LINK_LIST = "link-list line"
REPEAT = "repeated paragraph"
META_LINE = "byline or date line"
BEFORE_TITLE = "page header"
RELATED = "related-stories list"
AFTER_BODY = "page footer"
AUTHOR_BIO = "author bio"

# What a removed line weighs in the search for the body. Link lists and meta lines sit inside
# or right around articles ("اقرأ أيضا" between two paragraphs): they do not split a body.
_REMOVED_WEIGHT = {LINK_LIST: 0.0, META_LINE: 0.0, SOURCE_LINE: 0.0}
_OTHER_REMOVED_WEIGHT = -1.0
_META_KEYS = ("source", "published", "author")


@dataclass(frozen=True, slots=True)
class Removal:
    line: int  # 1-based line in the decoded text
    reason: str
    text: str


@dataclass
class Cleaned:
    """The cleaned article: text (paragraphs separated by one LF) and what went.

    ``meta`` holds what bylines, dates and source lines said (``source``,
    ``published``, ``author``); ``source`` repeats ``meta["source"]``.
    """

    text: str
    title: str | None
    source: str | None
    removed: list[Removal] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    has_body: bool = True  # False: no sentence-like paragraph, only the wording rules applied

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        return counts


@dataclass(slots=True)
class _Line:
    number: int
    text: str
    reason: str | None = None  # None: kept so far
    meta: dict[str, str] | None = None
    echo: bool = False  # a single paragraph said before: kept, but no evidence of a body

    @property
    def weight(self) -> float:
        if self.reason is None:
            return 0.0 if self.echo else body_weight(self.text)
        return _REMOVED_WEIGHT.get(self.reason, _OTHER_REMOVED_WEIGHT)


def _may_end_glued(paragraph: str) -> bool:
    """Whether ``_GLUED_TAIL`` can match: the paragraph ends in a fragment's last letter."""
    last = paragraph[-1:]
    return last.lower() in _GLUED_LAST or last.isspace()


def _is_headline_like(paragraph: str) -> bool:
    """Short enough to be a link title (titles often end in "؟" or have no stop)."""
    return words(paragraph) <= _HEADLINE_MAX_WORDS


class _Marker:
    """Step 1: marks each line by its wording and its place in link lists and repeats."""

    def __init__(self, page: str) -> None:
        self.searched = searched_on(page)
        self.lines: list[_Line] = []
        self.removed: list[Removal] = []
        self.seen: set[str] = set()
        self.tail_source: str | None = None
        # Link-list state: inside a list, whether the previous item was a title, and whether
        # the list's titles have teasers (None: not known before its second line).
        self.in_list = False
        self.after_title = False
        self.teasers: bool | None = None

    def strip_glued(self, line: int, paragraph: str) -> str:
        # Cheap tests first: most paragraphs end in neither a UI fragment nor a source line.
        lowered = paragraph.lower()
        if not (
            any(word in lowered for word in _SOURCE_WORDS)
            or (_may_end_glued(paragraph) and _GLUED_TAIL.search(paragraph[-_TAIL_WINDOW:]))
        ):
            return paragraph
        while True:
            if m := _GLUED_TAIL.search(paragraph):
                self.removed.append(Removal(line, GLUED, m.group().strip()))
                paragraph = paragraph[: m.start()].rstrip()
            elif m := _SOURCE_TAIL.search(paragraph):
                if self.tail_source is None:
                    self.tail_source = collapse_spaces(m.group("source"))
                self.removed.append(Removal(line, SOURCE_LINE, m.group().strip()))
                paragraph = paragraph[: m.start()].rstrip()
            else:
                return paragraph

    def feed(self, number: int, paragraph: str) -> None:
        paragraph = self.strip_glued(number, paragraph.strip())
        if not has_visible_text(paragraph):  # blank, or only direction marks and ZWSPs
            return
        line = _Line(number, paragraph)
        self.lines.append(line)
        if is_list_heading(paragraph):
            self.in_list, self.after_title, self.teasers = True, False, None
            line.reason = LINK_LIST
        elif (meta := read_meta_line(paragraph, self.searched)) is not None:
            # Bylines and dates head an article: a link list does not run on past one.
            line.reason, line.meta = META_LINE, meta
            self.in_list = False
        elif furniture_kind(paragraph, self.searched) is not None:
            line.reason = FURNITURE
        elif (key := " ".join(split_words(paragraph))) in self.seen:  # collapse_spaces
            self.in_list = False
            line.reason = REPEAT
        elif self.in_list and (is_title_like(paragraph) or not has_words(paragraph)):
            if self.after_title and self.teasers is None:
                self.teasers = False  # title after title: a list of titles alone
            self.after_title = True
            line.reason = LINK_LIST
        elif (
            self.in_list
            and self.after_title
            and self.teasers is not False
            and not opens_statement(paragraph)  # a teaser
        ):
            self.after_title, self.teasers = False, True  # the one teaser under a title
            line.reason = LINK_LIST
        else:
            self.in_list = False
            self.seen.add(key)


def _settle_repeats(lines: list[_Line]) -> None:
    """Keep a repeat that stands alone: a copy of the body is a run of repeats.

    Neighbours are the lines kept or repeated around it; furniture between the
    repeats of a copy (an image credit) does not break the run.
    """
    text_lines = [line for line in lines if line.reason in (None, REPEAT)]
    for i, line in enumerate(text_lines):
        if line.reason != REPEAT:
            continue
        around = text_lines[max(0, i - 1) : i] + text_lines[i + 1 : i + 2]
        if not any(x.reason == REPEAT for x in around):
            line.reason, line.echo = None, True


def _body_run(lines: list[_Line]) -> tuple[int, int] | None:
    """``[start, end)`` of the largest-weight stretch, trimmed to kept lines at both ends."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += line.weight
        if total > best:
            best, best_span = total, (start, i + 1)
    if best_span is None:
        return None
    start, end = best_span
    while start < end and not (lines[start].reason is None and lines[start].weight > 0):
        start += 1
    while end > start and not (lines[end - 1].reason is None and lines[end - 1].weight > 0):
        end -= 1
    return (start, end) if start < end else None


def _closing_line(lines: list[_Line], end: int) -> int:
    """The body's end, past a closing line that weighs against it.

    A short question ("فهل نبدأ قبل فوات الأوان؟") or a last paragraph without a
    full stop weighs against the body (headlines look like that), so one that
    ends an article falls outside the run. It belongs to the article when it
    follows the body directly and furniture or the page's end follows it; one
    followed by more headline-like lines opens a related list instead.
    """
    while end < len(lines) and lines[end].echo and lines[end].reason is None:
        end += 1  # a quote said again at the article's end
    if end >= len(lines) or lines[end].reason is not None:
        return end
    n = words(lines[end].text)
    if not ((is_question(lines[end].text) and n >= 3) or n >= 6):
        return end
    after = lines[end + 1] if end + 1 < len(lines) else None
    return end + 1 if after is None or after.reason is not None else end


def _find_title(lines: list[_Line], start: int, end: int) -> tuple[int | None, int]:
    """The headline's index (None if there is none) and where the body then starts.

    The title-like line right before the body, looking past removed lines; a
    repeat or a link-list item counts (a page may show its headline twice, or
    right after a menu entry that reads like a list heading). A bare name of
    two to four words between the headline and the body is the byline.
    Failing all that, the body's first line if it is title-like and more
    follows.
    """
    above = (i for i in range(start - 1, -1, -1) if has_words(lines[i].text))  # past "***"
    candidates = [i for i in above if lines[i].reason in (None, REPEAT, LINK_LIST)][:2]
    if candidates and is_title_like(lines[candidates[0]].text):
        at = candidates[0]
        if len(candidates) > 1 and _is_bare_byline(lines, at, candidates[1]):
            lines[at].reason, lines[at].meta = META_LINE, {"author": lines[at].text}
            at = candidates[1]
        lines[at].reason = None
        return at, start
    if end - start > 1 and is_title_like(lines[start].text):
        return start, start + 1
    return None, start


def _is_bare_byline(lines: list[_Line], at: int, above: int) -> bool:
    """A name alone (2-4 words, no digits, no punctuation) under a longer headline."""
    name, headline = lines[at].text, lines[above].text
    return (
        2 <= len(name.split()) <= 4
        and re.fullmatch(r"[^\W\d_]+(?:[ .'-][^\W\d_]+)*", name) is not None
        and is_title_like(headline)
        and len(headline.split()) > len(name.split()) + 2
        and lines[above].reason in (None, REPEAT)
    )


def _mark_outside(lines: list[_Line], first: int, end: int) -> None:
    """Give a reason to every kept line before the headline and after the body."""
    for line in lines[:first]:
        if line.reason is None:
            line.reason = BEFORE_TITLE
    after = [line for line in lines[end:] if line.reason is None]
    for i, line in enumerate(after):
        block = [
            x for x in after[max(0, i - 1) : i + 2] if _is_headline_like(x.text) and x is not line
        ]
        headline_block = _is_headline_like(line.text) and bool(block)
        line.reason = RELATED if headline_block else AFTER_BODY


def _collect_meta(
    lines: list[_Line], first: int, body_at: int, end: int, tail_source: str | None
) -> dict[str, str]:
    """What the meta lines say, nearest the article first.

    Lines between the headline and the end of the body come first, then those
    right after the body (before any other text), then the page header (whose
    date may be today's rather than the story's). Dates of related stories
    further down are not the article's.
    """
    after: list[_Line] = []
    for line in lines[end:]:
        if line.reason in (BEFORE_TITLE, RELATED, AFTER_BODY, REPEAT):
            break
        after.append(line)
    found: dict[str, str] = {}
    if tail_source:
        found["source"] = tail_source
    for line in [*lines[first:end], *after, *lines[:first]]:
        for key, value in (line.meta or {}).items():
            found.setdefault(key, value)
    if "published" not in found and "updated" in found:
        found["published"] = found["updated"]
    body = [x for x in lines[body_at:end] if x.reason is None]
    if "source" not in found and body and (agency := dateline_source(body[0].text)):
        found["source"] = agency
    return {key: found[key] for key in _META_KEYS if key in found}


def _drop_author_bio(body: list[_Line], author: str, kept: list[str]) -> list[str]:
    """Closing paragraphs that begin with the byline's name are the writer's bio, not the story."""
    for line in reversed(body):
        if line.reason is not None:
            continue
        if not line.text.startswith(author + " "):
            break
        line.reason = AUTHOR_BIO
        kept.remove(line.text)
    return kept


@one_page
def clean_page(text: str) -> Cleaned:
    """Clean a decoded, canonical page text (see module docstring)."""
    marker = _Marker(text)
    for number, raw in enumerate(text.split("\n"), start=1):
        marker.feed(number, raw)
    lines = marker.lines
    _settle_repeats(lines)
    title: str | None = None
    kept: list[str] = []
    run = _body_run(lines)
    if run is None:  # no sentence-like paragraph: no body to tell from furniture, keep all
        first, body_at, end = 0, 0, len(lines)
        kept = [line.text for line in lines if line.reason is None]
        title = kept[0] if kept else None
    else:
        title_at, body_at = _find_title(lines, *run)
        first, end = (
            (title_at if title_at is not None else body_at),
            _closing_line(lines, run[1]),
        )
        if title_at is not None:
            title = lines[title_at].text
        kept = [line.text for line in lines[first:end] if line.reason is None]
    _mark_outside(lines, first, end)
    meta = _collect_meta(lines, first, body_at, end, marker.tail_source)
    if author := meta.get("author"):
        kept = _drop_author_bio(lines[body_at:end], author, kept)
    removed = marker.removed + [
        Removal(line.number, line.reason, line.text) for line in lines if line.reason is not None
    ]
    removed.sort(key=lambda r: r.line)
    return Cleaned("\n".join(kept), title, meta.get("source"), removed, meta, run is not None)
