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

        if (!ReferencesAdmitted(session, package)) return;
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
            var hint = package.References.Count > 0 && e.Message.Contains("references are missing", StringComparison.OrdinalIgnoreCase)
                ? $"; DacFx loads a referenced package ({string.Join(", ", package.References.Select(r => r.LogicalName))}) from the path it was built against or from the package's folder"
                : "";
            diagnostics.Error($"the package's model cannot be read: {Reason(e)}{hint}", at);
            return;
        }
        using (model) new DacpacSchema(session, package).Read(model);

        diagnostics.Info("a .dacpac keeps no source files or lines: its tables, columns and keys are located at the package " +
                         "(read the database project for files and lines)", at);
        if (package.References.Count > 0)
            diagnostics.Info($"the package references {string.Join(", ", package.References.Select(r => r.LogicalName))}: the tables of referenced packages are not read", at);

        ReadDeploymentScripts(session, package);
    }

    /// <summary>
    /// DacFx loads each referenced package from the path the package recorded, else from the package's own
    /// folder by its logical name: a package names files to read, so each one that exists must lie where this
    /// input may read (its tree, or --allow-read). False, with an error, when one does not.
    /// </summary>
    private static bool ReferencesAdmitted(IngestSession session, DacpacPackage package)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(package.Path)) ?? ".";
        var tree = ReadScope.TreeOf(Path.GetFullPath(package.Path), isFolder: false);
        var at = new SourceLocation(package.Path, 1, 1);
        bool admitted = true;
        foreach (var reference in package.References)
        {
            var candidates = new List<string>();
            if (reference.FileName.Length > 0)
                candidates.Add(Path.IsPathFullyQualified(reference.FileName) ? reference.FileName : Path.Combine(folder, reference.FileName));
            if (Path.GetFileName(reference.LogicalName) is { Length: > 0 } logical) candidates.Add(Path.Combine(folder, logical));
            foreach (var candidate in candidates)
            {
                var verdict = session.Scope.Admit(candidate, tree, "the referenced package", at, session.Diagnostics, out _);
                if (verdict == ReadVerdict.Missing) continue;
                admitted &= verdict == ReadVerdict.Allowed;
                break;
            }
        }
        if (!admitted)
            session.Diagnostics.Error("the package is not read: loading its model would read the referenced package refused above", at);
        return admitted;
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

    /// <summary>DacFx's message, with the cause it wraps (a checksum that does not match, XML that does not parse).</summary>
    private static string Reason(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is { } inner) innermost = inner;
        return ReferenceEquals(innermost, e) ? e.Message : $"{e.Message.TrimEnd('.')} ({innermost.Message.TrimEnd('.')})";
    }
}
