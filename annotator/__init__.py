"""annotator: keyboard-driven annotation of Arabic (right-to-left) news articles.

The package is layered (checked by import-linter, see pyproject.toml):
``core`` (pure domain, no Qt, no SQLite) <- ``storage`` (SQLite project files)
<- ``cli`` and ``gui`` <- ``app`` <- ``main``.
"""

__version__ = "0.1.0"
