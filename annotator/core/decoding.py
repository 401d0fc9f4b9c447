"""Bytes to text: encoding detection for scraped articles.

Analysts' corpora arrive as UTF-8 (with or without BOM), UTF-16, Windows-1256
or ISO-8859-6. Order of trust: a byte-order mark, then strict UTF-8, then
charset-normalizer. A file that is almost all valid UTF-8 but has a few broken
bytes is reported (with its line) rather than silently read as Windows-1256
mojibake; binary files and empty files are refused.
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
# Control characters (Cc) other than tab and line breaks: a text file has next to none.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _check_not_binary(text: str) -> None:
    controls = len(_CONTROLS.findall(text))
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
    if b"\x00" not in data:
        try:
            return _checked(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as exc:
            valid = len(_UTF8_MULTIBYTE.findall(data))
            broken = data.decode("utf-8", errors="replace").count("\ufffd")
            if valid >= 10 * broken:
                raise InputError(
                    f"undecodable bytes: invalid UTF-8 at byte {exc.start} "
                    f"({data[exc.start : exc.start + 4]!r})",
                    line=_line_of(data, exc.start),
                ) from None
    # Only for what is not UTF-8: the import of charset-normalizer is a third of a JSONL
    # import's own start-up.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable bytes: not text in any known encoding (binary file?)")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> Decoded:
    _check_not_binary(text)
    if not text.strip():
        raise InputError("empty file: only white space")
    return Decoded(text, codecs.lookup(encoding).name)
