"""Bylines, dates, datelines and source lines: page lines that carry meaning for ``meta``.

Such a line is not article text, but what it says (who wrote the story, when,
which agency it came from) is kept: ``read_meta_line`` turns it into
``author``, ``published`` or ``source``. A line may hold several of them
between separators ("بقلم: سارة الخطيب | 14 مارس 2024 | 3 دقائق قراءة").
Dates are given as ISO 8601 (``2024-03-14``, with the time when the page
gives one) when they can be read, else as the page wrote them.
"""

from __future__ import annotations

import re

from annotator.core.lazy_re import LazyPattern
from annotator.core.page_lines import AGENCIES, SEARCHED, Searched, furniture_kind, words

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "يناير|كانون الثاني|جانفي|january|jan",
        "فبراير|شباط|فيفري|february|feb",
        "مارس|آذار|اذار|march|mar",
        "أبريل|ابريل|إبريل|نيسان|أفريل|افريل|april|apr",
        "مايو|أيار|ايار|ماي|may",
        "يونيو|يونيه|حزيران|جوان|june|jun",
        "يوليو|يوليه|تموز|جويلية|july|jul",
        "أغسطس|اغسطس|آب|أوت|اوت|august|aug",
        "سبتمبر|أيلول|ايلول|september|sep|sept",
        "أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|october|oct",
        "نوفمبر|تشرين الثاني|november|nov",
        "ديسمبر|كانون الأول|كانون الاول|december|dec",
    ),
    start=1,
):
    for _name in _names.split("|"):
        _MONTHS[_name] = _number

_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?"
_DATES = (
    LazyPattern(
        rf"(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{_MONTH})\.?(?:\s*/\s*(?:{_MONTH}))?"
        rf"\s*,?\s*(?P<year>\d{{4}})",
        re.I,
    ),
    _MONTH_FIRST := LazyPattern(
        rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})", re.I
    ),
    LazyPattern(r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})"),
    LazyPattern(r"(?P<day>\d{1,2})[-/.](?P<mon>\d{1,2})[-/.](?P<year>\d{4})"),
)
# What a month-first date ("March 14, 2024") holds after its month. That pattern tries every
# month name at every position of the line (10 us a line with a year in it): looked for only
# where this, searched from digit to digit, is found.
_DAY_THEN_YEAR = LazyPattern(r"\d,?\s+\d{4}")
# What may stand around a date on a date line besides the date itself.
_DATE_WORDS = LazyPattern(
    r"(?:نشر|نُشر|نشرت|تاريخ النشر|آخر تحديث|اخر تحديث|تحديث|محدث|تم التحديث|published|updated|"
    r"posted|last updated|on|at|في|الساعة|بتوقيت\s+\S+|غرينتش|جرينتش|مكة المكرمة|القدس|gmt|utc|"
    r"ت\.غ|ص|م|صباحا|صباحًا|مساء|مساءً|am|pm|gst|ast|eet|eest|cet|cest|bst|est|edt|pst|ksa|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|"
    r"sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tue|wed|thu|fri|sat)\b",
    re.I,
)
_ANY_DIGIT = LazyPattern(r"\d")
_YEAR = LazyPattern(r"\d{4}")
_MAX_META_WORDS = 16  # "نشر في: الخميس 29 أكتوبر 2020 - 10:45 بتوقيت مكة" and some
_UPDATED = LazyPattern(r"تحديث|محدث|updated", re.I)
_AFTERNOON = LazyPattern(r"^\s*(?:م|مساء|مساءً|pm)\b", re.I)

