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

    /// <summary>Full paths of the files reached through <c>:r</c> from <paramref name="scripts"/> (directly or through other included files).</summary>
    public static HashSet<string> ReachedFrom(IEnumerable<string> scripts, IngestOptions options)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(scripts.Select(Full));
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (!visited.Add(file)) continue;
            var text = Read(file, options);
            if (text is null || !text.Contains(":r", StringComparison.OrdinalIgnoreCase)) continue;
            var folder = Path.GetDirectoryName(file) ?? ".";
            foreach (Match m in IncludeLine().Matches(text))
            {
                var target = m.Groups["path"].Value.Trim();
                if (target.Length >= 2 && target[0] == '"' && target[^1] == '"') target = target[1..^1];
                if (target.Length == 0 || target.Contains("$(", StringComparison.Ordinal)) continue;
                var full = Full(ScriptPaths.Resolve(target, folder));
                if (reached.Add(full)) queue.Enqueue(full);
            }
        }
        return reached;
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
