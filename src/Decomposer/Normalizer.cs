using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Algorithms;
using SchemaNorm.Decomposer.Inputs;
using SchemaNorm.Decomposer.Naming;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Decomposer.Ranking;

namespace SchemaNorm.Decomposer;

/// <summary>
/// Proposes a lossless decomposition of one table that reaches a target normal form. Pure: the table
/// (with its sample rows), its dependencies and the schema go in, a <see cref="Decomposition"/> comes out.
/// <list type="bullet">
/// <item>3NF: synthesis from a minimal cover (<see cref="Synthesis"/>).</item>
/// <item>BCNF (the default): splits on violating FDs, chosen by <see cref="SplitRanker"/>. When the splits
/// lose a dependency, whether any dependency-preserving BCNF decomposition exists is decided exactly
/// (<see cref="BcnfPreservation"/>): if one does, it is proposed instead (a 3NF synthesis that is all BCNF,
/// or the fewest maximal BCNF subschemas that still preserve everything); if none does, the proposal says
/// so and offers the 3NF synthesis beside it.</item>
/// <item>4NF and 5NF: the same splitting, then on MVDs, then on join dependencies.</item>
/// </list>
/// </summary>
public static class Normalizer
{
    /// <summary>The proposal for a table the analysis has looked at (its dependencies as the analysis gathered them).</summary>
    public static Decomposition Propose(SchemaModel model, TableAnalysis analysis, DecompositionOptions? options = null)
    {
        var d = Propose(analysis.Table, analysis.Dependencies, model, options);
        // Projections cannot fix a repeating group or a list in a cell: say so, with the analysis's fix.
        var firstNormalForm = analysis.Findings.Where(f => f.Violates == NormalForm.First && f.Established)
            .Select(f => $"{analysis.Table.Name} also breaks 1NF ({f.RuleId}); splitting it into projections does not change that: {f.Fix}")
            .ToList();
        return firstNormalForm.Count == 0 ? d : With(d, d.DependencyPreservingBcnfExists, d.Alternative, [.. d.Notes, .. firstNormalForm]);
    }

