"""Drop what the bundle carries but the application never loads.

PyInstaller's PySide6 hook takes every plugin of QtGui's plugin folders; some
drag in Qt Quick, QML, Qt PDF, Qt Network and GTK (about 70 MB): the virtual
keyboard input context, the PDF image format, the VNC/TUIO touch plugins and
the GTK platform theme (the window draws with Qt's own style). babel, which
trafilatura's URL filter imports, ships locale data for 700 locales; only a
language filter we never set reads it, so Arabic, English and the root stay.

A shared library is removed only if no file left in the bundle names its
soname, so nothing still needed can go. Usage:
``python packaging/prune_bundle.py dist/annotator``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

UNUSED_PLUGINS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "imageformats/libqpdf.so",
    "generic/libqtuiotouchplugin.so",
    "platforms/libqvnc.so",
    "platformthemes/libqgtk3.so",
)
KEPT_LOCALES = re.compile(r"(root|en|ar)(_[A-Za-z0-9_]+)?\.dat")
# Loaded by Python as modules, or the interpreter itself: never named by another file.
_PYTHON_MODULES = re.compile(r"(\.cpython-[^/]*\.so|\.abi3\.so|^libpython3.*)$")


def _libraries(bundle: Path) -> list[Path]:
    """Shared libraries a loader finds by soname (not Python extension modules)."""
    return [
        p
        for p in bundle.rglob("lib*.so*")
        if p.is_file() and not p.is_symlink() and not _PYTHON_MODULES.search(p.name)
        and "plugins" not in p.parts
    ]


def _binaries(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*.so*") if p.is_file() and not p.is_symlink()]


def prune(bundle: Path) -> list[Path]:
    removed = []
    for qt in bundle.rglob("PySide6/Qt"):
        for plugin in UNUSED_PLUGINS:
            path = qt / "plugins" / plugin
            if path.exists():
                path.unlink()
                removed.append(path)
    for data in bundle.rglob("babel/locale-data/*.dat"):
        if not KEPT_LOCALES.fullmatch(data.name):
            data.unlink()
            removed.append(data)
    while True:
        blobs = {p: p.read_bytes() for p in _binaries(bundle)}
        orphans = [
            lib
            for lib in _libraries(bundle)
            if not any(lib.name.encode() in data for p, data in blobs.items() if p != lib)
            and not _is_python_module_library(bundle, lib)
        ]
        if not orphans:
            break
        for lib in orphans:
            lib.unlink()
            removed.append(lib)
    # PyInstaller links each library into _internal/ too: drop links left dangling.
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()
        removed.append(link)
    return removed


def _is_python_module_library(bundle: Path, lib: Path) -> bool:
    """``libQt6Widgets.so.6`` is needed while ``PySide6/QtWidgets.abi3.so`` is there."""
    if not lib.name.startswith("libQt6"):
        return False
    module = "Qt" + lib.name.removeprefix("libQt6").split(".so")[0]
    return any(bundle.rglob(f"PySide6/{module}.abi3.so"))


if __name__ == "__main__":
    gone = prune(Path(sys.argv[1]))
    print(f"pruned {len(gone)} files the application never loads")
