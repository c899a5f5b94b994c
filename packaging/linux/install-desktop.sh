#!/bin/sh
# Adds reviewer to the desktop's menu for the current user (Linux, freedesktop.org desktops):
# the menu entry, the icon, and the file types it opens (.xlf .xliff .sdlxliff .mqxliff .tmx .tbx),
# so that a double click in the file manager opens the file in the app.
#   sh install-desktop.sh             from the bundle's linux/ folder, or after `pipx install tifa-reviewer`
#   sh install-desktop.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/tifa-reviewer.desktop" "$data/icons/hicolor/scalable/apps/tifa-reviewer.svg" "$data/mime/packages/tifa-reviewer-mime.xml"
else
    if [ -x "$here/../tifa-reviewer" ]; then
        exe="$(cd "$here/.." && pwd)/tifa-reviewer"
    else
        exe=$(command -v tifa-reviewer || true)
    fi
    if [ -z "$exe" ]; then
        echo "install-desktop.sh: no tifa-reviewer found: run it from the bundle, or install reviewer first (pipx install tifa-reviewer)" >&2
        exit 1
    fi
    mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/mime/packages"
    sed -e "s|^Exec=.*|Exec=\"$exe\" %F|" -e "s|^TryExec=.*|TryExec=$exe|" "$here/tifa-reviewer.desktop" > "$data/applications/tifa-reviewer.desktop"
    cp "$here/tifa-reviewer.svg" "$data/icons/hicolor/scalable/apps/tifa-reviewer.svg"
    cp "$here/tifa-reviewer-mime.xml" "$data/mime/packages/tifa-reviewer-mime.xml"
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
if [ "${1:-}" != "--uninstall" ] && command -v xdg-mime >/dev/null; then
    # the types no other program claims by default; XLIFF keeps the user's choice (Open With offers reviewer)
    xdg-mime default tifa-reviewer.desktop application/x-sdlxliff+xml application/x-mqxliff+xml application/x-tmx+xml application/x-tbx+xml || true
fi
echo "install-desktop.sh: done${exe:+ ($exe)}"
