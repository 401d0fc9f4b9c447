"""Bytes to text: encoding detection for scraped articles.

Analysts' corpora arrive as UTF-8 (with or without BOM), UTF-16, Windows-1256
or ISO-8859-6. Order of trust: a byte-order mark, then strict UTF-8 (if it has
no control characters), then the likeliest of a few candidate encodings
(``charsets``). A file that is almost all valid UTF-8 but has a few broken
bytes is reported (with its line) rather than silently read as Windows-1256
mojibake; so is a NUL byte in valid UTF-8; binary files and empty files are
refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from annotator.core.errors import InputError

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_REPLACED = re.compile("\ufffd+")
# Control characters (Cc) other than tab and line breaks: a text file has next to none.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # those of _CONTROLS
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_SAMPLE = 1 << 18  # bytes scored per candidate: enough to tell, cheap on a 20 MB file
_MAX_UNLIKELY = 0.05  # share of characters no Arabic or Latin text holds, in a right decoding


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def control_count(text: str) -> int:
    return len(_CONTROLS.findall(text))


def _utf8_controls(data: bytes, text: str) -> bool:
    """Whether ``text``, decoded from ``data`` as UTF-8, holds a control character.

    Told from the bytes where it can be, five times faster than a pass over the
    text: in UTF-8 a control below U+0080 is its own byte, and one of
    U+0080-U+009F is C2 and a second byte; without a C2 byte there is none.
    """
    if len(data.translate(None, _ASCII_CONTROLS)) != len(data):
        return True
    return b"\xc2" in data and control_count(text) > 0


def _check_not_binary(text: str) -> None:
    controls = control_count(text)
    if controls > max(2, len(text) // 200):
        raise InputError("binary file: not text (control characters throughout)")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes; raise ``InputError`` for empty, binary or broken files.

    The BOM is consumed here; newline and Unicode normalisation happen later in
    ``annotator.core.text.canonical_text``.
    """
    if not data.strip():
        raise InputError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file: this is {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                raise InputError(
                    f"undecodable bytes: invalid {encoding} at byte {offset}",
                    line=_line_of(data, offset),
                ) from None
    return _detected(data)


def _detected(data: bytes) -> Decoded:
    """Strict UTF-8 if it reads as text, else the likeliest candidate (see ``charsets``)."""
    utf8: str | None = None
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        valid = len(_UTF8_MULTIBYTE.findall(data))
        # Broken places, not bytes: one bad sequence (a CESU-8 surrogate is three bytes)
        # in a short UTF-8 file outweighed its letters and it was called binary.
        broken = len(_REPLACED.findall(data.decode("utf-8", errors="replace")))
        if valid >= 10 * broken:
            raise InputError(
                f"undecodable bytes: invalid UTF-8 at byte {exc.start} "
                f"({data[exc.start : exc.start + 4]!r})",
                line=_line_of(data, exc.start),
            ) from None
    if utf8 is not None and not _utf8_controls(data, utf8):
        return _checked(utf8, "utf-8", controls=False)
    # Only for what is not plain UTF-8: a JSONL import's start-up need not build the letter model.
    from annotator.core.charsets import (
        CANDIDATES,
        RARE_HANDICAP,
        UTF16,
        plausibility,
        unlikely_share,
        utf16_layout,
    )

    layout = utf16_layout(data)
    sample = _sample(data)
    whole_file = len(sample) == len(data)
    scored: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(("utf-8", *CANDIDATES)):
        if (encoding == "utf-8" and utf8 is None) or (encoding in UTF16 and encoding != layout):
            continue
        try:
            # A sample cut off mid-file may begin or end in half a character.
            text = sample.decode(encoding, errors="strict" if whole_file else "ignore")
        except UnicodeDecodeError:
            continue
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))  # where code pages differ
        score = plausibility(text) - RARE_HANDICAP.get(encoding, 0.0) * non_ascii
        scored.append((score, -rank, encoding, text))
    scored.sort(reverse=True)
    for _score, _rank, encoding, text in scored:
        if encoding == "utf-8" and utf8 is not None:  # valid UTF-8: a stray control is no proof
            if "\x00" in utf8:
                _check_not_binary(utf8)
                offset = data.index(b"\x00")
                raise InputError(
                    f"the text contains a NUL character at byte {offset}",
                    line=_line_of(data, offset),
                )
            return _checked(utf8, encoding)
        if unlikely_share(text) > _MAX_UNLIKELY:
            continue
        try:
            return _checked(text if whole_file else data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    if utf8 is not None or any(control_count(text) > 2 for *_, text in scored):
        raise InputError("binary file: not text (control characters throughout)")
    raise InputError(
        "undecodable bytes: not Arabic or Latin-script text in any encoding tried (UTF-8, "
        "UTF-16, Windows-1256, ISO-8859-6, Windows-1252, CP720, MacArabic); save it as UTF-8"
    )


def _sample(data: bytes) -> bytes:
    """What the candidates are scored on: the whole file, or a stretch from its first
    non-ASCII byte (a long English preamble says nothing about the code page)."""
    if len(data) <= _SAMPLE:
        return data
    first = m.start() if (m := _NON_ASCII.search(data)) else 0
    start = max(0, min(first, len(data) - _SAMPLE)) & ~1  # even: UTF-16 stays aligned
    return data[start : start + _SAMPLE]


def _checked(text: str, encoding: str, controls: bool = True) -> Decoded:
    """``controls``: False when the text is known to hold none (not binary, then)."""
    if controls:
        _check_not_binary(text)
    if not text.strip():
        raise InputError("empty file: only white space")
    return Decoded(text, codecs.lookup(encoding).name)
