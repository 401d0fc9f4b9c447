"""Where the project file is: ``--db`` beats ``ANNOTATOR_DB`` beats the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "ANNOTATOR_DB"
DEFAULT_NAME = "default.annotator.db"


def default_project_path() -> Path:
    import platformdirs  # only without --db or $ANNOTATOR_DB: a few ms of every start

    return platformdirs.user_data_path("annotator", appauthor=False) / DEFAULT_NAME


def resolve_project_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(ENV_VAR):
        return Path(env).expanduser()
    return default_project_path()
