"""When the disk, the file or the process fails: nothing seen is lost, errors are clear."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError, StoreError
from annotator.core.models import Document
from annotator.storage.importer import import_paths
from annotator.storage.project import Project
from tests.spans import add_span

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم"


def test_full_disk_refuses_the_edit_and_keeps_what_came_before(project: Project):
    doc_id = project.add_document(Document(TEXT))
    first = add_span(project, doc_id, 5, 17, "ACTOR")
    pages = project.db.conn.execute("PRAGMA page_count").fetchone()[0]
    project.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = "نص طويل جدا " * 20000
    with pytest.raises(StoreError, match="disk is full"):
        project.add_document(Document(big))
    project.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert [s.id for s in project.spans(doc_id)] == [first.id]
    add_span(project, doc_id, 21, 29, "LOCATION")  # usable again once there is room


def test_a_file_that_refuses_writes_gives_a_clear_message(project: Project):
    doc_id = project.add_document(Document(TEXT))
    project.db.conn.execute("PRAGMA query_only = ON")  # as a read-only file or mount behaves
    with pytest.raises(StoreError, match="read-only: this change was not saved"):
        add_span(project, doc_id, 5, 17, "ACTOR")
    project.db.conn.execute("PRAGMA query_only = OFF")
    assert project.spans(doc_id) == []


CHILD = r"""
import sys
from annotator.core.models import Document, NewSpan
from annotator.storage.project import Project
project = Project.open(sys.argv[1])
text = "كلمة " * 400
doc_id = project.documents()[0].id if project.documents() else project.add_document(Document(text))
i = len(project.spans(doc_id))
while True:
    start = (i * 5) % 1995
    span = project.add_span(doc_id, NewSpan(start, start + 4, "ACTOR", "كلمة"))
    print(span.id, flush=True)  # reported only after the commit returned
    i += 1
"""


def test_kill_9_at_random_moments_loses_no_reported_edit(tmp_path: Path):
    """A child applies edits and reports each once committed; SIGKILL it, again and again."""
    path = tmp_path / "crash.annotator.db"
    reported: set[int] = set()
    for round_number in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 0.15 + 0.05 * round_number
        assert child.stdout is not None
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.strip():
                reported.add(int(line))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        for line in child.stdout.read().splitlines():  # printed before the kill landed
            if line.strip():
                reported.add(int(line))
    assert reported, "the child made no edit"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT id FROM spans")}
    conn.close()
    assert reported <= stored
    with Project.open(path) as project:
        text = project.document(1).text
        assert all(text[s.start : s.end] == s.text for s in project.spans(1))


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".ann"]))
def test_importers_take_any_bytes_without_a_traceback_or_half_import(
    tmp_path_factory, data, suffix
):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    with Project.open(folder / "p.db") as project:
        report = import_paths(project, [path])
        [outcome] = report.outcomes
        if outcome.error:
            assert not outcome.imported
            assert project.documents() == []
            assert outcome.error.startswith(str(path))
        else:  # accepted: what the outcome reports is what the project holds, spans exact
            assert sorted(outcome.imported) == [d.id for d in project.documents()]
            for doc_id in outcome.imported:
                text = project.document(doc_id).text
                assert text.strip()
                for span in project.spans(doc_id):
                    assert text[span.start : span.end] == span.text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(
    record=st.fixed_dictionaries(
        {"text": st.text(min_size=1, max_size=30)},
        optional={
            "spans": json_values,
            "relations": json_values,
            "meta": json_values,
            "status": json_values,
            "entities": json_values,
            "label": json_values,
            "tokens": json_values,
        },
    )
)
def test_any_json_record_imports_whole_or_fails_clearly(record):
    import io
    import json

    from annotator.core import jsonl
    from annotator.core.formats.doccano import read_doccano
    from annotator.core.formats.prodigy import read_prodigy

    line = json.dumps(record, ensure_ascii=False)
    for read in (jsonl.read_records, read_doccano, read_prodigy):
        try:
            records = list(read(io.StringIO(line)))
        except InputError as exc:
            assert exc.line == 1
            continue
        # Accepted: one whole document from line 1, every span exactly over its text.
        [(number, read_back)] = records
        assert number == 1
        text = read_back.document.text
        assert text == record["text"]  # in logical order, exactly as given
        for span in read_back.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text


def test_check_after_an_unclean_exit_finds_a_span_off_its_text(project: Project):
    from annotator.storage.safety import check

    doc_id = project.add_document(Document(TEXT))
    span = add_span(project, doc_id, 5, 17, "ACTOR")
    assert check(project).ok
    conn = project.db.conn
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "DROP TRIGGER spans_text_matches_offsets_on_update"
    )  # as a corrupted file might be
    conn.execute('UPDATE spans SET start = 6, "end" = 18 WHERE id = ?', [span.id])
    report = check(project)
    assert not report.ok and report.bad_spans == [span.id]
    assert report.summary().startswith(f"The project is damaged: span {span.id} of document")


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path):
    path = tmp_path / "two.annotator.db"
    with Project.open(path) as project:
        project.add_document(Document("كلمة " * 400))
    writer = (
        "import sys\nfrom annotator.core.models import NewSpan\n"
        "from annotator.storage.project import Project\n"
        "p = Project.open(sys.argv[1])\n"
        "for i in range(60):\n"
        "    s = (int(sys.argv[2]) * 1000 + i * 5) % 1995\n"
        "    p.add_span(1, NewSpan(s, s + 4, 'ACTOR', 'كلمة'))\n"  # the text there
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", writer, str(path), str(n)], stderr=subprocess.PIPE, text=True
        )
        for n in range(2)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert "locked" not in err
    with Project.open(path) as project:
        assert len(project.spans(1)) == 120


def test_ids_of_the_wrong_kind_are_clear_errors_not_crashes():
    import io
    import json

    from annotator.core import jsonl
    from annotator.core.formats.doccano import read_doccano
    from annotator.core.formats.prodigy import read_prodigy

    span = {"start": 0, "end": 2, "label": "ACTOR"}
    cases = [
        (jsonl.read_records, {"text": "نص", "spans": [{**span, "id": [1]}]}),
        (
            jsonl.read_records,
            {"text": "نص", "spans": [span], "relations": [{"label": "R", "head": [0], "tail": 0}]},
        ),
        (
            read_doccano,
            {
                "text": "نص",
                "label": [[0, 2, "A"]],
                "relations": [{"from_id": [0], "to_id": 0, "type": "R"}],
            },
        ),
        (
            read_prodigy,
            {
                "text": "نص",
                "spans": [span],
                "relations": [{"head_span": {"start": [0]}, "child_span": {}}],
            },
        ),
    ]
    for read, record in cases:
        with pytest.raises(InputError):
            list(read(io.StringIO(json.dumps(record, ensure_ascii=False))))
