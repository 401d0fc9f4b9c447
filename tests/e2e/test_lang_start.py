"""``annotator --lang ar`` and an Arabic system locale start the window in Arabic, mirrored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
def shown():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == 'main_window')
    print(json.dumps({
        'rtl': app.isRightToLeft(),
        'menus': [a.text() for a in window.menuBar().actions()],
        'number': QLocale().toString(1234),
    }))
    window.close()
QTimer.singleShot(0, shown)
from annotator import main
sys.exit(main.main(sys.argv[1:]))
"""


def start(tmp_path: Path, args: list[str], **env_extra: str) -> dict[str, object]:
    # Only LANG speaks for the system: the other locale variables would override it.
    unset = ("LC_ALL", "LC_NUMERIC", "LC_MESSAGES", "LANGUAGE", "ANNOTATOR_DB")
    env = {name: value for name, value in os.environ.items() if name not in unset}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
        **env_extra,
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(tmp_path / "p.annotator.db"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_lang_ar_opens_the_window_in_arabic(tmp_path: Path):
    shown = start(tmp_path, ["--lang", "ar"], LANG="C.UTF-8")
    assert shown == {
        "rtl": True,
        "menus": ["&ملف", "&تحرير", "ت&وسيم", "ا&قتراحات", "ت&نقل", "ال&مقترِح", "&عرض", "م&ساعدة"],
        "number": "1,234",
    }


@pytest.mark.slow
def test_an_arabic_system_locale_means_arabic_with_western_digits(tmp_path: Path):
    shown = start(tmp_path, [], LANG="ar_EG.UTF-8")
    assert shown["rtl"] is True and shown["menus"][0] == "&ملف"
    assert shown["number"] == "1,234"  # not ١٬٢٣٤
    english = start(tmp_path, ["--lang", "en"], LANG="ar_EG.UTF-8")
    assert english["rtl"] is False and english["menus"][0] == "&File"


@pytest.mark.slow
def test_language_ar_alone_no_longer_changes_only_the_digits(tmp_path: Path):
    shown = start(tmp_path, [], LANGUAGE="ar", LANG="C.UTF-8")
    assert shown["rtl"] is True and shown["menus"][0] == "&ملف"
    assert shown["number"] == "1,234"
