using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Config;

/// <summary>
/// What the config file says about the schema, checked once the schema is read: a rejected dependency
/// must name a table and columns that exist (accepted ones are checked by the analysis, as declared
/// dependencies); a suppression for a table no script creates is most likely a typo.
/// </summary>
internal static class ConfigChecks
{
    public static void Check(SchemaModel model, SchemaNormConfig config, DiagnosticBag diagnostics)
    {
        foreach (var r in config.RejectedDependencies)
        {
            var table = Find(model, r.Table);
            if (table is null)
            {
                diagnostics.Error($"unknown table '{r.Table}' in the rejected dependency '{r.Dependency}'", r.Location);
                continue;
            }
            foreach (var column in r.Dependency.Lhs.Concat(r.Dependency.Rhs).Where(c => table.IndexOf(c) < 0))
                diagnostics.Error($"unknown column '{Identifier.Unquote(column)}' in {table.Name} (in the rejected dependency '{r.Dependency}')", r.Location);
        }
        foreach (var s in config.Suppressions)
        {
            if (s.Table is not { } name) continue;
            var table = Find(model, name);
            if (table is null)
                diagnostics.Warning($"the suppression of {s.RuleId} names table '{name}', which no script creates", s.Source);
            else if (s.Column is { } column && table.IndexOf(column) < 0)
                diagnostics.Warning($"the suppression of {s.RuleId} names column '{column}', which {table.Name} does not have", s.Source);
        }
    }

    /// <summary>As the analysis finds a config dependency's table: by its name, or by the bare name when no schema matches.</summary>
    private static Table? Find(SchemaModel model, QualifiedName name) =>
        model.Find(name) ?? (name.Schema is null ? null : model.Find(name.Name));
}
