using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>Runs the command line in-process, as a user would type it, from the repository root.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(TestPaths.RepoRoot, args);

    public static Result RunIn(string directory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new SchemaNorm.Cli.CliContext(stdout, stderr, interactive: false)
        {
            CurrentDirectory = directory,
            Variable = _ => null, // COLUMNS or NO_COLOR of the machine running the tests must not change a report
        };
        int code = CommandLine.Run(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs in-process as if standard output were (or were not) a terminal of the given width, with these environment variables.</summary>
    public static Result RunAs(string directory, bool terminal, Dictionary<string, string> environment, int? terminalWidth, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new SchemaNorm.Cli.CliContext(stdout, stderr, interactive: false)
        {
            CurrentDirectory = directory,
            StdoutIsTerminal = terminal,
            TerminalWidth = () => terminalWidth,
            Variable = name => environment.GetValueOrDefault(name),
        };
        int code = CommandLine.Run(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A scratch folder with the given files, deleted on dispose.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("schemanorm-cli").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(Root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
