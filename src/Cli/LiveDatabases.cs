using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli;

/// <summary>
/// Where live databases are read. The database clients (SqlClient, Npgsql) are most of the native binary:
/// their static data is expanded and their pages touched at every start, though only --connection runs use
/// them. So the native build is two executables: schemanorm, published with this switch off so that the
/// trimmer drops the clients, and schemanorm-live beside it, the full build, which schemanorm runs with the
/// same arguments, streams and environment when the command line names a live database, and whose exit
/// status it returns. The .NET tool and the tests read live databases in-process (the switch's default).
/// </summary>
internal static class LiveDatabases
{
    public const string Switch = "SchemaNorm.LiveDatabases.InProcess";

    /// <summary>The file name of the executable that reads live databases, beside schemanorm.</summary>
    public const string ChildName = "schemanorm-live";

    /// <summary>False in the native build that leaves live databases to <see cref="ChildName"/>; the trimmer takes it as a constant.</summary>
    [FeatureSwitchDefinition(Switch)]
    public static bool InProcess => !AppContext.TryGetSwitch(Switch, out bool on) || on;

    /// <summary>Where <see cref="ChildName"/> is looked for: the folder of the running executable.</summary>
    public static string ChildPath => Path.Combine(AppContext.BaseDirectory, ChildName);

    /// <summary>
    /// Thrown where code that needs the database clients is reached in a build without them (a bug: such
    /// runs go to the child). Each such place tests <see cref="InProcess"/> itself, so that the trimmer sees
    /// the branch and drops what follows.
    /// </summary>
    public static InvalidOperationException NotInThisBuild() => new($"this build reads live databases through {ChildName}");

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="args"/> and returns its exit status. On the console
    /// the child shares this process's streams; otherwise (tests, hosts) its output is copied to the context's writers.
    /// A child that is missing or cannot start is one line on standard error and exit status 2.
    /// </summary>
    public static int RunChild(string path, IReadOnlyList<string> args, CliContext context)
    {
        if (!File.Exists(path))
        {
            context.Stderr.WriteLine($"schemanorm: cannot read a live database: {path} is missing (reinstall schemanorm)");
            return ExitStatus.Failure;
        }
        bool copy = context.StdoutStream is null;
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = copy,
            RedirectStandardError = copy,
            StandardOutputEncoding = copy ? Encoding.UTF8 : null,
            StandardErrorEncoding = copy ? Encoding.UTF8 : null,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var child = Process.Start(start) ?? throw new Win32Exception("not started");
            if (copy)
            {
                var stderr = child.StandardError.ReadToEndAsync();
                context.Stdout.Write(child.StandardOutput.ReadToEnd());
                context.Stderr.Write(stderr.Result);
            }
            child.WaitForExit();
            return child.ExitCode;
        }
        catch (Win32Exception e)
        {
            context.Stderr.WriteLine($"schemanorm: cannot read a live database: {path} did not start ({e.Message})");
            return ExitStatus.Failure;
        }
    }
}
