using SchemaNorm.Databases.Postgres;
using SchemaNorm.Databases.SqlServer;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// A SQL dialect migrations can be written in: its name, the other names it answers to, a few words for
/// --dialect's help (the database, and what changes on the way there), and its emitter.
/// </summary>
public sealed record MigrationDialect(string Name, IReadOnlyList<string> Aliases, string Description, Func<IMigrationEmitter> Emitter);

/// <summary>The dialects of migrate's --dialect, the first the default; a new dialect is one more row.</summary>
public static class MigrationDialects
{
    public static IReadOnlyList<MigrationDialect> All { get; } =
    [
        new("tsql", ["sqlserver"], "SQL Server", () => new TSqlMigrationEmitter()),
        new("postgres", ["postgresql"], "PostgreSQL; schema dbo becomes public", () => new PostgresMigrationEmitter()),
    ];

    /// <summary>Every name a dialect answers to, each dialect's own name first.</summary>
    public static string[] Names => [.. All.SelectMany(d => d.Aliases.Prepend(d.Name))];

    /// <summary>The dialect with this name or alias (one of <see cref="Names"/>).</summary>
    public static MigrationDialect Named(string name) => All.First(d => d.Name == name || d.Aliases.Contains(name));

    /// <summary>The dialects' own names as a usage line shows the choice: "tsql|postgres".</summary>
    public static string Choices => string.Join("|", All.Select(d => d.Name));

    /// <summary>The dialects for --dialect's help: "tsql (SQL Server, default) or postgres (PostgreSQL; ...)".</summary>
    public static string Described => Describe(All);

    /// <summary>Each dialect with its description, the first marked the default, joined as a sentence lists them.</summary>
    public static string Describe(IReadOnlyList<MigrationDialect> dialects)
    {
        var each = dialects.Select((d, i) => $"{d.Name} ({d.Description}{(i == 0 ? ", default" : "")})").ToList();
        return each.Count <= 1 ? string.Concat(each) : $"{string.Join(", ", each[..^1])} or {each[^1]}";
    }
}
