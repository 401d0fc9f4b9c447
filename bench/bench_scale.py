"""Scale benchmarks: `annotator import` and search at 1,000, 10,000 and 100,000 documents.

Run: python bench/bench_scale.py [--sizes 10000,100000] [--runs 5]

* The reference corpus (../shared/bench/arabic_1000.jsonl.gz, or $ANNOTATOR_BENCH_CORPUS)
  imported by the `annotator` command in a fresh process, start-up included; floor:
  a Python process reading and parsing the same file.
* `annotator --help`; floor: a bare Python process.
* Generated corpora of 10,000 and 100,000 documents (bench/data/, not committed): the
  reference texts' paragraphs shuffled, five made-up words per document (so the
  vocabulary grows with the corpus as a real one does), a LOCATION span by "sara" on
  one document in fifty. Import: wall time and peak memory of the whole process;
  project size against the UTF-8 bytes of the texts; every kind of search in
  process, the slowest of its runs against the target.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import Result, write_results

from annotator.storage.project import Project
from annotator.storage.search import search

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
_SHARED = "shared/bench/arabic_1000.jsonl.gz"  # beside the checkout, or one level up
CORPUS = Path(
    os.environ.get("ANNOTATOR_BENCH_CORPUS")
    or next((p / _SHARED for p in HERE.parents if (p / _SHARED).exists()), _SHARED)
)
ANNOTATOR = Path(sys.executable).with_name("annotator")
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
RARE_WORD = "زمبرتاك"  # in document 77 of every generated corpus, nowhere else
RARE_PAIR = "qz"  # Latin, in document 500 only


def reference_texts() -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def generate(n: int) -> tuple[Path, int]:
    """bench/data/generated_N.jsonl (made once) and the UTF-8 bytes of its texts."""
    path = DATA / f"generated_{n}.jsonl"
    DATA.mkdir(exist_ok=True)
    rng = random.Random(n)
    paragraphs = [p for t in reference_texts() for p in t.split("\n") if p.strip()]
    text_bytes = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            words = [
                "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8))) for _ in range(5)
            ]
            if i == 77:
                words[0] = RARE_WORD
            if i == 500:
                words[1] = f"({RARE_PAIR})"
            title = f"{' '.join(words)} ({i})"
            text = title + "\n" + "\n".join(rng.sample(paragraphs, 10))
            record: dict[str, object] = {"id": i, "text": text}
            if i % 50 == 0:
                record["spans"] = [
                    {
                        "start": 0,
                        "end": len(words[0]),
                        "label": "LOCATION",
                        "text": words[0],
                        "annotator": "sara",
                    }
                ]
            text_bytes += len(text.encode("utf-8"))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, text_bytes


def run_process(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one process (from the kernel)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{argv} exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def bench_reference(runs: int) -> list[Result]:
    """The 1,000-document reference corpus and --help, in fresh processes as users run them."""
    jsonl = DATA / "arabic_1000.jsonl"
    DATA.mkdir(exist_ok=True)
    lines = (json.dumps({"text": t}, ensure_ascii=False) for t in reference_texts())
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = DATA / "reference.db"
    read = f"import json; [json.loads(line) for line in open({str(jsonl)!r})]"
    ours, floor, helps, bare = [], [], [], []
    for _ in range(runs):
        ours.append(run_process([str(ANNOTATOR), "import", str(jsonl), "--db", str(fresh(db))]))
        floor.append(run_process([sys.executable, "-c", read]))
        helps.append(run_process([str(ANNOTATOR), "--help"]))
        bare.append(run_process([sys.executable, "-c", "pass"]))

    def ms(runs: list[tuple[float, float, float]], what: int = 0) -> float:
        return statistics.median(r[what] for r in runs) * 1000

    median, base, help_ms = ms(ours), ms(floor), ms(helps)
    return [
        Result(
            "`annotator import` of the 1,000-document reference corpus, process start included",
            median,
            base,
            "python reading and parsing the same JSONL file",
            "< 300 ms",
            median < 300,
        ),
        Result(
            "`annotator --help`",
            help_ms,
            ms(bare),
            "python -c pass",
            "≤ 150 ms",
            help_ms <= 150,
        ),
        Result(
            "the same import: CPU time (user + system) of the process",
            ms(ours, 1),
            ms(floor, 1),
            "the same floor's CPU time",
            "(reported: the machine's load does not add to it)",
            True,
        ),
        Result(
            "`annotator --help`: CPU time",
            ms(helps, 1),
            ms(bare, 1),
            "python -c pass",
            "(reported)",
            True,
        ),
    ]


def _timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


SEARCHES = [
    ("a common word", "النار", {}),
    ("a rare word", RARE_WORD, {}),
    ("a word in no document", "كلمةغائبة", {}),
    ("two common letters", "في", {}),
    ("two rare letters", RARE_PAIR, {}),
    ("one common letter", "ن", {}),
    ("one rare sign", "%", {}),
    ("a common word, label filter rejecting nearly every hit", "النار", {"label": "LOCATION"}),
    ("two letters, annotator filter", "في", {"annotator": "sara"}),
    ("a rare word, label filter", RARE_WORD, {"label": "LOCATION"}),
]


def bench_size(n: int, runs: int) -> list[Result]:
    corpus, text_bytes = generate(n)
    db = DATA / f"generated_{n}.db"
    wall, cpu, peak = run_process([str(ANNOTATOR), "import", str(corpus), "--db", str(fresh(db))])
    size = db.stat().st_size
    results = [
        Result(
            f"{n:,} documents: `annotator import` (one JSONL file)",
            wall * 1000,
            None,
            "—",
            "linear in the documents",
            True,
        ),
        Result(
            f"{n:,} documents: import CPU time (user + system)",
            cpu * 1000,
            None,
            "—",
            f"(reported: {cpu * 1e6 / n:.0f} µs a document)",
            True,
        ),
        Result(
            f"{n:,} documents: import peak memory",
            peak,
            None,
            "—",
            "≤ 200 MB",
            peak <= 200,
            unit="MB",
        ),
        Result(
            f"{n:,} documents: project size",
            size / 1e6,
            text_bytes / 1e6,
            "UTF-8 bytes of the texts",
            "≤ 2.5× floor",
            size <= 2.5 * text_bytes,
            unit="MB",
        ),
    ]
    with Project.open(db) as project:
        for what, query, filters in SEARCHES:
            median, slowest = _timed(lambda q=query, f=filters: search(project, q, **f), runs)
            hits = len(search(project, query, **filters))
            results.append(
                Result(
                    f"{n:,} documents: search, {what} ({hits} hits)",
                    median,
                    None,
                    "—",
                    f"≤ 100 ms (slowest run here {slowest:.1f} ms)",
                    slowest <= 100,
                )
            )
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    results = bench_reference(args.runs)
    for n in (int(s) for s in args.sizes.split(",") if s):
        results += bench_size(n, args.runs)
    write_results("scale", results)
    for r in results:
        print(r.line())
    print(f"load average at the start: {load:.1f} on {os.cpu_count()} cores")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
