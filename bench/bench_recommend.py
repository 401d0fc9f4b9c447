"""Recommender benchmark: quality on names never seen, training and proposal times.

Quality is measured with names held out: the model trains on templated news
documents whose people and places come from list A and is tested on documents
whose names come from list B (tests/news_templates.py), absent from training
spans and from the registry, so string matching cannot score. Then, honestly,
on the sample article's own paragraphs (see ``SAMPLE_GOLD``), which share
nothing with the templates.

    python bench/bench_recommend.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import long_article, paragraphs
from results import Result, write_results

from annotator.core.models import Document, NewSpan, Status
from annotator.core.recommend.evaluation import Score, cross_validate, evaluate
from annotator.core.recommend.features import Gazetteer
from annotator.core.recommend.model import Example, Model, train
from annotator.storage.project import Project
from annotator.storage.recommender import train_project
from tests.news_templates import corpus

REPO = Path(__file__).resolve().parent.parent

# Names in the sample article, tagged wherever they occur as a word (a proclitic left out):
# the sample's gold for this measure, written by reading the article.
SAMPLE_GOLD = {
    "LOCATION": [
        "أذربيجان",
        "أرمينيا",
        "قره باغ",
        "موسكو",
        "ستيباناكيرت",
        "يريفان",
        "باكو",
        "تركيا",
        "روسيا",
        "كنجه",
        "جبرائيل",
        "ناغورني قره باغ",
    ],
    "ACTOR": [
        "وزارة الدفاع الأذرية",
        "الخارجية الأرمينية",
        "إلهام علييف",
        "نيكول باشينيان",
        "الرئيس الأذري",
        "رئيس الوزراء الأرميني",
        "وزارة الدفاع الأرمينية",
    ],
    "CUE": ["قالت", "قال", "نفت", "أكد", "أكدت", "أعلنت", "أعلن", "بحسب", "ذكرت"],
}


def _sample_gold() -> list[Example]:
    from annotator.core.span_rules import is_word_char

    out = []
    for paragraph in paragraphs():
        spans = set()
        for label, names in SAMPLE_GOLD.items():
            for name in names:
                at = paragraph.find(name)
                while at >= 0:
                    end = at + len(name)
                    before = paragraph[at - 1] if at else " "
                    glued = (
                        at >= 1
                        and before in "وفبلك"
                        and (at < 2 or not is_word_char(paragraph[at - 2]))
                    )
                    if (not is_word_char(before) or glued) and (
                        end == len(paragraph) or not is_word_char(paragraph[end])
                    ):
                        spans.add((at, end, label))
                    at = paragraph.find(name, end)
        kept = []  # the longest of overlapping names
        for s in sorted(spans, key=lambda s: (s[0], -s[1])):
            if not kept or s[0] >= kept[-1][1]:
                kept.append(s)
        out.append(Example(paragraph, tuple(kept)))
    return out


def write_curve_svg(curves: dict[str, dict[float, Score]]) -> None:
    """docs/recommender_curve.svg: F1 against the share of training documents."""
    w, h, left, bottom = 520, 300, 60, 250
    colours = ["#0072B2", "#D55E00", "#009E73"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<line x1="{left}" y1="{bottom}" x2="{w - 20}" y2="{bottom}" stroke="black"/>',
        f'<line x1="{left}" y1="20" x2="{left}" y2="{bottom}" stroke="black"/>',
        f'<text x="{(w + left) // 2}" y="{h - 15}" text-anchor="middle">'
        "share of the training fold</text>",
        f'<text x="15" y="{bottom // 2}" transform="rotate(-90 15 {bottom // 2})" '
        'text-anchor="middle">exact-match F1</text>',
    ]
    x_of = {0.25: left + 60, 0.5: left + 200, 1.0: w - 60}
    for f, x in x_of.items():
        parts.append(f'<text x="{x}" y="{bottom + 16}" text-anchor="middle">{f:.0%}</text>')
    for v in (0.0, 0.5, 1.0):
        y = bottom - v * (bottom - 30)
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{v:.1f}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{w - 20}" y2="{y}" stroke="#ddd"/>')
    for (name, curve), colour in zip(curves.items(), colours, strict=False):
        points = [(x_of[f], bottom - s.f1 * (bottom - 30)) for f, s in sorted(curve.items())]
        path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in points:
            parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="3" fill="{colour}"/>')
        index = list(curves).index(name)
        parts.append(
            f'<text x="{left + 15}" y="{bottom - 40 - 16 * index}" fill="{colour}">{name}</text>'
        )
    parts.append("</svg>")
    (REPO / "docs" / "recommender_curve.svg").write_text("\n".join(parts) + "\n", encoding="utf-8")


def _median_ms(fn, runs: int = 7, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append((clock() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    results: list[Result] = []
    train_docs = [Example(b.text, b.spans) for b in corpus(200, "A", 1)]
    test_docs = [Example(b.text, b.spans) for b in corpus(100, "B", 2)]
    data, _ = train(train_docs)
    model = Model(data)
    scores = evaluate(model, test_docs, Gazetteer())
    for label in sorted(scores):
        s = scores[label]
        results.append(
            Result(
                f"F1 on unseen names, {label} (P {s.precision:.2f}, R {s.recall:.2f})",
                100 * s.f1,
                None,
                "",
                "≥ 80 %",
                s.f1 >= 0.8,
                unit="%",
            )
        )
    # As a project trains: its gazetteer holds every trained name (and none of list B).
    known = Gazetteer.of([(ex.text[s:e], lb) for ex in train_docs for s, e, lb in ex.spans])
    with_gazetteer = evaluate(Model(train(train_docs, known)[0]), test_docs, known)
    micro_known = sum(with_gazetteer.values(), Score())
    results.append(
        Result(
            "F1 on unseen names, trained and applied with the project's gazetteer "
            f"(P {micro_known.precision:.2f}, R {micro_known.recall:.2f})",
            100 * micro_known.f1,
            None,
            "",
            "≥ 80 %",
            micro_known.f1 >= 0.8,
            unit="%",
        )
    )
    sample_docs = _sample_gold()
    sample = evaluate(model, sample_docs, Gazetteer())
    micro = sum(sample.values(), Score())
    results.append(
        Result(
            f"F1 on the sample article's paragraphs, trained on templates only "
            f"(P {micro.precision:.2f}, R {micro.recall:.2f}, {micro.gold} names)",
            100 * micro.f1,
            None,
            "",
            "(reported)",
            True,
            unit="%",
        )
    )
    own = cross_validate([ex for ex in sample_docs if ex.spans], k=4)
    assert own is not None
    results.append(
        Result(
            "F1 on the sample article's paragraphs, 4-fold within the article "
            f"(P {own.micro.precision:.2f}, R {own.micro.recall:.2f})",
            100 * own.micro.f1,
            None,
            "",
            "(reported)",
            True,
            unit="%",
        )
    )
    small = cross_validate([Example(b.text, b.spans) for b in corpus(40, "A", 9)], k=4)
    assert small is not None
    write_curve_svg(
        {"templated news, 40 documents": small.curve, "sample article, its paragraphs": own.curve}
    )

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rec.annotator.db"
        with Project.open(db) as project:
            for built in corpus(200, "A", 3):
                doc = project.add_document(Document(built.text))
                for s, e, lb in built.spans:
                    project.add_span(doc, NewSpan(s, e, lb, built.text[s:e]))
                project.set_status(doc, Status.DONE)
            todo = project.add_document(Document(long_article(5000)))
            t = time.perf_counter()
            train_project(project, force=True)
            train_ms = (time.perf_counter() - t) * 1000
        results.append(
            Result(
                "train 200 documents: 4-fold cross-validation, curve, final model",
                train_ms,
                None,
                "",
                "≤ 20 s",
                train_ms <= 20_000,
            )
        )
        text = long_article(5000)
        model.propose(text)
        ms = _median_ms(lambda: model.propose(text), runs=15)
        cpu = _median_ms(lambda: model.propose(text), runs=15, clock=time.process_time)
        load = os.getloadavg()[0]
        results.append(
            Result(
                "proposals for a 5,000-word article, in process", ms, None, "", "≤ 30 ms", ms <= 30
            )
        )
        results.append(
            Result(
                f"the same, CPU time (load average {load:.1f} while measured)",
                cpu,
                None,
                "",
                "(reported: what a shared machine's load does not add)",
                True,
            )
        )
        check = subprocess.run(
            [sys.executable, "-m", "annotator", "recommend", "--doc", str(todo), "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert check.returncode == 0, check.stderr
        cmd = [sys.executable, "-m", "annotator", "recommend", "--doc", str(todo), "--db", str(db)]
        wall = _median_ms(
            lambda: subprocess.run(cmd, capture_output=True, check=True, timeout=60), runs=5
        )
        results.append(
            Result(
                "`annotator recommend` for that article, wall clock",
                wall,
                None,
                "",
                "≤ 500 ms",
                wall <= 500,
            )
        )
    write_results("recommend", results)
    for r in results:
        print(r.line())


if __name__ == "__main__":
    main()
