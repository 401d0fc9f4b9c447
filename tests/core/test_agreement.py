"""Agreement figures checked against cases worked by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement import DocumentLayers, compute
from annotator.core.agreement_measures import (
    cohen_kappa,
    coincidences,
    krippendorff_alpha,
    max_matching,
)
from annotator.core.agreement_tokens import token_starts
from annotator.core.models import Relation, Span
from annotator.core.tokens import align, tokenize

TEXT = "Alpha Beta Gamma Delta"  # tokens: Alpha 0-5, Beta 6-10, Gamma 11-16, Delta 17-22
LABELS = ("ACTOR", "LOCATION", "CLAIM")


def span(start: int, end: int, label: str, span_id: int | None = None) -> Span:
    return Span(start, end, label, TEXT[start:end], id=span_id)


def doc(**layers: list[Span]) -> DocumentLayers:
    return DocumentLayers(1, TEXT, layers)


def pair(result, a: str, b: str, label: str):
    return result.pairs[((a, b), label)]


def test_krippendorff_2011_nominal_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    # 4 observers, 12 units, missing values; nominal alpha = 0.743.
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = list(zip(*observers, strict=True))
    table = coincidences(units)
    assert sum(table.values()) == pytest.approx(40)  # pairable values (unit 12 has one)
    assert krippendorff_alpha(table) == pytest.approx(0.743, abs=5e-4)


def test_cohen_kappa_textbook_example():
    # 50 items: both yes 20, a yes/b no 5, a no/b yes 10, both no 15.
    # p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2/0.5 = 0.4.
    table = {("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15}
    assert cohen_kappa(table) == pytest.approx(0.4)


def test_no_variation_is_undefined_not_a_number():
    assert cohen_kappa({("O", "O"): 10}) is None
    assert krippendorff_alpha(coincidences([["O", "O"], ["O", "O"]])) is None


def test_maximum_matching_beats_greedy():
    # a0 can take b0 or b1, a1 only b0: greedy a0->b0 leaves a1 out; maximum is 2.
    assert max_matching({0: [0, 1], 1: [0]}) == {0: 1, 1: 0}


def test_shifted_boundaries_overlapping_spans():
    result = compute(
        [
            doc(
                a=[span(0, 10, "ACTOR"), span(17, 22, "LOCATION")],
                b=[span(6, 16, "ACTOR"), span(17, 22, "LOCATION")],
            )
        ],
        LABELS,
    )
    actor = pair(result, "a", "b", "ACTOR")
    assert (actor.exact_f1, actor.overlap_f1, actor.a_spans, actor.b_spans) == (0.0, 1.0, 1, 1)
    # tokens a: B I O O, b: O B I O -> p_o = 1/4; marginals B1 I1 O2 each -> p_e = 6/16
    # kappa = (0.25 - 0.375) / 0.625 = -0.2
    assert actor.kappa == pytest.approx(-0.2)
    # coincidences: o(B,O)=o(O,B)=o(I,B)=o(B,I)=o(O,I)=o(I,O)=1, o(O,O)=2; n_B=2 n_I=2 n_O=4
    # alpha = 1 - (8-1)·6 / (64 - 4 - 4 - 16) = 1 - 42/40 = -0.05
    assert result.alpha_by_label()["ACTOR"] == pytest.approx(-0.05)
    location = pair(result, "a", "b", "LOCATION")
    assert (location.exact_f1, location.kappa) == (1.0, 1.0)


def test_nested_spans_of_one_label():
    result = compute(
        [doc(a=[span(0, 22, "CLAIM"), span(6, 16, "CLAIM")], b=[span(0, 22, "CLAIM")])], LABELS
    )
    claim = pair(result, "a", "b", "CLAIM")
    # exact: 1 of 2 + 1 -> 2/3; overlap: b's one span matches one of a's two -> 2/3
    assert claim.exact_f1 == pytest.approx(2 / 3)
    assert claim.overlap_f1 == pytest.approx(2 / 3)
    # a: B B I I (the nested span's first token is B), b: B I I I
    # p_o = 3/4; a: B2 I2, b: B1 I3 -> p_e = (2 + 6)/16 = 0.5; kappa = 0.25/0.5 = 0.5
    assert claim.kappa == pytest.approx(0.5)


def test_greedy_overlap_would_undercount():
    result = compute(
        [
            doc(
                a=[span(0, 10, "ACTOR"), span(11, 16, "ACTOR")],
                b=[span(6, 12, "ACTOR"), span(0, 3, "ACTOR")],
            )
        ],
        LABELS,
    )
    assert pair(result, "a", "b", "ACTOR").overlap_f1 == 1.0


def test_an_analyst_who_marked_nothing():
    result = compute([doc(a=[span(0, 5, "ACTOR")], b=[])], LABELS)
    actor = pair(result, "a", "b", "ACTOR")
    assert (actor.exact_f1, actor.overlap_f1, actor.a_spans, actor.b_spans) == (0.0, 0.0, 1, 0)
    # a: B O O O, b: O O O O -> p_o = 3/4 = p_e -> kappa 0
    assert actor.kappa == pytest.approx(0.0)
    location = pair(result, "a", "b", "LOCATION")
    assert (location.exact_f1, location.kappa) == (None, None)  # nothing to agree on
    assert result.documents == 1 and result.ranking[0].disagreements == 1


def test_three_analysts():
    result = compute(
        [doc(a=[span(0, 5, "ACTOR")], b=[span(0, 5, "ACTOR")], c=[span(0, 10, "ACTOR")])], LABELS
    )
    assert result.annotators == ("a", "b", "c")
    assert pair(result, "a", "b", "ACTOR").exact_f1 == 1.0
    assert pair(result, "a", "c", "ACTOR").exact_f1 == 0.0
    assert pair(result, "b", "c", "ACTOR").overlap_f1 == 1.0
    # tokens: (B,B,B) (O,O,I) (O,O,O) (O,O,O); o(B,B)=3, o(O,O)=1+3+3=7, o(O,I)=o(I,O)=1
    # n_B=3 n_O=8 n_I=1, n=12: alpha = 1 - 11·2 / (144 - 9 - 64 - 1) = 1 - 22/70
    assert result.alpha_by_label()["ACTOR"] == pytest.approx(1 - 22 / 70)


def test_perfect_and_zero_agreement():
    same = [span(0, 5, "ACTOR"), span(17, 22, "LOCATION")]
    perfect = compute([doc(a=same, b=same, c=same)], LABELS)
    assert perfect.alpha == 1.0
    assert all(p.exact_f1 in (1.0, None) for p in perfect.pairs.values())
    zero = compute([doc(a=[span(0, 5, "ACTOR")], b=[span(17, 22, "ACTOR")])], LABELS)
    actor = pair(zero, "a", "b", "ACTOR")
    assert (actor.exact_f1, actor.overlap_f1) == (0.0, 0.0)
    # B O O O vs O O O B: p_o = 2/4; marginals B1 O3 each: p_e = (1 + 9)/16
    # kappa = (0.5 - 0.625) / 0.375 = -1/3
    assert actor.kappa == pytest.approx(-1 / 3)


def test_relations_match_through_matched_spans():
    a_spans = [span(0, 5, "ACTOR", 1), span(6, 22, "CLAIM", 2)]
    b_spans = [span(0, 10, "ACTOR", 7), span(6, 22, "CLAIM", 8), span(17, 22, "ACTOR", 9)]
    layers = DocumentLayers(
        1,
        TEXT,
        {"a": a_spans, "b": b_spans},
        {
            "a": [Relation("SOURCE", 2, 1, 1)],
            "b": [Relation("SOURCE", 8, 7, 1), Relation("SOURCE", 8, 9, 2)],
        },
    )
    result = compute([layers], LABELS)
    source = result.relations[(("a", "b"), "SOURCE")]
    assert (source.matched, source.a_relations, source.b_relations) == (1, 1, 2)
    assert source.f1 == pytest.approx(2 / 3)


def test_single_analyst_documents_do_not_count_and_ranking_is_worst_first():
    docs = [
        DocumentLayers(1, TEXT, {"a": [span(0, 5, "ACTOR")]}),
        DocumentLayers(2, TEXT, {"a": [span(0, 5, "ACTOR")], "b": [span(0, 5, "ACTOR")]}),
        DocumentLayers(3, TEXT, {"a": [span(0, 5, "ACTOR")], "b": [span(6, 10, "ACTOR")]}),
    ]
    result = compute(docs, LABELS)
    assert result.documents == 2
    assert [s.doc_id for s in result.ranking] == [3, 2]
    data = result.to_json()
    assert data["format_version"] == 1 and data["documents"] == 2
    assert data["pairs"][0]["annotators"] == ["a", "b"]


def test_labels_restrict_everything():
    result = compute([doc(a=[span(0, 5, "ACTOR")], b=[span(0, 5, "LOCATION")])], ["ACTOR"])
    assert [label for _, label in result.pairs] == ["ACTOR"]
    assert result.ranking[0].disagreements == 1


_CHARS = st.sampled_from(list("ab وأذربيجانَُّ،.؟ 12_\n\t\xa0\u200c\u200dـ٣①👍🏽-«»"))


@settings(max_examples=400)
@given(st.text(_CHARS, max_size=40), st.lists(st.integers(0, 40), max_size=6))
def test_token_starts_are_the_project_tokens(text: str, edges: list[int]):
    edges = [e for e in edges if e <= len(text)]
    expected, _ = align(text, tokenize(text), edges)
    assert token_starts(text, edges) == [t.start for t in expected]


def test_the_worked_example_of_docs_teams_md():
    text = "قال وزير الخارجية إن باكو ترفض"
    actor_a = text.index("وزير الخارجية")
    actor_b = text.index("وزير")
    baku = text.index("باكو")
    a = [
        Span(actor_a, actor_a + 13, "ACTOR", "وزير الخارجية", 1),
        Span(baku, baku + 4, "LOCATION", "باكو", 2),
    ]
    b = [
        Span(actor_b, actor_b + 4, "ACTOR", "وزير", 3),
        Span(baku, baku + 4, "LOCATION", "باكو", 4),
    ]
    result = compute([DocumentLayers(1, text, {"a": a, "b": b})], ["ACTOR", "LOCATION"])
    actor = pair(result, "a", "b", "ACTOR")
    assert (actor.exact_f1, actor.overlap_f1) == (0.0, 1.0)
    assert actor.kappa == pytest.approx(0.6)
    assert result.alpha_by_label()["ACTOR"] == pytest.approx(1 - 22 / 58)
    assert round(result.alpha_by_label()["ACTOR"], 3) == 0.621


_SPANS = st.lists(
    st.tuples(st.integers(0, 21), st.integers(1, 8), st.sampled_from(LABELS)), max_size=6
).map(lambda items: [span(s, min(22, s + n), label) for s, n, label in items if s + n <= 22])


@settings(max_examples=200)
@given(_SPANS, _SPANS)
def test_measures_are_bounded_and_symmetric(a: list[Span], b: list[Span]):
    forward = compute([doc(a=a, b=b)], LABELS)
    backward = compute([doc(a=b, b=a)], LABELS)
    for label in LABELS:
        one, other = pair(forward, "a", "b", label), pair(backward, "a", "b", label)
        assert (one.exact_f1, one.overlap_f1) == (other.exact_f1, other.overlap_f1)
        assert one.kappa == pytest.approx(other.kappa) or one.kappa is other.kappa is None
        if one.exact_f1 is not None:
            assert 0 <= one.exact_f1 <= one.overlap_f1 <= 1  # type: ignore[operator]
    same = compute([doc(a=a, b=a)], LABELS)
    assert all(p.exact_f1 in (1.0, None) and p.kappa in (1.0, None) for p in same.pairs.values())
    assert same.alpha in (1.0, None)
