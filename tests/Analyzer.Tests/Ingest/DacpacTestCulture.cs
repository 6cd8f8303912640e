using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// The tests run with ICU, which DacFx needs to read a package's collations; the culture stays the invariant
/// one, as in the tool, so that no test reads differently with the machine's locale.
/// </summary>
internal static class DacpacTestCulture
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
