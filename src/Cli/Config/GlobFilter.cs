using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Config;

/// <summary>
/// The <c>include</c> and <c>exclude</c> globs of the config file's <c>files</c> or <c>tables</c>: a name is
/// kept when it matches some include glob (or there are none) and no exclude glob.
/// </summary>
internal sealed class GlobFilter(IReadOnlyList<Glob> include, IReadOnlyList<Glob> exclude)
{
    public IReadOnlyList<Glob> Include { get; } = include;
    public IReadOnlyList<Glob> Exclude { get; } = exclude;
    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0;

    /// <summary>
    /// A file, by full path, against globs relative to <paramref name="folder"/>. As in .gitignore, a glob
    /// without '/' matches a file or folder name at any depth ("legacy", "*.csv").
    /// </summary>
    public bool KeepsFile(string fullPath, string folder)
    {
        var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
        bool Match(Glob g) => g.IsQualified ? g.Matches(relative) : g.MatchesAnySegment(relative);
        return Keeps(Match);
    }

    /// <summary>A table: a glob with a dot matches schema.table, one without matches the table name in any schema.</summary>
    public bool KeepsTable(QualifiedName name)
    {
        var full = name.Schema is null ? name.Name : $"{name.Schema}.{name.Name}";
        bool Match(Glob g) => g.IsQualified ? g.Matches(full) : g.Matches(name.Name);
        return Keeps(Match);
    }

    private bool Keeps(Func<Glob, bool> match) =>
        (Include.Count == 0 || Include.Any(match)) && !Exclude.Any(match);
}
