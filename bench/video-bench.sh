#!/usr/bin/env bash
# Benchmark of vPDQ hashing against FFmpeg's own decoding (see README.md in this folder).
# Builds two benign H.264 videos from the reference chair video (looped three times, 67 s): SD (720x480)
# and 1080p (1920x1080), with the ffmpeg bundled in the project's dependencies. Then, for each, RUNS
# wall times of `ffmpeg -i FILE -f null -` (decoding every frame, the yardstick), of
# `ariadne hash FILE` at one frame a second (a fresh JVM each run: crypto hashes, decoding, vPDQ), and of
# the file three times in one JVM; decoding and hashing alternate, run by run, on this shared machine.
# Usage: bench/video-bench.sh [WORK]     WORK defaults to bench/videos (ignored by git)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${1:-"$here/videos"}
runs=${RUNS:-3}
source_video="$root/../shared/reference/vpdq/videos/chair-orig-22-sd-bar.mp4"
mkdir -p "$work"

# Build the jar and its lib/ folder in the reactor; never `install` (the local repository is shared).
(cd "$root" && ./mvnw -q -B -DskipTests package >&2)
# The launcher rebuilds (with `install`) when a source is newer than the jar; the jar just built is current.
touch "$root/cli/target/ariadne-cli.jar"
# `ariadne` as a user runs it: the launcher, with its JVM options and start-up cache (made on its first run).
ariadne="$root/ariadne"
# The bundled ffmpeg, unpacked by JavaCPP into its cache the first time the project runs it.
"$ariadne" hash --no-progress "$source_video" > /dev/null
ffmpeg=$(find "$HOME/.javacpp/cache" -path '*ffmpeg*linux-x86_64/ffmpeg' -type f | head -1)
export LD_LIBRARY_PATH=$(dirname "$ffmpeg")

make_video() { # name size bitrate
  local out="$work/$1.mp4"
  [ -s "$out" ] && return
  "$ffmpeg" -v error -y -stream_loop 2 -i "$source_video" -an -vf "scale=$2,setsar=1" -r 30 \
    -c:v libopenh264 -b:v "$3" -g 60 "$out"
}
make_video sd-720x480 720:480 1500k
make_video hd-1920x1080 1920:1080 8000k

now() { date +%s.%N; }
wall() { # command...: its wall time in seconds; its standard output goes to $work/last.out
  local t0 t1
  sleep 2 # each command on a settled machine: the previous one's page writes and JIT threads done
  t0=$(now); "$@" > "$work/last.out" 2>/dev/null; t1=$(now)
  awk -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.2f", t1 - t0 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "## video-bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in sd-720x480 hd-1920x1080; do
  file="$work/$name.mp4"
  cat "$file" > /dev/null # the page cache: measure decoding, not the disk
  info=$("$ariadne" hash --no-progress "$file")
  frames=$(sed -n 's/.*"vpdq":\([0-9]*\).*/\1/p' <<< "$info")
  duration=$(sed -n 's/.*"duration":\([0-9.]*\).*/\1/p' <<< "$info")
  echo
  echo "### $name: $(du -b "$file" | cut -f1) bytes, ${duration} s, H.264, $frames frames hashed (1 a second)"
  echo
  echo "Each run: \`ffmpeg -i FILE -f null -\`, then \`ariadne hash FILE\` (fresh JVM), then \`ariadne hash --threads 1\`"
  echo "with the file 3 times in one JVM (a third of its time is the per-file figure); ratios against that run's decoding."
  echo
  echo "| run | load | ffmpeg decode | hash, fresh JVM | ratio | hash in a batch, a file | ratio |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for run in $(seq 1 "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    decode=$(wall "$ffmpeg" -v error -i "$file" -f null -)
    fresh=$(wall "$ariadne" hash --no-progress "$file")
    grep -q "\"vpdq\":$frames," "$work/last.out" || { echo "hash run gave no vPDQ of $frames frames" >&2; exit 1; }
    batch=$(wall "$ariadne" hash --threads 1 --no-progress "$file" "$file" "$file")
    [ "$(grep -c "\"vpdq\":$frames," "$work/last.out")" -eq 3 ] || { echo "batch run gave no vPDQ" >&2; exit 1; }
    per=$(awk -v b="$batch" 'BEGIN { printf "%.2f", b / 3 }')
    echo "| $run | $load | $decode s | $fresh s | $(ratio "$fresh" "$decode") | $per s | $(ratio "$per" "$decode") |"
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
