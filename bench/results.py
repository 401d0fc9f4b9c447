"""Benchmark results: one table per suite in bench/RESULTS.md, with the machine it ran on."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


@dataclass
class Result:
    what: str
    median_ms: float
    floor_ms: float | None
    floor: str
    target: str
    ok: bool
    unit: str = "ms"

    def ratio(self) -> str:
        return f"{self.median_ms / self.floor_ms:.2f}×" if self.floor_ms else "—"

    def line(self) -> str:
        floor = f"{self.floor_ms:.1f} {self.unit}" if self.floor_ms is not None else "—"
        mark = "met" if self.ok else "MISSED"
        cells = [
            self.what,
            f"{self.median_ms:.1f} {self.unit}",
            f"{floor} ({self.floor})",
            self.ratio(),
        ]
        return "| " + " | ".join([*cells, self.target, mark]) + " |"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    system = f"{platform.system()} {platform.release()}"
    python = platform.python_version()
    return f"{cpu}, {os.cpu_count()} cores, Python {python}, PySide6 {pyside}, {system}"


def write_results(suite: str, results: list[Result]) -> None:
    """Replace this suite's section of RESULTS.md, keeping the others."""
    header = "# Benchmark results\n\nMedians of repeated runs; floors measured in the same run."
    sections: dict[str, str] = {}
    if RESULTS.exists():
        parts = RESULTS.read_text(encoding="utf-8").split("\n## ")
        header = parts[0].strip()
        sections = {p.split("\n", 1)[0]: "## " + p.strip() for p in parts[1:]}
    sections[suite] = (
        f"## {suite}\n\nMachine: {machine()}\n\n"
        "| what | median | floor | ratio | target | |\n|---|---|---|---|---|---|\n"
        + "\n".join(r.line() for r in results)
    )
    RESULTS.write_text("\n\n".join([header, *sections.values()]) + "\n", encoding="utf-8")
