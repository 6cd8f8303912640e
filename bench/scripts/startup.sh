#!/usr/bin/env bash
# Start-up of `schemanorm discover` on a tiny file (TestWide: 2 rows, 5 columns), where nearly all the time
# is the process itself: N runs back to back, prints the median and minimum wall milliseconds, and the
# same for `--version` (the floor: runtime start and exit, no input read).
#   bench/scripts/startup.sh [runs]            BIN=... to time another build (default artifacts/native)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-50}
bin=${BIN:-artifacts/native/schemanorm}
[[ -x $bin ]] || bench/scripts/publish-native.sh >/dev/null
tiny=../shared/datasets/fd/TestWide.csv

measure() {
  local times=() s e
  for ((i = 0; i < runs; i++)); do
    s=$EPOCHREALTIME
    "$@" >/dev/null
    e=$EPOCHREALTIME
    times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", (e - s) * 1000 }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v k=$((runs / 2 + 1)) 'NR == 1 { min = $1 } NR == k { med = $1 } END { printf "median %7.2f ms   min %7.2f ms\n", med, min }'
}

echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') bin=$bin runs=$runs"
printf '%-34s ' "--version"; measure "$bin" --version
printf '%-34s ' "discover TestWide.csv --fds-only"; measure "$bin" discover "$tiny" --fds-only --format json -q
printf '%-34s ' "discover TestWide.csv"; measure "$bin" discover "$tiny" --format json -q
