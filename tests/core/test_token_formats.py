"""Token formats (CoNLL, Hugging Face, Prodigy): every span that covers a token comes back."""

from __future__ import annotations

import io
import json
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats import Layers
from annotator.core.formats.conll import write_conll
from annotator.core.formats.hf import write_hf_split
from annotator.core.formats.prodigy import read_prodigy, write_prodigy
from annotator.core.models import AnnotatedDocument, Document, Span
from tests.core.iob2_strict import chunks, strict_iob2_errors

LAYERS = Layers(entities=("ACTOR", "CUE"), claims=("CLAIM",))


def record_of(text: str, *spans: tuple[str, str]) -> AnnotatedDocument:
    """Spans given by the phrase they cover (its first occurrence) and their label."""
    out = []
    for i, (phrase, label) in enumerate(spans):
        at = text.index(phrase)
        out.append(Span(at, at + len(phrase), label, phrase, id=i))
    return AnnotatedDocument(Document(text, id=1), tuple(out))


def conll_rows(written: str) -> list[list[list[str]]]:
    """Rows (sentences) of a CoNLL file, each a list of [token, entity tag, claim tag]."""
    rows: list[list[list[str]]] = [[]]
    for line in written.splitlines():
        if line.startswith("# doc_id"):
            continue
        if line:
            rows[-1].append(line.split("\t"))
        elif rows[-1]:
            rows.append([])
    return [row for row in rows if row]


def test_spans_with_white_space_edges_are_kept_and_only_blank_spans_lost():
    text = "قالت الوزارة إن الوضع هادئ"
    record = record_of(text, ("قالت ", "CUE"), (" الوزارة ", "ACTOR"), ("إن الوضع هادئ", "CLAIM"))
    record = AnnotatedDocument(record.document, (*record.spans, Span(15, 16, "ACTOR", " ", id=9)))
    out = io.StringIO()
    report = write_conll([record], LAYERS, out)
    rows = conll_rows(out.getvalue())
    assert rows == [
        [
            ["قالت", "B-CUE", "O"],
            ["الوزارة", "B-ACTOR", "O"],
            ["إن", "O", "B-CLAIM"],
            ["الوضع", "O", "I-CLAIM"],
            ["هادئ", "O", "I-CLAIM"],
        ]
    ]
    assert report.lost == {"spans of white space only (no token to tag)": 1}
    assert report.trimmed == 2
    assert "left white space out of the edges of 2 spans (tokens hold none)" in report.lines()
    prodigy = io.StringIO()
    report = write_prodigy([record], prodigy)
    line = json.loads(prodigy.getvalue())
    assert [(s["start"], s["end"], s["label"]) for s in line["spans"]] == [
        (0, 4, "CUE"),
        (5, 12, "ACTOR"),
        (13, 26, "CLAIM"),
    ]
    assert report.lost == {"spans of white space only (no token to tag)": 1}


def test_conll_keeps_grapheme_clusters_whole():
    out = io.StringIO()
    write_conll([record_of("أحسنت 👍🏽 أرمينيا 🇦🇲👨‍👩‍👧")], LAYERS, out)
    tokens = [row[0] for row in conll_rows(out.getvalue())[0]]
    assert tokens == ["أحسنت", "👍🏽", "أرمينيا", "🇦🇲", "👨‍👩‍👧"]


def test_a_claim_across_a_paragraph_break_is_two_b_chunks():
    text = "قال الوزير إن القتال توقف\nوإن الهدنة صامدة. ونفت أرمينيا ذلك"
    record = record_of(text, ("القتال توقف\nوإن الهدنة صامدة. ونفت", "CLAIM"))
    out = io.StringIO()
    report = write_conll([record], LAYERS, out)
    rows = conll_rows(out.getvalue())
    claim_rows = [[r[2] for r in row] for row in rows]
    assert strict_iob2_errors(claim_rows) == []
    assert [len(chunks(row)) for row in claim_rows] == [1, 1, 1]
    assert report.notes == {
        "span pieces after a sentence or paragraph break, each starting its row with B-": 2
    }
    hf = io.StringIO()
    write_hf_split([record], LAYERS, hf)
    lines = [json.loads(line) for line in hf.getvalue().splitlines()]
    assert strict_iob2_errors([line["claim_tags"] for line in lines]) == []


def test_the_strict_checker_finds_what_seqeval_strict_drops():
    assert strict_iob2_errors([["B-A", "I-A", "O", "B-B"]]) == []
    assert strict_iob2_errors([["I-A"], ["B-A", "I-B"], ["O", "I-A"]]) == [
        "row 0 token 0: I-A after O",
        "row 1 token 1: I-B after B-A",
        "row 2 token 1: I-A after O",
    ]
    assert chunks(["B-A", "I-A", "B-A", "O", "B-B"]) == [(0, 1, "A"), (2, 2, "A"), (4, 4, "B")]


