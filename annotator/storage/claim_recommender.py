"""The project's claim classifier: trained on its CLAIM spans and rejections, stored beside
the entity model (``models`` row ``claims``) with its cross-validated scores.

Like the entity labels, claims are proposed only when the cross-validated F1 of
the classifier's proposals reaches the threshold; the report says why not
otherwise. See ``core.recommend.claims`` for the candidates and features.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from annotator.core.models import Status
from annotator.core.recommend.claims import (
    CLAIM,
    ClaimExample,
    ClaimModel,
    cross_validate_claims,
    train_claims,
)
from annotator.storage.database import write_transaction
from annotator.storage.project import Project

MODEL_NAME = "claims"
ENGINE = "crfsuite-maxent"
TRAINED_ON = (Status.DONE, Status.IN_PROGRESS)


def claim_examples(project: Project) -> list[ClaimExample]:
    """Worked documents with their CLAIM spans and the CLAIM proposals rejected in them."""
    examples = []
    for status in TRAINED_ON:
        for summary in project.documents(status):
            rejected = project.db.execute(
                'SELECT start, "end" FROM rejected_suggestions WHERE doc_id = ? AND label = ?',
                [summary.id, CLAIM],
            )
            examples.append(
                ClaimExample(
                    project.document(summary.id).text,
                    tuple((s.start, s.end) for s in project.spans(summary.id) if s.label == CLAIM),
                    tuple((r[0], r[1]) for r in rejected),
                )
            )
    return examples


def _fingerprint(examples: list[ClaimExample]) -> str:
    digest = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: e.text):
        digest.update(hashlib.sha256(ex.text.encode("utf-8")).digest())
        digest.update(json.dumps([sorted(ex.claims), sorted(ex.rejected)]).encode())
    return digest.hexdigest()[:32]


NO_SCHEMA_LABEL = {"proposed": False, "why": "the schema has no CLAIM label"}
NOTHING_YET = {"proposed": False, "why": "no CLAIM spans to learn from yet"}


def claims_report(project: Project) -> dict[str, Any]:
    """The stored classifier's report, or why there is none."""
    if CLAIM not in {lb.name for lb in project.schema.span_labels}:
        return NO_SCHEMA_LABEL
    row = project.db.execute("SELECT scores FROM models WHERE name = ?", [MODEL_NAME]).fetchone()
    return dict(json.loads(row[0])) if row is not None else NOTHING_YET


def train_claims_project(
    project: Project, threshold: float, *, force: bool = False
) -> dict[str, Any]:
    """Train and store the claim classifier; its report (scores, proposed or why not)."""
    if CLAIM not in {lb.name for lb in project.schema.span_labels}:
        return NO_SCHEMA_LABEL
    examples = claim_examples(project)
    print_ = _fingerprint(examples)
    row = project.db.execute(
        "SELECT fingerprint, scores FROM models WHERE name = ?", [MODEL_NAME]
    ).fetchone()
    if row is not None and row[0] == print_ and not force:
        return {**json.loads(row[1]), "unchanged": True}
    if not any(ex.claims for ex in examples):
        return NOTHING_YET
    score = cross_validate_claims(examples)
    data = train_claims(examples)
    report: dict[str, Any] = {"format_version": 1, "threshold": threshold}
    if score is None or not data:
        report |= {"proposed": False, "why": "too few documents or no candidate left untagged"}
    else:
        report |= {"scores": score.as_json(), "proposed": score.f1 >= threshold}
        if score.f1 < threshold:
            report["why"] = f"cross-validated F1 {score.f1:.2f} is under {threshold:.2f}"
    with write_transaction(project.db):
        project.db.execute(
            "INSERT OR REPLACE INTO models (name, engine, data, fingerprint, documents, scores) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [MODEL_NAME, ENGINE, data, print_, len(examples), json.dumps(report)],
        )
    return report


def stored_claims(project: Project) -> ClaimModel | None:
    """The stored classifier, if its scores let it propose."""
    row = project.db.execute(
        "SELECT data, scores FROM models WHERE name = ?", [MODEL_NAME]
    ).fetchone()
    if row is None or not json.loads(row[1]).get("proposed"):
        return None
    return ClaimModel(row[0])
