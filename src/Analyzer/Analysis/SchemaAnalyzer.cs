using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Analysis.Sources;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis;

/// <summary>
/// The normal-form analysis: for each table, gathers its dependencies (keys, declarations, the schema's
/// shape, sample data), finds its candidate keys, runs the rules of <see cref="AnalysisRules"/> and
/// settles its normal form. Pure: the model and options in, the analysis out; problems with the input
/// (an annotation naming an unknown column) go to the diagnostics.
/// </summary>
public static class SchemaAnalyzer
{
    /// <param name="dataDependencies">Dependencies found in a table's sample rows (source <c>data</c>), when discovery ran.</param>
    public static SchemaAnalysis Analyze(
        SchemaModel model, AnalysisOptions options, DiagnosticBag diagnostics,
        Func<Table, IReadOnlyList<TableDependency>>? dataDependencies = null)
    {
        var config = new Dictionary<Table, List<DependencyAnnotation>>(ReferenceEqualityComparer.Instance);
        foreach (var a in options.ConfigDependencies)
        {
            if (a.Table is not { } name)
            {
                diagnostics.Error($"the dependency '{a}' must name its table (e.g. 'fd dbo.Orders: OrderID -> CustomerID')", a.Location);
                continue;
            }
            var table = model.Find(name) ?? (name.Schema is null ? null : model.Find(name.Name));
            if (table is null)
            {
                diagnostics.Error($"unknown table '{name}' in the dependency '{a}'", a.Location);
                continue;
            }
            (config.TryGetValue(table, out var list) ? list : config[table] = []).Add(a);
        }

        ReportUnknownRules(model, diagnostics);
        var tables = model.Tables
            .Select(t => AnalyzeTable(model, t, options, diagnostics, config.GetValueOrDefault(t), dataDependencies))
            .ToList();
        return new SchemaAnalysis { Target = options.Target, Tables = tables };
    }

