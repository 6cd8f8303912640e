using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Config;

/// <summary>What the config file sets for a rule: <c>off</c>, or the severity its findings are reported with.</summary>
internal enum RuleLevel { Off, Note, Warning, Error }

/// <summary>
/// A reviewed decision about a dependency, recorded in the repository so that CI results are
/// reproducible: <c>accept</c> makes it a declared dependency of its table; <c>reject</c> removes it
/// from the dependencies found in sample data.
/// </summary>
internal sealed record DependencyDecision(DependencyAnnotation Dependency, bool Accept, string? Reason)
{
    /// <summary>The table it is about (always set: the config file must name it).</summary>
    public QualifiedName Table => Dependency.Table!.Value;
    public SourceLocation Location => Dependency.Location;
}

/// <summary>The config file's <c>discovery</c> settings: how dependencies are searched for in sample data.</summary>
internal sealed record DiscoveryConfig
{
    /// <summary>"equal" or "distinct": whether two NULLs count as the same value.</summary>
    public string? Nulls { get; init; }
    /// <summary>At most this many rows per table are read for discovery.</summary>
    public int? SampleSize { get; init; }
    public int? MaxLhs { get; init; }
    public double? MaxError { get; init; }
    /// <summary>Dependencies found in data that rank below this plausibility (0 to 1) are not reported.</summary>
    public double? MinPlausibility { get; init; }
    /// <summary>Seconds each table's discovery may take (as --discovery-timeout).</summary>
    public int? TimeoutSeconds { get; init; }
}

/// <summary>A <c>schemanorm.json</c> file, read and checked (see docs/configuration.md).</summary>
internal sealed record SchemaNormConfig
{
    public const string FileName = "schemanorm.json";

    /// <summary>The file's full path.</summary>
    public required string Path { get; init; }

    /// <summary>The folder that relative paths and file globs in the file are relative to.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";

    public NormalForm? Target { get; init; }

    /// <summary>"error", "warning", "note" or "none", as --fail-on takes it.</summary>
    public string? FailOn { get; init; }

    /// <summary>Absolute URI that rule ids are appended to for links to the rule pages (SARIF helpUri, Markdown links).</summary>
    public string? HelpUriBase { get; init; }

    /// <summary>Full path of the baseline file to compare with (as --baseline).</summary>
    public string? Baseline { get; init; }

    public GlobFilter Files { get; init; } = new([], []);
    public GlobFilter Tables { get; init; } = new([], []);

    /// <summary>Per rule id (upper case): off, or the severity to report its findings with.</summary>
    public IReadOnlyDictionary<string, RuleLevel> Rules { get; init; } = new Dictionary<string, RuleLevel>();

    public IReadOnlyList<DependencyDecision> Dependencies { get; init; } = [];

    /// <summary>Suppression entries (rule, optional table and column, reason).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    public DiscoveryConfig Discovery { get; init; } = new();

    /// <summary>Full paths of the folders <c>allowRead</c> lets scripts read files from (as --allow-read).</summary>
    public IReadOnlyList<string> AllowRead { get; init; } = [];

    public IEnumerable<DependencyAnnotation> AcceptedDependencies => Dependencies.Where(d => d.Accept).Select(d => d.Dependency);
    public IEnumerable<DependencyDecision> RejectedDependencies => Dependencies.Where(d => !d.Accept);

    /// <summary>The severities <see cref="Rules"/> sets (rules that are not off).</summary>
    public IReadOnlyDictionary<string, Severity> RuleSeverities() => Rules
        .Where(r => r.Value != RuleLevel.Off)
        .ToDictionary(r => r.Key, r => r.Value switch { RuleLevel.Error => Severity.Error, RuleLevel.Warning => Severity.Warning, _ => Severity.Note }, StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules <see cref="Rules"/> switches off.</summary>
    public IReadOnlySet<string> DisabledRules() =>
        Rules.Where(r => r.Value == RuleLevel.Off).Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a file (by full path) is to be read, by the <c>files</c> globs.</summary>
    public bool IncludesFile(string fullPath) => Files.IsEmpty || Files.KeepsFile(fullPath, Folder);
}