    public static Decomposition Propose(
        Table table, IEnumerable<TableDependency> dependencies, SchemaModel? model = null, DecompositionOptions? options = null)
    {
        options ??= DecompositionOptions.Default;
        int n = table.Columns.Count;
        if (n == 0) throw new ArgumentException($"table {table.Name} has no columns", nameof(table));
        var target = options.Target < NormalForm.Third ? NormalForm.Third : options.Target;
        var notes = new List<string>();
        if (options.Target < NormalForm.Third) notes.Add($"a decomposition aims at 3NF at least; the {options.Target.Display()} target is served by the 3NF synthesis");

        var selection = DependencySelection.From(n, dependencies, options);
        notes.AddRange(selection.Notes);
        // Closures, projections and key searches only need an equivalent set of FDs, and a small one.
        var space = new DependencySpace(n, CompactCover.Compute(n, selection.Fds), selection.Mvds, selection.Jds, options.Limits);
        var facts = new TableFacts(table, model);
        var preserve = new FunctionalDependencySet(n,
            selection.HasDataFds && space.FdOnly ? MinimalCover.Compute(space.Fds) : selection.Fds);
        var trusted = new FunctionalDependencySet(n, selection.TrustedFds);
        var builder = new ProposalBuilder(space, facts, selection, preserve, options, target);
        var universe = space.Universe;
        string source = table.Name.Name;

        NormalForm? sourceForm = null;
        try
        {
            sourceForm = space.NormalFormOf(universe);
        }
        catch (DependencyLimitException e)
        {
            notes.Add($"the normal form of {table.Name} could not be established: {e.Message}");
        }

        // A sample too small to weigh any dependency: the tables its names and layout show, said to rest on them.
        if (selection.NamedFds.Count > 0 && facts.HasData)
        {
            var basis = selection.NamedBasis ?? "the column names and their layout, not the rows";
            var named = NamedBlockSplit.Split(selection.NamedFds, facts, source, basis);
            if (named.Steps.Count > 0)
            {
                var namedNotes = new List<string>(notes)
                {
                    $"the tables follow the column names and layout ({basis}); declare the dependencies, or analyse more rows, to confirm them",
                };
                namedNotes.AddRange(named.Left.Select(fd => $"{fd.Format(facts.Names)} is shown by the names but could not be split on after the others"));
                return builder.Build(named.Components, DecompositionMethod.BcnfSplit, named.Steps, selection.Excluded, namedNotes, sourceForm,
                    new TableNamer(table, model));
            }
        }

        if (sourceForm is { } f && f >= target)
        {
            notes.Add($"{table.Name} is already in {f.Display()} under its dependencies: nothing to split");
            var unchanged = builder.Build([(universe, new ComponentOrigin("the table as it is", facts.PrimaryKey, true, null))],
                DecompositionMethod.None, [], selection.Excluded, notes, sourceForm, new TableNamer(table, model));
            return f >= NormalForm.BCNF ? With(unchanged, exists: true, alternative: null) : unchanged;
        }

        // With FDs found in the rows, many of them accidental, a split is not judged by the FDs it keeps
        // enforceable among those: only the stated ones count for that.
        var ranker = new SplitRanker(facts, trusted, selection.HasDataFds ? trusted : preserve, options);

        if (target == NormalForm.Third && !selection.HasDataFds)
            return BuildSynthesis(space, space, facts, builder, selection, notes, sourceForm, table, model, DecompositionMethod.Synthesis);

        var outcome = new Splitter(space, facts, ranker, target == NormalForm.Third ? NormalForm.BCNF : target).Run();

        // FDs found in the rows are facts to keep enforceable only when a split acted on them: the others
        // may be accidents of the sample. Preservation, its decision and the 3NF synthesis then work on the
        // stated FDs and the acted-on ones.
        DependencySpace reasoning = space;
        if (selection.HasDataFds)
        {
            var kept = selection.TrustedFds.Concat(outcome.Steps.Where(st => st.Kind == DependencyKind.Fd).Select(st => new FunctionalDependency(st.Lhs, st.Rhs))).Distinct().ToList();
            preserve = new FunctionalDependencySet(n, kept);
            reasoning = new DependencySpace(n, kept, selection.Mvds, selection.Jds, options.Limits);
            builder = new ProposalBuilder(space, facts, selection, preserve, options, target);
            notes.Add("dependency preservation is judged on the stated dependencies and those found in the rows that a split acted on");
            if (target == NormalForm.Third)
                return BuildSynthesis(reasoning, space, facts, builder, selection, notes, sourceForm, table, model, DecompositionMethod.Synthesis);
        }
        var setAside = selection.Excluded.Concat(outcome.SetAside).ToList();
        notes.AddRange(outcome.Limits);
        var splitNotes = outcome.Steps.Where(s => s.Relaxed is not null)
            .Select(step => $"{step.Relaxed} is split: in ({step.From.Format(facts.Names)}) every remaining split on a violation of {target.Display()} tears it apart (this one on {Describe(step, facts.Names)})")
            .ToList();
        if (outcome.SetAside.Count > 0)
            notes.Add($"{outcome.SetAside.Count} dependenc{(outcome.SetAside.Count == 1 ? "y" : "ies")} found only in the sample rows {(outcome.SetAside.Count == 1 ? "was" : "were")} not acted on (see set-aside); declare {(outcome.SetAside.Count == 1 ? "it" : "them")} to split on {(outcome.SetAside.Count == 1 ? "it" : "them")}");

        if (outcome.Components.Count == 1)
        {
            // Nothing was split: every violation rests on dependencies the rows do not support well enough.
            notes.Add($"{table.Name} is below {target.Display()} only through dependencies found in the rows that were not acted on: nothing to split unless they are declared");
            return builder.Build([(universe, new ComponentOrigin("the table as it is", facts.PrimaryKey, true, null))],
                DecompositionMethod.None, [], setAside, notes, sourceForm, new TableNamer(table, model));
        }

        var method = target switch
        {
            NormalForm.BCNF => DecompositionMethod.BcnfSplit,
            NormalForm.Fourth => DecompositionMethod.FourthNormalFormSplit,
            _ => DecompositionMethod.FifthNormalFormSplit,
        };
        var components = Origins(outcome, source, facts);
        var stamped = RowStampBlocks.Separate(components, space, facts, preserve, builder.KeyOf);
        var splitBuilder = builder;
        if (stamped.Added.Count > 0)
            splitBuilder = new ProposalBuilder(new DependencySpace(n, [.. space.Fds, .. stamped.Added], space.Mvds, space.Jds, options.Limits),
                facts, selection, new FunctionalDependencySet(n, [.. preserve, .. stamped.Added]), options, target);
        var split = splitBuilder.Build(stamped.Components, method, outcome.Steps, setAside, [.. notes, .. splitNotes, .. stamped.Notes], sourceForm, new TableNamer(table, model));
        if (target != NormalForm.BCNF || !options.DecidePreservation) return split;
        if (split.DependencyPreserving) return With(split, exists: true, alternative: null);

        // The splits lost a dependency: is there a BCNF decomposition that keeps them all?
        var synthesis = Synthesis.Run(reasoning, new KeyChooser(facts));
        PreservationDecision decision;
        try
        {
            decision = BcnfPreservation.Decide(reasoning, preserve, synthesis.Select(t => t.Columns).ToList());
        }
        catch (DependencyLimitException e)
        {
            decision = new PreservationDecision(null, [], [], e.Message);
        }

        if (decision.Exists == true)
        {
            var lostBefore = string.Join("; ", split.LostDependencies.Select(l => l.Dependency.Format(facts.Names)));
            var why = $"the splits ranked best lose {lostBefore}, but a dependency-preserving BCNF decomposition exists";
            bool synthesisIsBcnf = decision.Witness.SequenceEqual(synthesis.Select(t => t.Columns));
            Decomposition better = synthesisIsBcnf
                ? BuildSynthesis(reasoning, space, facts, builder, selection, [.. notes, why + ": the 3NF synthesis, whose tables are all in BCNF"], sourceForm, table, model, DecompositionMethod.SynthesisInBcnf)
                : builder.Build(
                    decision.Witness.Select(c => (c, new ComponentOrigin("a maximal BCNF subschema", null, false, null))).ToList(),
                    DecompositionMethod.MaximalBcnfSubschemas, [], setAside,
                    [.. notes, why + ": the fewest maximal BCNF subschemas that keep every dependency", .. TornNotes(facts, decision.Witness)], sourceForm, new TableNamer(table, model));
            // Declared keys and foreign keys come first: a preserving decomposition that tears one apart which
            // the splits kept whole is offered beside the proposal, not instead of it.
            var tornByBetter = Torn(facts, better.Tables.Select(t => t.Columns)).Except(Torn(facts, split.Tables.Select(t => t.Columns))).ToList();
            if (tornByBetter.Count > 0)
                return With(split, exists: true, alternative: better,
                    [.. split.Notes, $"a dependency-preserving BCNF decomposition exists (the alternative), but it splits {string.Join("; ", tornByBetter)}, which this proposal keeps whole at the price of {lostBefore}"]);
            return With(better, exists: true, alternative: null);
        }

        var alternative = BuildSynthesis(reasoning, space, facts, builder, selection, [], sourceForm, table, model, DecompositionMethod.Synthesis);
        var more = split.Notes.ToList();
        if (decision.Exists == false)
            more.Add($"no lossless BCNF decomposition of {table.Name} preserves every dependency (decided from its {decision.MaximalSubschemas.Count} maximal BCNF subschemas); the 3NF synthesis beside it does, at the price of staying in 3NF");
        else
            more.Add($"whether a dependency-preserving BCNF decomposition exists was not decided ({decision.Reason}); the 3NF synthesis beside it preserves every dependency");
        return With(split, decision.Exists, alternative, more);
    }