PIECES = [
    "قال", "الوزارة", "و", "ب", "ـ", "\u064e", "😀", "👍🏽", "🇦🇲", "،", ".", "؟", "a1",
    " ", " ", "\n", "\n\n", "\t", "\u2028", "\r\n",
]  # fmt: skip


@st.composite
def documents(draw) -> AnnotatedDocument:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25)))
    spans = []
    for i in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["ACTOR", "CUE", "CLAIM"]))
        spans.append(Span(start, end, label, text[start:end], id=i))
    return AnnotatedDocument(Document(text, id=1), tuple(spans))


def trimmed(text: str, span: Span) -> tuple[int, int] | None:
    piece = text[span.start : span.end]
    start = span.start + len(piece) - len(piece.lstrip())
    end = span.end - (len(piece) - len(piece.rstrip()))
    return (start, end) if start < end else None


@settings(max_examples=200, deadline=None)
@given(documents())
def test_property_prodigy_gives_back_every_span_on_token_edges(record: AnnotatedDocument):
    text = record.document.text
    out = io.StringIO()
    report = write_prodigy([record], out)
    line = json.loads(out.getvalue())
    for token in line["tokens"]:
        assert text[token["start"] : token["end"]] == token["text"] and token["text"].strip()
    expected = sorted((*edges, s.label) for s in record.spans if (edges := trimmed(text, s)))
    [(_, back)] = list(read_prodigy(io.StringIO(out.getvalue())))
    assert sorted((s.start, s.end, s.label) for s in back.spans) == expected
    for s in line["spans"]:
        assert line["tokens"][s["token_start"]]["start"] == s["start"]
        assert line["tokens"][s["token_end"]]["end"] == s["end"]
    blank = len(record.spans) - len(expected)
    assert report.lost == ({"spans of white space only (no token to tag)": blank} if blank else {})


def token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Where each token sits in ``text``: tokens are the text without its white space, in order."""
    out, at = [], 0
    for token in tokens:
        while text[at].isspace():
            at += 1
        assert text[at : at + len(token)] == token
        out.append((at, at + len(token)))
        at += len(token)
    assert not text[at:].strip()
    return out


@settings(max_examples=200, deadline=None)
@given(documents())
def test_property_conll_gives_back_every_span_token_for_token(record: AnnotatedDocument):
    text = record.document.text
    # One span per place in each layer (a layer holds one tag per token): keep the first.
    kept: dict[int | None, tuple[int, int, str]] = {}
    for s in record.spans:
        edges = trimmed(text, s)
        layer = s.label == "CLAIM"
        if edges is not None and not any(
            (lb == "CLAIM") == layer and a < edges[1] and edges[0] < b for a, b, lb in kept.values()
        ):
            kept[s.id] = (*edges, s.label)
    blank = sum(1 for s in record.spans if trimmed(text, s) is None)
    record = AnnotatedDocument(
        record.document,
        tuple(s for s in record.spans if s.id in kept or trimmed(text, s) is None),
    )
    out = io.StringIO()
    report = write_conll([record], LAYERS, out)
    rows = conll_rows(out.getvalue())
    places = token_offsets(text, [r[0] for row in rows for r in row])
    row_starts, at = [], 0
    for row in rows:
        row_starts.append(at)
        at += len(row)
    # Expected: each span cut where a row ends; written: each row's chunks.
    expected, written = [], []
    for column in (1, 2):
        tag_rows = [[r[column] for r in row] for row in rows]
        assert strict_iob2_errors(tag_rows) == []
        for first_token, row in zip(row_starts, tag_rows, strict=True):
            for a, b, label in chunks(row):
                written.append((places[first_token + a][0], places[first_token + b][1], label))
    boundaries = [places[i][0] for i in row_starts[1:]]
    for start, end, label in kept.values():
        cuts = [start, *(c for c in boundaries if start < c < end), end]
        for a, b in pairwise(cuts):
            piece = text[a:b]
            expected.append((a, a + len(piece.rstrip()), label))
    assert sorted(written) == sorted(expected)
    assert report.lost == ({"spans of white space only (no token to tag)": blank} if blank else {})


@settings(max_examples=25, deadline=None)
@given(documents())
def test_property_spacy_docs_hold_every_span_on_the_shipped_tokenizers_tokens(
    tmp_path_factory, record: AnnotatedDocument
):
    import spacy
    from spacy.tokens import DocBin

    from annotator.core.formats.spacy_docbin import write_spacy

    text = record.document.text
    folder = tmp_path_factory.mktemp("spacy")
    write_spacy({"train": [record]}, LAYERS, folder)
    config = spacy.util.load_config(folder / "config.cfg")
    nlp = spacy.blank("ar", config={"nlp": {"tokenizer": config["nlp"]["tokenizer"]}})
    [doc] = DocBin().from_disk(folder / "train.spacy").get_docs(nlp.vocab)
    assert doc.text == text
    assert [t.text for t in nlp(text)] == [t.text for t in doc]
    expected = sorted((*edges, s.label) for s in record.spans if (edges := trimmed(text, s)))
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == expected
