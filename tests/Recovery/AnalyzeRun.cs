using System.Diagnostics;
using System.Text.Json;
using SchemaNorm.Cli;
using SchemaNorm.Cli.Commands;

namespace SchemaNorm.Recovery;

/// <summary>A table of a proposal: its name, its columns and its primary key.</summary>
public sealed record ProposedTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Key);

/// <summary>
/// What analyze said about a wide table: the tables it proposes (the table itself when it proposes none),
/// and what it cost: its time, and the process's peak resident memory during the run with what the
/// process held before it (<see cref="StartBytes"/>: the runtime and the source databases).
/// </summary>
public sealed record AnalyzeOutcome(
    IReadOnlyList<ProposedTable> Tables,
    string? NormalForm,
    TimeSpan Elapsed,
    long? PeakBytes,
    string? Error)
{
    public long? StartBytes { get; init; }
}

/// <summary>
/// Runs <c>schemanorm analyze FOLDER --format json</c> in this process, exactly as a user's command line
/// does, and reads the wide table's <c>decomposition</c> from the report.
/// </summary>
public static class AnalyzeRun
{
    /// <summary>
    /// Analyzes the wide table given as <paramref name="setting"/> says. With <paramref name="isolated"/>,
    /// in a process of its own (the built tool beside this assembly), so that time and peak memory are
    /// those of a user's run; otherwise in this process.
    /// </summary>
    public static AnalyzeOutcome Run(WideTable wide, RecoverySetting setting, string workFolder, bool isolated = false)
    {
        var folder = WideTableFiles.Write(wide, setting, Path.Combine(workFolder, setting.ToString()));
        var report = Path.Combine(workFolder, setting + ".json");
        string[] args = ["analyze", folder, "--format", "json", "-o", report, "--fail-on", "none"];
        var stderr = new StringWriter();
        int status;
        long? peak, start = null;
        var clock = Stopwatch.StartNew();
        if (isolated)
        {
            (status, peak) = RunProcess(args, workFolder, stderr);
            clock.Stop();
        }
        else
        {
            var context = new CliContext(TextWriter.Null, stderr, interactive: false) { CurrentDirectory = workFolder };
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            bool peakReset = PeakMemory.Reset();
            start = PeakMemory.Resident();
            clock.Restart();
            status = CommandLine.Run(args, context);
            clock.Stop();
            peak = peakReset ? PeakMemory.Read() : null;
        }

        if (status != 0 || !File.Exists(report))
            return new AnalyzeOutcome([], null, clock.Elapsed, peak, $"analyze exited with status {status}: {Truncate(stderr.ToString())}") { StartBytes = start };
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        var table = json.RootElement.GetProperty("tables").EnumerateArray()
            .FirstOrDefault(t => t.GetProperty("name").GetString() == wide.Name);
        if (table.ValueKind != JsonValueKind.Object)
            return new AnalyzeOutcome([], null, clock.Elapsed, peak, $"the report has no table {wide.Name}") { StartBytes = start };
        return Read(table, clock.Elapsed, peak) with { StartBytes = start };
    }

    /// <summary>The proposal in one table of an analyze report.</summary>
    public static AnalyzeOutcome Read(JsonElement table, TimeSpan elapsed, long? peak)
    {
        string? normalForm = table.TryGetProperty("normalForm", out var nf) ? nf.GetString() : null;
        if (table.TryGetProperty("decomposition", out var d))
        {
            if (d.TryGetProperty("error", out var error))
                return new AnalyzeOutcome([], normalForm, elapsed, peak, "no proposal: " + error.GetString());
            var tables = d.GetProperty("tables").EnumerateArray()
                .Select(t => new ProposedTable(t.GetProperty("name").GetString()!, Strings(t.GetProperty("columns")), Strings(t.GetProperty("key"))))
                .ToList();
            return new AnalyzeOutcome(tables, normalForm, elapsed, peak, null);
        }
        // At the target already: the table itself is the proposal, keyed by its primary key or its first candidate key.
        var columns = Strings(table.GetProperty("columns"));
        IReadOnlyList<string> key = table.TryGetProperty("primaryKey", out var pk) && pk.ValueKind == JsonValueKind.Array && pk.GetArrayLength() > 0
            ? Strings(pk)
            : table.TryGetProperty("candidateKeys", out var ck) && ck.GetArrayLength() > 0 ? Strings(ck[0]) : columns;
        return new AnalyzeOutcome([new ProposedTable(table.GetProperty("name").GetString()!, columns, key)], normalForm, elapsed, peak, null);
    }

    /// <summary>Runs the tool (schemanorm.dll beside this assembly) and samples its peak resident memory until it exits.</summary>
    private static (int Status, long? Peak) RunProcess(string[] args, string directory, StringWriter stderr)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "schemanorm.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(tool);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        long? peak = null;
        // VmHWM only grows: the last value read before the process ends is its peak, to within one interval.
        while (!process.WaitForExit(50))
            if (PeakMemory.Read(process.Id) is long hwm) peak = hwm;
        stderr.Write(errors.Result);
        _ = output.Result;
        return (process.ExitCode, peak);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string Truncate(string s) => s.Length <= 600 ? s.Trim() : s[..600].Trim() + " ...";
}
