#!/bin/sh
# Adds SVA to this user's application menu: run it from the unpacked build folder
# (it writes ~/.local/share/applications/sva.desktop and the icon; nothing needs root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/sva.png" "$data/icons/hicolor/256x256/apps/sva.png"
sed "s|^Exec=.*|Exec=\"$here/sva\"|" "$here/sva.desktop" > "$data/applications/sva.desktop"
echo "SVA added to the application menu ($data/applications/sva.desktop)"
