"""The window: the only package that imports Qt.

A thin layer of Qt models, views and undo commands over ``annotator.storage``,
grouped by what a reader looks for: ``article`` (the view, its highlighter,
offsets, find), ``panels`` (the lists beside it and their item models),
``dialogs``, ``workspace`` (controller, document state, undo commands, session),
``handlers`` (what the actions run), ``actions`` (one table of every action and
shortcut) and ``main_window`` (the shell that lays them out). Widgets never
write to the database; every edit is an undo command that makes one store
call and hands what changed to the document state.
"""
