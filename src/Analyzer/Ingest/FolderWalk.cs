using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The files in a folder given as input, searched recursively (hidden files and folders skipped). Links
/// are followed only inside the folder's tree: a linked folder that leads back into a folder on the way
/// down (a loop) or out of the tree is not followed, a linked file outside the tree or a special file is
/// not read (each a warning at the link), and a folder reached twice through links is searched once.
/// </summary>
internal static class FolderWalk
{
    /// <summary>The wanted files under <paramref name="folder"/>: each as found, with its real path.</summary>
    public static List<(string Path, string Real)> Files(string folder, string tree, ReadScope scope, Func<string, bool> wanted, DiagnosticBag diagnostics)
    {
        var walk = new Walk(tree, scope, wanted, diagnostics);
        walk.Folder(folder, tree);
        return walk.Found;
    }

    private sealed class Walk(string tree, ReadScope scope, Func<string, bool> wanted, DiagnosticBag diagnostics)
    {
        private static readonly EnumerationOptions OneLevel = new() { AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = true };
        private readonly List<string> _ancestors = [];
        private readonly HashSet<string> _visited = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase) { tree };

        public List<(string Path, string Real)> Found { get; } = [];

        public void Folder(string path, string real)
        {
            List<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(path, "*", OneLevel).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning($"cannot search the folder: {e.Message}", new SourceLocation(path, 1, 1));
                return;
            }
            _ancestors.Add(real);
            foreach (var entry in entries)
            {
                bool isLink = IsLink(entry);
                var entryReal = isLink ? RealPath.Of(entry) : Path.Join(real, Path.GetFileName(entry));
                var at = new SourceLocation(entry, 1, 1);
                if (entryReal is null)
                {
                    if (Directory.Exists(entry) || wanted(entry)) diagnostics.Warning("this link is not followed: its symbolic links go round in a loop", at);
                    continue;
                }
                if (Directory.Exists(entry))
                {
                    if (isLink && _ancestors.Any(a => RealPath.IsInside(a, entryReal)))
                        diagnostics.Warning($"this folder link is not followed: it leads back to {entryReal}, a folder it is in (a loop)", at);
                    else if (isLink && !scope.MayRead(entryReal, tree))
                        diagnostics.Warning($"this folder link is not followed: it leads to {entryReal}, outside {tree}, the folder given " +
                            "(allow another folder with --allow-read DIR or \"allowRead\" in schemanorm.json)", at);
                    else if (_visited.Add(entryReal))
                        Folder(entry, entryReal);
                    continue;
                }
                if (!wanted(entry)) continue;
                if (ReadScope.IsSpecial(entryReal, out var why))
                    diagnostics.Warning($"this file is not read: {why}", at);
                else if (isLink && !scope.MayRead(entryReal, tree))
                    diagnostics.Warning($"this file is not read: it links to {entryReal}, outside {tree}, the folder given " +
                        "(allow another folder with --allow-read DIR or \"allowRead\" in schemanorm.json)", at);
                else
                    Found.Add((entry, entryReal));
            }
            _ancestors.RemoveAt(_ancestors.Count - 1);
        }

        private static bool IsLink(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget is not null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