_AGENCIES = (
    AGENCIES + r"|[^\s()]+\.(?:نت|net|com)|"
    r"وكالة [^\s()]+(?: [^\s()]+){0,3}|مراسل\S*(?: \S+){0,2}|خاص|الجزيرة نت|بي بي سي|bbc"
)
# A site's bare domain beside a date ("2024-08-19 21:15:30 | arabic.news.cn").
_DOMAIN = LazyPattern(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)
_DATELINE = LazyPattern(
    rf"(?:(?P<place>[^\W\d][^()\-–—:|]{{0,30}}?)\s*)?"
    rf"(?:\(\s*(?P<agency1>{_AGENCIES})\s*\)|[-–—:]\s*(?P<agency2>{_AGENCIES}))\s*[-–—]?",
    re.I,
)
# "دبي: «الخليج»", "أبوظبي - «الاتحاد»": a paper names itself in guillemets.
_PAPER_DATELINE = LazyPattern(r"[^\W\d][^()\-–—:|«»]{0,30}?\s*[-–—:：]\s*«(?P<paper>[^»]{1,30})»")
# "عمان/ ليث الجنيدي/ الأناضول": place, reporter, agency.
_SLASH_DATELINE = LazyPattern(
    rf"(?P<place>[^/\d]{{2,30}})/\s*(?:(?P<name>[^/\d]{{2,40}})/\s*)?(?P<agency>{_AGENCIES})", re.I
)
# "الكويت - 3 - 11 (كونا) --": place and date, then the agency, then dashes.
_DATED_DATELINE = LazyPattern(
    rf"[^\W\d][^()]{{0,40}}\(\s*(?P<agency>{_AGENCIES})\s*\)\s*[-–—]*", re.I
)
# "نورة العتيبي (جدة)": a reporter's name, the place in brackets.
_NAME_PLACE = LazyPattern(
    r"(?P<name>[^\W\d_]+(?: [^\W\d_]+){1,3})\s*"
    r"\((?!صور|فيديو|بالصور|بالفيديو|شاهد|مباشر|تحديث|محدث|video|photos|live|update)"
    r"[^\W\d_]+(?: [^\W\d_]+)?\)",
    re.I,
)
# "بغداد - زينب الربيعي:": place, reporter, and a colon leading into the story.
_NAMED_DATELINE = LazyPattern(
    r"[^\W\d][^()\-–—:|]{0,30}?\s*[-–—]\s*(?P<name>[^\W\d_]+(?: [^\W\d_]+){1,3})\s*:"
)
_NAME = LazyPattern(r"[^\W\d_]+(?: [^\W\d_]+){1,3}")
_SOURCE = LazyPattern(r"(?:المصدر|المصادر|source|sources)\s*[:：]\s*(?P<source>.{1,80})", re.I)
_BYLINE = LazyPattern(
    r"(?:بقلم|كتب|كتبت|كتبه|كتابة|إعداد|اعداد|تحرير|تقرير|حوار|حاوره|حاورها|حاورته|حاورتها|"
    r"الكاتب|الكاتبة|المحرر|مراسل\S*|by|written by|reporting by|reported by|words by|author)"
    r"(?:\s*[:：،,]\s*|\s+)(?P<name>[^\d|•:،,]{2,60})",
    re.I,
)
# What every meta line has: a digit (dates), punctuation of datelines and bylines, or a
# byline's first word. Most lines have none of it and skip the patterns below.
_MAYBE_META = LazyPattern(
    r"[\d:/()\-–—|•·،,«]|^(?:بقلم|كتب|كتبت|كتبه|كتابة|إعداد|اعداد|تحرير|تقرير|حوار|حاور|"
    r"الكاتب|المحرر|مراسل|by|written|reporting|reported|words|author)",
    re.I,
)
_DASH_OR_COLON = LazyPattern(r"[-–—:]")
# The sign each dateline pattern holds (a line without it cannot match): held by a test.
_SIGNS = (
    (_PAPER_DATELINE, "«"),
    (_SLASH_DATELINE, "/"),
    (_DATED_DATELINE, "("),
    (_NAMED_DATELINE, ":"),
    (_NAME_PLACE, "("),
    (_DATELINE, "(-–—:"),
)
_SEPARATORS = LazyPattern(r"\s+[|•·]\s+|\s+[-–—]\s+(?=\S)")
_SEPARATOR_SIGNS = LazyPattern(r"[|•·\-–—]")  # what a line with a separator holds: most lack it
_MAX_NAME_WORDS = 6
_NOTHING = "-"  # a meta segment that says nothing worth keeping


def _date_value(match: re.Match[str], text: str) -> str:
    parts = match.groupdict()
    month = parts.get("mon") or _MONTHS.get((parts.get("month") or "").lower())
    year, day = int(parts["year"]), int(parts["day"])
    if not month or not (1 <= int(month) <= 12 and 1 <= day <= 31):
        return text
    value = f"{year:04}-{int(month):02}-{day:02}"
    if time := re.search(_TIME, text):
        hour = int(time["hour"])
        if hour < 12 and _AFTERNOON.match(text[time.end() :]):
            hour += 12
        value += f"T{hour:02}:{time['minute']}"
    return value


def read_date(segment: str) -> tuple[str, bool] | None:
    """``(published, is_update)`` if the segment is a date and nothing else of substance."""
    if not _ANY_DIGIT.search(segment):
        return None
    text = segment.translate(_DIGITS)
    if not _YEAR.search(text):  # every date pattern holds a year (most numbers are not one)
        return None
    for pattern in _DATES:
        if pattern is _MONTH_FIRST and not _DAY_THEN_YEAR.search(text):
            continue
        if m := pattern.search(text):
            rest = text[: m.start()] + " " + text[m.end() :]
            rest = _DATE_WORDS.sub(" ", re.sub(_TIME, " ", rest))
            if re.search(r"\w{2,}", rest):
                return None
            return _date_value(m, text), bool(_UPDATED.search(segment))
    return None


