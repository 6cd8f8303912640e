#!/usr/bin/env bash
# Packs schemanorm as a .NET tool for a NuGet feed, into artifacts/packages:
#   SchemaNorm.<version>.nupkg            what users install; it names the two below
#   SchemaNorm.linux-x64.<version>.nupkg  the native (AOT) build, chosen on linux-x64: schemanorm, and beside it
#                                         schemanorm-live, the full build it runs for --connection
#   SchemaNorm.any.<version>.nupkg        the portable build (needs the .NET 10 runtime), chosen elsewhere
# Then, unless --no-check: installs the package from that folder into a scratch tool path, as a user would,
# and runs it on a shipped sample. The native package is built on linux-x64 (Native AOT does not cross-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
rm -rf "$out"
native=(-p:NativeToolPackages=true -c Release -o "$out" -nologo -v quiet)
dotnet pack src/Cli "${native[@]}"
dotnet pack src/Cli -r any "${native[@]}"
live=artifacts/native-live-pack
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -p:PackAsTool=false -nologo -v quiet \
  -p:NativeIntermediateOutputPath="$PWD/src/Cli/obj/native-live-pack/" -o "$live"
dotnet pack src/Cli -r linux-x64 "${native[@]}" -p:LiveDatabasesInProcess=false -p:LiveChild="$PWD/$live/schemanorm"
ls -1 "$out"
[[ ${1:-} == --no-check ]] && exit 0

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
dotnet tool install SchemaNorm --version "$version" --tool-path "$tools" --add-source "$out" >/dev/null
installed=$(find "$tools/.store" -path '*/tools/*' -name schemanorm -type f | head -1)
[[ -n $installed ]] && file "$installed" | grep -q ELF && echo "installed: the native build" || echo "installed: the portable build"
"$tools/schemanorm" --version
if [[ -n $installed ]] && file "$installed" | grep -q ELF; then
  # A live database goes through schemanorm-live: nothing listens on port 1, so the child's own message and status 2.
  [[ -x $(dirname "$installed")/schemanorm-live ]] || { echo "pack: schemanorm-live is missing from the native package" >&2; exit 1; }
  set +e
  message=$("$tools/schemanorm" analyze --connection "postgres://nobody@127.0.0.1:1/none" 2>&1 >/dev/null)
  status=$?
  set -e
  [[ $status -eq 2 && $message != *missing* && $message == *127.0.0.1* ]] \
    || { echo "pack: --connection through schemanorm-live: status $status: $message" >&2; exit 1; }
  echo "live databases: through schemanorm-live"
fi
"$tools/schemanorm" analyze sample-schemas/1-partial-dependency/schema.sql --format compact || [[ $? -eq 1 ]]