    /// <summary>Analyses one table of <paramref name="model"/> (the model gives foreign-key parents for schema inference).</summary>
    public static TableAnalysis AnalyzeTable(
        SchemaModel model, Table table, AnalysisOptions options, DiagnosticBag diagnostics,
        IReadOnlyList<DependencyAnnotation>? configDependencies = null,
        Func<Table, IReadOnlyList<TableDependency>>? dataDependencies = null)
    {
        int n = table.Columns.Count;
        var notes = new List<string>();
        var all = new List<TableDependency>();
        void AddAll(IEnumerable<TableDependency> deps)
        {
            foreach (var d in deps)
                if (!all.Any(x => x.Source == d.Source && DeclaredDependencies.SameDependency(x, d))) all.Add(d);
        }

        AddAll(KeyDependencies.From(table, diagnostics));
        AddAll(DeclaredDependencies.Resolve(table, table.Annotations, "annotation", diagnostics));
        AddAll(DeclaredDependencies.Resolve(table, configDependencies ?? [], "config", diagnostics));
        if (options.InferFromSchema)
            AddAll(SchemaInference.Infer(model, table, notes).Select(i => i.Dependency)
                .Where(d => !all.Any(x => DeclaredDependencies.SameDependency(x, d))));
        if (dataDependencies is not null)
            AddAll(NotImplied(ValidData(table, dataDependencies(table), diagnostics),
                all.Where(d => d.Source is DependencySource.Key or DependencySource.Declared).ToList(), n));

        bool Counts(TableDependency d) => d.Source != DependencySource.Schema || options.TrustSchemaInference;
        var counted = all.Where(Counts).ToList();
        var suspected = all.Where(d => !Counts(d)).ToList();

        var oracle = new DependencyOracle(
            n,
            counted.Where(d => d.Fd is not null).Select(d => d.Fd!.Value),
            counted.Where(d => d.Mvd is not null).Select(d => d.Mvd!.Value),
            counted.Where(d => d.Jd is not null).Select(d => d.Jd!),
            new OracleLimits(options.ChaseMaxRows, options.ChaseBudget, options.MaxExhaustiveColumns));

        CandidateKeyResult keys;
        bool keyNote = false;
        try
        {
            keys = oracle.CandidateKeys(options.KeyLimit);
        }
        catch (DependencyLimitException e)
        {
            keys = new CandidateKeyResult(CandidateKeys.Find(oracle.Fds, options.KeyLimit).Keys, false);
            notes.Add($"candidate keys: {e.Message}; the keys of the FDs alone are shown");
            keyNote = true;
        }
        if (!keys.Complete && !keyNote)
            notes.Add(keys.Keys.Count >= options.KeyLimit
                ? $"candidate keys: the search stopped after {keys.Keys.Count:N0} keys (the limit is {options.KeyLimit:N0}); more may exist"
                : $"candidate keys: with MVDs or JDs, keys are searched over at most {options.MaxExhaustiveColumns} determinable columns and this table has more; the keys shown are those of the FDs alone, minimised, and more may exist");

        var declaredKeys = table.DeclaredKeys;
        var (assumedKey, assumedFrom) = AssumedKey(declaredKeys, counted, keys, n);
        var ctx = new TableContext(model, table, options, counted, suspected, oracle, keys, declaredKeys)
        {
            AssumedKey = assumedKey,
            AssumedKeySource = assumedFrom,
        };
        ctx.Notes.AddRange(notes);
        var findings = new List<Finding>();
        foreach (var rule in AnalysisRules.All)
        {
            try
            {
                foreach (var f in rule.Check(ctx))
                {
                    findings.Add(f);
                    if (!ctx.Reported.Contains(f)) ctx.Reported.Add(f);
                }
            }
            catch (DependencyLimitException e)
            {
                ctx.Undetermined(rule.Descriptor.NormalForm, $"{rule.Descriptor.Id}: {e.Message}");
            }
        }

        var kept = new List<Finding>();
        var suppressed = new List<Finding>();
        var suppressions = options.Suppressions.Concat(InlineSuppressions(model, table)).ToList();
        foreach (var f in findings)
        {
            if (options.DisabledRules.Contains(f.RuleId)) continue;
            var severity = f.Established && options.RuleSeverities.TryGetValue(f.RuleId, out var configured) ? configured : f.Severity;
            if (f.Violates > options.Target && severity > Severity.Note) severity = Severity.Note;
            var adjusted = severity == f.Severity ? f : f with { Severity = severity };
            if (SuppressionOf(table, f, suppressions) is { } by) suppressed.Add(adjusted with { SuppressedBy = by });
            else kept.Add(adjusted);
        }

        // With a key the dependencies or the rows imply, the table is judged as if it were declared: the
        // missing declaration is reported (SN1001) but does not hide what the key shows.
        bool Counts1Nf(Finding f) => !(assumedKey is not null && f.RuleId == NoKeyRule.Id && f.Severity < Severity.Error);
        var normalForm = NormalForm.Fifth;
        foreach (var f in kept.Where(f => f.Established && Counts1Nf(f)))
            if (f.Violates.Below() < normalForm) normalForm = f.Violates.Below();
        if (ctx.UndeterminedFrom is { } u && u.Below() < normalForm) normalForm = u.Below();

        return new TableAnalysis
        {
            Table = table,
            ColumnNames = ctx.Names,
            Dependencies = all,
            CandidateKeys = keys.Keys,
            KeysComplete = keys.Complete,
            PrimeAttributes = ctx.Prime,
            NormalForm = normalForm,
            Findings = Order(kept),
            Suppressed = Order(suppressed),
            Notes = ctx.Notes.Distinct().ToList(),
            Undetermined = ctx.UndeterminedFrom,
            AssumedKey = assumedKey,
            AssumedKeySource = assumedFrom,
        };
    }

    /// <summary>
    /// For a table that declares no key: the key it is analysed with, and where it comes from. The key
    /// chosen from the rows when there is one (<see cref="TableDependency.IsKeyFromRows"/>); otherwise the
    /// first candidate key the stated dependencies imply, if it is not every column.
    /// </summary>
    private static (AttributeSet? Key, DependencySource? Source) AssumedKey(
        IReadOnlyList<AttributeSet> declaredKeys, IReadOnlyList<TableDependency> counted, CandidateKeyResult keys, int columns)
    {
        if (declaredKeys.Count > 0) return (null, null);
        if (counted.FirstOrDefault(d => d.IsKeyFromRows) is { Fd: { } rowKey } && keys.Keys.Contains(rowKey.Lhs))
            return (rowKey.Lhs, DependencySource.Data);
        var universe = AttributeSet.Range(columns);
        var implied = keys.Keys.FirstOrDefault(k => k != universe);
        if (!implied.IsEmpty && counted.Any(d => d.Source == DependencySource.Declared && d.Kind == DependencyKind.Fd))
            return (implied, DependencySource.Declared);
        return (null, null);
    }

    /// <summary>Most important first: severity, then the weakest form broken, established before suspected, then column order.</summary>
    private static List<Finding> Order(List<Finding> findings) => findings
        .OrderByDescending(f => f.Severity)
        .ThenBy(f => f.Violates)
        .ThenByDescending(f => f.Established)
        .ThenBy(f => f.Columns.IsEmpty ? int.MaxValue : f.Columns.First())
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ToList();

