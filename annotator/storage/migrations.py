"""Schema migrations, applied in order; ``PRAGMA user_version`` is the version.

Each entry turns version ``n`` into ``n + 1`` and runs in one transaction with
the version bump. Never edit a released entry: append a new one.

Invariants are enforced by the database itself, not only by Python code, so a
project edited with ``sqlite-utils`` or Datasette cannot break them either:

* a span's ``text`` equals the document text at its offsets (SQLite's
  ``substr`` counts code points, like Python's ``str``);
* a document's text cannot change once it has spans;
* a relation links two spans of its own document.
"""

from __future__ import annotations

_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

# Body of the two triggers (insert, update) keeping span text = document text at its offsets.
_SPAN_TEXT_MUST_MATCH = """
WHEN NEW."end" > (SELECT length(text) FROM documents WHERE id = NEW.doc_id)
  OR NEW.text IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                      FROM documents WHERE id = NEW.doc_id)
BEGIN
    SELECT RAISE(ABORT, 'span text does not match the document text at its offsets');
END;"""

V1 = f"""
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
    meta TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(meta)),
    raw TEXT,
    created_at TEXT NOT NULL DEFAULT {_NOW},
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);

CREATE TABLE labels (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('span', 'relation')),
    color TEXT NOT NULL,
    hotkey TEXT,
    ord INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    head TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(head)),
    tail TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tail))
);

CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
    text TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
    annotator TEXT,
    created_at TEXT NOT NULL DEFAULT {_NOW},
    updated_at TEXT NOT NULL DEFAULT {_NOW},
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX spans_by_doc ON spans(doc_id, start, "end");
CREATE INDEX spans_by_label ON spans(label);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
    attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
    annotator TEXT,
    created_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE INDEX relations_by_doc ON relations(doc_id);
CREATE INDEX relations_by_head ON relations(head);
CREATE INDEX relations_by_tail ON relations(tail);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    wikidata TEXT,
    geonames TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT {_NOW},
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);

CREATE TRIGGER documents_text_is_immutable_once_annotated
BEFORE UPDATE OF text ON documents
WHEN NEW.text IS NOT OLD.text AND EXISTS (SELECT 1 FROM spans WHERE doc_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'document text is immutable once it has annotations');
END;

CREATE TRIGGER spans_text_matches_offsets_on_insert
BEFORE INSERT ON spans
{_SPAN_TEXT_MUST_MATCH}

CREATE TRIGGER spans_text_matches_offsets_on_update
BEFORE UPDATE OF start, "end", text, doc_id ON spans
{_SPAN_TEXT_MUST_MATCH}

CREATE TRIGGER relations_stay_in_their_document
BEFORE INSERT ON relations
WHEN (SELECT doc_id FROM spans WHERE id = NEW.head) IS NOT NEW.doc_id
  OR (SELECT doc_id FROM spans WHERE id = NEW.tail) IS NOT NEW.doc_id
BEGIN
    SELECT RAISE(ABORT, 'a relation must link two spans of its own document');
END;
"""

# v2: how a label is drawn. Long spans (claims) are drawn as an underline band
# so the entities inside them stay visible; entities as a background.
V2 = """
ALTER TABLE labels ADD COLUMN display TEXT NOT NULL DEFAULT 'background'
    CHECK (display IN ('background', 'underline'));
UPDATE labels SET display = 'underline' WHERE name = 'CLAIM' AND kind = 'span';
"""

# v3: who said what. Relation types get their own table (a span label and a
# relation type may share a name: CUE is both), labels and relation types carry
# attribute definitions, spans link to the entity registry.
V3 = f"""
ALTER TABLE labels ADD COLUMN attributes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attributes));

CREATE TABLE relation_types (
    name TEXT PRIMARY KEY,
    color TEXT NOT NULL,
    ord INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    head TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(head)),
    tail TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tail)),
    attributes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attributes))
);
INSERT INTO relation_types (name, color, ord, description, head, tail)
    SELECT name, color, ord, description, head, tail FROM labels WHERE kind = 'relation';

CREATE TABLE relations_v3 (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    label TEXT NOT NULL REFERENCES relation_types(name) ON UPDATE CASCADE,
    attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
    annotator TEXT,
    created_at TEXT NOT NULL DEFAULT {_NOW}
);
INSERT INTO relations_v3 SELECT id, doc_id, head, tail, label, attrs, annotator, created_at
    FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v3 RENAME TO relations;
CREATE INDEX relations_by_doc ON relations(doc_id);
CREATE INDEX relations_by_head ON relations(head);
CREATE INDEX relations_by_tail ON relations(tail);
CREATE TRIGGER relations_stay_in_their_document
BEFORE INSERT ON relations
WHEN (SELECT doc_id FROM spans WHERE id = NEW.head) IS NOT NEW.doc_id
  OR (SELECT doc_id FROM spans WHERE id = NEW.tail) IS NOT NEW.doc_id
BEGIN
    SELECT RAISE(ABORT, 'a relation must link two spans of its own document');
END;
DELETE FROM labels WHERE kind = 'relation';

ALTER TABLE spans ADD COLUMN entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL;
CREATE INDEX spans_by_entity ON spans(entity_id);
ALTER TABLE entities ADD COLUMN type TEXT NOT NULL DEFAULT '';
CREATE INDEX entities_by_kind ON entities(kind, name);
"""

