using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Inputs;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Decomposer.Ranking;

namespace SchemaNorm.Decomposer.Algorithms;

/// <summary>The tables a splitting run ended with, and how it got there.</summary>
internal sealed record SplitOutcome(
    IReadOnlyList<AttributeSet> Components, IReadOnlyList<DecompositionStep> Steps, IReadOnlyList<SetAsideDependency> SetAside)
{
    /// <summary>Searches that stopped at a bound: the tables they were about may still break the target.</summary>
    public IReadOnlyList<string> Limits { get; init; } = [];
}

/// <summary>
/// Decomposition by splitting (the textbook BCNF algorithm of Ullman and Silberschatz et al., Fagin's 4NF
/// and 5NF extensions): while some table S breaks the target, pick a violation and replace S by two (or
/// more) of its projections that join back losslessly.
/// <list type="bullet">
/// <item>BCNF: an FD X -> Y in S with X no superkey of S; S becomes X ∪ Y and S − Y (lossless as X -> Y).
/// Y is everything X determines in S, less the columns of a declared key or foreign key that would
/// otherwise be torn apart (X -> Y' still holds for the rest, so the split stays lossless).</item>
/// <item>4NF: once no FD violates, an MVD X ->> Y | Z holding among S's columns with X no superkey of S;
/// S becomes X ∪ Y and X ∪ Z.</item>
/// <item>5NF: once no MVD violates, a join dependency holding among S's columns and not implied by its
/// keys; S becomes its components.</item>
/// </list>
/// The choice among violations is the <see cref="SplitRanker"/>'s. Every split makes strictly smaller
/// tables, so the run ends.
/// </summary>
internal sealed class Splitter(DependencySpace space, TableFacts facts, SplitRanker ranker, NormalForm target)
{
    private readonly List<(AttributeSet Set, int Level, string What)> _protected = Protected(facts);
    private readonly List<string> _limits = [];

    public SplitOutcome Run()
    {
        var done = new List<AttributeSet>();
        var work = new Queue<AttributeSet>();
        work.Enqueue(space.Universe);
        var steps = new List<DecompositionStep>();
        var setAside = new List<SetAsideDependency>();

        while (work.Count > 0)
        {
            var s = work.Dequeue();
            List<SplitCandidate> candidates;
            try
            {
                candidates = Candidates(s);
            }
            catch (DependencyLimitException e)
            {
                _limits.Add($"({s.Format(facts.Names)}) was not split further: {e.Message}");
                done.Add(s);
                continue;
            }
            if (candidates.Count == 0)
            {
                done.Add(s);
                continue;
            }
            var ranked = ranker.Rank(candidates, [.. done, .. work]);
            foreach (var c in ranked.Where(c => !c.Plausible && c.Kind == DependencyKind.Fd))
            {
                var fd = new FunctionalDependency(c.Lhs, c.Determined);
                if (!setAside.Any(a => a.Dependency == fd)) setAside.Add(new SetAsideDependency(fd, c.Implausible!));
            }
            var usable = ranked.Where(c => c.Plausible).ToList();
            if (usable.Count == 0)
            {
                done.Add(s);
                continue;
            }
            var best = usable[0];
            steps.Add(new DecompositionStep
            {
                Kind = best.Kind,
                From = s,
                Lhs = best.Lhs,
                Rhs = best.Moved,
                Parts = best.Parts,
                Score = Math.Round(best.Score, 3),
                Reasons = best.Reasons.ToList(),
                Alternatives = usable.Count - 1,
                Relaxed = best.Relaxed,
                DataOnly = best.DataOnly,
            });
            foreach (var p in best.Parts) work.Enqueue(p);
        }

        // A table inside another adds nothing to the join; keep the larger one.
        var components = done.Distinct().ToList();
        components = components.Where(c => !components.Any(d => d != c && c.IsSubsetOf(d))).ToList();
        // Set-aside FDs that a later split acted on after all are not set aside.
        setAside = setAside.Where(a => components.Any(c => (a.Dependency.Lhs | a.Dependency.Rhs).IsSubsetOf(c))).ToList();
        return new SplitOutcome(components, steps, setAside) { Limits = _limits };
    }

