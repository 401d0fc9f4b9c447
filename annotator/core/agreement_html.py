"""The agreement report as one self-contained HTML file: tables, an SVG heat map, bars.

No scripts, no external resources: it opens from a mail attachment or a
shared folder as it is. Every piece of text (titles, names, labels) is
escaped: article text is never HTML. Titles are Arabic, so each sits in its
own ``dir="auto"`` element.
"""

from __future__ import annotations

from html import escape

from annotator.core.agreement import NONE, Agreement
from annotator.core.agreement_text import label_name, number
from annotator.core.wording import count

BARS_SHOWN = 100  # documents in the bar chart, worst first; the JSON has them all

_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th { background: #f2f2f2; }
td.name { text-align: left; }
.muted { color: #777; }
svg text { font-family: sans-serif; font-size: 12px; }
"""


def _heat(value: float) -> str:
    """White to deep blue as a share goes from 0 to 1."""
    level = max(0.0, min(1.0, value))
    r, g, b = (round(255 - level * (255 - c)) for c in (33, 102, 172))
    return f"#{r:02x}{g:02x}{b:02x}"


def heat_map(report: Agreement) -> str:
    """Rows: the label one analyst gave; columns: what the other gave the same stretch."""
    rows = list(report.labels)
    columns = [*rows, NONE]
    cell, left, top = 56, 110, 90
    width, height = left + cell * len(columns) + 10, top + cell * len(rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="label confusion">'
    ]
    for j, name in enumerate(columns):
        x = left + j * cell + cell / 2
        shown = escape(name or "(nothing)")
        parts.append(
            f'<text x="{x}" y="{top - 8}" text-anchor="start" '
            f'transform="rotate(-40 {x} {top - 8})">{shown}</text>'
        )
    for i, row in enumerate(rows):
        y = top + i * cell
        total = sum(report.confusion.get((row, c), 0) for c in columns)
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 4}" text-anchor="end">{escape(row)}</text>'
        )
        for j, column in enumerate(columns):
            n = report.confusion.get((row, column), 0)
            share = n / total if total else 0.0
            x = left + j * cell
            ink = "#fff" if share > 0.55 else "#222"
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{_heat(share)}" '
                f'stroke="#fff"><title>{escape(row)} / {escape(column or "nothing")}: {n}</title>'
                f'</rect><text x="{x + cell / 2}" y="{y + cell / 2 + 4}" text-anchor="middle" '
                f'fill="{ink}">{n}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def document_bars(report: Agreement) -> str:
    """One bar per document, worst first: its exact F1 across its analysts' pairs."""
    shown = report.ranking[:BARS_SHOWN]
    row, left, bar = 18, 70, 300
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + bar + 60}" '
        f'height="{row * len(shown) + 10}" role="img" aria-label="agreement by document">'
    ]
    for i, score in enumerate(shown):
        y = i * row + 4
        value = score.exact_f1 if score.exact_f1 is not None else 1.0
        parts.append(
            f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">#{score.doc_id}</text>'
            f'<rect x="{left}" y="{y}" width="{bar}" height="{row - 4}" fill="#eee"/>'
            f'<rect x="{left}" y="{y}" width="{round(bar * value, 1)}" height="{row - 4}" '
            f'fill="{_heat(1 - value * 0.8)}"><title>{escape(score.title)}</title></rect>'
            f'<text x="{left + bar + 6}" y="{y + 12}">{number(score.exact_f1)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _pair_table(report: Agreement) -> str:
    head = (
        "<tr><th>analysts</th><th>label</th><th>documents</th><th>exact F1</th>"
        "<th>overlap F1</th><th>kappa</th><th>spans a</th><th>spans b</th></tr>"
    )
    rows = [
        f'<tr><td class="name">{escape(" / ".join(item.annotators))}</td>'
        f'<td class="name">{escape(label_name(item.label))}</td><td>{item.documents}</td>'
        f"<td>{number(item.exact_f1)}</td><td>{number(item.overlap_f1)}</td>"
        f"<td>{number(item.kappa)}</td><td>{item.a_spans}</td><td>{item.b_spans}</td></tr>"
        for item in report.pair_items()
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def _ranking_table(report: Agreement) -> str:
    head = (
        "<tr><th>document</th><th>title</th><th>analysts</th><th>exact F1</th>"
        "<th>overlap F1</th><th>disagreements</th></tr>"
    )
    rows = [
        f'<tr><td>#{s.doc_id}</td><td class="name" dir="auto">{escape(s.title)}</td>'
        f'<td class="name">{escape(", ".join(s.annotators))}</td><td>{number(s.exact_f1)}</td>'
        f"<td>{number(s.overlap_f1)}</td><td>{s.disagreements}</td></tr>"
        for s in report.ranking[:BARS_SHOWN]
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def render(report: Agreement, title: str = "Agreement") -> str:
    """The whole report page."""
    alphas = "".join(
        f'<tr><td class="name">{escape(label)}</td><td>{number(value)}</td></tr>'
        for label, value in report.alpha_by_label().items()
    )
    relations = "".join(
        f'<tr><td class="name">{escape(" / ".join(r.annotators))}</td>'
        f'<td class="name">{escape(r.label)}</td><td>{number(r.f1)}</td>'
        f"<td>{r.a_relations}</td><td>{r.b_relations}</td></tr>"
        for r in report.relations.values()
    )
    if not relations:
        relations = (
            '<tr><td class="name" colspan="5">no relations in the shared documents</td></tr>'
        )
    more = len(report.ranking) - BARS_SHOWN
    cut = f'<p class="muted">{more} more documents in the JSON report.</p>' if more > 0 else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{count(report.documents, 'document')} annotated by two analysts or more; analysts: "
        f"{escape(', '.join(report.annotators)) or 'none'}. "
        f"Krippendorff's alpha over tokens, all labels: <b>{number(report.alpha)}</b>.</p>"
        f"<h2>Pairs of analysts</h2>{_pair_table(report)}"
        f"<h2>Alpha by label</h2><table><tr><th>label</th><th>alpha</th></tr>{alphas}</table>"
        "<h2>Relations</h2><table><tr><th>analysts</th><th>relation</th><th>F1</th>"
        f"<th>a</th><th>b</th></tr>{relations}</table>"
        "<h2>Which label the other analyst gave</h2>"
        '<p class="muted">Rows: the label one analyst gave a span; columns: the label the other '
        "gave the same stretch (the same label if they did, else the one overlapping most), "
        "both directions of every pair.</p>"
        f"{heat_map(report)}"
        f'<h2 id="documents">Documents, worst first</h2>{document_bars(report)}'
        f"{_ranking_table(report)}{cut}"
        "</body></html>\n"
    )