    /// <summary>The first suppression that covers the finding, or null.</summary>
    private static Suppression? SuppressionOf(Table table, Finding f, IReadOnlyList<Suppression> suppressions) =>
        suppressions.FirstOrDefault(s =>
            (s.RuleId == Suppression.AnyRule || string.Equals(s.RuleId, f.RuleId, StringComparison.OrdinalIgnoreCase))
            && (s.Table is not { } t || t.Equals(table.Name) || (t.Schema is null && Identifier.AreEqual(t.Name, table.Name.Name)))
            && (s.Column is not { } c || (table.IndexOf(c) is var i && i >= 0 && f.Columns.Contains(i)))
            && (s.File is not { } file
                || (SameFile(file, f.Location.File) && (s.Line is not { } line || line == f.Location.Line))
                || (s.Line is null && SameFile(file, table.Location.File))));

    /// <summary>The <c>-- schemanorm-disable</c> comments that can cover this table's findings.</summary>
    private static IEnumerable<Suppression> InlineSuppressions(SchemaModel model, Table table)
    {
        static IEnumerable<string> Ids(SuppressionComment c) => c.RuleIds.Count == 0 ? [Suppression.AnyRule] : c.RuleIds;
        foreach (var c in table.Suppressions)
            foreach (var id in Ids(c))
                yield return new Suppression(id) { Table = table.Name, Reason = c.Reason, Source = c.Location, InSource = true };
        foreach (var c in model.Suppressions)
            foreach (var id in Ids(c))
                yield return new Suppression(id)
                {
                    File = c.Location.File,
                    Line = c.Scope == SuppressionScope.Line ? c.Line : null,
                    Reason = c.Reason,
                    Source = c.Location,
                    InSource = true,
                };
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>A suppression comment that names no rule of SchemaNorm is most likely a typo: say so where it is.</summary>
    private static void ReportUnknownRules(SchemaModel model, DiagnosticBag diagnostics)
    {
        foreach (var c in model.Suppressions.Concat(model.Tables.SelectMany(t => t.Suppressions)))
            foreach (var id in c.RuleIds.Where(id => AnalysisRules.Find(id) is null))
                diagnostics.Warning($"unknown rule '{id}' in a schemanorm-disable comment (rules: {string.Join(", ", AnalysisRules.Descriptors.Select(d => d.Id))})", c.Location);
    }

    /// <summary>
    /// The data-found dependencies that say something the keys and declarations do not: one they imply
    /// (a key's own FDs, a declared FD the rows confirm) adds nothing and would only repeat findings.
    /// </summary>
    private static IEnumerable<TableDependency> NotImplied(IEnumerable<TableDependency> found, IReadOnlyList<TableDependency> stated, int columns)
    {
        var universe = AttributeSet.Range(columns);
        var fds = stated.Where(d => d.Fd is not null).Select(d => d.Fd!.Value).ToList();
        var mvds = stated.Where(d => d.Mvd is not null).Select(d => d.Mvd!.Value).ToList();
        var jds = stated.Where(d => d.Jd is not null).Select(d => d.Jd!).ToList();
        var fdSet = new FunctionalDependencySet(columns, fds);
        foreach (var d in found)
        {
            bool implied;
            try
            {
                implied = d.Kind switch
                {
                    DependencyKind.Fd when mvds.Count == 0 && jds.Count == 0 => fdSet.Implies(d.Fd!.Value),
                    DependencyKind.Fd => Chase.ImpliesFd(universe, d.Fd!.Value, fds, mvds, jds),
                    DependencyKind.Mvd when jds.Count == 0 => DependencyBasis.ImpliesMvd(d.Mvd!.Value, universe, fds, mvds),
                    DependencyKind.Mvd => Chase.ImpliesMvd(universe, d.Mvd!.Value, fds, mvds, jds),
                    _ => d.Jd!.Attributes == universe && Chase.ImpliesJd(universe, d.Jd!, fds, mvds, jds),
                };
            }
            catch (DependencyLimitException)
            {
                implied = false; // cannot tell: keep it, the rules decide with what they have
            }
            if (!implied) yield return d;
        }
    }

    private static IEnumerable<TableDependency> ValidData(Table table, IReadOnlyList<TableDependency> deps, DiagnosticBag diagnostics)
    {
        var universe = AttributeSet.Range(table.Columns.Count);
        foreach (var d in deps)
        {
            if (!d.Columns.IsSubsetOf(universe))
            {
                diagnostics.Warning($"a dependency found in the data of {table.Name} names a column the table does not have; it is ignored", d.Location);
                continue;
            }
            yield return d;
        }
    }
}
