using SchemaNorm.Databases.Postgres;
using SchemaNorm.Databases.SqlServer;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Common;

/// <summary>A SQL dialect migrations can be written in: its name, the other names it answers to, and its emitter.</summary>
public sealed record MigrationDialect(string Name, IReadOnlyList<string> Aliases, Func<IMigrationEmitter> Emitter);

/// <summary>The dialects of migrate's --dialect, the first the default; a new dialect is one more row.</summary>
public static class MigrationDialects
{
    public static IReadOnlyList<MigrationDialect> All { get; } =
    [
        new("tsql", ["sqlserver"], () => new TSqlMigrationEmitter()),
        new("postgres", ["postgresql"], () => new PostgresMigrationEmitter()),
    ];

    /// <summary>Every name a dialect answers to, each dialect's own name first.</summary>
    public static string[] Names => [.. All.SelectMany(d => d.Aliases.Prepend(d.Name))];

    /// <summary>The dialect with this name or alias (one of <see cref="Names"/>).</summary>
    public static MigrationDialect Named(string name) => All.First(d => d.Name == name || d.Aliases.Contains(name));
}
