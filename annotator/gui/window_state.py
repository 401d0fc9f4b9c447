"""What the window remembers between runs (QSettings): layout, zoom, place in each project."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT = 8


class WindowState:
    """Typed access to the settings the window keeps; one instance per window."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._settings.value(key, default)))
        except ValueError:
            return default

    # who annotates: the name stamped on every edit made in the window
    def analyst(self) -> str:
        return str(self._settings.value("analyst/name", "") or "")

    def set_analyst(self, name: str) -> None:
        self._settings.setValue("analyst/name", name)

    # layout
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def splitter(self) -> QByteArray | None:
        value = self._settings.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def save_layout(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        self._settings.setValue("window/splitter", splitter)

    def side_splitter(self) -> QByteArray | None:
        value = self._settings.value("window/side_splitter")
        return value if isinstance(value, QByteArray) else None

    def save_side_splitter(self, state: QByteArray) -> None:
        self._settings.setValue("window/side_splitter", state)

    def hidden_document_columns(self) -> list[int]:
        """The document list's columns the analyst hid (after the title)."""
        value = str(self._settings.value("window/hidden_document_columns", "") or "")
        return [int(c) for c in value.split(",") if c.strip().isdigit()]

    def set_hidden_document_columns(self, columns: list[int]) -> None:
        self._settings.setValue("window/hidden_document_columns", ",".join(str(c) for c in columns))

    # reading
    def point_size(self, default: int) -> int:
        return self._int("view/point_size", default)

    def set_point_size(self, size: int) -> None:
        self._settings.setValue("view/point_size", size)

    def snap_to_words(self) -> bool:
        return str(self._settings.value("annotate/snap_to_words", "true")).lower() == "true"

    def set_snap_to_words(self, on: bool) -> None:
        self._settings.setValue("annotate/snap_to_words", "true" if on else "false")

    def retrain_every(self, default: int) -> int:
        """New spans after which the recommender trains again (0: only on demand)."""
        return max(0, self._int("recommender/retrain_every", default))

    def suggest_cues(self) -> bool:
        return str(self._settings.value("annotate/suggest_cues", "false")).lower() == "true"

    def set_suggest_cues(self, on: bool) -> None:
        self._settings.setValue("annotate/suggest_cues", "true" if on else "false")

    # interface: applied at start (gui.i18n), so a change here shows at the next start
    def language(self) -> str:
        """ "ar", "en", or "" (follow the system's language)."""
        return str(self._settings.value("view/language", "") or "")

    def set_language(self, language: str) -> None:
        self._settings.setValue("view/language", language)

    def arabic_indic_digits(self) -> bool:
        return str(self._settings.value("view/arabic_indic_digits", "false")).lower() == "true"

    def set_arabic_indic_digits(self, on: bool) -> None:
        self._settings.setValue("view/arabic_indic_digits", "true" if on else "false")

    # place in a project
    @staticmethod
    def _project_key(path: Path | None) -> str:
        name = str(path.resolve()) if path else ":memory:"
        return "projects/" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]

    def place(self, path: Path | None) -> tuple[int | None, int]:
        key = self._project_key(path)
        doc = self._int(f"{key}/document", -1)
        return (doc if doc >= 0 else None), self._int(f"{key}/caret", 0)

    def save_place(self, path: Path | None, doc_id: int, caret: int) -> None:
        key = self._project_key(path)
        self._settings.setValue(f"{key}/document", doc_id)
        self._settings.setValue(f"{key}/caret", caret)

    def last_project(self) -> str | None:
        value = self._settings.value("projects/last")
        return str(value) if value else None

    def set_last_project(self, path: Path | None) -> None:
        if path is not None:
            self._settings.setValue("projects/last", str(path))
            recent = [str(path), *(p for p in self.recent_projects() if p != str(path))]
            self._settings.setValue("projects/recent", recent[:RECENT])

    def recent_projects(self, besides: Path | None = None) -> list[str]:
        """Project files opened lately, newest first (those still there), ``besides`` left out."""
        value = self._settings.value("projects/recent") or []
        paths = [value] if isinstance(value, str) else [str(v) for v in value]
        here = str(besides) if besides is not None else None
        return [p for p in paths if p != here and Path(p).exists()]
