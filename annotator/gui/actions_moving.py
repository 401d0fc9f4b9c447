"""The action table's Navigate, View and Help part: moving about, zoom, language, help.

Kept apart from ``actions`` only for length; ``actions.ACTIONS`` holds them all,
in menu order. The conventions are those written at the top of ``actions``.
"""

from __future__ import annotations

from annotator.gui.action_run import has_document, next_language, run
from annotator.gui.action_spec import ActionSpec
from annotator.gui.i18n import QT_TRANSLATE_NOOP

MOVING_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "doc.done",
        QT_TRANSLATE_NOOP("actions", "Mark &Done, Open Next"),
        ("Ctrl+Return", "Ctrl+Enter"),
        "&Navigate",
        run(lambda h: h.navigate.done_and_next()),
        enabled=has_document,
    ),
    ActionSpec(
        "doc.next",
        QT_TRANSLATE_NOOP("actions", "&Next Document"),
        ("Alt+Down",),
        "&Navigate",
        run(lambda h: h.navigate.next_document()),
    ),
    ActionSpec(
        "doc.previous",
        QT_TRANSLATE_NOOP("actions", "&Previous Document"),
        ("Alt+Up",),
        "&Navigate",
        run(lambda h: h.navigate.previous_document()),
    ),
    ActionSpec(
        "focus.article",
        QT_TRANSLATE_NOOP("actions", "Go to &Article"),
        ("Ctrl+1",),
        "&Navigate",
        run(lambda h: h.navigate.focus_article()),
    ),
    ActionSpec(
        "find.article",
        QT_TRANSLATE_NOOP("actions", "&Find in Article…"),
        ("Ctrl+F",),
        "&Navigate",
        run(lambda h: h.find.find_in_article()),
    ),
    ActionSpec(
        "find.corpus",
        QT_TRANSLATE_NOOP("actions", "&Search All Documents…"),
        ("Ctrl+Shift+F",),
        "&Navigate",
        run(lambda h: h.find.search_corpus()),
    ),
    ActionSpec(
        "focus.filter",
        QT_TRANSLATE_NOOP("actions", "&Filter Documents"),
        ("Ctrl+L",),
        "&Navigate",
        run(lambda h: h.navigate.focus_filter()),
    ),
    ActionSpec(
        "focus.links",
        QT_TRANSLATE_NOOP("actions", "Go to Lin&ks"),
        ("Ctrl+2",),
        "&Navigate",
        run(lambda h: h.navigate.focus_links()),
    ),
    ActionSpec(
        "focus.entities",
        QT_TRANSLATE_NOOP("actions", "Go to &Entities"),
        ("Ctrl+Shift+E",),
        "&Navigate",
        run(lambda h: h.linking.focus_entities()),
    ),
    ActionSpec(
        "view.zoom_in",
        QT_TRANSLATE_NOOP("actions", "Zoom &In"),
        ("Ctrl+=", "Ctrl++"),
        "&View",
        run(lambda h: h.navigate.zoom_in()),
    ),
    ActionSpec(
        "view.zoom_out",
        QT_TRANSLATE_NOOP("actions", "Zoom &Out"),
        ("Ctrl+-",),
        "&View",
        run(lambda h: h.navigate.zoom_out()),
    ),
    ActionSpec(
        "view.zoom_reset",
        QT_TRANSLATE_NOOP("actions", "&Reset Zoom"),
        ("Ctrl+0",),
        "&View",
        run(lambda h: h.navigate.zoom_reset()),
    ),
    ActionSpec(
        "view.lang.ar",
        QT_TRANSLATE_NOOP("actions", "Interface in &Arabic (العربية, at next start)"),
        (),
        "&View",
        run(lambda h: h.navigate.set_language("ar")),
        checkable=True,
        checked=next_language("ar"),
    ),
    ActionSpec(
        "view.lang.en",
        QT_TRANSLATE_NOOP("actions", "Interface in &English (at next start)"),
        (),
        "&View",
        run(lambda h: h.navigate.set_language("en")),
        checkable=True,
        checked=next_language("en"),
    ),
    ActionSpec(
        "view.digits",
        QT_TRANSLATE_NOOP("actions", "Arabic-&Indic Digits (at next start)"),
        (),
        "&View",
        run(lambda h: h.navigate.toggle_arabic_indic_digits()),
        checkable=True,
        checked=lambda w: w.state.arabic_indic_digits(),
    ),
    ActionSpec(
        "help.shortcuts",
        QT_TRANSLATE_NOOP("actions", "&Keyboard Shortcuts"),
        ("F1",),
        "&Help",
        run(lambda h: h.navigate.show_shortcuts()),
    ),
    ActionSpec(
        "help.about",
        QT_TRANSLATE_NOOP("actions", "&About annotator"),
        (),
        "&Help",
        run(lambda h: h.navigate.show_about()),
    ),
)
