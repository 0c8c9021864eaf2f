#!/usr/bin/env bash
# The specialist UI at scale (issue 6): with 100,000 media in the database, every page must answer within
# 300 ms. The demo server is started, 100,000 synthetic media rows are added to one of bob's series (made-up
# hash values, no files behind them: the pages read rows, not bytes), the server is restarted so that its
# near-duplicate index holds them, and each page is fetched REQUESTS times by a signed-in browser session
# (curl with the session cookie), one request at a time. Prints p50, p95 and the slowest, in milliseconds.
#
#   bench/ui-pages-bench.sh            # MEDIA=100000 REQUESTS=20 by default; KEEP=1 leaves the server up
set -euo pipefail
cd "$(dirname "$0")/.."
MEDIA=${MEDIA:-100000}
REQUESTS=${REQUESTS:-20}
port=${PORT:-18095}
data=$(mktemp -d /tmp/ariadne-ui-bench.XXXXXX)
base="http://localhost:$port"

start() {
  ./ariadne serve "$@" --data "$data" --port "$port" >> "$data/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -sf -u bob:ariadne-demo "$base/api/me" > /dev/null && return
    kill -0 "$server" 2>/dev/null || { cat "$data/serve.log"; echo "the server died" >&2; exit 1; }
    sleep 1
  done
}
stop() { kill "$server"; wait "$server" || true; }
trap 'kill "$server" 2>/dev/null || true' EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
start --demo
for _ in $(seq 1 180); do # the demo's own uploads are ingested in the background
  n=$(curl -sf -u bob:ariadne-demo "$base/api/alerts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  [ "$n" -ge 8 ] && break
  sleep 1
done
# the embedded PostgreSQL's port, which each start chooses anew, from its pid file
psql() { command psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$(sed -n 4p "$data/postgres/postmaster.pid")" \
  -U postgres -d postgres "$@"; }
started=$(date +%s)
psql <<SQL
create temporary table bench_media as
select g, encode(sha256(('media ' || g)::bytea), 'hex') as sha256 from generate_series(1, $MEDIA) g;
insert into media (sha256, sha1, md5, size, media_type, width, height, pdq, pdq_quality, camera_make,
                   camera_model, camera_serial, taken_at)
select sha256, substr(encode(sha256(('sha1 ' || g)::bytea), 'hex'), 1, 40), md5('media ' || g), 100000 + g,
       'image/jpeg', 640, 480, encode(sha256(('pdq ' || g)::bytea), 'hex'), 90, 'Demo', 'Bench',
       'SERIAL-' || (g % 500), '2024-01-01T10:00:00'
from bench_media;
insert into submission (media_id, agency_id, investigation_id, series_id, original_path)
select m.id, s.agency_id, s.investigation_id, s.id, 'bench/' || b.g || '.jpg'
from bench_media b join media m on m.sha256 = b.sha256 join series s on s.name = 'Rotated bridge set';
vacuum analyze; -- as autovacuum would after so many inserts: the index-only scans need the visibility map
SQL
echo "added $MEDIA media in $(( $(date +%s) - started )) s"
stop
started=$(date +%s)
start
echo "restart with $MEDIA more media: $(( $(date +%s) - started )) s"

signin() { # a browser session: the sign-in form's CSRF token, then the form
  local jar="$data/$1.cookies" token
  token=$(curl -sf -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=ariadne-demo&_csrf=$token" "$base/login"
}
signin bob
signin audrey

q() { psql -tA -c "$1"; }
big=$(q "select id from series where name = 'Rotated bridge set'")
case_id=$(q "select investigation_id from series where id = $big")
last_page=$(( MEDIA / 60 ))
media=$(q "select min(media_id) from submission where series_id = $big")
near=$(q "select media_b from media_link where media_a = $media limit 1")
md5=$(q "select md5 from media where sha256 = encode(sha256('media 4242'::bytea), 'hex')")

measure() { # user label path
  local times=()
  for _ in $(seq 1 "$REQUESTS"); do
    times+=("$(curl -sf -b "$data/$1.cookies" -o /dev/null -w '%{time_total}' "$base$3")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{sys.argv[1]:<34} p50 {p(0.5):6.0f}  p95 {p(0.95):6.0f}  max {t[-1]:6.0f}")' "$2"
}
echo "page (ms, $REQUESTS requests each, $MEDIA + demo media)"
measure bob "dashboard" "/"
measure bob "cases" "/cases"
measure bob "case" "/cases/$case_id"
measure bob "series, first page" "/series/$big"
measure bob "series, last page" "/series/$big?page=$last_page"
measure bob "categorise the series" "/categorise?series=$big"
measure bob "categorise, not yet agreed" "/categorise"
measure bob "disagreements" "/categorise/disagreements"
measure bob "media" "/media/$media"
measure bob "compare" "/compare?a=$media&b=${near:-$media}"
measure bob "search page" "/search"
measure bob "search by md5" "/search/hash?type=md5&value=$md5"
measure bob "search by camera serial" "/search/camera?serial=SERIAL-42"
measure bob "search by text" "/search/text?q=railing"
measure audrey "audit log" "/audit"
measure bob "preferences" "/preferences"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${KEEP:-}" ]; then # leave the server running on the data, to look into a slow page
  trap - EXIT
  echo "kept: server pid $server on port $port, data in $data"
  exit 0
fi
stop
rm -rf "$data"
