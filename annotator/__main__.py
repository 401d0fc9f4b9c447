"""``python -m annotator``: the same entry point as the ``annotator`` command."""

from annotator.main import main

raise SystemExit(main())
