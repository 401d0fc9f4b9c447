"""Document attribute values in the store: setting, filtering, the schema guarding them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.errors import SchemaError, StoreError
from annotator.core.identity import document_uid
from annotator.core.models import AnnotatedDocument, Document
from annotator.core.schema_rules import UnknownLabelError, doc_attrs
from annotator.storage.database import APPLICATION_ID, schema_version
from annotator.storage.doc_attrs import Canonical, doc_attr_filters
from annotator.storage.migrations import LATEST_VERSION, MIGRATIONS
from annotator.storage.migrations import V10 as DOC_ATTRS_MIGRATION
from annotator.storage.project import Project

ARTICLES = {
    "aljazeera": "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في الدوحة.",
    "bbc": "أعلن البنك المركزي رفع سعر الفائدة ربع نقطة مئوية.",
    "blog": "رأي: لماذا يخسر الجميع في هذه الحرب؟",
}


@pytest.fixture
def docs(project: Project) -> dict[str, int]:
    return {k: project.add_document(Document(text)) for k, text in ARTICLES.items()}


def test_set_replaces_values_and_returns_before_and_after(project: Project, docs):
    doc = docs["aljazeera"]
    first = project.doc_attrs.set(doc, {"topic": ["conflict", "politics"], "genre": "news"})
    assert first.before == {}
    assert first.after == {"topic": ("politics", "conflict"), "genre": "news"}
    second = project.doc_attrs.set(doc, {"genre": "analysis"}, annotator="huda")
    assert second.before == first.after
    assert project.doc_attrs.of(doc) == {"genre": "analysis"}
    # Undo is setting ``before`` again.
    project.doc_attrs.set(doc, second.before)
    assert project.doc_attrs.of(doc) == first.after
    assert project.doc_attrs.of(docs["bbc"]) == {}


def test_a_change_is_on_disk_at_once(project_path: Path, docs):
    with Project.open(project_path) as project:
        project.doc_attrs.set(docs["bbc"], {"topic": "economy", "reliability": "high"})
    reader = sqlite3.connect(project_path)
    rows = reader.execute("SELECT name, value FROM doc_attrs ORDER BY name").fetchall()
    assert rows == [("reliability", "high"), ("topic", "economy")]
    reader.close()


def test_a_refused_value_changes_nothing(project: Project, docs):
    doc = docs["blog"]
    project.doc_attrs.set(doc, {"genre": "opinion"})
    with pytest.raises(UnknownLabelError, match="not 'rumour'"):
        project.doc_attrs.set(doc, {"genre": "rumour"})
    with pytest.raises(SchemaError, match="holds one value"):
        project.doc_attrs.set(doc, {"genre": ["opinion", "news"]})
    with pytest.raises(StoreError, match="no document with id 999"):
        project.doc_attrs.set(999, {"genre": "news"})
    assert project.doc_attrs.of(doc) == {"genre": "opinion"}


def test_the_database_itself_keeps_values_among_the_choices(project: Project, docs):
    doc = docs["bbc"]
    with pytest.raises(sqlite3.IntegrityError, match="one of its choices"):
        project.db.execute(
            "INSERT INTO doc_attrs (doc_id, name, value) VALUES (?, 'genre', 'gossip')", [doc]
        )
    project.db.execute(
        "INSERT INTO doc_attrs (doc_id, name, value) VALUES (?, 'genre', 'news')", [doc]
    )
    with pytest.raises(sqlite3.IntegrityError, match="holds one value"):
        project.db.execute(
            "INSERT INTO doc_attrs (doc_id, name, value) VALUES (?, 'genre', 'opinion')", [doc]
        )


def test_list_filters_by_every_value_given(project: Project, docs):
    project.doc_attrs.set(docs["aljazeera"], {"topic": ["conflict", "politics"], "genre": "news"})
    project.doc_attrs.set(docs["blog"], {"topic": ["conflict"], "genre": "opinion"})
    project.doc_attrs.set(docs["bbc"], {"topic": ["economy"], "genre": "news"})

    def ids(*filters: str) -> list[int]:
        wanted = doc_attr_filters(project.schema, filters)
        return [row.id for row in project.documents(doc_attrs=wanted)]

    assert ids("topic=conflict") == [docs["aljazeera"], docs["blog"]]
    assert ids("topic=conflict", "genre=news") == [docs["aljazeera"]]
    assert ids("genre=news") == [docs["aljazeera"], docs["bbc"]]
    assert ids("genre=interview") == []
    assert ids() == sorted(docs.values())
    with pytest.raises(SchemaError, match="'topic=sport' is not a document attribute value"):
        ids("topic=sport")
    with pytest.raises(Exception, match="ATTRIBUTE=VALUE"):
        ids("conflict")


def test_all_and_counts_for_the_list_and_agreement(project: Project, docs):
    project.doc_attrs.set(docs["blog"], {"topic": ["society", "conflict"]})
    project.doc_attrs.set(docs["bbc"], {"reliability": "mixed"})
    assert project.doc_attrs.all() == {
        docs["bbc"]: {"reliability": "mixed"},
        docs["blog"]: {"topic": ("conflict", "society")},
    }
    counts = project.doc_attrs.counts()
    assert counts["topic"]["conflict"] == 1 and counts["topic"]["economy"] == 0
    assert counts["reliability"] == {"high": 0, "mixed": 1, "low": 0}


def test_deleting_a_document_takes_its_values(project: Project, docs):
    project.doc_attrs.set(docs["bbc"], {"genre": "news"})
    project.db.execute("DELETE FROM documents WHERE id = ?", [docs["bbc"]])
    assert project.db.execute("SELECT count(*) FROM doc_attrs").fetchone()[0] == 0


def test_schema_keeps_what_documents_use(project: Project, docs):
    project.doc_attrs.set(docs["blog"], {"topic": ["conflict", "society"], "genre": "opinion"})
    schema = project.schema
    topic, genre, reliability = schema.document_attributes
    without_opinion = replace(genre, choices=tuple(c for c in genre.choices if c[1] != "opinion"))
    with pytest.raises(SchemaError, match="genre=opinion is given to documents"):
        project.set_schema(replace(schema, document_attributes=(topic, without_opinion)))
    with pytest.raises(SchemaError, match="topic=conflict is given to documents"):
        project.set_schema(replace(schema, document_attributes=(genre, reliability)))
    with pytest.raises(SchemaError, match="must stay multiple"):
        project.set_schema(
            replace(
                schema, document_attributes=(replace(topic, multiple=False), genre, reliability)
            )
        )
    # An unused attribute may go; the values in use stay.
    project.set_schema(replace(schema, document_attributes=(topic, genre)))
    assert [a.name for a in project.schema.document_attributes] == ["topic", "genre"]
    assert project.doc_attrs.of(docs["blog"]) == {
        "topic": ("conflict", "society"),
        "genre": "opinion",
    }


def test_import_stores_values_and_refuses_unknown_ones(project: Project):
    doc = project.import_record(
        AnnotatedDocument(Document(ARTICLES["bbc"]), doc_attrs={"topic": "economy"})
    )
    assert project.doc_attrs.of(doc) == {"topic": ("economy",)}
    with pytest.raises(UnknownLabelError):
        project.import_record(
            AnnotatedDocument(Document(ARTICLES["blog"]), doc_attrs={"tone": "angry"})
        )
    assert project.find_by_text(ARTICLES["blog"]) is None


def test_a_project_from_before_document_attributes_migrates(tmp_path: Path):
    path = tmp_path / "old.annotator.db"
    before = MIGRATIONS.index(DOC_ATTRS_MIGRATION)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("document_uid", 1, document_uid)
    for script in MIGRATIONS[:before]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO documents (id, title, text, sha256, uid) VALUES (1, 't', 'نص قديم', 'h', 'u')"
    )
    conn.execute(
        "INSERT INTO labels (name, kind, color, ord) VALUES ('ACTOR', 'span', '#000000', 0)"
    )
    conn.close()
    with Project.open(path) as project:
        assert schema_version(project.db) == LATEST_VERSION
        assert project.schema.document_attributes == ()  # an old project keeps its schema
        assert project.doc_attrs.of(1) == {}
        project.set_schema(default_schema())  # what ``annotator schema load`` does
        project.doc_attrs.set(1, {"genre": "news"})
        assert project.doc_attrs.all() == {1: {"genre": "news"}}


@given(
    st.lists(
        st.sampled_from(
            [(a.name, v) for a in default_schema().document_attributes for v in a.values()]
        ),
        unique=True,
    )
)
def test_reading_orders_stored_values_as_checking_them_would(pairs: list[tuple[str, str]]):
    schema = default_schema()
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    single = {a.name for a in schema.document_attributes if not a.multiple}
    # The database holds one value of a single-choice attribute.
    assume(all(len(grouped[name]) == 1 for name in single & set(grouped)))
    assert Canonical(schema)(pairs) == doc_attrs(schema, grouped)
    assert list(Canonical(schema)(pairs)) == list(doc_attrs(schema, grouped))


def test_a_team_project_holds_each_analysts_values_side_by_side(project: Project, docs):
    doc = docs["aljazeera"]
    project.doc_attrs.set(doc, {"genre": "news", "topic": ["conflict"]}, layer="amal")
    project.doc_attrs.set(doc, {"genre": "analysis", "topic": ["conflict"]}, layer="zaid")
    project.doc_attrs.set(docs["bbc"], {"genre": "news"}, layer="zaid")
    assert project.doc_attrs.of(doc, "amal") == {"topic": ("conflict",), "genre": "news"}
    assert project.doc_attrs.by_layer() == {
        "amal": {doc: {"topic": ("conflict",), "genre": "news"}},
        "zaid": {
            doc: {"topic": ("conflict",), "genre": "analysis"},
            docs["bbc"]: {"genre": "news"},
        },
    }
    # Replacing one analyst's set leaves the other's.
    change = project.doc_attrs.set(doc, {}, layer="amal")
    assert change.before == {"topic": ("conflict",), "genre": "news"}
    assert project.doc_attrs.of(doc, "zaid") == {"topic": ("conflict",), "genre": "analysis"}
    assert project.doc_attrs.counts()["topic"]["conflict"] == 1  # documents, not rows
    with pytest.raises(sqlite3.IntegrityError, match="holds one value"):
        project.db.execute(
            "INSERT INTO doc_attrs (doc_id, annotator, name, value) "
            "VALUES (?, 'zaid', 'genre', 'opinion')",
            [doc],
        )
