using Npgsql;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// 2,000 staff rows where dept -> dept_name holds except in two planted groups, both after row 100;
/// zip -> city holds; bonus and grade hold NULLs on both sides. A table whose names try to break out of
/// their quotes, and an empty table.
/// </summary>
public sealed class StaffDatabase() : PostgresDatabase("""
    CREATE TABLE staff (
        id int PRIMARY KEY,
        dept int NOT NULL,
        dept_name text NOT NULL,
        zip text NOT NULL,
        city text NOT NULL,
        grade int,
        bonus int
    );
    INSERT INTO staff
    SELECT i, i % 20, 'dept ' || (i % 20), 'z' || (i % 50), 'city ' || ((i % 50) / 5),
           CASE WHEN i % 7 = 0 THEN NULL ELSE i % 4 END,
           CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 4) * 100 + (i % 3) END
    FROM generate_series(1, 2000) i;
    -- planted: dept 7 has three rows named 'Other' (one group), dept 9 one row named 'X'
    UPDATE staff SET dept_name = 'Other' WHERE id IN (507, 527, 1207);
    UPDATE staff SET dept_name = 'X' WHERE id = 1809;

    CREATE TABLE "we""ird; DROP TABLE staff; --" ("a]b" int, "Sel""ect" text, "x y" text);
    INSERT INTO "we""ird; DROP TABLE staff; --" VALUES (1, 'p', 'q'), (1, 'p', 'r'), (2, 's', 't');
    CREATE TABLE empty_table (a int, b int);
    CREATE TABLE nulls_demo (id int PRIMARY KEY, a int, b int);
    INSERT INTO nulls_demo VALUES (1, 1, NULL), (2, 1, NULL), (3, NULL, 5), (4, NULL, 6), (5, 2, 3), (6, 2, 3);
    CREATE TABLE docs (id int PRIMARY KEY, tag text, body json);
    INSERT INTO docs VALUES (1, 't', '{"a": 1}'), (2, 't', '{"a": 1}'), (3, 'u', '{"a": 2}'), (4, 'u', '{"a":2}');
    """);

public class PostgresDependencyCheckTests(StaffDatabase db) : IClassFixture<StaffDatabase>
{
    private LiveDatabase Open() => LiveDatabase.Open(ConnectionTarget.Parse(db.ConnectionString));

    private static SchemaModel Model(LiveDatabase live, int sampleRows = 100) =>
        LiveModelLoader.Load(live, new LiveSettings { Target = live.Target, SampleRows = sampleRows }, new DiagnosticBag());

    [PostgresFact]
    public void Planted_violations_are_counted_on_all_rows()
    {
        using var live = Open();
        var staff = Model(live).Find("public.staff")!;
        var r = LiveDependencyCheck.Check(live, staff, ["dept"], ["dept_name"]);
        Assert.Equal(2000, r.Rows);
        Assert.Equal(20, r.LhsGroups);
        Assert.Equal(2, r.ViolatingGroups);
        Assert.Equal(200, r.RowsInViolatingGroups);  // each dept has 100 rows
        Assert.Equal(4, r.RowsToDelete);             // 3 'Other' + 1 'X'
        Assert.Equal(4 / 2000.0, r.Error);
        Assert.False(r.Holds);

        var holds = LiveDependencyCheck.Check(live, staff, ["zip"], ["city"]);
        Assert.True(holds.Holds);
        Assert.Equal(0, holds.ViolatingGroups);
        Assert.Equal(50, holds.LhsGroups);
        Assert.Empty(holds.Examples);
    }

    [PostgresFact]
    public void The_largest_violating_groups_come_back_as_examples()
    {
        using var live = Open();
        var staff = Model(live).Find("public.staff")!;
        var r = LiveDependencyCheck.Check(live, staff, ["dept"], ["dept_name"], examples: 5);
        Assert.Equal(2, r.Examples.Count);
        var first = r.Examples[0];
        Assert.Equal(["7"], first.LhsValues);
        Assert.Equal(100, first.Rows);
        Assert.Equal(2, first.RhsValues.Count);
        Assert.Equal(["dept 7"], first.RhsValues[0].Values);
        Assert.Equal(97, first.RhsValues[0].Rows);
        Assert.Equal(["Other"], first.RhsValues[1].Values);
        Assert.Equal(3, first.RhsValues[1].Rows);
        Assert.Equal(["9"], r.Examples[1].LhsValues);

        Assert.Single(LiveDependencyCheck.Check(live, staff, ["dept"], ["dept_name"], examples: 1).Examples);
        Assert.Empty(LiveDependencyCheck.Check(live, staff, ["dept"], ["dept_name"], examples: 0).Examples);
    }

