using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Tables;

public class TableKeysTests
{
    private static readonly SourceLocation At = new("t.sql", 1, 1);

    private static Table Table(params string[] columns)
    {
        var t = new Table(new QualifiedName("dbo", "T"), At);
        foreach (var c in columns) t.Columns.Add(new Column(c, new SqlType("int"), At));
        return t;
    }

    [Fact]
    public void Declared_keys_are_the_primary_key_then_unique_constraints_then_unfiltered_unique_indexes()
    {
        var t = Table("A", "B", "C", "D");
        t.UniqueIndexes.Add(new UniqueIndex("IX_C", ["C"], null, At));
        t.UniqueConstraints.Add(new KeyConstraint("UQ_B", false, ["B"], At));
        t.PrimaryKey = new KeyConstraint("PK", true, ["A"], At);
        t.UniqueIndexes.Add(new UniqueIndex("IX_D", ["D"], "D IS NOT NULL", At));

        Assert.Equal([AttributeSet.Of(0), AttributeSet.Of(1), AttributeSet.Of(2)], t.DeclaredKeys);
        Assert.Equal([AttributeSet.Of(0), AttributeSet.Of(1)], t.KeyConstraints);
    }

    [Fact]
    public void A_key_declared_twice_counts_once_and_one_naming_a_missing_column_not_at_all()
    {
        var t = Table("A", "B");
        t.PrimaryKey = new KeyConstraint("PK", true, ["A", "B"], At);
        t.UniqueIndexes.Add(new UniqueIndex("IX_BA", ["[b]", "a"], null, At));
        t.UniqueConstraints.Add(new KeyConstraint(null, false, ["A", "Gone"], At));

        Assert.Equal([AttributeSet.Of(0, 1)], t.DeclaredKeys);
    }

    [Fact]
    public void Column_sets_match_names_as_identifiers_do()
    {
        var t = Table("Id", "Name", "City");

        Assert.Equal(AttributeSet.Of(0, 2), t.ColumnSet(["[CITY]", "id"]));
        Assert.Null(t.ColumnSet(["Id", "Zip"]));
        Assert.Equal(AttributeSet.Empty, t.ColumnSet([]));
        Assert.Equal(AttributeSet.Of(0), t.ColumnsAmong(["Zip", "ID"]));
    }
}
