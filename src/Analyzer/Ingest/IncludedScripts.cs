using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// A file that another input script pulls in with <c>:r</c> runs there, and only there: read on its own as
/// well, its rows would count twice. This finds, before any script is read, which inputs are reached so.
/// Only <c>:r</c> lines whose path holds no SQLCMD variable can be followed this early.
/// </summary>
internal static partial class IncludedScripts
{
    [GeneratedRegex(@"^[ \t]*:r[ \t]+(?<path>[^\r\n]+?)[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IncludeLine();

    /// <summary>
    /// Full paths of the inputs that another input reaches through <c>:r</c> (directly or through included
    /// files), and does not reach back: in an include cycle, each file is still read on its own.
    /// </summary>
    public static HashSet<string> ReachedFrom(IEnumerable<(string Path, string Tree)> scripts, IngestOptions options, ReadScope scope)
    {
        var trees = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, tree) in scripts) trees.TryAdd(Full(path), tree);
        var inputs = trees.Keys.ToList();
        var includes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reach = inputs.ToDictionary(i => i, i => Reach(i, trees[i], includes, options, scope), StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
            if (inputs.Any(other => other != input && reach[other].Contains(input) && !reach[input].Contains(other)))
                result.Add(input);
        return result;
    }

    /// <summary>
    /// The files reached from <paramref name="root"/>; each file's includes are scanned once per run. An
    /// include outside the root's tree (or a special file) is not followed: the script reader refuses it
    /// too, and this early scan must not read what the run may not.
    /// </summary>
    private static HashSet<string> Reach(string root, string tree, Dictionary<string, List<string>> includes, IngestOptions options, ReadScope scope)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([root]);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (!includes.TryGetValue(file, out var targets)) includes[file] = targets = IncludesOf(file, options);
            foreach (var target in targets)
                if (MayFollow(target, tree, scope) && reached.Add(target)) queue.Enqueue(target);
        }
        return reached;
    }

    private static bool MayFollow(string target, string tree, ReadScope scope) =>
        RealPath.Of(target) is { } real && !ReadScope.IsSpecial(real, out _) && scope.MayRead(real, tree);

    private static List<string> IncludesOf(string file, IngestOptions options)
    {
        var targets = new List<string>();
        var text = Read(file, options);
        if (text is null || !text.Contains(":r", StringComparison.OrdinalIgnoreCase)) return targets;
        var folder = Path.GetDirectoryName(file) ?? ".";
        foreach (Match m in IncludeLine().Matches(text))
        {
            var target = m.Groups["path"].Value.Trim();
            if (target.Length >= 2 && target[0] == '"' && target[^1] == '"') target = target[1..^1];
            if (target.Length == 0 || target.Contains("$(", StringComparison.Ordinal)) continue;
            targets.Add(Full(ScriptPaths.Resolve(target, folder)));
        }
        return targets;
    }

    private static string? Read(string file, IngestOptions options)
    {
        try
        {
            // FIFOs and devices report no length: an early scan must not block on one or read it forever.
            var info = new FileInfo(file);
            if (!info.Exists || info.Length == 0 || info.Length > 256L * 1024 * 1024) return null;
            return TextFile.Read(file, options.Encoding, new DiagnosticBag());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Full(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    /// <summary>Notes that a script is left out because another input includes it.</summary>
    public static void Report(DiagnosticBag diagnostics, string path) =>
        diagnostics.Info("read where a :r includes it, not on its own (so its rows are not read twice)", new SourceLocation(path, 1, 1));
}