# v4: Arabic-aware search. An FTS5 trigram index over each document's normalised
# text (filled from Python: ``storage.search_index``; SQLite cannot normalise).
V4 = """
CREATE VIRTUAL TABLE search_index USING fts5(norm, tokenize = 'trigram');
"""

# v5: suggestions the analyst rejected, so they are not proposed again in that document.
V5 = """
CREATE TABLE rejected_suggestions (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, "end", label)
);
"""

# v6: the document list reads ids, titles and statuses from an index of its own: a
# table scan touches every document's page (text and raw page inline), ~40 MB for
# 10,000 articles, where this index is ~1 MB; a cold start of the window waits on it.
V6 = """
CREATE INDEX documents_listed ON documents(id, status, title);
"""

# v7: document identity. ``uid`` is derived from the canonical text
# (``core.identity.document_uid``, registered as an SQL function by ``database.migrate``)
# so two projects holding the same article agree on it: merging analysts' work matches
# documents by it, hence unique. ``external_id`` is the id the source gave the document
# (a JSONL ``id``, a doccano or Label Studio task id, a brat file name); two sources may
# reuse one, so it is indexed, not unique. Both are kept current by ``storage.project``.
# The document list shows both (tooltip): its covering index (v6) gains them.
V7 = """
ALTER TABLE documents ADD COLUMN uid TEXT;
ALTER TABLE documents ADD COLUMN external_id TEXT;
UPDATE documents SET uid = document_uid(text);
CREATE UNIQUE INDEX documents_by_uid ON documents(uid);
CREATE INDEX documents_by_external_id ON documents(external_id);
DROP INDEX documents_listed;
CREATE INDEX documents_listed ON documents(id, status, title, uid, external_id);
"""

# v8: recommender models trained on the project's own spans, stored inside the project so
# a model travels with the file. ``fingerprint`` names the training set (documents and
# spans) it was trained on, so a stale model is known without retraining; ``scores`` are
# the cross-validated per-label figures that decide which labels are proposed.
V8 = f"""
CREATE TABLE models (
    name TEXT PRIMARY KEY,
    engine TEXT NOT NULL,
    data BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    documents INTEGER NOT NULL,
    scores TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(scores)),
    trained_at TEXT NOT NULL DEFAULT {_NOW}
);
"""

# v9: teams. A team project holds every analyst's layer of a document (their spans and
# relations carry their name); ``layers`` keeps each layer's own status and where and when
# it came from, so merging the same file again changes nothing and a newer state replaces
# an older one. ``team_info`` names the analyst an assigned project file belongs to.
V9 = f"""
CREATE TABLE layers (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'todo'
        CHECK (status IN ('todo', 'in_progress', 'done', 'curated')),
    source TEXT NOT NULL DEFAULT '',
    edited_at TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL DEFAULT {_NOW},
    PRIMARY KEY (doc_id, annotator)
);
CREATE TABLE team_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# v10: article-level labels. The schema's document attributes (topic, genre, reliability of
# the outlet): a choice list each, ``choices`` the {key: value} object of the schema file.
# A document's values are one row per value, so a filter (``list --doc-attr topic=conflict``)
# and agreement over them read an index, and a ``multiple`` attribute is rows, not a list
# to parse. Rows are keyed by ``annotator`` too ('' when unknown): a team project holds each
# analyst's values side by side, as it holds their spans, for agreement over documents.
# The triggers keep what Python checks true for any writer: a value is one of its
# attribute's choices, and a single-choice attribute holds one value per document and analyst.
V10 = f"""
CREATE TABLE document_attributes (
    name TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),
    choices TEXT NOT NULL CHECK (json_valid(choices) AND json_type(choices) = 'object'),
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE doc_attrs (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL REFERENCES document_attributes(name) ON UPDATE CASCADE,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT {_NOW},
    PRIMARY KEY (doc_id, annotator, name, value)
) WITHOUT ROWID;
CREATE INDEX doc_attrs_by_value ON doc_attrs(name, value, doc_id);

