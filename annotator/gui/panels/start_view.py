"""What the window shows in place of the article while the project has no documents.

An empty project used to open as a blank window with no hint of what to do.
This page offers the ways in: import files, import a folder, the sample article,
or another project from the recent list.

Signals:
    import_files_requested(), import_folder_requested(), sample_requested()
    project_requested(str path): a recent project was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QVBoxLayout, QWidget


class StartView(QWidget):
    import_files_requested = Signal()
    import_folder_requested = Signal()
    sample_requested = Signal()
    project_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_view")
        heading = QLabel(self.tr("This project has no documents yet."), self)
        heading.setObjectName("start_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(heading)
        for name, text, signal in (
            ("import_files", self.tr("Import Files… (Ctrl+I)"), self.import_files_requested),
            (
                "import_folder",
                self.tr("Import a Folder… (Ctrl+Shift+I)"),
                self.import_folder_requested,
            ),
            ("sample", self.tr("Open the Sample Article"), self.sample_requested),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"start_{name}")
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
            self.buttons[name] = button
        self.recent_title = QLabel(self.tr("Recent projects (Enter opens one):"), self)
        self.recent = QListView(self)
        self.recent.setObjectName("recent_projects")
        self.recent_model = QStringListModel(self)
        self.recent.setModel(self.recent_model)
        self.recent.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.recent.activated.connect(self._on_recent_activated)
        layout.addSpacing(16)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def set_recent(self, paths: Sequence[str], *, sample: bool) -> None:
        """The recent projects other than the open one; the sample button where it can run."""
        self.recent_model.setStringList(list(paths))
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
        self.buttons["sample"].setVisible(sample)

    def _on_recent_activated(self, index: QModelIndex) -> None:
        self.project_requested.emit(str(index.data()))
