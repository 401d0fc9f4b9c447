"""Entry script of the bundled application: the same ``main`` as the ``annotator`` command."""

from annotator.main import main

raise SystemExit(main())
