"""The project's recommender: trained on worked documents, stored in the file, honest."""

from __future__ import annotations

import io
import json
from pathlib import Path

from annotator import cli
from annotator.core.models import Document, Status
from annotator.core.suggest import Suggestion
from annotator.storage.project import Project
from annotator.storage.recommender import (
    ProjectRecommender,
    stored_model,
    train_project,
)
from annotator.storage.suggestions import reject
from tests.news_templates import PEOPLE, PLACES, corpus
from tests.spans import add_span


def _fill(project: Project, n_done: int = 30, n_todo: int = 5) -> list[int]:
    todo = []
    for i, built in enumerate(corpus(n_done, "A", 7) + corpus(n_todo, "B", 8)):
        doc_id = project.add_document(Document(built.text))
        if i < n_done:
            for start, end, label in built.spans:
                add_span(project, doc_id, start, end, label)
            project.set_status(doc_id, Status.DONE)
        else:
            todo.append(doc_id)
    return todo


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_training_stores_the_model_with_its_scores_and_it_travels_with_the_file(
    project_path: Path,
):
    with Project.open(project_path) as project:
        todo = _fill(project)
        result = train_project(project)
        assert result.documents == 30
        assert set(result.proposed_labels) == {"ACTOR", "LOCATION", "CUE"}
        assert train_project(project).unchanged  # same training set: nothing retrained
    with Project.open(project_path) as reopened:  # the model is inside the project file
        stored = stored_model(reopened)
        assert stored is not None and stored["documents"] == 30
        recommender = ProjectRecommender(reopened)
        proposals = recommender.proposals(todo[0])
        text = reopened.document(todo[0]).text
        assert proposals and all(text[p.start : p.end] == p.text for p in proposals)


def test_rejected_and_tagged_proposals_are_not_proposed_again(project: Project):
    todo = _fill(project)
    train_project(project)
    first = ProjectRecommender(project).proposals(todo[0])
    rejected, accepted = first[0], first[1]
    as_suggestion = Suggestion(rejected.start, rejected.end, rejected.label, rejected.text)
    reject(project, todo[0], as_suggestion)
    add_span(project, todo[0], accepted.start, accepted.end, accepted.label)
    again = {(p.start, p.end, p.label) for p in ProjectRecommender(project).proposals(todo[0])}
    assert (rejected.start, rejected.end, rejected.label) not in again
    assert (accepted.start, accepted.end, accepted.label) not in again
    assert len(again) == len(first) - 2


def test_a_label_under_the_threshold_is_withheld_and_the_reason_given(project: Project):
    _fill(project, n_done=12, n_todo=0)
    for doc in project.documents():  # ACTOR spans on every third word: nothing to learn
        text = project.document(doc.id).text
        taken = {(s.start, s.end) for s in project.spans(doc.id)}
        for s in list(project.spans(doc.id)):
            if s.label == "ACTOR":
                project.delete_span(s.id)
        words = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "]
        for start in words[::7]:
            end = text.find(" ", start)
            if end > start and not any(a < end and start < b for a, b in taken):
                add_span(project, doc.id, start, end, "ACTOR")
    result = train_project(project)
    assert "ACTOR" not in result.proposed_labels
    assert "under 0.50" in result.withheld["ACTOR"]
    assert "LOCATION" in result.proposed_labels


def test_train_and_recommend_on_the_command_line(project_path: Path):
    with Project.open(project_path) as project:
        todo = _fill(project)
    code, out, err = run("train", "--db", str(project_path), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["format_version"] == 1 and report["documents"] == 30
    assert set(report["learning_curve"]) == {"0.25", "0.5", "1"}
    assert report["labels"]["LOCATION"]["f1"] >= 0.8
    code, out, err = run("recommend", "--doc", str(todo[0]), "--db", str(project_path), "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and set(rows[0]) == {"start", "end", "label", "text", "score"}
    assert "proposal" in err


def test_recommend_without_a_model_says_what_to_do(project_path: Path):
    with Project.open(project_path) as project:
        doc = project.add_document(Document("قال الوزير إن الوضع مستقر."))
    code, out, err = run("train", "--db", str(project_path), "--json")
    assert code == 0 and json.loads(out)["stored"] is False
    assert "nothing to learn from" in run("train", "--db", str(project_path))[2]
    code, out, err = run("recommend", "--doc", str(doc), "--db", str(project_path), "--json")
    assert code == 0 and json.loads(out) == [] and "annotator train" in err


def test_the_stored_model_proposes_names_it_never_saw_despite_its_gazetteer(project: Project):
    """The gazetteer holds every trained name: a model that always saw it would propose
    only those. Trained on list A, it finds list B's people and places."""
    todo = _fill(project, n_done=16, n_todo=3)
    train_project(project)
    recommender = ProjectRecommender(project)
    found = {(p.text, p.label) for doc_id in todo for p in recommender.proposals(doc_id)}
    unseen_people = {t for t, lb in found if lb == "ACTOR"} & set(PEOPLE["B"])
    unseen_places = {t for t, lb in found if lb == "LOCATION"} & set(PLACES["B"])
    assert len(unseen_people) >= 3 and len(unseen_places) >= 3, found


def _fill_claims(project: Project, n_done: int, *, random_claims: bool = False) -> list[int]:
    """Worked documents with CLAIM spans (or, with ``random_claims``, CLAIMs on any clause
    at random: nothing to learn) and three to do."""
    import random

    from annotator.core.recommend.claims import candidates
    from tests.news_templates import claims_corpus

    rng = random.Random(5)
    todo = []
    for i, built in enumerate(claims_corpus(n_done + 3, "A", 9)):
        doc_id = project.add_document(Document(built.text))
        if i >= n_done:
            todo.append(doc_id)
            continue
        spans = [(s, e) for s, e, _ in built.spans]
        if random_claims:
            spans = [r for r, _ in candidates(built.text) if rng.random() < 0.2] or spans[:1]
        for start, end in spans:
            add_span(project, doc_id, start, end, "CLAIM")
        project.set_status(doc_id, Status.DONE)
    return todo


def test_claims_are_proposed_from_the_clause_finder_and_a_rejected_one_stays_rejected(
    project: Project,
):
    _fill(project, n_done=8, n_todo=0)
    todo = _fill_claims(project, 16)
    result = train_project(project)
    assert "CLAIM" in result.proposed_labels, result.as_json()["claims"]
    assert result.as_json()["claims"]["scores"]["f1"] >= 0.9
    recommender = ProjectRecommender(project)
    text = project.document(todo[0]).text
    claims = [p for p in recommender.proposals(todo[0]) if p.label == "CLAIM"]
    assert claims and all(text[p.start : p.end] == p.text for p in claims)
    assert all(not p.text.startswith("أن") for p in claims)
    gone = claims[0]
    reject(project, todo[0], Suggestion(gone.start, gone.end, "CLAIM", gone.text))
    again = ProjectRecommender(project).proposals(todo[0])
    assert (gone.start, gone.end, "CLAIM") not in {(p.start, p.end, p.label) for p in again}


def test_claims_tagged_at_random_are_withheld_with_the_reason(project: Project):
    _fill(project, n_done=8, n_todo=0)
    todo = _fill_claims(project, 16, random_claims=True)
    result = train_project(project)
    assert "CLAIM" not in result.proposed_labels
    assert "is under 0.50" in result.withheld["CLAIM"]
    recommender = ProjectRecommender(project)
    assert "CLAIM" in recommender.scores["withheld"]
    assert not [p for p in recommender.proposals(todo[0]) if p.label == "CLAIM"]
