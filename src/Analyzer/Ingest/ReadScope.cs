using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>What <see cref="ReadScope.Admit"/> decided about a file an input asks for.</summary>
internal enum ReadVerdict { Allowed, Missing, Refused }

/// <summary>
/// Which files an input may make the tool read: a BULK INSERT's data file, a <c>:r</c> include, a CSV file
/// found in a folder. Inputs come from anyone who can open a pull request, and what is read may end up in
/// a report, so a file is read only when its real path (links followed) lies inside the input's own tree
/// — the folder given, or the repository above a file given — or inside a folder the user allows
/// (<c>--allow-read</c>, <c>allowRead</c> in the config file). Special files (FIFOs, devices, sockets,
/// anything under /proc, /dev or /sys) are never read: they can block forever, never end, or hold the
/// environment of the process.
/// </summary>
internal sealed class ReadScope
{
    private static readonly string[] SystemTrees = OperatingSystem.IsWindows() ? [] : ["/proc", "/dev", "/sys"];

    private readonly List<string> _allowed;

    /// <param name="allowRead">Folders the user allows besides each input's tree.</param>
    public ReadScope(IEnumerable<string> allowRead)
    {
        _allowed = allowRead.Select(p => RealPath.Of(Path.GetFullPath(p))).OfType<string>().ToList();
    }

    /// <summary>
    /// The tree an input may read from: a folder itself; for a file, the nearest folder above it that holds
    /// <c>.git</c> (a folder, or a file in a worktree), else the file's own folder. As a real path.
    /// </summary>
    public static string TreeOf(string fullPath, bool isFolder)
    {
        var tree = isFolder ? fullPath : RepositoryRoot.Of(fullPath) ?? Path.GetDirectoryName(fullPath) ?? fullPath;
        return RealPath.Of(tree) ?? tree;
    }

    /// <summary>True when a real path is a special file or lies under a system tree (/proc, /dev, /sys).</summary>
    public static bool IsSpecial(string realPath, out string why)
    {
        foreach (var system in SystemTrees)
            if (RealPath.IsInside(realPath, system))
            {
                why = $"it is under {system}, which holds no data files";
                return true;
            }
        var kind = FileType.Of(realPath);
        why = $"it is {kind.Describe()}, not a regular file";
        return kind.IsSpecial();
    }

    /// <summary>
    /// Decides whether the file at <paramref name="path"/>, which something in the input at <paramref name="askedAt"/>
    /// asks for (<paramref name="what"/>: "the data file of BULK INSERT", ":r include"), may be read from the
    /// input's <paramref name="tree"/>. Refused: a warning at <paramref name="askedAt"/>. Missing: nothing said.
    /// <paramref name="realPath"/> is the path to open.
    /// </summary>
    public ReadVerdict Admit(string path, string tree, string what, SourceLocation askedAt, DiagnosticBag diagnostics, out string realPath)
    {
        realPath = path;
        var real = RealPath.Of(path);
        if (real is null)
        {
            diagnostics.Warning($"{what} '{path}' is not read: its symbolic links go round in a loop", askedAt);
            return ReadVerdict.Refused;
        }
        realPath = real;
        if (IsSpecial(real, out var why))
        {
            diagnostics.Warning($"{what} '{path}' is not read: {why}", askedAt);
            return ReadVerdict.Refused;
        }
        var kind = FileType.Of(real);
        if (kind == FileKind.Missing) return ReadVerdict.Missing;
        if (kind == FileKind.Directory)
        {
            diagnostics.Warning($"{what} '{path}' is not read: it is a folder, not a file", askedAt);
            return ReadVerdict.Refused;
        }
        if (!MayRead(real, tree))
        {
            diagnostics.Warning(
                $"{what} '{path}' is not read: it is outside {tree}, the folder this input may read from " +
                "(allow another folder with --allow-read DIR or \"allowRead\" in schemanorm.json)", askedAt);
            return ReadVerdict.Refused;
        }
        return ReadVerdict.Allowed;
    }

    /// <summary>True when a real path is inside <paramref name="tree"/> or a folder the user allows.</summary>
    public bool MayRead(string realPath, string tree) =>
        RealPath.IsInside(realPath, tree) || _allowed.Any(a => RealPath.IsInside(realPath, a));
}
