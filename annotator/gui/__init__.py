"""The window: the only package that imports Qt.

A thin layer of Qt models, views and undo commands over ``annotator.storage``:
widgets never write to the database; every edit is an undo command that makes
one store call (see ``commands`` and ``controller``).
"""
