"""The domain core: models, text rules, import and export formats.

Standard library only (plus python-bidi/arabic-reshaper for terminal output):
everything here is importable and testable without a display or a database.
"""
