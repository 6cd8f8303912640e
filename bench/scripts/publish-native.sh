#!/usr/bin/env bash
# Publishes schemanorm as a Native AOT binary (no JIT at start-up) into artifacts/native.
# ISA defaults to x86-64-v3 (AVX2), which the discovery engine's wide row compares use;
# pass another (e.g. x86-64-v2) as the first argument for older machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
isa=${1:-x86-64-v3}
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$isa" \
  -p:PackAsTool=false -o artifacts/native -v quiet -nologo
echo "artifacts/native/schemanorm ($isa)"
