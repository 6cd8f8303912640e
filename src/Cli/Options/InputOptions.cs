using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Cli.Options;

/// <summary>The options that say how to read the inputs, shared by every command that reads scripts or CSV files.</summary>
internal static class InputOptions
{
    public static readonly OptionSpec Verbose = new("verbose", OptionArity.Flag, "also show informational messages about the inputs", Alias: "v");

    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        CommonOptions.Var, CommonOptions.Data, CommonOptions.Delimiter, CommonOptions.NoHeader, CommonOptions.Header,
        CommonOptions.Encoding, CommonOptions.Collation, CommonOptions.Quiet, Verbose,
        CommonOptions.AllowRead,
    ];

    /// <summary>The input paths, resolved against the current folder.</summary>
    public static IReadOnlyList<string> Paths(ParsedArguments args, string currentDirectory)
    {
        if (args.Positionals.Count == 0)
        {
            if (args.Has("connection")) return []; // a live database instead of files (see LiveOptions)
            throw new UsageException("give at least one .sql or .csv file, or a folder of them (or --connection for a live database)");
        }
        return args.Positionals.Select(p => Path.GetFullPath(p, currentDirectory)).ToList();
    }

    public static IngestOptions ToIngestOptions(ParsedArguments args, string currentDirectory)
    {
        char? delimiter = null;
        if (args.Get("delimiter") is { } d)
        {
            var text = d switch { "\\t" or "tab" => "\t", _ => d };
            if (text.Length != 1) throw new UsageException($"--delimiter takes one character (or \\t), not '{d}'");
            delimiter = text[0];
        }
        if (args.Has("header") && args.Has("no-header")) throw new UsageException("--header and --no-header contradict each other; give one");
        System.Text.Encoding? encoding = null;
        if (args.Get("encoding") is { } e)
            encoding = TextFile.ParseEncoding(e) ?? throw new UsageException($"unknown encoding '{e}' (try utf-8, utf-16, latin1, windows-1252)");

        return new IngestOptions
        {
            Variables = args.Pairs("var"),
            DataMappings = args.Pairs("data").ToDictionary(p => p.Key, p => Path.GetFullPath(p.Value, currentDirectory), StringComparer.OrdinalIgnoreCase),
            CsvDelimiter = delimiter,
            CsvHasHeader = !args.Has("no-header"),
            CsvDetectHeader = !args.Has("no-header") && !args.Has("header"),
            Encoding = encoding,
            CaseSensitive = IsCaseSensitive(args.Get("collation")),
            AllowRead = AllowedFolders(args, currentDirectory),
        };
    }

    /// <summary>--allow-read folders, as full paths; each must exist.</summary>
    private static List<string> AllowedFolders(ParsedArguments args, string currentDirectory) =>
        args.GetAll("allow-read").Select(dir =>
        {
            var full = Path.GetFullPath(dir, currentDirectory);
            return Directory.Exists(full) ? full : throw new UsageException($"--allow-read: no such folder '{dir}'");
        }).ToList();

    /// <summary>ci (default), cs, or a collation name: _CS_ or _BIN in it means case-sensitive.</summary>
    public static bool IsCaseSensitive(string? collation) => collation switch
    {
        null => false,
        _ when collation.Equals("ci", StringComparison.OrdinalIgnoreCase) => false,
        _ when collation.Equals("cs", StringComparison.OrdinalIgnoreCase) => true,
        _ when collation.Contains("_CS", StringComparison.OrdinalIgnoreCase) || collation.Contains("_BIN", StringComparison.OrdinalIgnoreCase) => true,
        _ when collation.Contains("_CI", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new UsageException($"--collation takes ci, cs, or a SQL Server collation name such as Latin1_General_CS_AS, not '{collation}'"),
    };
}
