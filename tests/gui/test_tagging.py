"""An analyst tags the RTL sample with the keyboard; the store holds exactly what was meant."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from annotator.core.models import Status
from tests.gui.conftest import EMOJI_TEXT
from tests.spans import add_span

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored(window, doc_id=None):
    doc_id = doc_id or window.controller.document.id
    return [(s.label, s.text) for s in window.project.spans(doc_id)]


def open_doc(qtbot, window, title: str) -> int:
    doc_id = next(d.id for d in window.project.documents() if d.title == title)
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.controller.document.id == doc_id)
    return doc_id


def test_article_has_focus_with_the_caret_at_the_start(window):
    assert window.article.hasFocus()
    assert window.article.caret() == 0
    assert window.controller.document.text.startswith("تجدد القتال العنيف")


def test_ctrl_shift_left_selects_forward_in_rtl_and_a_hotkey_tags_it(qtbot, window):
    # In a right-to-left line, Left moves forward in reading order and takes
    # the trailing space along; the span is trimmed to the word.
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL_SHIFT)
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL_SHIFT)
    assert window.article.selection_range() == (0, len("تجدد القتال "))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    assert stored(window) == [("CLAIM", "تجدد القتال")]
    [span] = window.project.spans(window.controller.document.id)
    assert (span.start, span.end) == (0, 11)
    assert window.project.document(span.doc_id).status is Status.IN_PROGRESS


def test_span_after_an_emoji_has_code_point_offsets(qtbot, window):
    doc_id = open_doc(qtbot, window, "emoji")
    window.article.set_caret(EMOJI_TEXT.index("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL_SHIFT)
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    [span] = window.project.spans(doc_id)
    assert (span.start, span.end, span.label) == (7, 15, "LOCATION")
    assert EMOJI_TEXT[span.start : span.end] == span.text == "أذربيجان"


def test_mid_word_selection_snaps_and_alt_keeps_it_exact(qtbot, window):
    doc_id = open_doc(qtbot, window, "emoji")
    start = EMOJI_TEXT.index("قره")
    window.article.set_caret(start + 1)
    for _ in range(4):  # "ره", the space, then "ب" of "باغ"
        qtbot.keyClick(window.article, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    assert stored(window, doc_id) == [("LOCATION", "قره باغ")]
    window.article.set_caret(EMOJI_TEXT.index("القتال") + 2)
    for _ in range(4):
        qtbot.keyClick(window.article, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.article, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert ("CLAIM", "قتال") in stored(window, doc_id)


def test_punctuation_and_quotes_are_trimmed(qtbot, window):
    text = window.controller.document.text
    quoted = "“بعدما تكبد خسائر كبيرة”."
    start = text.index(quoted)
    window.article.select_range(start - 1, start + len(quoted))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    assert stored(window) == [("CLAIM", "بعدما تكبد خسائر كبيرة")]


def test_nested_spans_relabel_delete_undo_redo(qtbot, window):
    text = window.controller.document.text
    claim = "قالت وزارة الدفاع الأذرية إن تم إطلاق صواريخ باليستية من الأراضي الأرمينية"
    actor = "وزارة الدفاع الأذرية"
    window.article.select_range(text.index(claim), text.index(claim) + len(claim))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    window.article.select_range(text.index(actor), text.index(actor) + len(actor))
    qtbot.keyClick(window.article, Qt.Key.Key_3)  # wrong key...
    qtbot.keyClick(window.article, Qt.Key.Key_2)  # ...corrected at once: relabels the new span
    assert sorted(stored(window)) == [("ACTOR", actor), ("CLAIM", claim)]
    assert window.annotations.rowCount() == 2

    qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert window.controller.current is None
    window.article.set_caret(0)
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)  # first span in reading order: the claim
    assert window.controller.current.label == "CLAIM"
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    assert window.controller.current.label == "ACTOR"
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert stored(window) == [("CLAIM", claim)]

    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(stored(window)) == [("ACTOR", actor), ("CLAIM", claim)]
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the relabel
    assert sorted(stored(window)) == [("CLAIM", claim), ("LOCATION", actor)]
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL_SHIFT)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL_SHIFT)
    assert stored(window) == [("CLAIM", claim)]
    assert window.annotations.rowCount() == 1


def test_strip_proclitic_command(qtbot, window):
    text = window.controller.document.text
    word = "وأذربيجان"
    start = text.index(word)
    window.article.select_range(start, start + len(word))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    qtbot.keyClick(window.article, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == [("LOCATION", "أذربيجان")]
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == [("LOCATION", word)]


def test_hotkey_without_selection_explains(qtbot, window):
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert stored(window) == []
    assert "Select some text" in window.statusBar().currentMessage()


def test_selecting_an_annotation_selects_it_in_the_text(qtbot, window):
    text = window.controller.document.text
    start = text.index("موسكو")
    window.article.select_range(start, start + 5)
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    window.article.set_caret(0)
    table = window.side_panel.annotations
    table.setFocus()
    table.selectRow(0)
    assert window.article.selection_range() == (start, start + 5)
    assert window.article.textCursor().selectedText() == "موسكو"


def test_every_edit_is_on_disk_at_once(qtbot, window, tmp_path):
    import sqlite3

    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL_SHIFT)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    other = sqlite3.connect(window.project.path)  # another process's view, no commit asked
    assert other.execute("SELECT label, text FROM spans").fetchall() == [("ACTOR", "تجدد")]
    other.close()


def test_cursor_never_splits_an_emoji(qtbot, window):
    open_doc(qtbot, window, "emoji")
    window.article.set_caret(6)  # just after the emoji
    cursor = window.article.textCursor()
    assert cursor.position() == 7  # UTF-16: the emoji is two units
    cursor.movePosition(
        QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor
    )
    window.article.setTextCursor(cursor)
    assert window.article.selection_range() == (5, 6)


def highlighted_ranges(window) -> list[tuple[int, int]]:
    """(start, end) Qt positions of every highlight format laid over the article."""
    ranges = []
    block = window.article.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            ranges.append(
                (
                    block.position() + fmt_range.start,
                    block.position() + fmt_range.start + fmt_range.length,
                )
            )
        block = block.next()
    return ranges


def test_highlights_sit_on_the_spans_letters_after_an_emoji(qtbot, window):
    open_doc(qtbot, window, "emoji")
    start = EMOJI_TEXT.index("أذربيجان")
    window.article.select_range(start, start + 8)
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    # Qt positions: the emoji before the span counts two UTF-16 units.
    assert highlighted_ranges(window) == [(start + 1, start + 9)]
    window.open_document(1)
    window.open_document(next(d.id for d in window.project.documents() if d.title == "emoji"))
    assert highlighted_ranges(window) == [(start + 1, start + 9)]  # painted again on reopening


def test_nested_spans_are_all_painted(qtbot, window):
    text = window.controller.document.text
    claim = "قالت وزارة الدفاع الأذرية إن تم إطلاق صواريخ"
    actor = "وزارة الدفاع الأذرية"
    c, a = text.index(claim), text.index(actor)
    for (start, length), key in (((c, len(claim)), Qt.Key.Key_1), ((a, len(actor)), Qt.Key.Key_2)):
        window.article.select_range(start, start + length)
        qtbot.keyClick(window.article, key)
    # Three segments: claim before the actor, the actor (claim underline kept), claim after.
    assert highlighted_ranges(window) == [
        (c, a),
        (a, a + len(actor)),
        (a + len(actor), c + len(claim)),
    ]
    block = window.article.document().findBlock(a)
    looks = {
        r.start + block.position(): (
            r.format.underlineStyle(),
            r.format.background().color().name(),
        )
        for r in block.layout().formats()
    }
    assert looks[a][0] == looks[c][0] == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert looks[a][1] != looks[c][1]  # the actor's own colour inside the claim


def test_a_long_article_is_painted_to_its_last_paragraph(qtbot, window):
    paragraphs = [f"الفقرة رقم {i} عن أذربيجان وأرمينيا." for i in range(400)]
    text = "\n".join(paragraphs)
    from annotator.core.models import Document

    doc_id = window.project.add_document(Document(text, meta={"title": "long"}))
    last = text.rindex("أرمينيا")
    add_span(window.project, doc_id, 0, 6, "CLAIM")
    add_span(window.project, doc_id, last, last + 7, "ACTOR")
    window.reload_documents()
    window.open_document(doc_id)
    # The paragraph at the caret is painted at once, the far one right after.
    assert (0, 6) in highlighted_ranges(window)
    qtbot.waitUntil(lambda: (last, last + 7) in highlighted_ranges(window), timeout=2000)


def test_a_full_disk_refuses_the_tag_and_the_window_carries_on(qtbot, window):
    conn = window.project.db.conn
    conn.execute("PRAGMA query_only = ON")  # every write now fails, as on a full or read-only disk
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL_SHIFT)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert "not saved" in window.statusBar().currentMessage()
    assert window.annotations.rowCount() == 0 and window.controller.undo_stack.count() == 0
    conn.execute("PRAGMA query_only = OFF")
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert stored(window) == [("ACTOR", "تجدد")]


def test_html_markdown_and_bidi_controls_are_shown_literally(qtbot, window):
    from annotator.core.models import Document

    text = (
        "<b>عاجل</b> <img src=x onerror=alert(1)> **مهم** \u202eمعكوس\u202c &amp; [رابط](http://x)"
    )
    doc_id = window.project.add_document(Document(text, meta={"title": "html"}))
    window.reload_documents()
    window.open_document(doc_id)
    assert window.article.toPlainText() == text
    assert window.article.document().toPlainText() == text
    assert window.project.document(doc_id).text == text


def test_tag_all_occurrences_in_one_undoable_step(qtbot, window):
    text = window.controller.document.text
    first = text.index("أذربيجان إنها")
    window.article.select_range(first, first + len("أذربيجان"))
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    qtbot.keyClick(window.article, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    spans = window.project.spans(1)
    expected = text.count("أذربيجان")
    assert len(spans) == expected
    assert {s.text for s in spans} == {"أذربيجان"}  # "وأذربيجان": the و stays outside
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.project.spans(1)) == 1


def test_find_in_the_article_then_tag_the_match(qtbot, window):
    from tests.gui.conftest import type_text

    text = window.controller.document.text
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.edit.hasFocus()
    type_text(window.find_bar.edit, "اذربيجان")  # no hamza: finds أذربيجان and وأذربيجان
    total = text.count("أذربيجان")
    assert window.find_bar.count.text() == f"1 / {total}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 / {total}"
    second = [i for i in range(len(text)) if text.startswith("أذربيجان", i)][1]
    assert window.article.selection_range() == (second, second + len("أذربيجان"))
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert window.article.hasFocus() and not window.find_bar.isVisible()
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    assert stored(window) == [("LOCATION", "أذربيجان")]
