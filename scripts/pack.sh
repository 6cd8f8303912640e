#!/usr/bin/env bash
# Packs schemanorm as a .NET tool for a NuGet feed, into artifacts/packages:
#   SchemaNorm.<version>.nupkg            what users install; it names the two below
#   SchemaNorm.linux-x64.<version>.nupkg  the native (AOT) build, chosen on linux-x64
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
dotnet pack src/Cli -r linux-x64 "${native[@]}"
ls -1 "$out"
[[ ${1:-} == --no-check ]] && exit 0

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
dotnet tool install SchemaNorm --version "$version" --tool-path "$tools" --add-source "$out" >/dev/null
installed=$(find "$tools/.store" -path '*/tools/*' -name schemanorm -type f | head -1)
[[ -n $installed ]] && file "$installed" | grep -q ELF && echo "installed: the native build" || echo "installed: the portable build"
"$tools/schemanorm" --version
"$tools/schemanorm" analyze sample-schemas/1-partial-dependency/schema.sql --format compact || [[ $? -eq 1 ]]
