"""The recommender's core: unseen names found from context, exact offsets, honest scores."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.recommend.evaluation import Score, cross_validate, evaluate, score
from annotator.core.recommend.features import Gazetteer, model_tokens, token_features
from annotator.core.recommend.model import Example, Model, train
from annotator.core.recommend.sequence import spans_to_tags, tags_to_proposals
from tests.news_templates import PEOPLE, PLACES, corpus


def _examples(n: int, names: str, seed: int) -> list[Example]:
    return [Example(b.text, b.spans) for b in corpus(n, names, seed)]


def test_names_never_seen_are_found_from_their_context():
    train_docs = _examples(80, "A", 1)
    test_docs = _examples(30, "B", 2)
    seen = {ex.text[s:e] for ex in train_docs for s, e, _ in ex.spans}
    assert not seen & set(PEOPLE["B"]) and not seen & set(PLACES["B"])  # truly unseen
    data, report = train(train_docs)
    assert report.dropped_overlapping == report.dropped_unaligned == 0
    scores = evaluate(Model(data), test_docs, Gazetteer())
    for label in ("ACTOR", "LOCATION", "CUE"):
        assert scores[label].gold > 20
        assert scores[label].f1 >= 0.8, (label, scores[label].as_json())


def test_a_proclitic_stays_outside_and_offsets_survive_emoji():
    train_docs = _examples(60, "A", 3)
    data, _ = train(train_docs)
    text = (
        "🇸🇩👍🏽 التقى خالد المنصوري نظيره وليد البرغوثي بنواكشوط.\n"
        "وتوجه الوفد لجيبوتي ثم ومقديشو لاحقا."
    )
    found = {(p.text, p.label) for p in Model(data).propose(text)}
    for p in Model(data).propose(text):
        assert text[p.start : p.end] == p.text
        assert 0.0 < p.score <= 1.0
    assert ("نواكشوط", "LOCATION") in found  # not "بنواكشوط"
    assert ("جيبوتي", "LOCATION") in found  # not "لجيبوتي"
    assert ("مقديشو", "LOCATION") in found  # not "ومقديشو"
    assert ("خالد المنصوري", "ACTOR") in found


def test_gazetteer_marks_a_known_phrase_through_its_clitics():
    gazetteer = Gazetteer.of([("وزارة الدفاع", "ACTOR"), ("أذربيجان", "LOCATION")])
    text = "قالت لوزارة الدفاع في وأذربيجان"
    feats = token_features(text, model_tokens(text), gazetteer)
    assert "gaz=ACTOR:B" in feats[1] and "gaz=ACTOR:I" in feats[2]
    assert "gaz=LOCATION:B" in feats[4]
    assert not any(f.startswith("gaz=") for f in feats[0])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_tags_and_proposals_round_trip_spans_on_token_edges(data):
    words = data.draw(
        st.lists(
            st.sampled_from(["وقال", "بغداد", "أحمد", "🙂", "،", "x1", "الوزارة"]),
            min_size=1,
            max_size=20,
        )
    )
    text = " ".join(words)
    tokens = model_tokens(text)
    spans = []
    i = 0
    while i < len(tokens):
        if data.draw(st.booleans()):
            length = data.draw(st.integers(1, min(3, len(tokens) - i)))
            first = tokens[i]
            skip = data.draw(st.integers(0, min(2, len(first.text) - 1)))
            spans.append((first.start + skip, tokens[i + length - 1].end, "L"))
            i += length
        else:
            i += 1
    tagged = spans_to_tags(tokens, spans)
    proposals = tags_to_proposals(text, tokens, tagged.tags, [1.0] * len(tokens))
    assert [(p.start, p.end, p.label) for p in proposals] == spans
    assert all(text[p.start : p.end] == p.text for p in proposals)


def test_overlapping_spans_are_counted_not_silently_merged():
    text = "وزارة الدفاع الأذرية"
    tagged = spans_to_tags(model_tokens(text), [(0, 12, "ACTOR"), (6, 20, "ACTOR")])
    assert tagged.dropped_overlapping == 1
    assert tagged.tags == ["B-ACTOR", "I-ACTOR", "O"]


def test_score_counts_exact_matches_only():
    got = score([(0, 4, "A"), (5, 9, "A"), (10, 12, "B")], [(0, 4, "A"), (5, 8, "A")])
    assert got["A"] == Score(1, 2, 2)
    assert got["B"] == Score(0, 1, 0)
    assert got["A"].f1 == 0.5


def test_cross_validation_reports_a_learning_curve_and_a_weak_label():
    examples = _examples(24, "A", 4)
    rng = random.Random(0)
    noisy = []
    for ex in examples:  # NOISE: random single letters, nothing a model can learn
        extra = tuple(
            (k, k + 1, "NOISE") for k in rng.sample(range(len(ex.text)), 3) if ex.text[k].isalpha()
        )
        clean = [s for s in ex.spans if not any(s[0] <= k < s[1] for k, _, _ in extra)]
        noisy.append(Example(ex.text, tuple(clean) + extra))
    evaluation = cross_validate(noisy, k=3)
    assert evaluation is not None and evaluation.folds == 3
    assert set(evaluation.curve) == {0.25, 0.5, 1.0}
    assert evaluation.per_label["ACTOR"].f1 >= 0.8
    assert evaluation.per_label["NOISE"].f1 < 0.5
    assert cross_validate(noisy[:3]) is None  # too few to split: said, not guessed


def test_a_model_outlives_the_bytes_it_was_loaded_from():
    data, _ = train(_examples(20, "A", 5))
    model = Model(bytearray(data))  # as from a database row, which is then freed
    del data
    import gc

    gc.collect()
    text = "قال وزير الخارجية خالد المنصوري إن الوضع مستقر."
    assert {p.label for p in model.propose(text)} >= {"ACTOR", "CUE"}
