#!/usr/bin/env bash
# Whole-process timing of `schemanorm discover` on the FD benchmark datasets: start-up, CSV load and
# discovery, as a user runs it. Prints per dataset the median and minimum wall time of N runs, the FD
# count (checked against ../shared/datasets/fd/expected), and the peak resident set size.
#   bench/scripts/discover-whole-process.sh [runs] [dataset ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}; shift || true
bin=artifacts/native/schemanorm
[[ -x $bin ]] || bench/scripts/publish-native.sh >/dev/null
data=../shared/datasets/fd
datasets=("$@")
[[ ${#datasets[@]} -gt 0 ]] || datasets=(adult letter horse mushroom CIPublicHighway50k ncvoter_1001r_19c hepatitis)

args_for() {
  case $1 in
    mushroom|ncvoter_1001r_19c|CIPublicHighway*|neighbors*|LineItem|WDC_*|Test*) echo "";;
    *) echo "--no-header";;
  esac
}

printf '%-22s %10s %10s %9s %9s %12s\n' dataset median_s min_s fds expected peak_rss_MB
for name in "${datasets[@]}"; do
  file=$data/$name.csv
  extra=$(args_for "$name")
  times=()
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s.%N)
    "$bin" discover "$file" $extra --format json -q -o /tmp/schemanorm-bench.json
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | awk '{ printf "%.4f", $1 - $3 }')")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  median=${sorted[$((runs / 2))]}
  min=${sorted[0]}
  fds=$(grep -c '"rhs"' /tmp/schemanorm-bench.json || true)
  expected=$( [[ -f $data/expected/$name.fds.txt ]] && grep -c . "$data/expected/$name.fds.txt" || echo "-")
  rss=$( { /usr/bin/time -f '%M' "$bin" discover "$file" $extra --format json -q -o /dev/null; } 2>&1 | tail -1)
  printf '%-22s %10s %10s %9s %9s %12.1f\n' "$name" "$median" "$min" "$fds" "$expected" "$(echo "$rss" | awk '{ print $1 / 1024 }')"
done
