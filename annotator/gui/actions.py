"""Every action and shortcut of the window, in one table.

Menus, the F1 shortcut sheet and the key bindings are all generated from
``ACTIONS`` (its Navigate, View and Help part lives in ``actions_moving``), plus
one action per label hotkey, generated from the schema (label keys are data on
the label). ``run`` is given the window's ``Handlers``
(``files``, ``annotate``, ``linking``: links, attributes and entities,
``suggest``, ``recommend``, ``navigate``, ``find``; ``window``: the window
itself) and calls one of them: typed, so mypy knows every handler exists.
``scope`` says where a shortcut works: ``window`` anywhere in the window,
``article`` only while the article has the focus (so typing a digit or Tab in
the document filter still types), ``links`` in the list of the current span's
links, ``registry`` in the entities panel. ``enabled`` says when it can run.
The recommender's actions are in ``recommender_actions``, spliced in before View.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from annotator.core.models import Label
from annotator.gui.action_run import has_current_span, has_document, run
from annotator.gui.action_spec import ActionSpec, Run
from annotator.gui.actions_moving import MOVING_ACTIONS
from annotator.gui.i18n import QT_TRANSLATE_NOOP
from annotator.gui.recommender_actions import RECOMMENDER_ACTIONS

# The menus in the order the menu bar shows them; their titles are translated in context "menus".
MENUS = (
    QT_TRANSLATE_NOOP("menus", "&File"),
    QT_TRANSLATE_NOOP("menus", "&Edit"),
    QT_TRANSLATE_NOOP("menus", "&Annotate"),
    QT_TRANSLATE_NOOP("menus", "&Suggest"),
    QT_TRANSLATE_NOOP("menus", "&Recommender"),
    QT_TRANSLATE_NOOP("menus", "&Navigate"),
    QT_TRANSLATE_NOOP("menus", "&View"),
    QT_TRANSLATE_NOOP("menus", "&Help"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "project.open",
        QT_TRANSLATE_NOOP("actions", "&Open Project…"),
        (QKeySequence.StandardKey.Open,),
        "&File",
        run(lambda h: h.files.open_project()),
    ),
    ActionSpec(
        "project.new",
        QT_TRANSLATE_NOOP("actions", "&New Project…"),
        (QKeySequence.StandardKey.New,),
        "&File",
        run(lambda h: h.files.new_project()),
    ),
    ActionSpec(
        "import.files",
        QT_TRANSLATE_NOOP("actions", "&Import Files…"),
        ("Ctrl+I",),
        "&File",
        run(lambda h: h.files.import_files()),
    ),
    ActionSpec(
        "import.folder",
        QT_TRANSLATE_NOOP("actions", "Import &Folder…"),
        ("Ctrl+Shift+I",),
        "&File",
        run(lambda h: h.files.import_folder()),
    ),
    ActionSpec(
        "export.jsonl",
        QT_TRANSLATE_NOOP("actions", "&Export…"),
        ("Ctrl+E",),
        "&File",
        run(lambda h: h.files.export_jsonl()),
    ),
    ActionSpec(
        "app.quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        ("Ctrl+Q",),
        "&File",
        run(lambda h: h.window.close()),
    ),
    ActionSpec(
        "edit.undo",
        QT_TRANSLATE_NOOP("actions", "&Undo"),
        (QKeySequence.StandardKey.Undo,),
        "&Edit",
        run(lambda h: h.annotate.undo()),
        stack="undo",
    ),
    ActionSpec(
        "edit.redo",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        (QKeySequence.StandardKey.Redo,),
        "&Edit",
        run(lambda h: h.annotate.redo()),
        stack="redo",
    ),
    ActionSpec(
        "edit.analyst",
        QT_TRANSLATE_NOOP("actions", "Analyst &Name…"),
        (),
        "&Edit",
        run(lambda h: h.files.ask_analyst_name()),
    ),
    ActionSpec(
        "span.delete",
        QT_TRANSLATE_NOOP("actions", "&Delete Span"),
        ("Del", "Backspace"),
        "&Annotate",
        run(lambda h: h.annotate.delete_span()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.strip",
        QT_TRANSLATE_NOOP("actions", "Strip &Proclitic (و ف ب ل ك)"),
        ("Ctrl+Backspace",),
        "&Annotate",
        run(lambda h: h.annotate.strip_proclitic()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.next",
        QT_TRANSLATE_NOOP("actions", "&Next Span"),
        ("Tab",),
        "&Annotate",
        run(lambda h: h.annotate.next_span()),
        "article",
    ),
    ActionSpec(
        "span.previous",
        QT_TRANSLATE_NOOP("actions", "P&revious Span"),
        # Shift+Tab only: Qt reads Backtab as Shift+Tab, and a second binding makes X11
        # report an ambiguous shortcut and fire neither (see ``clashes``).
        ("Shift+Tab",),
        "&Annotate",
        run(lambda h: h.annotate.previous_span()),
        "article",
    ),
    ActionSpec(
        "span.clear",
        QT_TRANSLATE_NOOP("actions", "&Clear Selection"),
        ("Esc",),
        "&Annotate",
        run(lambda h: h.annotate.clear_selection()),
        "article",
    ),
    ActionSpec(
        "span.link",
        QT_TRANSLATE_NOOP("actions", "&Link to Another Span…"),
        ("L",),
        "&Annotate",
        run(lambda h: h.linking.link_span()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.attributes",
        QT_TRANSLATE_NOOP("actions", "&Attributes…"),
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_attributes()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.entity",
        QT_TRANSLATE_NOOP("actions", "Link to &Entity…"),
        ("E",),
        "&Annotate",
        run(lambda h: h.linking.link_entity()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "link.delete",
        QT_TRANSLATE_NOOP("actions", "Remove Link"),
        ("Del",),
        "&Annotate",
        run(lambda h: h.linking.remove_link()),
        "links",
    ),
    ActionSpec(
        "link.attributes",
        QT_TRANSLATE_NOOP("actions", "Link Attributes…"),
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_link()),
        "links",
    ),
    ActionSpec(
        "span.clause",
        QT_TRANSLATE_NOOP("actions", "Select Reported &Clause (again: Source, Cue)"),
        ("C",),
        "&Annotate",
        run(lambda h: h.annotate.select_clause()),
        "article",
    ),
    ActionSpec(
        "span.sentence",
        QT_TRANSLATE_NOOP("actions", "Select &Sentence (again: the Next)"),
        ("S",),
        "&Annotate",
        run(lambda h: h.annotate.select_sentence()),
        "article",
    ),
    ActionSpec(
        "doc.attributes",
        QT_TRANSLATE_NOOP("actions", "&Document Attributes…"),
        ("D",),
        "&Annotate",
        run(lambda h: h.linking.edit_document_attributes()),
        "article",
        enabled=has_document,
    ),
    ActionSpec(
        "span.tag_all",
        QT_TRANSLATE_NOOP("actions", "Tag &All Occurrences"),
        ("Ctrl+T",),
        "&Annotate",
        run(lambda h: h.annotate.tag_all_occurrences()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "entity.edit",
        QT_TRANSLATE_NOOP("actions", "Edit &Entity…"),
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_entity()),
        "registry",
    ),
    ActionSpec(
        "entity.merge",
        QT_TRANSLATE_NOOP("actions", "&Merge Entity Into Selected…"),
        ("Ctrl+M",),
        "&Annotate",
        run(lambda h: h.linking.merge_entities()),
        "registry",
    ),
    ActionSpec(
        "suggest.next",
        QT_TRANSLATE_NOOP("actions", "&Next Suggestion"),
        ("N",),
        "&Suggest",
        run(lambda h: h.suggest.next_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.accept",
        QT_TRANSLATE_NOOP("actions", "&Accept Suggestion"),
        ("Y",),
        "&Suggest",
        run(lambda h: h.suggest.accept_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.accept_all",
        QT_TRANSLATE_NOOP("actions", "Accept All Alike"),
        ("Shift+Y",),
        "&Suggest",
        run(lambda h: h.suggest.accept_all_alike()),
        "article",
    ),
    ActionSpec(
        "suggest.reject",
        QT_TRANSLATE_NOOP("actions", "&Reject Suggestion"),
        ("X",),
        "&Suggest",
        run(lambda h: h.suggest.reject_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.cues",
        QT_TRANSLATE_NOOP("actions", "Suggest Attribution &Cues"),
        ("Ctrl+Shift+C",),
        "&Suggest",
        run(lambda h: h.suggest.toggle_cue_suggestions()),
        checkable=True,
        checked=lambda w: w.state.suggest_cues(),
    ),
    ActionSpec(
        "span.snap",
        QT_TRANSLATE_NOOP("actions", "&Snap Selections to Whole Words"),
        ("Ctrl+Shift+W",),
        "&Annotate",
        run(lambda h: h.annotate.toggle_snap()),
        checkable=True,
        checked=lambda w: w.state.snap_to_words(),
    ),
    *MOVING_ACTIONS,
)


def tag(label: str, *, exact: bool = False) -> Run:
    return run(lambda h: h.annotate.apply_label(label, exact=exact))


def label_actions(labels: Iterable[Label]) -> tuple[ActionSpec, ...]:
    """Label hotkeys: "N" tags the selection (snapped), "Alt+N" tags it exactly."""
    specs = []
    for label in labels:
        if not label.hotkey:
            continue
        specs.append(
            ActionSpec(
                f"label.{label.name}",
                QCoreApplication.translate("actions", "Tag as %1").replace("%1", label.name),
                (label.hotkey,),
                "&Annotate",
                tag(label.name),
                "article",
            )
        )
        specs.append(
            ActionSpec(
                f"label.{label.name}.exact",
                QCoreApplication.translate("actions", "Tag as %1, exact characters").replace(
                    "%1", label.name
                ),
                (f"Alt+{label.hotkey}",),
                "&Annotate",
                tag(label.name, exact=True),
                "article",
            )
        )
    return tuple(specs)


def all_specs(labels: Sequence[Label]) -> tuple[ActionSpec, ...]:
    view = next(i for i, spec in enumerate(ACTIONS) if spec.menu == "&View")
    return ACTIONS[:view] + RECOMMENDER_ACTIONS + ACTIONS[view:] + label_actions(labels)
