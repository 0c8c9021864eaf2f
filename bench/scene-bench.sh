#!/usr/bin/env bash
# Benchmark of scene linking (see README.md in this folder, "scene-bench.sh").
# Usage: bench/scene-bench.sh [FILL [THREADS]]   defaults: 100000 2
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
fill=${1:-100000}
threads=${2:-2}

# Benign photos from Debian packages: the wallpapers and OpenCV's sample data (installed if missing).
missing=()
for p in opencv-doc mate-backgrounds plasma-workspace-wallpapers gnome-backgrounds; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -q "${missing[@]}" >&2
fi

data=/usr/share/doc/opencv-doc/examples/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Distinct photos: one file per wallpaper (the largest, where a package ships several sizes), every
# second one (the others trained the vocabulary, see scene-vocabulary.sh), and OpenCV's single photos.
"$here/scene-photos.sh" bench > "$work/photos.txt"
for f in building.jpg fruits.jpg home.jpg orange.jpg butterfly.jpg apple.jpg baboon.jpg blox.jpg board.jpg \
         HappyFish.jpg starry_night.jpg; do
  [ -f "$data/$f" ] && echo "$data/$f" >> "$work/photos.txt"
done
# Real pairs of one scene: query, then the picture indexed.
cat > "$work/pairs.txt" <<PAIRS
$data/graf3.png $data/graf1.png
$data/leuvenB.jpg $data/leuvenA.jpg
$data/aero3.jpg $data/aero1.jpg
$data/box.png $data/box_in_scene.png
$data/aloeR.jpg $data/aloeL.jpg
$data/basketball2.png $data/basketball1.png
$data/Blender_Suzanne2.jpg $data/Blender_Suzanne1.jpg
PAIRS

# Never through the ariadne launcher here: it builds with `mvn install`, which would put this checkout's
# modules into the Maven repository other checkouts share.
cd "$root"
. "$here/scene-java.sh"
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx6g -XX:+UseParallelGC -cp "$cp" \
  org.ariadne.scene.bench.SceneBenchmark "$work/photos.txt" "$work/pairs.txt" "$fill" "$threads"
