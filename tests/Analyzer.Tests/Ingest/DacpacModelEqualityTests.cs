using System.Text;
using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.SqlProject;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// A package built by DacFx from a project's scripts gives the same model as the scripts themselves: every
/// table, column, type, key, unique index, foreign key and CHECK, and the rows of its deployment scripts.
/// Whole projects and whole install scripts, every file of them. Only what a package cannot keep is left
/// out of the comparison: source locations, and the order of statements.
/// </summary>
public partial class DacpacModelEqualityTests
{
    public static TheoryData<string> Projects => new()
    {
        Path.Combine(TestPaths.SampleSchemas, "ssdt-project", "Retail.sqlproj"),
        Path.Combine(TestPaths.RealSchemas, "ssdt", "WideWorldImportersDW", "WideWorldImportersDW.sqlproj"),
        Path.Combine(TestPaths.RealSchemas, "ssdt", "IotSmartGrid", "Db.sqlproj"),
        Path.Combine(TestPaths.RealSchemas, "ssdt", "TicketReservations", "TicketReservations.sqlproj"),
        Path.Combine(TestPaths.RealSchemas, "ssdt", "SdkStyleDatabaseProject", "sample.sqlproj"),
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_projects_package_gives_the_projects_model(string projectPath)
    {
        var diagnostics = new DiagnosticBag();
        var project = SqlProjectFile.Load(projectPath, diagnostics)!;
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);

        using var folder = new ScriptFolder();
        var scripts = project.Schema.Select(f => (Path.GetRelativePath(project.Folder, f), File.ReadAllText(f)));
        var userVariables = project.Variables.Keys.Where(v => v is not ("DatabaseName" or "DefaultFilePrefix" or "DefaultDataPath" or "DefaultLogPath")).ToList();
        var package = DacpacTestPackages.Build(Path.Combine(folder.Path, project.Name + ".dacpac"), scripts, new DacpacTestPackages.Extras(
            PostDeploy: Inlined(project.PostDeploy), PreDeploy: Inlined(project.PreDeploy), Variables: userVariables));

        var fromScripts = Ingestor.Ingest([projectPath], new IngestOptions());
        fromScripts.NoErrors();
        // A package keeps the names of the project's variables, not their values: they are given as --var.
        var values = userVariables.ToDictionary(v => v, v => project.Variables[v]);
        var fromPackage = Ingestor.Ingest([package], new IngestOptions { Variables = values });
        fromPackage.NoErrors();

        Assert.NotEmpty(fromScripts.Model.Tables);
        Assert.Equal(Describe(fromScripts.Model), Describe(fromPackage.Model));
    }

    public static TheoryData<string> InstallScripts => new()
    {
        Path.Combine(TestPaths.RealSchemas, "northwind", "instnwnd.sql"),
        Path.Combine(TestPaths.RealSchemas, "pubs", "instpubs.sql"),
        Path.Combine(TestPaths.RealSchemas, "adventureworkslt", "AdventureWorksLT.sql"),
    };

    [Theory]
    [MemberData(nameof(InstallScripts))]
    public void A_package_of_an_install_scripts_ddl_gives_its_schema(string scriptPath)
    {
        using var folder = new ScriptFolder();
        var ddl = DacpacTestPackages.SchemaStatements(File.ReadAllText(scriptPath));
        var package = DacpacTestPackages.Build(Path.Combine(folder.Path, "db.dacpac"), [("schema.sql", ddl)]);

        var fromScript = Ingestor.Ingest([scriptPath], new IngestOptions());
        fromScript.NoErrors();
        var fromPackage = Ingestor.Ingest([package], new IngestOptions());
        fromPackage.NoErrors();

        Assert.NotEmpty(fromScript.Model.Tables);
        // The install script's rows are not part of the package: only the schema is compared. Nor is whether a
        // foreign key is trusted: Northwind loads its rows between NOCHECK and CHECK CONSTRAINT ALL, which leaves
        // its keys untrusted, while a package holds no rows and a publish checks the keys it creates.
        Assert.Equal(Describe(fromScript.Model, rows: false, trust: false), Describe(fromPackage.Model, rows: false, trust: false));
    }

