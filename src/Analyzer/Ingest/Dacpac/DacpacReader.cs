using System.Runtime.CompilerServices;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Ingest.TSql;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// Reads one <c>.dacpac</c>: its tables through DacFx's model of the package, then its pre- and
/// post-deployment scripts as a project's deployment scripts are read (their rows are sample data).
/// Anything wrong with the package is an error located at it; reading goes on with the other inputs.
/// </summary>
internal static class DacpacReader
{
    public const string NotSupportedMessage =
        "the native (AOT) build of schemanorm cannot read .dacpac packages; install the .NET tool instead (dotnet tool install --global SchemaNorm)";

    public const string InvariantModeMessage =
        "reading a .dacpac needs the ICU culture data, and this process runs in invariant globalization mode (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT)";

    public static void Read(IngestSession session, string path)
    {
        var diagnostics = session.Diagnostics;
        var at = new SourceLocation(path, 1, 1);
        // DacFx composes its services by reflection at run time.
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            diagnostics.Error(NotSupportedMessage, at);
            return;
        }
        // DacFx maps each collation of a package to its culture, which invariant globalization mode lacks.
        if (AppContext.TryGetSwitch("System.Globalization.Invariant", out bool invariant) && invariant)
        {
            diagnostics.Error(InvariantModeMessage, at);
            return;
        }
        var package = DacpacPackage.Open(path, session.Options.Limits, diagnostics);
        if (package is null) return;

        TSqlModel model;
        try
        {
            model = TSqlModel.LoadFromDacpac(path, new ModelLoadOptions
            {
                ModelStorageType = DacSchemaModelStorageType.Memory,
                LoadAsScriptBackedModel = false,
                ThrowOnModelErrors = false,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error($"the package's model cannot be read: {Innermost(e)}", at);
            return;
        }
        using (model) new DacpacSchema(session, package).Read(model);

        diagnostics.Info("a .dacpac keeps no source files or lines: its tables, columns and keys are located at the package " +
                         "(read the database project for files and lines)", at);
        if (package.References.Count > 0)
            diagnostics.Info($"the package references {string.Join(", ", package.References)}: the objects of referenced packages are not read", at);

        ReadDeploymentScripts(session, package);
    }

    /// <summary>
    /// The deployment scripts with the variables a publish would give them: SSDT's own (DatabaseName and the
    /// path variables), the package's where it keeps a value, and --var over both. SSDT keeps the names of
    /// the project's variables in the package, not their default values: a script that uses one needs --var.
    /// </summary>
    private static void ReadDeploymentScripts(IngestSession session, DacpacPackage package)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["DatabaseName"] = package.Name,
            ["DefaultFilePrefix"] = package.Name,
            ["DefaultDataPath"] = "",
            ["DefaultLogPath"] = "",
        };
        foreach (var (name, value) in package.Variables)
            if (value.Length > 0) variables[name] = value;
        foreach (var (name, value) in session.Options.Variables) variables[name] = value;

        var tree = ReadScope.TreeOf(Path.GetFullPath(package.Path), isFolder: false);
        foreach (var (text, path) in new[] { (package.PreDeployScript, package.PreDeployPath), (package.PostDeployScript, package.PostDeployPath) })
        {
            if (text is null) continue;
            session.Options.Progress?.Report($"reading {path}");
            var prepared = SqlcmdPreprocessor.Prepare(path, text, variables, session.Options.Encoding, session.Diagnostics,
                session.Scope, tree, session.Options.Limits);
            new ScriptReader(session, prepared, ScriptRole.Deployment).Read();
        }
    }

    /// <summary>DacFx wraps the cause (a zip that does not open, XML that does not parse) in its own exceptions.</summary>
    private static string Innermost(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return e.Message;
    }
}
