using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Config;

namespace SchemaNorm.Cli.Tests;

public class GlobTests
{
    [Theory]
    [InlineData("db/*.sql", "db/a.sql", true)]
    [InlineData("db/*.sql", "db/sub/a.sql", false)]
    [InlineData("db/**/*.sql", "db/a.sql", true)]
    [InlineData("db/**/*.sql", "db/x/y/a.sql", true)]
    [InlineData("db/**", "db/x/y/a.sql", true)]
    [InlineData("**/legacy/**", "a/legacy/b/c.sql", true)]
    [InlineData("db/?.sql", "db/a.sql", true)]
    [InlineData("db/?.sql", "db/ab.sql", false)]
    [InlineData("db/*.sql", "DB/a.sql", false)]
    [InlineData("*x*y*", "axbyc", true)]
    [InlineData("*x*y", "axbyc", false)]
    public void File_globs(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new Glob(pattern, '/', ignoreCase: false).Matches(path));

    [Theory]
    [InlineData("legacy", "db/legacy/a.sql", false)]
    [InlineData("*.csv", "data/x/orders.csv", false)]
    [InlineData("db/legacy/**", "db/legacy/a.sql", false)]
    [InlineData("db/*.sql", "db/a.sql", false)]
    [InlineData("db/*.sql", "db/b/a.sql", true)]
    [InlineData("legacy", "db/legacyX/a.sql", true)]
    public void A_file_exclude_glob_without_a_slash_matches_a_name_at_any_depth(string exclude, string path, bool kept)
    {
        var root = Path.GetFullPath("/repo");
        var filter = new GlobFilter([], [new Glob(exclude, '/', ignoreCase: false)]);
        Assert.Equal(kept, filter.KeepsFile(Path.Combine(root, path), root));
    }

    [Theory]
    [InlineData("dbo.Audit*", "dbo", "AuditLog", true)]
    [InlineData("dbo.Audit*", "sales", "AuditLog", false)]
    [InlineData("Audit*", "sales", "auditlog", true)]
    [InlineData("*.*", "x", "y", true)]
    [InlineData("staging.*", "STAGING", "Load", true)]
    [InlineData("Orders", null, "orders", true)]
    public void Table_globs(string pattern, string? schema, string name, bool matches)
    {
        var filter = new GlobFilter([new Glob(pattern, '.', ignoreCase: true)], []);
        Assert.Equal(matches, filter.KeepsTable(new QualifiedName(schema, name)));
    }

    [Fact]
    public void Include_and_exclude_together()
    {
        var filter = new GlobFilter([new Glob("dbo.*", '.', true)], [new Glob("*Audit", '.', true)]);
        Assert.True(filter.KeepsTable(new QualifiedName("dbo", "Orders")));
        Assert.False(filter.KeepsTable(new QualifiedName("dbo", "OrdersAudit")));
        Assert.False(filter.KeepsTable(new QualifiedName("sales", "Orders")));
    }
}