CREATE TRIGGER doc_attrs_value_is_a_choice
BEFORE INSERT ON doc_attrs
WHEN NOT EXISTS (SELECT 1 FROM document_attributes a, json_each(a.choices) c
                 WHERE a.name = NEW.name AND c.value = NEW.value)
BEGIN
    SELECT RAISE(ABORT, 'a document attribute value must be one of its choices in the schema');
END;

CREATE TRIGGER doc_attrs_single_choice_holds_one
BEFORE INSERT ON doc_attrs
WHEN (SELECT multiple FROM document_attributes WHERE name = NEW.name) = 0
  AND EXISTS (SELECT 1 FROM doc_attrs
              WHERE doc_id = NEW.doc_id AND annotator = NEW.annotator AND name = NEW.name)
BEGIN
    SELECT RAISE(ABORT, 'a single-choice document attribute holds one value');
END;
"""


# v11: search indexes that answer every query, at a fraction of the size (storage.search_index).
# The v4 table kept a second full copy of the normalised text and every trigram's positions
# (3x the text); this one keeps neither (contentless, detail=none: 0.4x), and the hits are
# checked in Python as before. Queries under three letters, which v4 could not narrow,
# have the documents' letters and the corpus' alphabet. Filled by ``database.migrate``.
# A search filtered by label or annotator reads that filter's spans in document order.
V11 = """
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    norm, tokenize = 'trigram case_sensitive 1', content = '', detail = none
);
CREATE VIRTUAL TABLE search_letters USING fts5(
    letters, tokenize = 'ascii', content = '', detail = none
);
CREATE TABLE search_alphabet (ch TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX spans_by_label_in_order ON spans(label, doc_id, start);
CREATE INDEX spans_by_annotator_in_order ON spans(annotator, doc_id, start);
"""

# v12: the span-text invariant, checked without reading the whole document. The v1 body
# asked for length(text) of the document, which SQLite counts by decoding every character:
# each span stored read its article twice. A span whose text has end - start characters and
# equals substr(...) at its offsets is exactly the old rule (substr past the end comes back
# short, so the lengths disagree), and substr decodes only up to the span's end. Storing
# 20,000 spans into 9 KB articles: 0.67 s -> 0.16 s; merges and imports gain the same.
_SPAN_TEXT_MUST_MATCH_V12 = """
WHEN length(NEW.text) IS NOT NEW."end" - NEW.start
  OR NEW.text IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                      FROM documents WHERE id = NEW.doc_id)
BEGIN
    SELECT RAISE(ABORT, 'span text does not match the document text at its offsets');
END;"""

V12 = f"""
DROP TRIGGER spans_text_matches_offsets_on_insert;
DROP TRIGGER spans_text_matches_offsets_on_update;

CREATE TRIGGER spans_text_matches_offsets_on_insert
BEFORE INSERT ON spans
{_SPAN_TEXT_MUST_MATCH_V12}

CREATE TRIGGER spans_text_matches_offsets_on_update
BEFORE UPDATE OF start, "end", text, doc_id ON spans
{_SPAN_TEXT_MUST_MATCH_V12}
"""

# v13: the document list's filter reads the titles' comparison form (``core.arabic.normalize``)
# from a table of its own, in SQL, instead of folding 100,000 titles in Python per keystroke
# (``storage.document_list``). ``arabic_key`` is registered by ``database.migrate`` for this
# fill only: afterwards SQLite cannot compute a key, so the triggers mark a new or retitled
# document's key as due (NULL, found through a partial index) and the store writes it
# before the next filter. Any tool may add or retitle documents.
V13 = """
CREATE TABLE document_title_keys (
    id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT
);
INSERT INTO document_title_keys (id, key) SELECT id, arabic_key(title) FROM documents;
CREATE INDEX document_title_keys_due ON document_title_keys(id) WHERE key IS NULL;
CREATE TRIGGER document_title_key_new AFTER INSERT ON documents
BEGIN
    INSERT OR REPLACE INTO document_title_keys (id, key) VALUES (NEW.id, NULL);
END;
CREATE TRIGGER document_title_key_stale AFTER UPDATE OF title ON documents
BEGIN
    UPDATE document_title_keys SET key = NULL WHERE id = NEW.id;
END;
CREATE TRIGGER document_title_key_gone AFTER DELETE ON documents
BEGIN
    DELETE FROM document_title_keys WHERE id = OLD.id;
END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13)
SEARCH_INDEX_VERSION = 11  # the version whose migration (re)builds the search index
LATEST_VERSION = len(MIGRATIONS)
