#!/usr/bin/env bash
# Runs the built CLI on every sample schema and every real schema in ../shared, in every format, and
# writes what it prints (and its exit status) under OUT: compare two such folders with `diff -r` to show
# that a change of structure left the outputs byte for byte the same.
# Usage: bench/scripts/golden-outputs.sh OUT [CLI_DLL]
# GOLDEN_STEPS (default "analyze migrate decompose") chooses what runs; GOLDEN_TABLES (default 5) how many
# tables per input are decomposed; GOLDEN_SKIP_NORMALIZED=1 leaves out the samples' normalized.sql.
set -u
out=${1:?usage: golden-outputs.sh OUT [CLI_DLL]}
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${2:-$root/src/Cli/bin/Release/net10.0/schemanorm.dll}
shared=$root/../shared/real-schemas
cd "$root" || exit 2
mkdir -p "$out"

steps=${GOLDEN_STEPS:-analyze migrate decompose}
normalized=(sample-schemas/*/normalized.sql)
[ "${GOLDEN_SKIP_NORMALIZED:-0}" = 1 ] && normalized=()
inputs=(sample-schemas/*/schema.sql "${normalized[@]}" sample-schemas/flyway-migrations
        sample-schemas/ssdt-project/Retail.sqlproj)
for p in "$shared"/pubs "$shared"/northwind "$shared"/adventureworkslt "$shared"/adventureworks "$shared"/ssdt/*/*.sqlproj; do
  inputs+=("$p")
done

run() { # name, args...: stdout, stderr and exit status of one run
  local name=$1; shift
  dotnet "$cli" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.status"
}

for input in "${inputs[@]}"; do
  [ -e "$input" ] || continue
  # A name for the input that is stable across worktrees.
  case $input in
    "$shared"/*) key=shared_${input#"$shared"/} ;;
    *) key=$input ;;
  esac
  key=${key//\//_}
  if [[ " $steps " == *" analyze "* ]]; then
    for format in text json sarif markdown github compact; do
      run "$key.analyze.$format" analyze "$input" --format "$format"
    done
    run "$key.analyze.no-discovery" analyze "$input" --no-discovery --format json
  fi
  if [[ " $steps " == *" migrate "* ]]; then
    for dialect in tsql postgres; do
      run "$key.migrate.$dialect" migrate "$input" --dialect "$dialect"
      run "$key.migrate.$dialect.rollback" migrate "$input" --dialect "$dialect" --rollback -q
    done
  fi
  [[ " $steps " == *" decompose "* ]] || continue
  # decompose the first tables reported below the target (GOLDEN_TABLES per input, to keep the run short)
  tables=$(dotnet "$cli" analyze "$input" --format json -q 2>/dev/null | jq -r '.tables[] | select(has("decomposition")) | .name' 2>/dev/null | head -"${GOLDEN_TABLES:-5}")
  for table in $tables; do
    for format in text json markdown; do
      run "$key.decompose.${table//[^A-Za-z0-9_.]/_}.$format" decompose "$input" --table "$table" --format "$format"
    done
  done
done
echo "wrote $(ls "$out" | wc -l) files to $out"
