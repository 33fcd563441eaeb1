#!/usr/bin/env bash
# Installs the Debian packages that building and testing stridecare need.
# Idempotent: when every package is already present it changes nothing and
# does not touch the network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libfmt-dev libhowardhinnant-date-dev tzdata libcli11-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libpugixml-dev libutfcpp-dev libcpp-httplib-dev
  libarchive-dev libcsv-dev libxxhash-dev zlib1g-dev liblzma-dev libbz2-dev libzstd-dev liblz4-dev nettle-dev libacl1-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  clang-format clang-19 libclang-rt-19-dev clang-tidy-19
  gpsbabel
  chromium               # the browser the dashboard tests drive (web/e2e, playwright-core; never a downloaded one)
  python3 python3-gpxpy  # reference GPX reader: tests/importers/xml recounts track points with it
  python3-icalendar      # independent iCalendar parser: tests/e2e reads `plan --ics` with it
)
# The FIT differential test (tests/differential) runs the Garmin FIT SDK for JavaScript on Node.js
# with npm. The machines come with Node.js 20 and its npm (not from Debian's packages): Debian's
# nodejs and npm are installed only where no node or npm is found at all.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
# Optional groups: `install-deps.sh bench` adds the benchmark tools.
for group in "$@"; do
  case "$group" in
    bench) packages+=(hyperfine python3 wrk curl) ;;
    *) echo "install-deps.sh: unknown group '$group' (known: bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
