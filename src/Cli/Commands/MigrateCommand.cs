using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Options;
using SchemaNorm.Databases.Common;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// Writes the script that moves a table (or every table below the target) into its proposed decomposition,
/// and the script that undoes it: with -o x.sql, x.sql and x.rollback.sql; otherwise the migration on
/// standard output, or with --rollback the rollback. --dialect says whose SQL: T-SQL (default) or
/// PostgreSQL. The tables come from scripts or, with --connection, from a live database (read only: the
/// script is written, never run); a dependency found in a live sample is checked on all rows first.
/// </summary>
internal sealed class MigrateCommand : ICommand
{
    public static readonly OptionSpec Rollback = new("rollback", OptionArity.Flag, "print the rollback script instead of the migration (without -o, or with -o naming a device or FIFO)");
    public static readonly OptionSpec Dialect = new("dialect", OptionArity.Single, "the SQL to write: " + MigrationDialects.Described, "NAME");

    public string Name => "migrate";
    public string Usage => $"schemanorm migrate (<paths...> | --connection STRING) [--table T] [--target 3NF|BCNF|4NF|5NF] [--dialect {MigrationDialects.Choices}] [-o file.sql] [options]";
    public string Summary => "Writes the migration (T-SQL or PostgreSQL) and its rollback that move tables into their proposed decomposition.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("table", OptionArity.Single, "the table to migrate (default: every table below the target)", "TABLE"),
        new("output", OptionArity.Single, "write the migration to FILE and its rollback to FILE.rollback.sql beside it", "FILE", Alias: "o"),
        CommonOptions.Target, Dialect, Rollback, CommonOptions.Config,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, CommonOptions.DiscoveryTimeout, PipelineRun.NoDiscovery,
        .. InputOptions.All,
        .. LiveOptions.All,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var dialect = MigrationDialects.Named(args.Choice("dialect", MigrationDialects.All[0].Name, MigrationDialects.Names));
        var settings = PipelineRun.ReadingWholeSchemas(RunSettings.From(args, context, "text"), args);
        var model = ModelLoader.Load(settings, context, out int errors, out var live);
        if (model is null) return PipelineRun.Stop(context, errors);
        using var database = live;
        // Where the scripts go is checked before any work: a device or FIFO (-o /dev/null, a pipe) has no
        // folder to put a rollback beside, so one script goes there; a file gets its rollback beside it.
        var output = args.Get("output");
        var outputKind = output is null ? FileKind.Missing : FileType.Of(Path.GetFullPath(output, context.CurrentDirectory));
        OutputGuard.Check(output is null ? [] : outputKind.IsSpecial() ? [output] : [output, RollbackPath(output)], settings, model, context.CurrentDirectory);

        var options = PipelineRun.Options(settings, args) with
        {
            Tables = args.Get("table") is { Length: > 0 } name ? [PipelineRun.FindTable(model, name).Name] : null,
            Proposals = args.Has("table") ? ProposalScope.EveryTable : ProposalScope.BelowTarget,
        };
        var result = PipelineRun.Run(model, settings, options, context, out errors, PipelineRun.FullTableOf(live, settings, options));
        if (result?.Proposals is not { } proposals) return PipelineRun.Stop(context, errors);
        var decompositions = proposals.All.Select(p => p.Required).ToList();

        foreach (var d in decompositions)
        {
            if (!d.Changes && !settings.Quiet)
                context.Stderr.WriteLine(ReportText.Line($"schemanorm migrate: {d.Source.Name}: no change to migrate ({d.Notes.LastOrDefault() ?? "it meets the target"})"));
            else if (d.Changes && !d.Lossless)
                throw new UsageException($"{d.Source.Name}: the proposed decomposition is not lossless; no migration is written for it");
        }

        var plans = MigrationPlanner.PlanAll(decompositions, model);
        var emitter = dialect.Emitter();
        MigrationScript script;
        try
        {
            script = emitter.Emit(plans);
        }
        catch (MigrationException e)
        {
            throw new UsageException(e.Message);
        }

        if (output is not null && outputKind.IsSpecial())
        {
            WriteFile(output, args.Has("rollback") ? script.Rollback : script.Forward, context);
            if (!settings.Quiet && !args.Has("rollback"))
                context.Stderr.WriteLine($"schemanorm migrate: {output} is {outputKind.Describe()}, so no rollback was written beside it; run again with --rollback for the rollback script");
        }
        else if (output is not null)
        {
            var rollbackPath = RollbackPath(output);
            WriteFile(output, script.Forward, context);
            WriteFile(rollbackPath, script.Rollback, context);
            if (!settings.Quiet)
                context.Stderr.WriteLine($"schemanorm migrate: wrote {output} and its rollback {rollbackPath} ({plans.Count} table{(plans.Count == 1 ? "" : "s")})");
        }
        else
        {
            context.Stdout.Write(args.Has("rollback") ? script.Rollback : script.Forward);
            if (!settings.Quiet && !args.Has("rollback"))
                context.Stderr.WriteLine("schemanorm migrate: for the rollback script run again with --rollback, or use -o FILE.sql to write FILE.rollback.sql beside it");
        }
        return ExitStatus.Clean;
    }

    /// <summary>x.sql → x.rollback.sql; x → x.rollback.sql.</summary>
    public static string RollbackPath(string path)
    {
        var ext = Path.GetExtension(path);
        var stem = ext.Length > 0 ? path[..^ext.Length] : path;
        return stem + ".rollback" + (ext.Length > 0 ? ext : ".sql");
    }

    private static void WriteFile(string path, string text, CliContext context)
    {
        try
        {
            AtomicFile.WriteAllText(Path.GetFullPath(path, context.CurrentDirectory), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
