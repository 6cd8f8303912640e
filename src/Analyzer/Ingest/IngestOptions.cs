using System.Text;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>How <see cref="Ingestor"/> reads its inputs (the CLI fills this from its options).</summary>
public sealed record IngestOptions
{
    /// <summary>SQLCMD variables from --var name=value; they win over :setvar in the scripts.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>--collation: compare character data case-sensitively. SQL Server's default collation is case-insensitive.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>--data Table=path.csv: sample rows for a table from a file whose name does not say which table.</summary>
    public IReadOnlyDictionary<string, string> DataMappings { get; init; } = new Dictionary<string, string>();

    /// <summary>CSV field separator, or null to detect it (TSV files: tab).</summary>
    public char? CsvDelimiter { get; init; }

    public bool CsvHasHeader { get; init; } = true;

    /// <summary>When <see cref="CsvHasHeader"/>: decide from each file's rows whether its first line is a header (false for --header: it always is).</summary>
    public bool CsvDetectHeader { get; init; } = true;

    /// <summary>Encoding of files without a byte order mark; null for UTF-8.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// Which .sql/.csv/.tsv files to read, by full path (the config file's <c>files</c> globs): applied to
    /// the files found in folders and to those given one by one; <c>--data</c> mappings are always read.
    /// </summary>
    public Func<string, bool>? IncludeFile { get; init; }

    /// <summary>
    /// Folders whose files scripts may read besides each input's own tree (--allow-read, the config file's
    /// <c>allowRead</c>): BULK INSERT data files and <c>:r</c> includes (<see cref="ReadScope"/>).
    /// </summary>
    public IReadOnlyList<string> AllowRead { get; init; } = [];

    /// <summary>Bounds on file sizes, line lengths, includes and GO counts.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>Optional progress messages for long runs ("reading instawdb.sql").</summary>
    public IProgress<string>? Progress { get; init; }
}
