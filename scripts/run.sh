#!/usr/bin/env bash
# Builds stridecare (Release) and runs it on the embedded SQLite database with
# the bundled demo data (scripts/make-demo-data.sh): a runner whose left knee got
# sore twice after long-run spikes, as of the demo day; then serves the web dashboard
# on it at http://127.0.0.1:8080/ (STRIDECARE_PORT for another port) until Ctrl-C.
# Extra arguments are passed to stridecare instead of the demo tour.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target stridecare  # the dashboard too (npm ci, vite build)

exe=build/release/src/cli/stridecare
demo_db=build/demo/stridecare.db
demo_day=2026-03-17
if [ -s "$demo_db" ] && [ data/demo/demo-export.json -nt "$demo_db" ]; then
  rm -f "$demo_db" "$demo_db-wal" "$demo_db-shm"  # the demo data changed: start again from them
fi
if [ ! -s "$demo_db" ]; then
  mkdir -p "$(dirname "$demo_db")"
  "$exe" --db "$demo_db" restore data/demo/demo-export.json
fi
if [ $# -gt 0 ]; then
  exec "$exe" --db "$demo_db" "$@"
fi
echo "== stridecare --db $demo_db profile"
"$exe" --db "$demo_db" profile
echo
echo "== stridecare --db $demo_db activities --from 2026-03-01"
"$exe" --db "$demo_db" activities --from 2026-03-01
echo
echo "== stridecare --db $demo_db checkins"
"$exe" --db "$demo_db" checkins
echo
echo "== stridecare --db $demo_db today --date $demo_day"
"$exe" --db "$demo_db" today --date "$demo_day"
echo
echo "== stridecare --db $demo_db load --date $demo_day"
"$exe" --db "$demo_db" load --date "$demo_day"
echo
echo "== stridecare --db $demo_db insights --date $demo_day"
"$exe" --db "$demo_db" insights --date "$demo_day"
echo
echo "== stridecare --db $demo_db serve --date $demo_day"
echo "   the web dashboard on the demo data, the demo day taken as today; open the address below (Ctrl-C stops)"
exec "$exe" --db "$demo_db" serve --date "$demo_day" --port "${STRIDECARE_PORT:-8080}"
