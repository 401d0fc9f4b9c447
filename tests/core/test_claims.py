"""Claims proposed: the clause finder's candidates ranked by a classifier trained on the
analysts' CLAIM spans; a clause after بعد أن reports nothing and is not proposed."""

from __future__ import annotations

from annotator.core.recommend.claims import (
    ClaimExample,
    ClaimModel,
    cross_validate_claims,
    train_claims,
)
from tests.news_templates import claims_corpus


def _examples(n: int, names: str, seed: int) -> list[ClaimExample]:
    return [
        ClaimExample(b.text, tuple((s, e) for s, e, _ in b.spans))
        for b in claims_corpus(n, names, seed)
    ]


def test_reported_clauses_are_proposed_and_clauses_after_baada_an_are_not():
    model = ClaimModel(train_claims(_examples(20, "A", 1)))
    for ex in _examples(8, "B", 2):
        proposed = {(p.start, p.end) for p in model.propose(ex.text)}
        assert proposed == set(ex.claims), ex.text
        for p in model.propose(ex.text):
            assert ex.text[p.start : p.end] == p.text and p.label == "CLAIM"
            assert 0.5 <= p.score <= 1.0


def test_a_document_without_claims_teaches_only_through_its_rejections():
    """Untagged clauses of a document with no CLAIM are not taken as "no claim" (the
    analyst may not have come to them); rejected ones are."""
    from annotator.core.recommend.claims import candidates

    tagged = _examples(6, "A", 3)
    untouched = [ClaimExample(ex.text, ()) for ex in _examples(30, "A", 4)]
    # Thirty documents whose claims nobody tagged yet do not outvote six tagged ones.
    model = ClaimModel(train_claims(tagged + untouched))
    test = _examples(6, "B", 5)
    assert sum(len(model.propose(ex.text)) for ex in test) == sum(len(ex.claims) for ex in test)
    # Rejecting every candidate of those documents does say "not a claim".
    rejected = [
        ClaimExample(ex.text, (), tuple(r for r, _ in candidates(ex.text))) for ex in untouched
    ]
    model = ClaimModel(train_claims(tagged + rejected))
    assert sum(len(model.propose(ex.text)) for ex in test) < sum(len(ex.claims) for ex in test)
    score = cross_validate_claims(_examples(20, "A", 6))
    assert score is not None and score.f1 >= 0.9


def test_no_classifier_from_candidates_of_one_kind():
    only_claims = [ClaimExample("قال الوزير إن الوضع مستقر.", ((19, 25),))]
    assert train_claims(only_claims) == b""
    assert ClaimModel(b"").propose("قال الوزير إن الوضع مستقر.") == []


def test_a_quotation_after_a_cue_is_a_claim_a_quoted_programme_title_is_not():
    from annotator.core.recommend.claims import candidates

    text = (
        "وقال الوزير: «المحادثات ستستأنف الأسبوع المقبل». "
        "وعرضت القناة برنامج «حديث الساعة في المساء»."
    )
    found = [text[s:e] for (s, e), _ in candidates(text)]
    assert found == ["المحادثات ستستأنف الأسبوع المقبل", "حديث الساعة في المساء"]
    model = ClaimModel(train_claims(_examples(30, "A", 7)))
    assert [p.text for p in model.propose(text)] == ["المحادثات ستستأنف الأسبوع المقبل"]
