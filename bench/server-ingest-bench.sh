#!/usr/bin/env bash
# Server load benchmark (issue 5): 10,000 photos uploaded through the REST API by 8 concurrent clients
# while one more client searches by image; reports images/s and the search's p50/p95 latency.
# The server runs as `ariadne serve --demo` on a fresh data folder (embedded PostgreSQL).
# Usage: bench/server-ingest-bench.sh [PHOTOS] [CLIENTS] [FILES_PER_REQUEST]   (defaults 10000 8 10)
set -euo pipefail
cd "$(dirname "$0")/.."

photos=${1:-10000}
clients=${2:-8}
per_request=${3:-10}
bench/build-photo-sets.sh >/dev/null
java=$(ls -d /usr/lib/jvm/temurin-25*/bin/java | head -1)

data=$(mktemp -d /tmp/ariadne-bench-serve.XXXXXX)
port=18091
./ariadne serve --demo --data "$data" --port "$port" > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -sf -u alice:ariadne-demo "http://localhost:$port/api/me" >/dev/null && break
  sleep 1
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" bench/ServerIngestBench.java "http://localhost:$port" bench/photos/small "$photos" "$clients" "$per_request"
echo "data folder after the run: $(du -sh "$data" | cut -f1) (media store $(du -sh "$data/media" | cut -f1))"
