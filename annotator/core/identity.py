"""Document identity shared by every project: the ``uid`` of an article.

A ``uid`` is derived from the canonical stored text alone, so two projects
that imported the same article (an analyst's file and the team project, or two
imports of the same page in different encodings) agree on it without talking
to each other. Merging analysts' work matches documents by it.
"""

from __future__ import annotations

import hashlib

UID_LENGTH = 32
"""Hex digits kept of the SHA-256: 128 bits, far from any collision in a corpus."""


def document_uid(text: str) -> str:
    """The uid of a document whose canonical stored text is ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:UID_LENGTH]
