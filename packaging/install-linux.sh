#!/usr/bin/env bash
# Install this annotator bundle for the current user (no root): the folder goes to
# ~/.local/opt/annotator, the command to ~/.local/bin, the menu entry and icon to
# ~/.local/share. Run it from the unpacked bundle: ./install.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/annotator
if [ -e "$target" ] && [ "$(cd "$target" && pwd)" != "$here" ]; then
    mv "$target" "$target.previous-$(date +%Y%m%d%H%M%S)"
fi
if [ "$here" != "$target" ]; then
    mkdir -p "$(dirname "$target")"
    cp -a "$here" "$target"
fi
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
ln -sfn "$target/annotator" "$HOME/.local/bin/annotator"
sed "s|^Exec=annotator|Exec=$target/annotator|" "$target/annotator.desktop" \
    > "$data/applications/annotator.desktop"
install -m 0644 "$target/annotator.png" "$data/icons/hicolor/256x256/apps/annotator.png"
echo "installed in $target; start it from the applications menu or with ~/.local/bin/annotator"