    /// <summary>The 3NF synthesis from the FDs of <paramref name="from"/>; the tables' keys and normal forms under all of <paramref name="space"/>.</summary>
    private static Decomposition BuildSynthesis(
        DependencySpace from, DependencySpace space, TableFacts facts, ProposalBuilder builder, DependencySelection selection, List<string> notes,
        NormalForm? sourceForm, Table table, SchemaModel? model, DecompositionMethod method)
    {
        var tables = Synthesis.Run(from, new KeyChooser(facts));
        var names = facts.Names;
        if (tables.Count == 1 && tables[0].Columns == space.Universe)
        {
            // The synthesis is the table itself: keep it as it is.
            notes.Add($"the 3NF synthesis of {table.Name} is the table itself: it is in 3NF and every dependency stays enforced by its keys");
            return builder.Build([(space.Universe, new ComponentOrigin("the table as it is", facts.PrimaryKey, true, null))],
                DecompositionMethod.None, [], selection.Excluded, notes, sourceForm, new TableNamer(table, model));
        }
        var components = tables.Select(t => (t.Columns, new ComponentOrigin(
            t.Source is { } fd ? fd.Format(names) : $"a key of {table.Name.Name}",
            t.Key, facts.PrimaryKey is { } pk && pk.IsSubsetOf(t.Columns), null))).ToList();
        return builder.Build(components, method, [], selection.Excluded, [.. notes, .. TornNotes(facts, tables.Select(t => t.Columns))], sourceForm, new TableNamer(table, model));
    }

