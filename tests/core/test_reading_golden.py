"""What the readers make of every page fixture, held byte for byte (fixtures/read_golden.json).

The outlet pages and saved web pages are read as an import reads them: text,
meta and the removal report must stay exactly what they were when the golden
file was written, so work on the readers' speed cannot change a result
unnoticed. The outlet pages are also read in the code pages they arrive in
(their digest only: the same text through another decoder).

A deliberate change of the page model rewrites the file:
``.venv/bin/python tests/core/test_reading_golden.py`` (then look at the diff).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.cleaning import clean_page
from annotator.core.errors import InputError
from annotator.core.importing import read_html, read_text
from annotator.core.text import canonical_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLDEN = FIXTURES / "read_golden.json"
PAGES = sorted((FIXTURES / "pages").glob("*.txt"))
HTML = sorted((FIXTURES / "html").rglob("*.htm*"))
ENCODINGS = ("cp1256", "iso8859-6", "utf-16-le", "cp720", "mac-arabic")


def _read(page: Path, data: bytes, whole: bool = True) -> dict[str, Any]:
    reader = read_html if page.suffix.startswith(".htm") else read_text
    try:
        doc = reader(data, name=page.name).document
    except InputError as exc:
        return {"error": str(exc)}
    found: dict[str, Any] = {"text": doc.text, "meta": doc.meta}
    if whole and reader is read_text:  # the whole removal report (the import keeps 80 characters)
        found["cleaned"] = dataclasses.asdict(clean_page(canonical_text(data.decode("utf-8"))))
    return found


def _digest(found: dict[str, Any]) -> str:
    data = json.dumps(found, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(data).hexdigest()


def _key(page: Path) -> str:
    return page.relative_to(FIXTURES).as_posix()


def read_all() -> dict[str, Any]:
    found: dict[str, Any] = {_key(p): _read(p, p.read_bytes()) for p in [*PAGES, *HTML]}
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for encoding in ENCODINGS:
            data = text.encode(encoding, errors="replace")
            result = _read(page, data, whole=False)  # the page model's part is held above
            found[f"{_key(page)} as {encoding}"] = {
                "encoding": result.get("meta", {}).get("encoding"),
                "sha256": _digest(result),
            }
    return found


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def now() -> dict[str, Any]:
    return read_all()


def test_every_fixture_is_held(golden: dict[str, Any], now: dict[str, Any]):
    assert sorted(now) == sorted(golden)
    assert len(PAGES) >= 20 and len(HTML) >= 5


@pytest.mark.parametrize("page", [*PAGES, *HTML], ids=_key)
def test_the_page_reads_as_it_did(page: Path, golden: dict[str, Any], now: dict[str, Any]):
    assert now[_key(page)] == golden[_key(page)]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_code_pages_read_as_they_did(
    encoding: str, golden: dict[str, Any], now: dict[str, Any]
):
    keys = [f"{_key(p)} as {encoding}" for p in PAGES]
    assert {k: now[k] for k in keys} == {k: golden[k] for k in keys}


if __name__ == "__main__":
    GOLDEN.write_text(
        json.dumps(read_all(), ensure_ascii=False, sort_keys=True, indent=1) + "\n",
        encoding="utf-8",
    )
