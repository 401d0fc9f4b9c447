"""Drop Qt plugins the application never uses, then the Qt libraries only they needed.

PyInstaller's PySide6 hook takes every plugin of QtGui's plugin folders; three of
them drag in Qt Quick, QML, Qt PDF and Qt Network (about 60 MB): the virtual
keyboard input context, the PDF image format and the VNC/TUIO touch plugins.
A library is removed only if no file left in the bundle names its soname, so
nothing still needed can go. Usage: ``python packaging/prune_qt.py dist/annotator``.
"""

from __future__ import annotations

import sys
from pathlib import Path

UNUSED_PLUGINS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "imageformats/libqpdf.so",
    "generic/libqtuiotouchplugin.so",
    "platforms/libqvnc.so",
)


def _binaries(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*.so*") if p.is_file() and not p.is_symlink()]


def prune(bundle: Path) -> list[Path]:
    qt = next(bundle.rglob("PySide6/Qt"))
    removed = []
    for plugin in UNUSED_PLUGINS:
        path = qt / "plugins" / plugin
        if path.exists():
            path.unlink()
            removed.append(path)
    while True:
        binaries = _binaries(bundle)
        blobs = {p: p.read_bytes() for p in binaries}
        orphans = [
            lib
            for lib in binaries
            if lib.name.startswith("libQt6")
            and lib.parent.name == "lib"
            and not any(lib.name.encode() in data for p, data in blobs.items() if p != lib)
            and not (bundle / "_internal" / "PySide6" / f"{_module(lib)}.abi3.so").exists()
        ]
        if not orphans:
            # PyInstaller links each library into _internal/ too: drop links left dangling.
            for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
                link.unlink()
                removed.append(link)
            return removed
        for lib in orphans:
            lib.unlink()
            removed.append(lib)


def _module(lib: Path) -> str:
    """``libQt6Widgets.so.6`` -> ``QtWidgets``: the Python module that needs the library."""
    return "Qt" + lib.name.removeprefix("libQt6").split(".so")[0]


if __name__ == "__main__":
    gone = prune(Path(sys.argv[1]))
    print(f"pruned {len(gone)} unused Qt files")
