"""The one place that knows where packaged assets live.

In an installed wheel, the top-level ``resources/`` folder and the sample
article are shipped as ``annotator/resources`` (see pyproject.toml) and read
with ``importlib.resources``. In a source checkout run without installing,
the same files are read from the repository.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from annotator.core.schema import Schema, load_schema_text

SAMPLE_ARTICLE = "karabakh_ceasefire_raw.txt"


def _root() -> Traversable:
    packaged = resources.files("annotator").joinpath("resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"  # source checkout


def resource(*parts: str) -> Traversable:
    return _root().joinpath(*parts)


def default_schema() -> Schema:
    return load_schema_text(resource("schema", "default.json").read_text(encoding="utf-8"))


def sample_article() -> bytes:
    """The scraped Arabic news page the default project is seeded with."""
    packaged = resource("sample", SAMPLE_ARTICLE)
    if packaged.is_file():
        return packaged.read_bytes()
    return (Path(__file__).resolve().parent.parent / "sample_data" / SAMPLE_ARTICLE).read_bytes()
