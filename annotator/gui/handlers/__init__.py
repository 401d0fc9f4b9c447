"""What the actions run (``ActionSpec.target``): each helper reaches the window only through
the ``Shell`` protocol, so none imports the window."""
