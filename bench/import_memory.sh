#!/usr/bin/env bash
# Peak memory of `stridecare import` and `inspect` on inputs made to exceed it
# (issue 14, item 5): gzip bombs (honest and lying trailers, alone and six in a
# folder), a 250 MiB GPX of 3 million points, a 250 MiB GPX of bare points, a
# 32 MiB FIT of 16 million 2-byte records, a zip of three 200 MiB entries,
# forty 12 MiB files read in parallel, /dev/zero. Peak RSS from
# /usr/bin/time -v, this build beside a previous one (MEM_BASELINE, default
# 55c4a2e: before this work), each input imported into a fresh database.
# Target: every peak under the import's memory limit (kImportMemoryBytes,
# 512 MiB) + 64 MiB = 576 MiB.
#
#   bash bench/import_memory.sh                  # ours and the baseline
#   MEM_BASELINE= bash bench/import_memory.sh    # ours only
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
baseline=${MEM_BASELINE-55c4a2e}
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target stridecare >/dev/null
ours=$root/build/release/src/cli/stridecare

base=""
if [ -n "$baseline" ]; then
  base=$(bash bench/baseline_build.sh "$baseline" mem-baseline release stridecare)/build/release/src/cli/stridecare
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/make_hostile_inputs.py "$tmp/in"
mkdir -p "$tmp/in/six-huge"
for i in 1 2 3 4 5 6; do ln "$tmp/in/huge.gpx" "$tmp/in/six-huge/$i.gpx"; done

# peak EXE COMMAND INPUT: "peak_kb exit_code first stderr line"
peak() {
  rm -f "$tmp"/db.sqlite*
  /usr/bin/time -v -o "$tmp/time.txt" "$1" --db "$tmp/db.sqlite" "$2" "$3" >/dev/null 2>"$tmp/err.txt" || true
  local kb rc
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  rc=$(awk -F': ' '/Exit status/ {print $2}' "$tmp/time.txt")
  echo "$kb $rc $(grep -v '^Command' "$tmp/err.txt" | head -1 | sed "s|$tmp/in/||g" | cut -c1-110)"
}

limit_kb=$(( (512 + 64) * 1024 ))
printf '%-28s %12s %12s  %s\n' "input" "ours (MiB)" "base (MiB)" "ours says"
fail=0
for case in "import bomb.gpx.gz" "import six-bombs" "import liar.gpx.gz" "import six-liars" "import huge.gpx" \
            "import six-huge" "import bare.gpx" "import tiny-records.fit" "import huge-entries.zip" "import medium" \
            "inspect bomb.gpx.gz" "inspect huge.gpx" "inspect /dev/zero"; do
  read -r command input <<<"$case"
  path=$input
  [ "${input:0:1}" = / ] || path=$tmp/in/$input
  read -r o_kb o_rc o_msg < <(peak "$ours" "$command" "$path")
  b="-"
  if [ -n "$base" ]; then
    read -r b_kb b_rc b_msg < <(peak "$base" "$command" "$path")
    b=$(( b_kb / 1024 ))
  fi
  [ "$o_kb" -lt "$limit_kb" ] || fail=1
  printf '%-28s %12s %12s  exit %s: %s\n' "$case" "$(( o_kb / 1024 ))" "$b" "$o_rc" "${o_msg#stridecare: }"
done
echo "target: every peak under $(( limit_kb / 1024 )) MiB (512 MiB limit + 64 MiB): $([ $fail = 0 ] && echo PASS || echo FAIL)"
