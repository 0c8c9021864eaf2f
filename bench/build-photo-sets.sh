#!/usr/bin/env bash
# Builds the benchmark photo sets from benign wallpapers in Debian's packages:
#   OUT/large: 220 JPEGs of 4256x2832 (12.05 megapixels), OUT/small: 220 JPEGs of 1224x816 (1 megapixel).
# Each file is a distinct, deterministic variation (crop, mirror, JPEG quality, every tenth progressive)
# of one source picture, so that no two files share bytes. Sources smaller than the target are scaled up:
# the large set measures decoding 12-megapixel JPEGs, not the camera that took them.
# Usage: bench/build-photo-sets.sh [OUT]   (default bench/photos, ignored by git)
set -euo pipefail

out=${1:-"$(dirname "$0")/photos"}
count=220
packages=(mate-backgrounds plasma-workspace-wallpapers gnome-backgrounds imagemagick)

complete() { [ "$(find "$1" -name '*.jpg' 2>/dev/null | wc -l)" -ge "$count" ]; }
if complete "$out/large" && complete "$out/small"; then
  echo "photo sets already complete in $out"; exit 0
fi

missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# One source per wallpaper: packages ship each picture at several sizes; keep the largest file of each
# folder (plasma) or each distinct name (mate, gnome). Pictures under 1.5 megapixels are left out.
sources=$(mktemp)
trap 'rm -f "$sources"' EXIT
find /usr/share/backgrounds /usr/share/wallpapers -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) \
    -printf '%s\t%p\n' \
  | awk -F'\t' '{ key = $2; if (key ~ /\/contents\/images\//) sub(/\/contents\/images\/.*/, "", key);
                  if ($1 > size[key]) { size[key] = $1; path[key] = $2 } }
                END { for (k in path) print path[k] }' \
  | sort | while read -r f; do
      mp=$(identify -format '%[fx:w*h/1000000]' "$f[0]" 2>/dev/null || echo 0)
      if awk -v mp="$mp" 'BEGIN { exit !(mp >= 1.5) }'; then echo "$f"; fi
    done > "$sources"
n=$(wc -l < "$sources")
echo "$n source pictures"
[ "$n" -ge 20 ] || { echo "too few source pictures ($n)" >&2; exit 1; }

# One variant: source, destination, crop %, crop gravity, mirror (flop|keep), quality, interlace, size.
variant() {
  local src=$1 dst=$2 crop=$3 gravity=$4 mirror=$5 quality=$6 interlace=$7 size=$8
  [ -s "$dst" ] && return 0
  local flop=(); [ "$mirror" = flop ] && flop=(-flop)
  convert "$src[0]" -gravity "$gravity" -crop "${crop}%x${crop}%+0+0" +repage "${flop[@]}" \
    -resize "${size}^" -gravity center -extent "$size" \
    -strip -quality "$quality" -interlace "$interlace" -sampling-factor 2x2 "$dst.tmp.jpg"
  mv "$dst.tmp.jpg" "$dst"
}
export -f variant

make_set() { # name prefix WIDTHxHEIGHT
  local dir="$out/$1" prefix=$2 size=$3 i src use
  local gravities=(Center NorthWest SouthEast NorthEast SouthWest)
  mkdir -p "$dir"
  for i in $(seq 1 "$count"); do
    src=$(sed -n "$(( (i - 1) % n + 1 ))p" "$sources")
    use=$(( (i - 1) / n ))                    # the how-manieth variant of this source
    echo "$src" "$dir/$(printf '%s%04d' "$prefix" "$i").jpg" \
      $(( 100 - 7 * (use % 3) )) "${gravities[$(( use % 5 ))]}" \
      "$([ $(( (use + i) % 2 )) -eq 1 ] && echo flop || echo keep)" $(( 85 + i % 8 )) \
      "$([ $(( i % 10 )) -eq 0 ] && echo JPEG || echo None)" "$size"
  done | xargs -P 2 -L 1 bash -c 'variant "$@"' _
}

start=$SECONDS
make_set small s 1224x816
make_set large l 4256x2832
for set in small large; do
  printf '%s: %s files, %s\n' "$set" "$(find "$out/$set" -name '*.jpg' | wc -l)" "$(du -sh "$out/$set" | cut -f1)"
done
echo "built in $(( SECONDS - start )) s"
