using System.Xml;
using System.Xml.Linq;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.SqlProject;

/// <summary>
/// A SQL Server database project (<c>.sqlproj</c>), classic MSBuild or SDK-style (Microsoft.Build.Sql), read
/// as the build reads it: Build items are the schema (SDK-style: every .sql file below the project unless
/// removed), PreDeploy and PostDeploy scripts are run around deployment (their DDL is not the schema; their
/// rows are sample data), None items are not part of the database, and SqlCmdVariables take their default
/// values, next to the variables SSDT defines when it publishes (DatabaseName and the path variables).
/// </summary>
internal sealed class SqlProjectFile
{
    /// <summary>Folders a build writes to, never sources.</summary>
    private static readonly string[] OutputFolders = ["bin", "obj"];

    private SqlProjectFile(string path) => FilePath = path;

    public string FilePath { get; }

    public string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(FilePath))!;

    public string Name { get; private set; } = "";

    public bool IsSdkStyle { get; private set; }

    public List<string> Schema { get; } = [];

    public List<string> PreDeploy { get; } = [];

    public List<string> PostDeploy { get; } = [];

    public Dictionary<string, string> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SqlProjectFile? Load(string path, DiagnosticBag diagnostics)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(path, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            diagnostics.Error($"the project file is not valid XML: {e.Message}", new SourceLocation(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error($"cannot read the project file: {e.Message}", new SourceLocation(path, 1, 1));
            return null;
        }
        var project = new SqlProjectFile(path);
        project.Read(document.Root!, diagnostics);
        return project;
    }

    private static IEnumerable<XElement> Elements(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private SourceLocation Where(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(FilePath, info.LineNumber, info.LinePosition) : new SourceLocation(FilePath, 1, 1);

    private void Read(XElement root, DiagnosticBag diagnostics)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in Elements(root, "PropertyGroup"))
            foreach (var property in group.Elements())
                properties.TryAdd(property.Name.LocalName, property.Value.Trim());
        Name = properties.TryGetValue("Name", out var name) && name.Length > 0 ? name : System.IO.Path.GetFileNameWithoutExtension(FilePath);
        IsSdkStyle = root.Attribute("Sdk") is not null || Elements(root, "Sdk").Any() ||
                     Elements(root, "Import").Any(i => i.Attribute("Sdk") is not null);

        var files = ProjectFiles();
        var items = Elements(root, "ItemGroup").SelectMany(g => g.Elements()).ToList();
        List<string> Matching(string kind, string attribute)
        {
            var result = new List<string>();
            foreach (var item in items.Where(i => i.Name.LocalName.Equals(kind, StringComparison.OrdinalIgnoreCase)))
            {
                if (item.Attribute(attribute)?.Value is not { } value) continue;
                var excluded = (item.Attribute("Exclude")?.Value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => new ItemPattern(p)).ToList();
                foreach (var text in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (text.Contains("$(", StringComparison.Ordinal))
                    {
                        diagnostics.Info($"the {kind} item '{text}' names a path through an MSBuild property, which is not evaluated; it is not read", Where(item));
                        continue;
                    }
                    var pattern = new ItemPattern(text);
                    var found = files.Where(f => pattern.Matches(f) && !excluded.Any(x => x.Matches(f))).ToList();
                    if (found.Count == 0 && !pattern.HasWildcards && attribute == "Include" && kind is "Build" or "PreDeploy" or "PostDeploy")
                        diagnostics.Warning($"the project's {kind} item '{text}' names no file in {Folder}", Where(item));
                    result.AddRange(found);
                }
            }
            return result;
        }

        var preDeploy = Matching("PreDeploy", "Include");
        var postDeploy = Matching("PostDeploy", "Include");
        var none = Matching("None", "Include").Concat(Matching("Content", "Include")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = Matching("Build", "Remove").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var build = Matching("Build", "Include");
        // SDK-style projects build every .sql file below them; deployment scripts and None items are not built.
        if (IsSdkStyle) build.InsertRange(0, files.Where(f => f.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)));
        var deployment = preDeploy.Concat(postDeploy).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var schema = build.Where(f => !removed.Contains(f) && !deployment.Contains(f) && !none.Contains(f))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(f => f, ScriptOrder.PathComparer.Instance);
        Schema.AddRange(schema.Select(Full));
        PreDeploy.AddRange(preDeploy.Distinct(StringComparer.OrdinalIgnoreCase).Select(Full));
        PostDeploy.AddRange(postDeploy.Distinct(StringComparer.OrdinalIgnoreCase).Select(Full));

        // What SSDT's publish script defines before the project's own variables.
        Variables["DatabaseName"] = Name;
        Variables["DefaultFilePrefix"] = Name;
        Variables["DefaultDataPath"] = "";
        Variables["DefaultLogPath"] = "";
        foreach (var variable in items.Where(i => i.Name.LocalName.Equals("SqlCmdVariable", StringComparison.OrdinalIgnoreCase)))
        {
            if (variable.Attribute("Include")?.Value.Trim() is not { Length: > 0 } variableName) continue;
            var value = Elements(variable, "DefaultValue").FirstOrDefault()?.Value ?? Elements(variable, "Value").FirstOrDefault()?.Value ?? "";
            // Classic projects give Value as $(SqlCmdVar__1), a property of the project.
            if (value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(')') && properties.TryGetValue(value[2..^1], out var property)) value = property;
            Variables[variableName] = value;
        }
    }

    private string Full(string relative) => System.IO.Path.Combine(Folder, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Every file below the project's folder, as '/'-separated relative paths (hidden and build output folders left out).</summary>
    private List<string> ProjectFiles()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(Folder, "*", options)
            .Select(f => System.IO.Path.GetRelativePath(Folder, f).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
            .Where(f =>
            {
                var parts = f.Split('/');
                return !parts.SkipLast(1).Any(p => p.StartsWith('.') || OutputFolders.Contains(p, StringComparer.OrdinalIgnoreCase));
            })
            .ToList();
    }
}
