using System.IO.Compression;
using System.Xml;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// What a <c>.dacpac</c> holds besides its model, read from the package (a zip file) before DacFx sees it:
/// the package's name, the SQLCMD variables it declares, the packages it references, and its pre- and
/// post-deployment scripts. A package is untrusted input: the file must be a regular file within the file
/// size limit, and every part read (model.xml included, which DacFx reads next) must declare an
/// uncompressed size within the same limit; a part is read no further than that size, whatever it claims.
/// </summary>
internal sealed class DacpacPackage
{
    private const string ModelPart = "model.xml";
    private const string MetadataPart = "DacMetadata.xml";
    public const string PreDeployPart = "predeploy.sql";
    public const string PostDeployPart = "postdeploy.sql";

    private DacpacPackage(string path) => Path = path;

    /// <summary>The package's path as the user gave it (or as found in a folder).</summary>
    public string Path { get; }

    /// <summary>The name the package was built with (DacMetadata.xml), else the file's name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>SQLCMD variables the package declares, with the value it keeps ("" when it keeps none, as SSDT builds them).</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other packages this one references (master.dacpac, another database's package).</summary>
    public List<DacpacReference> References { get; } = [];

    /// <summary>The pre-deployment script's text, or null.</summary>
    public string? PreDeployScript { get; private set; }

    /// <summary>The post-deployment script's text, or null.</summary>
    public string? PostDeployScript { get; private set; }

    /// <summary>Where a script stored in the package is reported: the package path, then the part's name.</summary>
    public string PartPath(string part) => PartPathOf(Path, part);

    public static string PartPathOf(string packagePath, string part) => System.IO.Path.Combine(packagePath, part);

    public string PreDeployPath => PartPath(PreDeployPart);
    public string PostDeployPath => PartPath(PostDeployPart);

    /// <summary>The package, or null after a located error (not a regular file, too large, not a zip, not a dacpac).</summary>
    public static DacpacPackage? Open(string path, ReadLimits limits, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(path, 1, 1);
        var kind = FileType.Of(path);
        if (kind != FileKind.Regular)
        {
            diagnostics.Error(kind == FileKind.Missing ? $"cannot read '{path}': no such file" : $"'{path}' is not read: it is {kind.Describe()}, not a regular file", at);
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > limits.MaxFileBytes)
            {
                diagnostics.Error($"'{path}' is {ReadLimits.Size(stream.Length)}, more than the {ReadLimits.Size(limits.MaxFileBytes)} a file may be", at);
                return null;
            }
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var package = new DacpacPackage(path) { Name = System.IO.Path.GetFileNameWithoutExtension(path) };
            return package.ReadParts(zip, limits, diagnostics) ? package : null;
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error($"this is not a .dacpac package: it is not a zip file ({e.Message.TrimEnd('.')})", at);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error($"cannot read '{path}': {e.Message}", at);
            return null;
        }
    }

    private bool ReadParts(ZipArchive zip, ReadLimits limits, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(Path, 1, 1);
        ZipArchiveEntry? Part(string name) => zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase));

        foreach (var entry in zip.Entries)
            if (entry.Length > limits.MaxFileBytes || entry.Length < 0)
            {
                diagnostics.Error($"the package's part {entry.FullName} unpacks to {ReadLimits.Size(entry.Length)}, more than the {ReadLimits.Size(limits.MaxFileBytes)} a file may be", at);
                return false;
            }
        var model = Part(ModelPart);
        if (model is null)
        {
            diagnostics.Error("this is not a .dacpac package: it holds no model.xml", at);
            return false;
        }
        if (!ReadModelHeader(model, limits, diagnostics)) return false;
        if (Part(MetadataPart) is { } metadata && !ReadMetadata(metadata, limits, diagnostics)) return false;
        if (Part(PreDeployPart) is { } pre) PreDeployScript = ReadScript(pre, PreDeployPath, limits, diagnostics);
        if (Part(PostDeployPart) is { } post) PostDeployScript = ReadScript(post, PostDeployPath, limits, diagnostics);
        return true;
    }

    /// <summary>The header of model.xml: SQLCMD variables and references. The elements after it are DacFx's to read.</summary>
    private bool ReadModelHeader(ZipArchiveEntry entry, ReadLimits limits, DiagnosticBag diagnostics)
    {
        return ReadXml(entry, limits, diagnostics, reader =>
        {
            string? category = null;
            Dictionary<string, string>? reference = null;
            void EndReference()
            {
                if (reference?.GetValueOrDefault("LogicalName") is { Length: > 0 } logical)
                    References.Add(new DacpacReference(logical, reference.GetValueOrDefault("FileName") ?? ""));
                reference = null;
            }
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "Header" or "CustomData") EndReference();
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Header") return;
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "Model") return;
                if (reader.LocalName == "CustomData")
                {
                    EndReference();
                    category = reader.GetAttribute("Category");
                    if (category == "Reference") reference = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (reader.IsEmptyElement) EndReference();
                }
                else if (reader.LocalName == "Metadata" && reader.GetAttribute("Name") is { } name)
                {
                    var value = reader.GetAttribute("Value") ?? "";
                    if (category == "SqlCmdVariables") Variables[name] = value;
                    else reference?.TryAdd(name, value);
                }
            }
        });
    }

    private bool ReadMetadata(ZipArchiveEntry entry, ReadLimits limits, DiagnosticBag diagnostics)
    {
        return ReadXml(entry, limits, diagnostics, reader =>
        {
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Name" && reader.Depth == 1)
                {
                    var name = reader.ReadElementContentAsString().Trim();
                    if (name.Length > 0) Name = name;
                    return;
                }
        });
    }

    private bool ReadXml(ZipArchiveEntry entry, ReadLimits limits, DiagnosticBag diagnostics, Action<XmlReader> read)
    {
        try
        {
            using var stream = new BoundedStream(entry.Open(), entry.Length);
            // No DTDs and no external entities: a package's XML names no file of the machine it is read on.
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = limits.MaxFileBytes });
            read(reader);
            return true;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            diagnostics.Error($"the package's {entry.FullName} cannot be read: {e.Message}", new SourceLocation(PartPath(entry.FullName), 1, 1));
            return false;
        }
    }

    private static string? ReadScript(ZipArchiveEntry entry, string shownPath, ReadLimits limits, DiagnosticBag diagnostics)
    {
        try
        {
            using var stream = new BoundedStream(entry.Open(), entry.Length);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            return bytes.Length == 0 ? null : TextFile.Decode(bytes, shownPath, null, diagnostics);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            diagnostics.Error($"the package's {entry.FullName} cannot be read: {e.Message}", new SourceLocation(shownPath, 1, 1));
            return null;
        }
    }
}

/// <summary>A reference to another package: its logical name (Catalog.dacpac) and the path it was built against.</summary>
internal sealed record DacpacReference(string LogicalName, string FileName);
