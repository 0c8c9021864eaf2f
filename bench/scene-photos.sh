#!/usr/bin/env bash
# Lists the distinct wallpaper photos of the Debian packages, one path a line, sorted: the largest file
# of each wallpaper that comes in several sizes. "train" lists the first, third, ... (the vocabulary's
# training photos), "bench" the second, fourth, ... (the benchmark's), "all" all of them.
set -euo pipefail
which=${1:-all}
find /usr/share/backgrounds /usr/share/wallpapers -type f \( -name '*.jpg' -o -name '*.png' \) -printf '%s %p\n' 2>/dev/null \
  | awk '{ key = $2; sub(/\/contents\/.*/, "", key); if (!(key in size) || $1 > size[key]) { size[key] = $1; path[key] = $2 } }
         END { for (k in path) print path[k] }' \
  | sort \
  | awk -v which="$which" 'which == "all" || (which == "train" && NR % 2 == 1) || (which == "bench" && NR % 2 == 0)'
