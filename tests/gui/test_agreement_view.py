"""The agreement view: the report's figures in Qt models, refreshed after a merge."""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import Document
from annotator.gui.agreement_view import AgreementView
from annotator.storage.project import Project
from tests.spans import add_span

TEXT = "قال وزير الخارجية إن باكو ترفض"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_view_shows_the_worked_example_and_follows_new_work(qtbot, qtmodeltester, tmp_path: Path):
    with Project.open(tmp_path / "team.annotator.db") as project:
        doc = project.add_document(Document(TEXT, meta={"title": "<b>عنوان</b>"}))
        add_span(project, doc, *at("وزير الخارجية"), "ACTOR", annotator="alice")
        add_span(project, doc, *at("باكو"), "LOCATION", annotator="alice")
        add_span(project, doc, *at("وزير"), "ACTOR", annotator="bob")
        view = AgreementView(project)
        qtbot.addWidget(view)
        view.resize(1000, 600)
        view.show()
        qtmodeltester.check(view.pairs)
        qtmodeltester.check(view.ranking)
        rows = {(r[0], r[1]): r for r in view.pairs.rows}
        actor = rows[("alice / bob", "ACTOR")]
        assert (actor[3], actor[4]) == (0.0, 1.0)
        index = view.pairs.index(list(view.pairs.rows).index(actor), 5)
        assert view.pairs.data(index) == "0.600"  # kappa of the worked example
        assert view.ranking.rows[0][3] == "<b>عنوان</b>"  # shown as text, never markup

        add_span(project, doc, *at("باكو"), "LOCATION", annotator="bob")  # bob catches up
        view.refresh()
        rows = {(r[0], r[1]): r for r in view.pairs.rows}
        assert rows[("alice / bob", "LOCATION")][3] == 1.0
        assert view.report is not None and view.report.confusion[("ACTOR", "ACTOR")] == 2

        with qtbot.waitSignal(view.document_chosen, timeout=2000) as chosen:
            view.ranking_view.activated.emit(view.ranking.index(0, 0))
        assert chosen.args == [doc]
        view.grab().save(str(tmp_path / "agreement.png"))
