"""Every action and shortcut of the window, in one table.

Menus, the F1 shortcut sheet and the key bindings are all generated from
``ACTIONS`` (plus one action per label hotkey, generated from the schema:
label keys are data on the label). ``run`` is given the window's ``Handlers``
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
from annotator.gui.recommender_actions import RECOMMENDER_ACTIONS

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "project.open",
        "&Open Project…",
        (QKeySequence.StandardKey.Open,),
        "&File",
        run(lambda h: h.files.open_project()),
    ),
    ActionSpec(
        "project.new",
        "&New Project…",
        (QKeySequence.StandardKey.New,),
        "&File",
        run(lambda h: h.files.new_project()),
    ),
    ActionSpec(
        "import.files",
        "&Import Files…",
        ("Ctrl+I",),
        "&File",
        run(lambda h: h.files.import_files()),
    ),
    ActionSpec(
        "import.folder",
        "Import &Folder…",
        ("Ctrl+Shift+I",),
        "&File",
        run(lambda h: h.files.import_folder()),
    ),
    ActionSpec(
        "export.jsonl", "&Export…", ("Ctrl+E",), "&File", run(lambda h: h.files.export_jsonl())
    ),
    ActionSpec("app.quit", "&Quit", ("Ctrl+Q",), "&File", run(lambda h: h.window.close())),
    ActionSpec(
        "edit.undo",
        "&Undo",
        (QKeySequence.StandardKey.Undo,),
        "&Edit",
        run(lambda h: h.annotate.undo()),
        stack="undo",
    ),
    ActionSpec(
        "edit.redo",
        "&Redo",
        (QKeySequence.StandardKey.Redo,),
        "&Edit",
        run(lambda h: h.annotate.redo()),
        stack="redo",
    ),
    ActionSpec(
        "edit.analyst",
        "Analyst &Name…",
        (),
        "&Edit",
        run(lambda h: h.files.ask_analyst_name()),
    ),
    ActionSpec(
        "span.delete",
        "&Delete Span",
        ("Del", "Backspace"),
        "&Annotate",
        run(lambda h: h.annotate.delete_span()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.strip",
        "Strip &Proclitic (و ف ب ل ك)",
        ("Ctrl+Backspace",),
        "&Annotate",
        run(lambda h: h.annotate.strip_proclitic()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.next",
        "&Next Span",
        ("Tab",),
        "&Annotate",
        run(lambda h: h.annotate.next_span()),
        "article",
    ),
    ActionSpec(
        "span.previous",
        "P&revious Span",
        # Shift+Tab only: Qt reads Backtab as Shift+Tab, and a second binding makes X11
        # report an ambiguous shortcut and fire neither (see ``clashes``).
        ("Shift+Tab",),
        "&Annotate",
        run(lambda h: h.annotate.previous_span()),
        "article",
    ),
    ActionSpec(
        "span.clear",
        "&Clear Selection",
        ("Esc",),
        "&Annotate",
        run(lambda h: h.annotate.clear_selection()),
        "article",
    ),
    ActionSpec(
        "span.link",
        "&Link to Another Span…",
        ("L",),
        "&Annotate",
        run(lambda h: h.linking.link_span()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.attributes",
        "&Attributes…",
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_attributes()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.entity",
        "Link to &Entity…",
        ("E",),
        "&Annotate",
        run(lambda h: h.linking.link_entity()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "link.delete",
        "Remove Link",
        ("Del",),
        "&Annotate",
        run(lambda h: h.linking.remove_link()),
        "links",
    ),
    ActionSpec(
        "link.attributes",
        "Link Attributes…",
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_link()),
        "links",
    ),
    ActionSpec(
        "span.clause",
        "Select Reported &Clause (again: Source, Cue)",
        ("C",),
        "&Annotate",
        run(lambda h: h.annotate.select_clause()),
        "article",
    ),
    ActionSpec(
        "span.sentence",
        "Select &Sentence (again: the Next)",
        ("S",),
        "&Annotate",
        run(lambda h: h.annotate.select_sentence()),
        "article",
    ),
    ActionSpec(
        "doc.attributes",
        "&Document Attributes…",
        ("D",),
        "&Annotate",
        run(lambda h: h.linking.edit_document_attributes()),
        "article",
        enabled=has_document,
    ),
    ActionSpec(
        "span.tag_all",
        "Tag &All Occurrences",
        ("Ctrl+T",),
        "&Annotate",
        run(lambda h: h.annotate.tag_all_occurrences()),
        "article",
        enabled=has_current_span,
    ),
    ActionSpec(
        "entity.edit",
        "Edit &Entity…",
        ("Return", "Enter"),
        "&Annotate",
        run(lambda h: h.linking.edit_entity()),
        "registry",
    ),
    ActionSpec(
        "entity.merge",
        "&Merge Entity Into Selected…",
        ("Ctrl+M",),
        "&Annotate",
        run(lambda h: h.linking.merge_entities()),
        "registry",
    ),
    ActionSpec(
        "suggest.next",
        "&Next Suggestion",
        ("N",),
        "&Suggest",
        run(lambda h: h.suggest.next_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.accept",
        "&Accept Suggestion",
        ("Y",),
        "&Suggest",
        run(lambda h: h.suggest.accept_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.accept_all",
        "Accept All Alike",
        ("Shift+Y",),
        "&Suggest",
        run(lambda h: h.suggest.accept_all_alike()),
        "article",
    ),
    ActionSpec(
        "suggest.reject",
        "&Reject Suggestion",
        ("X",),
        "&Suggest",
        run(lambda h: h.suggest.reject_suggestion()),
        "article",
    ),
    ActionSpec(
        "suggest.cues",
        "Suggest Attribution &Cues",
        ("Ctrl+Shift+C",),
        "&Suggest",
        run(lambda h: h.suggest.toggle_cue_suggestions()),
        checkable=True,
    ),
    ActionSpec(
        "span.snap",
        "&Snap Selections to Whole Words",
        ("Ctrl+Shift+W",),
        "&Annotate",
        run(lambda h: h.annotate.toggle_snap()),
        checkable=True,
    ),
    ActionSpec(
        "doc.done",
        "Mark &Done, Open Next",
        ("Ctrl+Return", "Ctrl+Enter"),
        "&Navigate",
        run(lambda h: h.navigate.done_and_next()),
        enabled=has_document,
    ),
    ActionSpec(
        "doc.next",
        "&Next Document",
        ("Alt+Down",),
        "&Navigate",
        run(lambda h: h.navigate.next_document()),
    ),
    ActionSpec(
        "doc.previous",
        "&Previous Document",
        ("Alt+Up",),
        "&Navigate",
        run(lambda h: h.navigate.previous_document()),
    ),
    ActionSpec(
        "focus.article",
        "Go to &Article",
        ("Ctrl+1",),
        "&Navigate",
        run(lambda h: h.navigate.focus_article()),
    ),
    ActionSpec(
        "find.article",
        "&Find in Article…",
        ("Ctrl+F",),
        "&Navigate",
        run(lambda h: h.find.find_in_article()),
    ),
    ActionSpec(
        "find.corpus",
        "&Search All Documents…",
        ("Ctrl+Shift+F",),
        "&Navigate",
        run(lambda h: h.find.search_corpus()),
    ),
    ActionSpec(
        "focus.filter",
        "&Filter Documents",
        ("Ctrl+L",),
        "&Navigate",
        run(lambda h: h.navigate.focus_filter()),
    ),
    ActionSpec(
        "focus.links",
        "Go to Lin&ks",
        ("Ctrl+2",),
        "&Navigate",
        run(lambda h: h.navigate.focus_links()),
    ),
    ActionSpec(
        "focus.entities",
        "Go to &Entities",
        ("Ctrl+Shift+E",),
        "&Navigate",
        run(lambda h: h.linking.focus_entities()),
    ),
    ActionSpec(
        "view.zoom_in",
        "Zoom &In",
        ("Ctrl+=", "Ctrl++"),
        "&View",
        run(lambda h: h.navigate.zoom_in()),
    ),
    ActionSpec(
        "view.zoom_out", "Zoom &Out", ("Ctrl+-",), "&View", run(lambda h: h.navigate.zoom_out())
    ),
    ActionSpec(
        "view.zoom_reset",
        "&Reset Zoom",
        ("Ctrl+0",),
        "&View",
        run(lambda h: h.navigate.zoom_reset()),
    ),
    ActionSpec(
        "help.shortcuts",
        "&Keyboard Shortcuts",
        ("F1",),
        "&Help",
        run(lambda h: h.navigate.show_shortcuts()),
    ),
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
