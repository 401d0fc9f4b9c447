"""The interface language: which one, its translators, the mirrored layout and the digits.

Chosen once at start (``--lang``, else View ▸ Language as remembered, else the
system locale) and applied before the window is built: Qt reads the layout
direction and the translations as widgets are made, so a change in the menu
applies at the next start (the menu says so).

Digits: Qt formats the numbers it shows (counts in the lists) by the default
``QLocale``; an Arabic system locale would turn them Arabic-Indic, where ٠
reads as a dot. Western digits are the default in both languages; Arabic-Indic
digits are a setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.assets import resource
from annotator.core.models import Status
from annotator.gui.window_state import WindowState

LANGUAGES = ("en", "ar")


def tr(text: str) -> str:
    """``text`` translated, for module-level code (no ``self.tr``): pyside6-lupdate files a
    bare ``tr("...")`` under the empty context, so this looks it up there."""
    return QCoreApplication.translate("", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate (it reads this name) where it is only data, as in
    the action table; the text is translated where it is shown, in ``context``. Typed,
    unlike Qt's own."""
    return text


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def chosen_language(state: WindowState, given: str | None = None) -> str:
    """``given`` (--lang), else the remembered choice, else the system's language."""
    if given in LANGUAGES:
        return given
    remembered = state.language()
    return remembered if remembered in LANGUAGES else system_language()


def number_locale(arabic_digits: bool) -> QLocale:
    """The locale Qt formats numbers with: Western digits unless Arabic-Indic are asked for."""
    if arabic_digits:
        return QLocale(QLocale.Language.Arabic, QLocale.Country.SaudiArabia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@dataclass
class Interface:
    """What ``install`` put in place (kept alive: Qt does not own the translators)."""

    language: str
    translators: list[QTranslator]


def _load(translator: QTranslator, data: bytes) -> bool:
    # QTranslator.loadFromData keeps a pointer to the bytes: they must outlive it.
    translator._data = data  # type: ignore[attr-defined]
    return translator.load(data)  # type: ignore[call-overload,no-any-return]


def install(app: QCoreApplication, language: str, *, arabic_digits: bool = False) -> Interface:
    """Translators (ours and Qt's own for standard dialogs), layout direction and digits."""
    for old in app.findChildren(QTranslator, "annotator_translator"):
        app.removeTranslator(old)
        old.deleteLater()
    translators: list[QTranslator] = []
    if language != "en":
        ours = QTranslator(app)
        ours.setObjectName("annotator_translator")
        qm = resource("translations", f"annotator_{language}.qm")
        if qm.is_file() and _load(ours, qm.read_bytes()):
            app.installTranslator(ours)
            translators.append(ours)
        qt_own = QTranslator(app)
        qt_own.setObjectName("annotator_translator")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", folder):
            app.installTranslator(qt_own)
            translators.append(qt_own)
    QLocale.setDefault(number_locale(arabic_digits))
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
    return Interface(language, translators)


def start_interface(app: QCoreApplication, given: str | None) -> Interface:
    """At a window's start: the application's names (QSettings finds its file by them), then
    the language given (``--lang``) or remembered, with the digits remembered."""
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    state = WindowState(QSettings())
    return install(app, chosen_language(state, given), arabic_digits=state.arabic_indic_digits())


STATUS_TEXT = {
    Status.TODO: QT_TRANSLATE_NOOP("status", "todo"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("status", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("status", "done"),
}


def status_text(status: Status) -> str:
    """A document status as the analyst reads it (translated)."""
    return QCoreApplication.translate("status", STATUS_TEXT[status])
