"""What the action table's entries run and when they can: typed helpers for ``actions``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.gui.action_spec import Enabled, Run
from annotator.gui.shell import Shell

if TYPE_CHECKING:
    from annotator.gui.handlers import Handlers


def run(do: Callable[[Handlers], object]) -> Run:
    """Types the table's lambdas: ``h`` is the window's Handlers, so mypy checks each call."""
    return do


def has_current_span(shell: Shell) -> bool:
    return shell.controller.current is not None


def has_document(shell: Shell) -> bool:
    return shell.controller.document is not None


def next_language(code: str) -> Enabled:
    """Whether the interface will be in ``code`` at the next start (the menu's check mark)."""
    return lambda shell: (shell.state.language() or shell.language) == code
