"""Does a faster reader still read every page the same? Old and new code, output byte for byte.

Run: python bench/same_output.py [REV]   (REV defaults to main)

The package as it is at REV (``git archive``) and as it is in this tree each
read the same inputs in a process of their own, and what they make of them
(text, meta with the removal report, the cleaner's full ``Cleaned`` record,
or the error message) is compared byte for byte:

* the outlet test pages and the saved web pages of tests/fixtures;
* the shared reference corpus (../shared/bench/arabic_1000.jsonl.gz), each text as a file;
* the pages bench_store.py imports (10,000);
* the test pages and a tenth of the corpus in the other encodings a file may come in
  (Windows-1256, ISO-8859-6, UTF-16 without a mark, CP720, MacArabic, Windows-1252);
* 3,000 pages put together at random (seeded) from the lines of all of the above, so
  the page model meets orders of lines no fixture has.

Speed work on the readers must leave this silent; it is a check, not a benchmark.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import json
import os
import pickle
import random
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = REPO.parent / "shared" / "bench" / "arabic_1000.jsonl.gz"
ENCODINGS = ("cp1256", "iso8859-6", "utf-16-le", "cp720", "mac-arabic", "cp1252")
MIXED_PAGES = 3000


def _corpus_texts() -> list[str]:
    for place in (CORPUS, Path("/work/shared/bench/arabic_1000.jsonl.gz")):
        if place.exists():
            with gzip.open(place, "rt", encoding="utf-8") as stream:
                return [json.loads(line)["text"] for line in stream if line.strip()]
    return []


def _bench_pages() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_store import ARTICLES, article
    from corpus import paragraphs

    source = paragraphs()
    return [article(i, source) for i in range(ARTICLES)]


def inputs() -> Iterator[tuple[str, str, bytes]]:
    """``(name, kind, bytes)``: kind is "txt" or "html"."""
    pages = sorted((FIXTURES / "pages").glob("*.txt"))
    for page in pages:
        yield page.name, "txt", page.read_bytes()
    for page in sorted((FIXTURES / "html").rglob("*.htm*")):
        yield str(page.relative_to(FIXTURES)), "html", page.read_bytes()
    corpus = _corpus_texts()
    for i, text in enumerate(corpus):
        yield f"corpus-{i}", "txt", text.encode("utf-8")
    bench = _bench_pages()
    for i, text in enumerate(bench):
        yield f"bench-{i}", "txt", text.encode("utf-8")
    texts = [p.read_text(encoding="utf-8") for p in pages] + corpus[::10]
    for i, text in enumerate(texts):
        for encoding in ENCODINGS:
            yield f"{encoding}-{i}", "txt", text.encode(encoding, errors="replace")
    rng = random.Random(20261202)
    lines = sorted({ln for text in texts + bench[:200] for ln in text.split("\n")})
    for i in range(MIXED_PAGES):
        page = [rng.choice(lines) for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.3:  # a body said twice, as pages often hold it
            page += page[: rng.randint(1, len(page))]
        yield f"mixed-{i}", "txt", "\n".join(page).encode("utf-8")


def _outcome(name: str, kind: str, data: bytes) -> dict[str, object]:
    from annotator.core.cleaning import clean_page
    from annotator.core.errors import InputError
    from annotator.core.importing import read_html, read_text
    from annotator.core.text import canonical_text

    out: dict[str, object] = {"name": name}
    try:
        record = (read_html if kind == "html" else read_text)(data, name=name)
        doc = record.document
        out["document"] = {"text": doc.text, "meta": doc.meta, "raw": doc.raw}
    except InputError as exc:
        out["error"] = str(exc)
    if kind == "txt":
        try:
            cleaned = clean_page(canonical_text(data.decode("utf-8")))
            out["cleaned"] = dataclasses.asdict(cleaned)
        except UnicodeDecodeError:
            pass
    return out


def dump(source: Path, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for name, kind, data in pickle.loads(source.read_bytes()):
            record = _outcome(name, kind, data)
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def _run(tree: Path, source: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, __file__, "--dump", str(source), str(out)]
    subprocess.run(command, env=env, check=True, timeout=900)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dump"]:
        dump(Path(argv[1]), Path(argv[2]))
        return 0
    rev = argv[0] if argv else "main"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", rev, "annotator", "resources", "sample_data"],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout
        old_tree = tmp / "old"
        old_tree.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old_tree, filter="data")
        source = tmp / "inputs.pickle"  # made once: both read the very same bytes
        source.write_bytes(pickle.dumps(list(inputs())))
        _run(old_tree, source, tmp / "old.jsonl")
        _run(REPO, source, tmp / "new.jsonl")
        old = (tmp / "old.jsonl").read_bytes().split(b"\n")
        new = (tmp / "new.jsonl").read_bytes().split(b"\n")
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    digest = hashlib.sha256(b"\n".join(new)).hexdigest()[:16]
    print(f"{len(new) - 1} inputs read by {rev} and by this tree; output {digest}")
    if len(old) != len(new) or differ:
        print(f"DIFFERENT: {len(differ)} outputs, {len(old)} vs {len(new)} lines")
        for a, b in differ[:3]:
            print("  old:", a[:400].decode("utf-8", "replace"))
            print("  new:", b[:400].decode("utf-8", "replace"))
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
