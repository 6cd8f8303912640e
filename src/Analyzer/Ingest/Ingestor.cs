using System.Collections.Concurrent;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Analyzer.Ingest.Dacpac;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.SqlProject;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Ingest.TSql;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The Ingest stage: T-SQL scripts and data files in, one <see cref="SchemaModel"/> out.
/// <list type="number">
/// <item>Scripts are read in order (SQLCMD pre-pass, GO batches, ScriptDom or the fast INSERT reader),
/// building the end-state schema; data statements are only recorded.</item>
/// <item>Names that scripts left for later are resolved (alias types, tables created by a later file).</item>
/// <item>CSV/TSV files are mapped to tables, or become tables of their own.</item>
/// <item>Each table's rows are read from its sources, tables in parallel.</item>
/// </list>
/// Bad input never throws: every problem becomes a <see cref="Diagnostic"/>, and reading goes on.
/// </summary>
public static class Ingestor
{
    public static IngestResult Ingest(IReadOnlyList<string> paths, IngestOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var session = new IngestSession(options, diagnostics);
        var projects = SqlProjectInputs.Find(paths, diagnostics, out var otherPaths);
        var packages = DacpacInputs.Find(otherPaths, diagnostics, out otherPaths);
        var (scripts, data) = otherPaths.Count > 0 || (paths.Count == 0 && packages.Count == 0) || options.DataMappings.Count > 0
            ? InputFiles.Expand(otherPaths, options, session.Scope, diagnostics)
            : ([], []);
        // A project decides which files under its folder are read, and how.
        scripts.RemoveAll(f => !f.Explicit && projects.Any(p => SqlProjectInputs.IsUnder(f.Path, p.Folder)));
        data.RemoveAll(f => !f.Explicit && projects.Any(p => SqlProjectInputs.IsUnder(f.Path, p.Folder)));
        var projectScripts = SqlProjectInputs.Scripts(projects, options);

        // A package is a whole schema: it comes first, and scripts beside it may add rows to its tables.
        foreach (var package in packages)
        {
            if (options.IncludeFile?.Invoke(Path.GetFullPath(package)) == false)
            {
                diagnostics.Info("skipped: the config file's files.include / files.exclude leave it out", new SourceLocation(package, 1, 1));
                continue;
            }
            options.Progress?.Report($"reading {package}");
            Guard(diagnostics, package, () => DacpacReader.Read(session, package));
        }

        var included = IncludedScripts.ReachedFrom(projectScripts.Select(s => (s.Path, s.Tree)).Concat(scripts.Select(f => (f.Path, f.Tree))), options, session.Scope);
        foreach (var script in projectScripts)
        {
            if (included.Contains(Path.GetFullPath(script.Path)))
            {
                IncludedScripts.Report(diagnostics, script.Path);
                continue;
            }
            // A project's item may point anywhere: it is read only from the project's tree, as an include is.
            if (session.Scope.Admit(script.Path, script.Tree, "the project's script", new SourceLocation(script.Path, 1, 1), diagnostics, out var real)
                != ReadVerdict.Allowed) continue;
            options.Progress?.Report($"reading {script.Path}");
            Guard(diagnostics, script.Path, () => ReadScript(session, real, script.Tree, script.Variables, script.Role));
        }
        foreach (var file in scripts)
        {
            if (included.Contains(Path.GetFullPath(file.Path)))
            {
                IncludedScripts.Report(diagnostics, file.Path);
                continue;
            }
            options.Progress?.Report($"reading {file.Path}");
            Guard(diagnostics, file.Path, () => ReadScript(session, file.Path, file.Tree, options.Variables, ScriptRole.Schema));
        }
        Guard(diagnostics, null, session.FinishSchema);
        Guard(diagnostics, null, () => ReferenceChecks.Run(session));

        var bulkLoaded = session.BulkDataFiles();
        Guard(diagnostics, null, () => new CsvInputs(session).Read(data, bulkLoaded));

        var tables = session.DataByTable().ToList();
        if (tables.Count > 0) options.Progress?.Report($"reading sample rows of {tables.Count} tables");
        var loaded = new TableData?[tables.Count];
        // Largest first, one table at a time per worker, so that no core is left with a big table at the end.
        var bySize = Enumerable.Range(0, tables.Count).OrderByDescending(i => TableLoader.EstimatedSize(tables[i].sources)).ToList();
        Parallel.ForEach(Partitioner.Create(bySize, EnumerablePartitionerOptions.NoBuffering), i =>
        {
            var (table, sources) = tables[i];
            Guard(diagnostics, table.Location.File, () =>
                loaded[i] = TableLoader.Load(table, sources, session.DefaultOf, options.CaseSensitive, options.Limits, diagnostics));
        });
        for (int i = 0; i < tables.Count; i++) tables[i].table.Data = loaded[i];
        Guard(diagnostics, null, () => SampleKeys.Check(session, tables));

        // Files in the order they were read; paths that could not be read after them, as given.
        var order = packages.SelectMany(p => new[] { p, DacpacPackage.PartPathOf(p, DacpacPackage.PreDeployPart), DacpacPackage.PartPathOf(p, DacpacPackage.PostDeployPart) })
            .Concat(projects.Select(p => p.FilePath)).Concat(projectScripts.Select(s => s.Path))
            .Concat(scripts.Concat(data).Select(f => f.Path)).Concat(paths).ToList();
        return new IngestResult(session.Model, Ordered(diagnostics.Items, order));
    }

    private static void ReadScript(IngestSession session, string path, string tree, IReadOnlyDictionary<string, string> variables, ScriptRole role)
    {
        var options = session.Options;
        var text = TextFile.Read(path, options.Encoding, session.Diagnostics, options.Limits, dataFile: false);
        if (text is null) return;
        var prepared = SqlcmdPreprocessor.Prepare(path, text, variables, options.Encoding, session.Diagnostics,
            session.Scope, tree, options.Limits);
        new ScriptReader(session, prepared, role).Read();
    }

    /// <summary>A bug must not cost the user the rest of the run: it becomes an error on the file being read.</summary>
    private static void Guard(DiagnosticBag diagnostics, string? file, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error($"internal error while reading: {e.GetType().Name}: {e.Message}", file is null ? null : new SourceLocation(file, 1, 1));
        }
    }

    /// <summary>Diagnostics by input order, then line and column, so that runs print the same list.</summary>
    private static List<Diagnostic> Ordered(IReadOnlyList<Diagnostic> items, IReadOnlyList<string> inputOrder)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < inputOrder.Count; i++) rank.TryAdd(inputOrder[i], i);
        return items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location is null ? -1 : 0)
            .ThenBy(x => x.d.Location is { } l ? rank.GetValueOrDefault(l.File, int.MaxValue) : 0)
            .ThenBy(x => x.d.Location?.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location?.Line ?? 0)
            .ThenBy(x => x.d.Location?.Column ?? 0)
            .ThenBy(x => x.d.Message, StringComparer.Ordinal)
            .Select(x => x.d)
            .ToList();
    }
}
