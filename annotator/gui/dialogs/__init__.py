"""Dialogs: attributes, entities, keyboard pickers, the shortcut sheet, file dialogs and import."""
