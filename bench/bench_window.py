"""Window benchmarks: open-and-paint, keystroke-to-span, start-up. Run: python bench/bench_window.py

Each measurement is the median of several runs, with its floor (the bare Qt
operation without annotator around it) measured in the same run; the ratio
is what must hold on any machine. Results go to bench/RESULTS.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_project, long_article, many_documents
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit
from results import Result, write_results

from annotator.gui.fonts import ARTICLE_FONT, register_fonts
from annotator.gui.main_window import MainWindow

RUNS = 7


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def bench_open(app: QApplication, tmp: Path) -> Result:
    project, annotated, other = article_project(tmp / "open.db")
    window = MainWindow(project, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    samples = []
    for _ in range(RUNS):
        window.open_document(other)
        app.processEvents()
        start = time.perf_counter()
        window.open_document(annotated)
        window.article.viewport().repaint()
        samples.append(time.perf_counter() - start)
    assert len(window.controller.spans) == 500
    window.close()
    project.close()

    text = long_article()
    floor = []
    bare = QTextEdit()
    bare.setFont(window.article.font())
    bare.resize(window.article.size())
    bare.show()
    for _ in range(RUNS):
        bare.setPlainText("")
        app.processEvents()
        start = time.perf_counter()
        bare.setPlainText(text)
        bare.viewport().repaint()
        floor.append(time.perf_counter() - start)
    bare.close()
    return Result(
        "open a 5,000-word article with 500 nested spans, painted",
        median_ms(samples),
        median_ms(floor),
        "bare QTextEdit.setPlainText of the same text, painted",
        "≤ 50 ms and ≤ 3× floor",
        median_ms(samples) <= 50 and median_ms(samples) <= 3 * median_ms(floor),
    )


def bench_keystroke(app: QApplication, tmp: Path) -> Result:
    project, annotated, _ = article_project(tmp / "tag.db", spans=0)
    window = MainWindow(project, QSettings(str(tmp / "s2.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    app.processEvents()
    window.open_document(annotated)
    window.article.setFocus()
    app.processEvents()
    text = window.controller.document.text
    samples = []
    position = 0
    for _ in range(60):
        position = text.index(" ", position + 12) + 1
        end = text.index(" ", position)
        window.article.select_range(position, end)
        start = time.perf_counter()
        QTest.keyClick(window.article, Qt.Key.Key_2)
        window.article.viewport().repaint()
        samples.append(time.perf_counter() - start)
    stored = len(project.spans(annotated))
    window.close()
    project.close()
    assert stored == 60, stored
    median = median_ms(samples)
    return Result(
        "keystroke → span stored (fsynced) and painted",
        median,
        None,
        "—",
        f"median ≤ 16 ms, p95 ≤ 33 ms (p95 here {p95_ms(samples):.1f} ms)",
        median <= 16 and p95_ms(samples) <= 33,
    )


STARTUP = """
import time, sys, os
t0 = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication{extra_import}
app = QApplication([])
{body}
window.show()
app.processEvents()
print(time.perf_counter() - t0)
"""

BARE = textwrap.dedent("""
    from PySide6.QtWidgets import QMainWindow, QTextEdit
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1400, 860)
""")
OURS = textwrap.dedent("""
    from annotator.gui.fonts import register_fonts
    from annotator.gui.main_window import MainWindow
    from annotator.storage.project import Project
    register_fonts()
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = MainWindow(Project.open(sys.argv[1]), settings)
""")


def bench_startup(tmp: Path) -> Result:
    many_documents(tmp / "many.db").close()

    def run(body: str) -> float:
        script = STARTUP.format(extra_import="", body=body)
        out = subprocess.run(
            [sys.executable, "-c", script, str(tmp / "many.db"), str(tmp / "s3.ini")],
            capture_output=True,
            text=True,
            check=True,
        )
        return float(out.stdout.strip().splitlines()[-1])

    ours = [run(OURS) for _ in range(5)]
    floor = [run(BARE) for _ in range(5)]
    median, base = median_ms(ours), median_ms(floor)
    # The window issue asks for ≤ 1.5 s; the ratio to a bare PySide6 window is
    # reported for the later speed work (target ≤ 1.5× floor there).
    return Result(
        "start to window shown, 10,000-document project",
        median,
        base,
        "bare PySide6 main window with a QTextEdit, shown",
        "≤ 1.5 s",
        median <= 1500,
    )


def main() -> int:
    app = QApplication.instance() or QApplication([])
    register_fonts()
    assert ARTICLE_FONT
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = [bench_open(app, tmp), bench_keystroke(app, tmp), bench_startup(tmp)]
    write_results("window", results)
    for r in results:
        print(r.line())
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
