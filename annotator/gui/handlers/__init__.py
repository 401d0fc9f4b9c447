"""What the actions run (``ActionSpec.target``): each helper reaches the window only through
the ``Shell`` protocol (``gui.shell``), so none imports the window."""