    private List<SplitCandidate> Candidates(AttributeSet s)
    {
        var result = new List<SplitCandidate>();
        if (s.Count < 2) return result;

        var stated = space.Fds.Select(f => f.Lhs);
        foreach (var v in space.BcnfViolations(s, stated))
            if (FdCandidate(s, v.Lhs, v.Rhs) is { } c) result.Add(c);
        if (result.Count > 0 || target < NormalForm.Fourth) return result;

        foreach (var (x, blocks) in space.MvdViolations(s))
        {
            // X ->> B for each block B; moving B out leaves X ∪ (the other blocks).
            foreach (var b in blocks)
            {
                var parts = new[] { x | b, s - b };
                var (level, relaxed) = Level(s, parts);
                result.Add(new SplitCandidate
                {
                    Kind = DependencyKind.Mvd, Component = s, Lhs = x, Moved = b, Determined = b,
                    Parts = parts, RelaxLevel = level, Relaxed = relaxed,
                });
            }
        }
        if (result.Count > 0 || target < NormalForm.Fifth) return result;

        foreach (var jd in space.JdViolations(s))
        {
            var (level, relaxed) = Level(s, jd.Components);
            result.Add(new SplitCandidate
            {
                Kind = DependencyKind.Jd, Component = s, Parts = jd.Components, RelaxLevel = level, Relaxed = relaxed,
            });
        }
        return result;
    }

    /// <summary>
    /// The split on X -> Y, moving as much of Y as the strictest level of protection allows: at level 0
    /// no declared key or foreign key is torn apart, at level 1 only the primary key is kept whole, at level
    /// 2 nothing is. A protected set P inside S is torn when the split moves part of it and the new table
    /// X ∪ Y' does not hold all of it; then P ∩ Y' stays behind.
    /// </summary>
    private SplitCandidate? FdCandidate(AttributeSet s, AttributeSet x, AttributeSet y)
    {
        for (int level = 0; level <= 2; level++)
        {
            var moved = y;
            var torn = new List<string>();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (set, protectedUpTo, _) in _protected)
                {
                    if (protectedUpTo < level || !set.IsSubsetOf(s)) continue;
                    if (!set.Overlaps(moved) || set.IsSubsetOf(x | moved)) continue;
                    moved -= set;
                    changed = true;
                }
            }
            if (moved.IsEmpty) continue;
            foreach (var (set, _, what) in _protected)
                if (set.IsSubsetOf(s) && set.Overlaps(moved) && !set.IsSubsetOf(x | moved)) torn.Add(what);
            return new SplitCandidate
            {
                Kind = DependencyKind.Fd, Component = s, Lhs = x, Moved = moved, Determined = y,
                Parts = [x | moved, s - moved], RelaxLevel = level,
                Relaxed = torn.Count == 0 ? null : string.Join("; ", torn.Distinct()),
            };
        }
        return null;
    }

    /// <summary>The protection level a split into <paramref name="parts"/> needs, and what it tears apart.</summary>
    private (int Level, string? Relaxed) Level(AttributeSet s, IReadOnlyList<AttributeSet> parts)
    {
        int level = 0;
        var torn = new List<string>();
        foreach (var (set, protectedUpTo, what) in _protected)
        {
            if (!set.IsSubsetOf(s) || parts.Any(set.IsSubsetOf)) continue;
            torn.Add(what);
            level = Math.Max(level, protectedUpTo + 1);
        }
        return (Math.Min(level, 2), torn.Count == 0 ? null : string.Join("; ", torn.Distinct()));
    }

    /// <summary>Declared keys and foreign keys with the highest level at which each is still kept whole.</summary>
    private static List<(AttributeSet, int, string)> Protected(TableFacts facts)
    {
        var list = new List<(AttributeSet, int, string)>();
        var names = facts.Names;
        if (facts.PrimaryKey is { } pk && pk.Count > 1)
            list.Add((pk, 1, $"the primary key ({pk.Format(names)})"));
        foreach (var u in facts.UniqueKeys.Where(u => u.Count > 1))
            list.Add((u, 0, $"the unique key ({u.Format(names)})"));
        foreach (var (cols, fk) in facts.ForeignKeys.Where(f => f.Columns.Count > 1))
            list.Add((cols, 0, $"the foreign key ({cols.Format(names)}) to {fk.ReferencedTable}"));
        return list;
    }
}
