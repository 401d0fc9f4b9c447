"""The Arabic interface: translations shipped and complete, a mirrored window, Western digits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator import app as app_module
from annotator import main as main_module
from annotator.gui.actions import all_specs
from annotator.gui.dialogs.shortcuts import markdown_sheet, shortcut_model
from annotator.gui.i18n import chosen_language, install, start_interface
from annotator.gui.main_window import MainWindow
from annotator.gui.window_state import WindowState
from tests.gui.conftest import show
from tests.spans import add_span

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
TOOLS = Path(sys.executable).parent
ARABIC_MENUS = ["&ملف", "&تحرير", "ت&وسيم", "ا&قتراحات", "ت&نقل", "ال&مقترِح", "&عرض", "م&ساعدة"]


@pytest.fixture
def arabic(qapp):
    """The interface as ``annotator --lang ar`` sets it up; English again afterwards."""
    args = app_module.parse_args(["--lang", "ar"])
    yield start_interface(qapp, args.lang)  # as app.run does, before the window
    install(qapp, "en")


def test_lang_takes_a_value_and_opens_the_window_not_the_command_line():
    assert not main_module.wants_cli(["--lang", "ar"])
    assert not main_module.wants_cli(["--db", "p.db", "--lang", "en"])
    assert main_module.wants_cli(["--lang", "ar", "stats"])
    assert app_module.parse_args(["--lang", "ar"]).lang == "ar"


def test_the_window_in_arabic_is_mirrored_with_arabic_menus(
    qtbot, arabic, gui_project, settings, tmp_path
):
    assert arabic.language == "ar" and len(arabic.translators) == 2  # ours and Qt's qtbase_ar
    text = gui_project.document(1).text
    cue_at, claim_at = text.index("قالت"), text.index("تم إطلاق")
    cue = add_span(gui_project, 1, cue_at, cue_at + 4, "CUE")
    claim = add_span(gui_project, 1, claim_at, claim_at + 8, "CLAIM")
    gui_project.add_relation("CUE", claim.id, cue.id)
    window = show(qtbot, MainWindow(gui_project, settings, language="ar"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft() and window.splitter.isRightToLeft()
    assert window.side_panel.labels.isRightToLeft() and window.menuBar().isRightToLeft()
    assert [a.text() for a in window.menuBar().actions()] == ARABIC_MENUS
    assert window.actions_by_id["span.delete"].text() == "&حذف المقطع"
    assert window.actions_by_id["label.CLAIM"].text() == "وسم بـ CLAIM"  # the label stays as data
    # Docks are not mirrored by Qt: in Arabic they sit on the left, the outer side.
    assert window.dockWidgetArea(window.registry) == Qt.DockWidgetArea.LeftDockWidgetArea
    header = window.side_panel.labels.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "الوسم"
    assert "قيد العمل" in window.summary.plain and "CLAIM 1" in window.summary.plain
    # The link's arrow points the way the Arabic line reads: from the claim on to its cue.
    window.controller.set_current(window.controller.span_by_id(claim.id))
    assert window.link_model.index(0, 0).data() == "\u200f← CUE"
    window.controller.set_current(window.controller.span_by_id(cue.id))
    assert window.link_model.index(0, 0).data() == "\u200f→ CUE"
    # Qt's own dialogs speak Arabic too (qtbase_ar.qm).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.buttons()[0].text() not in ("&Close", "Close")
    box.deleteLater()
    # Digits stay Western by default: counts in the lists are not Arabic-Indic.
    assert QLocale().toString(1234) == "1,234"
    count = window.side_panel.labels.model().index(0, 2)
    assert window.side_panel.labels.itemDelegate().displayText(0, QLocale()) == "0"
    assert count.isValid()
    # The screenshot in docs/ is this window (docs/make_screenshot.py draws it).
    window.resize(1500, 900)
    grabbed = window.grab()
    assert not grabbed.isNull()
    grabbed.save(str(tmp_path / "arabic.png"))
    shipped = QImage(str(REPO / "docs" / "screenshot_ar.png"))
    assert shipped.size() == grabbed.size()
    window.close()


def test_the_f1_sheet_and_docs_come_in_arabic(arabic, gui_project):
    specs = all_specs(gui_project.schema.span_labels)
    model = shortcut_model(specs)
    assert [model.horizontalHeaderItem(c).text() for c in range(3)] == [
        "القائمة",
        "الأمر",
        "المفاتيح",
    ]
    reference = (REPO / "docs" / "keyboard.ar.md").read_text(encoding="utf-8")
    assert reference == markdown_sheet(specs), (
        "regenerate it: .venv/bin/python docs/make_keyboard_reference.py"
    )


def test_arabic_indic_digits_are_a_setting(qapp, qtbot, window, settings):
    window.actions_by_id["view.digits"].trigger()
    assert WindowState(settings).arabic_indic_digits()
    try:
        install(qapp, "ar", arabic_digits=WindowState(settings).arabic_indic_digits())
        assert QLocale().toString(12) == "١٢"
        window.summary.refresh()  # as a window started now would show it
        assert "CLAIM ٠" in window.summary.plain and window.summary.plain.startswith("#1 ")
    finally:
        install(qapp, "en")
    assert QLocale().toString(12) == "12"


def test_view_language_is_remembered_for_the_next_start(qtbot, window, settings):
    assert window.actions_by_id["view.lang.en"].isChecked()
    window.actions_by_id["view.lang.ar"].trigger()
    assert window.actions_by_id["view.lang.ar"].isChecked()
    assert not window.actions_by_id["view.lang.en"].isChecked()
    assert chosen_language(WindowState(settings)) == "ar"
    assert chosen_language(WindowState(settings), "en") == "en"  # --lang wins for one run
    assert "next start" in window.statusBar().currentMessage()


def test_the_shipped_qm_is_a_fresh_lrelease_of_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(TRANSLATIONS / "annotator_ar.ts"),
         "-qm", str(fresh)],
        check=True, timeout=120,
    )  # fmt: skip
    assert (TRANSLATIONS / "annotator_ar.qm").read_bytes() == fresh.read_bytes(), (
        "recompile it: .venv/bin/pyside6-lrelease resources/translations/annotator_ar.ts"
    )


def test_every_interface_string_has_an_arabic_translation(tmp_path):
    ts = tmp_path / "annotator_ar.ts"
    shutil.copy(TRANSLATIONS / "annotator_ar.ts", ts)
    sources = sorted(str(p) for p in (REPO / "annotator" / "gui").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete",
         "-locations", "none", "-silent"],
        check=True, timeout=120,
    )  # fmt: skip
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert not untranslated, (
        f"translate these in resources/translations/annotator_ar.ts: {untranslated}"
    )
