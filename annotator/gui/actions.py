"""Every action and shortcut of the window, in one table.

Menus, the F1 shortcut sheet and the key bindings are all generated from
``ACTIONS`` (plus one action per label hotkey, generated from the schema:
label keys are data on the label). ``handler`` names a method of the helper
named by ``target`` (``files``, ``annotate``, ``linking``: links, attributes and
entities, ``suggest``, ``recommend``: training and the most useful document,
``navigate``, ``find``; ``window``: the window itself).
``scope`` says where a shortcut works: ``window`` anywhere in the window,
``article`` only while the article has the focus (so typing a digit or Tab in
the document filter still types), ``links`` in the list of the current span's
links, ``registry`` in the entities panel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QKeySequence

from annotator.core.models import Label
from annotator.gui.action_spec import ActionSpec
from annotator.gui.shell import Shell


def has_current_span(shell: Shell) -> bool:
    return shell.controller.current is not None


def has_document(shell: Shell) -> bool:
    return shell.controller.document is not None


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "project.open",
        "&Open Project…",
        (QKeySequence.StandardKey.Open,),
        "&File",
        "open_project",
        target="files",
    ),
    ActionSpec(
        "project.new",
        "&New Project…",
        (QKeySequence.StandardKey.New,),
        "&File",
        "new_project",
        target="files",
    ),
    ActionSpec(
        "import.files", "&Import Files…", ("Ctrl+I",), "&File", "import_files", target="files"
    ),
    ActionSpec(
        "import.folder",
        "Import &Folder…",
        ("Ctrl+Shift+I",),
        "&File",
        "import_folder",
        target="files",
    ),
    ActionSpec("export.jsonl", "&Export…", ("Ctrl+E",), "&File", "export_jsonl", target="files"),
    ActionSpec("app.quit", "&Quit", ("Ctrl+Q",), "&File", "close"),
    ActionSpec(
        "edit.undo",
        "&Undo",
        (QKeySequence.StandardKey.Undo,),
        "&Edit",
        "undo",
        target="annotate",
        stack="undo",
    ),
    ActionSpec(
        "edit.redo",
        "&Redo",
        (QKeySequence.StandardKey.Redo,),
        "&Edit",
        "redo",
        target="annotate",
        stack="redo",
    ),
    ActionSpec(
        "span.delete",
        "&Delete Span",
        ("Del", "Backspace"),
        "&Annotate",
        "delete_span",
        "article",
        target="annotate",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.strip",
        "Strip &Proclitic (و ف ب ل ك)",
        ("Ctrl+Backspace",),
        "&Annotate",
        "strip_proclitic",
        "article",
        target="annotate",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.next", "&Next Span", ("Tab",), "&Annotate", "next_span", "article", target="annotate"
    ),
    ActionSpec(
        "span.previous",
        "P&revious Span",
        # Shift+Tab only: Qt reads Backtab as Shift+Tab, and a second binding makes X11
        # report an ambiguous shortcut and fire neither (see ``clashes``).
        ("Shift+Tab",),
        "&Annotate",
        "previous_span",
        "article",
        target="annotate",
    ),
    ActionSpec(
        "span.clear",
        "&Clear Selection",
        ("Esc",),
        "&Annotate",
        "clear_selection",
        "article",
        target="annotate",
    ),
    ActionSpec(
        "span.link",
        "&Link to Another Span…",
        ("L",),
        "&Annotate",
        "link_span",
        "article",
        target="linking",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.attributes",
        "&Attributes…",
        ("Return", "Enter"),
        "&Annotate",
        "edit_attributes",
        "article",
        target="linking",
        enabled=has_current_span,
    ),
    ActionSpec(
        "span.entity",
        "Link to &Entity…",
        ("E",),
        "&Annotate",
        "link_entity",
        "article",
        target="linking",
        enabled=has_current_span,
    ),
    ActionSpec(
        "link.delete",
        "Remove Link",
        ("Del",),
        "&Annotate",
        "remove_link",
        "links",
        target="linking",
    ),
    ActionSpec(
        "link.attributes",
        "Link Attributes…",
        ("Return", "Enter"),
        "&Annotate",
        "edit_link",
        "links",
        target="linking",
    ),
    ActionSpec(
        "span.clause",
        "Select Reported &Clause (again: Source, Cue)",
        ("C",),
        "&Annotate",
        "select_clause",
        "article",
        target="annotate",
    ),
    ActionSpec(
        "span.sentence",
        "Select &Sentence (again: the Next)",
        ("S",),
        "&Annotate",
        "select_sentence",
        "article",
        target="annotate",
    ),
    ActionSpec(
        "span.tag_all",
        "Tag &All Occurrences",
        ("Ctrl+T",),
        "&Annotate",
        "tag_all_occurrences",
        "article",
        target="annotate",
        enabled=has_current_span,
    ),
    ActionSpec(
        "entity.edit",
        "Edit &Entity…",
        ("Return", "Enter"),
        "&Annotate",
        "edit_entity",
        "registry",
        target="linking",
    ),
    ActionSpec(
        "entity.merge",
        "&Merge Entity Into Selected…",
        ("Ctrl+M",),
        "&Annotate",
        "merge_entities",
        "registry",
        target="linking",
    ),
    ActionSpec(
        "suggest.next",
        "&Next Suggestion",
        ("N",),
        "&Suggest",
        "next_suggestion",
        "article",
        target="suggest",
    ),
    ActionSpec(
        "suggest.accept",
        "&Accept Suggestion",
        ("Y",),
        "&Suggest",
        "accept_suggestion",
        "article",
        target="suggest",
    ),
    ActionSpec(
        "suggest.accept_all",
        "Accept All Alike",
        ("Shift+Y",),
        "&Suggest",
        "accept_all_alike",
        "article",
        target="suggest",
    ),
    ActionSpec(
        "suggest.reject",
        "&Reject Suggestion",
        ("X",),
        "&Suggest",
        "reject_suggestion",
        "article",
        target="suggest",
    ),
    ActionSpec(
        "suggest.cues",
        "Suggest Attribution &Cues",
        ("Ctrl+Shift+C",),
        "&Suggest",
        "toggle_cue_suggestions",
        checkable=True,
        target="suggest",
    ),
    ActionSpec(
        "model.train", "&Train Now", ("Ctrl+Shift+T",), "&Recommender", "train", target="recommend"
    ),
    ActionSpec(
        "span.snap",
        "&Snap Selections to Whole Words",
        ("Ctrl+Shift+W",),
        "&Annotate",
        "toggle_snap",
        checkable=True,
        target="annotate",
    ),
    ActionSpec(
        "doc.done",
        "Mark &Done, Open Next",
        ("Ctrl+Return", "Ctrl+Enter"),
        "&Navigate",
        "done_and_next",
        target="navigate",
        enabled=has_document,
    ),
    ActionSpec(
        "doc.next", "&Next Document", ("Alt+Down",), "&Navigate", "next_document", target="navigate"
    ),
    ActionSpec(
        "doc.previous",
        "&Previous Document",
        ("Alt+Up",),
        "&Navigate",
        "previous_document",
        target="navigate",
    ),
    ActionSpec(
        "doc.most_useful",
        "Next &Most Useful Document",
        ("Ctrl+Shift+N",),
        "&Navigate",
        "next_most_useful",
        target="recommend",
    ),
    ActionSpec(
        "focus.article",
        "Go to &Article",
        ("Ctrl+1",),
        "&Navigate",
        "focus_article",
        target="navigate",
    ),
    ActionSpec(
        "find.article",
        "&Find in Article…",
        ("Ctrl+F",),
        "&Navigate",
        "find_in_article",
        target="find",
    ),
    ActionSpec(
        "find.corpus",
        "&Search All Documents…",
        ("Ctrl+Shift+F",),
        "&Navigate",
        "search_corpus",
        target="find",
    ),
    ActionSpec(
        "focus.filter",
        "&Filter Documents",
        ("Ctrl+L",),
        "&Navigate",
        "focus_filter",
        target="navigate",
    ),
    ActionSpec(
        "focus.links", "Go to Lin&ks", ("Ctrl+2",), "&Navigate", "focus_links", target="navigate"
    ),
    ActionSpec(
        "focus.entities",
        "Go to &Entities",
        ("Ctrl+Shift+E",),
        "&Navigate",
        "focus_entities",
        target="linking",
    ),
    ActionSpec(
        "view.zoom_in", "Zoom &In", ("Ctrl+=", "Ctrl++"), "&View", "zoom_in", target="navigate"
    ),
    ActionSpec("view.zoom_out", "Zoom &Out", ("Ctrl+-",), "&View", "zoom_out", target="navigate"),
    ActionSpec(
        "view.zoom_reset", "&Reset Zoom", ("Ctrl+0",), "&View", "zoom_reset", target="navigate"
    ),
    ActionSpec(
        "help.shortcuts",
        "&Keyboard Shortcuts",
        ("F1",),
        "&Help",
        "show_shortcuts",
        target="navigate",
    ),
)


def label_actions(labels: Iterable[Label]) -> tuple[ActionSpec, ...]:
    """Label hotkeys: "N" tags the selection (snapped), "Alt+N" tags it exactly."""
    specs = []
    for label in labels:
        if not label.hotkey:
            continue
        specs.append(
            ActionSpec(
                f"label.{label.name}",
                f"Tag as {label.name}",
                (label.hotkey,),
                "&Annotate",
                "apply_label",
                "article",
                argument=label.name,
                target="annotate",
            )
        )
        specs.append(
            ActionSpec(
                f"label.{label.name}.exact",
                f"Tag as {label.name}, exact characters",
                (f"Alt+{label.hotkey}",),
                "&Annotate",
                "apply_label_exact",
                "article",
                argument=label.name,
                target="annotate",
            )
        )
    return tuple(specs)


def all_specs(labels: Sequence[Label]) -> tuple[ActionSpec, ...]:
    return ACTIONS + label_actions(labels)
