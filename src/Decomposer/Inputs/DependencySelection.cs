using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Inputs;

/// <summary>
/// The dependencies of a table that a decomposition works with, sorted by how far they are trusted.
/// Keys and declarations are facts a person stated; FDs found in sample rows count for keys and normal
/// forms, but a split on one of them needs its own evidence (see the ranking); approximate FDs (that
/// hold only after deleting rows) and unconfirmed schema inferences are left out, as a lossless split
/// cannot rest on them.
/// </summary>
internal sealed class DependencySelection
{
    public List<FunctionalDependency> Fds { get; } = [];
    /// <summary>FDs from keys and declarations (and schema inferences when trusted).</summary>
    public List<FunctionalDependency> TrustedFds { get; } = [];
    /// <summary>FDs the names and layout show in a sample too small to weigh them, and why they are taken.</summary>
    public List<FunctionalDependency> NamedFds { get; } = [];
    public string? NamedBasis { get; private set; }
    public List<MultivaluedDependency> Mvds { get; } = [];
    public List<JoinDependency> Jds { get; } = [];
    public List<SetAsideDependency> Excluded { get; } = [];
    public List<string> Notes { get; } = [];

    public bool HasDataFds => Fds.Count > TrustedFds.Count;

    public static DependencySelection From(int columnCount, IEnumerable<TableDependency> dependencies, DecompositionOptions options)
    {
        var s = new DependencySelection();
        var universe = AttributeSet.Range(columnCount);
        foreach (var d in dependencies)
        {
            if (!d.Columns.IsSubsetOf(universe)) continue;
            bool trusted = d.Source is DependencySource.Key or DependencySource.Declared
                           || (d.Source == DependencySource.Schema && options.TrustSchemaInference);
            if (d.Source == DependencySource.Schema && !trusted) continue;
            if (d.Source == DependencySource.Data && d.Evidence is { Error: > 0 } e)
            {
                if (d.Fd is { } approx)
                    s.Excluded.Add(new SetAsideDependency(approx, $"holds only after deleting {e.Error:P1} of the rows: a lossless split cannot rest on it"));
                continue;
            }
            switch (d.Kind)
            {
                case DependencyKind.Fd:
                    var fd = d.Fd!.Value;
                    if (fd.IsTrivial) break;
                    if (!s.Fds.Contains(fd)) s.Fds.Add(fd);
                    if (trusted && !s.TrustedFds.Contains(fd)) s.TrustedFds.Add(fd);
                    if (d.IsFromNames && !s.NamedFds.Contains(fd))
                    {
                        s.NamedFds.Add(fd);
                        s.NamedBasis ??= d.Origin;
                    }
                    break;
                case DependencyKind.Mvd:
                    var mvd = d.Mvd!.Value;
                    if (!mvd.IsTrivial(universe) && !s.Mvds.Contains(mvd)) s.Mvds.Add(mvd);
                    break;
                default:
                    var jd = d.Jd!;
                    if (jd.Attributes != universe)
                    {
                        s.Notes.Add($"the join dependency {jd} does not name every column of the table and is not used");
                        break;
                    }
                    if (!jd.IsTrivial(universe) && !s.Jds.Contains(jd)) s.Jds.Add(jd);
                    break;
            }
        }
        return s;
    }
}
