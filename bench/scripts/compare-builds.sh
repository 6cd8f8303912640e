#!/usr/bin/env bash
# Whole-process timing of two builds of the CLI on the same workloads, to show that a change made nothing
# slower. The two builds run alternately (A B, then B A, ...), so that a load that comes and goes on a
# shared machine falls on both alike. Prints per workload the median CPU seconds (user + system, from
# /usr/bin/time) and wall seconds of each build, and the ratio B/A of each; then the geometric mean of the
# CPU ratios. A workload whose exit status differs between the builds is marked.
#   bench/scripts/compare-builds.sh A_DLL B_DLL [runs]
# A_DLL and B_DLL are built CLIs: a schemanorm.dll (run with `dotnet`) or a native executable.
# Workloads: analyze of each sample schema, of northwind and adventureworks (../shared/real-schemas),
# discover --fds-only of adult, letter and hepatitis (../shared/datasets/fd), and analyze of the TPC-H
# wide table at scale 0.01 with its declared key, generated once by the bench project into
# $COMPARE_TPCH_DIR (default /tmp/schemanorm-compare-tpch-0.01; COMPARE_TPCH=0 leaves it out).
set -euo pipefail
a=${1:?usage: compare-builds.sh A_DLL B_DLL [runs]}
b=${2:?usage: compare-builds.sh A_DLL B_DLL [runs]}
runs=${3:-5}
for cli in "$a" "$b"; do [[ -f $cli ]] || { echo "no such build: $cli" >&2; exit 2; }; done
a=$(realpath "$a"); b=$(realpath "$b")
cd "$(dirname "$0")/../.."
shared=../shared

names=() commands=()
add() { names+=("$1"); shift; commands+=("$*"); }
for s in sample-schemas/*/schema.sql; do
  add "analyze $(basename "$(dirname "$s")")" analyze "$s" --format json -q
done
for db in northwind adventureworks; do
  [[ -d $shared/real-schemas/$db ]] && add "analyze $db" analyze "$shared/real-schemas/$db" --format json -q
done
for ds in adult letter hepatitis; do
  f=$shared/datasets/fd/$ds.csv
  [[ -f $f ]] && add "discover $ds" discover "$f" --no-header --fds-only --format json -q
done
if [[ ${COMPARE_TPCH:-1} != 0 ]]; then
  tpch=${COMPARE_TPCH_DIR:-/tmp/schemanorm-compare-tpch-0.01}
  if [[ ! -d $tpch ]]; then
    echo "generating the TPC-H wide table (scale 0.01) into $tpch ..." >&2
    dotnet run -c Release --project bench -- recovery --databases tpch --tpch-scale 0.01 --settings key --write "$tpch" >&2
  fi
  for folder in "$tpch"/*/DeclaredKey; do
    [[ -d $folder ]] && add "analyze tpch $(basename "$(dirname "$folder")")" analyze "$folder" --format json -q
  done
fi

# One run of a build: "cpu wall status" on stdout; what the CLI prints is dropped.
measure() {
  local cli=$1 times status; shift
  times=$(mktemp)
  if [[ $cli == *.dll ]]; then set -- dotnet "$cli" "$@"; else set -- "$cli" "$@"; fi
  status=0
  /usr/bin/time -f '%U %S %e' -o "$times" "$@" >/dev/null 2>&1 || status=$?
  # /usr/bin/time writes its own line about a non-zero status first; the figures are the last line.
  tail -1 "$times" | awk -v s="$status" '{ printf "%.3f %.3f %s\n", $1 + $2, $3, s }'
  rm -f "$times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (x > 0) printf "%.3f", y / x; else print "-" }'; }

echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') runs=$runs"
echo "# A=$a"
echo "# B=$b"
printf '%-34s %9s %9s %7s %9s %9s %7s\n' workload A_cpu_s B_cpu_s cpu_B/A A_wall_s B_wall_s wall_B/A
log_sum=0 counted=0
for i in "${!names[@]}"; do
  read -ra args <<<"${commands[$i]}"
  a_cpu=() b_cpu=() a_wall=() b_wall=() a_status="" b_status=""
  for ((r = 0; r < runs; r++)); do
    order=(a b); ((r % 2)) && order=(b a)
    for which in "${order[@]}"; do
      if [[ $which == a ]]; then
        read -r cpu wall a_status < <(measure "$a" "${args[@]}"); a_cpu+=("$cpu"); a_wall+=("$wall")
      else
        read -r cpu wall b_status < <(measure "$b" "${args[@]}"); b_cpu+=("$cpu"); b_wall+=("$wall")
      fi
    done
  done
  ac=$(printf '%s\n' "${a_cpu[@]}" | median); bc=$(printf '%s\n' "${b_cpu[@]}" | median)
  aw=$(printf '%s\n' "${a_wall[@]}" | median); bw=$(printf '%s\n' "${b_wall[@]}" | median)
  note=""; [[ $a_status == "$b_status" ]] || note="  exit status A $a_status, B $b_status"
  printf '%-34s %9s %9s %7s %9s %9s %7s%s\n' "${names[$i]}" "$ac" "$bc" "$(ratio "$ac" "$bc")" "$aw" "$bw" "$(ratio "$aw" "$bw")" "$note"
  if awk -v x="$ac" -v y="$bc" 'BEGIN { exit !(x > 0 && y > 0) }'; then
    log_sum=$(awk -v s="$log_sum" -v x="$ac" -v y="$bc" 'BEGIN { printf "%.6f", s + log(y / x) }'); counted=$((counted + 1))
  fi
done
if ((counted > 0)); then
  awk -v s="$log_sum" -v n="$counted" 'BEGIN { printf "geometric mean of cpu B/A over %d workloads: %.3f\n", n, exp(s / n) }'
fi
