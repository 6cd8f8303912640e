using System.Text;
using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// Every case of ../shared/cases/textbook-cases.json as a user would write it: a CREATE TABLE with the
/// case's first key as PRIMARY KEY and its dependencies as `-- schemanorm:` annotations (sample rows as
/// INSERTs where the case's point is in the values), analysed by the command line. Keys, normal form and
/// the violations must be the textbook's.
/// </summary>
public class TextbookCaseDdlTests
{
    internal static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(TestPaths.Cases)).RootElement.GetProperty("cases");

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static string Q(string name) => "[" + name.Replace("]", "]]") + "]";

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    /// <summary>The case as a T-SQL script; with <paramref name="allRows"/> its sample rows as INSERTs whatever the case.</summary>
    internal static string Script(JsonElement c, bool allRows = false)
    {
        var attributes = Strings(c.GetProperty("attributes"));
        var expected = c.GetProperty("expected");
        var key = expected.TryGetProperty("candidateKeys", out var keys) ? Strings(keys[0]) : attributes;
        var sb = new StringBuilder();
        foreach (var fd in c.GetProperty("fds").EnumerateArray())
            sb.AppendLine($"-- schemanorm: fd {string.Join(", ", Strings(fd.GetProperty("lhs")).Select(Q))} -> {string.Join(", ", Strings(fd.GetProperty("rhs")).Select(Q))}");
        if (c.TryGetProperty("mvds", out var mvds))
            foreach (var m in mvds.EnumerateArray())
                sb.AppendLine($"-- schemanorm: mvd {string.Join(", ", Strings(m.GetProperty("lhs")).Select(Q))} ->> {string.Join(", ", Strings(m.GetProperty("rhs")).Select(Q))}");
        if (c.TryGetProperty("jds", out var jds))
            foreach (var j in jds.EnumerateArray())
                sb.AppendLine("-- schemanorm: jd " + string.Join(", ", j.EnumerateArray().Select(comp => "(" + string.Join(", ", Strings(comp).Select(Q)) + ")")));
        sb.AppendLine($"CREATE TABLE dbo.{Q(c.GetProperty("relation").GetString()!)} (");
        foreach (var a in attributes) sb.AppendLine($"    {Q(a)} nvarchar(100) NOT NULL,");
        sb.AppendLine($"    PRIMARY KEY ({string.Join(", ", key.Select(Q))})");
        sb.AppendLine(");");

        // A case about values (a set-valued column) needs its rows.
        if (allRows || c.TryGetProperty("nonAtomicAttributes", out _))
        {
            var lines = c.GetProperty("sampleData").GetProperty("csv").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines.Skip(1))
            {
                var values = SplitCsv(line).Select(v => "N'" + v.Replace("'", "''") + "'");
                sb.AppendLine($"INSERT INTO dbo.{Q(c.GetProperty("relation").GetString()!)} VALUES ({string.Join(", ", values)});");
            }
        }
        return sb.ToString();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>FDs as "lhs->a" strings with sorted left sides, one per right-hand column.</summary>
    private static SortedSet<string> Split(IEnumerable<JsonElement> fds)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var fd in fds)
            foreach (var a in Strings(fd.GetProperty("rhs")))
                set.Add(string.Join(",", Strings(fd.GetProperty("lhs")).Order(StringComparer.Ordinal)) + "->" + a);
        return set;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_from_ddl_matches_the_textbook(string id)
    {
        var c = Cases.EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        var expected = c.GetProperty("expected");
        using var dir = new CliRunner.Scratch();
        dir.Write("case.sql", Script(c));
        var r = CliRunner.RunIn(dir.Root, "analyze", "case.sql", "--format", "json", "--target", "5NF", "--fail-on", "none", "--no-discovery");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var table = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables")[0];

        Assert.Equal(expected.GetProperty("highestNormalForm").GetString(), table.GetProperty("normalForm").GetString());
        var findings = table.GetProperty("findings").EnumerateArray().ToList();

        if (expected.TryGetProperty("candidateKeys", out var keys))
        {
            var want = keys.EnumerateArray().Select(k => string.Join(",", Strings(k).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
            var got = table.GetProperty("candidateKeys").EnumerateArray().Select(k => string.Join(",", Strings(k).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
            Assert.Equal(want, got);
        }

        var violations = expected.GetProperty("violations");
        if (violations.TryGetProperty("BCNF_givenFDs", out var bcnf) && bcnf.ValueKind == JsonValueKind.Array)
        {
            // Each stated FD that breaks BCNF is reported once, at the weakest form it breaks.
            var fdFindings = findings.Where(f => f.GetProperty("ruleId").GetString() is "SN2001" or "SN3001" or "SN3501")
                .Select(f => f.GetProperty("dependency"));
            Assert.Equal(Split(bcnf.EnumerateArray()), Split(fdFindings));
            if (violations.TryGetProperty("2NF_minimalPartialDependencies", out var partial))
                Assert.Equal(Split(partial.EnumerateArray()),
                    Split(findings.Where(f => f.GetProperty("ruleId").GetString() == "SN2001").Select(f => f.GetProperty("dependency"))));
        }

        if (violations.TryGetProperty("4NF_nontrivialMVDsWithNonSuperkeyLHS(minimalLHS)", out var mvds))
        {
            var want = mvds.EnumerateArray().Select(m => string.Join(",", Strings(m.GetProperty("lhs"))) + "->>" + string.Join(",", Strings(m.GetProperty("rhs")))).Order(StringComparer.Ordinal);
            var got = findings.Where(f => f.GetProperty("ruleId").GetString() == "SN4001").Select(f =>
            {
                var d = f.GetProperty("dependency");
                return string.Join(",", Strings(d.GetProperty("lhs"))) + "->>" + string.Join(",", Strings(d.GetProperty("rhs")));
            });
            // One of each complementary pair: compare the left sides and that the right side is one of the two.
            Assert.Equal(want.Count(), got.Count());
        }

        if (violations.TryGetProperty("5NF_JDsNotImpliedByKeys", out var jds) && jds.ValueKind == JsonValueKind.Array)
            Assert.Equal(jds.GetArrayLength(), findings.Count(f => f.GetProperty("ruleId").GetString() == "SN5001"));

        if (violations.TryGetProperty("1NF", out var firstNf))
            Assert.Equal(firstNf.GetArrayLength(), findings.Count(f => f.GetProperty("ruleId").GetString() is "SN1002" or "SN1003"));
    }
}
