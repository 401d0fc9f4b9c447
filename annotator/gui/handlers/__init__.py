"""What the actions run (``ActionSpec.run`` is given ``Handlers``): each helper reaches the
window only through the ``Shell`` protocol (``gui.shell``), so none imports the window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.gui.handlers.annotating import Annotating
    from annotator.gui.handlers.find import ArticleFind
    from annotator.gui.handlers.linking import Linking
    from annotator.gui.handlers.navigation import Navigation
    from annotator.gui.handlers.project_files import ProjectFiles
    from annotator.gui.handlers.recommending import Recommending
    from annotator.gui.handlers.suggesting import Suggesting


@dataclass(frozen=True, slots=True)
class Handlers:
    """Every helper an action may run, by what it does."""

    window: QWidget
    files: ProjectFiles
    annotate: Annotating
    linking: Linking
    suggest: Suggesting
    recommend: Recommending
    navigate: Navigation
    find: ArticleFind
