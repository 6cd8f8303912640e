using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis;

/// <summary>Builds a table in code the way ingest would leave it: columns, keys, FKs, annotations, rows.</summary>
internal sealed class TableBuilder
{
    private readonly Table _table;
    private int _line = 1;

    public TableBuilder(string name, params string[] columns)
    {
        _table = new Table(QualifiedName.Parse(name), new SourceLocation("test.sql", _line++, 1));
        foreach (var c in columns) Column(c);
    }

    public Table Table => _table;

    public SourceLocation Next() => new("test.sql", _line++, 1);

    public TableBuilder Column(string name, SqlType? type = null, bool nullable = true, string? defaultExpression = null, bool identity = false)
    {
        _table.Columns.Add(new Column(name, type ?? new SqlType("nvarchar", Length: 50), Next())
        {
            IsNullable = nullable,
            DefaultExpression = defaultExpression,
            IsIdentity = identity,
        });
        return this;
    }

    public TableBuilder PrimaryKey(params string[] columns)
    {
        _table.PrimaryKey = new KeyConstraint("PK_" + _table.Name.Name, true, columns, Next());
        return this;
    }

    public TableBuilder Unique(params string[] columns)
    {
        _table.UniqueConstraints.Add(new KeyConstraint("UQ_" + string.Join("_", columns), false, columns, Next()));
        return this;
    }

    public TableBuilder UniqueIndex(string? filter, params string[] columns)
    {
        _table.UniqueIndexes.Add(new UniqueIndex("IX_" + string.Join("_", columns), columns, filter, Next()));
        return this;
    }

    public TableBuilder ForeignKey(string referenced, string[] columns, string[]? referencedColumns = null)
    {
        _table.ForeignKeys.Add(new ForeignKey("FK_" + _table.Name.Name + "_" + referenced, columns, QualifiedName.Parse(referenced), referencedColumns ?? [], Next()));
        return this;
    }

    /// <summary>"A, B -> C, D" (fd), "A ->> B" (mvd), "(A, B), (B, C), (A, C)" (jd).</summary>
    public TableBuilder Declare(string text) => Annotate(Annotation(text, Next()));

    public TableBuilder Annotate(DependencyAnnotation annotation)
    {
        _table.Annotations.Add(annotation);
        return this;
    }

    public static DependencyAnnotation Annotation(string text, SourceLocation location)
    {
        static List<string> Names(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (text.Contains("->>"))
        {
            var parts = text.Split("->>");
            return new DependencyAnnotation(DependencyKind.Mvd, Names(parts[0]), Names(parts[1]), [], location);
        }
        if (text.Contains("->"))
        {
            var parts = text.Split("->");
            return new DependencyAnnotation(DependencyKind.Fd, Names(parts[0]), Names(parts[1]), [], location);
        }
        var components = text.Split(')', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Trim().TrimStart(',').Trim().TrimStart('('))
            .Where(c => c.Length > 0)
            .Select(c => (IReadOnlyList<string>)Names(c))
            .ToList();
        return new DependencyAnnotation(DependencyKind.Jd, [], [], components, location);
    }

    /// <summary>Sample rows, one string per column (null for NULL), read with each column's value semantics.</summary>
    public TableBuilder Rows(params string?[][] rows)
    {
        var b = new TableDataBuilder(_table.ColumnNames, _table.Columns.Select(c => ValueSemantics.For(c.Type)).ToList());
        foreach (var r in rows) b.AddRow(r);
        _table.Data = b.Build();
        return this;
    }

    public Table Build() => _table;

    public static SchemaModel Model(params Table[] tables)
    {
        var m = new SchemaModel();
        foreach (var t in tables) m.Add(t);
        return m;
    }

    /// <summary>Analyses one table on its own (or within the given model).</summary>
    public static TableAnalysis Analyze(Table table, AnalysisOptions? options = null, DiagnosticBag? diagnostics = null, SchemaModel? model = null)
    {
        model ??= Model(table);
        return SchemaAnalyzer.AnalyzeTable(model, table, options ?? AnalysisOptions.Default, diagnostics ?? new DiagnosticBag());
    }

    public TableAnalysis Analyze(AnalysisOptions? options = null, DiagnosticBag? diagnostics = null) => Analyze(_table, options, diagnostics);
}
