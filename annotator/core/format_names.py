"""The names of the import and export formats, for the command line's choices.

Only names: the parser lists them without importing a reader or a writer, so
``annotator --help`` and every command that does not read or write a format
start without them. ``core.importing`` and ``storage.exporter`` take their
names from here (the exporter checks its writers against them).
"""

from __future__ import annotations

IMPORT_FORMATS = ("native", "doccano", "labelstudio", "prodigy", "brat")
EXPORT_FORMATS = (
    "jsonl",
    "entities",
    "brat",
    "conll",
    "doccano",
    "hf",
    "labelstudio",
    "prodigy",
    "spacy",
)
