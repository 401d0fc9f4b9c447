"""SQLite project files through ``sqlite3``: opening, migrating, reading, writing.

One project is one SQLite file. The layout is documented in docs/schema.md so
analysts can open it with the ``sqlite3`` shell, sqlite-utils or Datasette.
"""
