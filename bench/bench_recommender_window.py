"""The recommender in the window: training in the background, keystrokes while it runs,
what the GUI thread still does (loading the model, proposals for the open document).

A project of 200 worked templated documents (names from list A) and 200 to do
(list B), as tests/news_templates.py builds them.

* Training 200 documents: the child the window starts (``annotator train --json
  --rank 200``: cross-validation, learning curve, final model, ranking of the
  200 todo documents), wall clock, forced to retrain each run.
* Keystroke → span stored and painted, with no training and while the child
  trains, in the same run: the ratio is what "latency unchanged" means. A
  control runs the same keys beside a process that only spins the CPU at the
  child's priority: what is left above it is the child's memory traffic and
  its reads and writes of the project, not the window's own work.
* Ranking 200 todo documents by uncertainty (in process, as the child does it).
* Loading the model and the open document's proposals: on the GUI thread.

    python bench/bench_recommender_window.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from results import Result, write_results

from annotator.core.models import Document, NewSpan, Status
from annotator.gui.fonts import register_fonts
from annotator.gui.main_window import MainWindow
from annotator.gui.workspace.training import train_command
from annotator.storage.project import Project
from annotator.storage.recommender import ProjectRecommender, train_project
from tests.news_templates import corpus

DOCUMENTS = 200
# The control: a process as nice as the training child that only spins the CPU.
BURNER = [sys.executable, "-c", "import os\nos.nice(10)\nwhile True: pass"]
KEYS = 25  # per document; four documents, two with the child training


def ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def build(path: Path) -> list[int]:
    """200 worked documents, 200 to do; the todo ids."""
    with Project.open(path) as project:
        for built in corpus(DOCUMENTS, "A", 1):
            doc_id = project.add_document(Document(built.text))
            for start, end, label in built.spans:
                project.add_span(doc_id, NewSpan(start, end, label, built.text[start:end]))
            project.set_status(doc_id, Status.DONE)
        return [project.add_document(Document(b.text)) for b in corpus(DOCUMENTS, "B", 2)]


def training_wall(path: Path) -> float:
    command = [*train_command(path), "--force"]
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=300)
        samples.append(time.perf_counter() - start)
    return ms(samples)


def keystrokes(
    app: QApplication, window: MainWindow, doc_id: int, *, training: bool
) -> list[float]:
    """Label key on a fresh word, stored and painted; with ``training`` only while the child
    runs (started again whenever it ends)."""
    window.open_document(doc_id)
    app.processEvents()
    text = window.controller.document.text
    runner = window.workspace.training
    samples: list[float] = []
    position = 0
    while len(samples) < KEYS:
        if training and not runner.running:
            runner.start()
        app.processEvents()
        position = text.find(" ", position + 3) + 1
        end = text.find(" ", position)
        if position <= 0 or end < 0:
            break
        window.article.select_range(position, end)
        start = time.perf_counter()
        QTest.keyClick(window.article, Qt.Key.Key_2)
        window.article.viewport().repaint()
        elapsed = time.perf_counter() - start
        if not training or runner.running:
            samples.append(elapsed)
    return samples


def main() -> None:
    app = QApplication([])
    register_fonts()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rec.annotator.db"
        todo = build(db)
        wall = training_wall(db)
        results.append(
            Result(
                f"training {DOCUMENTS} documents in the child (4 folds, curve, model, "
                f"ranking {DOCUMENTS} to do), wall clock",
                wall / 1000,
                None,
                "",
                "≤ 20 s",
                wall <= 20_000,
                unit="s",
            )
        )
        with Project.open(db) as project:
            train_project(project)
            start = time.perf_counter()
            recommender = ProjectRecommender(project)
            load = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            recommender.ranking(DOCUMENTS)
            rank = time.perf_counter() - start
        results.append(
            Result(
                f"ranking {DOCUMENTS} todo documents by uncertainty (in the child)",
                rank,
                None,
                "",
                "(off the GUI thread)",
                True,
                unit="s",
            )
        )
        results.append(
            Result(
                "loading the stored model and its gazetteer (GUI thread, once per run)",
                load,
                None,
                "",
                "(reported)",
                True,
            )
        )
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("recommender/retrain_every", 0)  # the bench starts it
        window = MainWindow(Project.open(db), settings)
        window.resize(1400, 860)
        window.show()
        window.article.setFocus()
        app.processEvents()
        keystrokes(app, window, todo[0], training=False)  # warm-up: formats, caches
        idle: list[float] = []
        burn: list[float] = []
        busy: list[float] = []
        # Alternated, so no side gets the quieter minute of a shared machine.
        for doc_id, mode in zip(todo[1:7], ["idle", "burn", "train"] * 2, strict=True):
            burner = subprocess.Popen(BURNER) if mode == "burn" else None
            samples = keystrokes(app, window, doc_id, training=mode == "train")
            if burner is not None:
                burner.kill()
                burner.wait()
            {"idle": idle, "burn": burn, "train": busy}[mode].extend(samples)
        window.workspace.training.stop()
        refresh = []
        for _ in range(7):
            start = time.perf_counter()
            window.controller.proposals.refresh()
            refresh.append(time.perf_counter() - start)
        window.close()
    ratio = ms(busy) / ms(idle)
    results.append(
        Result(
            f"keystroke → span stored and painted while the child trains "
            f"(p95 {p95(busy):.1f} ms; idle p95 {p95(idle):.1f} ms)",
            ms(busy),
            ms(idle),
            "the same keys, no training",
            f"≤ 1.5× idle (load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)",
            ratio <= 1.5,
        )
    )
    results.append(
        Result(
            "suggestions and model proposals of the open document, refreshed (cached model output)",
            ms(refresh),
            None,
            "",
            "(reported)",
            True,
        )
    )
    results.append(
        Result(
            f"control: the same keys while a CPU-bound process as nice as the child spins "
            f"(p95 {p95(burn):.1f} ms)",
            ms(burn),
            ms(idle),
            "the same keys, no training",
            "(reported)",
            True,
        )
    )
    write_results("recommender in the window", results)
    for r in results:
        print(r.line())


if __name__ == "__main__":
    main()
