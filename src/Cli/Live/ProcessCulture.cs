using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Cli.Live;

/// <summary>
/// The .NET tool runs with ICU because Microsoft.Data.SqlClient needs it (see SchemaNorm.Cli.csproj). So that
/// numbers, percentages and dates in reports read the same whatever the user's locale — as in the native
/// build, which runs in invariant globalization mode — the process culture is pinned to the invariant one
/// when the assembly loads, before any command runs.
/// </summary>
internal static class ProcessCulture
{
    [ModuleInitializer]
    internal static void PinInvariant()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
