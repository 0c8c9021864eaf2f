#!/usr/bin/env bash
# Makes the scene vocabulary shipped in scene/src/main/resources (see README.md in this folder):
# 64 x 64 words trained on every second distinct wallpaper photo. Seeded: the same photos give the same file.
# Usage: bench/scene-vocabulary.sh [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$root/scene/src/main/resources/org/ariadne/scene/orb-words-v1.bin}
for p in mate-backgrounds plasma-workspace-wallpapers gnome-backgrounds; do
  dpkg -s "$p" >/dev/null 2>&1 || apt-get install -y -q "$p" >&2
done
cd "$root"
. "$here/scene-java.sh"
mapfile -t photos < <("$here/scene-photos.sh" train)
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.ariadne.scene.TrainVocabulary "$out" 64 2 "${photos[@]}"
