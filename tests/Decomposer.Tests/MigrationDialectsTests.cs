using SchemaNorm.Databases.Common;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>--dialect's help and usage are read from the dialect table, so a new dialect is one row.</summary>
public class MigrationDialectsTests
{
    private static MigrationDialect Dialect(string name, string description) =>
        new(name, [], description, () => throw new InvalidOperationException("not run"));

    [Fact]
    public void The_help_lists_each_dialect_with_its_description_the_first_as_default()
    {
        Assert.Equal("tsql (SQL Server, default) or postgres (PostgreSQL; schema dbo becomes public)", MigrationDialects.Described);
        Assert.Equal("tsql|postgres", MigrationDialects.Choices);
    }

    [Fact]
    public void One_dialect_or_three_read_as_a_sentence()
    {
        Assert.Equal("a (A, default)", MigrationDialects.Describe([Dialect("a", "A")]));
        Assert.Equal("a (A, default), b (B) or c (C)", MigrationDialects.Describe([Dialect("a", "A"), Dialect("b", "B"), Dialect("c", "C")]));
    }

    [Fact]
    public void Every_dialect_of_the_table_answers_to_its_names()
    {
        foreach (var d in MigrationDialects.All)
            foreach (var name in d.Aliases.Prepend(d.Name))
                Assert.Same(d, MigrationDialects.Named(name));
        Assert.IsAssignableFrom<IMigrationEmitter>(MigrationDialects.Named("postgresql").Emitter());
    }
}
