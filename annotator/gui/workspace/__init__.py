"""Per project: the controller with its undo stack and document state, undo commands, the
session (lock, crash check, changes elsewhere), what the window remembers, the import worker."""
