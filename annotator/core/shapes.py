"""Checking the shape of decoded JSON: every reader uses these, none trusts its input."""

from __future__ import annotations

from typing import Any

from annotator.core.errors import InputError


def mapping(value: Any, what: str) -> dict[str, Any]:
    """``value`` as a JSON object (None counts as empty), or a clear error."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{what} must be an object, got {type(value).__name__}")
    return value


def objects(value: Any, what: str) -> list[dict[str, Any]]:
    """``value`` as a list of JSON objects (None counts as empty), or a clear error."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"{what} must be a list of objects")
    return value


def optional_str(value: Any, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InputError(f"{what} must be a string")
    return value


def is_id(value: Any) -> bool:
    """A record-local id: an integer or a string (never a bool, list or object)."""
    return isinstance(value, int | str) and not isinstance(value, bool)


def source_id(value: Any, where: str) -> str | None:
    """The id a source gave a document, as ``Document.external_id``: a string.

    Tools write integers (doccano, Label Studio task ids) or strings; both are
    kept as their digits or text. None (or blank) when the source gave none.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{where} must be a string or an integer, got {type(value).__name__}")
    text = str(value)
    if not text.strip():
        return None
    return text
