"""The recommender's actions: train now, and open the next most useful document.

A table of its own beside ``actions.ACTIONS`` (``all_specs`` puts it before the
View menu), so the one table stays readable and small.
"""

from __future__ import annotations

from annotator.gui.action_run import run
from annotator.gui.action_spec import ActionSpec
from annotator.gui.i18n import QT_TRANSLATE_NOOP

RECOMMENDER_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "model.train",
        QT_TRANSLATE_NOOP("actions", "&Train Now"),
        ("Ctrl+Shift+T",),
        "&Recommender",
        run(lambda h: h.recommend.train()),
    ),
    ActionSpec(
        "doc.most_useful",
        QT_TRANSLATE_NOOP("actions", "Next &Most Useful Document"),
        ("Ctrl+Shift+N",),
        "&Navigate",
        run(lambda h: h.recommend.next_most_useful()),
    ),
)