    public static TheoryData<string[], string[], NullSemantics> Dependencies()
    {
        var data = new TheoryData<string[], string[], NullSemantics>();
        string[][] lhs = [[], ["dept"], ["zip"], ["city"], ["grade"], ["bonus"], ["dept", "zip"], ["grade", "bonus"], ["id"]];
        string[][] rhs = [["dept_name"], ["city"], ["zip"], ["grade"], ["bonus"], ["dept_name", "grade"]];
        foreach (var nulls in new[] { NullSemantics.Equal, NullSemantics.Distinct })
            foreach (var l in lhs)
                foreach (var r in rhs)
                    if (!r.Intersect(l).Any()) data.Add(l, r, nulls);
        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(Dependencies))]
    public void The_server_counts_what_a_naive_count_of_all_rows_gives(string[] lhs, string[] rhs, NullSemantics nulls)
    {
        using var live = Open();
        var staff = Model(live, sampleRows: 0).Find("public.staff")!;
        var r = LiveDependencyCheck.Check(live, staff, lhs, rhs, nulls, examples: 0);
        var expected = Naive(AllRows(staff), lhs.Select(staff.IndexOf).ToArray(), rhs.Select(staff.IndexOf).ToArray(), nulls);
        Assert.Equal(expected, (r.Rows, r.LhsGroups, r.ViolatingGroups, r.RowsInViolatingGroups, r.RowsToDelete));
    }

    [PostgresFact]
    public void NULLs_are_one_value_or_each_their_own_as_asked()
    {
        using var live = Open();
        var table = Model(live).Find("public.nulls_demo")!;
        // Equal: a=1 holds (NULL = NULL); a=NULL has 5 and 6; a=2 holds.
        var equal = LiveDependencyCheck.Check(live, table, ["a"], ["b"], NullSemantics.Equal);
        Assert.Equal((6L, 3L, 1L, 2L, 1L), (equal.Rows, equal.LhsGroups, equal.ViolatingGroups, equal.RowsInViolatingGroups, equal.RowsToDelete));
        Assert.Equal([null], equal.Examples[0].LhsValues);
        // Distinct: a=1 has two different NULLs; each row with a NULL a is alone; a=2 holds.
        var distinct = LiveDependencyCheck.Check(live, table, ["a"], ["b"], NullSemantics.Distinct);
        Assert.Equal((6L, 4L, 1L, 2L, 1L), (distinct.Rows, distinct.LhsGroups, distinct.ViolatingGroups, distinct.RowsInViolatingGroups, distinct.RowsToDelete));
        Assert.Equal(["1"], distinct.Examples[0].LhsValues);
        var nullRows = Assert.Single(distinct.Examples[0].RhsValues); // two NULLs, each a value of its own
        Assert.Equal([null], nullRows.Values);
        Assert.Equal(2, nullRows.Rows);
    }

    [PostgresFact]
    public void An_empty_left_side_asks_whether_the_column_is_constant()
    {
        using var live = Open();
        var staff = Model(live).Find("public.staff")!;
        var r = LiveDependencyCheck.Check(live, staff, [], ["dept"]);
        Assert.Equal((2000L, 1L, 1L, 2000L, 1900L), (r.Rows, r.LhsGroups, r.ViolatingGroups, r.RowsInViolatingGroups, r.RowsToDelete));
        Assert.Empty(r.Examples[0].LhsValues);
        Assert.Equal(20, r.Examples[0].RhsValues.Count);
    }

    [PostgresFact]
    public void An_empty_table_holds_every_dependency()
    {
        using var live = Open();
        var table = Model(live).Find("public.empty_table")!;
        foreach (var lhs in new[] { Array.Empty<string>(), ["a"] })
        {
            var r = LiveDependencyCheck.Check(live, table, lhs, ["b"]);
            Assert.Equal((0L, 0L, 0L, 0L), (r.Rows, r.LhsGroups, r.ViolatingGroups, r.RowsToDelete));
            Assert.True(r.Holds);
            Assert.Equal(0, r.Error);
        }
    }

    [PostgresFact]
    public void Types_without_equality_are_grouped_by_their_text()
    {
        using var live = Open();
        var docs = Model(live).Find("public.docs")!;
        var r = LiveDependencyCheck.Check(live, docs, ["tag"], ["body"]);
        Assert.Equal(1, r.ViolatingGroups); // json keeps its spelling: {"a":2} is not {"a": 2} as text
        Assert.Equal(["u"], r.Examples[0].LhsValues);
        Assert.True(LiveDependencyCheck.Check(live, docs, ["body"], ["tag"]).Holds);
    }

    [PostgresFact]
    public void Names_are_quoted_so_that_none_can_break_out()
    {
        using var live = Open();
        var model = Model(live);
        var weird = model.Find(new QualifiedName("public", "we\"ird; DROP TABLE staff; --"))!;
        Assert.Equal(["a]b", "Sel\"ect", "x y"], weird.ColumnNames);
        Assert.Equal(3, weird.Data!.RowCount);
        Assert.True(LiveDependencyCheck.Check(live, weird, ["a]b"], ["Sel\"ect"]).Holds);
        var r = LiveDependencyCheck.Check(live, weird, ["a]b"], ["x y"]);
        Assert.Equal(1, r.ViolatingGroups);
        Assert.Equal(2000L, db.Scalar<long>("SELECT count(*) FROM staff"));
    }

    [PostgresFact]
    public void Unknown_columns_are_refused_before_any_query()
    {
        using var live = Open();
        var staff = Model(live).Find("public.staff")!;
        Assert.Throws<ArgumentException>(() => LiveDependencyCheck.Check(live, staff, ["dept"], ["nope"]));
        Assert.Throws<ArgumentException>(() => LiveDependencyCheck.Check(live, staff, ["dept"], []));
    }

    [PostgresFact]
    public void Dependencies_found_in_a_sample_are_kept_or_rejected_on_all_rows()
    {
        using var live = Open();
        var staff = Model(live, sampleRows: 100).Find("public.staff")!;
        Assert.Equal(100, staff.Data!.RowCount); // the first 100 ids: before every planted row
        var deptName = DataFd(staff, ["dept"], "dept_name");
        var zipCity = DataFd(staff, ["zip"], "city");
        var key = TableDependency.Functional(new FunctionalDependency(AttributeSet.Single(0), AttributeSet.Range(7)), DependencySource.Key);

        var full = new FullTableEvidence(live);
        var kept = full.Confirm(staff, [key, deptName, zipCity]);

        Assert.Equal(2, kept.Count);
        Assert.Same(key, kept[0]);
        var checkedZip = kept[1];
        Assert.Equal(zipCity.Fd, checkedZip.Fd);
        Assert.Equal(DependencySource.Data, checkedZip.Source);
        Assert.Equal(2000, checkedZip.Evidence!.SupportRows);
        Assert.Equal(0, checkedZip.Evidence.Error);

        Assert.Equal(2, full.Figures.Count);
        var rejected = full.Figures[0];
        Assert.False(rejected.Kept);
        Assert.Equal(100, rejected.Sample!.SupportRows);
        Assert.Equal(2, rejected.Full.ViolatingGroups);
        Assert.Equal("dept -> dept_name: sample 100 rows, holds; all 2,000 rows: 2 violating groups (200 rows), error 0.2% — rejected", rejected.Describe());
        Assert.Equal("zip -> city: sample 100 rows, holds; all 2,000 rows: holds", full.Figures[1].Describe());
        Assert.Contains("dept -> dept_name", full.Describe(staff));

        // As the JSON report writes them.
        var written = System.Text.Json.JsonSerializer.Serialize(SchemaNorm.Cli.Output.AnalysisJsonWriter.FullTableChecks(full, staff),
            SchemaNorm.Cli.Output.Json.ReportJsonContext.Default.ListFullTableCheckJson);
        using var json = System.Text.Json.JsonDocument.Parse(written);
        var first = json.RootElement[0];
        Assert.Equal("dept", first.GetProperty("lhs")[0].GetString());
        Assert.Equal("dept_name", first.GetProperty("rhs")[0].GetString());
        Assert.False(first.GetProperty("kept").GetBoolean());
        Assert.Equal(100, first.GetProperty("sample").GetProperty("rows").GetInt32());
        Assert.Equal(2000, first.GetProperty("table").GetProperty("rows").GetInt64());
        Assert.Equal(2, first.GetProperty("table").GetProperty("violatingGroups").GetInt64());
        Assert.Equal(0.002, first.GetProperty("table").GetProperty("error").GetDouble(), 12);

        // Within --max-error an approximate dependency stays, with the full table's error.
        var lenient = new FullTableEvidence(live) { MaxError = 0.01 };
        var approx = Assert.Single(lenient.Confirm(staff, [deptName]));
        Assert.Equal(0.002, approx.Evidence!.Error, 12);
        Assert.Same(lenient.Check(staff, deptName.Lhs, deptName.Rhs), lenient.Check(staff, deptName.Lhs, deptName.Rhs));
    }

    [PostgresFact]
    public void The_analysis_holds_only_what_all_rows_confirm()
    {
        using var live = Open();
        var model = Model(live, sampleRows: 100);
        var staff = model.Find("public.staff")!;
        IReadOnlyList<TableDependency> FromSample(Table t) =>
            ReferenceEquals(t, staff) ? [DataFd(staff, ["dept"], "dept_name"), DataFd(staff, ["zip"], "city")] : [];

        var sampleOnly = SchemaAnalyzer.Analyze(model, AnalysisOptions.Default, new DiagnosticBag(), FromSample).Find(staff.Name)!;
        Assert.Contains(sampleOnly.Findings, f => f.Dependency?.Format(staff.ColumnNames) == "dept -> dept_name");

        var full = new FullTableEvidence(live);
        var analysis = SchemaAnalyzer.Analyze(model, AnalysisOptions.Default, new DiagnosticBag(), full.Confirming(FromSample)).Find(staff.Name)!;
        Assert.DoesNotContain(analysis.Dependencies, d => d.Format(staff.ColumnNames) == "dept -> dept_name");
        Assert.DoesNotContain(analysis.Findings, f => f.Dependency?.Format(staff.ColumnNames) == "dept -> dept_name");
        var zip = Assert.Single(analysis.Findings, f => f.Dependency?.Format(staff.ColumnNames) == "zip -> city");
        Assert.Equal(2000, zip.Dependency!.Evidence!.SupportRows);
    }

    private static TableDependency DataFd(Table table, string[] lhs, string rhs) =>
        TableDependency.Functional(
            new FunctionalDependency(AttributeSet.Of(lhs.Select(table.IndexOf)), table.IndexOf(rhs)),
            DependencySource.Data,
            evidence: new DataEvidence(table.Data!.RowCount, 0));

    private List<string?[]> AllRows(Table table)
    {
        var rows = new List<string?[]>();
        using var c = new NpgsqlConnection(db.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"SELECT {string.Join(", ", table.ColumnNames.Select(n => n + "::text"))} FROM staff", c);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray());
        return rows;
    }

    /// <summary>The figures by brute force: group the rows in memory.</summary>
    private static (long, long, long, long, long) Naive(List<string?[]> rows, int[] lhs, int[] rhs, NullSemantics nulls)
    {
        long groupsCount = 0, violating = 0, violatingRows = 0, toDelete = 0;
        var groups = new Dictionary<string, List<string?[]>>();
        foreach (var row in rows)
        {
            if (nulls == NullSemantics.Distinct && lhs.Any(c => row[c] is null))
            {
                groupsCount++; // alone in its group
                continue;
            }
            var key = string.Join("\u0001", lhs.Select(c => row[c] ?? "\u0000"));
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(row);
        }
        foreach (var group in groups.Values)
        {
            groupsCount++;
            var counts = new Dictionary<string, int>();
            int unique = 0;
            foreach (var row in group)
            {
                string value = nulls == NullSemantics.Distinct && rhs.Any(c => row[c] is null)
                    ? "\u0002" + unique++
                    : string.Join("\u0001", rhs.Select(c => row[c] ?? "\u0000"));
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
            if (counts.Count > 1)
            {
                violating++;
                violatingRows += group.Count;
            }
            toDelete += group.Count - counts.Values.Max();
        }
        return (rows.Count, groupsCount, violating, violatingRows, toDelete);
    }
}
