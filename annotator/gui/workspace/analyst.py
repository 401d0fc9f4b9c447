"""Who is annotating: the name stamped on every span, relation and document attribute.

A team works from files (docs/teams.md): each analyst's edits must carry their
name so that merging, agreement and curation can tell the layers apart. A file
made by ``annotator assign`` names its analyst, and that name wins; otherwise
the name the analyst gave (remembered in the settings), else the account's
user name, which is what an analyst who never set one would expect.
"""

from __future__ import annotations

import getpass

from annotator.core.layers import check_name
from annotator.storage.project import Project
from annotator.storage.team_assign import analyst_of

FALLBACK = "analyst"


def os_user() -> str:
    try:
        return getpass.getuser() or FALLBACK
    except (KeyError, OSError):  # no user name for this uid (containers)
        return FALLBACK


def analyst_name(project: Project, remembered: str) -> tuple[str, bool]:
    """The name to stamp, and whether the project file itself fixes it (an assigned file)."""
    assigned = analyst_of(project)
    if assigned:
        return assigned, True
    return (remembered or os_user()), False


def valid_name(text: str) -> str:
    """``text`` as a layer name, or AnnotatorError saying why it cannot be one."""
    return check_name(text.strip())
