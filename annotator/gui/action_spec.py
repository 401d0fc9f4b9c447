"""What an action is (``ActionSpec``) and how Qt binds its keys.

``resolved`` spells a key sequence as Qt's shortcut map matches it, so
``clashes`` finds two bindings that would make X11 report an ambiguous
shortcut and fire neither (Backtab is Shift+Tab there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = str | QKeySequence.StandardKey
# What an action does, given the window's handlers (gui.handlers.Handlers; typed where the
# table is written, see actions.run). What it returns is ignored.
Run = Callable[[Any], object]
# Whether an action can run now, asked of the window (gui.shell.Shell) after every change.
Enabled = Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    keys: tuple[Key, ...]
    menu: str
    run: Run
    scope: Literal["window", "article", "links", "registry"] = "window"
    checkable: bool = False
    enabled: Enabled | None = None  # None: always
    checked: Enabled | None = None  # a checkable action's state, asked when the menus are made
    # Made by the undo stack (its text names the command: "Undo Tag ACTOR", greyed when empty).
    stack: Literal["undo", "redo"] | None = None


def menu_title(menu: str) -> str:
    """A menu's title (``ActionSpec.menu``) in the interface's language (see actions.MENUS)."""
    return QCoreApplication.translate("menus", menu)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    return sequences


def resolved(sequence: QKeySequence) -> tuple[str, ...]:
    """``sequence`` as Qt's shortcut map matches it: Backtab is Shift+Tab.

    X11 delivers Shift+Tab as Backtab with Shift held; Qt tries both spellings,
    so an action bound to both (or two actions holding one each) is ambiguous.
    """
    keys = []
    for i in range(sequence.count()):
        combination = sequence[i]  # type: ignore[index]  # stubs lack __getitem__
        modifiers = combination.keyboardModifiers()
        key = combination.key()
        if key == Qt.Key.Key_Backtab:
            key, modifiers = Qt.Key.Key_Tab, modifiers | Qt.KeyboardModifier.ShiftModifier
        keys.append(
            QKeySequence(QKeyCombination(modifiers, key)).toString(
                QKeySequence.SequenceFormat.PortableText
            )
        )
    return tuple(keys)


def clashes(specs: Iterable[ActionSpec]) -> list[str]:
    """Key sequences that would reach two actions (or one action twice) in one place.

    A key may mean different things in different scopes (Del in the article and in
    the links list), but a window-wide key is never also bound in a narrower scope.
    """
    bound: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for spec in specs:
        for sequence in key_sequences(spec):
            bound.setdefault(resolved(sequence), []).append((spec.scope, spec.id))
    problems = []
    for keys, holders in bound.items():
        scopes = [scope for scope, _ in holders]
        if len(set(scopes)) != len(scopes) or ("window" in scopes and len(scopes) > 1):
            problems.append(f"{', '.join(keys)}: {holders}")
    return problems


def shortcut_text(spec: ActionSpec) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec)
    )


def build_action(
    spec: ActionSpec,
    parent: QWidget,
    scopes: Mapping[str, QWidget],
    trigger: Callable[[ActionSpec], None],
    action: QAction | None = None,
) -> QAction:
    """A QAction for ``spec``, attached where its scope says, calling ``trigger(spec)``.

    ``scopes`` maps the narrow scopes (article, links, registry) to their widgets.
    """
    if action is None:
        action = QAction(QCoreApplication.translate("actions", spec.text), parent)
        action.triggered.connect(lambda _checked=False: trigger(spec))
    action.setObjectName(spec.id)
    action.setShortcuts(key_sequences(spec))
    action.setCheckable(spec.checkable)
    if spec.scope == "window":
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        parent.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scopes[spec.scope].addAction(action)
    return action
