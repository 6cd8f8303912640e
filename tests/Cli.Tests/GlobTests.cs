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

    [Fact]
    public void Stars_that_cannot_match_fail_without_trying_every_split()
    {
        // Exponential for a matcher that retries every star: finished here in one pass per star.
        var name = new string('a', 60);
        Assert.False(new Glob("*a*a*a*a*a*a*a*a*a*a*a*a*b", '.', ignoreCase: true).Matches(name));
        Assert.False(new Glob(string.Join("/", Enumerable.Repeat("**/a", 12)) + "/b", '/', ignoreCase: false)
            .Matches(string.Join("/", Enumerable.Repeat("a", 60))));
        Assert.True(new Glob("*a*a*a*a*a*a*a*a*a*a*a*a*", '.', ignoreCase: true).Matches(name));
    }

    [Fact]
    public void Matches_as_a_regular_expression_does_on_random_patterns()
    {
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++)
        {
            var pattern = RandomText(random, "ab*?", 6);
            var text = RandomText(random, "abAB", 7);
            var regex = "^" + string.Concat(pattern.Select(c => c switch { '*' => "[^/]*", '?' => "[^/]", _ => c.ToString() })) + "$";
            bool expected = System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.True(expected == new Glob(pattern, '/', ignoreCase: true).Matches(text), $"'{pattern}' against '{text}'");
        }
    }

    [Fact]
    public void Double_star_segments_match_as_a_regular_expression_does_on_random_paths()
    {
        var random = new Random(11);
        for (int i = 0; i < 5_000; i++)
        {
            var segments = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(4) switch { 0 => "**", 1 => "a*", 2 => "?", _ => "b" }).ToList();
            var path = string.Join("/", Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomText(random, "ab", 2) is { Length: > 0 } s ? s : "a"));
            // Each segment with the '/' after it; "**" is any number of whole segments.
            var regex = "^" + string.Concat(segments.Select(g => g == "**"
                ? "([^/]+/)*"
                : string.Concat(g.Select(c => c switch { '*' => "[^/]*", '?' => "[^/]", _ => c.ToString() })) + "/")) + "$";
            bool expected = System.Text.RegularExpressions.Regex.IsMatch(path + "/", regex);
            Assert.True(expected == new Glob(string.Join("/", segments), '/', ignoreCase: false).Matches(path), $"'{string.Join("/", segments)}' against '{path}' ({regex})");
        }
    }

    private static string RandomText(Random random, string alphabet, int maxLength) =>
        new(Enumerable.Range(0, random.Next(maxLength + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
}
