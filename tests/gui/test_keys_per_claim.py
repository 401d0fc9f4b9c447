"""One claim of the sample, with its source, cue, both links and the stance, in few keys.

Every key the test sends is counted, dialog keys included, from the article's
first line: C selects the reported clause (again: its source, then its cue).
"""

from __future__ import annotations

import io
import json

from PySide6.QtCore import Qt

from annotator.core.models import Document
from annotator.storage.exporter import write_jsonl
from tests.gui.test_attribution import back_to, in_dialogs

CLAIM = "ترفض تنظيم استفتاء يحدد مصير الإقليم"
MOST_KEYS = 15


class Keys:
    """Sends keys and counts them."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window, self.sent = qtbot, window, 0

    def __call__(self, *keys: Qt.Key) -> None:
        for key in keys:
            self.qtbot.keyClick(self.window.article, key)
            self.sent += 1

    def dialogs(self, *steps):
        self.sent += sum(len(step) for step in steps)
        return in_dialogs(self.qtbot, *steps)


def test_a_claim_with_source_cue_links_and_stance_in_at_most_15_keys(qtbot, window):
    assert window.article.caret() == 0  # the first line: the headline
    keys = Keys(qtbot, window)
    keys(Qt.Key.Key_C, Qt.Key.Key_1)  # the clause after "قالت أذربيجان إنها": CLAIM
    keys(Qt.Key.Key_C, Qt.Key.Key_2)  # again: its source, ACTOR
    keys(Qt.Key.Key_C, Qt.Key.Key_4)  # again: its cue, CUE
    with keys.dialogs([Qt.Key.Key_Return]):  # the cue links to the nearest claim
        keys(Qt.Key.Key_L)
    back_to(qtbot, window)
    keys(Qt.Key.Key_Tab)  # to the source
    with keys.dialogs([Qt.Key.Key_Return], ["1"], ["s", Qt.Key.Key_Return]):
        keys(Qt.Key.Key_L)  # the nearest claim; SOURCE (not ABOUT); stance: support
    back_to(qtbot, window)
    assert keys.sent <= MOST_KEYS, keys.sent

    out = io.StringIO()
    write_jsonl(window.project, out)
    record = json.loads(out.getvalue().splitlines()[0])
    spans = {s["id"]: (s["label"], s["text"]) for s in record["spans"]}
    assert sorted(spans.values()) == sorted(
        [("CLAIM", CLAIM), ("ACTOR", "أذربيجان"), ("CUE", "قالت")]
    )
    links = sorted(
        (r["label"], spans[r["head"]][1], spans[r["tail"]][1], r["attrs"].get("stance"))
        for r in record["relations"]
    )
    assert links == [("CUE", CLAIM, "قالت", None), ("SOURCE", CLAIM, "أذربيجان", "support")]


def test_s_selects_the_sentence_and_again_the_next(qtbot, window):
    text = window.controller.document.text
    at = text.index("وذكرت وزارة الدفاع")
    window.article.select_range(at + 3, at + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_S)
    start, end = window.article.selection_range()
    assert text[start:end].startswith("وذكرت وزارة الدفاع") and text[end] == "."
    qtbot.keyClick(window.article, Qt.Key.Key_S)
    start, end = window.article.selection_range()
    assert text[start:end].startswith("وقالت الوزارة إن العمليات")
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # a label key tags the whole sentence
    assert window.controller.current.text == text[start:end]


def opened_at_start(qtbot, window, text: str) -> tuple[int, Keys]:
    """A new document with ``text``, open with the caret at its start; keys to press."""
    doc = window.project.add_document(Document(text))
    window.reload_documents()
    window.open_document(doc)
    window.article.set_caret(0)
    return doc, Keys(qtbot, window)


def test_c_on_a_clause_without_source_or_cue_leaves_the_tagged_claim_alone(qtbot, window):
    """C 1 C 2 where no source or cue is found: the claim stays a CLAIM, nothing else is
    tagged (C used to select the clause again, and 2 relabelled it), and C then goes on to
    the next clause."""
    text = (
        "ونفت مصادر في الخارجية ذلك، مؤكدة أن القوات لم تطلق أي صواريخ. "
        "وقال الوزير إن الهدنة صامدة."
    )
    doc, keys = opened_at_start(qtbot, window, text)
    keys(Qt.Key.Key_C, Qt.Key.Key_1, Qt.Key.Key_C)
    assert "No source or cue" in window.statusBar().currentMessage()
    keys(Qt.Key.Key_2)
    spans = [(s.label, s.text) for s in window.project.spans(doc)]
    assert spans == [("CLAIM", "القوات لم تطلق أي صواريخ")]
    keys(Qt.Key.Key_C)
    start, end = window.article.selection_range()
    assert text[start:end] == "الهدنة صامدة"  # the last C: the next reported clause


def test_c_steps_over_a_missing_source_to_the_cue_without_selecting_anything(qtbot, window):
    """Pro-drop: "وأكد أن ..." has a cue and no source. C 1 C 2 must not tag the verb as the
    ACTOR: the source step selects nothing and says so; the next C selects the cue."""
    text = "وأكد أن الاتفاق صامد رغم الخروقات. وقال الوزير إن الهدنة صامدة."
    doc, keys = opened_at_start(qtbot, window, text)
    keys(Qt.Key.Key_C, Qt.Key.Key_1, Qt.Key.Key_C)
    assert "No source found" in window.statusBar().currentMessage()
    start, end = window.article.selection_range()
    assert start == end  # nothing selected
    keys(Qt.Key.Key_2)  # a label key now tags nothing
    keys(Qt.Key.Key_C)
    start, end = window.article.selection_range()
    assert text[start:end] == "أكد"
    keys(Qt.Key.Key_4)
    spans = sorted((s.label, s.text) for s in window.project.spans(doc))
    assert spans == [("CLAIM", "الاتفاق صامد رغم الخروقات"), ("CUE", "أكد")]
    keys(Qt.Key.Key_C)  # claim, source and cue done: the next reported clause
    start, end = window.article.selection_range()
    assert text[start:end] == "الهدنة صامدة"
    keys(Qt.Key.Key_C, Qt.Key.Key_C, Qt.Key.Key_C)  # its source, its cue, then no more
    start, end = window.article.selection_range()
    assert start == end and "from here on" in window.statusBar().currentMessage()
