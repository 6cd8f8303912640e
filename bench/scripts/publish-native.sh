#!/usr/bin/env bash
# Publishes schemanorm as a Native AOT binary (no JIT at start-up) into artifacts/native.
# ISA defaults to x86-64-v3 (AVX2), which the discovery engine's wide row compares use;
# pass another (e.g. x86-64-v2) as the first argument for older machines.
# Two executables: schemanorm-live, the full build that reads live databases (published first, into
# artifacts/native-live, with its own ILC intermediates), and schemanorm without the database clients,
# which runs schemanorm-live (copied beside it) for --connection (src/Cli/LiveDatabases.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
isa=${1:-x86-64-v3}
common=(-c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$isa" -p:PackAsTool=false -v quiet -nologo)
dotnet publish src/Cli "${common[@]}" -p:NativeIntermediateOutputPath="$PWD/src/Cli/obj/native-live/" -o artifacts/native-live
dotnet publish src/Cli "${common[@]}" -p:LiveDatabasesInProcess=false -p:LiveChild="$PWD/artifacts/native-live/schemanorm" -o artifacts/native
echo "artifacts/native/schemanorm, artifacts/native/schemanorm-live ($isa)"
