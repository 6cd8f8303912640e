using System.Diagnostics;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// Runs the built command (schemanorm.dll, copied beside the tests) as a separate process, as CI runs it:
/// real exit status, real standard output and error, its own working folder.
/// </summary>
internal static class BuiltCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "schemanorm.dll");

    public static CliRunner.Result Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs with these environment variables set (a null value removes one); COLUMNS and NO_COLOR are unset unless given.</summary>
    public static CliRunner.Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("SCHEMANORM_DEBUG");
        start.Environment.Remove("COLUMNS");
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung process, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"schemanorm {string.Join(' ', args)} did not finish");
        }
        return new CliRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet that runs the tests (the SDK sets DOTNET_HOST_PATH for its child processes).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