    /// <summary>The declared keys and foreign keys (of two or more columns) that no single table of <paramref name="components"/> holds.</summary>
    private static List<string> Torn(TableFacts facts, IEnumerable<AttributeSet> components)
    {
        var list = components.ToList();
        var names = facts.Names;
        var torn = new List<string>();
        void Check(AttributeSet set, string what)
        {
            if (set.Count > 1 && !list.Any(set.IsSubsetOf)) torn.Add(what);
        }
        if (facts.PrimaryKey is { } pk) Check(pk, $"the primary key ({pk.Format(names)})");
        foreach (var u in facts.UniqueKeys) Check(u, $"the unique key ({u.Format(names)})");
        foreach (var (cols, fk) in facts.ForeignKeys) Check(cols, $"the foreign key ({cols.Format(names)}) to {fk.ReferencedTable}");
        return torn;
    }

    private static IEnumerable<string> TornNotes(TableFacts facts, IEnumerable<AttributeSet> components) =>
        Torn(facts, components).Select(t => $"{t} is not held by any one table of this decomposition");

    /// <summary>Follows the splits to say where each final table came from.</summary>
    private static List<(AttributeSet, ComponentOrigin)> Origins(SplitOutcome outcome, string source, TableFacts facts)
    {
        var names = facts.Names;
        var origins = new Dictionary<AttributeSet, ComponentOrigin>
        {
            [facts.Universe] = new($"the rest of {source}", facts.PrimaryKey, true, null),
        };
        foreach (var step in outcome.Steps)
        {
            var parent = origins.GetValueOrDefault(step.From) ?? new ComponentOrigin($"the rest of {source}", null, false, null);
            switch (step.Kind)
            {
                case DependencyKind.Fd:
                case DependencyKind.Mvd:
                    var arrow = step.Kind == DependencyKind.Fd ? " -> " : " ->> ";
                    var made = step.Parts[0];
                    var rest = step.Parts[1];
                    origins[made] = new ComponentOrigin(
                        (step.Lhs.IsEmpty ? "∅" : step.Lhs.Format(names)) + arrow + step.Rhs.Format(names),
                        step.Kind == DependencyKind.Fd ? step.Lhs : null, false, step)
                    {
                        Fd = new FunctionalDependency(step.Lhs, step.Rhs),
                        Arrow = arrow,
                    };
                    origins[rest] = parent with
                    {
                        PreferredKey = parent.PreferredKey is { } p && p.IsSubsetOf(rest) ? p : null,
                    };
                    break;
                default:
                    foreach (var part in step.Parts)
                        origins[part] = new ComponentOrigin($"a component of a join dependency of {source}", null, false, step);
                    break;
            }
        }
        return outcome.Components
            .Select(c => (c, origins.GetValueOrDefault(c) ?? new ComponentOrigin($"part of {source}", null, false, null)))
            .ToList();
    }

    private static string Describe(DecompositionStep step, IReadOnlyList<string> names) => step.Kind switch
    {
        DependencyKind.Fd => (step.Lhs.IsEmpty ? "∅" : step.Lhs.Format(names)) + " -> " + step.Rhs.Format(names),
        DependencyKind.Mvd => (step.Lhs.IsEmpty ? "∅" : step.Lhs.Format(names)) + " ->> " + step.Rhs.Format(names),
        _ => "⋈[" + string.Join("; ", step.Parts.Select(p => "(" + p.Format(names) + ")")) + "]",
    };

    private static Decomposition With(Decomposition d, bool? exists, Decomposition? alternative, IReadOnlyList<string>? notes = null) => new()
    {
        Source = d.Source,
        ColumnNames = d.ColumnNames,
        Target = d.Target,
        SourceNormalForm = d.SourceNormalForm,
        Method = d.Method,
        Tables = d.Tables,
        Lossless = d.Lossless,
        DependencyPreserving = d.DependencyPreserving,
        LostDependencies = d.LostDependencies,
        DependencyPreservingBcnfExists = exists,
        Alternative = alternative,
        Steps = d.Steps,
        Data = d.Data,
        SetAside = d.SetAside,
        Notes = notes ?? d.Notes,
    };
}
