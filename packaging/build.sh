#!/usr/bin/env bash
# Build annotator as a PyInstaller one-folder bundle for the OS this runs on.
#
#   bash packaging/build.sh            # -> dist/annotator/ (+ a tarball on Linux)
#
# PyInstaller does not cross-compile: run this on Linux, Windows (Git Bash) or macOS to
# get that system's bundle. It installs annotator and PyInstaller into a build venv
# (build/bundle-venv) from this checkout, so the bundle holds exactly the package's
# declared dependencies and nothing a developer happens to have installed.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=build/bundle-venv
# A new venv each time: a package left over from an earlier build must not slip in.
"$python" -m venv --clear "$venv"
vpy="$PWD/$venv/bin/python"
[ -x "$vpy" ] || vpy="$PWD/$venv/Scripts/python.exe"
"$vpy" -m pip install -q --disable-pip-version-check . 'pyinstaller>=6.10'

version=$("$vpy" -c 'import annotator; print(annotator.__version__)')
# macOS gets an .app (no terminal); elsewhere the one executable is both the window and
# the command line, so it keeps its console (a windowed Windows build would print nothing).
windowed=()
case "$(uname -s)" in
    Linux*) os=linux; icon=resources/icons/annotator-256.png ;;
    Darwin*) os=macos; icon=resources/icons/annotator-512.png; windowed=(--windowed) ;;
    *) os=windows; icon=resources/icons/annotator.ico ;;
esac

# Qt modules and libraries the application never imports: leaving them out keeps the
# bundle small (QtNetwork, QML and Quick come with QtGui's hooks otherwise). The
# optional export engines (spaCy, datasets) stay out: they are an installed extra.
excludes=()
for module in \
    PySide6.QtNetwork PySide6.QtQml PySide6.QtQuick PySide6.QtQuickWidgets PySide6.QtSql \
    PySide6.QtOpenGL PySide6.QtOpenGLWidgets PySide6.QtPdf PySide6.QtDBus PySide6.QtTest \
    PySide6.QtConcurrent PySide6.QtXml PySide6.QtDesigner PySide6.QtHelp PySide6.QtUiTools \
    PySide6.QtPrintSupport PySide6.QtSvgWidgets \
    tkinter unittest pydoc_data numpy pandas spacy datasets pyarrow torch IPython pytest; do
    excludes+=(--exclude-module "$module")
done

# Run from build/, not from the checkout: the source folder annotator/ in the working
# directory would shadow the installed package, whose wheel carries annotator/resources.
root=$PWD
mkdir -p build
(cd build && "$vpy" -m PyInstaller "$root/packaging/launcher.py" \
    --name annotator --onedir "${windowed[@]}" --noconfirm --clean \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" \
    --specpath "$root/build/pyinstaller" \
    --icon "$PWD/$icon" \
    --collect-data annotator --collect-data trafilatura --collect-data justext \
    --copy-metadata annotator \
    "${excludes[@]}" \
    --log-level WARN)

bundle=dist/annotator
if [ "$os" = linux ]; then
    "$vpy" packaging/prune_bundle.py "$bundle"
    # Qt's translations of languages the interface does not offer.
    find "$bundle" -path '*/translations/*.qm' ! -name '*_ar.qm' ! -name '*_en.qm' -delete
    install -m 0644 packaging/annotator.desktop "$bundle/annotator.desktop"
    install -m 0644 resources/icons/annotator-256.png "$bundle/annotator.png"
    install -m 0755 packaging/install-linux.sh "$bundle/install.sh"
    tarball="dist/annotator-$version-$os-$(uname -m).tar.gz"
    tar -C dist -czf "$tarball" annotator
    echo "built $bundle ($(du -sh "$bundle" | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))"
else
    echo "built $bundle ($(du -sh "$bundle" | cut -f1))"
fi