    /// <summary>A deployment script as SSDT stores it in the package: its :r includes spliced in, variables left as written.</summary>
    private static string? Inlined(IReadOnlyList<string> scripts)
    {
        if (scripts.Count == 0) return null;
        var text = new StringBuilder();
        foreach (var script in scripts) Inline(script, text);
        return text.ToString();
    }

    private static void Inline(string path, StringBuilder into)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            var include = IncludeLine().Match(line);
            if (!include.Success)
            {
                into.AppendLine(line);
                continue;
            }
            var relative = include.Groups["path"].Value.Trim().Trim('"').Replace('\\', Path.DirectorySeparatorChar);
            Inline(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, relative)), into);
        }
    }

    [GeneratedRegex(@"^\s*:r\s+(?<path>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IncludeLine();

    /// <summary>
    /// The model as text, each table's constraints sorted (a package keeps no statement order), locations
    /// left out (a package keeps none), and each type with T-SQL's default size left out (datetime2 is
    /// datetime2(7): a package always gives the size, a script only where written).
    /// </summary>
    internal static string Describe(SchemaModel model, bool rows = true, bool trust = true)
    {
        var text = new StringBuilder();
        foreach (var table in model.Tables.OrderBy(t => t.Name.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            text.AppendLine($"table {table.Name} {table.Kind}{(rows ? $" rows={table.Data?.RowCount ?? 0}" : "")}");
            foreach (var c in table.Columns)
                text.AppendLine($"  column {c.Name} {Type(c.Type)}{(c.IsNullable ? " NULL" : " NOT NULL")}" +
                                (c.IsIdentity ? $" IDENTITY({c.IdentitySeed},{c.IdentityIncrement})" : "") +
                                (c.ComputedExpression is { } e ? $" AS {e}{(c.IsPersisted ? " PERSISTED" : "")}" : "") +
                                (c.DefaultExpression is { } d ? $" DEFAULT {d}" : ""));
            if (table.PrimaryKey is { } pk) text.AppendLine($"  primary key {pk.Name} ({string.Join(", ", pk.Columns)}){(pk.IsClustered ? " CLUSTERED" : "")}");
            var lines = new List<string>();
            lines.AddRange(table.UniqueConstraints.Select(u => $"  unique {u.Name} ({string.Join(", ", u.Columns)}){(u.IsClustered ? " CLUSTERED" : "")}"));
            lines.AddRange(table.UniqueIndexes.Select(i => $"  unique index {i.Name} ({string.Join(", ", i.Columns)}){(i.Filter is { } f ? " WHERE " + f : "")}"));
            lines.AddRange(table.ForeignKeys.Select(f => $"  foreign key {f.Name} ({string.Join(", ", f.Columns)}) REFERENCES {f.ReferencedTable} " +
                                                         $"({string.Join(", ", ReferencedColumns(model, f))}){(f.IsTrusted || !trust ? "" : " NOCHECK")}"));
            lines.AddRange(table.CheckConstraints.Select(c => $"  check {c.Name} {c.Expression}"));
            foreach (var line in lines.Order(StringComparer.Ordinal)) text.AppendLine(line);
        }
        return text.ToString();
    }

    /// <summary>REFERENCES T without columns means T's primary key, which is what a package records.</summary>
    private static IReadOnlyList<string> ReferencedColumns(SchemaModel model, ForeignKey fk) =>
        fk.ReferencedColumns.Count > 0 ? fk.ReferencedColumns : model.Find(fk.ReferencedTable)?.PrimaryKey?.Columns ?? [];

    private static string Type(SqlType type)
    {
        var plain = type.Name switch
        {
            "time" or "datetime2" or "datetimeoffset" when type.Scale == 7 => type with { Scale = null },
            "float" when type.Precision == 53 => type with { Precision = null },
            _ => type,
        };
        return plain + (type.Alias is { } alias ? $" alias {alias}" : "") + (type.Collation is { } collation ? $" COLLATE {collation}" : "");
    }
}
