using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Cli;

/// <summary>
/// Culture for the whole process, set when the assembly loads, before any command runs. Numbers,
/// percentages and dates in reports read the same whatever the user's locale: the process culture is
/// the invariant one. ICU itself is needed only by Microsoft.Data.SqlClient, which refuses to connect in
/// invariant globalization mode (it maps collations to code pages through the culture data); loading it
/// costs start-up time on every run, so when schemanorm is the program and the command line names no live
/// database, the run switches to invariant globalization mode before anything reads culture data.
/// </summary>
internal static class ProcessCulture
{
    [ModuleInitializer]
    internal static void PinInvariant()
    {
        if (IsTheProgram() && !NamesLiveDatabase(Environment.GetCommandLineArgs()))
            AppContext.SetSwitch("System.Globalization.Invariant", true);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>True for the schemanorm command; false when the assembly is loaded by another process (tests, benchmarks).</summary>
    /// <remarks>The native build is always the program; asking it for the entry assembly would start its reflection.</remarks>
    private static bool IsTheProgram() =>
        !RuntimeFeature.IsDynamicCodeSupported || Assembly.GetEntryAssembly() == typeof(ProcessCulture).Assembly;

    /// <summary>
    /// Whether the arguments may give --connection (the only way a run reads a live database), in any
    /// spelling the parser takes (--connection VALUE, --connection=VALUE, --connection:VALUE). Saying yes
    /// once too often only costs time.
    /// </summary>
    internal static bool NamesLiveDatabase(IEnumerable<string> args) =>
        args.Any(a => a.StartsWith('-') && a.TrimStart('-').Split(['=', ':'], 2)[0] == ConnectionOption);

    /// <summary>
    /// The option's name, written out: reading <see cref="LiveOptions.Connection"/> here would run the
    /// option table's static initializer, which formats numbers and so loads the culture data this avoids.
    /// </summary>
    internal const string ConnectionOption = "connection";
}