def _read_segment(segment: str, searched: Searched) -> dict[str, str] | None:
    """What one segment of a meta line says, or None if it is not a meta segment."""
    segment = segment.strip(" \t-–—|•·،,")
    if not segment:
        return {}
    if (date := read_date(segment)) is not None:
        return {"updated" if date[1] else "published": date[0]}
    if m := _SOURCE.fullmatch(segment):
        return {"source": " ".join(m["source"].split()).rstrip(".")}
    if _DOMAIN.fullmatch(segment):
        return {_NOTHING: segment}
    # Each dateline pattern is tried only on a segment with the sign it cannot match without
    # (``_SIGNS``): most segments are a sentence's clause, and trying them all cost 4 us.
    bracket = "(" in segment
    if "«" in segment and (m := _PAPER_DATELINE.fullmatch(segment)):
        return {"source": m["paper"]}
    if "/" in segment and (m := _SLASH_DATELINE.fullmatch(segment)):
        found = {"source": m["agency"]}
        if m["name"] and len(m["name"].split()) <= _MAX_NAME_WORDS:
            found["author"] = m["name"].strip()
        return found
    if bracket and (m := _DATED_DATELINE.fullmatch(segment)):
        return {"source": m["agency"]}
    if ":" in segment and (m := _NAMED_DATELINE.fullmatch(segment)):
        return {"author": m["name"]}
    if bracket and (m := _NAME_PLACE.fullmatch(segment)):
        return {"author": m["name"]}
    if (bracket or _DASH_OR_COLON.search(segment)) and (m := _DATELINE.fullmatch(segment)):
        agency = m["agency1"] or m["agency2"]
        return {"source": agency} if agency != "خاص" else {_NOTHING: agency}
    if (m := _BYLINE.fullmatch(segment)) and len(m["name"].split()) <= _MAX_NAME_WORDS:
        return {"author": " ".join(m["name"].split()).rstrip(".")}
    if furniture_kind(segment, searched) is not None:
        return {}
    return None


def read_meta_line(line: str, searched: Searched = SEARCHED) -> dict[str, str] | None:
    """The meta a byline, date line, dateline or source line gives; None for other lines.

    Every segment between separators must be meta or furniture, and one at
    least meta, so a headline with a date in it ("قمة 12 مارس 2024 تنتهي بلا
    اتفاق") stays a headline. A dateline without an agency ("القاهرة - خاص")
    gives an empty record: a meta line with nothing worth keeping.
    """
    if len(line) > 200 or words(line) > _MAX_META_WORDS or not _MAYBE_META.search(line):
        return None
    segments = _SEPARATORS.split(line) if _SEPARATOR_SIGNS.search(line) else [line]
    if len(segments) > 1 and (whole := _read_segment(line, searched)):
        return {k: v for k, v in whole.items() if k != _NOTHING}  # "بيروت - رويترز": one dateline
    found: dict[str, str] = {}
    unknown: list[str] = []
    for segment in segments:
        got = _read_segment(segment, searched)
        if got is None:
            unknown.append(segment.strip())
            continue
        for key, value in got.items():
            found.setdefault(key, value)
    # "جاد نصر | 02-10-2024 | 18:40": beside a date, a bare name is the byline.
    dated = "published" in found or "updated" in found
    if dated and len(unknown) == 1 and "author" not in found and _NAME.fullmatch(unknown[0]):
        found["author"], unknown = unknown[0], []
    if unknown or not found:
        return None  # not a meta line, or furniture only (reported as such)
    for key in ("published", "updated"):
        if key in found and "T" not in found[key] and (time := re.search(_TIME, line)):
            found[key] += f"T{int(time['hour']):02}:{time['minute']}"
    return {k: v for k, v in found.items() if k != _NOTHING}


def dateline_source(paragraph: str) -> str | None:
    """The agency of a dateline opening a paragraph ("بيروت (رويترز) - قال ..."), if any.

    The dash after it is what sets a dateline apart from a sentence naming an agency.
    """
    m = _DATELINE.match(paragraph[:80])
    if m is None or m.end() == len(paragraph) or not m.group().rstrip().endswith(("-", "–", "—")):
        return None
    agency = m["agency1"] or m["agency2"]
    return None if agency == "خاص" or m["place"] is None else agency
