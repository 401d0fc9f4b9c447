"""Search and suggestion benchmarks. Run: python bench/bench_search.py

Search over a 10,000-document project (median of several queries), and the
suggestions for a 5,000-word article with a registry of a few hundred
names. Results go to bench/RESULTS.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import long_article, many_documents
from results import Result, write_results

from annotator.core.models import Document, Entity
from annotator.storage.search import search
from annotator.storage.suggestions import suggestions_for

QUERIES = ("اذربيجان", "وزارة الدفاع", "قره باغ", "الهدنة الروسية", "واشنطن", "غوبادلي", "صواريخ")
PLACES = (
    "أذربيجان",
    "أرمينيا",
    "باكو",
    "يريفان",
    "موسكو",
    "واشنطن",
    "قره باغ",
    "ترتر",
    "هادروت",
    "أغدام",
)


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        project = many_documents(tmp / "many.db")
        timings = []
        for query in QUERIES * 2:
            start = time.perf_counter()
            hits = search(project, query, limit=50)
            timings.append(time.perf_counter() - start)
            assert hits, query
        search_ms = statistics.median(timings) * 1000
        for i in range(300):
            place = PLACES[i % len(PLACES)]
            project.entities.add(Entity(f"{place} {i}" if i >= len(PLACES) else place, "LOCATION"))
        doc_id = project.add_document(Document(long_article(5000)))
        suggest_timings = []
        for _ in range(5):
            start = time.perf_counter()
            found = suggestions_for(project, doc_id)
            suggest_timings.append(time.perf_counter() - start)
        assert found
        suggest_ms = statistics.median(suggest_timings) * 1000
        project.close()
    results = [
        Result(
            "search over 10,000 documents (first 50 hits)",
            search_ms,
            None,
            "—",
            "median ≤ 50 ms",
            search_ms <= 50,
        ),
        Result(
            "suggestions for a 5,000-word article, 300 registry names",
            suggest_ms,
            None,
            "—",
            "≤ 100 ms",
            suggest_ms <= 100,
        ),
    ]
    write_results("search", results)
    for r in results:
        print(r.line())
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
