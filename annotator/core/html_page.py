"""Saved web pages (.html, .htm): the article's text and metadata, through trafilatura.

trafilatura is the field's maintained main-text extractor; it drops scripts,
styles, navigation, asides and footers, and reads the title, date, author,
site name and canonical URL from JSON-LD, Open Graph and meta tags. It is
imported only when a page is read: starting the program must not pay for it.

Settings, chosen on Arabic pages:

* ``favor_recall``: precision comes afterwards from the page model of
  ``cleaning``, which also turns the bylines and dates trafilatura keeps into
  ``meta``; ``favor_precision`` dropped the whole article of a page laid out
  with tables.
* no ``target_language``. The jusText trap: jusText's Arabic stoplist at
  jusText's default thresholds marks every paragraph of an Arabic page as
  boilerplate (0 of 21 kept on the broadcaster fixture). trafilatura's
  fallback calls jusText with lower thresholds and kept the article's
  paragraphs with "ar" or without it; the fixtures pin that.
* ``include_tables=False``: pages laid out with tables (old Arabic papers)
  otherwise come out as one flattened table row holding menu, article and
  related links alike.
* ``include_comments=False``; dates only from the page's metadata, not
  guessed from any year in the page (a copyright line gave "2024-01-01").

The headline is trafilatura's title when the page shows it; when the title
came from ``<title>`` ("Site - Headline"), it is the page's own line that a
part of ``<title>`` begins.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from annotator.core.decoding import decode_bytes
from annotator.core.errors import InputError
from annotator.core.page_lines import is_title_like
from annotator.core.text import canonical_text, collapse_spaces

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SAVED_FILES_SUFFIX = "_files"
"""A browser's "web page, complete" puts the page's images, scripts and frames in PAGE_files/."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»|]{1,2}\s+|\s+::\s+")
_SKIPPED_TAGS = frozenset(
    {"script", "style", "title", "head", "noscript", "template", "html", "body"}
)
_SHOWN_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::head)]"
)
_MIN_TITLE_PART = 10  # characters; shorter parts of <title> are site names and sections
NO_ARTICLE = "no article text found in the page (only menus, scripts or links)"


@dataclass
class Extracted:
    """What a page holds: the article text (paragraphs one per line), its headline and meta."""

    text: str
    title: str | None
    html: str  # the decoded page, kept as the document's raw form
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)


def is_saved_files_folder(name: str, siblings: set[str]) -> bool:
    """PAGE_files beside PAGE.html (or .htm): the page's parts, not documents of their own."""
    if not name.endswith(SAVED_FILES_SUFFIX):
        return False
    stem = name[: -len(SAVED_FILES_SUFFIX)]
    return any(stem + suffix in siblings for suffix in HTML_SUFFIXES)


def decode_html(data: bytes) -> tuple[str, str]:
    """The page as text and its encoding: a BOM, then the charset the page declares, then
    the same detection as plain text (see ``decoding``)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = decode_bytes(data)
        return decoded.text, decoded.encoding
    if m := _CHARSET.search(data[:4096]):
        try:
            encoding = codecs.lookup(m.group(1).decode("ascii")).name
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _quiet(logger_name: str) -> None:
    """trafilatura logs what it discards; the importer reports in one line of its own."""
    logger = logging.getLogger(logger_name)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


def _lines(text: str) -> list[str]:
    return [collapse_spaces(line) for line in canonical_text(text).split("\n") if line.strip()]


def _headline(tree: Any, title: str | None, text_lines: list[str]) -> str | None:
    """The page's headline line (see module docstring)."""
    if title and collapse_spaces(title) in text_lines:
        return collapse_spaces(title)
    raw_title = collapse_spaces(tree.findtext(".//title") or "")
    parts = [title or "", *sorted(_TITLE_SEPARATORS.split(raw_title), key=len, reverse=True)]
    parts = [collapse_spaces(p) for p in parts if len(p.strip()) >= _MIN_TITLE_PART]
    if not parts:
        return collapse_spaces(title) if title else None
    shown_lines = []
    for element in tree.iter():
        # Only elements whose own text opens with a part: the page is scanned once, and the
        # text under an element is gathered only for those few.
        own = collapse_spaces(element.text or "") if isinstance(element.tag, str) else ""
        if (
            not own
            or element.tag in _SKIPPED_TAGS
            or not any(p.startswith(own[:10]) for p in parts)
        ):
            continue
        shown = collapse_spaces(canonical_text("".join(element.xpath(_SHOWN_TEXT))))
        if is_title_like(shown) and any(shown.startswith(p) for p in parts):
            shown_lines.append(shown)
    if shown_lines:  # the innermost element: a header block also holds the date
        return min(shown_lines, key=len)
    return collapse_spaces(title) if title else None


def extract_article(data: bytes) -> Extracted:
    """The article of a saved web page; ``InputError`` if the page holds none."""
    html, encoding = decode_html(data)
    if "<" not in html:
        raise InputError("not an HTML page: no markup at all (import it as .txt)")
    import trafilatura  # only here: costs a tenth of a second to import
    from trafilatura.utils import load_html

    _quiet("trafilatura")
    _quiet("htmldate")
    try:
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        text = getattr(found, "text", None) or ""
        lines = _lines(text)
        if not lines:
            raise InputError(NO_ARTICLE)
        tree = load_html(html)  # trafilatura changed its own copy: the headline is sought here
        title = getattr(found, "title", None)
        title = _headline(tree, title, lines) if tree is not None else title
    except InputError:
        raise
    except Exception as exc:
        # The extractor's own failures on broken markup (lxml asserts on "<body><html><script>"):
        # one line for the user, never a traceback.
        raise InputError(f"the page's markup cannot be read ({type(exc).__name__})") from None
    meta: dict[str, Any] = {}
    for key, attribute in (
        ("author", "author"),
        ("published", "date"),
        ("site_name", "sitename"),
        ("url", "url"),
    ):
        if value := getattr(found, attribute, None):
            meta[key] = collapse_spaces(str(value))
    return Extracted("\n".join(lines), title, html, encoding, meta)
