"""SQLite project files through sqlite-utils: opening, migrating, reading, writing.

One project is one SQLite file. The layout is documented in docs/schema.md so
analysts can open it with ``sqlite-utils`` or Datasette.
"""
