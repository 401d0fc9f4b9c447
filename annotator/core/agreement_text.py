"""The agreement report as people read it: figures to three decimals, a terminal table."""

from __future__ import annotations

from annotator.core.agreement import Agreement
from annotator.core.wording import count

WORST_SHOWN = 10  # documents listed in the terminal; the JSON and HTML reports have more


def number(value: float | None) -> str:
    """A measure as shown to people: three decimals, a dash when undefined."""
    return "–" if value is None else f"{value:.3f}"


def label_name(label: str) -> str:
    return "(all)" if label == "*" else label


def text_lines(report: Agreement) -> list[str]:
    """The table ``annotator agreement`` prints, then alpha and the worst documents."""
    if not report.documents:
        return [
            "no document was annotated by two or more analysts: nothing to compare yet "
            "(annotator merge brings their files in)"
        ]
    shared = ", ".join(report.annotators)
    lines = [
        f"{count(report.documents, 'document')} shared by {shared}",
        f"{'ANALYSTS':<24} {'LABEL':<10} {'EXACT':>6} {'OVERLAP':>7} {'KAPPA':>6}",
    ]
    for item in report.pair_items():
        cells = [number(v) for v in (item.exact_f1, item.overlap_f1, item.kappa)]
        names = " / ".join(item.annotators)
        lines.append(
            f"{names:<24} {label_name(item.label):<10} {cells[0]:>6} {cells[1]:>7} {cells[2]:>6}"
        )
    lines.append(f"alpha (tokens, all labels): {number(report.alpha)}")
    lines += [
        f"  #{s.doc_id:<6} exact {number(s.exact_f1)}  {count(s.disagreements, 'disagreement')}"
        for s in report.ranking[:WORST_SHOWN]
    ]
    return lines
