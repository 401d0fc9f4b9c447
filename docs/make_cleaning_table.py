"""Measure page cleaning on the outlet test set and print the table for docs/formats.md.

Each page in tests/fixtures/pages/ (NAME.txt) has its expected headline, body
paragraphs and meta beside it (NAME.expected.json), written by hand. Per page:
is the headline right, is every body paragraph there exactly once, how many
furniture lines are left in the text, how many expected meta values came out.
Pages whose expected file says ``"held_out": true`` were written after the
cleaning rules were settled and never used to tune them.

Run: .venv/bin/python docs/make_cleaning_table.py
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from annotator.core.cleaning import clean_page
from annotator.core.decoding import decode_bytes
from annotator.core.text import canonical_text

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"


@dataclass(frozen=True)
class PageScore:
    name: str
    layout: str
    held_out: bool
    title_right: bool
    body_once: int  # expected body paragraphs found exactly once
    body_total: int
    furniture_left: list[str]
    meta_right: int
    meta_total: int

    @property
    def perfect(self) -> bool:
        return (
            self.title_right
            and self.body_once == self.body_total
            and not self.furniture_left
            and self.meta_right == self.meta_total
        )


def score_page(page: Path) -> PageScore:
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    cleaned = clean_page(canonical_text(decode_bytes(page.read_bytes()).text))
    paragraphs = cleaned.text.split("\n")
    if cleaned.title is not None and paragraphs and paragraphs[0] == cleaned.title:
        paragraphs = paragraphs[1:]
    body = expected["body"]
    meta = expected.get("meta", {})
    return PageScore(
        name=page.stem,
        layout=expected["layout"],
        held_out=expected.get("held_out", False),
        title_right=cleaned.title == expected["title"],
        # A paragraph the article says twice on purpose is expected twice.
        body_once=sum(paragraphs.count(p) == body.count(p) for p in body),
        body_total=len(body),
        furniture_left=[p for p in paragraphs if p not in body],
        meta_right=sum(cleaned.meta.get(k) == v for k, v in meta.items()),
        meta_total=len(meta),
    )


def all_pages() -> list[Path]:
    return sorted(PAGES.glob("*.txt"))


def table(scores: list[PageScore]) -> str:
    rows = [
        "| page | layout | headline | body paragraphs exactly once | furniture left | meta |",
        "|---|---|---|---|---|---|",
    ]
    for s in scores:
        name = f"{s.name} (held out)" if s.held_out else s.name
        rows.append(
            f"| {name} | {s.layout} | {'right' if s.title_right else 'WRONG'} "
            f"| {s.body_once}/{s.body_total} | {len(s.furniture_left)} "
            f"| {s.meta_right}/{s.meta_total} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    scores = [score_page(p) for p in all_pages()]
    print(table(scores))
    for s in scores:
        for line in s.furniture_left:
            print(f"  {s.name}: left: {line[:70]}")
