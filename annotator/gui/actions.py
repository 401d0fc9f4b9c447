"""Every action and shortcut of the window, in one table.

Menus, the F1 shortcut sheet and the key bindings are all generated from
``ACTIONS`` (plus one action per label hotkey, generated from the schema:
label keys are data on the label). ``handler`` names a method of the main
window, or of the helper named by ``target`` (``linking``: links,
attributes and entities). ``scope`` says where a shortcut works: ``window``
anywhere in the window, ``article`` only while the article has the focus (so
typing a digit or Tab in the document filter still types), ``links`` in the
list of the current span's links, ``registry`` in the entities panel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core.models import Label

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    keys: tuple[Key, ...]
    menu: str
    handler: str
    scope: Literal["window", "article", "links", "registry"] = "window"
    checkable: bool = False
    argument: str | None = None
    target: Literal["window", "linking"] = "window"


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "project.open", "&Open Project…", (QKeySequence.StandardKey.Open,), "&File", "open_project"
    ),
    ActionSpec(
        "project.new", "&New Project…", (QKeySequence.StandardKey.New,), "&File", "new_project"
    ),
    ActionSpec("import.files", "&Import Files…", ("Ctrl+I",), "&File", "import_files"),
    ActionSpec("import.folder", "Import &Folder…", ("Ctrl+Shift+I",), "&File", "import_folder"),
    ActionSpec("export.jsonl", "&Export…", ("Ctrl+E",), "&File", "export_jsonl"),
    ActionSpec("app.quit", "&Quit", ("Ctrl+Q",), "&File", "close"),
    ActionSpec("edit.undo", "&Undo", ("Ctrl+Z",), "&Edit", "undo"),
    ActionSpec("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "&Edit", "redo"),
    ActionSpec(
        "span.delete", "&Delete Span", ("Del", "Backspace"), "&Annotate", "delete_span", "article"
    ),
    ActionSpec(
        "span.strip",
        "Strip &Proclitic (و ف ب ل ك)",
        ("Ctrl+Backspace",),
        "&Annotate",
        "strip_proclitic",
        "article",
    ),
    ActionSpec("span.next", "&Next Span", ("Tab",), "&Annotate", "next_span", "article"),
    ActionSpec(
        "span.previous",
        "P&revious Span",
        ("Shift+Tab", "Backtab"),
        "&Annotate",
        "previous_span",
        "article",
    ),
    ActionSpec(
        "span.clear", "&Clear Selection", ("Esc",), "&Annotate", "clear_selection", "article"
    ),
    ActionSpec(
        "span.link",
        "&Link to Another Span…",
        ("L",),
        "&Annotate",
        "link_span",
        "article",
        target="linking",
    ),
    ActionSpec(
        "span.attributes",
        "&Attributes…",
        ("Return", "Enter"),
        "&Annotate",
        "edit_attributes",
        "article",
        target="linking",
    ),
    ActionSpec(
        "span.entity",
        "Link to &Entity…",
        ("E",),
        "&Annotate",
        "link_entity",
        "article",
        target="linking",
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
        "doc.attributes",
        "&Document Attributes…",
        ("D",),
        "&Annotate",
        "edit_document_attributes",
        "article",
        target="linking",
    ),
    ActionSpec(
        "span.tag_all",
        "Tag &All Occurrences",
        ("Ctrl+T",),
        "&Annotate",
        "tag_all_occurrences",
        "article",
    ),
    ActionSpec(
        "entity.edit",
        "Edit &Entity…",
        ("Return", "Enter"),
        "&Annotate",
        "edit_entity",
        "registry",
    ),
    ActionSpec(
        "entity.merge",
        "&Merge Entity Into Selected…",
        ("Ctrl+M",),
        "&Annotate",
        "merge_entities",
        "registry",
    ),
    ActionSpec(
        "suggest.next", "&Next Suggestion", ("N",), "&Suggest", "next_suggestion", "article"
    ),
    ActionSpec(
        "suggest.accept", "&Accept Suggestion", ("Y",), "&Suggest", "accept_suggestion", "article"
    ),
    ActionSpec(
        "suggest.accept_all",
        "Accept All Alike",
        ("Shift+Y",),
        "&Suggest",
        "accept_all_alike",
        "article",
    ),
    ActionSpec(
        "suggest.reject", "&Reject Suggestion", ("X",), "&Suggest", "reject_suggestion", "article"
    ),
    ActionSpec(
        "suggest.cues",
        "Suggest Attribution &Cues",
        ("Ctrl+Shift+C",),
        "&Suggest",
        "toggle_cue_suggestions",
        checkable=True,
    ),
    ActionSpec(
        "span.snap",
        "&Snap Selections to Whole Words",
        ("Ctrl+Shift+W",),
        "&Annotate",
        "toggle_snap",
        checkable=True,
    ),
    ActionSpec(
        "doc.done",
        "Mark &Done, Open Next",
        ("Ctrl+Return", "Ctrl+Enter"),
        "&Navigate",
        "done_and_next",
    ),
    ActionSpec("doc.next", "&Next Document", ("Alt+Down",), "&Navigate", "next_document"),
    ActionSpec("doc.previous", "&Previous Document", ("Alt+Up",), "&Navigate", "previous_document"),
    ActionSpec("focus.article", "Go to &Article", ("Ctrl+1",), "&Navigate", "focus_article"),
    ActionSpec("find.article", "&Find in Article…", ("Ctrl+F",), "&Navigate", "find_in_article"),
    ActionSpec(
        "find.corpus", "&Search All Documents…", ("Ctrl+Shift+F",), "&Navigate", "search_corpus"
    ),
    ActionSpec("focus.filter", "&Filter Documents", ("Ctrl+L",), "&Navigate", "focus_filter"),
    ActionSpec("focus.links", "Go to Lin&ks", ("Ctrl+2",), "&Navigate", "focus_links"),
    ActionSpec(
        "focus.entities", "Go to &Entities", ("Ctrl+Shift+E",), "&Navigate", "focus_entities"
    ),
    ActionSpec("view.zoom_in", "Zoom &In", ("Ctrl+=", "Ctrl++"), "&View", "zoom_in"),
    ActionSpec("view.zoom_out", "Zoom &Out", ("Ctrl+-",), "&View", "zoom_out"),
    ActionSpec("view.zoom_reset", "&Reset Zoom", ("Ctrl+0",), "&View", "zoom_reset"),
    ActionSpec("help.shortcuts", "&Keyboard Shortcuts", ("F1",), "&Help", "show_shortcuts"),
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
            )
        )
    return tuple(specs)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    return sequences


def shortcut_text(spec: ActionSpec) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec)
    )


def build_action(
    spec: ActionSpec,
    parent: QWidget,
    scopes: Mapping[str, QWidget],
    trigger: Callable[[ActionSpec], None],
) -> QAction:
    """A QAction for ``spec``, attached where its scope says, calling ``trigger(spec)``.

    ``scopes`` maps the narrow scopes (article, links, registry) to their widgets.
    """
    action = QAction(QCoreApplication.translate("actions", spec.text), parent)
    action.setObjectName(spec.id)
    action.setShortcuts(key_sequences(spec))
    action.setCheckable(spec.checkable)
    if spec.scope == "window":
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        parent.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scopes[spec.scope].addAction(action)
    action.triggered.connect(lambda _checked=False: trigger(spec))
    return action


def all_specs(labels: Sequence[Label]) -> tuple[ActionSpec, ...]:
    return ACTIONS + label_actions(labels)
