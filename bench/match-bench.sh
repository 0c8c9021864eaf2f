#!/usr/bin/env bash
# Benchmark of the PDQ index (see README.md in this folder).
# Usage: bench/match-bench.sh [REFERENCES [QUERIES [SAMPLE]]]   defaults: 10000000 1000000 1000
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
refs=${1:-10000000}
queries=${2:-1000000}
sample=${3:-1000}

"$here/build-photo-sets.sh" "$here/photos" >&2   # real photos, for their hashes
"$root/ariadne" --version >&2                     # finds the JDK and builds the modules if needed
jdk=$(for c in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do [ -x "$c/bin/java" ] && { echo "$c"; break; }; done)
cd "$root"
JAVA_HOME=$jdk ./mvnw -B -q -pl index test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test 2>&1 \
  | { grep -v -e '^WARNING: .*[Uu]nsafe' -e '^WARNING: Please consider reporting this to the maintainers' || true; } >&2
cp="index/target/test-classes:index/target/classes:$(cat index/target/bench-classpath.txt)"
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx8g -XX:+UseParallelGC -XX:+UseTransparentHugePages -XX:-UseAdaptiveSizePolicy -Xmn256m -cp "$cp" \
  org.ariadne.index.pdq.PdqMatchBenchmark "$here/photos" "$here/photos" "$refs" "$queries" "$sample"
