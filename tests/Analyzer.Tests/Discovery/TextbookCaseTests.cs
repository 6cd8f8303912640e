using System.Text.Json;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The textbook cases that carry sample rows: discovery finds the dependencies their verification lists.</summary>
public class TextbookCaseTests
{
    private static JsonElement Case(string id)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Cases));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }

    public static TheoryData<string> CasesWithMinimalFds()
    {
        var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Cases));
        var data = new TheoryData<string>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            if (c.TryGetProperty("sampleData", out var s) && s.TryGetProperty("verification", out var v) &&
                v.TryGetProperty("minimalFDsHoldingInData", out _))
                data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static CsvTable Rows(JsonElement c)
    {
        var d = new DiagnosticBag();
        var table = CsvReader.Parse(c.GetProperty("sampleData").GetProperty("csv").GetString()!, "case.csv", new CsvOptions { Delimiter = ',' }, d);
        Assert.False(d.HasErrors);
        return table!;
    }

    private static AttributeSet Columns(CsvTable t, JsonElement names) =>
        AttributeSet.Of(names.EnumerateArray().Select(n => t.Header.ToList().IndexOf(n.GetString()!)));

    [Theory]
    [MemberData(nameof(CasesWithMinimalFds))]
    public void Finds_exactly_the_minimal_fds_of_the_sample(string id)
    {
        var c = Case(id);
        var table = Rows(c);
        var expected = c.GetProperty("sampleData").GetProperty("verification").GetProperty("minimalFDsHoldingInData")
            .EnumerateArray()
            .SelectMany(fd => fd.GetProperty("rhs").EnumerateArray().Select(r =>
                (Columns(table, fd.GetProperty("lhs")), table.Header.ToList().IndexOf(r.GetString()!))))
            .Select(x => x.Item1 + "->" + x.Item2).Order().ToList();
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            var result = DependencyDiscovery.Discover(table.Data, new DiscoveryOptions { Strategy = strategy });
            Assert.Equal(expected, result.Fds.Select(f => f.Lhs + "->" + f.Rhs).Order().ToList());
        }
    }

    [Fact]
    public void Course_teacher_text_has_exactly_the_mvd_course_teacher()
    {
        var c = Case("Date_CTX");
        var table = Rows(c);
        var result = DependencyDiscovery.Discover(table.Data, new DiscoveryOptions { Mvds = true });
        var expected = c.GetProperty("sampleData").GetProperty("verification").GetProperty("nontrivialMVDsHoldingInData")
            .EnumerateArray().Select(m => (Columns(table, m.GetProperty("lhs")), Columns(table, m.GetProperty("rhs")), Columns(table, m.GetProperty("complement"))))
            .ToList();
        var found = result.Mvds.Select(m => (m.Lhs, m.Rhs, m.Complement)).ToList();
        // One MVD per complementary pair: compare as {lhs, {rhs, complement}}.
        static string Key((AttributeSet l, AttributeSet r, AttributeSet c) m) =>
            m.l + ":" + string.Join("|", new[] { m.r.ToString(), m.c.ToString() }.Order());
        Assert.Equal(expected.Select(Key).Order(), found.Select(Key).Order());
        Assert.Single(found);
        Assert.Empty(result.Fds);
    }

    [Fact]
    public void Supplier_part_project_has_its_join_dependency_and_no_mvd()
    {
        var c = Case("Date_SPJ");
        var table = Rows(c);
        var result = DependencyDiscovery.Discover(table.Data, new DiscoveryOptions { Mvds = true, Jds = true });
        Assert.Empty(result.Fds);
        Assert.Empty(result.Mvds);
        var stated = c.GetProperty("jds").EnumerateArray().Single().EnumerateArray().Select(comp => Columns(table, comp)).ToList();
        var jd = Assert.Single(result.Jds);
        Assert.Equal(new JoinDependency(stated), jd.ToDependency());
        Assert.True(BruteForce.JdHolds(table.Data, jd.Components));
    }
}
