using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Bench.Analysis;

/// <summary>
/// Synthetic inputs for the analysis benchmarks, built from fixed seeds so that every run measures the
/// same work.
/// </summary>
public static class AnalysisWorkloads
{
    private static SourceLocation At(int line) => new("bench.sql", line, 1);

    /// <summary>Column names without digits (numbered names would be a repeating group, SN1002).</summary>
    private static string Name(int i) => "Col" + (char)('A' + i / 26) + (char)('a' + i % 26);

    /// <summary>
    /// One wide, denormalized table: 10 entities of 6 columns each (an id, a unique code, 4 attributes), so 60
    /// columns. Two entities are the table's dimensions (their ids together are the key; each code is an
    /// alternate for its id, which gives 4 candidate keys); every other entity hangs below one of the earlier
    /// ones (its id is determined by the parent's id), which gives partial and transitive dependencies. The
    /// 2,000 declared FDs are the entities' own FDs plus FDs they imply with extra columns on the left, as FD
    /// discovery and hand-written lists both tend to produce.
    /// </summary>
    public static Table WideTable(int entities = 10, int fdCount = 2000, int seed = 42)
    {
        const int width = 6;
        var rng = new Random(seed);
        int columns = entities * width;
        var t = new Table(new QualifiedName("dbo", "Wide"), At(1));
        for (int c = 0; c < columns; c++) t.Columns.Add(new Column(Name(c), new SqlType("int"), At(2 + c)));
        int Id(int e) => e * width;
        t.PrimaryKey = new KeyConstraint("PK_Wide", true, [Name(Id(0)), Name(Id(1))], At(1));

        var fds = new List<(List<int> Lhs, int Rhs)>();
        for (int e = 0; e < entities; e++)
        {
            for (int a = 1; a < width; a++) fds.Add(([Id(e)], Id(e) + a)); // id -> code, attributes
            fds.Add(([Id(e) + 1], Id(e)));                                   // code -> id
            if (e >= 2) fds.Add(([Id(rng.Next(0, e))], Id(e)));              // parent id -> child id
        }
        var basic = fds.ToList();
        while (fds.Count < fdCount)
        {
            var (lhs, rhs) = basic[rng.Next(basic.Count)];
            var wider = lhs.ToList();
            for (int k = rng.Next(1, 3); k > 0; k--)
            {
                int extra = rng.Next(columns);
                if (extra != rhs && !wider.Contains(extra)) wider.Add(extra);
            }
            fds.Add((wider, rhs));
        }
        int line = 100;
        foreach (var (lhs, rhs) in fds)
            t.Annotations.Add(new DependencyAnnotation(DependencyKind.Fd, lhs.Select(Name).ToList(), [Name(rhs)], [], At(line++)));
        return t;
    }

    /// <summary>
    /// A harder, less realistic table: 60 columns and 2,000 random FDs (1..3 earlier columns determine a later
    /// one) with a few FDs back to the first columns. So dense a set makes most single columns keys (tens of
    /// candidate keys) and leaves few violations, but every closure runs over long chains.
    /// </summary>
    public static Table DenseWideTable(int columns = 60, int fdCount = 2000, int backEdges = 6, int seed = 42)
    {
        var rng = new Random(seed);
        var t = new Table(new QualifiedName("dbo", "Dense"), At(1));
        for (int c = 0; c < columns; c++) t.Columns.Add(new Column(Name(c), new SqlType("int"), At(2 + c)));
        const int core = 4;
        t.PrimaryKey = new KeyConstraint("PK_Dense", true, Enumerable.Range(0, core).Select(Name).ToList(), At(1));
        int line = 100;
        for (int i = 0; i < fdCount - backEdges; i++)
        {
            int rhs = rng.Next(core, columns);
            var lhs = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(0, rhs)).Distinct().Select(Name).ToList();
            t.Annotations.Add(new DependencyAnnotation(DependencyKind.Fd, lhs, [Name(rhs)], [], At(line++)));
        }
        for (int i = 0; i < backEdges; i++)
            t.Annotations.Add(new DependencyAnnotation(DependencyKind.Fd, [Name(rng.Next(columns - 10, columns))], [Name(i % core)], [], At(line++)));
        return t;
    }

    /// <summary>
    /// A schema of <paramref name="tables"/> tables of 4..16 columns: a primary key, sometimes an alternate
    /// key, foreign keys to earlier tables with the occasional copied column (schema inference), a few
    /// declared FDs (some violating), a numbered column group now and then, and sample rows for one table in ten.
    /// </summary>
    public static SchemaModel Schema(int tables = 500, int seed = 7)
    {
        var rng = new Random(seed);
        var model = new SchemaModel();
        var all = new List<Table>();
        int line = 1;
        for (int i = 0; i < tables; i++)
        {
            var t = new Table(new QualifiedName("dbo", "T" + i), At(line++));
            int n = rng.Next(4, 17);
            t.Columns.Add(new Column($"T{i}Id", new SqlType("int"), At(line++)) { IsNullable = false, IsIdentity = true });
            for (int c = 1; c < n; c++)
                t.Columns.Add(new Column($"T{i}Attr{(char)('A' + c)}", new SqlType("nvarchar", 50), At(line++)));
            t.PrimaryKey = new KeyConstraint($"PK_T{i}", true, [t.Columns[0].Name], At(line++));
            if (rng.Next(4) == 0) t.UniqueConstraints.Add(new KeyConstraint($"UQ_T{i}", false, [t.Columns[1].Name], At(line++)));
            for (int f = rng.Next(0, Math.Min(3, all.Count)); f > 0; f--)
            {
                var parent = all[rng.Next(all.Count)];
                var fkCol = $"{parent.Name.Name}Id";
                if (t.IndexOf(fkCol) >= 0) continue;
                t.Columns.Add(new Column(fkCol, new SqlType("int"), At(line++)));
                t.ForeignKeys.Add(new ForeignKey($"FK_T{i}_{parent.Name.Name}", [fkCol], parent.Name, [parent.Columns[0].Name], At(line++)));
                if (rng.Next(3) == 0 && parent.Columns.Count > 2)
                {
                    var copied = parent.Columns[2];
                    if (t.IndexOf(copied.Name) < 0) t.Columns.Add(new Column(copied.Name, copied.Type, At(line++)));
                }
            }
            for (int d = rng.Next(0, 4); d > 0 && t.Columns.Count > 3; d--)
            {
                int a = rng.Next(1, t.Columns.Count), b = rng.Next(1, t.Columns.Count);
                if (a != b) t.Annotations.Add(new DependencyAnnotation(DependencyKind.Fd, [t.Columns[a].Name], [t.Columns[b].Name], [], At(line++)));
            }
            if (rng.Next(10) == 0)
                for (int p = 1; p <= 3; p++) t.Columns.Add(new Column($"Phone{p}", new SqlType("varchar", 20), At(line++)));
            if (rng.Next(10) == 0)
                t.Data = BuildRows(t, rng);
            model.Add(t);
            all.Add(t);
        }
        return model;
    }

    private static SchemaNorm.Analyzer.Data.TableData BuildRows(Table t, Random rng)
    {
        var b = new SchemaNorm.Analyzer.Data.TableDataBuilder(t.ColumnNames);
        for (int r = 0; r < 50; r++)
        {
            for (int c = 0; c < t.Columns.Count; c++)
                b.Add(c == 0 ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "v" + rng.Next(5));
            b.EndRow();
        }
        return b.Build();
    }
}
