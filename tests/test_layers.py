"""The architecture rules in pyproject.toml ([tool.importlinter]) hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which(
        "lint-imports"
    )
    assert lint, "import-linter is part of the test extra"
    done = subprocess.run(
        [lint, "--config", str(REPO / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    count = len(contracts["tool"]["importlinter"]["contracts"])
    assert f"Contracts: {count} kept, 0 broken." in done.stdout  # every one was read


def test_the_core_imports_without_qt_or_sqlite():
    code = (
        "import sys, annotator.core.importing, annotator.core.jsonl, annotator.core.terminal, "
        "annotator.cli; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_import_circles_and_no_module_over_400_lines():
    """Every import counts, those only for type checking too: a circle is a circle."""
    import grimp

    graph = grimp.build_graph("annotator", exclude_type_checking_imports=False)
    modules = sorted(m for m in graph.modules if m.startswith("annotator."))
    circles = [
        (module, imported)
        for module in modules
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.startswith("annotator.")
        and graph.chain_exists(importer=imported, imported=module)
    ]
    assert circles == []
    long = {
        str(path.relative_to(REPO)): n
        for path in (REPO / "annotator").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
