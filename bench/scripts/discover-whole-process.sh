#!/usr/bin/env bash
# Whole-process timing of `schemanorm discover` on the FD benchmark datasets (../shared/datasets/fd), as a
# user runs it: start-up, CSV load, discovery, report. Every dataset is run twice over: with --fds-only
# (the work an FD profiler does) and with the default extras (keys, MVDs, JDs). Prints per dataset the
# median of N runs of each, the extras' cost, the peak resident set size of each, whether the FD list
# equals ../shared/datasets/fd/expected exactly, and the C++ reference's time and peak as measured side by
# side on this 2-core machine (Desbordante's fastest exact algorithm per dataset, single thread; the
# reference is not built here, its figures are quoted).
#   bench/scripts/discover-whole-process.sh [runs] [dataset ...]
#   BIN=src/Cli/bin/Release/net10.0/schemanorm bench/scripts/discover-whole-process.sh 5 adult   # another build
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}; shift || true
bin=${BIN:-artifacts/native/schemanorm}
[[ -x $bin ]] || bench/scripts/publish-native.sh >/dev/null
data=../shared/datasets/fd
datasets=("$@")
if [[ ${#datasets[@]} -eq 0 ]]; then
  for f in "$data"/*.csv; do datasets+=("$(basename "$f" .csv)"); done
fi

# The reference's whole-process seconds and peak MB, measured side by side (median of 7).
declare -A ref_s=(
  [adult]=0.291 [letter]=1.350 [horse]=2.642 [mushroom]=1.258 [CIPublicHighway50k]=0.323
  [ncvoter_1001r_19c]=0.075 [hepatitis]=0.071 [neighbors10k]=0.033 [neighbors50k]=0.134
  [CIPublicHighway700]=0.011 [CIPublicHighway10k]=0.053
  [TestWide]=0.006 [WDC_age]=0.006 [WDC_appearances]=0.006 [WDC_astrology]=0.006 [WDC_astronomical]=0.006
  [WDC_game]=0.006 [WDC_kepler]=0.006 [WDC_satellites]=0.006 [WDC_science]=0.006 [WDC_symbols]=0.006
)
declare -A ref_mb=(
  [adult]=15.9 [letter]=53.8 [horse]=118.9 [mushroom]=14.4 [CIPublicHighway50k]=31.7
  [ncvoter_1001r_19c]=11.7 [hepatitis]=11.7 [neighbors10k]=11.6 [neighbors50k]=19.2
  [TestWide]=11.5 [WDC_age]=11.5 [WDC_appearances]=11.5 [WDC_astrology]=11.5 [WDC_astronomical]=11.5
  [WDC_game]=11.5 [WDC_kepler]=11.5 [WDC_satellites]=11.5 [WDC_science]=11.5 [WDC_symbols]=11.5
)

header_args() {
  case $1 in
    mushroom|ncvoter_*|uniprot_*|CIPublicHighway*|neighbors*|LineItem|WDC_*|Test*) echo "";;
    *) echo "--no-header";;
  esac
}

# Median wall seconds of $runs runs (bash's own clock: no process is started to read it).
median_seconds() {
  local times=() s e
  for ((i = 0; i < runs; i++)); do
    s=$EPOCHREALTIME
    "$@" >/dev/null
    e=$EPOCHREALTIME
    times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v k=$((runs / 2 + 1)) 'NR == k'
}

peak_mb() { { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }

# "yes" when the report's FDs are exactly the expected list ([i,j]->k with column indexes), "-" without one.
exact() {
  local expected=$data/expected/$1.fds.txt
  [[ -f $expected ]] || { echo "-"; return; }
  python3 - "$2" "$expected" <<'PY'
import json, sys
table = json.load(open(sys.argv[1]))["tables"][0]
cols = table["columns"]
got = {"[%s]->%d" % (",".join(str(i) for i in sorted(cols.index(c) for c in fd["lhs"])), cols.index(fd["rhs"])) for fd in table["fds"]}
want = {l.strip() for l in open(sys.argv[2]) if l.strip()}
print("yes" if got == want else "NO(%d/%d)" % (len(got), len(want)))
PY
}

out=$(mktemp /tmp/schemanorm-bench.XXXXXX.json)
trap 'rm -f "$out"' EXIT
echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') bin=$bin runs=$runs"
printf '%-24s %8s %9s %7s %9s %8s %9s %9s %8s %6s\n' \
  dataset ref_s fds_only_s speedup default_s extras_s MB_fds MB_dflt ref_MB exact
for name in "${datasets[@]}"; do
  file=$data/$name.csv
  [[ -f $file ]] || { echo "$name: no such dataset" >&2; continue; }
  h=$(header_args "$name")
  fds_only=$(median_seconds "$bin" discover "$file" $h --fds-only --format json -q)
  default=$(median_seconds "$bin" discover "$file" $h --format json -q)
  mb_fds=$(peak_mb "$bin" discover "$file" $h --fds-only --format json -q)
  mb_default=$(peak_mb "$bin" discover "$file" $h --format json -q)
  "$bin" discover "$file" $h --fds-only --format json -q -o "$out"
  r=${ref_s[$name]:--}
  speedup=$( [[ $r == - ]] && echo - || awk -v r="$r" -v t="$fds_only" 'BEGIN { printf "%.2fx", r / t }')
  extras=$(awk -v a="$default" -v b="$fds_only" 'BEGIN { printf "%.4f", a - b }')
  printf '%-24s %8s %9s %7s %9s %8s %9s %9s %8s %6s\n' \
    "$name" "$r" "$fds_only" "$speedup" "$default" "$extras" "$mb_fds" "$mb_default" "${ref_mb[$name]:--}" "$(exact "$name" "$out")"
done
