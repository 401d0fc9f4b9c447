"""The project's recommender: trained on its own spans, stored in its own file.

Training reads the documents analysts have worked on (done and in progress) and
their spans of the entity-like labels (those drawn as a background: ACTOR,
LOCATION, CUE in the default schema; claims are clauses, not names). It cross-
validates first, so the stored model carries per-label scores, and a label whose
cross-validated F1 is under the threshold is never proposed (INCEpTION's rule):
an analyst is not shown proposals the model cannot back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.models import Display, Status
from annotator.core.recommend.evaluation import Evaluation, Score, cross_validate
from annotator.core.recommend.features import Gazetteer
from annotator.core.recommend.model import Example, Model, train
from annotator.core.recommend.sequence import Proposal
from annotator.storage.claim_recommender import (
    claims_report,
    stored_claims,
    train_claims_project,
)
from annotator.storage.database import write_transaction
from annotator.storage.project import Project
from annotator.storage.suggestions import rejected

MODEL_NAME = "entities"
ENGINE = "crfsuite"
THRESHOLD = 0.5
"""Cross-validated F1 a label needs before its proposals are shown."""
TRAINED_ON = (Status.DONE, Status.IN_PROGRESS)


@dataclass(frozen=True, slots=True)
class TrainingResult:
    documents: int
    spans: int
    fingerprint: str
    evaluation: Evaluation | None
    proposed_labels: tuple[str, ...]
    withheld: dict[str, str]  # label -> why it is not proposed
    unchanged: bool = False
    stored: bool = True  # False: nothing to learn from, no model stored
    claims: dict[str, Any] | None = None  # the claim classifier's report

    def as_json(self) -> dict[str, Any]:
        ev = self.evaluation
        return {
            "format_version": 1,
            "documents": self.documents,
            "spans": self.spans,
            "fingerprint": self.fingerprint,
            "unchanged": self.unchanged,
            "stored": self.stored,
            "threshold": THRESHOLD,
            "folds": ev.folds if ev else 0,
            "labels": {lb: s.as_json() for lb, s in sorted(ev.per_label.items())} if ev else {},
            "learning_curve": {f"{f:g}": round(s.f1, 4) for f, s in ev.curve.items()} if ev else {},
            "proposed_labels": list(self.proposed_labels),
            "withheld": self.withheld,
            **({"claims": self.claims} if self.claims is not None else {}),
        }


def recommended_labels(project: Project) -> list[str]:
    """Labels the model learns: the names-like ones, drawn as a background."""
    return [lb.name for lb in project.schema.span_labels if lb.display is Display.BACKGROUND]


def training_examples(project: Project) -> list[Example]:
    labels = set(recommended_labels(project))
    examples: list[Example] = []
    for status in TRAINED_ON:
        for summary in project.documents(status):
            doc = project.document(summary.id)
            spans = tuple(
                (s.start, s.end, s.label) for s in project.spans(summary.id) if s.label in labels
            )
            examples.append(Example(doc.text, spans))
    return examples


def registry_names(project: Project) -> list[tuple[str, str]]:
    labels = set(recommended_labels(project))
    return [
        (name, s.entity.kind)
        for s in project.entities.all()
        if s.entity.kind in labels
        for name in (s.entity.name, *s.entity.aliases)
    ]


def fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for example in sorted(examples, key=lambda e: e.text):
        digest.update(hashlib.sha256(example.text.encode("utf-8")).digest())
        digest.update(json.dumps(sorted(example.spans)).encode())
    return digest.hexdigest()[:32]


def gazetteer(project: Project, examples: list[Example] | None = None) -> Gazetteer:
    """Registry names and the texts of the training spans. Without ``examples`` the span
    texts come straight from the spans table (the same texts: a span's text is its
    document's text at its offsets), not from every worked document read whole: the
    window builds this on its own thread each time a training run ends."""
    if examples is not None:
        spans = [(ex.text[s:e], lb) for ex in examples for s, e, lb in ex.spans]
    else:
        labels = set(recommended_labels(project))
        rows = project.db.execute(
            "SELECT DISTINCT s.text, s.label FROM spans s JOIN documents d ON d.id = s.doc_id "
            f"WHERE d.status IN ({', '.join('?' for _ in TRAINED_ON)})",
            [status.value for status in TRAINED_ON],
        )
        spans = [(text, label) for text, label in rows if label in labels]
    return Gazetteer.of(registry_names(project) + spans)


def train_project(project: Project, *, force: bool = False) -> TrainingResult:
    """Cross-validate, train on every worked document, store the models with their scores:
    the entity model and the claim classifier (``storage.claim_recommender``)."""
    claims = train_claims_project(project, THRESHOLD, force=force)
    return with_claims(_train_entities(project, force=force), claims)


def with_claims(result: TrainingResult, claims: dict[str, Any]) -> TrainingResult:
    """The entity report with the claim classifier's verdict among the labels."""
    proposed, withheld = claims_verdict(claims)
    return replace(
        result,
        claims=claims,
        proposed_labels=(*result.proposed_labels, *proposed),
        withheld={**result.withheld, **withheld},
    )


def claims_verdict(claims: dict[str, Any]) -> tuple[tuple[str, ...], dict[str, str]]:
    """CLAIM among the proposed labels, or among the withheld with the reason."""
    if claims.get("proposed"):
        return ("CLAIM",), {}
    return (), {"CLAIM": str(claims.get("why", "not trained"))}


def _train_entities(project: Project, *, force: bool) -> TrainingResult:
    examples = training_examples(project)
    print_ = fingerprint(examples)
    stored = stored_model(project)
    if stored is not None and stored["fingerprint"] == print_ and not force:
        return _result(examples, print_, _evaluation_from(stored["scores"]), unchanged=True)
    if not any(ex.spans for ex in examples):  # nothing to learn from yet: said, not an error
        return replace(_result(examples, print_, None), stored=False)
    evaluation = cross_validate(examples, registry_names(project))
    data, _ = train(examples, gazetteer(project, examples))
    result = _result(examples, print_, evaluation)
    with write_transaction(project.db):
        project.db.execute(
            "INSERT OR REPLACE INTO models (name, engine, data, fingerprint, documents, scores) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [MODEL_NAME, ENGINE, data, print_, len(examples), json.dumps(result.as_json())],
        )
    return result


def _result(
    examples: list[Example], print_: str, evaluation: Evaluation | None, *, unchanged: bool = False
) -> TrainingResult:
    withheld: dict[str, str] = {}
    proposed: list[str] = []
    labels = sorted({lb for ex in examples for _, _, lb in ex.spans})
    for label in labels:
        score = evaluation.per_label.get(label) if evaluation else None
        if evaluation is None:
            withheld[label] = "too few documents to cross-validate (4 needed)"
        elif score is None or score.f1 < THRESHOLD:
            f1 = score.f1 if score else 0.0
            withheld[label] = f"cross-validated F1 {f1:.2f} is under {THRESHOLD:.2f}"
        else:
            proposed.append(label)
    return TrainingResult(
        len(examples),
        sum(len(ex.spans) for ex in examples),
        print_,
        evaluation,
        tuple(proposed),
        withheld,
        unchanged,
    )


def _evaluation_from(scores: dict[str, Any]) -> Evaluation | None:
    if not scores.get("folds"):
        return None
    per_label = {
        lb: Score(s["true_positives"], s["proposed"], s["gold"])
        for lb, s in scores.get("labels", {}).items()
    }
    return Evaluation(scores["folds"], scores["documents"], per_label, {})


def stored_model(project: Project) -> dict[str, Any] | None:
    row = project.db.execute(
        "SELECT data, fingerprint, documents, scores, trained_at FROM models WHERE name = ?",
        [MODEL_NAME],
    ).fetchone()
    if row is None:
        return None
    return {
        "data": row[0],
        "fingerprint": row[1],
        "documents": row[2],
        "scores": json.loads(row[3]),
        "trained_at": row[4],
    }


class ProjectRecommender:
    """The stored model, loaded once, with the labels it may propose."""

    def __init__(self, project: Project) -> None:
        stored = stored_model(project)
        self.project = project
        self.model = Model(stored["data"] if stored else b"")
        self.scores: dict[str, Any] = stored["scores"] if stored else {}
        self.proposed_labels = frozenset(self.scores.get("proposed_labels", ()))
        self.claims = stored_claims(project)
        if self.scores:  # what the status shows: the claims' verdict too
            proposed, withheld = claims_verdict(claims_report(project))
            self.scores = {
                **self.scores,
                "proposed_labels": [*self.scores.get("proposed_labels", ()), *proposed],
                "withheld": {**self.scores.get("withheld", {}), **withheld},
            }
        self._gazetteer = gazetteer(project) if stored else Gazetteer()
        # The model's own output for the last document asked about: the window asks again
        # after every reject and undo, and only the filtering below changes then.
        self._last: tuple[int, str, list[Proposal]] | None = None

    @property
    def trained(self) -> bool:
        return bool(self.scores)

    def proposals(self, doc_id: int) -> list[Proposal]:
        """Proposals for a document, minus what is tagged, rejected or overlaps a span."""
        text = self.project.document(doc_id).text
        spans = self.project.spans(doc_id)
        taken = {(s.start, s.end, s.label) for s in spans} | rejected(self.project, doc_id)
        same_label = [(s.start, s.end, s.label) for s in spans]
        if self._last is None or self._last[:2] != (doc_id, text):
            claims = self.claims.propose(text) if self.claims is not None else []
            self._last = (doc_id, text, self.model.propose(text, self._gazetteer) + claims)
        return [
            p
            for p in self._last[2]
            if (p.label in self.proposed_labels or p.label == "CLAIM")
            and (p.start, p.end, p.label) not in taken
            and not any(s < p.end and p.start < e and lb == p.label for s, e, lb in same_label)
        ]

    def uncertainty(self, doc_id: int) -> float:
        return self.model.uncertainty(self.project.document(doc_id).text, self._gazetteer)

    def most_useful(self, limit: int = 200) -> int | None:
        """The todo document the model is least sure about (of the first ``limit``)."""
        ranked = self.ranking(limit)
        return ranked[0][0] if ranked else None

    def ranking(self, limit: int = 200) -> list[tuple[int, float]]:
        """The first ``limit`` todo documents with their uncertainty, least sure first
        (list order without a model). Seconds for a few hundred documents: the window asks
        for it in the training process, never on its own thread."""
        todo = [d.id for d in self.project.documents(Status.TODO)][:limit]
        if not self.trained:
            return [(doc_id, 0.0) for doc_id in todo]
        scored = [(doc_id, self.uncertainty(doc_id)) for doc_id in todo]
        return sorted(scored, key=lambda pair: -pair[1])
