#!/usr/bin/env bash
# Loading benchmark of KnownHashes, as the triage command loads a hash set (see README.md in this folder).
# Usage: bench/hashset-load-bench.sh [ENTRIES [DATA]]   defaults: 10000000 /tmp/ariadne-hashsets
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
entries=${1:-10000000}
data=${2:-/tmp/ariadne-hashsets}

"$here/hashset-gen" "$data" "$entries" >&2
jdk=$(for c in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do [ -x "$c/bin/java" ] && { echo "$c"; break; }; done)
cd "$root"
JAVA_HOME=$jdk ./mvnw -B -q -pl hashsets -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test 2>&1 \
  | { grep -v -e '^WARNING: .*[Uu]nsafe' -e '^WARNING: Please consider reporting this to the maintainers' || true; } >&2
cp="hashsets/target/test-classes:hashsets/target/classes:index/target/classes:hashing/target/classes:$(cat hashsets/target/bench-classpath.txt)"

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/{print $2}') GB of memory; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for file in "$data/synthetic-$entries.vics.json" "$data/synthetic-$entries.icse.csv"; do
  cat "$file" > /dev/null # the page cache warm: this measures loading, not the disk
  # a fresh JVM a file, with the flags of the ariadne launcher (default heap)
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -XX:+UseTransparentHugePages -XX:-UseAdaptiveSizePolicy -Xmn256m \
    ${BENCH_JAVA_OPTS:-} -cp "$cp" org.ariadne.hashsets.HashSetLoadBenchmark "$file"
done
